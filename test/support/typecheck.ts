/**
 * Type-checks route files against the real `next` package, in-process with the TypeScript
 * compiler API (one Program for all files). Files are written under the repo's git-ignored
 * .cache so `next` resolves from the repo's node_modules. Each route file is also checked
 * against the handler shape Next's typegen validates (RouteHandlerConfig in
 * packages/next/src/server/lib/router-utils/typegen.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { REPO_ROOT } from './nextDev';

export interface TypeCheckFile {
  /** Path inside the project, e.g. `app/api/posts/[id]/route.ts`. */
  readonly path: string;
  readonly text: string;
  /** The route's params type for the Next.js handler-shape check, e.g. `{ id: string }`. */
  readonly params?: string;
  /** Key of this file's diagnostics in the result (default: `path`). */
  readonly label?: string;
}

const GLOBALS = `
declare const db: any;
declare const prisma: any;
declare const token: string;
declare function load(): Promise<any>;
declare function save(...args: unknown[]): Promise<any>;
declare function verifySession(id: string): Promise<any>;
declare function createSession(data: unknown): Promise<{ id: string; user: unknown }>;
declare module '@/lib/db' {
  export const db: any;
}
declare module '@/lib/auth' {
  export function verifyToken(token: string): Promise<{ sub: string } | null>;
}
declare module '@/lib/session' {
  export function getSession(id: string): Promise<{ user: { id: string; name: string; passwordHash: string } } | null>;
}
`;

export function typeCheck(files: readonly TypeCheckFile[], name = 'typecheck'): Map<string, string[]> {
  const root = path.join(REPO_ROOT, '.cache', name);
  fs.rmSync(root, { recursive: true, force: true });
  const roots: string[] = [];
  const write = (rel: string, text: string): string => {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    roots.push(file);
    return file;
  };
  write('globals.d.ts', GLOBALS);
  const byFile = new Map<string, string>();
  files.forEach((f, i) => {
    const dir = `case${i}`;
    const file = write(`${dir}/${f.path}`, f.text);
    byFile.set(file, f.label ?? f.path);
    if (/\.tsx?$/.test(f.path)) {
      const rel = './' + path.basename(f.path).replace(/\.tsx?$/, '');
      const params = f.params ?? '{}';
      const check = write(
        `${dir}/${path.dirname(f.path)}/__check.ts`,
        `import type { NextRequest } from 'next/server';\n` +
          `import * as mod from '${rel}';\n` +
          `type Handler = (request: NextRequest, context: { params: Promise<${params}> }) => Promise<Response | void> | Response | void;\n` +
          `type RouteHandlerConfig = { GET?: Handler; POST?: Handler; PUT?: Handler; PATCH?: Handler; DELETE?: Handler; HEAD?: Handler; OPTIONS?: Handler };\n` +
          `type IsExpected<T extends RouteHandlerConfig> = T;\n` +
          `export type Check = IsExpected<typeof mod>;\n`,
      );
      byFile.set(check, `${f.label ?? f.path} (Next.js route handler type)`);
    }
  });
  const program = ts.createProgram(roots, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.dom.d.ts', 'lib.dom.iterable.d.ts', 'lib.esnext.d.ts'],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    allowJs: true,
    checkJs: false,
    jsx: ts.JsxEmit.Preserve,
    types: [],
    esModuleInterop: true,
    isolatedModules: true,
  });
  const out = new Map<string, string[]>();
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const file = d.file?.fileName;
    const key = (file && byFile.get(path.resolve(file))) ?? file ?? '(global)';
    const pos = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
    const msg = `${pos ? `${pos.line + 1}:${pos.character + 1} ` : ''}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    out.set(key, [...(out.get(key) ?? []), msg]);
  }
  return out;
}

/**
 * The plugin as users install it: a Next.js 16 app laid out as create-next-app makes it, with
 * the `eslint.config.mjs` the README tells users to write (eslint-config-next, then our
 * recommended config), linted by the ESLint CLI as a real process. The app's node_modules
 * links to this package (so `next-route-kit/eslint` resolves through package.json `exports` to
 * dist/) and to the ESLint, eslint-config-next and Next.js installed here.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../../support/nextDev';
import { tempProject } from '../../support/tempProject';

/** What the README's "ESLint" section tells users to paste (kept in step by the README test below). */
const README_ESLINT_CONFIG = `import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import nextRouteKit from 'next-route-kit/eslint';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  nextRouteKit.configs.recommended,
  globalIgnores(['.next/**', 'out/**', 'build/**', 'next-env.d.ts']),
]);
`;

const USERS_ROUTE = `import { NextResponse } from 'next/server';

export async function POST(request: Request) {
  const data = await request.json();
  const user = await db.users.create(data);
  return NextResponse.json(user);
}

declare const db: { users: { create(data: unknown): Promise<unknown> } };
`;

const ITEM_ROUTE = `export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = params;
  return Response.json({ id });
}
`;

const CORS_ROUTE = `export async function GET() {
  // eslint-disable-next-line next-route-kit/no-wildcard-cors
  const a = Response.json({ a: 1 }, { headers: { 'Access-Control-Allow-Origin': '*' } });
  // next-route-kit-disable-next-line no-wildcard-cors
  const b = Response.json({ b: 1 }, { headers: { 'Access-Control-Allow-Origin': '*' } });
  const c = Response.json({ c: 1 }, { headers: { 'Access-Control-Allow-Origin': '*' } });
  return Math.random() > 0.5 ? a : Math.random() > 0.5 ? b : c;
}

export async function OPTIONS() {
  return new Response(null, { status: 204, headers: { 'Access-Control-Allow-Origin': 'https://example.com' } });
}
`;

/** A JavaScript route in `src/app` would be ignored beside `app/`: this app has only `app/`. */
const JS_ROUTE = `export async function get() {\n  return Response.json({ ok: 1 }, { status: 204 });\n}\n`;

interface Message {
  ruleId: string | null;
  line: number;
  column: number;
  fatal?: boolean;
}

function nextApp(nextVersion = '16.4.6'): ReturnType<typeof tempProject> {
  const project = tempProject({
    'package.json': JSON.stringify({
      name: 'my-app',
      private: true,
      scripts: { dev: 'next dev', build: 'next build', lint: 'eslint' },
      dependencies: { next: nextVersion, react: '19.3.1', 'react-dom': '19.3.1' },
      devDependencies: { eslint: '^9', 'eslint-config-next': nextVersion, 'next-route-kit': '*' },
    }),
    'eslint.config.mjs': README_ESLINT_CONFIG,
    'next.config.ts': `import type { NextConfig } from 'next';\n\nconst nextConfig: NextConfig = {};\n\nexport default nextConfig;\n`,
    'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, jsx: 'preserve', module: 'esnext' } }),
    'app/layout.tsx': `export default function RootLayout({ children }: { children: React.ReactNode }) {\n  return (\n    <html lang="en">\n      <body>{children}</body>\n    </html>\n  );\n}\n`,
    'app/page.tsx': `export default function Home() {\n  return <img src="/next.svg" alt="Next.js" />;\n}\n`,
    'app/api/users/route.ts': USERS_ROUTE,
    'app/api/items/[id]/route.ts': ITEM_ROUTE,
    'app/api/cors/route.ts': CORS_ROUTE,
    'app/api/legacy/route.js': JS_ROUTE,
    // Not a route file: our rules stay out of it.
    'lib/respond.ts': `export function empty() {\n  return Response.json({ ok: 1 }, { status: 204 });\n}\n`,
  });
  const modules = path.join(project.dir, 'node_modules');
  fs.mkdirSync(modules);
  fs.symlinkSync(REPO_ROOT, path.join(modules, 'next-route-kit'), 'dir');
  for (const name of ['eslint', 'eslint-config-next', ...(nextVersion === '16.4.6' ? ['next'] : [])])
    fs.symlinkSync(path.join(REPO_ROOT, 'node_modules', name), path.join(modules, name), 'dir');
  return project;
}

function eslint(
  dir: string,
  ...args: string[]
): { status: number | null; results: Array<{ filePath: string; messages: Message[] }> } {
  const r = spawnSync(
    process.execPath,
    [path.join(dir, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--format', 'json', ...args, '.'],
    {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 64 * 2 ** 20,
    },
  );
  assert.ok(r.stdout.startsWith('['), `eslint failed (${r.status}):\n${r.stderr}\n${r.stdout}`);
  return { status: r.status, results: JSON.parse(r.stdout) };
}

/** `file rule line:column` for every finding, config-next's and ours. */
function findings(dir: string, results: ReturnType<typeof eslint>['results']): string[] {
  return results
    .flatMap((r) =>
      r.messages.map((m) => {
        assert.ok(!m.fatal, `fatal: ${JSON.stringify(m)}`);
        return `${path.relative(dir, r.filePath)} ${m.ruleId} ${m.line}:${m.column}`;
      }),
    )
    .sort();
}

describe('the next-route-kit/eslint bundle', () => {
  it('loads the engine the package ships (dist/engine.js) instead of carrying a second copy of the parser', () => {
    if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'eslint.js')))
      execFileSync(process.execPath, [path.join(REPO_ROOT, 'esbuild.mjs')], { cwd: REPO_ROOT });
    const bundle = fs.readFileSync(path.join(REPO_ROOT, 'dist', 'eslint.js'), 'utf8');
    assert.match(bundle, /require\(["']\.\/engine\.js["']\)/);
    assert.ok(!bundle.includes('createSourceFile'), 'no TypeScript compiler in dist/eslint.js');
  });
});

describe('the README ESLint section', () => {
  it('gives the eslint.config.mjs this test lints with', () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    assert.ok(readme.includes('## ESLint\n'), 'README has an ESLint section');
    assert.ok(readme.includes('```js\n' + README_ESLINT_CONFIG + '```\n'), 'README shows the tested config');
  });
});

describe('a Next.js 16 app linting with eslint-config-next and next-route-kit/eslint', function () {
  this.timeout(180_000);
  before(() => {
    if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'eslint.js')))
      execFileSync(process.execPath, [path.join(REPO_ROOT, 'esbuild.mjs')], { cwd: REPO_ROOT });
  });
  let app: ReturnType<typeof tempProject>;
  afterEach(() => app.remove());

  it('reports our findings on route files only, next to eslint-config-next, and honours both kinds of disable comment', () => {
    app = nextApp();
    const run = eslint(app.dir);
    assert.deepEqual(findings(app.dir, run.results), [
      'app/api/cors/route.ts next-route-kit/no-wildcard-cors 6:81',
      'app/api/items/[id]/route.ts next-route-kit/await-params 2:18',
      'app/api/legacy/route.js next-route-kit/invalid-route-export 1:23',
      'app/api/legacy/route.js next-route-kit/no-body-with-null-status 2:10',
      'app/api/users/route.ts next-route-kit/create-status 6:10',
      'app/api/users/route.ts next-route-kit/no-mass-assignment 5:38',
      'app/api/users/route.ts next-route-kit/no-sensitive-response 6:28',
      'app/api/users/route.ts next-route-kit/require-try-catch 5:16',
      'app/api/users/route.ts next-route-kit/unguarded-json-parse 4:22',
      'app/api/users/route.ts next-route-kit/validate-input 5:38',
      'app/page.tsx @next/next/no-img-element 2:10',
    ]);
    assert.equal(run.status, 1, 'an error-severity finding fails the run');
  });

  it('applies the safe fixes with eslint --fix and leaves the rest reported', () => {
    app = nextApp();
    const run = eslint(app.dir, '--fix');
    const read = (rel: string): string => fs.readFileSync(path.join(app.dir, rel), 'utf8');
    assert.match(read('app/api/users/route.ts'), /return NextResponse\.json\(user, \{ status: 201 \}\);/);
    assert.match(read('app/api/items/[id]/route.ts'), /const \{ id \} = await params;/);
    assert.equal(
      read('app/api/legacy/route.js'),
      `export async function GET() {\n  return new Response(null, { status: 204 });\n}\n`,
    );
    assert.equal(
      read('lib/respond.ts'),
      `export function empty() {\n  return Response.json({ ok: 1 }, { status: 204 });\n}\n`,
    );
    // require-try-catch's wrap is a suggestion, never applied by --fix; what has no safe fix remains.
    assert.doesNotMatch(read('app/api/users/route.ts'), /try \{/);
    assert.deepEqual(findings(app.dir, run.results), [
      'app/api/cors/route.ts next-route-kit/no-wildcard-cors 6:81',
      'app/api/users/route.ts next-route-kit/no-mass-assignment 5:38',
      'app/api/users/route.ts next-route-kit/no-sensitive-response 6:28',
      'app/api/users/route.ts next-route-kit/require-try-catch 5:16',
      'app/api/users/route.ts next-route-kit/unguarded-json-parse 4:22',
      'app/api/users/route.ts next-route-kit/validate-input 5:38',
      'app/page.tsx @next/next/no-img-element 2:10',
    ]);
  });

  it('reads the Next.js version from the app: version-gated rules stay off on Next.js 14', () => {
    app = nextApp('14.2.0');
    const ids = findings(app.dir, eslint(app.dir).results);
    assert.ok(!ids.some((f) => f.includes('await-params')), ids.join('\n'));
    assert.ok(
      ids.some((f) => f.includes('create-status')),
      ids.join('\n'),
    );
  });
});

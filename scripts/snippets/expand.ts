/**
 * Every snippet, in both variants, expanded with its defaults into the route file it belongs
 * in — and the TypeScript ones bound (as the completion provider binds them) to routes with
 * several params and an optional catch-all. Shared by the snippet tests (type-check, lint)
 * and the benchmark corpus:
 *
 *   tsx scripts/snippets/expand.ts <dir>   writes them as route files under <dir> (emptied first)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { routePathFromSegments } from '../../src/core/nextjs/routePath';
import { bindSnippet, SNIPPET_FILES, type SnippetFile } from '../../src/core/snippets';
import { expandSnippet } from '../../src/core/snippets/syntax';

export interface ExpandedSnippet {
  readonly label: string;
  /** Where it lives in a project, e.g. `app/api/items/[id]/route.ts`. */
  readonly path: string;
  readonly text: string;
  /** The `params` type of its route, for type-checking the handler shape. */
  readonly params?: string;
}

const REPO_ROOT = path.resolve(__dirname, '..', '..');

export const loadSnippets = (rel: string): SnippetFile =>
  JSON.parse(fs.readFileSync(path.join(REPO_ROOT, rel), 'utf8'));

/** The folder a snippet belongs in: `[...slug]` for catch-all snippets, `[id]` for item snippets. */
function homeOf(body: string): { dir: string; params?: string } {
  if (/\$\{1:-slug\}/.test(body)) return { dir: 'app/api/files/[...slug]', params: '{ slug: string[] }' };
  if (/\$\{1:-id\}/.test(body)) return { dir: 'app/api/items/[id]', params: '{ id: string }' };
  return { dir: 'app/api/items' };
}

/** Routes with several params and an optional catch-all, to bind the TypeScript snippets to. */
const BOUND_ROUTES = [
  { dir: 'app/api/orgs/[org]/items/[itemId]', params: '{ org: string; itemId: string }' },
  { dir: 'app/api/docs/[[...path]]', params: '{ path?: string[] }' },
];

export function expandEverySnippet(): ExpandedSnippet[] {
  const out: ExpandedSnippet[] = [];
  for (const [variant, rel] of Object.entries(SNIPPET_FILES)) {
    const ext = variant === 'typescript' ? 'ts' : 'js';
    for (const s of Object.values(loadSnippets(rel))) {
      const body = s.body.join('\n');
      const home = homeOf(body);
      let text = expandSnippet(body, { TM_DIRECTORY: `/work/my-app/${home.dir}` }).text + '\n';
      // Segment config goes into a file that has handlers: give it one, as a route needs.
      if (!/export (async )?function [A-Z]+\(/.test(text))
        text += '\nexport async function GET() {\n  return Response.json({ ok: true });\n}\n';
      out.push({
        label: `${s.prefix} (${variant}) in ${home.dir}`,
        path: `${home.dir}/route.${ext}`,
        text,
        ...(home.params ? { params: home.params } : {}),
      });
    }
  }
  for (const route of BOUND_ROUTES) {
    const info = routePathFromSegments(route.dir.split('/').slice(1));
    for (const s of Object.values(loadSnippets(SNIPPET_FILES.typescript))) {
      const bound = bindSnippet(s.body.join('\n'), { params: info.params, route: info.route });
      if (bound === undefined) continue;
      if (!/Promise<\{/.test(bound)) continue; // snippets without params are covered above
      out.push({
        label: `${s.prefix} bound to ${route.dir}`,
        path: `${route.dir}/route.ts`,
        text: expandSnippet(bound).text + '\n',
        params: route.params,
      });
    }
  }
  return out;
}

/** Writes every expansion as a route file below `dir` (emptied first), one project folder each. */
export function writeEverySnippet(dir: string): string[] {
  fs.rmSync(dir, { recursive: true, force: true });
  return expandEverySnippet().map((f, i) => {
    // One project per file: several snippets share a route folder.
    const file = path.join(dir, String(i).padStart(3, '0'), f.path);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, f.text);
    return file;
  });
}

if (require.main === module) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: tsx scripts/snippets/expand.ts <dir>');
    process.exit(2);
  }
  const files = writeEverySnippet(dir);
  process.stderr.write(`${files.length} snippet expansions written to ${dir}\n`); // stdout stays for `bench --json`
}

/**
 * Every snippet, in both variants, expanded with its defaults into a route file: it
 * type-checks (strict) against the real `next` package with the handler shape `next build`
 * checks, and our own linter finds nothing in it. The same holds once the editor has bound
 * it to a route with several params, and to an optional catch-all.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from '../../../src/core/ast/parse';
import { lintDocument } from '../../../src/core/lint/lint';
import type { AnyRule } from '../../../src/core/lint/rule';
import { RULES } from '../../../src/core/rules';
import { bindSnippet, SNIPPET_FILES, type SnippetFile } from '../../../src/core/snippets';
import { expandSnippet } from '../../../src/core/snippets/syntax';
import { REPO_ROOT } from '../../support/nextDev';
import { typeCheck, type TypeCheckFile } from '../../support/typecheck';
import { routeInfoFor } from '../support/ruleTester';

interface Expanded extends TypeCheckFile {
  readonly label: string;
}

const load = (rel: string): SnippetFile => JSON.parse(fs.readFileSync(path.join(REPO_ROOT, rel), 'utf8'));

/** The folder a snippet belongs in: `[...slug]` for catch-all snippets, `[id]` for item snippets. */
function homeOf(body: string): { dir: string; params?: string } {
  if (/\$\{1:-slug\}/.test(body)) return { dir: 'app/api/files/[...slug]', params: '{ slug: string[] }' };
  if (/\$\{1:-id\}/.test(body)) return { dir: 'app/api/items/[id]', params: '{ id: string }' };
  return { dir: 'app/api/items' };
}

function expandAll(): Expanded[] {
  const out: Expanded[] = [];
  for (const [variant, rel] of Object.entries(SNIPPET_FILES)) {
    const ext = variant === 'typescript' ? 'ts' : 'js';
    for (const s of Object.values(load(rel))) {
      const body = s.body.join('\n');
      const home = homeOf(body);
      let text = expandSnippet(body, { TM_DIRECTORY: `/work/my-app/${home.dir}` }).text + '\n';
      // Segment config goes into a file that has handlers: give it one, as a route needs.
      if (!/export (async )?function [A-Z]+\(/.test(text)) text += '\nexport async function GET() {\n  return Response.json({ ok: true });\n}\n';
      out.push({ label: `${s.prefix} (${variant}) in ${home.dir}`, path: `${home.dir}/route.${ext}`, text, ...(home.params ? { params: home.params } : {}) });
    }
  }
  // As the completion provider binds them: every param of the route in the type.
  const routes = [
    { dir: 'app/api/orgs/[org]/items/[itemId]', params: '{ org: string; itemId: string }' },
    { dir: 'app/api/docs/[[...path]]', params: '{ path?: string[] }' },
  ];
  for (const route of routes) {
    const info = routeInfoFor(`${route.dir}/route.ts`);
    for (const s of Object.values(load(SNIPPET_FILES.typescript))) {
      const bound = bindSnippet(s.body.join('\n'), { params: info.params, route: info.route });
      if (bound === undefined) continue;
      if (!/Promise<\{/.test(bound)) continue; // snippets without params are covered above
      out.push({ label: `${s.prefix} bound to ${route.dir}`, path: `${route.dir}/route.ts`, text: expandSnippet(bound).text + '\n', params: route.params });
    }
  }
  return out;
}

describe('every snippet, expanded with its defaults', function () {
  this.timeout(180000);
  const files = expandAll();

  it('covers both variants of every snippet and the bound forms', () => {
    const count = Object.keys(load(SNIPPET_FILES.typescript)).length;
    assert.ok(files.filter((f) => / bound to /.test(f.label)).length >= 8);
    assert.equal(files.filter((f) => !/ bound to /.test(f.label)).length, count * 2);
  });

  it('type-checks against the real next types, strict, with the handler shape next build expects', () => {
    const result = typeCheck(files, 'snippets');
    const problems = [...result].map(([file, msgs]) => `${file}:\n  ${msgs.join('\n  ')}`);
    assert.deepEqual(problems, [], problems.join('\n'));
  });

  for (const f of files) {
    it(`lints ${f.label} with zero findings`, () => {
      const info = routeInfoFor(f.path);
      const findings = lintDocument(parseDocument(f.path, f.text), { rules: RULES as readonly AnyRule[], route: info, project: { nextMajor: 16 } });
      assert.deepEqual(
        findings.map((x) => `${x.ruleId}: ${x.message}`),
        [],
        f.text,
      );
    });
  }
});

/** Where snippets are offered, and how the completion binds one to the route it goes into. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { routePathFromSegments } from '../../../src/core/nextjs/routePath';
import {
  bindSnippet,
  ROUTE_DEFAULT,
  SNIPPET_FILES,
  snippetsFor,
  snippetVariant,
  type SnippetFile,
} from '../../../src/core/snippets';
import { expandSnippet } from '../../../src/core/snippets/syntax';
import { REPO_ROOT } from '../../support/nextDev';

const file: SnippetFile = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, SNIPPET_FILES.typescript), 'utf8'));
const body = (prefix: string): string =>
  Object.values(file)
    .find((s) => s.prefix === prefix)!
    .body.join('\n');
const target = (dir: string, basePath = '') => {
  const r = routePathFromSegments(dir.split('/'), { basePath, trailingSlash: false });
  return { params: r.params, route: r.route };
};
const insert = (prefix: string, dir: string, basePath = ''): string =>
  expandSnippet(bindSnippet(body(prefix), target(dir, basePath))!).text;

describe('snippet offering', () => {
  const table: ReadonlyArray<readonly [Parameters<typeof snippetVariant>, string | undefined]> = [
    [['routeFiles', 'typescript', true], 'typescript'],
    [['routeFiles', 'typescriptreact', true], 'typescript'],
    [['routeFiles', 'javascript', true], 'javascript'],
    [['routeFiles', 'javascriptreact', true], 'javascript'],
    [['routeFiles', 'typescript', false], undefined],
    [['everywhere', 'typescript', false], 'typescript'],
    [['everywhere', 'javascript', false], 'javascript'],
    [['everywhere', 'python', false], undefined],
    [['off', 'typescript', true], undefined],
  ];
  for (const [args, expected] of table) {
    it(`offers ${expected ?? 'nothing'} with scope ${args[0]} in a ${args[1]} ${args[2] ? 'route file' : 'other file'}`, () => {
      assert.equal(snippetVariant(...args), expected);
    });
  }
});

describe('binding a snippet to its route', () => {
  it('names the param after the folder and awaits it', () => {
    const text = insert('rhdynamic', 'api/posts/[slug]');
    assert.match(text, /\{ params \}: \{ params: Promise<\{ slug: string \}> \}/);
    assert.match(text, /const \{ slug \} = await params;/);
    assert.match(text, /where: \{ id: slug \}/);
  });

  it('lists every param of a nested dynamic route in the params type and uses the last one', () => {
    const text = insert('rhcrudid', 'api/orgs/[org]/members/[memberId]');
    assert.match(text, /type Context = \{ params: Promise<\{ org: string; memberId: string \}> \};/);
    assert.equal(text.match(/const \{ memberId \} = await params;/g)?.length, 4);
  });

  it('types a catch-all as string[] and an optional catch-all as optional', () => {
    assert.match(
      insert('rhcatchall', 'api/files/[...path]'),
      /Promise<\{ path: string\[\] \}>[\s\S]*const \{ path = \[\] \} = await params;/,
    );
    assert.match(insert('rhcatchall', 'api/docs/[[...rest]]'), /Promise<\{ rest\?: string\[\] \}>/);
  });

  it('does not offer the catch-all snippet in a single-segment folder', () => {
    assert.equal(bindSnippet(body('rhcatchall'), target('api/posts/[id]')), undefined);
    assert.ok(!snippetsFor(file, target('api/posts/[id]')).some((s) => s.prefix === 'rhcatchall'));
    assert.ok(snippetsFor(file, target('api/files/[...path]')).some((s) => s.prefix === 'rhcatchall'));
  });

  it('keeps the defaults (id, slug) in a folder without params', () => {
    assert.match(insert('rhdynamic', 'api/posts'), /const \{ id \} = await params;/);
    assert.match(insert('rhcatchall', 'api/posts'), /const \{ slug = \[\] \} = await params;/);
  });

  it('keeps the default name when the folder name is not an identifier', () => {
    assert.match(insert('rhdynamic', 'api/posts/[post-id]'), /const \{ id \} = await params;/);
  });

  it('points Location at the route as served, basePath included', () => {
    assert.match(insert('rhcrud', 'api/widgets', '/kit'), /Location: `\/kit\/api\/widgets\/\$\{created\.id\}`/);
    assert.match(insert('rhpost', 'v1/orders'), /Location: `\/v1\/orders\/\$\{created\.id\}`/);
  });

  it('leaves the Location default for a collection under a dynamic segment (the handler would need the param)', () => {
    assert.match(
      insert('rhpost', 'api/orgs/[org]/items'),
      new RegExp(`Location: \`${ROUTE_DEFAULT.replace(/\//g, '\\/')}/`),
    );
  });

  it('inserts folder names with snippet syntax characters literally', () => {
    const text = insert('rhpost', 'api/$weird}');
    assert.match(text, /Location: `\/api\/\$weird\}\/\$\{created\.id\}`/);
  });

  it('binds every snippet to a static, a dynamic and a catch-all route without leaving a TM_DIRECTORY variable', () => {
    for (const dir of ['api/items', 'api/items/[id]', 'api/files/[...slug]']) {
      for (const s of snippetsFor(file, target(dir)))
        assert.doesNotMatch(s.body, /TM_DIRECTORY/, `${s.prefix} in ${dir}`);
    }
  });
});

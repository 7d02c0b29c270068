/** The snippet expander follows VS Code's snippet grammar and its default-value rules. */
import * as assert from 'node:assert/strict';
import { paramVariable } from '../../../src/core/snippets';
import { expandSnippet, escapeSnippetText, parseSnippet, SnippetSyntaxError } from '../../../src/core/snippets/syntax';

describe('snippet syntax', () => {
  const cases: ReadonlyArray<readonly [string, string, string, Record<string, string>?]> = [
    ['inserts a placeholder default', 'const ${1:items} = [];', 'const items = [];'],
    ['mirrors the first default into a bare tab stop', '${1:name} and $1 and ${1}', 'name and name and name'],
    ['mirrors the first default into a later placeholder of the same index', '${2:a} ${2:b}', 'a a'],
    ['takes the first option of a choice', "runtime = '${1|nodejs,edge|}'", "runtime = 'nodejs'"],
    ['unescapes commas inside a choice', '${1|public\\, max-age=60,no-store|}', 'public, max-age=60'],
    ['expands nested placeholders', '${1:{ status: ${2:200} \\}}', '{ status: 200 }'],
    ['keeps escaped dollars and braces literal', '`\\${id}` and \\}', '`${id}` and }'],
    ['keeps a dollar that starts no construct', 'cost: $ 5 and ${ x', 'cost: $ 5 and ${ x'],
    ['keeps a closing brace at top level', 'function f() {}', 'function f() {}'],
    ['drops the final tab stop', 'a$0b', 'ab'],
    [
      'resolves a variable through its transform',
      '${TM_DIRECTORY/^.*\\/(\\w+)$/${1:/upcase}/}',
      'ITEMS',
      { TM_DIRECTORY: '/x/items' },
    ],
    ['applies if/else formats', '${TM_DIRECTORY/(a)?b/${1:+yes}${1:?Y:N}${1:-none}/}', 'yesYa', { TM_DIRECTORY: 'ab' }],
    ['uses a variable default when the variable is unknown', '${NOPE:fallback}', 'fallback'],
  ];
  for (const [name, body, text, variables] of cases) {
    it(name, () => assert.equal(expandSnippet(body, variables).text, text));
  }

  it('reports the final cursor offset and the tab order', () => {
    const e = expandSnippet('${2:b}-${1:a}$0;');
    assert.equal(e.cursor, 3);
    assert.deepEqual(e.tabOrder, [1, 2, 0]);
  });

  it('rejects a transform whose regex does not compile', () => {
    assert.throws(() => parseSnippet('${TM_DIRECTORY/(/x/}'), SnippetSyntaxError);
  });

  it('escapes text so that it inserts literally', () => {
    const raw = 'a$b}c\\d';
    assert.equal(expandSnippet(escapeSnippetText(raw)).text, raw);
  });

  describe('the dynamic-segment variable of user snippets', () => {
    const table: ReadonlyArray<readonly [string, string]> = [
      ['/w/app/api/posts/[id]', 'id'],
      ['/w/app/api/posts/[slug]', 'slug'],
      ['/w/app/api/files/[...path]', 'path'],
      ['/w/app/api/docs/[[...rest]]', 'rest'],
      ['C:\\w\\app\\api\\posts\\[postId]', 'postId'],
      ['/w/app/api/posts', 'fallback'],
      ['/w/app/api/[team]/members', 'fallback'],
      ['', 'fallback'],
    ];
    for (const [dir, name] of table) {
      it(`names the segment "${name}" in ${dir || 'an untitled file'}`, () => {
        assert.equal(expandSnippet(paramVariable('fallback'), { TM_DIRECTORY: dir }).text, name);
      });
    }
  });
});

/**
 * The snippet files: generated from the catalog, one TypeScript and one JavaScript variant,
 * each snippet described, with sensible tab stops, and prefixes that never clash.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { CATALOG_FILE, parseCatalog, renderAll, ROOT } from '../../../scripts/snippets/catalog';
import { SNIPPET_FILES, type SnippetFile } from '../../../src/core/snippets';
import { expandSnippet, parseSnippet, type SnippetNode } from '../../../src/core/snippets/syntax';

const load = (rel: string): SnippetFile => JSON.parse(fs.readFileSync(path.join(ROOT, rel), 'utf8'));
const ts_ = load(SNIPPET_FILES.typescript);
const js = load(SNIPPET_FILES.javascript);

/** The prefixes the issue names; the catalogue may add more, never fewer. */
const REQUIRED = [
  'rhget',
  'rhpost',
  'rhput',
  'rhpatch',
  'rhdelete',
  'rhhead',
  'rhoptions',
  'rhcrud',
  'rhcrudid',
  'rhdynamic',
  'rhquery',
  'rhjson',
  'rhform',
  'rhcookies',
  'rhauth',
  'rhsession',
  'rhcors',
  'rherror',
  'rhconfig',
  'rhstream',
  'rhredirect',
];

function tabStops(nodes: readonly SnippetNode[], out: number[] = []): number[] {
  for (const n of nodes) {
    if (n.kind === 'tabstop') out.push(n.index);
    if (n.kind !== 'text') tabStops(n.children, out);
  }
  return out;
}

describe('snippet files', () => {
  it('are up to date with scripts/snippets/catalog.txt — run `npm run snippets`', () => {
    for (const [rel, text] of Object.entries(renderAll()))
      assert.equal(fs.readFileSync(path.join(ROOT, rel), 'utf8'), text, rel);
  });

  it('offer every pattern the issue lists, in both variants, under the same names', () => {
    const prefixes = Object.values(ts_).map((s) => s.prefix);
    for (const p of REQUIRED) assert.ok(prefixes.includes(p), `missing ${p}`);
    assert.deepEqual(Object.keys(js), Object.keys(ts_));
    assert.deepEqual(
      Object.values(js).map((s) => s.prefix),
      prefixes,
    );
  });

  it('use unique rh* prefixes that clash with no popular pack (nr*, na*, !get…)', () => {
    const prefixes = Object.values(ts_).map((s) => s.prefix);
    assert.equal(new Set(prefixes).size, prefixes.length);
    for (const p of prefixes) {
      assert.match(p, /^rh[a-z]+$/);
      assert.doesNotMatch(p, /^(nr|na|!)/);
    }
  });

  it('describe what each snippet writes', () => {
    for (const [name, s] of Object.entries(ts_)) {
      assert.ok(s.description.length >= 40, `${name}: description too short`);
      assert.doesNotMatch(s.description, /PARAM|«|»/, name);
    }
  });

  for (const [variant, file] of [
    ['typescript', ts_],
    ['javascript', js],
  ] as const) {
    for (const [name, s] of Object.entries(file)) {
      it(`${variant} "${s.prefix}": tab stops run 1…n without gaps and the cursor ends once, where the user continues`, () => {
        const nodes = parseSnippet(s.body.join('\n'));
        const stops = tabStops(nodes);
        const numbered = [...new Set(stops.filter((i) => i > 0))].sort((a, b) => a - b);
        assert.deepEqual(
          numbered,
          numbered.map((_, i) => i + 1),
          `${name}: tab stops ${numbered}`,
        );
        // Tab visits them in the order they first appear in the text.
        const firstSeen = [...new Set(stops.filter((i) => i > 0))];
        assert.deepEqual(firstSeen, numbered, `${name}: tab stops appear out of order`);
        assert.equal(stops.filter((i) => i === 0).length, 1, `${name}: one $0`);
        assert.doesNotMatch(s.body.join('\n'), /«|»|\bPARAM\b/, name);
      });
    }
  }

  it('write no TypeScript syntax in the JavaScript variant', () => {
    for (const [name, s] of Object.entries(js)) {
      const text = expandSnippet(s.body.join('\n'), { TM_DIRECTORY: '/w/app/api/items/[id]' }).text;
      const sf = ts.createSourceFile('route.js', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
      const program = ts.createProgram({
        rootNames: ['route.js'],
        options: { allowJs: true, noEmit: true, noResolve: true, noLib: true },
        host: {
          ...ts.createCompilerHost({}),
          getSourceFile: (f) => (f === 'route.js' ? sf : undefined),
          fileExists: (f) => f === 'route.js',
        },
      });
      const diags = program
        .getSyntacticDiagnostics(sf)
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      assert.deepEqual(diags, [], `${name}:\n${text}`);
    }
  });

  it('keep TypeScript annotations in the TypeScript variant of handlers that take a request', () => {
    const typed = Object.entries(ts_).filter(([, s]) => /function \w+\(\w*request/i.test(s.body.join('\n')));
    assert.ok(typed.length > 10);
    for (const [name, s] of typed) assert.match(s.body.join('\n'), /\(_?request: (Next)?Request/, name);
  });

  it('catalog headers are well formed and every entry has a body', () => {
    for (const e of parseCatalog(fs.readFileSync(CATALOG_FILE, 'utf8')))
      assert.ok(e.source.trim().length > 20, e.prefix);
  });
});

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { AstCache } from '../../../src/core/ast/cache';
import { parseDocument } from '../../../src/core/ast/parse';
import { lintDocument } from '../../../src/core/lint/lint';
import { FIXTURE_APP } from '../../support/nextDev';
import { routeInfoFor } from '../support/ruleTester';

/** Every node's kind and span, in tree order: equal dumps mean equal trees. */
function dump(sf: ts.SourceFile): string {
  const out: string[] = [];
  const visit = (n: ts.Node): void => {
    out.push(`${ts.SyntaxKind[n.kind]}@${n.pos}-${n.end}${n.parent ? '' : '!'}`);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out.join('\n');
}

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const snapshot = (uri: string, version: number, text: string, fileName = `/p/${uri}`) => ({
  uri,
  version,
  fileName,
  getText: () => text,
});

describe('AST cache: one parse per document version', () => {
  it('parses a version once and hands the same parse to every caller', () => {
    const cache = new AstCache();
    const a = cache.get(snapshot('app/api/x/route.ts', 1, 'export async function GET() { return Response.json({}) }'));
    const b = cache.get(snapshot('app/api/x/route.ts', 1, 'ignored: same version'));
    assert.equal(a, b);
    assert.equal(cache.parseCount, 1);
  });

  it('parses an edited version incrementally into the same tree a fresh parse gives, and the same findings', () => {
    const files = [
      'app/api/users/[id]/route.ts',
      'app/api/users/route.ts',
      'app/api/echo/route.ts',
      'app/api/legacy-cors/route.ts',
    ];
    const next = random(42);
    const pieces = [
      'x',
      ';',
      '{',
      '}',
      '(',
      ')',
      "'",
      '`',
      '\n',
      ' await ',
      'return ',
      '/*',
      '*/',
      'export async function POST() {}\n',
      '',
    ];
    let edits = 0;
    for (const rel of files) {
      const cache = new AstCache();
      let text = fs.readFileSync(path.join(FIXTURE_APP, rel), 'utf8');
      const uri = rel;
      cache.get(snapshot(uri, 1, text));
      for (let v = 2; v < 60; v++) {
        const at = Math.floor(next() * (text.length + 1));
        const remove = next() < 0.4 ? Math.floor(next() * 6) : 0;
        text = text.slice(0, at) + pieces[Math.floor(next() * pieces.length)] + text.slice(at + remove);
        const incremental = cache.get(snapshot(uri, v, text));
        const fresh = parseDocument(`/p/${uri}`, text, uri, v);
        assert.equal(incremental.text, text);
        assert.equal(
          dump(incremental.sourceFile),
          dump(fresh.sourceFile),
          `${rel} v${v}: the tree differs from a fresh parse`,
        );
        // Same errors at the same places; TypeScript sometimes words one differently after an
        // incremental parse (a hint appended to "Declaration or statement expected."), so the
        // first sentence is compared.
        const firstSentence = (m: string): string => m.split('. ')[0]!.replace(/\.$/, '');
        const errors = (d: typeof fresh) =>
          d.parseErrors.map((e) => `${e.span.start}-${e.span.end} ${firstSentence(e.message)}`);
        assert.deepEqual(errors(incremental), errors(fresh), `${rel} v${v}: parse errors`);
        const options = { route: routeInfoFor(rel), project: {} };
        const strip = (fs: ReturnType<typeof lintDocument>) =>
          fs.map((f) => `${f.ruleId} ${f.span.start}-${f.span.end} ${firstSentence(f.message)}`);
        assert.deepEqual(
          strip(lintDocument(incremental, options)),
          strip(lintDocument(fresh, options)),
          `${rel} v${v}: findings`,
        );
        edits++;
      }
    }
    assert.equal(edits, files.length * 58);
  });

  it('forgets a closed document, and parses it afresh when it opens again', () => {
    const cache = new AstCache();
    cache.get(snapshot('a/route.ts', 1, 'export const GET = () => new Response()'));
    cache.delete('a/route.ts');
    assert.equal(cache.size, 0);
    const again = cache.get(snapshot('a/route.ts', 1, 'export const GET = () => new Response()'));
    assert.equal(again.version, 1);
    assert.equal(cache.parseCount, 2);
  });

  it('keeps at most its capacity, dropping the least recently used', () => {
    const cache = new AstCache(2);
    cache.get(snapshot('a', 1, 'a'));
    cache.get(snapshot('b', 1, 'b'));
    cache.get(snapshot('a', 1, 'a'));
    cache.get(snapshot('c', 1, 'c'));
    assert.equal(cache.size, 2);
    assert.ok(cache.peek('a', 1) && cache.peek('c', 1) && !cache.peek('b', 1));
  });
});

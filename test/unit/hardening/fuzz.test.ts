/**
 * Fuzzing the parser, the route model and every rule with mutated real route files.
 * Bounded in count, deterministic (seeded). Asserts that nothing throws out of the engine,
 * that each file finishes (a generous hang guard, not a speed test — speed lives in
 * `npm run bench`), and that the CLI never exits 2 for a file it was given.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from '../../../src/core/ast/parse';
import { lintDocument } from '../../../src/core/lint/lint';
import { findHandlers, findRouteExports } from '../../../src/core/nextjs/exports';
import { routeInfoFor } from '../support/ruleTester';
import { cli } from '../../support/cli';
import { FIXTURE_APP, REPO_ROOT } from '../../support/nextDev';
import { pick, prng } from '../../support/random';
import { tempProject } from '../../support/tempProject';

const SEED = 0x5eed2026;

function routeFilesUnder(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile() && /^route\.(ts|js)$/.test(e.name) && !e.parentPath.includes('node_modules'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

const SOURCES = [
  ...routeFilesUnder(path.join(FIXTURE_APP, 'app')),
  ...routeFilesUnder(path.join(REPO_ROOT, 'test/fixtures/seed/app')),
].map((f) => ({
  name: path.relative(REPO_ROOT, f),
  text: fs.readFileSync(f, 'utf8'),
}));

type Mutation = (text: string, rand: () => number) => string;

const MUTATIONS: Record<string, Mutation> = {
  truncate: (t, r) => t.slice(0, Math.floor(r() * t.length)),
  deleteSpan: (t, r) => {
    const at = Math.floor(r() * t.length);
    return t.slice(0, at) + t.slice(at + 1 + Math.floor(r() * 40));
  },
  deleteToken: (t, r) => {
    const tokens = [...t.matchAll(/[A-Za-z_$][\w$]*|[{}()[\];,.=]/g)];
    if (!tokens.length) return t;
    const m = pick(r, tokens);
    return t.slice(0, m.index) + t.slice(m.index! + m[0].length);
  },
  unbalance: (t, r) => {
    const at = Math.floor(r() * t.length);
    return (
      t.slice(0, at) +
      pick(r, ['{', '}', '(', ')', '[', ']', '`', '"', "'", '/*', '<div>', '${']).repeat(1 + Math.floor(r() * 5)) +
      t.slice(at)
    );
  },
  dropClosers: (t) => t.replace(/[})\]]/g, ''),
  swapLines: (t, r) => {
    const lines = t.split('\n');
    for (let i = 0; i < 10; i++) {
      const a = Math.floor(r() * lines.length);
      const b = Math.floor(r() * lines.length);
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
    }
    return lines.join('\n');
  },
  hugeLiteral: (t, r) => t.replace(/'[^'\n]*'/, `'${'x'.repeat(200_000 + Math.floor(r() * 100_000))}'`),
  hugeNumberAndTemplate: (t) =>
    t.replace(/status: \d+/, `status: ${'9'.repeat(5000)}`) + `\nconst big = \`${'${a}'.repeat(5000)}\`\n`,
  deepParens: (t) => t + `\nexport const GET = async () => Response.json(${'('.repeat(3000)}1${')'.repeat(3000)})\n`,
  deepObjects: (t) => t + `\nconst deep = ${'{ a: '.repeat(2000)}1${' }'.repeat(2000)}\n`,
  deepArrows: (t) => t + `\nconst f = ${'() => '.repeat(2000)}Response.json({})\n`,
  deepIfs: (t) =>
    t +
    `\nexport async function PATCH() {\n${'if (x) {\n'.repeat(1500)}return Response.json({})\n${'}\n'.repeat(1500)}}\n`,
  binary: (t, r) => {
    const at = Math.floor(r() * t.length);
    const bytes = Array.from({ length: 64 + Math.floor(r() * 512) }, () =>
      String.fromCharCode(Math.floor(r() * 256)),
    ).join('');
    return t.slice(0, at) + bytes + t.slice(at);
  },
  allBinary: (_t, r) => Array.from({ length: 4096 }, () => String.fromCharCode(Math.floor(r() * 65536))).join(''),
  nulBytes: (t) => t.replace(/ /g, '\u0000'),
  unicode: (t) => t.replace(/[a-z]/g, (c) => (c === 'e' ? '\u0435' : c)) + '\n// 🚀 \u202e\u2066 \ud800',
  duplicateExports: (t) => t + '\n' + t,
  crlf: (t) => t.replace(/\n/g, '\r\n'),
  typeNoise: (t) => t.replace(/\(/g, '<T extends Record<string, unknown>>('),
  empty: () => '',
};

describe('hardening: fuzzed route files', function () {
  this.timeout(300_000);

  const rand = prng(SEED);
  const cases: Array<{ label: string; text: string; file: string }> = [];
  for (const source of SOURCES) {
    for (const [name, mutate] of Object.entries(MUTATIONS)) {
      // Each source gets every mutation once; a seeded second round adds random compositions.
      cases.push({
        label: `${name}(${source.name})`,
        text: mutate(source.text, rand),
        file: source.name.endsWith('.js') ? 'app/api/x/[id]/route.js' : 'app/api/x/[id]/route.ts',
      });
    }
  }
  for (let i = 0; i < 60; i++) {
    const source = pick(rand, SOURCES);
    const a = pick(rand, Object.entries(MUTATIONS));
    const b = pick(rand, Object.entries(MUTATIONS));
    cases.push({
      label: `${a[0]}+${b[0]}(${source.name})`,
      text: b[1](a[1](source.text, rand), rand),
      file: pick(rand, [
        'app/api/x/[id]/route.ts',
        'app/api/x/route.js',
        'app/(g)/[...all]/route.tsx',
        'app/api/x/route.mjs',
      ]),
    });
  }
  const fiveMb = (() => {
    const unit = SOURCES.find((s) => s.name.includes('users/route.ts'))!.text.replace(
      /export async function (\w+)/g,
      (_m, n: string) => `async function ${n}_${Math.random().toString(36).slice(2, 8)}`,
    );
    let text = '';
    while (text.length < 5 * 2 ** 20) text += unit;
    return text + '\nexport async function GET() { return Response.json({}) }\n';
  })();
  cases.push({ label: '5 MB route file', text: fiveMb, file: 'app/api/big/route.ts' });

  it(`mutates ${SOURCES.length} real route files into ${cases.length} cases`, () => {
    assert.ok(SOURCES.length >= 20, `only ${SOURCES.length} sources`);
    assert.ok(cases.length >= 500, `only ${cases.length} cases`);
  });

  it('lints every mutated file with every rule without an exception escaping (a hang fails on the suite timeout; speed is measured in npm run bench)', () => {
    const failures: string[] = [];
    let findings = 0;
    for (const c of cases) {
      try {
        const doc = parseDocument(c.file, c.text);
        findRouteExports(doc);
        findHandlers(doc);
        const result = lintDocument(doc, { route: routeInfoFor(c.file) });
        findings += result.length;
        const internal = result.filter((f) => f.ruleId === 'internal-error' && !/nests too deeply/.test(f.message));
        if (internal.length) failures.push(`${c.label}: ${internal.map((f) => f.message).join('; ')}`);
        for (const f of result) {
          if (f.span.start < 0 || f.span.end > c.text.length || f.span.start > f.span.end)
            failures.push(`${c.label}: bad span ${JSON.stringify(f.span)} for ${f.ruleId}`);
        }
      } catch (e) {
        failures.push(`${c.label}: threw ${(e as Error).stack}`);
      }
    }
    assert.deepEqual(failures, []);
    assert.ok(findings > 0, 'the fuzz corpus produced findings (the rules ran)');
  });

  it('never exits 2 from the CLI for route files it was given, however broken', async () => {
    const files: Record<string, string | Buffer> = {
      'package.json': JSON.stringify({ dependencies: { next: '15.0.0' } }),
    };
    const chosen = cases.filter((_c, i) => i % 17 === 0).slice(0, 40);
    chosen.forEach((c, i) => (files[`app/api/f${i}/route.${c.file.split('.').pop()}`] = c.text));
    files['app/api/binary/route.ts'] = Buffer.from(Array.from({ length: 8192 }, (_v, i) => (i * 7919) % 256));
    files['app/api/big/route.ts'] = fiveMb;
    const project = tempProject(files);
    try {
      const run = await cli(['lint', '.', '--format', 'json'], project.dir);
      assert.ok(run.code === 0 || run.code === 1, `exit ${run.code}: ${run.stderr}`);
      const json = JSON.parse(run.stdout) as Array<{ file: string; ruleId: string }>;
      assert.ok(
        json.some((f) => f.file === 'app/api/binary/route.ts'),
        'the binary file is reported',
      );
      const routes = await cli(['routes', '.', '--json'], project.dir);
      assert.equal(routes.code, 0, routes.stderr);
      assert.equal((JSON.parse(routes.stdout) as unknown[]).length, chosen.length + 2);
    } finally {
      project.remove();
    }
  });
});

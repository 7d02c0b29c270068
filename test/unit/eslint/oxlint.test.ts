/**
 * oxlint's ESLint-compatible JS plugins load `next-route-kit/eslint` unchanged
 * (https://oxc.rs/docs/guide/usage/linter/js-plugins): on a copy of the fixture app plus a
 * route with fixable mistakes, `oxlint` reports what `next-route-kit lint` reports (rule, line,
 * column) and `oxlint --fix` writes the same text as `next-route-kit lint --fix`.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PROJECT_CHECKS } from '../../../src/core/lint/project';
import plugin, { ROUTE_FILES } from '../../../src/eslint/plugin';
import { cli } from '../../support/cli';
import { REPO_ROOT } from '../../support/nextDev';

const OXLINT = path.join(REPO_ROOT, 'node_modules', 'oxlint', 'bin', 'oxlint');
const FIXTURE = path.join(REPO_ROOT, 'test', 'fixtures', 'workspace');
const BAD_ROUTE = `export async function POST(request: Request) {\n  const data = await request.json();\n  const user = await db.users.create(data);\n  return Response.json(user);\n}\nexport async function get() {\n  return Response.json({ ok: 1 }, { status: 204 });\n}\n`;

/** `.oxlintrc.json` with the recommended config's rules, in its `overrides` form. */
function oxlintConfig(): object {
  const rules = plugin.configs.recommended.rules ?? {};
  return { jsPlugins: ['next-route-kit/eslint'], overrides: [{ files: ROUTE_FILES, rules }] };
}

function copyApp(dir: string): void {
  fs.cpSync(FIXTURE, dir, { recursive: true });
  fs.mkdirSync(path.join(dir, 'app', 'api', 'bad'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'app', 'api', 'bad', 'route.ts'), BAD_ROUTE);
  fs.writeFileSync(path.join(dir, '.oxlintrc.json'), JSON.stringify(oxlintConfig(), null, 2));
  fs.mkdirSync(path.join(dir, 'node_modules'), { recursive: true });
  fs.symlinkSync(REPO_ROOT, path.join(dir, 'node_modules', 'next-route-kit'), 'dir');
}

function oxlint(dir: string, ...args: string[]): string[] {
  const r = spawnSync(process.execPath, [OXLINT, '-f', 'json', ...args, 'app'], { cwd: dir, encoding: 'utf8' });
  assert.ok(r.stdout.trim().startsWith('{'), `oxlint failed (${r.status}):\n${r.stderr}\n${r.stdout}`);
  const report = JSON.parse(r.stdout) as {
    diagnostics: Array<{ code: string; filename: string; labels: Array<{ span: { line: number; column: number } }> }>;
  };
  return report.diagnostics
    .map((d) => {
      const rule = /^next-route-kit\((.+)\)$/.exec(d.code)?.[1] ?? d.code;
      return `${d.filename} ${rule} ${d.labels[0]?.span.line}:${d.labels[0]?.span.column}`;
    })
    .sort();
}

async function ours(dir: string): Promise<string[]> {
  const run = await cli(['lint', 'app', '--format', 'json'], dir);
  return (JSON.parse(run.stdout) as Array<{ file: string; ruleId: string; line: number; column: number }>)
    .filter((f) => !(f.ruleId in PROJECT_CHECKS))
    .map((f) => `${f.file} ${f.ruleId} ${f.line}:${f.column}`)
    .sort();
}

describe('oxlint with next-route-kit/eslint as a JS plugin', function () {
  this.timeout(180_000);
  // Outside this repository: oxlint skips what its .gitignore lists (.cache/).
  let root = '';
  before(() => {
    if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'eslint.js')))
      execFileSync(process.execPath, [path.join(REPO_ROOT, 'esbuild.mjs')], { cwd: REPO_ROOT });
  });
  beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), 'nrk-oxlint-'))));
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('reports the findings next-route-kit lint reports', async () => {
    const dir = path.join(root, 'app-lint');
    copyApp(dir);
    const expected = await ours(dir);
    assert.ok(
      expected.some((f) => f.startsWith('app/api/bad/route.ts create-status')),
      expected.join('\n'),
    );
    assert.deepEqual(oxlint(dir), expected);
  });

  it('fixes files to the same text as next-route-kit lint --fix', async () => {
    const a = path.join(root, 'oxlint-fix');
    const b = path.join(root, 'cli-fix');
    copyApp(a);
    copyApp(b);
    await cli(['lint', 'app', '--fix'], b);
    const read = (dir: string): string => fs.readFileSync(path.join(dir, 'app', 'api', 'bad', 'route.ts'), 'utf8');
    assert.notEqual(read(b), BAD_ROUTE);
    // oxlint applies one pass of fixes per run: overlapping fixes would need a second run, where
    // eslint --fix and our --fix loop by themselves. This fixture's safe fixes do not overlap.
    oxlint(a, '--fix');
    assert.equal(read(a), read(b));
    const legacy = (dir: string): string =>
      fs.readFileSync(path.join(dir, 'app', 'api', 'legacy-cors', 'route.ts'), 'utf8');
    assert.equal(legacy(a), legacy(b));
  });
});

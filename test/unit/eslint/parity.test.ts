/**
 * Parity between `eslint` (eslint-config-next + our recommended config, as the README tells
 * users to write it) and `next-route-kit lint`, on the fixture app, every snippet expansion and
 * the 500-file benchmark corpus: the same findings (rule, start and end line and column,
 * message) and, after `eslint --fix` and `next-route-kit lint --fix`, the same text.
 * Project-wide checks (route/page conflicts, duplicate URLs …) are the CLI's alone.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import { writeEverySnippet } from '../../../scripts/snippets/expand';
import { PROJECT_CHECKS } from '../../../src/core/lint/project';
import plugin from '../../../src/eslint/plugin';
import { cli } from '../../support/cli';
import { REPO_ROOT } from '../../support/nextDev';

const PREFIX = `${plugin.meta.name}/`;
const WORK = path.join(REPO_ROOT, '.cache', 'eslint-parity');

interface Row {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly ruleId: string;
  readonly message: string;
}

const key = (r: Row): string => `${r.file}:${r.line}:${r.column}:${r.endLine}:${r.endColumn} ${r.ruleId} ${r.message}`;

async function eslintConfig(): Promise<Linter.Config[]> {
  const next = (await import('eslint-config-next')) as unknown as { default: Linter.Config[] };
  return [...next.default, plugin.configs.recommended];
}

async function cliRows(dir: string): Promise<Row[]> {
  const run = await cli(['lint', '.', '--format', 'json'], dir);
  assert.ok(run.code === 0 || run.code === 1, run.stderr);
  return (JSON.parse(run.stdout) as Row[])
    .filter((r) => !(r.ruleId in PROJECT_CHECKS))
    .map((r) => ({ ...r, file: r.file.split(path.sep).join('/') }));
}

async function eslintRun(dir: string, fix: boolean): Promise<ESLint.LintResult[]> {
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: await eslintConfig(), fix });
  return eslint.lintFiles(['.']);
}

function eslintRows(dir: string, results: readonly ESLint.LintResult[]): Row[] {
  const rows: Row[] = [];
  for (const r of results) {
    const file = path.relative(dir, r.filePath).split(path.sep).join('/');
    for (const m of r.messages) {
      assert.ok(!m.fatal, `ESLint could not parse ${file}: ${m.message}`);
      if (!m.ruleId?.startsWith(PREFIX)) continue;
      rows.push({
        file,
        line: m.line,
        column: m.column,
        endLine: m.endLine ?? m.line,
        endColumn: m.endColumn ?? m.column,
        ruleId: m.ruleId.slice(PREFIX.length),
        message: m.message,
      });
    }
  }
  return rows;
}

function assertSameFindings(cliFound: readonly Row[], eslintFound: readonly Row[]): void {
  const a = cliFound.map(key).sort();
  const b = eslintFound.map(key).sort();
  assert.deepEqual(b, a, 'ESLint (actual) vs next-route-kit lint (expected)');
}

/** `next-route-kit lint --fix` on a copy; ESLint's fixed output of the same files; the same text. */
async function assertSameFixes(dir: string, name: string): Promise<number> {
  const copy = path.join(WORK, `${name}-fixed`);
  fs.rmSync(copy, { recursive: true, force: true });
  fs.cpSync(dir, copy, { recursive: true });
  await cli(['lint', '.', '--fix'], copy);
  let changed = 0;
  const mismatches: string[] = [];
  for (const r of await eslintRun(dir, true)) {
    const rel = path.relative(dir, r.filePath);
    const original = fs.readFileSync(r.filePath, 'utf8');
    const ours = fs.readFileSync(path.join(copy, rel), 'utf8');
    const theirs = r.output ?? original;
    if (theirs !== original) changed++;
    if (ours !== theirs) mismatches.push(`${rel}\n--- next-route-kit lint --fix\n${ours}\n--- eslint --fix\n${theirs}`);
  }
  assert.deepEqual(mismatches, [], 'files fixed differently');
  return changed;
}

/** Compares both; returns how many findings and how many fixed files there were. */
async function assertParity(dir: string, name: string): Promise<{ findings: number; fixedFiles: number }> {
  const ours = await cliRows(dir);
  const theirs = eslintRows(dir, await eslintRun(dir, false));
  assertSameFindings(ours, theirs);
  const fixedFiles = await assertSameFixes(dir, name);
  console.log(`      ${name}: ${ours.length} findings, ${fixedFiles} files fixed`);
  return { findings: ours.length, fixedFiles };
}

describe('eslint with the recommended config and next-route-kit lint', function () {
  this.timeout(900_000);
  before(() => fs.mkdirSync(WORK, { recursive: true }));
  after(() => fs.rmSync(WORK, { recursive: true, force: true }));

  it('report the same findings and fixes on the fixture app', async () => {
    await assertParity(path.join(REPO_ROOT, 'test', 'fixtures', 'workspace'), 'fixture');
  });

  it('report the same findings and fixes on every snippet expansion', async () => {
    const dir = path.join(WORK, 'snippets');
    writeEverySnippet(dir);
    await assertParity(dir, 'snippets');
  });

  it('report the same findings and fixes on the 500-file benchmark corpus', async () => {
    const { generateCorpus } = (await import(
      pathToFileURL(path.join(REPO_ROOT, 'bench', 'generate-corpus.mjs')).href
    )) as { generateCorpus(dir: string, count: number): { files: string[] } };
    const dir = path.join(WORK, 'corpus');
    assert.equal(generateCorpus(dir, 500).files.length, 500);
    await assertParity(dir, 'corpus');
  });
});

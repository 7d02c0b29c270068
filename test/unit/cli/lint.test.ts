import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import { cli } from '../../support/cli';
import { REPO_ROOT } from '../../support/nextDev';
import { tempProject } from '../../support/tempProject';

const BAD_ROUTE = `export async function get() {\n  return Response.json({ ok: 1 }, { status: 204 });\n}\n`;

describe('next-route-kit lint', () => {
  let project: ReturnType<typeof tempProject>;
  beforeEach(() => {
    project = tempProject({
      'package.json': JSON.stringify({ name: 'p', dependencies: { next: '15.2.0' } }),
      'app/api/bad/route.ts': BAD_ROUTE,
      'app/api/good/route.ts': `export async function GET() {\n  return Response.json({ ok: true });\n}\n`,
      'app/api/broken/route.ts': `export async function GET( {\n  return Response.json({\n`,
      'app/page.tsx': `export default function Page() { return null }\n`,
      'pages/api/legacy.ts': `export default function handler() {}\n`,
      'node_modules/pkg/app/api/x/route.ts': BAD_ROUTE,
    });
  });
  afterEach(() => project.remove());

  it('prints findings as JSON with 1-based positions and exits 1 on an error finding', async () => {
    const run = await cli(['lint', '.', '--format', 'json'], project.dir);
    assert.equal(run.code, 1);
    const json = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
    const bad = json.filter((f) => f['file'] === 'app/api/bad/route.ts');
    assert.deepEqual(
      bad.map((f) => [f['ruleId'], f['line'], f['column'], f['severity']]),
      [
        ['invalid-route-export', 1, 23, 'error'],
        ['no-body-with-null-status', 2, 10, 'error'],
      ],
    );
    for (const f of json)
      assert.deepEqual(Object.keys(f).sort(), [
        'column',
        'endColumn',
        'endLine',
        'file',
        'line',
        'message',
        'ruleId',
        'severity',
      ]);
  });

  it('reports a file that does not parse as one finding instead of crashing', async () => {
    const run = await cli(['lint', 'app/api/broken/route.ts', '--format', 'json'], project.dir);
    const json = JSON.parse(run.stdout) as Array<{ ruleId: string; message: string }>;
    assert.equal(json.length, 1);
    assert.equal(json[0]!.ruleId, 'parse-error');
    assert.match(json[0]!.message, /Syntax error at line \d+/);
    assert.equal(run.code, 1);
  });

  it('skips pages/api files, node_modules and non-route files when walking a folder', async () => {
    const run = await cli(['lint', '.', '--format', 'json'], project.dir);
    const files = new Set((JSON.parse(run.stdout) as Array<{ file: string }>).map((f) => f.file));
    assert.deepEqual([...files].sort(), ['app/api/bad/route.ts', 'app/api/broken/route.ts']);
  });

  it('exits 0 on a clean project and prints nothing in stylish format', async () => {
    const run = await cli(['lint', 'app/api/good'], project.dir);
    assert.equal(run.code, 0);
    assert.equal(run.stdout, '');
  });

  it('prints stylish output grouped by file with a summary line', async () => {
    const run = await cli(['lint', 'app/api/bad'], project.dir);
    assert.match(
      run.stdout,
      /app\/api\/bad\/route\.ts\n {2}1:23 +error +`get` is not a route handler.*invalid-route-export/,
    );
    assert.match(run.stdout, /✖ 2 problems \(2 errors, 0 warnings\)/);
  });

  it('turns a rule off or down with --rule, changing the exit code', async () => {
    const run = await cli(
      [
        'lint',
        'app/api/bad',
        '--format',
        'json',
        '--rule',
        'invalid-route-export=off',
        '--rule',
        'no-body-with-null-status=warning',
      ],
      project.dir,
    );
    const json = JSON.parse(run.stdout) as Array<{ ruleId: string; severity: string }>;
    assert.deepEqual(
      json.map((f) => [f.ruleId, f.severity]),
      [['no-body-with-null-status', 'warning']],
    );
    assert.equal(run.code, 0);
    const strict = await cli(
      [
        'lint',
        'app/api/bad',
        '--rule',
        'invalid-route-export=off',
        '--rule',
        'no-body-with-null-status=warning',
        '--max-warnings',
        '0',
      ],
      project.dir,
    );
    assert.equal(strict.code, 1);
    assert.match(strict.stderr, /1 warnings exceed --max-warnings 0/);
  });

  it('exits 2 with a one-line message on bad usage', async () => {
    for (const args of [
      ['lint', 'missing-dir'],
      ['lint', '--format', 'xml'],
      ['lint', '--max-warnings', '-1'],
      ['lint', '--rule', 'nope=error'],
      ['lint', '--bogus'],
    ]) {
      const run = await cli(args, project.dir);
      assert.equal(run.code, 2, args.join(' '));
      assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
      assert.match(run.stderr, /^next-route-kit lint: /);
    }
  });

  it('notes an explicitly named non-route file and exits 0', async () => {
    const run = await cli(['lint', 'pages/api/legacy.ts'], project.dir);
    assert.equal(run.code, 0);
    assert.match(run.stderr, /skipped pages\/api\/legacy\.ts: not an App Router route file/);
  });

  it('writes SARIF 2.1.0 that validates against the official schema, with relative artifact URIs', async () => {
    const run = await cli(['lint', '.', '--format', 'sarif'], project.dir);
    const log = JSON.parse(run.stdout) as { runs: Array<{ results: unknown; tool: { driver: { rules: unknown } } }> };
    const schema = JSON.parse(
      fs.readFileSync(
        path.join(REPO_ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'),
        'utf8',
      ),
    );
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false });
    const valid = ajv.validate(schema, log);
    assert.ok(valid, JSON.stringify(ajv.errors, null, 2));
    const results = log.runs[0]!.results as Array<{
      ruleId: string;
      level: string;
      locations: Array<{
        physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number } };
      }>;
    }>;
    const bad = results.filter((r) => r.locations[0]!.physicalLocation.artifactLocation.uri === 'app/api/bad/route.ts');
    assert.deepEqual(
      bad.map((r) => [r.ruleId, r.level, r.locations[0]!.physicalLocation.region.startLine]),
      [
        ['invalid-route-export', 'error', 1],
        ['no-body-with-null-status', 'error', 2],
      ],
    );
    assert.equal(bad[0]!.locations[0]!.physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
    const ruleIds = (log.runs[0]!.tool.driver.rules as Array<{ id: string; helpUri: string }>).map((r) => r.id);
    assert.ok(ruleIds.includes('no-body-with-null-status'));
  });

  it('runs as a real process from dist/cli.js with the documented exit codes', function () {
    this.timeout(60000);
    const cliJs = path.join(REPO_ROOT, 'dist', 'cli.js');
    if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'cli-main.js')))
      execFileSync(process.execPath, [path.join(REPO_ROOT, 'esbuild.mjs')], { cwd: REPO_ROOT });
    const bad = spawnSync(process.execPath, [cliJs, 'lint', 'app/api/bad', '--format', 'json'], {
      cwd: project.dir,
      encoding: 'utf8',
    });
    assert.equal(bad.status, 1);
    assert.equal((JSON.parse(bad.stdout) as unknown[]).length, 2);
    const good = spawnSync(process.execPath, [cliJs, 'lint', 'app/api/good'], { cwd: project.dir, encoding: 'utf8' });
    assert.equal(good.status, 0);
    const usage = spawnSync(process.execPath, [cliJs, 'lint', '--format'], { cwd: project.dir, encoding: 'utf8' });
    assert.equal(usage.status, 2);
  });

  it('keeps dist/cli.js a loader without the TypeScript compiler, so every command loads it once (from dist/cli-main.js)', function () {
    this.timeout(60000);
    execFileSync(process.execPath, [path.join(REPO_ROOT, 'esbuild.mjs')], { cwd: REPO_ROOT });
    const loader = fs.readFileSync(path.join(REPO_ROOT, 'dist', 'cli.js'), 'utf8');
    assert.ok(!loader.includes('createSourceFile'), 'dist/cli.js bundles the TypeScript compiler');
    assert.ok(loader.length < 64 * 1024, `dist/cli.js is ${Math.round(loader.length / 1024)} KB`);
  });
});

describe('next-route-kit lint: project checks', () => {
  it('reports a route and a page in the same segment on the route file', async () => {
    const project = tempProject({
      'package.json': '{"dependencies":{"next":"16.0.0"}}',
      'app/x/route.ts': 'export async function GET() { return Response.json({}) }\n',
      'app/x/page.tsx': 'export default function P() { return null }\n',
    });
    try {
      const run = await cli(['lint', '.', '--format', 'json'], project.dir);
      const json = JSON.parse(run.stdout) as Array<{ file: string; ruleId: string; line: number }>;
      assert.deepEqual(
        json.map((f) => [f.file, f.ruleId, f.line]),
        [['app/x/route.ts', 'route-page-conflict', 1]],
      );
      assert.equal(run.code, 1);
      const off = await cli(['lint', '.', '--rule', 'route-page-conflict=off'], project.dir);
      assert.equal(off.code, 0);
    } finally {
      project.remove();
    }
  });
});

import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PARALLEL_MIN_FILES, parseConcurrency, threadCount } from '../../../src/core/cli/parallelLint';
import { cli } from '../../support/cli';
import { REPO_ROOT } from '../../support/nextDev';
import { tempProject } from '../../support/tempProject';

/** 60 route files: some clean, some with warnings, some with errors, one that does not parse. */
function manyRoutes(): Record<string, string> {
  const files: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'p', dependencies: { next: '15.2.0' } }),
  };
  for (let i = 0; i < 60; i++) {
    const body =
      i % 5 === 0
        ? `export async function GET() {\n  return new Response(null, { status: 200 + ${i % 3} });\n}\nexport async function get() {}\n`
        : i % 5 === 1
          ? `export async function POST(request: Request) {\n  const body = await request.json();\n  return Response.json(body, { status: 204 });\n}\n`
          : i % 17 === 2
            ? `export async function GET( {\n`
            : `export async function GET() {\n  return Response.json({ n: ${i} });\n}\n`;
    files[`app/api/r${String(i).padStart(2, '0')}/route.ts`] = body;
  }
  return files;
}

describe('next-route-kit lint --concurrency', () => {
  let project: ReturnType<typeof tempProject>;
  before(() => {
    project = tempProject(manyRoutes());
  });
  after(() => project.remove());

  it('prints the same findings in the same order, with the same exit code, on worker threads as on one thread', async function () {
    this.timeout(240000);
    const serial = await cli(['lint', '.', '--format', 'json', '--concurrency', 'off'], project.dir);
    const parallel = await cli(['lint', '.', '--format', 'json', '--concurrency', '3'], project.dir);
    assert.equal(serial.code, 1, 'error findings make the exit code 1');
    assert.ok((JSON.parse(serial.stdout) as unknown[]).length > 20, serial.stdout.slice(0, 500));
    assert.equal(parallel.stdout, serial.stdout);
    assert.equal(parallel.code, serial.code);
    const stylishSerial = await cli(
      ['lint', '.', '--concurrency', 'off', '--rule', 'invalid-route-export=off'],
      project.dir,
    );
    const stylishParallel = await cli(
      ['lint', '.', '--concurrency', '2', '--rule', 'invalid-route-export=off'],
      project.dir,
    );
    assert.equal(stylishParallel.stdout, stylishSerial.stdout);
    assert.doesNotMatch(stylishParallel.stdout, /invalid-route-export/, 'severities reach the workers');
  });

  it('rejects a concurrency that is not a whole number ≥ 1, auto or off as bad usage', async () => {
    for (const value of ['0', '1.5', 'many']) {
      const run = await cli(['lint', '.', '--concurrency', value], project.dir);
      assert.equal(run.code, 2, value);
      assert.match(run.stderr, /--concurrency must be/);
    }
  });

  it('uses one thread below the break-even file count under auto, and every core above it', () => {
    assert.equal(threadCount('auto', PARALLEL_MIN_FILES - 1, 4), 1);
    assert.equal(threadCount('auto', PARALLEL_MIN_FILES, 4), 4);
    assert.equal(threadCount('auto', 10_000, 1), 1);
    assert.equal(threadCount('auto', 10_000, 2), 1, 'two cores: a worker costs more than it saves');
    assert.equal(threadCount('off', 10_000, 4), 1);
    assert.equal(threadCount(3, 10_000, 2), 3, 'an explicit count is taken as given');
    assert.equal(threadCount(8, 20, 8), 2, 'never more threads than batches of files');
    assert.deepEqual(['auto', 'off', '4', '0', 'x'].map(parseConcurrency), ['auto', 'off', 4, undefined, undefined]);
  });

  it('lints on worker threads started from the built dist/cli.js', function () {
    this.timeout(240000);
    // `npm test` builds first; a lone run of this file builds when there is no bundle yet.
    if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'cli-main.js')))
      execFileSync(process.execPath, [path.join(REPO_ROOT, 'esbuild.mjs')], { cwd: REPO_ROOT });
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrk-cache-'));
    try {
      const run = (concurrency: string) =>
        spawnSync(
          process.execPath,
          [path.join(REPO_ROOT, 'dist', 'cli.js'), 'lint', '.', '--format', 'json', '--concurrency', concurrency],
          { cwd: project.dir, encoding: 'utf8', env: { ...process.env, NEXT_ROUTE_KIT_CACHE_DIR: cacheDir } },
        );
      const serial = run('off');
      const parallel = run('2');
      assert.equal(serial.status, 1, serial.stderr);
      assert.equal(parallel.status, 1, parallel.stderr);
      assert.equal(parallel.stdout, serial.stdout);
    } finally {
      fs.rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});

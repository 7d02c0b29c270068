/**
 * npm run test:vscode — test/integration/** inside desktop VS Code's extension host, through
 * @vscode/test-electron, at the oldest VS Code that engines.vscode allows and at stable, with a
 * copy of the fixture app as the workspace.
 *
 * It downloads VS Code from update.code.visualstudio.com (cached in .cache/vscode-test). Where
 * that host cannot be reached it says so and exits 1: the tests did not run, and nothing here
 * pretends they passed. With VS Code already installed, point VSCODE_EXECUTABLE at its binary
 * to skip the download. Not part of `npm test`; the code-server suite (npm run test:e2e) is.
 *
 *   VSCODE_TEST_VERSIONS=1.100.3,stable   versions to run (default: engines minimum and stable)
 *   VSCODE_EXECUTABLE=/usr/bin/code       use this VS Code instead of downloading
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';

const REPO_ROOT = path.resolve(__dirname, '..');
const CACHE = path.join(REPO_ROOT, '.cache', 'vscode-test');
const OUT = path.join(REPO_ROOT, 'out', 'integration');
const FIXTURE = path.join(REPO_ROOT, 'test', 'fixtures', 'workspace');

function versions(): string[] {
  if (process.env['VSCODE_TEST_VERSIONS']) return process.env['VSCODE_TEST_VERSIONS'].split(',').map((v) => v.trim());
  const { engines } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    engines: { vscode: string };
  };
  return [engines.vscode.replace(/^[\^~>=\s]+/, ''), 'stable'];
}

/** Bundles the tests (they import our TypeScript sources) for the extension host; `vscode` and mocha stay external. */
async function bundleTests(): Promise<string> {
  fs.rmSync(OUT, { recursive: true, force: true });
  const dir = path.join(REPO_ROOT, 'test', 'integration');
  const entryPoints = fs
    .readdirSync(dir)
    .filter((f) => f === 'index.ts' || f.endsWith('.test.ts'))
    .map((f) => path.join(dir, f));
  await esbuild.build({
    entryPoints,
    outdir: OUT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return path.join(OUT, 'index.js');
}

function copyFixture(): string {
  fs.mkdirSync(CACHE, { recursive: true });
  const target = fs.mkdtempSync(path.join(CACHE, 'workspace-'));
  fs.cpSync(FIXTURE, target, {
    recursive: true,
    filter: (src) => !/(^|[\\/])(\.next|node_modules)([\\/]|$)/.test(path.relative(FIXTURE, src)),
  });
  return target;
}

async function executableFor(version: string): Promise<string> {
  const installed = process.env['VSCODE_EXECUTABLE'];
  if (installed) return installed;
  try {
    return await downloadAndUnzipVSCode({ version, cachePath: CACHE, timeout: 20_000 });
  } catch (e) {
    console.error(
      `\nnpm run test:vscode: VS Code ${version} could not be downloaded (${(e as Error).message.split('\n')[0]}).\n` +
        '@vscode/test-electron downloads VS Code from update.code.visualstudio.com, which this machine cannot reach.\n' +
        'The extension-host tests in test/integration did NOT run.\n' +
        'With VS Code installed, run them with VSCODE_EXECUTABLE=/path/to/code npm run test:vscode.\n' +
        'On this machine the extension is tested in real VS Code by the code-server suite: npm run test:e2e.\n',
    );
    process.exit(1);
  }
}

/** Desktop VS Code needs a display: on a headless Linux, rerun this script under xvfb-run. */
function ensureDisplay(): void {
  if (process.platform !== 'linux' || process.env['DISPLAY'] || process.env['WAYLAND_DISPLAY']) return;
  if (spawnSync('sh', ['-c', 'command -v xvfb-run'], { stdio: 'ignore' }).status !== 0) {
    console.error(
      'npm run test:vscode: desktop VS Code needs a display. Install Xvfb (Debian: apt-get install -y xvfb) or set DISPLAY.',
    );
    process.exit(1);
  }
  const result = spawnSync('xvfb-run', ['-a', process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
  });
  process.exit(result.status ?? 1);
}

async function main(): Promise<void> {
  const runs = process.env['VSCODE_EXECUTABLE'] ? ['installed'] : versions();
  const executables: [string, string][] = [];
  for (const version of runs) executables.push([version, await executableFor(version)]);
  ensureDisplay();
  const extensionTestsPath = await bundleTests();
  let failed = 0;
  for (const [version, vscodeExecutablePath] of executables) {
    const workspace = copyFixture();
    console.log(`\nExtension-host tests in VS Code ${version}:`);
    try {
      await runTests({
        vscodeExecutablePath,
        extensionDevelopmentPath: REPO_ROOT,
        extensionTestsPath,
        launchArgs: [
          workspace,
          '--disable-extensions',
          '--disable-workspace-trust',
          '--skip-welcome',
          '--skip-release-notes',
        ],
      });
    } catch (e) {
      failed++;
      console.error(`VS Code ${version}: ${(e as Error).message}`);
    } finally {
      fs.rmSync(workspace, { recursive: true, force: true });
    }
  }
  process.exit(failed ? 1 : 0);
}

main().catch((e: Error) => {
  console.error(e.stack);
  process.exit(1);
});

/**
 * npm run demo — the extension in real VS Code (code-server, in your browser) on the sample
 * Next.js app, with `next dev` running and requests pointed at it. Ctrl+C stops everything.
 *   npm run demo -- <path to a Next.js app>         open your app instead (in place; nothing is copied)
 *   npm run demo -- <path to a Next.js app> --dev   and start its `dev` script (on a free PORT) for the runner
 *   npm run demo -- --desktop                       desktop VS Code (`code` on PATH) with --extensionDevelopmentPath
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { probe } from '../src/core/request/probe';
import { ensureInstalled, InstallError, REPO_ROOT } from './e2e/install';
import { startWorkbench } from './e2e/workbench';
import { FIXTURE_APP, freePort, startNextDev } from '../test/support/nextDev';

const USAGE = `Usage: npm run demo -- [<path to a Next.js app> [--dev]] [--desktop]`;

/** The app folder given on the command line, checked; undefined for the sample app. */
function appArgument(): string | undefined {
  const given = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  if (given.length > 1) throw new InstallError(`Give one app folder.\n${USAGE}`);
  if (!given[0]) return undefined;
  const dir = path.resolve(process.env['INIT_CWD'] ?? process.cwd(), given[0]);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory())
    throw new InstallError(`No such folder: ${dir}\n${USAGE}`);
  const hasPackage = fs.existsSync(path.join(dir, 'package.json'));
  const hasApp = ['app', 'src/app'].some((d) => fs.existsSync(path.join(dir, d)));
  if (!hasPackage || !hasApp)
    console.warn(
      `Note: ${dir} has ${hasPackage ? '' : 'no package.json'}${!hasPackage && !hasApp ? ' and ' : ''}${hasApp ? '' : 'no app/ or src/app/ folder'}; opening it anyway.`,
    );
  return dir;
}

/** Runs the app's own `dev` script with PORT set to a free port, and waits until it answers. */
async function startDevScript(dir: string): Promise<{ origin: string; stop(): void }> {
  const scripts =
    (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { scripts?: Record<string, string> })
      .scripts ?? {};
  if (!scripts['dev']) throw new InstallError(`${dir}/package.json has no "dev" script to start.`);
  const port = await freePort();
  console.log(`Starting \`npm run dev\` in ${dir} on port ${port} (${scripts['dev']})…`);
  const child: ChildProcess = spawn('npm', ['run', 'dev'], {
    cwd: dir,
    detached: true,
    stdio: 'inherit',
    env: { ...process.env, PORT: String(port), NEXT_TELEMETRY_DISABLED: '1' },
  });
  const stop = (): void => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* gone */
    }
  };
  process.once('exit', stop);
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  while (!(await probe(origin))) {
    if (child.exitCode !== null)
      throw new InstallError(`\`npm run dev\` exited with ${child.exitCode} before answering.`);
    if (Date.now() > deadline) {
      stop();
      throw new InstallError(`Nothing answered at ${origin} within 3 minutes: does the dev script honour PORT?`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return { origin, stop };
}

const OPEN_FILE = 'app/api/users/[id]/route.ts';

async function desktop(): Promise<void> {
  if (spawnSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' }).status !== 0) {
    console.error(
      '`code` (desktop VS Code) is not on PATH. Install VS Code and its shell command, or run `npm run demo` for VS Code in the browser.',
    );
    process.exit(1);
  }
  const dev = await startNextDev(FIXTURE_APP);
  console.log(
    `next dev: ${dev.origin}/kit  — set "nextRouteKit.request.baseUrl": "${dev.origin}" in the window that opens.`,
  );
  const code = spawn(
    'code',
    ['--new-window', `--extensionDevelopmentPath=${REPO_ROOT}`, FIXTURE_APP, `${FIXTURE_APP}/${OPEN_FILE}`],
    { stdio: 'inherit' },
  );
  code.on('exit', () => console.log('VS Code launched. Press Ctrl+C here to stop next dev.'));
  const stop = (): void => void dev.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function ownApp(dir: string): Promise<void> {
  ensureInstalled({ browser: false, log: (l) => console.log(l) });
  const dev = process.argv.includes('--dev') ? await startDevScript(dir) : undefined;
  console.log('Starting VS Code (code-server)…');
  const wb = await startWorkbench({
    app: dir,
    ...(dev ? { settings: { 'nextRouteKit.request.baseUrl': dev.origin } } : {}),
  });
  console.log(`
  Next Route Kit is running in VS Code on ${dir}. Open this URL in your browser:

    ${wb.url()}

  ${dev ? `Its dev script answers at ${dev.origin}; the runner sends there.` : "No dev server was started (add --dev to run the app's `dev` script); the runner finds one you start yourself."}
  Try: the Next.js Routes view in the Explorer, "▶ Send" above a handler, the Problems panel.
  Your files are opened in place: quick fixes you apply change them.

  Press Ctrl+C to stop${dev ? ' VS Code and the dev script' : ''}.
`);
  const stopDev = (): void => dev?.stop();
  process.on('SIGINT', stopDev);
  process.on('SIGTERM', stopDev);
  await new Promise(() => undefined);
}

async function browser(): Promise<void> {
  ensureInstalled({ browser: false, log: (l) => console.log(l) });
  console.log('Starting next dev and VS Code (code-server)…');
  const wb = await startWorkbench();
  const url = wb.url(OPEN_FILE);
  console.log(`
  Next Route Kit is running in VS Code. Open this URL in your browser:

    ${url}

  The sample Next.js app (basePath /kit) is served by next dev at ${wb.dev!.origin}/kit
  Try:
    • Click "▶ Send GET /kit/api/users/[id]" above a handler, type 42, read the response beside the code.
    • Open app/api/legacy-cors/route.ts: hover the squiggle, press Ctrl+. for the fixes.
    • Create app/api/demo/route.ts and type "rhget", then Tab.
    • Command Palette → "Next Route Kit: Send Request to a Route…"

  Press Ctrl+C to stop everything.
`);
  // startWorkbench stops everything on SIGINT/SIGTERM (once, however many signals arrive).
  let told = false;
  const tell = (): void => {
    if (!told) console.log('\nStopping VS Code and next dev…');
    told = true;
  };
  process.on('SIGINT', tell);
  process.on('SIGTERM', tell);
  await new Promise(() => undefined);
}

function main(): Promise<void> {
  const app = appArgument();
  if (app) return ownApp(app);
  return process.argv.includes('--desktop') ? desktop() : browser();
}

Promise.resolve()
  .then(main)
  .catch((e: Error) => {
    console.error(e instanceof InstallError ? e.message : e.stack);
    process.exit(1);
  });

/**
 * npm run demo — the extension in real VS Code (code-server, in your browser) on the sample
 * Next.js app, with `next dev` running and requests pointed at it. Ctrl+C stops everything.
 *   npm run demo -- --desktop   desktop VS Code (`code` on PATH) with --extensionDevelopmentPath
 */
import { spawn, spawnSync } from 'node:child_process';
import { ensureInstalled, InstallError, REPO_ROOT } from './e2e/install';
import { startWorkbench } from './e2e/workbench';
import { FIXTURE_APP, startNextDev } from '../test/support/nextDev';

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

(process.argv.includes('--desktop') ? desktop() : browser()).catch((e: Error) => {
  console.error(e instanceof InstallError ? e.message : e.stack);
  process.exit(1);
});

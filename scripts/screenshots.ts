/**
 * npm run screenshots — regenerates media/screenshots/*.png from the E2E harness: real VS Code
 * (code-server) in Debian's Chromium, on a copy of the fixture app with `next dev` running.
 * Each shot waits for what it shows (selectors), never for a fixed time. Look at the PNGs
 * before committing them.
 *
 *   npm run screenshots              every shot
 *   npm run screenshots -- routes    only the shots whose name contains "routes"
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { ensureInstalled, InstallError, REPO_ROOT } from './e2e/install';
import { startWorkbench, type Workbench as Server } from './e2e/workbench';
import { loadAppEnv } from '../src/core/request/appEnv';
import { AUTH_APP, FIXTURE_APP } from '../test/support/nextDev';
import { launchBrowser, Workbench } from '../test/e2e/support/vscode';

const OUT_DIR = path.join(REPO_ROOT, 'media', 'screenshots');

interface Shot {
  /** File name without extension. */
  readonly name: string;
  readonly description: string;
  /** The fixture app it is taken on (default test/fixtures/workspace), and the file open at first. */
  readonly fixture?: string;
  readonly file?: string;
  /** Arranges the workbench; the page is captured when it resolves. */
  take(w: Workbench, server: Server): Promise<void>;
}

/** Waits until the workbench has nothing left to settle that would show in a picture. */
async function settle(w: Workbench): Promise<void> {
  // TypeScript's "Initializing…" progress in the status bar, and the lenses of the open route file.
  await w.page.locator('.statusbar-item', { hasText: /Initializing/ }).waitFor({ state: 'detached', timeout: 60_000 });
  await w.page.locator('.notifications-toasts .notification-toast').waitFor({ state: 'detached' });
}

const SHOTS: readonly Shot[] = [
  {
    name: 'route-file',
    description: 'a route file open, its ▶ Send lenses, and the route count in the status bar',
    async take(w) {
      await w.lens('▶ Send GET').waitFor();
      await w.statusItem(/\d+ routes/).waitFor();
      await settle(w);
    },
  },
  {
    name: 'send-request',
    description: 'a ▶ Send lens clicked on a dynamic route: 42 asked for, the response from next dev beside the code',
    async take(w) {
      await settle(w);
      await w.command('View: Close Primary Side Bar'); // room for the code and the response side by side
      await w.lens('▶ Send GET /kit/api/users/[id]').click();
      await w.answerInput('42');
      await w.waitForEditorText('Response', /HTTP\/1\.1 200 OK/);
      await w.statusItem(/200 · \d+ ms/).waitFor();
      await settle(w);
    },
  },
  {
    name: 'quick-fix',
    description: 'wildcard CORS flagged, with its quick fixes (Ctrl+.)',
    async take(w) {
      await w.openFile('app/api/legacy-cors/route.ts');
      await w.squiggles('warning').first().waitFor();
      await settle(w);
      await w.goToLine(5, 50);
      await w.page
        .locator(
          '.editor-group-container.active .monaco-editor [class*="codicon-light-bulb"], .editor-group-container.active .monaco-editor [class*="codicon-lightbulb"]',
        )
        .first()
        .waitFor();
      await w.page.keyboard.press('Control+.');
      await w.page.locator('.action-widget .monaco-list-row', { hasText: 'ALLOWED_ORIGIN' }).waitFor();
    },
  },
  {
    name: 'show-routes',
    description: '"Next Route Kit: Show Routes": every route with its methods and file',
    async take(w) {
      await settle(w);
      await w.command('Next Route Kit: Show Routes');
      await w.quickPick();
    },
  },
  {
    name: 'sign-in',
    description:
      'Sign In (Auth.js)… on the next-auth fixture app, then ▶ Send on a route proxy.ts protects: 200 beside the code, the session cookie kept',
    fixture: AUTH_APP,
    file: 'app/api/admin/stats/route.ts',
    async take(w) {
      const env = loadAppEnv(AUTH_APP, {});
      await settle(w);
      await w.command('View: Close Primary Side Bar'); // room for the code and the response side by side
      await w.command('Next Route Kit: Sign In (Auth.js)…');
      await w.answerInput(env.dotenv('DEMO_EMAIL')!);
      await w.answerInput(env.dotenv('DEMO_PASSWORD')!);
      // next dev compiles Auth.js's routes on first use.
      await w.notification(/now send the session cookie/).waitFor({ timeout: 120_000 });
      await w.lens('▶ Send GET /api/admin/stats').click();
      await w.waitForEditorText('Response', /"signedInAs"/, 120_000);
      await w.statusItem(/cookies? for/).waitFor();
      await w.statusItem(/200 · \d+ ms/).waitFor();
    },
  },
  {
    // Last: it adds a file to the workspace the other shots share.
    name: 'snippet',
    description: 'rhget offered in a new route file, with a preview of what it inserts',
    async take(w) {
      await settle(w);
      await w.newFile('app/api/catalog/route.ts');
      await w.command('View: Close Primary Side Bar'); // room for the preview beside the list
      await w.typeInEditor('rhget');
      await w.triggerSuggest('rhget');
      const details = w.page.locator('.editor-group-container.active .suggest-details-container .suggest-details');
      if (!(await details.isVisible())) await w.page.keyboard.press('Control+Space'); // show the preview beside the list
      await details.locator('.docs', { hasText: 'export async function GET' }).waitFor();
    },
  },
];

async function main(): Promise<void> {
  const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const shots = SHOTS.filter((s) => only.length === 0 || only.some((o) => s.name.includes(o)));
  if (shots.length === 0)
    throw new Error(`No shot matches ${only.join(', ')}; shots: ${SHOTS.map((s) => s.name).join(', ')}`);
  ensureInstalled({ browser: true, log: (line) => console.log(line) });
  fs.mkdirSync(OUT_DIR, { recursive: true });
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser();
    // One workbench (and next dev) per fixture app, in the order the shots come.
    for (const fixture of [...new Set(shots.map((s) => s.fixture ?? FIXTURE_APP))]) {
      console.log(`Starting next dev and VS Code (code-server) on ${path.relative(REPO_ROOT, fixture)}…`);
      // No word-occurrence highlight at the cursor: it reads as a selection in a still picture.
      const server = await startWorkbench({ fixture, settings: { 'editor.occurrencesHighlight': 'off' } });
      try {
        for (const shot of shots.filter((s) => (s.fixture ?? FIXTURE_APP) === fixture))
          await take(shot, browser, server);
      } finally {
        await server.stop();
      }
    }
  } finally {
    await browser?.close();
  }
}

/** Takes one shot in a fresh window (no state carried over from the previous one). */
async function take(shot: Shot, browser: Browser, server: Server): Promise<void> {
  const w = await Workbench.open(browser, server.url(shot.file ?? 'app/api/users/[id]/route.ts'));
  try {
    await shot.take(w, server);
    const file = path.join(OUT_DIR, `${shot.name}.png`);
    await w.page.screenshot({ path: file });
    console.log(`  ${path.relative(REPO_ROOT, file)} — ${shot.description}`);
  } finally {
    await w.page.close();
  }
}

main().catch((e: Error) => {
  console.error(e instanceof InstallError ? e.message : e.stack);
  process.exit(1);
});

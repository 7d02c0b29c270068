/**
 * The extension in real VS Code (code-server in Debian's Chromium) on a copy of the fixture
 * app, served by `next dev` as a user would have it while working: activation, the routes
 * status bar entry, the Show Routes Quick Pick, a route file created and typed in the
 * workbench, and snippets in and outside route files. On failure a scenario saves a
 * screenshot and the logs under test-results/e2e/ and names them.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { useWorkbench } from './support/suite';
import type { QuickPickRow } from './support/vscode';

/**
 * Route files on disk, counted the way Next.js routes them: a file below a private folder
 * (`_name`) is never served. Independent of the extension's own route index on purpose.
 */
function countRouteFiles(workspace: string): { total: number; served: number } {
  let total = 0;
  let served = 0;
  const walk = (dir: string, isPrivate: boolean): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(dir, entry.name), isPrivate || entry.name.startsWith('_'));
      else if (/^route\.(ts|tsx|js|jsx|mjs)$/.test(entry.name)) {
        total++;
        if (!isPrivate) served++;
      }
    }
  };
  walk(path.join(workspace, 'app'), false);
  return { total, served };
}

/** Polls until `file` holds exactly `text` (a save reaches the disk through code-server, asynchronously). */
async function waitForFileText(file: string, text: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const read = (): string | undefined => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined);
  while (read() !== text) {
    if (Date.now() > deadline) assert.equal(read(), text, `${file} after saving`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('VS Code with Next Route Kit: activation, Show Routes, snippets', function () {
  const { server, open, scenario } = useWorkbench();
  const inWorkspace = (relative: string): string => path.join(server().workspace, relative);

  it(
    'shows how many routes Next.js serves in the status bar once the extension is active',
    scenario(async () => {
      const { total, served } = countRouteFiles(server().workspace);
      assert.ok(total > served && served > 1, `fixture has ${total} route files, ${served} served`);
      const w = await open('app/api/hello/route.ts');
      await w.statusItem(`${served} routes`).waitFor();
      assert.ok((await w.statusBarTexts()).includes(`${served} routes`));
      assert.match(
        await w.statusItemLabel(`${served} routes`),
        new RegExp(
          `found ${served} App Router route handler file\\(s\\) and ${total - served} never served \\(private folder\\)`,
        ),
      );
      // The workbench URL opened the route file: the editor shows it as it is on disk.
      await w.activeTab('route.ts').waitFor();
      assert.equal(await w.activeEditorText(), fs.readFileSync(inWorkspace('app/api/hello/route.ts'), 'utf8'));
    }),
  );

  it(
    'lists /kit/api/users/[id] in Show Routes from the Command Palette and opens its file',
    scenario(async () => {
      const { total } = countRouteFiles(server().workspace);
      const w = await open();
      await w.command('Next Route Kit: Show Routes');
      const pick = await w.quickPick();
      assert.equal(pick.title, 'App Router routes');
      assert.equal(pick.total, total, 'one row per route file');
      await w.filterQuickPick('users/[id]', '/kit/api/users/[id]');
      const row = (await w.quickPick()).items.find((i) => i.label === '/kit/api/users/[id]');
      assert.deepEqual(row, {
        label: '/kit/api/users/[id]',
        description: 'GET PATCH DELETE',
        detail: 'app/api/users/[id]/route.ts',
      });
      await w.pickQuickPickItem('/kit/api/users/[id]', 'users/[id]');
      await w.activeTab('route.ts').waitFor();
      await w.page.locator('.editor-group-container.active .breadcrumbs-control', { hasText: '[id]' }).waitFor();
      assert.equal(await w.activeEditorText(), fs.readFileSync(inWorkspace('app/api/users/[id]/route.ts'), 'utf8'));
    }),
  );

  it(
    'counts a route file created and typed in the workbench, and lists it in Show Routes',
    scenario(async () => {
      const { served } = countRouteFiles(server().workspace);
      const w = await open('app/api/users/route.ts'); // Quick Open then switches to the other file
      await w.statusItem(`${served} routes`).waitFor();

      // Created from the Explorer in a folder that has none yet: the count follows, handlers or not.
      await w.newFile('app/api/auth/route.ts');
      await w.statusItem(`${served + 1} routes`).waitFor();
      await w.typeInEditor('// typed in VS Code\n');
      const handler = 'export async function GET() {\n  return Response.json({ typed: true });\n}\n';
      await w.pasteInEditor(handler);
      const typed = `// typed in VS Code\n${handler}`;
      assert.equal(await w.waitForActiveEditorText(/typed: true/), typed);
      await w.save();
      await waitForFileText(inWorkspace('app/api/auth/route.ts'), typed);

      // The route index follows the file watcher, which reports the save a moment later: ask again until it has.
      const listed = async (): Promise<QuickPickRow | undefined> => {
        await w.command('Next Route Kit: Show Routes');
        await w.filterQuickPick('api/auth', '/kit/api/auth');
        const row = (await w.quickPick()).items.find((i) => i.label === '/kit/api/auth');
        await w.page.keyboard.press('Escape');
        await w.quickInput().waitFor({ state: 'hidden' });
        return row;
      };
      let row = await listed();
      for (const deadline = Date.now() + 10_000; row?.description !== 'GET' && Date.now() < deadline;)
        row = await listed();
      assert.deepEqual(row, { label: '/kit/api/auth', description: 'GET', detail: 'app/api/auth/route.ts' });

      // Quick Open reaches the other route file; the workspace copy was edited, never the fixture.
      await w.openFile('app/api/users/route.ts');
      assert.match(await w.activeEditorText(), /export async function POST/);
      assert.ok(!fs.existsSync(path.join(__dirname, '..', 'fixtures', 'workspace', 'app', 'api', 'auth', 'route.ts')));
    }),
  );
  it(
    'offers rhget in a new route file and inserts a handler with no Next Route Kit problems; outside route files rhget is not offered',
    scenario(async () => {
      const w = await open('app/api/hello/route.ts');
      await w.newFile('app/api/catalog/route.ts');
      await w.typeInEditor('rhget');
      const offered = await w.triggerSuggest('rhget');
      assert.ok(offered.includes('rhget'), offered.join(' | '));
      await w.acceptSuggestion('rhget');
      const text = await w.waitForActiveEditorText(/export async function GET\(\)/);
      assert.match(text, /^import \{ db \} from '@\/lib\/db';/);
      assert.match(text, /return Response\.json\(items\);/);
      await w.page.keyboard.press('Escape'); // leave the snippet's placeholders

      // Proof that the linter has seen this file: a mistake pasted at the end is reported, and gone once undone.
      await w.page.keyboard.press('Control+End');
      await w.pasteInEditor('\nexport async function Get() {\n  return Response.json({});\n}\n');
      await w.waitForProblem(/`Get` is not a route handler/);
      await w.focusActiveEditor();
      await w.page.keyboard.press('Control+Z');
      await w.waitForActiveEditorText(/\}\s*$/);
      await w.page
        .locator('.markers-panel .monaco-list-row', { hasText: /`Get` is not a route handler/ })
        .waitFor({ state: 'detached' });
      const ours = (await w.problemsOf('app/api/catalog')).filter((row) => /next-route-kit/.test(row));
      assert.deepEqual(ours, [], 'the inserted handler has no Next Route Kit problems');

      // A TypeScript file that is not a route: no route-handler snippets.
      await w.newFile('lib/format.ts');
      await w.typeInEditor('rhget');
      const elsewhere = await w.suggestionsAtCursor();
      assert.ok(!elsewhere.includes('rhget'), elsewhere.join(' | '));
    }),
  );
});

/**
 * The Routes view in real VS Code (code-server in Debian's Chromium) on the fixture app
 * served by `next dev`: it lists the fixture's routes grouped by URL segment, reveals the
 * active editor's route, and sends a method from its inline ▶ action.
 */
import * as assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import { useWorkbench } from './support/suite';
import type { Workbench } from './support/vscode';

/** The Routes view: its own Activity Bar container (`nextRouteKit`) in the side bar. */
function routesPane(w: Workbench): Locator {
  return w.page.locator('[id="workbench.view.extension.nextRouteKit"]');
}

/**
 * The view's rendered rows in tree order, each `label description` indented two spaces a level
 * (the list is virtual: it renders the rows in view, and reuses row elements out of order).
 */
async function rows(w: Workbench): Promise<string[]> {
  await routesPane(w).locator('.monaco-list-row').first().waitFor();
  return (await w.page.evaluate(ROWS)) as string[];
}

// A string, not a function: the test runner's transpiler would wrap inner functions in helpers the page lacks.
const ROWS = `[...document.querySelectorAll('[id="workbench.view.extension.nextRouteKit"] .monaco-list-row')]
    .sort((a, b) => Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index')))
    .map((row) => '  '.repeat(Number(row.getAttribute('aria-level')) - 1) +
      [row.querySelector('.label-name'), row.querySelector('.label-description')]
        .map((e) => (e ? e.textContent : '').replace(/\\s+/g, ' ').trim()).filter(Boolean).join(' '))`;

/**
 * The rendered rows once they hold `lines` one after another: the tree settles in steps (the
 * revealed route's children arrive, a problem count changes a row), so this waits on the rows
 * themselves; on a timeout the assertion shows what was there.
 */
async function rowsHolding(w: Workbench, lines: readonly string[]): Promise<string[]> {
  const wanted = JSON.stringify(lines.join('\n'));
  await w.page.waitForFunction(`(${ROWS}).join('\\n').includes(${wanted})`).catch(() => undefined);
  return rows(w);
}

/** A tree row whose label is exactly `label`. */
function row(w: Workbench, label: string): Locator {
  return routesPane(w)
    .locator('.monaco-list-row', { has: w.page.locator('.label-name', { hasText: new RegExp(`^${escape(label)}$`) }) })
    .first();
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('VS Code end to end: the Routes view', function () {
  const { open, scenario } = useWorkbench();

  it(
    'opens from Reveal Route with the active file’s route selected under /kit/api, and sends GET from its inline ▶',
    scenario(async () => {
      const w = await open('app/api/users/[id]/route.ts');
      await w.activeTab('route.ts').waitFor();
      // The view has an Activity Bar entry of its own (not a collapsed pane at the bottom of the Explorer).
      await w.page.locator('.activitybar .action-label[aria-label^="Next.js Routes"]').waitFor();
      await w.command('Next Route Kit: Reveal Route in the Routes View');
      const pane = routesPane(w);
      const revealed = pane.locator('.monaco-list-row.selected', {
        has: w.page.locator('.label-name', { hasText: /^\[id\]$/ }),
      });
      await revealed.waitFor();
      // Grouped by URL segment (`/kit` is the basePath), the revealed route expanded to its methods:
      // the exported ones, then HEAD and OPTIONS that Next.js answers by itself.
      const tree = async (...lines: string[]): Promise<void> => {
        const shown = await rowsHolding(w, lines);
        assert.ok(shown.join('\n').includes(lines.join('\n')), `${lines.join('\n')}\nnot in\n${shown.join('\n')}`);
      };
      await tree('/kit 15 routes', '  api 14 routes');
      await tree(
        '    users GET POST',
        '      GET',
        '      POST',
        '      HEAD auto',
        '      OPTIONS auto',
        '      [id] GET PATCH DELETE',
        '        GET',
        '        PATCH',
        '        DELETE',
        '        HEAD auto',
        '        OPTIONS auto',
      );

      // The revealed route's GET, the row below it.
      const index = Number(await revealed.getAttribute('data-index'));
      const get = pane.locator(`.monaco-list-row[data-index="${index + 1}"]`);
      assert.equal(await get.locator('.label-name').textContent(), 'GET');
      await get.hover();
      await get.locator('.action-label[aria-label="Send Request"]').click();
      const asked = await w.answerInput('42');
      assert.match(`${asked.title} ${asked.prompt}`, /id/);
      await w.waitForEditorText('Response', /HTTP\/1\.1 200 OK/);
      await w.waitForEditorText('Response', /GET .*\/kit\/api\/users\/42/);
      // The last status shows on the method once history has it.
      await get.locator('.label-description', { hasText: 'last 200' }).waitFor();
    }),
    // Includes next dev's first compile of the route: slow on a busy machine.
  ).timeout(300_000);

  it(
    'shows only the routes matching the filter typed, and all of them again once the filter is cleared',
    scenario(async () => {
      const w = await open('app/api/hello/route.ts');
      await w.command('Next Route Kit: Filter Routes…');
      await w.answerInput('users');
      // The view opens on the filtered routes.
      const pane = routesPane(w);
      await pane.locator('.message', { hasText: /^\d+ of 15 routes match “users”\.$/ }).waitFor();
      await row(w, '[id]').waitFor();
      // Folders that only lead on are joined; the route whose sub-route matched is open on it.
      const filtered = await rows(w);
      assert.deepEqual(filtered, [
        '/kit/api/users GET POST',
        '  GET',
        '  POST',
        '  HEAD auto',
        '  OPTIONS auto',
        '  [id] GET PATCH DELETE',
      ]);

      await w.command('Next Route Kit: Clear Routes Filter');
      await row(w, 'hello').waitFor();
      await pane.locator('.message', { hasText: /match/ }).waitFor({ state: 'hidden' });
      const all = await rows(w);
      assert.ok(all.length > filtered.length, `${all.join(' | ')}\nagainst ${filtered.join(' | ')}`);
    }),
  );
});

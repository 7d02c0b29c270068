/**
 * Page objects for VS Code in the browser (code-server), driven by playwright-core with
 * Debian's Chromium. Every wait is on a selector or a condition — never a fixed delay.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { CHROMIUM } from '../../../scripts/e2e/install';

/** Debian's Chromium, headless, with a fresh profile (Playwright makes and removes one per launch). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Flags from the machine notes: this network refuses Chromium's background connections.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

const norm = (s: string | null): string => (s ?? '').replace(/\u00a0/g, ' ');

/** In-page expression: the active editor's rendered lines, ordered by their position, or null. */
const ACTIVE_EDITOR_TEXT = `(() => {
  const editor = document.querySelector('.editor-group-container.active .monaco-editor');
  if (!editor) return null;
  return [...editor.querySelectorAll('.view-lines .view-line')]
    .map((line) => [parseFloat(line.style.top) || 0, (line.textContent || '').replace(/\\u00a0/g, ' ')])
    .sort((a, b) => a[0] - b[0])
    .map((entry) => entry[1])
    .join('\\n');
})()`;

export class Workbench {
  /** What the page wrote to the browser console (the workbench's own logs), one entry a message. */
  readonly console: string[] = [];

  constructor(readonly page: Page) {
    page.on('console', (message) => this.console.push(`${message.type()}: ${message.text()}`));
  }

  static async open(browser: Browser, url: string): Promise<Workbench> {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const wb = new Workbench(page);
    await page.goto(url);
    await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
    await wb.statusItem(/\d+ routes?/).waitFor({ timeout: 90_000 });
    return wb;
  }

  statusItem(text: string | RegExp): Locator {
    return this.page.locator('.statusbar-item', { hasText: text }).first();
  }

  /** Opens a file by its path relative to the workspace, through Quick Open. */
  async openFile(rel: string): Promise<void> {
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(rel);
    // Enter on the focused row once it is exactly that file (the fixture has many `route.ts`; the
    // list re-renders as results arrive, so a click could land on a row that was just reused).
    const dir = path.posix.dirname(rel);
    await this.page.waitForFunction(`(() => {
      const row = document.querySelector('.quick-input-list .monaco-list-row.focused');
      if (!row) return false;
      const text = (selector) => (row.querySelector(selector)?.textContent || '').replace(/\\u00a0/g, ' ').trim();
      return text('.label-name') === ${JSON.stringify(path.posix.basename(rel))} && (${JSON.stringify(dir)} === '.' || text('.label-description') === ${JSON.stringify(dir)});
    })()`);
    await this.page.keyboard.press('Enter');
    await this.waitForActiveFile(rel);
  }

  activeTab(title: string | RegExp): Locator {
    return this.page.locator('.tab.active', { hasText: title }).first();
  }

  /** Runs a command from the Command Palette by its title. */
  async command(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${title}`);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
    await this.page.keyboard.press('Enter');
  }

  lens(text: string | RegExp): Locator {
    return this.page.locator('.codelens-decoration a', { hasText: text }).first();
  }

  async lensTitles(): Promise<string[]> {
    return (await this.page.locator('.codelens-decoration a').allTextContents()).map(norm);
  }

  /** Answers an input box (prompt) and returns its title and prompt text. */
  async answerInput(value: string): Promise<{ title: string; prompt: string }> {
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    const title = norm(
      await this.page
        .locator('.quick-input-widget .quick-input-title')
        .textContent()
        .catch(() => ''),
    );
    const prompt = norm(
      await this.page
        .locator('.quick-input-widget .quick-input-message')
        .textContent()
        .catch(() => ''),
    );
    await input.fill(value);
    await this.page.keyboard.press('Enter');
    return { title, prompt };
  }

  /** The visible text of the editor whose tab is `title` (Monaco renders the visible lines). */
  editorGroup(title: string | RegExp): Locator {
    return this.page
      .locator('.editor-group-container', { has: this.page.locator('.tab.active', { hasText: title }) })
      .first();
  }

  async editorText(title: string | RegExp): Promise<string> {
    const lines = await this.editorGroup(title).locator('.view-lines .view-line').allTextContents();
    return lines.map(norm).join('\n');
  }

  /**
   * Waits until the editor whose tab is `title` shows text matching `pattern` (checked on every
   * frame). Monaco renders spaces as no-break spaces, so the lines are normalised before matching.
   */
  async waitForEditorText(title: string | RegExp, pattern: RegExp, timeout = 60_000): Promise<string> {
    const titleTest =
      typeof title === 'string'
        ? `(text) => text.includes(${JSON.stringify(title)})`
        : `(text) => new RegExp(${JSON.stringify(title.source)}, ${JSON.stringify(title.flags)}).test(text)`;
    await this.page.waitForFunction(
      `(() => {
        const matchesTitle = ${titleTest};
        const want = new RegExp(${JSON.stringify(pattern.source)}, ${JSON.stringify(pattern.flags)});
        for (const group of document.querySelectorAll('.editor-group-container')) {
          const tab = group.querySelector('.tab.active');
          if (!tab || !matchesTitle((tab.textContent || '').replace(/\\u00a0/g, ' '))) continue;
          const text = [...group.querySelectorAll('.view-lines .view-line')]
            .map((line) => [parseFloat(line.style.top) || 0, (line.textContent || '').replace(/\\u00a0/g, ' ')])
            .sort((a, b) => a[0] - b[0])
            .map((entry) => entry[1])
            .join('\\n');
          if (want.test(text)) return true;
        }
        return false;
      })()`,
      undefined,
      { timeout },
    );
    return this.editorText(title);
  }

  notification(text: string | RegExp): Locator {
    return this.page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();
  }

  async clickNotificationButton(text: string | RegExp, button: string): Promise<void> {
    await this.notification(text).locator('.monaco-button', { hasText: button }).first().click();
  }

  /** Rows of the Problems panel (message, source, code, position). */
  async problems(): Promise<string[]> {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible().catch(() => false))) await this.page.keyboard.press('Control+Shift+M');
    await panel.waitFor();
    return (await panel.locator('.monaco-list-row').allTextContents()).map(norm);
  }

  /**
   * The Problems panel's marker rows under the file whose row mentions `fileText` (e.g. its
   * folder, `app/api/catalog`): the panel is a tree of file rows (level 1) and markers (level 2).
   */
  async problemsOf(fileText: string): Promise<string[]> {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible().catch(() => false))) await this.page.keyboard.press('Control+Shift+M');
    await panel.waitFor();
    return (await this.page.evaluate(`(() => {
      const rows = [...document.querySelectorAll('.markers-panel .monaco-list-row')]
        .sort((a, b) => Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index')));
      const out = [];
      let inFile = false;
      for (const row of rows) {
        const text = (row.textContent || '').replace(/\u00a0/g, ' ');
        if (row.getAttribute('aria-level') === '1') inFile = text.includes(${JSON.stringify(fileText)});
        else if (inFile) out.push(text);
      }
      return out;
    })()`)) as string[];
  }

  async waitForProblem(pattern: RegExp, timeout = 30_000): Promise<string> {
    await this.page.keyboard.press('Control+Shift+M');
    const row = this.page.locator('.markers-panel .monaco-list-row', { hasText: pattern }).first();
    await row.waitFor({ timeout });
    return norm(await row.textContent());
  }

  squiggles(kind: 'error' | 'warning' | 'info'): Locator {
    return this.page.locator(`.monaco-editor .squiggly-${kind}`);
  }

  /** Moves the cursor to `line` of the focused editor. */
  async goToLine(line: number, column = 1): Promise<void> {
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`:${line}:${column}`); // Ctrl+G opens Quick Open with ':' — keep it, or this becomes a file search
    await this.page.locator('.quick-input-widget', { hasText: `line ${line}` }).waitFor();
    await this.page.keyboard.press('Enter');
  }

  /** Opens the quick-fix menu (Ctrl+.) at the cursor and picks an action by its title. */
  async quickFix(title: string | RegExp): Promise<string[]> {
    // The light bulb shows once the code actions at the cursor are known.
    await this.page
      .locator(
        '.editor-group-container.active .monaco-editor [class*="codicon-light-bulb"], .editor-group-container.active .monaco-editor [class*="codicon-lightbulb"]',
      )
      .first()
      .waitFor();
    await this.page.keyboard.press('Control+.');
    const menu = this.page.locator('.action-widget');
    await menu.waitFor();
    await menu.locator('.monaco-list-row.focused').waitFor();
    const items = (await menu.locator('.monaco-list-row').allTextContents()).map(norm);
    // Chosen with the keyboard as a user would (the menu's rows never count as "stable" for a click):
    // Down moves over actions only, skipping the group headers.
    const wanted = (text: string): boolean => (typeof title === 'string' ? text.includes(title) : title.test(text));
    for (let step = 0; step < items.length; step++) {
      if (wanted(norm(await menu.locator('.monaco-list-row.focused').textContent()))) {
        await this.page.keyboard.press('Enter');
        await menu.waitFor({ state: 'hidden' });
        return items;
      }
      await this.page.keyboard.press('ArrowDown');
    }
    throw new Error(`No code action matching ${String(title)} in: ${items.join(' | ')}`);
  }

  async focusEditor(title: string | RegExp): Promise<void> {
    await this.editorGroup(title).locator('.view-lines').click();
  }

  // ---- Status bar -------------------------------------------------------------------------

  /** The status bar entries' texts, left to right (icons are not text; empty entries dropped). */
  async statusBarTexts(): Promise<string[]> {
    const texts = await this.page.locator('.statusbar-item').allInnerTexts();
    return texts.map((t) => norm(t).replace(/\s+/g, ' ').trim()).filter(Boolean);
  }

  /** The accessible label of a status bar entry: its text followed by its tooltip. */
  async statusItemLabel(text: string | RegExp): Promise<string> {
    const item = this.statusItem(text);
    await item.waitFor();
    return norm(await item.getAttribute('aria-label'));
  }

  // ---- Quick Pick / Quick Open -------------------------------------------------------------

  /** The Quick Pick that is showing. */
  quickInput(): Locator {
    return this.page.locator('.quick-input-widget');
  }

  /**
   * The rendered rows of the showing Quick Pick (the list is virtual: filter it with
   * `filterQuickPick` to bring a row into view). `total` counts every row, rendered or not.
   */
  async quickPick(): Promise<{ title: string; placeholder: string; total: number; items: QuickPickRow[] }> {
    const widget = this.quickInput();
    const rows = widget.locator('.quick-input-list .monaco-list-row');
    await rows.first().waitFor();
    // A string, not a function: the test runner's transpiler would wrap inner functions in helpers the page lacks.
    const items =
      (await widget.evaluate(`[...document.querySelectorAll('.quick-input-widget .quick-input-list .monaco-list-row')]
      .sort((a, b) => Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index')))
      .map((row) => ({
        label: (row.querySelector('.quick-input-list-row .label-name')?.textContent || '').replace(/\\u00a0/g, ' '),
        description: (row.querySelector('.quick-input-list-row .label-description')?.textContent || '').replace(/\\u00a0/g, ' '),
        detail: (row.querySelector('.quick-input-list-label-meta .label-name')?.textContent || '').replace(/\\u00a0/g, ' '),
      }))`)) as QuickPickRow[];
    return {
      title: norm(await widget.locator('.quick-input-title').textContent()),
      placeholder: norm(await widget.locator('.quick-input-box input').getAttribute('placeholder')),
      total: Number(await rows.first().getAttribute('aria-setsize')),
      items,
    };
  }

  /** Types into the Quick Pick's filter box and waits until a row matches `expect` (default: the filter). */
  async filterQuickPick(filter: string, expect: string | RegExp = filter): Promise<Locator> {
    const input = this.quickInput().locator('.quick-input-box input');
    await input.waitFor();
    await input.fill(filter);
    const row = this.quickInput().locator('.quick-input-list .monaco-list-row', { hasText: expect }).first();
    await row.waitFor();
    return row;
  }

  /** Picks the row whose label is `label` (after filtering by it) and waits for the Quick Pick to close. */
  async pickQuickPickItem(label: string, filter = label): Promise<void> {
    const row = await this.filterQuickPick(filter, label);
    await row.click();
    await this.quickInput().waitFor({ state: 'hidden' });
  }

  // ---- Editors -----------------------------------------------------------------------------

  /** The editor of the active editor group. */
  activeEditor(): Locator {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  /**
   * The active editor's text: its rendered lines in line order (Monaco renders the lines in
   * view, which is the whole file for the short files of the fixture).
   */
  async activeEditorText(): Promise<string> {
    await this.activeEditor().locator('.view-lines .view-line').first().waitFor();
    return ((await this.page.evaluate(ACTIVE_EDITOR_TEXT)) as string | null) ?? '';
  }

  /** Waits (checking on every rendered frame) until the active editor's text matches `pattern`; returns the text. */
  async waitForActiveEditorText(pattern: RegExp, timeout = 30_000): Promise<string> {
    const test = `new RegExp(${JSON.stringify(pattern.source)}, ${JSON.stringify(pattern.flags)}).test(${ACTIVE_EDITOR_TEXT} ?? '')`;
    await this.page.waitForFunction(test, undefined, { timeout });
    return this.activeEditorText();
  }

  /** Gives the active editor the keyboard focus without moving its cursor (a click could land on a code lens). */
  async focusActiveEditor(): Promise<void> {
    await this.activeEditor().locator('textarea.inputarea, .native-edit-context').first().focus();
  }

  /** Types `text` key by key at the active editor's cursor (auto-closing brackets and suggestions apply, as for a user). */
  async typeInEditor(text: string): Promise<void> {
    await this.focusActiveEditor();
    await this.page.keyboard.type(text);
  }

  /**
   * Pastes `text` into the active editor at the cursor, as Ctrl+V would: inserted as is, with
   * no auto-closing brackets or auto-indent (which make typed multi-line code come out different).
   */
  async pasteInEditor(text: string): Promise<void> {
    await this.focusActiveEditor();
    await this.page.evaluate(`(() => {
      const target = document.activeElement;
      if (!target || !target.closest('.monaco-editor')) throw new Error('no editor has the focus');
      const data = new DataTransfer();
      data.setData('text/plain', ${JSON.stringify(text)});
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    })()`);
  }

  /** Waits until the active editor shows the workspace file `relativePath` (checked on its breadcrumbs). */
  async waitForActiveFile(relativePath: string): Promise<void> {
    const segments = JSON.stringify(relativePath.split('/'));
    await this.page.waitForFunction(`(() => {
      const items = [...document.querySelectorAll('.editor-group-container.active .breadcrumbs-control .monaco-breadcrumb-item')]
        .map((item) => (item.textContent || '').trim());
      const want = ${segments};
      return want.every((segment, i) => items[i] === segment);
    })()`);
  }

  /**
   * Creates a file the way a user does in the Explorer ("File: New File..." and a name, where
   * `a/b/c.ts` also creates the folders) and waits for its editor to be active.
   */
  async newFile(relativePath: string): Promise<void> {
    await this.command('View: Show Explorer');
    await this.page.locator('.explorer-folders-view').waitFor();
    // The Explorer creates the file next to its selected item: select a top-level file first,
    // so that `relativePath` is taken from the workspace root.
    await this.openFile('package.json');
    await this.page.locator('.explorer-folders-view .monaco-list-row.selected', { hasText: 'package.json' }).waitFor();
    await this.command('File: New File...');
    const input = this.page.locator('.explorer-folders-view .monaco-inputbox input');
    await input.waitFor();
    await input.fill(relativePath);
    await this.page.keyboard.press('Enter');
    await input.waitFor({ state: 'detached' });
    await this.waitForActiveFile(relativePath);
    await this.activeEditor().locator('.view-lines').waitFor();
  }

  /** Saves the active editor (Ctrl+S) and waits until its tab shows no unsaved changes (code-server may also auto-save). */
  async save(): Promise<void> {
    await this.page.keyboard.press('Control+S');
    await this.page.locator('.editor-group-container.active .tab.active.dirty').waitFor({ state: 'detached' });
  }

  /**
   * Saves the active editor to `file` (an absolute path) through File: Save As… — in code-server
   * a path typed in the Quick Input dialog — and waits until its tab shows that file, saved.
   */
  async saveAs(file: string): Promise<void> {
    await this.command('File: Save As...');
    await this.answerSaveDialog(file, 'Save As', /Untitled/);
    await this.page
      .locator('.tab.active', { hasText: path.basename(file) })
      .first()
      .waitFor();
    await this.page.locator('.editor-group-container.active .tab.active.dirty').waitFor({ state: 'detached' });
  }

  /**
   * Answers VS Code's own save dialog (a quick input titled `title`) with `file`: once it has
   * proposed a path matching `proposed` (it has read the folder then), types over it and accepts.
   */
  async answerSaveDialog(file: string, title: string, proposed: RegExp): Promise<void> {
    const dialog = this.page.locator('.quick-input-widget', { hasText: title });
    const input = dialog.locator('.quick-input-box input');
    await dialog.waitFor();
    await this.page.waitForFunction(
      `${proposed}.test(document.querySelector('.quick-input-widget .quick-input-box input')?.value || '')`,
    );
    await input.fill(file);
    // It lists the folder of the path typed as it changes; its OK button takes the path as typed.
    await dialog
      .locator('.monaco-button', { hasText: /^(OK|Save|Export)$/ })
      .first()
      .click();
    await dialog.waitFor({ state: 'hidden' });
  }

  /** Whether the tab titled `title` has unsaved changes. */
  dirtyTab(title: string | RegExp): Locator {
    return this.page.locator('.tab.dirty', { hasText: title }).first();
  }

  // ---- Suggestions and hovers --------------------------------------------------------------

  /** Opens the suggestion widget (Ctrl+Space) at the cursor and returns the labels it shows. */
  async triggerSuggest(expect?: string | RegExp): Promise<string[]> {
    await this.page.keyboard.press('Control+Space');
    const widget = this.page.locator('.editor-group-container.active .suggest-widget.visible');
    await widget
      .locator('.monaco-list-row', expect ? { hasText: expect } : {})
      .first()
      .waitFor();
    return (await widget.locator('.monaco-list-row .label-name').allTextContents()).map(norm);
  }

  /**
   * Asks for suggestions (Ctrl+Space) and returns every label once the widget has settled:
   * a list, or "No suggestions." (an empty array).
   */
  async suggestionsAtCursor(): Promise<string[]> {
    await this.page.keyboard.press('Control+Space');
    await this.page.waitForFunction(`(() => {
      const widget = document.querySelector('.editor-group-container.active .suggest-widget');
      if (!widget || !widget.classList.contains('visible')) return false;
      if (widget.querySelector('.monaco-list-row')) return true;
      const message = widget.querySelector('.message');
      return !!message && /No suggestions/.test(message.textContent || '');
    })()`);
    const labels = (
      await this.page
        .locator('.editor-group-container.active .suggest-widget.visible .monaco-list-row .label-name')
        .allTextContents()
    ).map(norm);
    await this.page.keyboard.press('Escape');
    return labels;
  }

  /** Accepts the suggestion labelled `label` from the open suggestion widget. */
  async acceptSuggestion(label: string | RegExp): Promise<void> {
    const widget = this.page.locator('.editor-group-container.active .suggest-widget.visible');
    await widget.locator('.monaco-list-row', { hasText: label }).first().click();
    await widget.waitFor({ state: 'hidden' });
  }

  /** Rests the mouse on `target` (e.g. a squiggle) and returns the text of the editor hover that opens. */
  async hover(target: Locator): Promise<string> {
    await target.hover();
    const hover = this.page.locator('.monaco-editor .monaco-hover:visible').first();
    await hover.waitFor();
    return norm(await hover.innerText());
  }

  /** Shows the editor hover at the cursor from the keyboard (Ctrl+K Ctrl+I) and returns its text. */
  async hoverAtCursor(): Promise<string> {
    await this.page.keyboard.press('Control+K');
    await this.page.keyboard.press('Control+I');
    const hover = this.page.locator('.monaco-editor .monaco-hover:visible').first();
    await hover.waitFor();
    return norm(await hover.innerText());
  }

  /** Saves a screenshot and returns its path. */
  async screenshot(file: string): Promise<string> {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await this.page.screenshot({ path: file });
    return file;
  }
}

export interface QuickPickRow {
  readonly label: string;
  readonly description: string;
  readonly detail: string;
}

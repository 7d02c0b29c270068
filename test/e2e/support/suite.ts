/**
 * The lifecycle every E2E suite shares, registered as Mocha hooks: install on first use,
 * start code-server (and `next dev` unless told not to) and Chromium once per suite, a fresh
 * page per scenario, and at the end stop everything and assert that no process is left.
 */
import * as assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { ensureInstalled } from '../../../scripts/e2e/install';
import { startWorkbench, type Workbench as Server, type WorkbenchOptions } from '../../../scripts/e2e/workbench';
import { collectLogs, scenario } from './artifacts';
import { markProcesses, type ProcessMark } from './processes';
import { launchBrowser, Workbench } from './vscode';

export interface E2ESuite {
  /** The running code-server (and next dev); valid inside scenarios. */
  server(): Server;
  /** Opens a new page on the workspace (and `file`), the scenario's page from then on. */
  open(file?: string): Promise<Workbench>;
  /** Every log the harness captures (see collectLogs), the scenario page's browser console included. */
  logs(): string;
  /** Wraps a scenario body so that a failure saves a screenshot and the logs. */
  scenario(body: () => Promise<void>): (this: Mocha.Context) => Promise<void>;
}

export function useWorkbench(options: WorkbenchOptions = {}): E2ESuite {
  let processes: ProcessMark;
  let server: Server | undefined;
  let browser: Browser | undefined;
  let page: Workbench | undefined;
  let started = 0;

  before(async function () {
    this.timeout(600_000); // includes the one-time install on a clean machine
    started = Date.now();
    ensureInstalled({ browser: true });
    processes = markProcesses();
    server = await startWorkbench(options);
    browser = await launchBrowser();
    assert.ok(processes.alive().length >= 3, 'code-server and Chromium run, tagged for the leak check in after()');
  });

  afterEach(async function () {
    await page?.page.close();
    page = undefined;
  });

  after(async function () {
    this.timeout(120_000);
    await browser?.close();
    await server?.stop();
    const left = await processes.settle();
    assert.deepEqual(left, [], `processes left behind:\n${left.map((p) => `${p.pid} ${p.command}`).join('\n')}`);
    console.log(`      (suite: ${Math.round((Date.now() - started) / 1000)} s including setup)`);
  });

  const artifacts = { page: () => page?.page, logs: () => collectLogs(server, page?.console) };
  return {
    server: () => server!,
    open: async (file) => (page = await Workbench.open(browser!, server!.url(file))),
    logs: artifacts.logs,
    scenario: (body) => scenario(artifacts, body),
  };
}

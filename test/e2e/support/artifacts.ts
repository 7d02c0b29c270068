/**
 * What a failed scenario leaves for whoever reads the failure: a screenshot of the workbench
 * and the logs (the extension's Output channel, the extension host log, code-server, next dev)
 * under test-results/e2e/ (git-ignored). Their paths are appended to the error message.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import type { Workbench } from '../../../scripts/e2e/workbench';
import { REPO_ROOT } from '../../../scripts/e2e/install';

export const RESULTS_DIR = path.join(REPO_ROOT, 'test-results', 'e2e');

/** Saves a screenshot of `page` and the `logs()` text for the scenario `title`; returns what was saved, to name in the failure. */
export async function saveFailureArtifacts(
  title: string,
  page: Page | undefined,
  logs: () => string,
): Promise<string[]> {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const slug = title
    .replace(/[^\w]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 100);
  const shot = path.join(RESULTS_DIR, `${slug}.png`);
  const log = path.join(RESULTS_DIR, `${slug}.log`);
  const saved: string[] = [];
  if (page && !page.isClosed()) {
    try {
      await page.screenshot({ path: shot, timeout: 10_000 });
      saved.push(`screenshot: ${path.relative(REPO_ROOT, shot)}`);
    } catch (e) {
      saved.push(`no screenshot (${(e as Error).message.split('\n')[0]})`);
    }
  }
  let text: string;
  try {
    text = logs();
  } catch (e) {
    text = `(could not collect the logs: ${(e as Error).message})`;
  }
  fs.writeFileSync(log, text);
  saved.push(`logs: ${path.relative(REPO_ROOT, log)}`);
  return saved;
}

/**
 * Wraps a scenario body: when it throws, the screenshot and logs are saved and their paths
 * are added to the error itself (Mocha's reporters print the error as it was thrown, so this
 * cannot wait for an afterEach hook).
 */
export function scenario(
  context: { page(): Page | undefined; logs(): string },
  body: () => Promise<void>,
): (this: Mocha.Context) => Promise<void> {
  return async function (this: Mocha.Context) {
    try {
      await body();
    } catch (e) {
      const saved = await saveFailureArtifacts(this.test!.fullTitle(), context.page(), () => context.logs());
      if (e instanceof Error) {
        const original = e.message;
        e.message = `${original}\n      ${saved.join('\n      ')}`;
        if (e.stack?.includes(original)) e.stack = e.stack.replace(original, e.message);
      }
      throw e;
    }
  };
}

/**
 * The logs of a running (or stopped) workbench: extension Output channel, extension host,
 * code-server, next dev, and the browser console of the page when given.
 */
export function collectLogs(server: Workbench | undefined, browserConsole?: readonly string[]): string {
  if (!server) return '(the workbench did not start)';
  const exthost = findFiles(path.join(server.userDataDir, 'logs'), (name) => /exthost\d*\.log$/.test(name));
  const sections: [string, string][] = [
    ['Output ▸ Next Route Kit', server.extensionLog()],
    ...exthost.map((file): [string, string] => [
      path.relative(server.userDataDir, file),
      fs.readFileSync(file, 'utf8'),
    ]),
    ['code-server', server.codeServerLog()],
    ['next dev', server.dev?.logs() ?? '(not running)'],
    ...(browserConsole ? [['browser console', browserConsole.join('\n')] as [string, string]] : []),
  ];
  return sections.map(([title, text]) => `===== ${title} =====\n${text.trimEnd()}\n`).join('\n');
}

function findFiles(dir: string, match: (name: string) => boolean): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? findFiles(full, match) : match(entry.name) ? [full] : [];
  });
}

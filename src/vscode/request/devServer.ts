/** "Start dev server": runs the project's `dev` script in a terminal and waits until it answers. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { nodeFsPort } from '../../core/fsPort';
import type { ProjectLayout } from '../../core/nextjs/project';
import { engine } from '../engine';

function packageManager(root: string): string {
  let dir = root;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'pnpm-lock.yaml'))) return 'pnpm';
    if (fs.existsSync(path.join(dir, 'yarn.lock'))) return 'yarn';
    if (fs.existsSync(path.join(dir, 'bun.lockb')) || fs.existsSync(path.join(dir, 'bun.lock'))) return 'bun';
    if (fs.existsSync(path.join(dir, 'package-lock.json'))) return 'npm';
    const up = path.dirname(dir);
    if (up === dir) return 'npm';
    dir = up;
  }
}

const terminals = new Map<string, vscode.Terminal>();

/**
 * Starts (or reuses the terminal of) the project's dev script and resolves with the base URL
 * once something answers there, or undefined when the user cancels or it does not come up.
 */
export async function startDevServer(layout: ProjectLayout, log: vscode.LogOutputChannel): Promise<string | undefined> {
  const script = layout.packageJson?.scripts['dev'];
  if (!script) {
    void vscode.window.showErrorMessage(
      `No "dev" script in ${path.join(layout.root, 'package.json')}. Add "dev": "next dev", or start the server yourself and set nextRouteKit.request.baseUrl.`,
    );
    return undefined;
  }
  const pm = packageManager(layout.root);
  let terminal = terminals.get(layout.root);
  if (!terminal || terminal.exitStatus !== undefined) {
    terminal = vscode.window.createTerminal({ name: `next dev (${path.basename(layout.root)})`, cwd: layout.root });
    terminals.set(layout.root, terminal);
    terminal.sendText(`${pm} run dev`);
  }
  terminal.show(true);
  log.info(`Started "${pm} run dev" in ${layout.root}`);
  const e = engine();
  return vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: 'Next Route Kit: waiting for the dev server',
      cancellable: true,
    },
    async (progress, token) => {
      const deadline = Date.now() + 120_000;
      while (!token.isCancellationRequested && Date.now() < deadline) {
        const candidates = e.baseUrlCandidates(layout, { fs: nodeFsPort });
        progress.report({ message: candidates.map((c) => c.url).join(', ') });
        const found = await e.firstAnswering(candidates, 800);
        if (found) return found.url;
        await new Promise((resolve) => setTimeout(resolve, 700));
      }
      if (!token.isCancellationRequested)
        void vscode.window.showErrorMessage(
          'The dev server did not answer within 2 minutes. Check its terminal for errors.',
        );
      return undefined;
    },
  );
}

/** "Lint All Route Handlers in the Workspace": fills the Problems panel for every route file. */
import * as vscode from 'vscode';
import type { LintDiagnostics } from './diagnostics';
import type { RouteDocuments } from './documents';
import { engine } from './engine';
import { readSettings } from './configuration';
import type { WorkspaceRoutes } from './routeIndex';

export async function lintWorkspace(
  routes: WorkspaceRoutes,
  documents: RouteDocuments,
  diagnostics: LintDiagnostics,
): Promise<void> {
  await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: 'Next Route Kit: linting route handlers',
      cancellable: true,
    },
    async (progress, token) => {
      const all = await routes.locations();
      let problems = 0;
      let done = 0;
      for (const entry of all) {
        if (token.isCancellationRequested) break;
        const uri = vscode.Uri.file(entry.file);
        const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        if (open) {
          diagnostics.update(open);
        } else {
          const info = documents.projects().routeFile(entry.file);
          if (info) {
            const result = engine().lintRouteFile(info, documents.projects(), readSettings(uri).lint.rules);
            diagnostics.set(uri, result.findings);
            problems += result.findings.length;
          }
        }
        done++;
        if (done % 20 === 0) {
          progress.report({ message: `${done}/${all.length}`, increment: (20 / Math.max(all.length, 1)) * 100 });
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
      void vscode.window.showInformationMessage(
        `Next Route Kit linted ${done} route file${done === 1 ? '' : 's'}: ${problems === 0 ? 'no problems in closed files' : `${problems} problem${problems === 1 ? '' : 's'} in closed files`} (see the Problems panel).`,
      );
    },
  );
}

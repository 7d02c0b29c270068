/** Runs the whole-project checks after each workspace route scan and hands them to diagnostics. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SKIPPED_GLOB } from '../core/files';
import type { ProjectLayout } from '../core/nextjs/project';
import type { Finding } from '../core/types';
import { readSettings } from './configuration';
import type { LintDiagnostics } from './diagnostics';
import type { RouteDocuments } from './documents';
import { engine } from './engine';
import type { WorkspaceRoutes } from './routeIndex';

/** What the checks read below an app folder: route and page files (any extension; the layout's pageExtensions decide). */
const APP_FILES_GLOB = '**/{route,page}.*';

export function watchProjectChecks(
  routes: WorkspaceRoutes,
  documents: RouteDocuments,
  diagnostics: LintDiagnostics,
  log: vscode.LogOutputChannel,
): vscode.Disposable {
  let timer: NodeJS.Timeout | undefined;
  const run = async (): Promise<void> => {
    const all = await routes.locations();
    const layouts = new Map<string, ProjectLayout>();
    for (const r of all) {
      const layout = documents.projects().layoutFor(r.file);
      if (layout && !layouts.has(layout.root)) layouts.set(layout.root, layout);
    }
    const findings = new Map<string, readonly Finding[]>();
    // One search (out of process) for the route and page files instead of a walk of every app folder here.
    const appFiles = (await vscode.workspace.findFiles(APP_FILES_GLOB, SKIPPED_GLOB)).map((uri) => uri.fsPath);
    for (const layout of layouts.values()) {
      const settings = readSettings(vscode.Uri.file(layout.root));
      if (!settings.lint.enable || !layout.appDir) continue;
      const below = layout.appDir + path.sep;
      const files = appFiles.filter((f) => f.startsWith(below));
      for (const [file, list] of engine().checkProjectStructure(layout, settings.lint.rules, files))
        findings.set(file, list);
    }
    diagnostics.setProjectFindings(findings);
  };
  const schedule = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => void run().catch((e: Error) => log.error(`Project checks failed: ${e.message}`)), 300);
  };
  // The checks read paths only: a change of methods does not change them.
  const subscription = routes.onDidChange((change) => change.files && schedule());
  return { dispose: () => (clearTimeout(timer), subscription.dispose()) };
}

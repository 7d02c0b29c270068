/** **Export OpenAPI Document**: the CLI's `openapi` document for a project of the workspace, saved where the user picks. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RouteDocuments } from './documents';
import { engine } from './engine';
import type { WorkspaceRoutes } from './routeIndex';

/** The project roots holding route files; asks which one when there are several. */
async function pickProjectRoot(routes: WorkspaceRoutes, documents: RouteDocuments): Promise<string | undefined> {
  const roots = new Set<string>();
  for (const r of await routes.locations()) {
    const root = documents.projects().layoutFor(r.file)?.root;
    if (root && r.routable) roots.add(root);
  }
  const list = [...roots].sort();
  if (list.length <= 1) return list[0];
  return vscode.window.showQuickPick(list, { title: 'Export OpenAPI Document: which project?' });
}

export async function exportOpenApi(routes: WorkspaceRoutes, documents: RouteDocuments): Promise<void> {
  const root = await pickProjectRoot(routes, documents);
  if (!root) {
    void vscode.window.showInformationMessage('No App Router route handlers (app/**/route.ts) in this workspace.');
    return;
  }
  const target = await vscode.window.showSaveDialog({
    title: 'Export OpenAPI Document',
    defaultUri: vscode.Uri.file(path.join(root, 'openapi.json')),
    filters: { 'OpenAPI (JSON)': ['json'], 'OpenAPI (YAML)': ['yaml', 'yml'] },
  });
  if (!target) return;
  const e = engine();
  const result = e.buildOpenApi(root);
  const text = e.serializeDocument(result.document, e.formatForFile(target.fsPath));
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target), { preview: false });
  const operations = Object.values(result.document.paths).reduce((n, item) => n + Object.keys(item).length, 0);
  const dirty = vscode.workspace.textDocuments.some((d) => d.isDirty && documents.routeFile(d));
  void vscode.window.showInformationMessage(
    `Exported ${operations} operations to ${path.basename(target.fsPath)}` +
      (dirty ? ' (from the route files as saved on disk; some have unsaved changes).' : '.'),
  );
}

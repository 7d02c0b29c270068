/** Status bar entry with the route count, and the "Show Routes" Quick Pick. */
import * as vscode from 'vscode';
import { CONTEXT_KEYS } from '../constants';
import type { RouteEntry } from '../core/routes';
import type { WorkspaceRoutes } from './routeIndex';

export class RoutesStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('nextRouteKit.routes', vscode.StatusBarAlignment.Left, 10);
  private readonly subscription: vscode.Disposable;

  constructor(private readonly routes: WorkspaceRoutes) {
    this.item.name = 'Next Route Kit: routes';
    this.item.command = 'nextRouteKit.showRoutes';
    this.subscription = routes.onDidChange(() => void this.update());
  }

  async update(): Promise<void> {
    const all = await this.routes.locations();
    const served = all.filter((r) => r.routable);
    await vscode.commands.executeCommand('setContext', CONTEXT_KEYS.isNextProject, all.length > 0);
    if (all.length === 0) {
      this.item.hide();
      return;
    }
    this.item.text = `$(symbol-interface) ${served.length} route${served.length === 1 ? '' : 's'}`;
    const tooltip = new vscode.MarkdownString(
      `**Next Route Kit** found ${served.length} App Router route handler file(s)` +
        (all.length > served.length ? ` and ${all.length - served.length} never served (private folder).` : '.') +
        '\n\nClick to list them.',
    );
    this.item.tooltip = tooltip;
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}

export function describeRoute(route: RouteEntry): string {
  return route.methods.length ? route.methods.join(' ') : 'no handlers';
}

export async function showRoutesPick(routes: WorkspaceRoutes): Promise<void> {
  const all = await routes.all();
  if (all.length === 0) {
    void vscode.window.showInformationMessage(
      'Next Route Kit found no App Router route files (app/**/route.ts) in this workspace.',
    );
    return;
  }
  const picked = await vscode.window.showQuickPick(
    all.map((r) => ({
      label: r.route,
      description: describeRoute(r) + (r.routable ? '' : ' · not routable'),
      detail: vscode.workspace.asRelativePath(r.file),
      route: r,
    })),
    { title: 'App Router routes', matchOnDescription: true, matchOnDetail: true, placeHolder: 'Open a route file' },
  );
  if (picked) await vscode.window.showTextDocument(vscode.Uri.file(picked.route.file));
}

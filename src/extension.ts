/**
 * Composition root: builds the services and registers the adapters. Nothing heavy runs
 * here — the parser is loaded by the first provider that needs it (src/vscode/engine.ts).
 */
import * as vscode from 'vscode';
import { RouteCodeActions, showRuleDocs } from './vscode/codeActions';
import { registerCommands } from './vscode/commands';
import { trackRouteFileContext } from './vscode/contextKeys';
import { LintDiagnostics } from './vscode/diagnostics';
import { RouteDocuments } from './vscode/documents';
import { lintWorkspace } from './vscode/lintWorkspace';
import { LintService } from './vscode/lintService';
import { exportOpenApi } from './vscode/openapi';
import { createOutput } from './vscode/output';
import { watchProjectChecks } from './vscode/projectChecks';
import { createRequestFeature } from './vscode/request';
import { WorkspaceRoutes } from './vscode/routeIndex';
import { RouteSnippets } from './vscode/snippets';
import { RoutesStatus, showRoutesPick } from './vscode/routesView';
import { RoutesTree, type RoutesViewElement } from './vscode/routesTree';

export function activate(context: vscode.ExtensionContext): void {
  const log = createOutput();
  context.subscriptions.push(log);
  try {
    // One parse per document version and one project index, shared by every provider.
    const documents = new RouteDocuments();
    const routes = new WorkspaceRoutes(documents, log);
    const status = new RoutesStatus(routes);
    const lint = new LintService(documents, log);
    const diagnostics = new LintDiagnostics(documents, lint, log);
    const requests = createRequestFeature(context, documents, routes, log);
    const tree = new RoutesTree(routes, requests.history);
    context.subscriptions.push(
      documents,
      routes,
      status,
      tree,
      diagnostics,
      watchProjectChecks(routes, documents, diagnostics, log),
      RouteCodeActions.register(new RouteCodeActions(lint)),
      new RouteSnippets(context.extensionUri, documents, log),
      ...requests.disposables,
      ...registerCommands(
        {
          'nextRouteKit.showRoutes': () => showRoutesPick(routes),
          'nextRouteKit.showOutput': () => log.show(),
          'nextRouteKit.lintWorkspace': () => lintWorkspace(routes, documents, diagnostics),
          'nextRouteKit.showRuleDocs': (ruleId?: string) => showRuleDocs(context.extensionUri, ruleId),
          'nextRouteKit.filterRoutes': () => tree.setFilter(),
          'nextRouteKit.clearRoutesFilter': () => tree.applyFilter(''),
          'nextRouteKit.revealRoute': () => tree.reveal(),
          'nextRouteKit.sendFromRoutesView': (item?: RoutesViewElement) =>
            item?.kind === 'method' && requests.sendAt(vscode.Uri.file(item.route.file), item.method),
          'nextRouteKit.exportOpenApi': () => exportOpenApi(routes, documents),
          ...requests.handlers,
        },
        log,
      ),
    );
    // Index the workspace and lint open route files after activation has returned.
    setTimeout(() => {
      context.subscriptions.push(trackRouteFileContext(documents));
      diagnostics.refreshAll();
      void status.update().catch((e: Error) => log.error(`Route scan failed: ${e.message}`));
    }, 0);
  } catch (e) {
    // VS Code shows no notification when activation fails, so we do.
    const message = `Next Route Kit failed to start: ${(e as Error).message}`;
    log.error((e as Error).stack ?? message);
    void vscode.window.showErrorMessage(message, 'Show Output').then((c) => c && log.show());
    throw e;
  }
}

export function deactivate(): void {}

/**
 * "▶ Send GET /kit/api/users/[id]" above every exported handler (re-exports included), from
 * the shared parse, with "HEAD (auto)" beside GET and "OPTIONS (auto)" beside the first
 * handler when Next.js answers those by itself; and "▶ Send" above every request in `.http`
 * text (ours, REST Client's and httpYac's).
 */
import * as vscode from 'vscode';
import { HTTP_LANGUAGE } from '../../constants';
import { readSettings, onSettingsChanged } from '../configuration';
import { RouteDocuments, ROUTE_LANGUAGES } from '../documents';
import { engine } from '../engine';

export class RouteCodeLenses implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[];
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly documents: RouteDocuments) {
    this.disposables = [
      this.changed,
      vscode.languages.registerCodeLensProvider(
        ROUTE_LANGUAGES.map((language) => ({ language, scheme: 'file' })),
        this,
      ),
      onSettingsChanged((e) => {
        if (e.affectsConfiguration('nextRouteKit.codeLens')) this.changed.fire();
      }),
      documents.onDidChangeProjects(() => this.changed.fire()),
    ];
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!RouteDocuments.mayBeRouteFile(document) || !readSettings(document.uri).codeLens.enable) return [];
    const route = this.documents.routeFile(document);
    if (!route) return [];
    const e = engine();
    const handlers = e.resolveHandlers(this.documents.parse(document), this.documents.modules(document));
    const lenses: vscode.CodeLens[] = [];
    const exported = [...new Set(handlers.map((h) => h.method))];
    const implicit = e.implicitMethods(exported);
    const allow = e.allowHeader(exported);
    let optionsPlaced = false;
    const seen = new Set<string>();
    for (const h of handlers) {
      if (seen.has(h.method)) continue;
      seen.add(h.method);
      const range = document.lineAt(document.positionAt(h.nameSpan.start).line).range;
      lenses.push(
        new vscode.CodeLens(range, {
          title: route.routable
            ? `▶ Send ${h.method} ${route.route}`
            : `▶ Send ${h.method} ${route.route} (never served: private folder)`,
          command: 'nextRouteKit.sendRequestAt',
          arguments: [document.uri, h.method],
          tooltip: `Build the request ${h.method} ${route.route} from this handler and send it to the dev server`,
        }),
        new vscode.CodeLens(range, {
          title: 'Edit…',
          command: 'nextRouteKit.editRequest',
          arguments: [document.uri, h.method],
          tooltip: 'Open the request as editable .http text',
        }),
      );
      const auto: string[] = [
        ...(h.method === 'GET' && implicit.includes('HEAD') ? ['HEAD'] : []),
        ...(!optionsPlaced && implicit.includes('OPTIONS') ? ['OPTIONS'] : []),
      ];
      optionsPlaced ||= auto.includes('OPTIONS');
      for (const method of auto)
        lenses.push(
          new vscode.CodeLens(range, {
            title: `${method} (auto)`,
            command: 'nextRouteKit.sendRequestAt',
            arguments: [document.uri, method],
            tooltip:
              method === 'HEAD'
                ? 'Next.js answers HEAD by running GET without sending the body: send it'
                : `Next.js answers OPTIONS by itself (204, Allow: ${allow}): send it`,
          }),
        );
    }
    return lenses;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

export class HttpCodeLenses implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly registration = vscode.languages.registerCodeLensProvider(
    [{ language: HTTP_LANGUAGE }, { language: 'http' }],
    this,
  );

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const file = engine().parseHttpFile(document.getText());
    return file.requests.map(
      (r) =>
        new vscode.CodeLens(document.lineAt(r.line).range, {
          title: `▶ Send ${r.method}`,
          command: 'nextRouteKit.sendHttpRequest',
          arguments: [document.uri, r.line],
        }),
    );
  }

  dispose(): void {
    this.registration.dispose();
  }
}

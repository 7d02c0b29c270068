/** Handlers of the request commands (registered from the COMMANDS table in extension.ts). */
import * as fs from 'node:fs/promises';
import * as vscode from 'vscode';
import { HTTP_LANGUAGE } from '../../constants';
import { resolveInEnvironment } from '../../core/request/environments';
import type { RouteEntry } from '../../core/routes';
import type { RouteDocuments } from '../documents';
import { engine } from '../engine';
import type { WorkspaceRoutes } from '../routeIndex';
import { startDevServer } from './devServer';
import type { EditorEnvironments } from './environmentStatus';
import { localBaseUrl, writeExport } from './exportRoutes';
import type { RequestHistory } from './history';
import type { ResponseView } from './responseView';
import type { RequestRunner, RequestTarget } from './runner';
import type { RequestSecrets } from './secrets';

export class RequestCommands {
  constructor(
    private readonly runner: RequestRunner,
    private readonly routes: WorkspaceRoutes,
    private readonly documents: RouteDocuments,
    private readonly secrets: RequestSecrets,
    private readonly history: RequestHistory,
    private readonly view: ResponseView,
    private readonly log: vscode.LogOutputChannel,
    private readonly environments: EditorEnvironments,
  ) {}

  private async targetFor(uri?: vscode.Uri, method?: string): Promise<RequestTarget | undefined> {
    if (uri) {
      const document = await vscode.workspace.openTextDocument(uri);
      const t = this.runner.target(document, method);
      if (!t)
        void vscode.window.showErrorMessage(
          `${vscode.workspace.asRelativePath(uri)} has no ${method ?? ''} handler the runner can find.`,
        );
      return t;
    }
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      void vscode.window.showInformationMessage(
        'Open an App Router route file (app/**/route.ts) to send one of its handlers.',
      );
      return undefined;
    }
    const t = this.runner.targetAtCursor(editor);
    if (!t)
      void vscode.window.showInformationMessage('This file is not an App Router route file with exported handlers.');
    return t;
  }

  async sendAtCursor(): Promise<void> {
    const t = await this.targetFor();
    if (t) await this.runner.sendTarget(t);
  }

  async sendAt(uri: vscode.Uri, method: string): Promise<void> {
    const t = await this.targetFor(uri, method);
    if (t) await this.runner.sendTarget(t);
  }

  async pickRoute(): Promise<void> {
    const all = (await this.routes.all()).filter((r) => r.routable);
    const items = all.flatMap((r: RouteEntry) =>
      r.methods.map((m) => ({
        label: `${m} ${r.route}`,
        detail: vscode.workspace.asRelativePath(r.file),
        file: r.file,
        method: m,
      })),
    );
    if (!items.length) {
      void vscode.window.showInformationMessage('No App Router route handlers found in this workspace.');
      return;
    }
    const picked = await vscode.window.showQuickPick(items, {
      title: 'Send a request',
      placeHolder: 'GET /api/posts',
      matchOnDetail: true,
    });
    if (picked) await this.sendAt(vscode.Uri.file(picked.file), picked.method);
  }

  async editRequest(uri?: vscode.Uri, method?: string): Promise<void> {
    const t = await this.targetFor(uri, method);
    if (!t) return;
    const built = await this.runner.build(t);
    if (!built) return;
    const e = engine();
    const env = this.environments.current().name;
    const text = `# Edit and press "▶ Send" above the request. {{authToken}} and cookies come from Next Route Kit's secret storage (environment ${env}).\n${e.toHttpText(built.spec)}`;
    const doc = await vscode.workspace.openTextDocument({ language: HTTP_LANGUAGE, content: text });
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  }

  async sendHttp(uri: vscode.Uri, line: number): Promise<void> {
    const document = await vscode.workspace.openTextDocument(uri);
    const e = engine();
    const file = e.parseHttpFile(document.getText());
    const request = file.requests.find((r) => r.line === line) ?? file.requests[0];
    if (!request) return;
    // The environment's variables (`{{baseUrl}}` among them), then the file's: `@api = {{host}}/api` may refer to them.
    const env = this.environments.current();
    const needsBase = !('baseUrl' in file.variables) && `${request.url}`.includes('{{baseUrl}}');
    const envBase = env.baseUrl ?? (needsBase ? await localBaseUrl(this.documents.layout(document), uri) : undefined);
    const spec = resolveInEnvironment(request, file.variables, env, envBase);
    let pathname: string;
    try {
      pathname = new URL(spec.url).pathname;
    } catch {
      void vscode.window.showErrorMessage(
        `"${spec.url}" is not a full URL. Use http://host:port/path, define @baseUrl, or choose an environment.`,
      );
      return;
    }
    const key = `${spec.method} ${pathname}`;
    await this.runner.send(spec, this.runner.credentialsBase(spec.url, uri), key, document.uri, !!request.noCookieJar);
  }

  async copyAsCurl(uri?: vscode.Uri, method?: string): Promise<void> {
    const t = await this.targetFor(uri, method);
    if (!t) return;
    const built = await this.runner.build(t);
    if (!built) return;
    await vscode.env.clipboard.writeText(engine().toCurl(built.spec));
    void vscode.window.showInformationMessage(
      `Copied cURL for ${t.inferred.method} ${t.route.route}${t.inferred.auth ? ' (the token is $AUTH_TOKEN)' : ''}.`,
    );
  }

  async exportRoutes(): Promise<void> {
    const e = engine();
    const active = vscode.window.activeTextEditor?.document;
    const fileRoute = active ? this.documents.routeFile(active) : undefined;
    const scope = fileRoute
      ? await vscode.window.showQuickPick(['This file', 'Every route in the workspace'], {
          title: 'Export routes as .http',
        })
      : 'Every route in the workspace';
    if (!scope) return;
    const entries =
      scope === 'This file' && active
        ? [{ file: active.uri.fsPath }]
        : (await this.routes.locations()).filter((r) => r.routable);
    const specs = [];
    for (const entry of entries) {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.file(entry.file));
      const route = this.documents.routeFile(document);
      if (!route) continue;
      specs.push(
        ...e.exportSpecs(
          e.inferRequests(this.documents.parse(document), route.route, route.params, this.documents.modules(document)),
        ),
      );
    }
    const layout = active?.uri.scheme === 'file' ? this.documents.layout(active) : undefined;
    const firstRoute = entries[0] ? this.documents.projects().layoutFor(entries[0].file) : undefined;
    await writeExport(specs, this.environments.all(), layout ?? firstRoute, active?.uri);
  }

  async setCookie(): Promise<void> {
    const e = engine();
    const editor = vscode.window.activeTextEditor;
    const route = editor && this.documents.routeFile(editor.document);
    const names = route
      ? [
          ...new Set(
            e
              .inferRequests(
                this.documents.parse(editor!.document),
                route.route,
                route.params,
                this.documents.modules(editor!.document),
              )
              .flatMap((r) => r.cookies),
          ),
        ]
      : [];
    await this.secrets.setCookie(names);
  }

  async startDevServer(): Promise<void> {
    const active = vscode.window.activeTextEditor?.document;
    let layout = active?.uri.scheme === 'file' ? this.documents.layout(active) : undefined;
    if (!layout?.packageJson?.scripts['dev']) {
      const all = await this.routes.locations();
      const roots = [
        ...new Map(all.map((r) => [this.documents.projects().layoutFor(r.file)?.root, r.file])).entries(),
      ].filter(([root]) => root);
      if (roots.length === 1) layout = this.documents.projects().layoutFor(roots[0]![1]);
      else if (roots.length > 1) {
        const picked = await vscode.window.showQuickPick(
          roots.map(([root]) => root!),
          { title: 'Which project?' },
        );
        layout = picked ? this.documents.projects().layoutFor(roots.find(([r]) => r === picked)![1]) : undefined;
      }
    }
    if (!layout) {
      void vscode.window.showErrorMessage('No Next.js project found to start.');
      return;
    }
    const url = await startDevServer(layout, this.log);
    if (url) void vscode.window.showInformationMessage(`The dev server answers at ${url}.`);
  }

  async resend(): Promise<void> {
    const entries = this.history.all();
    if (!entries.length) {
      void vscode.window.showInformationMessage('No requests sent yet in this workspace.');
      return;
    }
    const picked = await vscode.window.showQuickPick(
      entries.map((h) => ({
        label: `${h.spec.method} ${new URL(h.spec.url).pathname}${new URL(h.spec.url).search}`,
        description: `${h.status ?? ''} · ${new Date(h.at).toLocaleString()}`,
        entry: h,
      })),
      { title: 'Resend a recent request' },
    );
    if (!picked) return;
    const spec = picked.entry.spec;
    await this.runner.send(spec, this.runner.credentialsBase(spec.url, undefined), picked.entry.key, undefined);
  }

  async saveFullResponse(): Promise<void> {
    const target = await vscode.window.showSaveDialog({ title: 'Save the full response body', saveLabel: 'Save' });
    if (!target) return;
    if (this.view.fullBodyFile) await fs.copyFile(this.view.fullBodyFile, target.fsPath);
    else await fs.writeFile(target.fsPath, this.view.lastBody);
    void vscode.window.showInformationMessage(`Saved to ${vscode.workspace.asRelativePath(target)}.`);
  }
}

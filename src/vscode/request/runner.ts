/**
 * Sending a request from the editor: finds the handler at hand, and runs the send flow of the
 * core (src/core/request/run.ts) with the editor as its host (./editorHost.ts). Holds what
 * outlives one send: the status bar item and the send in flight (a new one cancels it).
 */
import * as vscode from 'vscode';
import type { RouteFile } from '../../core/nextjs/project';
import type { InferredRequest } from '../../core/request/infer';
import type { RequestSpec } from '../../core/request/model';
import type { BuiltRequest, ProgressWork, RunContext, SentResponse } from '../../core/request/run';
import type { ResponseResult } from '../../core/request/send';
import { readSettings } from '../configuration';
import type { RouteDocuments } from '../documents';
import { engine } from '../engine';
import { EditorHost, type EditorServices } from './editorHost';
import type { RequestHistory } from './history';
import { RememberedParams } from './params';
import type { ResponseView } from './responseView';
import type { EditorCookies } from './cookies';
import type { EditorEnvironments } from './environmentStatus';
import type { RequestSecrets } from './secrets';

export interface RequestTarget {
  readonly document: vscode.TextDocument;
  readonly route: RouteFile;
  readonly inferred: InferredRequest;
}

export class RequestRunner implements vscode.Disposable {
  private readonly statusItem = vscode.window.createStatusBarItem(
    'nextRouteKit.lastResponse',
    vscode.StatusBarAlignment.Left,
    9,
  );
  private pending: AbortController | undefined;
  /** The last request that got a response, for Follow. */
  private last: { spec: RequestSpec; scope: vscode.Uri | undefined; historyKey: string } | undefined;
  readonly params: RememberedParams;
  private readonly services: EditorServices;

  constructor(
    state: vscode.Memento,
    private readonly documents: RouteDocuments,
    secrets: RequestSecrets,
    view: ResponseView,
    history: RequestHistory,
    log: vscode.LogOutputChannel,
    private readonly cookies: EditorCookies,
    private readonly environments: EditorEnvironments,
  ) {
    this.statusItem.name = 'Next Route Kit: last response';
    this.statusItem.command = 'nextRouteKit.showResponse';
    this.params = new RememberedParams(state);
    this.services = {
      state,
      params: this.params,
      secrets,
      view,
      history,
      log,
      showStatus: (response) => this.showStatus(response),
      remember: (spec, historyKey) => (this.last = { spec, scope: this.lastScope, historyKey }),
      progress: (title, work) => this.progress(title, work),
    };
  }

  /** The handler of `method` in a route document, with what it expects. */
  target(document: vscode.TextDocument, method?: string): RequestTarget | undefined {
    const route = this.documents.routeFile(document);
    if (!route) return undefined;
    const all = engine().inferRequests(
      this.documents.parse(document),
      route.route,
      route.params,
      this.documents.modules(document),
    );
    const inferred = method ? all.find((r) => r.method === method) : all[0];
    return inferred ? { document, route, inferred } : undefined;
  }

  /** The handler whose export is at or above the cursor. */
  targetAtCursor(editor: vscode.TextEditor): RequestTarget | undefined {
    const doc = this.documents.parse(editor.document);
    const handlers = engine().resolveHandlers(doc, this.documents.modules(editor.document));
    const offset = editor.document.offsetAt(editor.selection.active);
    const containing =
      handlers.find((h) => offset >= h.statementSpan.start && offset <= h.statementSpan.end) ??
      [...handlers].reverse().find((h) => h.statementSpan.start <= offset) ??
      handlers[0];
    return containing ? this.target(editor.document, containing.method) : undefined;
  }

  private lastScope: vscode.Uri | undefined;

  /**
   * Whose credentials a request to `url` may carry: the current environment's base URL, else
   * (local) the configured base URL, else the URL's own origin when it is on this machine or
   * nothing else is known. A request from another environment (history, Follow after a
   * switch) thus goes without this environment's token and cookies.
   */
  credentialsBase(url: string, scope: vscode.Uri | undefined): string {
    const origin = new URL(url).origin;
    const env = this.environments.current();
    const setting = readSettings(scope ?? vscode.workspace.workspaceFolders?.[0]?.uri).request.baseUrl;
    return env.baseUrl ?? (setting || origin);
  }

  /** Sends the last request again, following its redirects (the response view shows the chain). */
  async followLast(): Promise<void> {
    const last = this.last;
    if (!last) return;
    const ctx = await this.context(last.scope, last.historyKey);
    const followCtx = { ...ctx, settings: { ...ctx.settings, followRedirects: true } };
    const outcome = await engine().sendSpec(last.spec, this.credentialsBase(last.spec.url, last.scope), followCtx);
    if (outcome.kind === 'response') await this.cookies.saveAndShow(outcome.response.sent.url);
  }

  /** The run's context: settings, the environment and its cookie jar, and `$dotenv` from the env files of the app at `appDir`. */
  private async context(scope: vscode.Uri | undefined, historyKey: string, appDir?: string): Promise<RunContext> {
    const settings = readSettings(scope).request;
    const e = engine();
    this.lastScope = scope;
    const dir = appDir ?? (scope && vscode.workspace.getWorkspaceFolder(scope)?.uri.fsPath);
    return {
      environment: this.environments.current(),
      cookieJar: await this.cookies.jar(),
      ...(dir ? { variables: [e.appEnvSource(e.loadAppEnv(dir))] } : {}),
      host: new EditorHost(this.services, scope, historyKey),
      settings: {
        ...(settings.baseUrl ? { baseUrl: settings.baseUrl } : {}),
        probe: true,
        headers: settings.headers,
        timeoutMs: settings.timeoutMs,
        followRedirects: settings.followRedirects,
        maxDisplayBytes: settings.maxDisplayBytes,
        env: process.env,
      },
    };
  }

  private historyKey(target: RequestTarget): string {
    return `${target.route.route} ${target.inferred.method}`;
  }

  /** Builds the request for a target (asking for params and finding the server). */
  async build(target: RequestTarget): Promise<BuiltRequest | undefined> {
    const ctx = await this.context(target.document.uri, this.historyKey(target));
    return engine().buildTarget({ inferred: target.inferred, layout: this.documents.layout(target.document) }, ctx);
  }

  async sendTarget(target: RequestTarget): Promise<void> {
    const ctx = await this.context(
      target.document.uri,
      this.historyKey(target),
      this.documents.layout(target.document)?.root,
    );
    const route = target.route;
    const outcome = await engine().runTarget(
      {
        inferred: target.inferred,
        layout: this.documents.layout(target.document),
        ...(route.routable ? {} : { neverServed: route.problems.map((p) => p.message).join(' ') }),
      },
      ctx,
    );
    if (outcome.kind === 'response') await this.cookies.saveAndShow(outcome.response.sent.url);
  }

  /** Sends a spec (with placeholders), filling secrets only for the base URL's origin. */
  async send(
    spec: RequestSpec,
    base: string,
    historyKey: string,
    scope: vscode.Uri | undefined,
    noCookieJar = false,
  ): Promise<ResponseResult | undefined> {
    const ctx = await this.context(scope, historyKey);
    // `# @no-cookie-jar` in a .http file: only the cookies it writes go out, and none is kept.
    const { cookieJar, ...withoutJar } = ctx;
    const outcome = await engine().sendSpec(spec, base, noCookieJar ? withoutJar : { ...withoutJar, cookieJar });
    if (outcome.kind !== 'response') return undefined;
    await this.cookies.saveAndShow(outcome.response.sent.url);
    return outcome.response.result;
  }

  private async progress<T>(title: string, work: ProgressWork<T>): Promise<T> {
    this.pending?.abort();
    const controller = new AbortController();
    this.pending = controller;
    try {
      return await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title, cancellable: true },
        (progress, token) => {
          token.onCancellationRequested(() => controller.abort());
          return work((message) => progress.report({ message }), controller.signal);
        },
      );
    } finally {
      if (this.pending === controller) this.pending = undefined;
    }
  }

  private showStatus({ result, sent }: SentResponse): void {
    const e = engine();
    const total = Math.round(result.totalMs);
    this.statusItem.text = `$(${result.status < 400 ? 'pass' : 'error'}) ${result.status} · ${total} ms`;
    this.statusItem.tooltip = `${sent.method} ${sent.url}\n${result.status} ${result.statusText} · ${Math.round(result.ttfbMs)} ms to first byte · ${total} ms total · ${e.formatBytes(result.bytes)}\nClick to show the response.`;
    this.statusItem.show();
  }

  dispose(): void {
    this.pending?.abort();
    this.statusItem.dispose();
  }
}

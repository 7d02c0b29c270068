/**
 * Sending a request from the editor: infer it from the handler, ask for path params once
 * per route (remembered per workspace), find the dev server (or explain that nothing answers,
 * with "Start Dev Server" / "Set Base URL"), respect workspace trust, confirm non-loopback
 * targets once, fill secrets, send with a cancellable progress notification, stream into
 * the response view, and record history. The log never shows Authorization or Cookie values.
 */
import * as vscode from 'vscode';
import { nodeFsPort } from '../../core/fsPort';
import type { ProjectLayout, RouteFile } from '../../core/nextjs/project';
import type { InferredRequest } from '../../core/request/infer';
import type { RequestSpec } from '../../core/request/model';
import type { ResponseResult } from '../../core/request/send';
import { CONFIG_SECTION } from '../../core/settings';
import { readSettings } from '../configuration';
import type { RouteDocuments } from '../documents';
import { engine } from '../engine';
import { startDevServer } from './devServer';
import type { RequestHistory } from './history';
import type { ResponseView } from './responseView';
import type { RequestSecrets } from './secrets';

const PARAMS_KEY = 'nextRouteKit.params';
const CONFIRMED_KEY = 'nextRouteKit.confirmedOrigins';

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

  constructor(
    private readonly state: vscode.Memento,
    private readonly documents: RouteDocuments,
    private readonly secrets: RequestSecrets,
    private readonly view: ResponseView,
    private readonly history: RequestHistory,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.statusItem.name = 'Next Route Kit: last response';
    this.statusItem.command = 'nextRouteKit.showResponse';
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

  /** Path params for a route: remembered values, else asked for (and remembered). */
  async params(
    target: RequestTarget,
    ask: 'missing' | 'always' = 'missing',
  ): Promise<Record<string, string> | undefined> {
    const all = this.state.get<Record<string, Record<string, string>>>(PARAMS_KEY) ?? {};
    const remembered = all[target.route.route] ?? {};
    const values: Record<string, string> = { ...remembered };
    for (const p of target.route.params) {
      if (ask === 'missing' && values[p.name] !== undefined && (values[p.name] !== '' || p.kind === 'optionalCatchAll'))
        continue;
      const value = await vscode.window.showInputBox({
        title: `${target.inferred.method} ${target.route.route}`,
        prompt:
          p.kind === 'single'
            ? `Value for [${p.name}]`
            : p.kind === 'catchAll'
              ? `Segments for [...${p.name}] (one or more, separated by /)`
              : `Segments for [[...${p.name}]] (may be empty)`,
        value: values[p.name] ?? '',
        ignoreFocusOut: true,
        validateInput: (v) =>
          p.kind !== 'optionalCatchAll' && v.trim() === '' ? `[${p.name}] needs a value` : undefined,
      });
      if (value === undefined) return undefined;
      values[p.name] = value.trim();
    }
    await this.state.update(PARAMS_KEY, { ...all, [target.route.route]: values });
    return values;
  }

  async editParams(): Promise<void> {
    const all = this.state.get<Record<string, Record<string, string>>>(PARAMS_KEY) ?? {};
    const routes = Object.keys(all);
    if (!routes.length) {
      void vscode.window.showInformationMessage(
        'No path parameters remembered yet: they are asked for the first time you send to a dynamic route.',
      );
      return;
    }
    const picked = await vscode.window.showQuickPick(
      routes.map((r) => ({
        label: r,
        description: Object.entries(all[r]!)
          .map(([k, v]) => `${k}=${v}`)
          .join(' '),
      })),
      { title: 'Edit remembered path parameters' },
    );
    if (!picked) return;
    const choice = await vscode.window.showQuickPick(
      ['Forget them', ...Object.keys(all[picked.label]!).map((k) => `Change ${k}`)],
      { title: picked.label },
    );
    if (!choice) return;
    if (choice === 'Forget them') {
      const { [picked.label]: _removed, ...rest } = all;
      await this.state.update(PARAMS_KEY, rest);
      return;
    }
    const name = choice.slice('Change '.length);
    const value = await vscode.window.showInputBox({
      title: `${picked.label}: [${name}]`,
      value: all[picked.label]![name] ?? '',
    });
    if (value !== undefined)
      await this.state.update(PARAMS_KEY, { ...all, [picked.label]: { ...all[picked.label], [name]: value } });
  }

  /** The base URL to send to: the setting, else the first detected candidate that answers. */
  async baseUrl(layout: ProjectLayout | undefined, scope: vscode.Uri): Promise<string | undefined> {
    const e = engine();
    const setting = readSettings(scope).request.baseUrl;
    const candidates = e.baseUrlCandidates(layout, {
      ...(setting ? { setting } : {}),
      fs: nodeFsPort,
      env: process.env,
    });
    const found = await e.firstAnswering(candidates);
    if (found) return found.url;
    const tried = candidates.map((c) => `${c.url} (${c.detail})`).join(', ');
    const actions = layout?.packageJson?.scripts['dev'] ? ['Start Dev Server', 'Set Base URL'] : ['Set Base URL'];
    const choice = await vscode.window.showErrorMessage(
      `Nothing answers at ${tried}. Is \`next dev\` running?`,
      ...actions,
    );
    if (choice === 'Start Dev Server' && layout) return startDevServer(layout, this.log);
    if (choice === 'Set Base URL') return this.setBaseUrl(scope);
    return undefined;
  }

  async setBaseUrl(scope?: vscode.Uri): Promise<string | undefined> {
    const current = readSettings(scope).request.baseUrl;
    const value = await vscode.window.showInputBox({
      title: 'Next Route Kit: base URL of the dev server',
      value: current || 'http://localhost:3000',
      prompt: 'Saved as nextRouteKit.request.baseUrl for this workspace. The route (with basePath) is added to it.',
      validateInput: (v) => {
        try {
          const u = new URL(v);
          return u.protocol === 'http:' || u.protocol === 'https:' ? undefined : 'Use an http:// or https:// URL';
        } catch {
          return 'Not a URL';
        }
      },
    });
    if (value === undefined) return undefined;
    await vscode.workspace
      .getConfiguration(CONFIG_SECTION, scope)
      .update('request.baseUrl', value.replace(/\/+$/, ''), vscode.ConfigurationTarget.Workspace);
    return value.replace(/\/+$/, '');
  }

  /** Non-loopback targets need one explicit yes per origin. */
  private async confirmOrigin(url: string): Promise<boolean> {
    const e = engine();
    if (e.isLoopbackUrl(url)) return true;
    const origin = new URL(url).origin;
    const confirmed = this.state.get<string[]>(CONFIRMED_KEY) ?? [];
    if (confirmed.includes(origin)) return true;
    const choice = await vscode.window.showWarningMessage(
      `Send requests to ${origin}? It is not on this machine: the request (with your auth token, if the handler reads one) leaves your computer.`,
      { modal: true },
      'Send',
    );
    if (choice !== 'Send') return false;
    await this.state.update(CONFIRMED_KEY, [...confirmed, origin]);
    return true;
  }

  private trusted(): boolean {
    if (vscode.workspace.isTrusted) return true;
    void vscode.window
      .showWarningMessage(
        'Next Route Kit does not send requests from an untrusted workspace.',
        'Manage Workspace Trust',
      )
      .then((c) => {
        if (c) void vscode.commands.executeCommand('workbench.trust.manage');
      });
    return false;
  }

  /** Builds the request for a target (asking for params and finding the server). */
  async build(target: RequestTarget): Promise<{ spec: RequestSpec; base: string } | undefined> {
    const params = await this.params(target);
    if (!params) return undefined;
    const layout = this.documents.layout(target.document);
    const base = await this.baseUrl(layout, target.document.uri);
    if (!base) return undefined;
    const settings = readSettings(target.document.uri);
    const spec = engine().buildRequest(target.inferred, { baseUrl: base, params, headers: settings.request.headers });
    return { spec, base };
  }

  async sendTarget(target: RequestTarget): Promise<void> {
    if (!this.trusted()) return;
    const built = await this.build(target);
    if (!built) return;
    if (target.inferred.auth && !(await this.secrets.token())) {
      const choice = await vscode.window.showInformationMessage(
        `${target.inferred.method} ${target.route.route} reads the Authorization header. Set a token to send as Bearer?`,
        'Set Auth Token',
        'Send Without',
      );
      if (choice === 'Set Auth Token') await this.secrets.setToken();
      else if (choice !== 'Send Without') return;
    }
    await this.send(built.spec, built.base, `${target.route.route} ${target.inferred.method}`, target.document.uri);
  }

  /** Sends a spec (with placeholders), filling secrets only for the base URL's origin. */
  async send(
    spec: RequestSpec,
    base: string,
    historyKey: string,
    scope: vscode.Uri | undefined,
  ): Promise<ResponseResult | undefined> {
    if (!this.trusted()) return undefined;
    const e = engine();
    if (!(await this.confirmOrigin(spec.url))) return undefined;
    const baseOrigin = new URL(base).origin;
    let targetOrigin: string;
    try {
      targetOrigin = new URL(spec.url).origin;
    } catch {
      void vscode.window.showErrorMessage(`Not an http(s) URL: ${spec.url}`);
      return undefined;
    }
    const variables = targetOrigin === baseOrigin ? await this.secrets.variables(e.cookieNamesIn(spec), e) : {};
    const { spec: resolved, dropped, missing } = e.prepareForSend(spec, variables);
    if (dropped.length)
      this.log.warn(
        `Sent without ${dropped.join(', ')}: ${targetOrigin === baseOrigin ? 'no value is set (Next Route Kit: Set Auth Token / Set Cookie)' : `secrets belong to ${baseOrigin}, not ${targetOrigin}`}.`,
      );
    if (missing.length) this.log.warn(`No value for ${missing.map((m) => `{{${m}}}`).join(', ')}: sent as written.`);
    const settings = readSettings(scope);
    this.pending?.abort();
    const controller = new AbortController();
    this.pending = controller;
    this.log.info(`→ ${e.describeForLog(resolved)}`);
    let streaming = false;
    try {
      const result = await vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: `${resolved.method} ${new URL(resolved.url).pathname}`,
          cancellable: true,
        },
        async (progress, token) => {
          token.onCancellationRequested(() => controller.abort());
          progress.report({ message: 'sending…' });
          return e.sendRequest(resolved, {
            signal: controller.signal,
            timeoutMs: settings.request.timeoutMs,
            followRedirects: settings.request.followRedirects,
            maxDisplayBytes: settings.request.maxDisplayBytes,
            credentialsOrigin: baseOrigin,
            isTrusted: () => vscode.workspace.isTrusted,
            onHeaders: (head) => {
              progress.report({ message: `${head.status} ${head.statusText} — receiving…` });
              if (e.isStreamingResponse(head)) {
                streaming = true;
                void this.view.show(e.formatHead(head, resolved) + '\n');
              }
            },
            onChunk: (chunk) => {
              if (streaming) this.view.append(chunk);
            },
          });
        },
      );
      this.view.fullBodyFile = result.fullBodyFile;
      this.view.lastBody = e.formatBody(result).text;
      await this.view.show(e.formatResponse(result, resolved));
      this.statusItem.text = `$(${result.status < 400 ? 'pass' : 'error'}) ${result.status} · ${Math.round(result.totalMs)} ms`;
      this.statusItem.tooltip = `${resolved.method} ${resolved.url}\n${result.status} ${result.statusText} · ${Math.round(result.ttfbMs)} ms to first byte · ${Math.round(result.totalMs)} ms total · ${e.formatBytes(result.bytes)}\nClick to show the response.`;
      this.statusItem.show();
      this.log.info(
        `← ${result.status} ${result.statusText} ${Math.round(result.totalMs)} ms ${e.formatBytes(result.bytes)}`,
      );
      const hint = e.basePathHint(
        result,
        resolved.url,
        scope?.scheme === 'file' ? this.documents.projects().layoutFor(scope.fsPath) : undefined,
      );
      if (hint) {
        this.log.warn(hint);
        void vscode.window.showWarningMessage(hint);
      }
      await this.history.add(historyKey, spec, result.status);
      return result;
    } catch (err) {
      if (err instanceof e.RequestError) {
        this.log.warn(`✗ ${err.message}`);
        if (err.kind === 'cancelled') return undefined;
        if (err.kind === 'refused') {
          const choice = await vscode.window.showErrorMessage(
            `${err.message} ${err.hint ?? ''}`,
            'Start Dev Server',
            'Set Base URL',
          );
          if (choice === 'Set Base URL') await this.setBaseUrl(scope);
          if (choice === 'Start Dev Server') await vscode.commands.executeCommand('nextRouteKit.startDevServer');
          return undefined;
        }
        void vscode.window.showErrorMessage(`${err.message}${err.hint ? ` ${err.hint}` : ''}`);
        return undefined;
      }
      throw err;
    } finally {
      if (this.pending === controller) this.pending = undefined;
    }
  }

  dispose(): void {
    this.pending?.abort();
    this.statusItem.dispose();
  }
}

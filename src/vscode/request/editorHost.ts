/**
 * The editor as a host of the send flow (src/core/request/run.ts): input boxes for path
 * params, "Start Dev Server" / "Set Base URL" when nothing answers, secrets from the OS
 * keychain, a modal yes for remote origins, workspace trust, a cancellable progress
 * notification, the response view (streamed as it arrives), the status bar and history.
 * The log never shows Authorization or Cookie values.
 */
import * as vscode from 'vscode';
import type { ProjectLayout } from '../../core/nextjs/project';
import type { RouteParam } from '../../core/nextjs/routePath';
import type { BaseUrlCandidate } from '../../core/request/baseUrl';
import type {
  KnobWords,
  ProgressWork,
  RequestHost,
  RequestLabel,
  RunNotice,
  SentResponse,
  VariableRef,
} from '../../core/request/run';
import type { RequestError } from '../../core/request/send';
import { engine } from '../engine';
import { offerServer, setBaseUrl } from './baseUrlActions';
import type { RequestHistory } from './history';
import type { RememberedParams } from './params';
import type { ResponseView } from './responseView';
import type { RequestSecrets } from './secrets';

const CONFIRMED_KEY = 'nextRouteKit.confirmedOrigins';

export const EDITOR_WORDS: KnobWords = {
  baseUrl: 'If it runs elsewhere, set nextRouteKit.request.baseUrl (Next Route Kit: Set Base URL).',
  timeout: 'Raise nextRouteKit.request.timeoutMs for slow endpoints.',
  followRedirects: 'Turn nextRouteKit.request.followRedirects off to see the first redirect.',
};

/** What every editor host shares: the services of the request feature. */
export interface EditorServices {
  readonly state: vscode.Memento;
  readonly params: RememberedParams;
  readonly secrets: RequestSecrets;
  readonly view: ResponseView;
  readonly history: RequestHistory;
  readonly log: vscode.LogOutputChannel;
  /** Shows the last response in the status bar. */
  showStatus(result: SentResponse): void;
  /** Remembers the request of the last response (for Follow). */
  remember(spec: SentResponse['spec'], historyKey: string): void;
  /** Runs a send with a cancellable progress notification (a new send cancels the previous one). */
  progress<T>(title: string, work: ProgressWork<T>): Promise<T>;
}

function noticeLine(notice: RunNotice): string {
  if (notice.kind === 'sending') return `→ ${notice.line}`;
  if (notice.kind === 'advice') return notice.text;
  if (notice.kind === 'missing')
    return `No value for ${notice.variables.map((m) => `{{${m}}}`).join(', ')}: sent as written.`;
  const why =
    notice.reason === 'no-value'
      ? 'no value is set (Next Route Kit: Set Auth Token / Set Cookie)'
      : `secrets belong to ${notice.credentialsOrigin}, not ${notice.targetOrigin}`;
  return `Sent without ${notice.names.join(', ')}: ${why}.`;
}

/** One send from the editor: `scope` picks the settings, `historyKey` the history entry. */
export class EditorHost implements RequestHost {
  readonly words = EDITOR_WORDS;

  constructor(
    private readonly services: EditorServices,
    private readonly scope: vscode.Uri | undefined,
    private readonly historyKey: string,
  ) {}

  isTrusted(): boolean {
    return vscode.workspace.isTrusted;
  }

  knownParams(request: RequestLabel): Readonly<Record<string, string>> {
    return this.services.params.known(request.route);
  }

  askParams(
    missing: readonly RouteParam[],
    request: RequestLabel,
    known: Readonly<Record<string, string>>,
  ): Promise<Record<string, string> | undefined> {
    return this.services.params.ask(missing, request, known);
  }

  noServer(candidates: readonly BaseUrlCandidate[], layout: ProjectLayout | undefined): Promise<string | undefined> {
    return offerServer(candidates, layout, this.scope, this.services.log);
  }

  async secret(ref: VariableRef): Promise<string | undefined> {
    if (ref.kind === 'token') return this.services.secrets.token();
    if (ref.kind === 'cookie') return this.services.secrets.cookie(ref.cookie);
    return undefined;
  }

  async tokenMissing(request: RequestLabel): Promise<boolean> {
    const choice = await vscode.window.showInformationMessage(
      `${request.method} ${request.route} reads the Authorization header. Set a token to send as Bearer?`,
      'Set Auth Token',
      'Send Without',
    );
    if (choice === 'Set Auth Token') await this.services.secrets.setToken();
    return choice === 'Set Auth Token' || choice === 'Send Without';
  }

  /** Non-loopback origins need one explicit yes each (remembered per workspace). */
  async confirmOrigin(origin: string): Promise<boolean> {
    const { state } = this.services;
    const confirmed = state.get<string[]>(CONFIRMED_KEY) ?? [];
    if (confirmed.includes(origin)) return true;
    const choice = await vscode.window.showWarningMessage(
      `Send requests to ${origin}? It is not on this machine: the request (with your auth token, if the handler reads one) leaves your computer.`,
      { modal: true },
      'Send',
    );
    if (choice !== 'Send') return false;
    await state.update(CONFIRMED_KEY, [...confirmed, origin]);
    return true;
  }

  notice(notice: RunNotice): void {
    const line = noticeLine(notice);
    if (notice.kind === 'sending') this.services.log.info(line);
    else this.services.log.warn(line);
    if (notice.kind === 'advice') void vscode.window.showWarningMessage(line);
  }

  progress<T>(title: string, work: ProgressWork<T>): Promise<T> {
    return this.services.progress(title, work);
  }

  streamStarted(headText: string): void {
    void this.services.view.show(headText);
  }

  streamChunk(text: string): void {
    this.services.view.append(text);
  }

  async onResponse(response: SentResponse): Promise<void> {
    const { view, log, history } = this.services;
    const e = engine();
    const { result } = response;
    view.fullBodyFile = result.fullBodyFile;
    view.lastBody = e.formatBody(result).text;
    await view.show(response.text);
    this.services.showStatus(response);
    log.info(`← ${result.status} ${result.statusText} ${Math.round(result.totalMs)} ms ${e.formatBytes(result.bytes)}`);
    await history.add(this.historyKey, response.spec, result.status);
    this.services.remember(response.spec, this.historyKey);
    if (!offerSignIn(result)) offerFollow(result);
  }

  async onFailure(error: RequestError, hint: string | undefined): Promise<void> {
    this.services.log.warn(`✗ ${error.message}`);
    if (error.kind === 'cancelled') return;
    if (error.kind === 'untrusted') return untrustedWarning();
    const text = `${error.message}${hint ? ` ${hint}` : ''}`;
    if (error.kind !== 'refused') return void vscode.window.showErrorMessage(text);
    const choice = await vscode.window.showErrorMessage(text, 'Start Dev Server', 'Set Base URL');
    if (choice === 'Set Base URL') await setBaseUrl(this.scope);
    if (choice === 'Start Dev Server') await vscode.commands.executeCommand('nextRouteKit.startDevServer');
  }
}

/** A redirect that was not followed: where it goes, and a Follow button. */
function offerFollow(result: SentResponse['result']): void {
  const location = result.headers.find(([k]) => k.toLowerCase() === 'location')?.[1];
  if (result.status < 300 || result.status >= 400 || !location) return;
  void vscode.window
    .showInformationMessage(`${result.status} redirect to ${location} (not followed).`, 'Follow')
    .then((c) => c && vscode.commands.executeCommand('nextRouteKit.followRedirect'));
}

/** A redirect to a sign-in page or a 401 is explained, with the ways to sign in; false when it is neither. */
function offerSignIn(result: SentResponse['result']): boolean {
  const hint = engine().signInHint(result);
  if (!hint) return false;
  void vscode.window
    .showWarningMessage(hint.message, 'Sign In (Auth.js)…', 'Set Cookie…', 'Set Auth Token')
    .then((choice) => {
      const command =
        choice === 'Sign In (Auth.js)…'
          ? 'nextRouteKit.signIn'
          : choice === 'Set Cookie…'
            ? 'nextRouteKit.setCookie'
            : choice === 'Set Auth Token'
              ? 'nextRouteKit.setAuthToken'
              : undefined;
      if (command) void vscode.commands.executeCommand(command);
    });
  return true;
}

function untrustedWarning(): void {
  void vscode.window
    .showWarningMessage('Next Route Kit does not send requests from an untrusted workspace.', 'Manage Workspace Trust')
    .then((c) => {
      if (c) void vscode.commands.executeCommand('workbench.trust.manage');
    });
}

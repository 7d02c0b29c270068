/** The request runner feature: its services, providers and command handlers. */
import * as vscode from 'vscode';
import type { CommandId } from '../../constants';
import { readSettings } from '../configuration';
import type { RouteDocuments } from '../documents';
import type { WorkspaceRoutes } from '../routeIndex';
import { HttpCodeLenses, RouteCodeLenses } from './codeLens';
import { RequestCommands } from './commands';
import { RequestHistory } from './history';
import { setBaseUrl } from './baseUrlActions';
import { ResponseView } from './responseView';
import { RequestRunner } from './runner';
import { RequestSecrets } from './secrets';
import { EditorCookies } from './cookies';
import { EditorEnvironments } from './environmentStatus';
import { signIn } from './signIn';

type RequestCommandId = Extract<
  CommandId,
  `nextRouteKit.${
    | 'sendRequest'
    | 'sendRequestAt'
    | 'pickRoute'
    | 'editRequest'
    | 'sendHttpRequest'
    | 'copyAsCurl'
    | 'exportRoutes'
    | 'setAuthToken'
    | 'clearAuthToken'
    | 'setCookie'
    | 'signIn'
    | 'clearCookies'
    | 'selectEnvironment'
    | 'addEnvironment'
    | 'followRedirect'
    | 'startDevServer'
    | 'setBaseUrl'
    | 'resendRequest'
    | 'showResponse'
    | 'saveFullResponse'
    | 'editParams'}`
>;

export function createRequestFeature(
  context: vscode.ExtensionContext,
  documents: RouteDocuments,
  routes: WorkspaceRoutes,
  log: vscode.LogOutputChannel,
) {
  const environments = new EditorEnvironments(context.workspaceState);
  const currentEnvironment = (): string => environments.current().name;
  const secrets = new RequestSecrets(context.secrets, currentEnvironment);
  const view = new ResponseView();
  const history = new RequestHistory(context.workspaceState, () => readSettings().request.historySize);
  const cookies = new EditorCookies(context.secrets, currentEnvironment);
  const runner = new RequestRunner(
    context.workspaceState,
    documents,
    secrets,
    view,
    history,
    log,
    cookies,
    environments,
  );
  const commands = new RequestCommands(runner, routes, documents, secrets, history, view, log, environments);
  const handlers: { readonly [K in RequestCommandId]: (...args: never[]) => unknown } = {
    'nextRouteKit.sendRequest': () => commands.sendAtCursor(),
    'nextRouteKit.sendRequestAt': (uri: vscode.Uri, method: string) => commands.sendAt(uri, method),
    'nextRouteKit.pickRoute': () => commands.pickRoute(),
    'nextRouteKit.editRequest': (uri?: vscode.Uri, method?: string) => commands.editRequest(uri, method),
    'nextRouteKit.sendHttpRequest': (uri: vscode.Uri, line: number) => commands.sendHttp(uri, line),
    'nextRouteKit.copyAsCurl': (uri?: vscode.Uri, method?: string) => commands.copyAsCurl(uri, method),
    'nextRouteKit.exportRoutes': () => commands.exportRoutes(),
    'nextRouteKit.setAuthToken': () => secrets.setToken(),
    'nextRouteKit.clearAuthToken': () => secrets.clearToken(),
    'nextRouteKit.setCookie': () => commands.setCookie(),
    'nextRouteKit.signIn': () => signIn(cookies, environments.current(), log),
    'nextRouteKit.clearCookies': () => cookies.clear(),
    'nextRouteKit.selectEnvironment': () => environments.select(),
    'nextRouteKit.addEnvironment': () => environments.add(),
    'nextRouteKit.followRedirect': () => runner.followLast(),
    'nextRouteKit.startDevServer': () => commands.startDevServer(),
    'nextRouteKit.setBaseUrl': () => setBaseUrl(vscode.window.activeTextEditor?.document.uri),
    'nextRouteKit.resendRequest': () => commands.resend(),
    'nextRouteKit.showResponse': () => view.reveal(),
    'nextRouteKit.saveFullResponse': () => commands.saveFullResponse(),
    'nextRouteKit.editParams': () => runner.params.edit(),
  };
  const disposables: vscode.Disposable[] = [
    environments,
    environments.onDidChange((env) => void cookies.switched(env.baseUrl)),
    view,
    runner,
    history,
    cookies,
    new RouteCodeLenses(documents),
    new HttpCodeLenses(),
  ];
  /** Sends a route's method as its code lens does (the Routes view's ▶ action). */
  const sendAt = (uri: vscode.Uri, method: string): Promise<void> => commands.sendAt(uri, method);
  return { handlers, disposables, history, sendAt };
}

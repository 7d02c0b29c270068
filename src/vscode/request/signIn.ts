/**
 * Sign In (Auth.js)…: finds the app's credentials provider in its code, asks for its fields
 * (a password field hidden), does the sign-in exchange against the dev server and keeps the
 * session cookie in the editor's jar. Apps without one are told how to paste a session
 * cookie instead. No field value is logged or stored.
 */
import * as vscode from 'vscode';
import type { AuthSetup, CredentialField } from '../../core/request/authjs';
import { LOCAL_ENVIRONMENT, type Environment } from '../../core/request/environments';
import { nodeFsPort } from '../../core/fsPort';
import { readSettings } from '../configuration';
import { engine } from '../engine';
import type { EditorCookies } from './cookies';

/** The Next.js app to sign in to: the active file's project, else the first workspace folder. */
function appRoot(): string | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder = (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) return undefined;
  const layout = active?.scheme === 'file' ? new (engine().ProjectIndex)().layoutFor(active.fsPath) : undefined;
  return layout?.root ?? folder.uri.fsPath;
}

async function askFields(setup: AuthSetup): Promise<Record<string, string> | undefined> {
  const values: Record<string, string> = {};
  for (const field of setup.fields) {
    const value = await vscode.window.showInputBox({
      title: `Sign in (Auth.js): ${field.label ?? field.name}`,
      prompt: `The "${field.name}" field of the credentials provider in ${vscode.workspace.asRelativePath(setup.file)}.`,
      password: isSecretField(field),
      ignoreFocusOut: true,
    });
    if (value === undefined) return undefined;
    values[field.name] = value;
  }
  return values;
}

function isSecretField(field: CredentialField): boolean {
  return field.type === 'password' || /pass|secret|otp|code|pin/i.test(field.name);
}

/** The app's URL (with basePath) in the environment (local: where next dev answers), or undefined (told to the user). */
async function appUrl(root: string, environment: Environment): Promise<string | undefined> {
  const e = engine();
  const layout = new e.ProjectIndex().layoutFor(`${root}/package.json`);
  const setting = environment.baseUrl ?? readSettings(vscode.Uri.file(root)).request.baseUrl;
  const candidates = e.baseUrlCandidates(layout, { ...(setting ? { setting } : {}), fs: nodeFsPort, env: process.env });
  const found = await e.firstAnswering(candidates);
  if (!found) {
    void vscode.window
      .showErrorMessage(
        `Sign in (${environment.name}): nothing answers at ${candidates.map((c) => c.url).join(', ')}. Start the dev server first.`,
        'Start Dev Server',
      )
      .then((c) => c && vscode.commands.executeCommand('nextRouteKit.startDevServer'));
    return undefined;
  }
  if (!e.isLoopbackUrl(found.url)) {
    const ok = await vscode.window.showWarningMessage(
      `Sign in at ${found.url}? It is not on this machine: your credentials leave your computer.`,
      { modal: true },
      'Sign In',
    );
    if (ok !== 'Sign In') return undefined;
  }
  return found.url.replace(/\/+$/, '') + (layout?.url.basePath ?? '');
}

/** Signs in to the current environment's server; the session goes to that environment's jar only. */
export async function signIn(
  cookies: EditorCookies,
  environment: Environment,
  log: vscode.LogOutputChannel,
): Promise<void> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage('Next Route Kit does not sign in from an untrusted workspace.');
    return;
  }
  const root = appRoot();
  const setup = root ? engine().findAuthSetup(root) : undefined;
  if (!root || !setup) {
    const choice = await vscode.window.showInformationMessage(
      'No Auth.js credentials provider found in this app. With another sign-in (OAuth, email…), sign in in the browser and paste the session cookie (e.g. authjs.session-token); or send your login route: its cookie is kept.',
      'Set Cookie…',
    );
    if (choice) await vscode.commands.executeCommand('nextRouteKit.setCookie');
    return;
  }
  const values = await askFields(setup);
  if (!values) return;
  const url = await appUrl(root, environment);
  if (!url) return;
  const jar = await cookies.jar();
  try {
    const result = await engine().signInWithCredentials({ appUrl: url, setup, values, jar });
    await cookies.saveAndShow(url);
    log.info(`Sign in (Auth.js) at ${url} (${environment.name}): ${result.message}`);
    const where = environment.name === LOCAL_ENVIRONMENT ? '' : ` in the ${environment.name} environment`;
    if (result.ok)
      void vscode.window.showInformationMessage(
        `${result.message} Requests to ${new URL(url).host}${where} now send the session cookie.`,
      );
    else
      void vscode.window
        .showErrorMessage(result.message, 'Sign In (Auth.js)…')
        .then((c) => c && signIn(cookies, environment, log));
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    log.warn(`Sign in (Auth.js) at ${url} failed: ${message}`);
    void vscode.window.showErrorMessage(message);
  }
}

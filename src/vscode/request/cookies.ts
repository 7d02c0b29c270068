/**
 * The editor's cookie jars, one per environment: Set-Cookie from every response, resent to the
 * same origin only (src/core/request/cookieJar.ts), kept apart per environment even on a
 * shared origin (src/core/request/environmentSessions.ts). Kept in SecretStorage (the OS
 * keychain) as one JSON value per environment, never in settings or files; shown in the
 * status bar ("2 cookies for localhost:3000", click to clear the current environment's);
 * Sign In (Auth.js)… fills the current environment's jar with a session.
 */
import * as vscode from 'vscode';
import type { CookieJars } from '../../core/request/cookieJar';
import type { EnvironmentSessions } from '../../core/request/environmentSessions';
import { LOCAL_ENVIRONMENT } from '../../core/request/environments';
import { engine } from '../engine';

export class EditorCookies implements vscode.Disposable {
  private readonly statusItem = vscode.window.createStatusBarItem(
    'nextRouteKit.cookies',
    vscode.StatusBarAlignment.Left,
    8,
  );
  private sessions: EnvironmentSessions | undefined;

  /** `environment` names the current environment. */
  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly environment: () => string,
  ) {
    this.statusItem.name = 'Next Route Kit: cookies';
    this.statusItem.command = 'nextRouteKit.clearCookies';
  }

  private store(): EnvironmentSessions {
    const secrets = this.secrets;
    return (this.sessions ??= new (engine().EnvironmentSessions)({
      get: async (key) => secrets.get(key),
      store: async (key, value) => secrets.store(key, value),
      delete: async (key) => secrets.delete(key),
    }));
  }

  /** The current environment's jar. */
  jar(): Promise<CookieJars> {
    return this.store().jar(this.environment());
  }

  /** Saves the current environment's jar and shows how many cookies go to `url`'s origin. */
  async saveAndShow(url: string | undefined): Promise<void> {
    await this.store().save(this.environment());
    if (url) await this.show(url);
  }

  async show(url: string): Promise<void> {
    const cookies = await (await this.jar()).list(url);
    if (!cookies.length) {
      this.statusItem.hide();
      return;
    }
    const env = this.environment();
    const suffix = env === LOCAL_ENVIRONMENT ? '' : ` (${env})`;
    this.statusItem.text = `$(key) ${engine().describeJar(cookies.length, url)}${suffix}`;
    this.statusItem.tooltip = `Sent with requests to ${new URL(url).origin} in the ${env} environment: ${cookies.map((c) => c.name).join(', ')}.\nKept in the OS keychain. Click to clear this environment's cookies.`;
    this.statusItem.show();
  }

  /** Another environment was chosen: its cookies for its server, if it names one. */
  async switched(baseUrl: string | undefined): Promise<void> {
    if (baseUrl) await this.show(baseUrl);
    else this.statusItem.hide();
  }

  /** Clears the current environment's cookies (the others keep theirs). */
  async clear(): Promise<void> {
    const env = this.environment();
    const origins = await this.store().clear(env);
    this.statusItem.hide();
    void vscode.window.showInformationMessage(
      origins.length
        ? `Next Route Kit: cookies of the ${env} environment cleared for ${origins.join(', ')}.`
        : `Next Route Kit: no cookies kept in the ${env} environment.`,
    );
  }

  dispose(): void {
    this.statusItem.dispose();
  }
}

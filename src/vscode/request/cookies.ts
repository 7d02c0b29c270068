/**
 * The editor's cookie jar: Set-Cookie from every response, resent to the same origin only
 * (src/core/request/cookieJar.ts). Kept in SecretStorage (the OS keychain) as one JSON
 * value, never in settings or files; shown in the status bar ("2 cookies for
 * localhost:3000", click to clear); Sign In (Auth.js)… fills it with a session.
 */
import * as vscode from 'vscode';
import type { CookieJars } from '../../core/request/cookieJar';
import { engine } from '../engine';

const JAR_KEY = 'nextRouteKit.cookieJar';

export class EditorCookies implements vscode.Disposable {
  private readonly statusItem = vscode.window.createStatusBarItem(
    'nextRouteKit.cookies',
    vscode.StatusBarAlignment.Left,
    8,
  );
  private loaded: Promise<CookieJars> | undefined;

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.statusItem.name = 'Next Route Kit: cookies';
    this.statusItem.command = 'nextRouteKit.clearCookies';
  }

  jar(): Promise<CookieJars> {
    const loaded = (this.loaded ??= Promise.resolve(this.secrets.get(JAR_KEY)).then((json) =>
      engine().CookieJars.deserialize(json),
    ));
    return loaded;
  }

  /** Saves the jar and shows how many cookies go to `url`'s origin. */
  async saveAndShow(url: string | undefined): Promise<void> {
    const jar = await this.jar();
    await this.secrets.store(JAR_KEY, await jar.serialize());
    if (url) await this.show(url);
  }

  async show(url: string): Promise<void> {
    const jar = await this.jar();
    const cookies = await jar.list(url);
    if (!cookies.length) {
      this.statusItem.hide();
      return;
    }
    this.statusItem.text = `$(key) ${engine().describeJar(cookies.length, url)}`;
    this.statusItem.tooltip = `Sent with requests to ${new URL(url).origin}: ${cookies.map((c) => c.name).join(', ')}.\nKept in the OS keychain. Click to clear them.`;
    this.statusItem.show();
  }

  async clear(): Promise<void> {
    const jar = await this.jar();
    const origins = await jar.origins();
    jar.clear();
    await this.secrets.delete(JAR_KEY);
    this.statusItem.hide();
    void vscode.window.showInformationMessage(
      origins.length
        ? `Next Route Kit: cookies cleared for ${origins.join(', ')}.`
        : 'Next Route Kit: no cookies kept.',
    );
  }

  dispose(): void {
    this.statusItem.dispose();
  }
}

/**
 * Tokens and cookie values live in VS Code's SecretStorage (the OS keychain), never in settings
 * or files; one of each per environment (`local` under the keys used before environments).
 */
import * as vscode from 'vscode';
import { environmentKey, LOCAL_ENVIRONMENT } from '../../core/request/environments';

const TOKEN_KEY = 'nextRouteKit.authToken';
const COOKIE_PREFIX = 'nextRouteKit.cookie.';

export class RequestSecrets {
  /** `environment` names the current environment. */
  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly environment: () => string,
  ) {}

  private key(base: string): string {
    return environmentKey(base, this.environment());
  }

  /** " for staging" (nothing for local). */
  private forEnv(): string {
    const env = this.environment();
    return env === LOCAL_ENVIRONMENT ? '' : ` for ${env}`;
  }

  token(): Thenable<string | undefined> {
    return this.secrets.get(this.key(TOKEN_KEY));
  }

  async setToken(): Promise<boolean> {
    const value = await vscode.window.showInputBox({
      title: `Next Route Kit: auth token${this.forEnv()}`,
      prompt:
        'Sent as `Authorization: Bearer <token>` to handlers that read the Authorization header. Stored in your OS keychain, never in settings.',
      password: true,
      ignoreFocusOut: true,
      placeHolder: 'eyJhbGciOi…',
    });
    if (value === undefined) return false;
    await this.secrets.store(this.key(TOKEN_KEY), value.replace(/^Bearer\s+/i, '').trim());
    void vscode.window.showInformationMessage(`Next Route Kit: auth token${this.forEnv()} saved to the OS keychain.`);
    return true;
  }

  async clearToken(): Promise<void> {
    await this.secrets.delete(this.key(TOKEN_KEY));
    void vscode.window.showInformationMessage(`Next Route Kit: auth token${this.forEnv()} removed.`);
  }

  cookie(name: string): Thenable<string | undefined> {
    return this.secrets.get(this.key(COOKIE_PREFIX + name));
  }

  async setCookie(suggestions: readonly string[]): Promise<void> {
    const name = suggestions.length
      ? ((await vscode.window.showQuickPick([...suggestions, 'Another cookie…'], { title: 'Cookie to send' })) ??
        undefined)
      : undefined;
    const cookieName =
      name && name !== 'Another cookie…'
        ? name
        : await vscode.window.showInputBox({ title: 'Cookie name', ignoreFocusOut: true });
    if (!cookieName) return;
    const value = await vscode.window.showInputBox({
      title: `Value of the "${cookieName}" cookie${this.forEnv()}`,
      password: true,
      ignoreFocusOut: true,
      prompt: 'Stored in your OS keychain.',
    });
    if (value === undefined) return;
    await this.secrets.store(this.key(COOKIE_PREFIX + cookieName), value);
  }
}

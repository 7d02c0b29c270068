/** Tokens and cookie values live in VS Code's SecretStorage (the OS keychain), never in settings or files. */
import * as vscode from 'vscode';

const TOKEN_KEY = 'nextRouteKit.authToken';
const COOKIE_PREFIX = 'nextRouteKit.cookie.';

export class RequestSecrets {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  token(): Thenable<string | undefined> {
    return this.secrets.get(TOKEN_KEY);
  }

  async setToken(): Promise<boolean> {
    const value = await vscode.window.showInputBox({
      title: 'Next Route Kit: auth token',
      prompt:
        'Sent as `Authorization: Bearer <token>` to handlers that read the Authorization header. Stored in your OS keychain, never in settings.',
      password: true,
      ignoreFocusOut: true,
      placeHolder: 'eyJhbGciOi…',
    });
    if (value === undefined) return false;
    await this.secrets.store(TOKEN_KEY, value.replace(/^Bearer\s+/i, '').trim());
    void vscode.window.showInformationMessage('Next Route Kit: auth token saved to the OS keychain.');
    return true;
  }

  async clearToken(): Promise<void> {
    await this.secrets.delete(TOKEN_KEY);
    void vscode.window.showInformationMessage('Next Route Kit: auth token removed.');
  }

  cookie(name: string): Thenable<string | undefined> {
    return this.secrets.get(COOKIE_PREFIX + name);
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
      title: `Value of the "${cookieName}" cookie`,
      password: true,
      ignoreFocusOut: true,
      prompt: 'Stored in your OS keychain.',
    });
    if (value === undefined) return;
    await this.secrets.store(COOKIE_PREFIX + cookieName, value);
  }
}

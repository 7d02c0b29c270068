/**
 * The environment requests go to, chosen from the status bar ("Environment: local ▾"):
 * `local` is the detected dev server, the others come from nextRouteKit.request.environments
 * (src/core/request/environments.ts). The choice is kept per workspace; each environment has
 * its own token and cookie jar (./secrets.ts, ./cookies.ts).
 */
import * as vscode from 'vscode';
import {
  isEnvironmentName,
  LOCAL_ENVIRONMENT,
  parseEnvironments,
  type Environment,
} from '../../core/request/environments';
import { CONFIG_SECTION } from '../../core/settings';
import { onSettingsChanged, readSettings } from '../configuration';
import { httpUrlProblem } from './baseUrlActions';

const CURRENT_KEY = 'nextRouteKit.environment';
const ADD = '$(add) Add Environment…';

function scope(): vscode.Uri | undefined {
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

export class EditorEnvironments implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    'nextRouteKit.environment',
    vscode.StatusBarAlignment.Left,
    10,
  );
  private readonly changed = new vscode.EventEmitter<Environment>();
  /** Fires with the new environment when the user picks another (or the current one's setting goes away). */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly state: vscode.Memento) {
    this.item.name = 'Next Route Kit: environment';
    this.item.command = 'nextRouteKit.selectEnvironment';
    this.disposables = [
      this.item,
      this.changed,
      onSettingsChanged((e) => {
        if (!e.affectsConfiguration(`${CONFIG_SECTION}.request.environments`)) return;
        const before = this.state.get<string>(CURRENT_KEY);
        this.refresh();
        if (before && before !== this.current().name) this.changed.fire(this.current());
      }),
    ];
    this.refresh();
    this.item.show();
  }

  all(): Environment[] {
    return parseEnvironments(readSettings(scope()).request.environments);
  }

  /** The chosen environment; `local` when none was chosen or the chosen one is no longer defined. */
  current(): Environment {
    const name = this.state.get<string>(CURRENT_KEY) ?? LOCAL_ENVIRONMENT;
    const all = this.all();
    return all.find((e) => e.name === name) ?? all[0]!;
  }

  private refresh(): void {
    const env = this.current();
    this.item.text = `Environment: ${env.name} ▾`;
    this.item.tooltip = `Requests go to ${env.baseUrl ?? 'the dev server found on this machine'}. Each environment has its own auth token and cookies.\nClick to switch environments.`;
  }

  async use(name: string): Promise<void> {
    await this.state.update(CURRENT_KEY, name);
    this.refresh();
    this.changed.fire(this.current());
  }

  /** Select Environment…: a Quick Pick of local and the configured ones, plus Add Environment…. */
  async select(): Promise<void> {
    const current = this.current().name;
    const items: vscode.QuickPickItem[] = [
      ...this.all().map((e) => ({
        label: e.name,
        description: e.baseUrl ?? 'the detected dev server',
        ...(e.name === current ? { detail: '$(check) current' } : {}),
      })),
      { label: ADD },
    ];
    const picked = await vscode.window.showQuickPick(items, {
      title: 'Send requests to which environment?',
      placeHolder: `Now: ${current}`,
    });
    if (!picked) return;
    if (picked.label === ADD) await this.add();
    else await this.use(picked.label);
  }

  /** Add Environment…: a name and a base URL, saved to the workspace's nextRouteKit.request.environments. */
  async add(): Promise<void> {
    const existing = new Set(this.all().map((e) => e.name));
    const name = await vscode.window.showInputBox({
      title: 'New environment: name',
      placeHolder: 'staging',
      ignoreFocusOut: true,
      validateInput: (v) =>
        !isEnvironmentName(v.trim())
          ? 'Letters, digits, ".", "_" and "-"'
          : existing.has(v.trim())
            ? `"${v.trim()}" exists already`
            : undefined,
    });
    if (!name) return;
    const baseUrl = await vscode.window.showInputBox({
      title: `New environment "${name.trim()}": base URL`,
      placeHolder: 'https://staging.example.com',
      prompt:
        'Saved in nextRouteKit.request.environments for this workspace. Tokens and cookies stay in the OS keychain.',
      ignoreFocusOut: true,
      validateInput: httpUrlProblem,
    });
    if (!baseUrl) return;
    const config = vscode.workspace.getConfiguration(CONFIG_SECTION, scope());
    const raw = { ...readSettings(scope()).request.environments };
    raw[name.trim()] = { baseUrl: baseUrl.trim().replace(/\/+$/, '') };
    await config.update('request.environments', raw, vscode.ConfigurationTarget.Workspace);
    await this.use(name.trim());
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** The one place that reads `nextRouteKit.*` settings in the editor. */
import * as vscode from 'vscode';
import { CONFIG_SECTION, parseSettings, type Settings } from '../core/settings';

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const config = vscode.workspace.getConfiguration(CONFIG_SECTION, scope);
  const raw: Record<string, unknown> = {};
  for (const section of ['lint', 'snippets', 'codeLens', 'request']) raw[section] = config.get(section);
  return parseSettings(raw);
}

/** Calls `listener` when any `nextRouteKit.*` setting changes. */
export function onSettingsChanged(listener: (e: vscode.ConfigurationChangeEvent) => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(CONFIG_SECTION)) listener(e);
  });
}

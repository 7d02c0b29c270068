/** The editor's side of finding the dev server: "Set Base URL", and what to offer when nothing answers. */
import * as vscode from 'vscode';
import type { ProjectLayout } from '../../core/nextjs/project';
import type { BaseUrlCandidate } from '../../core/request/baseUrl';
import { CONFIG_SECTION } from '../../core/settings';
import { readSettings } from '../configuration';
import { startDevServer } from './devServer';

/** Why a typed base URL is not one (undefined when it is). */
export function httpUrlProblem(value: string): string | undefined {
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:' ? undefined : 'Use an http:// or https:// URL';
  } catch {
    return 'Not a URL';
  }
}

/** Asks for the base URL and saves it as the workspace's nextRouteKit.request.baseUrl. */
export async function setBaseUrl(scope?: vscode.Uri): Promise<string | undefined> {
  const current = readSettings(scope).request.baseUrl;
  const value = await vscode.window.showInputBox({
    title: 'Next Route Kit: base URL of the dev server',
    value: current || 'http://localhost:3000',
    prompt: 'Saved as nextRouteKit.request.baseUrl for this workspace. The route (with basePath) is added to it.',
    validateInput: httpUrlProblem,
  });
  if (value === undefined) return undefined;
  const url = value.replace(/\/+$/, '');
  await vscode.workspace
    .getConfiguration(CONFIG_SECTION, scope)
    .update('request.baseUrl', url, vscode.ConfigurationTarget.Workspace);
  return url;
}

/** Nothing answers at any candidate: offer to start the dev script or set the URL; the URL to use, if any. */
export async function offerServer(
  candidates: readonly BaseUrlCandidate[],
  layout: ProjectLayout | undefined,
  scope: vscode.Uri | undefined,
  log: vscode.LogOutputChannel,
): Promise<string | undefined> {
  const tried = candidates.map((c) => `${c.url} (${c.detail})`).join(', ');
  const actions = layout?.packageJson?.scripts['dev'] ? ['Start Dev Server', 'Set Base URL'] : ['Set Base URL'];
  const choice = await vscode.window.showErrorMessage(
    `Nothing answers at ${tried}. Is \`next dev\` running?`,
    ...actions,
  );
  if (choice === 'Start Dev Server' && layout) return startDevServer(layout, log);
  if (choice === 'Set Base URL') return setBaseUrl(scope);
  return undefined;
}

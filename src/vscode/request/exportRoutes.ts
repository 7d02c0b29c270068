/**
 * Export Routes as .http: the routes' requests with `{{baseUrl}}` for the server, saved where
 * the user says, with `http-client.env.json` beside it holding every environment (local and
 * nextRouteKit.request.environments) in the format httpYac and JetBrains read — and, when
 * REST Client is installed, the same environments in its `rest-client.environmentVariables`
 * (https://github.com/Huachao/vscode-restclient#environment-variables). Secrets are never
 * written: the token and cookie values are empty, for the private file or the client's settings.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { nodeFsPort } from '../../core/fsPort';
import type { ProjectLayout } from '../../core/nextjs/project';
import { ENV_FILE, PRIVATE_ENV_FILE, type Environment } from '../../core/request/environments';
import type { RequestSpec } from '../../core/request/model';
import { readSettings } from '../configuration';
import { engine } from '../engine';

const REST_CLIENT = 'humao.rest-client';

/** Where `local` is: the base URL setting, else the dev server that answers, else the first candidate. */
export async function localBaseUrl(layout: ProjectLayout | undefined, scope: vscode.Uri | undefined): Promise<string> {
  const e = engine();
  const setting = readSettings(scope).request.baseUrl;
  const candidates = e.baseUrlCandidates(layout, { ...(setting ? { setting } : {}), fs: nodeFsPort, env: process.env });
  return ((setting ? undefined : await e.firstAnswering(candidates)) ?? candidates[0]!).url;
}

/** `http-client.env.json` content for the environments, merged over the file already there. */
function environmentJson(
  specs: readonly RequestSpec[],
  environments: readonly Environment[],
  localUrl: string,
  existing: string | undefined,
): string {
  const e = engine();
  const urls = Object.fromEntries(environments.map((env) => [env.name, env.baseUrl ?? localUrl]));
  const own = Object.fromEntries(environments.map((env) => [env.name, env.variables]));
  return e.mergeEnvironmentFile(existing, e.environmentFile(specs, urls, {}, own));
}

function readIfThere(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** The same environments in REST Client's settings, when it is installed (VS Code refuses unknown settings). */
async function offerRestClient(envJson: string, scope: vscode.Uri | undefined): Promise<void> {
  if (!vscode.extensions.getExtension(REST_CLIENT)) return;
  const choice = await vscode.window.showInformationMessage(
    'Add these environments to REST Client too (rest-client.environmentVariables in the workspace settings, secrets empty)?',
    'Add to REST Client',
  );
  if (!choice) return;
  const config = vscode.workspace.getConfiguration('rest-client', scope);
  const current = JSON.stringify(config.get<object>('environmentVariables') ?? {});
  const merged = JSON.parse(engine().mergeEnvironmentFile(current, envJson)) as object;
  await config.update('environmentVariables', merged, vscode.ConfigurationTarget.Workspace);
}

/** Writes the .http file and its environment file, and opens the .http file. */
export async function writeExport(
  specs: readonly RequestSpec[],
  environments: readonly Environment[],
  layout: ProjectLayout | undefined,
  scope: vscode.Uri | undefined,
): Promise<void> {
  const root = layout?.root ?? (scope && vscode.workspace.getWorkspaceFolder(scope)?.uri.fsPath);
  const target = await vscode.window.showSaveDialog({
    title: `Export routes as .http (${ENV_FILE} is written beside it)`,
    saveLabel: 'Export',
    filters: { HTTP: ['http'] },
    ...(root ? { defaultUri: vscode.Uri.file(path.join(root, 'routes.http')) } : {}),
  });
  if (!target) return;
  const e = engine();
  const envFile = path.join(path.dirname(target.fsPath), ENV_FILE);
  const envJson = environmentJson(specs, environments, await localBaseUrl(layout, scope), readIfThere(envFile));
  const names = environments.map((env) => env.name).join(', ');
  const notes = [
    `Environments (${names}) are in ${ENV_FILE} beside this file (httpYac, JetBrains); put secrets in ${PRIVATE_ENV_FILE}, never here.`,
  ];
  fs.writeFileSync(target.fsPath, e.toHttpFile(specs, {}, notes));
  fs.writeFileSync(envFile, envJson);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target), { preview: false });
  void vscode.window.showInformationMessage(
    `Exported ${specs.length} requests to ${vscode.workspace.asRelativePath(target)}, environments ${names} in ${ENV_FILE}.`,
  );
  await offerRestClient(envJson, scope);
}

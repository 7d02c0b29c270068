/**
 * Named environments: the servers a request can go to. `local` is the dev server found by
 * detection (src/core/request/baseUrl.ts); the others (`preview`, `staging`…) name a base URL
 * and, optionally, plain `{{variables}}`. Their shape is one entry of the environment file
 * httpYac reads as `http-client.env.json` and REST Client as `rest-client.environmentVariables`
 * (https://httpyac.github.io/guide/environments.html,
 * https://github.com/Huachao/vscode-restclient#environment-variables):
 * `{ "staging": { "baseUrl": "https://staging.example.com", "tenant": "acme" } }`.
 *
 * Each environment has its own credentials: a token, pasted cookies and a cookie jar, kept
 * apart even when two environments share an origin, so switching never carries a session
 * from one target to another (./environmentSessions.ts). This module stays light (no
 * cookie library): the editor's status bar reads it at start-up.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AUTH_TOKEN_VARIABLE, BASE_URL_VARIABLE, resolveSpec, resolveVariables, type RequestSpec } from './model';

export const LOCAL_ENVIRONMENT = 'local';
/** httpYac's (and JetBrains') environment files; the private one holds secrets and stays out of git. */
export const ENV_FILE = 'http-client.env.json';
export const PRIVATE_ENV_FILE = 'http-client.private.env.json';

export interface Environment {
  readonly name: string;
  /** Where requests go; undefined for `local` (the detected dev server). */
  readonly baseUrl?: string;
  /** Other `{{variables}}` of the environment (never a secret from settings: those stay in the keychain). */
  readonly variables: Readonly<Record<string, string>>;
}

/** Environment names as both clients accept them and as a SecretStorage key part: letters, digits, `._-`. */
const NAME = /^[A-Za-z0-9][\w.-]{0,63}$/;

export function isEnvironmentName(name: string): boolean {
  return NAME.test(name) && !name.startsWith('$');
}

function httpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const u = new URL(value.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? value.trim().replace(/\/+$/, '') : undefined;
  } catch {
    return undefined;
  }
}

/** One environment from its JSON entry: `baseUrl` and string variables (other values are skipped). */
function environmentFrom(name: string, entry: unknown): Environment | undefined {
  if (!isEnvironmentName(name) || !entry || typeof entry !== 'object' || Array.isArray(entry)) return undefined;
  const variables: Record<string, string> = {};
  for (const [k, v] of Object.entries(entry as Record<string, unknown>))
    if (k !== BASE_URL_VARIABLE && typeof v === 'string') variables[k] = v;
  const baseUrl =
    name === LOCAL_ENVIRONMENT ? undefined : httpUrl((entry as Record<string, unknown>)[BASE_URL_VARIABLE]);
  if (name !== LOCAL_ENVIRONMENT && !baseUrl) return undefined;
  return { name, ...(baseUrl ? { baseUrl } : {}), variables };
}

/**
 * The environments of a JSON object (the `nextRouteKit.request.environments` setting, or an
 * environment file): `local` first (always there, detected), then the others by name. An
 * entry without an http(s) `baseUrl` is left out, except `local`, whose `baseUrl` is ignored:
 * `local` is whatever dev server detection finds.
 */
export function parseEnvironments(raw: unknown): Environment[] {
  const entries = raw && typeof raw === 'object' && !Array.isArray(raw) ? Object.entries(raw) : [];
  const local = entries.find(([name]) => name === LOCAL_ENVIRONMENT);
  const others = entries
    .filter(([name]) => name !== LOCAL_ENVIRONMENT)
    .map(([name, entry]) => environmentFrom(name, entry))
    .filter((e): e is Environment => !!e)
    .sort((a, b) => a.name.localeCompare(b.name));
  return [
    environmentFrom(LOCAL_ENVIRONMENT, local?.[1] ?? {}) ?? { name: LOCAL_ENVIRONMENT, variables: {} },
    ...others,
  ];
}

/** Names of an environment file's entries that are not usable environments, with why (for a warning). */
export function skippedEnvironments(raw: unknown): string[] {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return [];
  const kept = new Set(parseEnvironments(raw).map((e) => e.name));
  return Object.keys(raw).filter((name) => !kept.has(name));
}

export class EnvironmentFileError extends Error {}

function readJson(file: string): Record<string, unknown> | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new EnvironmentFileError(`cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? e})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new EnvironmentFileError(`${file} is not JSON (${(e as Error).message})`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data))
    throw new EnvironmentFileError(`${file} must hold an object of environments`);
  return data as Record<string, unknown>;
}

/**
 * The environments of an environment file, with the private file beside it
 * (`http-client.private.env.json`) merged in per environment, as httpYac does: the private
 * file holds secrets (`authToken`, `cookie_…`), the public one the base URLs.
 */
export function readEnvironmentFile(file: string): Environment[] {
  const pub = readJson(file);
  if (!pub) throw new EnvironmentFileError(`${file} does not exist`);
  const priv = readJson(path.join(path.dirname(file), PRIVATE_ENV_FILE)) ?? {};
  const merged: Record<string, unknown> = {};
  for (const name of new Set([...Object.keys(pub), ...Object.keys(priv)])) {
    const a = pub[name];
    const b = priv[name];
    merged[name] = { ...(a && typeof a === 'object' ? a : {}), ...(b && typeof b === 'object' ? b : {}) };
  }
  return parseEnvironments(merged);
}

/** The environment named `name`, or an error that lists the ones there are. */
export function pickEnvironment(environments: readonly Environment[], name: string, where: string): Environment {
  const found = environments.find((e) => e.name === name);
  if (found) return found;
  throw new EnvironmentFileError(
    `no environment "${name}" in ${where} (there: ${environments.map((e) => e.name).join(', ')}; each needs an http(s) baseUrl)`,
  );
}

/** Variables that hold credentials: sent only to the environment's own origin, never written to an export. */
export function isSecretVariable(name: string): boolean {
  return name === AUTH_TOKEN_VARIABLE || name.startsWith('cookie_');
}

/** The `{{variables}}` an environment gives a `.http` file: its own, and `baseUrl` (the server found for `local`). */
export function environmentVariables(environment: Environment, baseUrl: string): Record<string, string> {
  return { ...environment.variables, [BASE_URL_VARIABLE]: baseUrl };
}

/**
 * A request of a `.http` file in an environment: its plain variables (`{{baseUrl}}` among them)
 * and the file's own `@name = value` filled in, the file's winning. Credentials stay
 * placeholders: the send flow fills them for the environment's origin only.
 */
export function resolveInEnvironment(
  request: RequestSpec,
  fileVariables: Readonly<Record<string, string>>,
  environment: Environment,
  baseUrl: string | undefined,
): RequestSpec {
  const own = baseUrl ? environmentVariables(environment, baseUrl) : environment.variables;
  const plain = Object.fromEntries(Object.entries(own).filter(([name]) => !isSecretVariable(name)));
  return resolveSpec(request, resolveVariables({ ...plain, ...fileVariables })).spec;
}

/**
 * The key a credential of an environment is stored under: `local` keeps the plain key (what
 * was stored before environments existed), another environment gets its name appended.
 */
export function environmentKey(key: string, environment: string): string {
  return environment === LOCAL_ENVIRONMENT ? key : `${key}@${environment}`;
}

/**
 * The app's own environment for `{{$dotenv NAME}}` and `{{$processEnv NAME}}` (REST Client's
 * system variables, https://github.com/Huachao/vscode-restclient#system-variables).
 *
 * `$dotenv` reads the app's env files the way `next dev` does, through `@next/env`, the
 * library Next.js uses: `.env.development.local`, `.env.local`, `.env.development`, `.env`
 * (the first file that defines a name wins, `$VAR` references expanded;
 * https://nextjs.org/docs/app/guides/environment-variables#environment-variable-load-order).
 * `$processEnv` reads this process's environment. Values are secrets: they are filled in
 * only for sending, never written into requests, exports or logs.
 */
import { loadEnvConfig } from '@next/env';
import { DOTENV, PROCESS_ENV, variablesIn, type RequestSpec } from './model';

export { DOTENV, PROCESS_ENV, dotenvVariable } from './model';

export interface AppEnv {
  /** The value `next dev` would give `process.env[name]` from the app's env files. */
  dotenv(name: string): string | undefined;
  /** This process's environment variable. */
  processEnv(name: string): string | undefined;
  /** The env files read, in Next.js's order (relative paths). */
  readonly files: readonly string[];
}

const quiet = { info: (): void => undefined, error: (): void => undefined };

/** Puts `process.env` back exactly as it was (`loadEnvConfig` writes the files' values into it). */
function restoreProcessEnv(before: NodeJS.ProcessEnv): void {
  for (const key of Object.keys(process.env)) if (!(key in before)) delete process.env[key];
  for (const [key, value] of Object.entries(before)) if (process.env[key] !== value) process.env[key] = value;
}

/**
 * Reads the env files of the Next.js app in `appDir`, as `next dev` would. Leaves this
 * process's environment untouched (the library writes into it; it is restored at once).
 */
export function loadAppEnv(appDir: string, processEnv: NodeJS.ProcessEnv = process.env): AppEnv {
  const before = { ...process.env };
  let values: Record<string, string> = {};
  let files: string[] = [];
  try {
    const { loadedEnvFiles } = loadEnvConfig(appDir, true, quiet, true);
    files = loadedEnvFiles.map((f) => f.path);
    for (const file of [...loadedEnvFiles].reverse())
      for (const [k, v] of Object.entries(file.env)) if (v !== undefined) values = { ...values, [k]: v };
  } finally {
    restoreProcessEnv(before);
  }
  return {
    dotenv: (name) => values[name],
    processEnv: (name) => processEnv[name],
    files,
  };
}

/**
 * Values for the `{{$dotenv NAME}}` / `{{$processEnv NAME}}` placeholders in a request (keys
 * as `variablesIn` lists them). Names without a value are left out: a credential header
 * using one is then dropped, any other use reported as missing.
 */
export function envValues(spec: RequestSpec, env: AppEnv | undefined): Record<string, string> {
  if (!env) return {};
  const text = [spec.url, ...spec.headers.map(([, v]) => v), spec.body ?? ''].join('\n');
  const out: Record<string, string> = {};
  const source = appEnvSource(env);
  for (const variable of variablesIn(text)) {
    const value = source(variable);
    if (value !== undefined) out[variable] = value;
  }
  return out;
}

/** The secret values a request was filled with, to keep them out of log lines. */
export function secretValues(values: Readonly<Record<string, string>>): string[] {
  return Object.entries(values)
    .filter(([k, v]) => (k.startsWith(DOTENV) || k.startsWith(PROCESS_ENV)) && v.length >= 3)
    .map(([, v]) => v);
}

/** `{{$dotenv NAME}}` / `{{$processEnv NAME}}` as a variable source of the send flow (run.ts). */
export function appEnvSource(env: AppEnv): (variable: string) => string | undefined {
  return (variable) => {
    const [kind, name] = variable.split(' ');
    if (!name) return undefined;
    return kind === DOTENV ? env.dotenv(name) : kind === PROCESS_ENV ? env.processEnv(name) : undefined;
  };
}

/**
 * `--env <name>` and `--env-file <file>` of `request` and `sign-in`: a named target read from
 * the environment file httpYac and JetBrains' HTTP client read (`http-client.env.json`, with
 * `http-client.private.env.json` beside it for secrets), as `httpyac send --env staging` does.
 * Without --env-file, `http-client.env.json` is looked for in the current folder, then in the
 * app's root. `local` needs no file: it is the detected dev server.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  ENV_FILE,
  EnvironmentFileError,
  LOCAL_ENVIRONMENT,
  pickEnvironment,
  readEnvironmentFile,
  type Environment,
} from '../request/environments';
import { UsageError } from './io';

export const ENV_OPTIONS = {
  env: { type: 'string' },
  'env-file': { type: 'string' },
} as const;

export const ENV_USAGE = `  --env <name>           send to a named environment of the environment file: its baseUrl
                         (local: the detected dev server), its {{variables}}, and from
                         http-client.private.env.json beside it its secrets (authToken…)
  --env-file <file>      the environment file (default: http-client.env.json in the current
                         folder, else in the app's root), in httpYac's format:
                         { "staging": { "baseUrl": "https://staging.example.com" } }`;

function defaultFile(cwd: string, appDir: string | undefined): string | undefined {
  return [cwd, appDir]
    .filter((d): d is string => !!d)
    .map((d) => path.join(d, ENV_FILE))
    .find((f) => fs.existsSync(f));
}

/** The environment the options name, or undefined without --env. */
export function environmentOption(
  values: { readonly env?: string | undefined; readonly 'env-file'?: string | undefined },
  cwd: string,
  appDir: string | undefined,
): Environment | undefined {
  const name = values.env;
  if (name === undefined) {
    if (values['env-file']) throw new UsageError('--env-file needs --env <name>');
    return undefined;
  }
  const file = values['env-file'] ? path.resolve(cwd, values['env-file']) : defaultFile(cwd, appDir);
  if (!file) {
    if (name === LOCAL_ENVIRONMENT) return { name, variables: {} };
    throw new UsageError(`--env ${name}: no ${ENV_FILE} here or in the app's root; pass --env-file <file>`);
  }
  try {
    return pickEnvironment(readEnvironmentFile(file), name, path.relative(cwd, file) || file);
  } catch (e) {
    if (e instanceof EnvironmentFileError) throw new UsageError(`--env ${name}: ${e.message}`);
    throw e;
  }
}

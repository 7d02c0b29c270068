/**
 * `next-route-kit request`: the terminal host of the send flow (src/core/request/run.ts).
 * Options give what the editor asks for: --param for path params, --var / NEXT_ROUTE_KIT_TOKEN
 * for secrets, --base for the server; notices and errors go to stderr, the response to stdout.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { parseDocument } from '../ast/parse';
import { HTTP_METHODS } from '../nextjs/httpMethods';
import { ProjectIndex } from '../nextjs/project';
import { MissingParamError } from '../nextjs/routePath';
import { appEnvSource, loadAppEnv } from '../request/appEnv';
import { toHttpText } from '../request/httpFile';
import { signInHint } from '../request/signInHint';
import { inferRequests } from '../request/infer';
import { AUTH_TOKEN_VARIABLE, cookieVariable } from '../request/model';
import {
  buildTarget,
  runTarget,
  type RequestHost,
  type RunContext,
  type RunNotice,
  type SendTarget,
} from '../request/run';
import { loadCookieJar, saveCookieJar } from './cookieJarFile';
import { ENV_OPTIONS, ENV_USAGE, environmentOption } from './environmentOption';
import { EXIT, UsageError, type CliIo } from './io';

export const REQUEST_USAGE = `Usage: next-route-kit request <file>[#<METHOD>] [options]

#METHOD may be left out when the file exports one handler.

Builds the request a route handler expects (URL with basePath, path params, query keys,
JSON body skeleton, Authorization) and prints it as .http text; with --send, sends it and
prints the response.

Options:
  --param <name=value>   a path parameter (repeatable); catch-alls take a/b/c
  --query <name=value>   a query value (repeatable)
  --header <Name: value> an extra header (repeatable)
  --var <name=value>     a variable for {{name}} placeholders, e.g. authToken, or a field of
                         the inferred JSON body (title, address.city), typed like its
                         placeholder (repeatable); NEXT_ROUTE_KIT_TOKEN fills {{authToken}}
  --data <json|@file>    the body to send instead of the inferred skeleton (@file: its bytes)
  --base <url>           the server (default: .next/dev/lock, the dev script's port, PORT, 3000)
${ENV_USAGE}
  --send                 send it and print the response
  --follow               follow redirects (at most 10)
  --timeout <ms>         give up after this long (default 30000)
  --cookie-jar <file>    read cookies from this Netscape cookie file (curl's format) and
                         write the jar back after the send: a session from \`sign-in\` or a
                         login route is sent with later requests
  -h, --help

{{$dotenv NAME}} is filled from the app's .env files (next dev's order), {{$processEnv NAME}}
from the environment.

Exit codes: 0 an HTTP response (any status) or printed request; 1 network failure; 2 bad usage.`;

const TOKEN_ENV = 'NEXT_ROUTE_KIT_TOKEN';

/** The options of `request`, as node:util parseArgs takes them; a new option is a row here and a field below. */
const OPTIONS = {
  param: { type: 'string', multiple: true },
  query: { type: 'string', multiple: true },
  header: { type: 'string', multiple: true },
  var: { type: 'string', multiple: true },
  base: { type: 'string' },
  send: { type: 'boolean' },
  follow: { type: 'boolean' },
  timeout: { type: 'string' },
  data: { type: 'string' },
  'cookie-jar': { type: 'string' },
  ...ENV_OPTIONS,
  help: { type: 'boolean', short: 'h' },
} as const;

/** The command line, checked. */
export interface RequestArgs {
  /** `app/api/users/[id]/route.ts` as typed, and resolved. */
  readonly fileArg: string;
  readonly file: string;
  /** Undefined when the target has no `#METHOD`: the file's one handler is meant. */
  readonly method?: string;
  readonly params: Record<string, string>;
  readonly query: Record<string, string>;
  readonly headers: Record<string, string>;
  readonly variables: Record<string, string>;
  readonly base?: string;
  /** The body from --data (inline, or the content of @file). */
  readonly data?: string;
  readonly send: boolean;
  readonly follow: boolean;
  readonly timeoutMs: number;
  /** `--cookie-jar`, resolved. */
  readonly cookieJar?: string;
  /** `--env` and `--env-file` as given (read once the app's root is known). */
  readonly env?: string;
  readonly envFile?: string;
}

function pairs(list: string[] | undefined, flag: string, sep = '='): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of list ?? []) {
    const i = item.indexOf(sep);
    if (i <= 0) throw new UsageError(`${flag} expects name${sep}value, got "${item}"`);
    out[item.slice(0, i).trim()] = item.slice(i + 1).trim();
  }
  return out;
}

/** `<file>#<METHOD>` split and checked. */
function parseTarget(positionals: string[], cwd: string): Pick<RequestArgs, 'fileArg' | 'file' | 'method'> {
  const target = positionals[0];
  if (!target || positionals.length > 1)
    throw new UsageError('give one target: <file>[#<METHOD>], e.g. app/api/users/[id]/route.ts#GET');
  const hash = target.lastIndexOf('#');
  if (hash <= 0) return { fileArg: target, file: path.resolve(cwd, target) };
  const method = target.slice(hash + 1).toUpperCase();
  if (!(HTTP_METHODS as readonly string[]).includes(method))
    throw new UsageError(`"${method}" is not an HTTP method (${HTTP_METHODS.join(', ')})`);
  const fileArg = target.slice(0, hash);
  return { fileArg, file: path.resolve(cwd, fileArg), method };
}

function parseTimeout(value: string | undefined): number {
  const timeoutMs = value ? Number(value) : 30000;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0)
    throw new UsageError(`--timeout must be a number of milliseconds, got "${value}"`);
  return timeoutMs;
}

/** `--data '{"a":1}'` as given (JSON checked), or `--data @body.bin` read from the file. */
function parseData(value: string | undefined, cwd: string): string | undefined {
  if (value === undefined) return undefined;
  if (value.startsWith('@')) {
    try {
      return fs.readFileSync(path.resolve(cwd, value.slice(1)), 'utf8');
    } catch (e) {
      throw new UsageError(
        `--data ${value}: cannot read ${value.slice(1)} (${(e as NodeJS.ErrnoException).code ?? e})`,
      );
    }
  }
  try {
    JSON.parse(value);
  } catch (e) {
    throw new UsageError(
      `--data is not valid JSON (${(e as Error).message}); give @file to send a file's bytes as they are`,
    );
  }
  return value;
}

/** The checked command line, or undefined for --help. */
export function parseRequestArgs(args: string[], cwd: string): RequestArgs | undefined {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, strict: true, options: OPTIONS });
  if (values.help) return undefined;
  return {
    ...parseTarget(positionals, cwd),
    timeoutMs: parseTimeout(values.timeout),
    params: pairs(values.param, '--param'),
    headers: pairs(values.header, '--header', ':'),
    variables: pairs(values.var, '--var'),
    query: pairs(values.query, '--query'),
    ...(values.base ? { base: values.base } : {}),
    ...(values.data !== undefined ? { data: parseData(values.data, cwd)! } : {}),
    send: !!values.send,
    follow: !!values.follow,
    ...(values['cookie-jar'] ? { cookieJar: path.resolve(cwd, values['cookie-jar']) } : {}),
    ...(values.env !== undefined ? { env: values.env } : {}),
    ...(values['env-file'] !== undefined ? { envFile: values['env-file'] } : {}),
  };
}

/** The method of a target without `#METHOD`: the file's one exported handler. */
function theOneHandler(fileArg: string, exported: readonly string[]): string {
  if (exported.length === 1) return exported[0]!;
  throw new UsageError(
    exported.length
      ? `${fileArg} exports ${exported.join(', ')}: name one, e.g. ${fileArg}#${exported[0]}`
      : `${fileArg} exports no handlers (GET, POST, …)`,
  );
}

/** The handler the target names, inferred from its file. */
function loadTarget(args: RequestArgs): SendTarget {
  let text: string;
  try {
    text = fs.readFileSync(args.file, 'utf8');
  } catch {
    throw new UsageError(`cannot read ${args.fileArg}`);
  }
  const index = new ProjectIndex();
  const info = index.routeFile(args.file);
  if (!info) throw new UsageError(`${args.fileArg} is not an App Router route file (app/**/route.ts)`);
  const all = inferRequests(parseDocument(args.file, text), info.route, info.params, index.modules(args.file));
  const exported = all.filter((r) => !r.implicit).map((r) => r.method);
  const method = args.method ?? theOneHandler(args.fileArg, exported);
  const inferred = all.find((r) => r.method === method);
  if (!inferred) {
    const implicit = all.filter((r) => r.implicit).map((r) => r.method);
    throw new UsageError(
      `${args.fileArg} does not export ${method}; it exports ${exported.join(', ') || 'no handlers'}` +
        (implicit.length ? ` (and Next.js answers ${implicit.join(', ')} by itself)` : ''),
    );
  }
  if (args.data !== undefined && (inferred.method === 'GET' || inferred.method === 'HEAD'))
    throw new UsageError(`--data: a ${inferred.method} request carries no body`);
  return {
    inferred,
    layout: index.layoutFor(args.file),
    ...(info.routable
      ? {}
      : { neverServed: `${args.fileArg} is never served: ${info.problems.map((p) => p.message).join(' ')}` }),
  };
}

/** How a CLI user supplies a dropped credential: `Authorization` or `Cookie <name>`. */
function howToFill(dropped: string): string {
  const cookie = /^Cookie (.+)$/.exec(dropped)?.[1];
  if (cookie)
    return `pass --var ${cookieVariable(cookie)}=…, or --cookie-jar <file> holding a session from \`sign-in\` or a login request`;
  return `set ${TOKEN_ENV} or pass --var ${AUTH_TOKEN_VARIABLE}=…`;
}

function noticeText(notice: RunNotice): string | undefined {
  if (notice.kind === 'dropped')
    return notice.reason === 'no-value'
      ? `sending without ${notice.names.join(', ')} (${notice.names.map(howToFill).join('; ')})`
      : `sending without ${notice.names.join(', ')}: the secrets belong to ${notice.credentialsOrigin}, not ${notice.targetOrigin}`;
  if (notice.kind === 'advice') return notice.text;
  if (notice.kind === 'missing')
    return `no value for ${notice.variables.map((m) => `{{${m}}}`).join(', ')}: sent as written (pass --var ${notice.variables[0]}=…)`;
  return undefined;
}

/** The terminal as a host: options instead of prompts, stderr for notices, stdout for the response. */
export function cliHost(args: RequestArgs, io: CliIo, env: NodeJS.ProcessEnv): RequestHost {
  const prefix = 'next-route-kit request: ';
  return {
    words: {
      baseUrl: 'If it runs elsewhere, pass --base <url>.',
      timeout: 'Pass a longer --timeout <ms> for slow endpoints.',
      followRedirects: 'Leave out --follow to see the first redirect.',
    },
    isTrusted: () => true,
    knownParams: () => args.params,
    askParams: (missing, request) => {
      const required = missing.filter((p) => p.kind !== 'optionalCatchAll');
      if (required.length)
        throw new UsageError(
          `missing ${required.map((p) => `--param ${p.name}=…`).join(' ')} (the route is ${request.route}, in ${args.fileArg})`,
        );
      return Promise.resolve(Object.fromEntries(missing.map((p) => [p.name, ''])));
    },
    noServer: (candidates) => {
      const tried = candidates.map((c) => `${c.url} (${c.detail})`).join(', ');
      io.err(`${prefix}nothing answers at ${tried}.\nStart the dev server (\`next dev\`), or pass --base <url>.\n`);
      return Promise.resolve(undefined);
    },
    secret: (ref) => {
      const value = args.variables[ref.variable];
      return Promise.resolve(ref.kind === 'token' && !value && env[TOKEN_ENV] ? env[TOKEN_ENV] : value);
    },
    confirmOrigin: () => Promise.resolve(true),
    notice: (notice) => {
      const text = noticeText(notice);
      if (text) io.err(`${prefix}${text}\n`);
    },
    progress: (_title, work) => work(() => undefined, undefined),
    streamStarted: (headText) => io.out(headText),
    streamChunk: (text) => io.out(text),
    onResponse: async ({ text, streamed, result }) => {
      if (!streamed) io.out(text);
      const hint = signInHint(result);
      if (hint)
        io.err(
          `${prefix}${hint.message} (next-route-kit sign-in --cookie-jar <file>, then --cookie-jar <file> here)\n`,
        );
    },
    onFailure: async (error, hint) => io.err(`${prefix}${error.message}${hint ? `\n${hint}` : ''}\n`),
  };
}

function runContext(
  args: RequestArgs,
  io: CliIo,
  env: NodeJS.ProcessEnv,
  extra: Pick<RunContext, 'cookieJar' | 'variables' | 'environment'> = {},
): RunContext {
  return {
    ...extra,
    host: cliHost(args, io, env),
    settings: {
      ...(args.base ? { baseUrl: args.base } : {}),
      // --base (and an environment's baseUrl) is used as given; without --send nothing needs to answer.
      probe: args.send && !args.base && !extra.environment?.baseUrl,
      headers: args.headers,
      query: args.query,
      ...(args.data !== undefined ? { body: args.data } : {}),
      bodyFields: args.variables,
      timeoutMs: args.timeoutMs,
      followRedirects: args.follow,
      env,
    },
  };
}

/** A param that is there but empty where a value is needed (`--param path=/`) is bad usage too. */
async function usageOnMissingParam<T>(route: string, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (e) {
    if (e instanceof MissingParamError) throw new UsageError(`missing --param ${e.param}=… (the route is ${route})`);
    throw e;
  }
}

export async function requestCommand(args: string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const parsed = parseRequestArgs(args, io.cwd);
  if (!parsed) {
    io.out(REQUEST_USAGE + '\n');
    return EXIT.ok;
  }
  const target = loadTarget(parsed);
  const jar = await loadCookieJar(parsed.cookieJar);
  const appDir = target.layout?.root ?? path.dirname(parsed.file);
  const environment = environmentOption({ env: parsed.env, 'env-file': parsed.envFile }, io.cwd, appDir);
  const ctx = runContext(parsed, io, env, {
    cookieJar: jar,
    variables: [appEnvSource(loadAppEnv(appDir, env))],
    // --base wins over the environment's baseUrl; its variables and secrets still apply.
    ...(environment ? { environment: parsed.base ? { ...environment, baseUrl: parsed.base } : environment } : {}),
  });
  const route = `${target.inferred.route}, in ${parsed.fileArg}`;
  if (!parsed.send) {
    const built = await usageOnMissingParam(route, buildTarget(target, ctx));
    if (built) io.out(toHttpText(built.spec));
    return built ? EXIT.ok : EXIT.findings;
  }
  const outcome = await usageOnMissingParam(route, runTarget(target, ctx));
  await saveCookieJar(parsed.cookieJar, jar);
  return outcome.kind === 'response' ? EXIT.ok : EXIT.findings;
}

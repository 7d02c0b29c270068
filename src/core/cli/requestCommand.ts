import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { parseDocument } from '../ast/parse';
import { HTTP_METHODS } from '../nextjs/httpMethods';
import { nodeFsPort, ProjectIndex } from '../nextjs/project';
import { MissingParamError } from '../nextjs/routePath';
import { basePathHint, baseUrlCandidates } from '../request/baseUrl';
import { formatHead, formatResponse } from '../request/format';
import { inferRequests } from '../request/infer';
import { toHttpText } from '../request/httpFile';
import { AUTH_TOKEN_VARIABLE, buildRequest, prepareForSend } from '../request/model';
import { firstAnswering } from '../request/probe';
import { isStreamingResponse, RequestError, sendRequest } from '../request/send';
import { EXIT, UsageError, type CliIo } from './io';

export const REQUEST_USAGE = `Usage: next-route-kit request <file>#<METHOD> [options]

Builds the request a route handler expects (URL with basePath, path params, query keys,
JSON body skeleton, Authorization) and prints it as .http text; with --send, sends it and
prints the response.

Options:
  --param <name=value>   a path parameter (repeatable); catch-alls take a/b/c
  --query <name=value>   a query value (repeatable)
  --header <Name: value> an extra header (repeatable)
  --var <name=value>     a variable for {{name}} placeholders, e.g. authToken (repeatable);
                         NEXT_ROUTE_KIT_TOKEN fills {{authToken}}
  --base <url>           the server (default: .next/dev/lock, the dev script's port, PORT, 3000)
  --send                 send it and print the response
  --follow               follow redirects (at most 10)
  --timeout <ms>         give up after this long (default 30000)
  -h, --help

Exit codes: 0 an HTTP response (any status) or printed request; 1 network failure; 2 bad usage.`;

function pairs(list: string[] | undefined, flag: string, sep = '='): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of list ?? []) {
    const i = item.indexOf(sep);
    if (i <= 0) throw new UsageError(`${flag} expects name${sep}value, got "${item}"`);
    out[item.slice(0, i).trim()] = item.slice(i + 1).trim();
  }
  return out;
}

export async function requestCommand(args: string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      param: { type: 'string', multiple: true },
      query: { type: 'string', multiple: true },
      header: { type: 'string', multiple: true },
      var: { type: 'string', multiple: true },
      base: { type: 'string' },
      send: { type: 'boolean' },
      follow: { type: 'boolean' },
      timeout: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.out(REQUEST_USAGE + '\n');
    return EXIT.ok;
  }
  const target = positionals[0];
  if (!target || positionals.length > 1)
    throw new UsageError('give one target: <file>#<METHOD>, e.g. app/api/users/[id]/route.ts#GET');
  const hash = target.lastIndexOf('#');
  if (hash <= 0) throw new UsageError(`"${target}" needs #METHOD, e.g. ${target}#GET`);
  const file = path.resolve(io.cwd, target.slice(0, hash));
  const method = target.slice(hash + 1).toUpperCase();
  if (!(HTTP_METHODS as readonly string[]).includes(method))
    throw new UsageError(`"${method}" is not an HTTP method (${HTTP_METHODS.join(', ')})`);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`cannot read ${target.slice(0, hash)}`);
  }
  const index = new ProjectIndex();
  const info = index.routeFile(file);
  if (!info) throw new UsageError(`${target.slice(0, hash)} is not an App Router route file (app/**/route.ts)`);
  const all = inferRequests(parseDocument(file, text), info.route, info.params, index.modules(file));
  const inferred = all.find((r) => r.method === method);
  if (!inferred)
    throw new UsageError(
      `${path.basename(file)} does not export ${method}; it exports ${all.map((r) => r.method).join(', ') || 'no handlers'}`,
    );
  if (!info.routable && values.send)
    io.err(
      `next-route-kit request: ${target.slice(0, hash)} is never served (${info.problems.map((p) => p.message).join(' ')}); Next answers 404 there.\n`,
    );
  const timeoutMs = values.timeout ? Number(values.timeout) : 30000;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0)
    throw new UsageError(`--timeout must be a number of milliseconds, got "${values.timeout}"`);

  const params = pairs(values.param, '--param');
  const headers = pairs(values.header, '--header', ':');
  const variables = pairs(values.var, '--var');
  if (env['NEXT_ROUTE_KIT_TOKEN'] && !variables[AUTH_TOKEN_VARIABLE])
    variables[AUTH_TOKEN_VARIABLE] = env['NEXT_ROUTE_KIT_TOKEN'];
  const layout = index.layoutFor(file);
  const candidates = baseUrlCandidates(layout, {
    ...(values.base ? { setting: values.base } : {}),
    fs: nodeFsPort,
    env,
  });
  let base = candidates[0]!;
  if (values.send && !values.base) {
    const answering = await firstAnswering(candidates);
    if (!answering) {
      io.err(
        `next-route-kit request: nothing answers at ${candidates.map((c) => `${c.url} (${c.detail})`).join(', ')}.\nStart the dev server (\`next dev\`), or pass --base <url>.\n`,
      );
      return EXIT.findings;
    }
    base = answering;
  }
  let spec;
  try {
    spec = buildRequest(inferred, { baseUrl: base.url, params, query: pairs(values.query, '--query'), headers });
  } catch (e) {
    if (e instanceof MissingParamError)
      throw new UsageError(`missing --param ${e.param}=… (the route is ${info.route})`);
    throw e;
  }
  if (!values.send) {
    io.out(toHttpText(spec));
    return EXIT.ok;
  }
  // As in the editor: a credential header whose secret has no value is left out, not sent as `{{authToken}}`.
  const { spec: resolved, dropped, missing } = prepareForSend(spec, variables);
  if (dropped.length)
    io.err(
      `next-route-kit request: sending without ${dropped.join(', ')} (set NEXT_ROUTE_KIT_TOKEN, or pass --var ${AUTH_TOKEN_VARIABLE}=… / --var cookie_<name>=…)\n`,
    );
  if (missing.length)
    io.err(
      `next-route-kit request: no value for ${missing.map((m) => `{{${m}}}`).join(', ')}: sent as written (pass --var ${missing[0]}=…)\n`,
    );
  let streamed = false;
  try {
    const result = await sendRequest(resolved, {
      timeoutMs,
      followRedirects: !!values.follow,
      credentialsOrigin: new URL(base.url).origin,
      onHeaders: (head) => {
        if (isStreamingResponse(head)) {
          streamed = true;
          io.out(formatHead(head, resolved) + '\n');
        }
      },
      onChunk: (chunk) => {
        if (streamed) io.out(chunk);
      },
    });
    if (!streamed) io.out(formatResponse(result, resolved));
    const hint = basePathHint(result, resolved.url, layout);
    if (hint) io.err(`next-route-kit request: ${hint}\n`);
    return EXIT.ok;
  } catch (e) {
    if (e instanceof RequestError) {
      io.err(`next-route-kit request: ${e.message}${e.hint ? `\n${e.hint}` : ''}\n`);
      return EXIT.findings;
    }
    throw e;
  }
}

/**
 * `next-route-kit sign-in`: signs in to the app with its Auth.js credentials provider (the
 * fields read from its code) and keeps the session cookie in a Netscape cookie file, for
 * `request --send --cookie-jar <file>`. Field values come from --field or from
 * NEXT_ROUTE_KIT_<FIELD> (e.g. NEXT_ROUTE_KIT_PASSWORD, so a password stays out of the shell
 * history); they are never printed.
 */
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { nodeFsPort } from '../fsPort';
import { ProjectIndex } from '../nextjs/project';
import { findAuthSetup, signInWithCredentials } from '../request/authjs';
import { baseUrlCandidates } from '../request/baseUrl';
import { joinUrl } from '../request/model';
import { firstAnswering } from '../request/probe';
import { RequestError } from '../request/send';
import { loadCookieJar, saveCookieJar } from './cookieJarFile';
import { ENV_OPTIONS, ENV_USAGE, environmentOption } from './environmentOption';
import { EXIT, UsageError, type CliIo } from './io';

export const SIGN_IN_USAGE = `Usage: next-route-kit sign-in --cookie-jar <file> [options]

Signs in with the app's Auth.js (next-auth) credentials provider, as its sign-in form does
(CSRF token, then the credentials callback), and writes the session cookie to <file>
(Netscape format, like curl's). Then: next-route-kit request <route>#GET --send --cookie-jar <file>

Options:
  --cookie-jar <file>    where the session cookie goes (required)
  --field <name=value>   a credentials field (repeatable); a field not given is read from
                         NEXT_ROUTE_KIT_<NAME>, e.g. NEXT_ROUTE_KIT_PASSWORD
  --base <url>           the server (default: .next/dev/lock, the dev script's port, PORT, 3000)
${ENV_USAGE}
                         (keep one --cookie-jar file per environment: a session is the server's)
  --dir <path>           the Next.js app (default: the current folder)
  -h, --help

Exit codes: 0 signed in; 1 sign-in refused or no server; 2 bad usage or no credentials provider.`;

function fieldValues(
  list: string[] | undefined,
  names: readonly string[],
  env: NodeJS.ProcessEnv,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of list ?? []) {
    const i = item.indexOf('=');
    if (i <= 0) throw new UsageError(`--field expects name=value, got "${item.split('=')[0]}=…"`);
    out[item.slice(0, i).trim()] = item.slice(i + 1);
  }
  for (const name of names) {
    const fromEnv = env[`NEXT_ROUTE_KIT_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`];
    if (out[name] === undefined && fromEnv !== undefined) out[name] = fromEnv;
  }
  const missing = names.filter((n) => out[n] === undefined);
  if (missing.length)
    throw new UsageError(
      `no value for ${missing.join(', ')}: pass --field ${missing[0]}=… or set NEXT_ROUTE_KIT_${missing[0]!.toUpperCase()}`,
    );
  return out;
}

export async function signInCommand(args: string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      'cookie-jar': { type: 'string' },
      field: { type: 'string', multiple: true },
      base: { type: 'string' },
      dir: { type: 'string' },
      ...ENV_OPTIONS,
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.out(SIGN_IN_USAGE + '\n');
    return EXIT.ok;
  }
  if (!values['cookie-jar']) throw new UsageError('--cookie-jar <file> is required: the session cookie goes there');
  const dir = path.resolve(io.cwd, values.dir ?? '.');
  const setup = findAuthSetup(dir);
  if (!setup)
    throw new UsageError(
      `no Auth.js credentials provider found in ${dir}. For other sign-ins, send your login route with --cookie-jar, or paste the session cookie with --var cookie_<name>=…`,
    );
  const fields = fieldValues(
    values.field,
    setup.fields.map((f) => f.name),
    env,
  );
  const layout = new ProjectIndex().layoutFor(setup.file);
  const chosen = values.base ?? environmentOption(values, io.cwd, layout?.root ?? dir)?.baseUrl;
  const candidates = baseUrlCandidates(layout, { ...(chosen ? { setting: chosen } : {}), fs: nodeFsPort, env });
  const base = chosen ? candidates[0] : await firstAnswering(candidates);
  if (!base) {
    io.err(
      `next-route-kit sign-in: nothing answers at ${candidates.map((c) => c.url).join(', ')}. Start next dev, or pass --base <url>.\n`,
    );
    return EXIT.findings;
  }
  const jarFile = path.resolve(io.cwd, values['cookie-jar']);
  const jar = await loadCookieJar(jarFile);
  try {
    const appUrl = joinUrl(base.url, layout?.url.basePath ?? '');
    const result = await signInWithCredentials({ appUrl, setup, values: fields, jar });
    await saveCookieJar(jarFile, jar);
    (result.ok ? io.out : io.err)(
      `${result.ok ? '' : 'next-route-kit sign-in: '}${result.message}${result.ok ? ` Session cookie kept in ${values['cookie-jar']}.` : ''}\n`,
    );
    return result.ok ? EXIT.ok : EXIT.findings;
  } catch (e) {
    if (!(e instanceof RequestError)) throw e;
    io.err(`next-route-kit sign-in: ${e.message}${e.hint ? `\n${e.hint}` : ''}\n`);
    return EXIT.findings;
  }
}

/**
 * Where the project's dev server is: the `nextRouteKit.request.baseUrl` setting, else
 * Next 16's `.next/dev/lock` (JSON with the port, written by newer 16.x, checked for a live
 * pid), else the `dev` script's `-p/--port` (and a `PORT=` prefix, `--experimental-https`),
 * else `PORT` from the environment, else 3000 (docs/nextjs-behaviour.md, "Dev server port").
 */
import * as path from 'node:path';
import type { FsPort, ProjectLayout } from '../nextjs/project';

export type BaseUrlSource = 'setting' | 'dev lock' | 'dev script' | 'PORT' | 'default';

export interface BaseUrlCandidate {
  readonly url: string;
  readonly source: BaseUrlSource;
  /** Why this candidate: shown when nothing answers. */
  readonly detail: string;
}

export interface DevScriptInfo {
  readonly port?: number;
  readonly hostname?: string;
  readonly https: boolean;
}

/** Reads `next dev` options from a package.json script: `-p 4000`, `--port=4000`, `PORT=4000 next dev`, `--experimental-https`. */
export function parseDevScript(script: string | undefined): DevScriptInfo {
  if (!script) return { https: false };
  const https = /--experimental-https\b/.test(script);
  let port: number | undefined;
  const flag = /(?:^|\s)(?:-p|--port)(?:\s+|=)(\d{2,5})\b/.exec(script);
  if (flag) port = Number(flag[1]);
  else {
    const env = /(?:^|\s|cross-env\s+)PORT=(\d{2,5})\b/.exec(script);
    if (env) port = Number(env[1]);
  }
  const host = /(?:^|\s)(?:-H|--hostname)(?:\s+|=)([\w.:-]+)/.exec(script);
  return { https, ...(port ? { port } : {}), ...(host ? { hostname: host[1] } : {}) };
}

function localHost(hostname: string | undefined): string {
  return !hostname || hostname === '0.0.0.0' || hostname === '::' ? 'localhost' : hostname;
}

export interface DetectOptions {
  readonly setting?: string;
  readonly fs: FsPort;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Whether a process id is alive (default: `process.kill(pid, 0)`). */
  readonly isPidAlive?: (pid: number) => boolean;
}

function defaultIsPidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Candidate base URLs, best first. */
export function baseUrlCandidates(layout: ProjectLayout | undefined, options: DetectOptions): BaseUrlCandidate[] {
  if (options.setting)
    return [{ url: options.setting.replace(/\/+$/, ''), source: 'setting', detail: 'nextRouteKit.request.baseUrl' }];
  const out: BaseUrlCandidate[] = [];
  const add = (c: BaseUrlCandidate): void => {
    if (!out.some((x) => x.url === c.url)) out.push(c);
  };
  const script = parseDevScript(layout?.packageJson?.scripts['dev']);
  const scheme = script.https ? 'https' : 'http';
  if (layout) {
    const lock = options.fs.readFile(path.join(layout.root, '.next', 'dev', 'lock'));
    if (lock) {
      try {
        const info = JSON.parse(lock) as { pid?: unknown; port?: unknown; hostname?: unknown; appUrl?: unknown };
        const alive = typeof info.pid === 'number' ? (options.isPidAlive ?? defaultIsPidAlive)(info.pid) : true;
        if (alive) {
          if (typeof info.appUrl === 'string' && /^https?:\/\//.test(info.appUrl))
            add({
              url: info.appUrl.replace(/\/+$/, ''),
              source: 'dev lock',
              detail: `.next/dev/lock (pid ${String(info.pid)})`,
            });
          else if (typeof info.port === 'number')
            add({
              url: `${scheme}://${localHost(typeof info.hostname === 'string' ? info.hostname : undefined)}:${info.port}`,
              source: 'dev lock',
              detail: '.next/dev/lock',
            });
        }
      } catch {
        // 16.0 writes an empty lock file; nothing to read.
      }
    }
  }
  if (script.port)
    add({
      url: `${scheme}://${localHost(script.hostname)}:${script.port}`,
      source: 'dev script',
      detail: `"dev": "${layout?.packageJson?.scripts['dev'] ?? ''}"`,
    });
  const envPort = options.env?.['PORT'];
  if (envPort && /^\d{2,5}$/.test(envPort))
    add({ url: `${scheme}://localhost:${envPort}`, source: 'PORT', detail: `PORT=${envPort}` });
  add({ url: `${scheme}://localhost:3000`, source: 'default', detail: 'the default port' });
  return out;
}

/** Loopback hosts: requests there need no extra confirmation. */
export function isLoopbackUrl(url: string): boolean {
  try {
    return isLoopbackHost(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** A host name (brackets allowed around IPv6) that resolves to this machine. */
export function isLoopbackHost(hostname: string | undefined): boolean {
  const host = (hostname ?? '').replace(/^\[|\]$/g, '').toLowerCase();
  return (
    host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '::1' || host === '0.0.0.0'
  );
}

/**
 * Why Next answered a 404 page (HTML) where a route handler was expected, when basePath is
 * the likely cause: the URL lacks the app's basePath, or next.config computes basePath and
 * it could only be guessed (or was taken from a routes manifest that may be stale).
 * Undefined for any other answer. See
 * https://nextjs.org/docs/app/api-reference/config/next-config-js/basePath.
 */
export function basePathHint(
  answer: { readonly status: number; readonly contentType?: string },
  url: string,
  layout: Pick<ProjectLayout, 'url' | 'basePathSource'> | undefined,
): string | undefined {
  if (answer.status !== 404 || !/^text\/html\b/i.test(answer.contentType ?? '') || !layout) return undefined;
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const basePath = layout.url.basePath.replace(/\/+$/, '');
  if (basePath && pathname !== basePath && !pathname.startsWith(basePath + '/'))
    return `Next answered its 404 page: ${pathname} lacks the app's basePath ${basePath} (every route is served under it).`;
  if (layout.basePathSource === 'unknown')
    return 'Next answered its 404 page. next.config computes basePath, which cannot be read without running it, and no .next/routes-manifest.json says it yet: start `next dev` once (it writes the manifest), or put the prefix in the base URL.';
  if (layout.basePathSource === 'routes-manifest')
    return `Next answered its 404 page. basePath ${basePath || '(none)'} was read from .next/routes-manifest.json (next.config computes it); if it changed, restart \`next dev\`.`;
  return undefined;
}

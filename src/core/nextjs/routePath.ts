/**
 * The URL side of the route model: from the folders between `app/` and `route.ts` to the
 * URL pattern Next.js serves. Pure string logic (no fs, no parser) so that the editor can
 * use it at activation without loading anything heavy.
 *
 * Mirrors `normalizeAppPath` (packages/next/src/shared/lib/router/utils/app-paths.ts):
 * groups `(x)` and slots `@x` are dropped; plus the documented private-folder rules.
 */

export type ParamKind = 'single' | 'catchAll' | 'optionalCatchAll';

export interface RouteParam {
  readonly name: string;
  readonly kind: ParamKind;
}

/** The param's member in a `params` type: `id: string`, `slug: string[]`, `slug?: string[]`. */
export function paramTypeMember(param: RouteParam): string {
  const name = /^[A-Za-z_$][\w$]*$/.test(param.name) ? param.name : `'${param.name.replace(/['\\]/g, '\\$&')}'`;
  return param.kind === 'single'
    ? `${name}: string`
    : param.kind === 'catchAll'
      ? `${name}: string[]`
      : `${name}?: string[]`;
}

export type RouteProblemKind = 'private-folder' | 'parallel-slot' | 'intercepting-segment';

export interface RouteProblem {
  readonly kind: RouteProblemKind;
  /** The folder name as written, e.g. `_lib`, `@modal`, `(.)photo`. */
  readonly segment: string;
  readonly message: string;
}

export interface UrlConfig {
  /** `basePath` from next.config, '' when unset. */
  readonly basePath: string;
  readonly trailingSlash: boolean;
}

export const DEFAULT_URL_CONFIG: UrlConfig = { basePath: '', trailingSlash: false };

export interface RoutePath {
  /** URL pattern without basePath: `/api/users/[id]`. */
  readonly pathname: string;
  /** URL pattern as served: basePath + pathname (+ `/` with trailingSlash). */
  readonly route: string;
  readonly params: readonly RouteParam[];
  /** False when Next.js never serves this file (see `problems`). */
  readonly routable: boolean;
  readonly problems: readonly RouteProblem[];
}

export type SegmentInfo =
  | { readonly type: 'static'; readonly value: string }
  | { readonly type: 'param'; readonly param: RouteParam }
  | { readonly type: 'group' }
  | { readonly type: 'slot' }
  | { readonly type: 'private' }
  | { readonly type: 'intercepting'; readonly value: string };

const INTERCEPTING = /^(\(\.{1,3}\))+/;

export function classifySegment(segment: string): SegmentInfo {
  if (INTERCEPTING.test(segment)) return { type: 'intercepting', value: segment };
  if (segment.startsWith('(') && segment.endsWith(')')) return { type: 'group' };
  if (segment.startsWith('@')) return { type: 'slot' };
  if (segment.startsWith('_')) return { type: 'private' };
  let m = /^\[\[\.\.\.([^\]]+)\]\]$/.exec(segment);
  if (m) return { type: 'param', param: { name: m[1]!, kind: 'optionalCatchAll' } };
  m = /^\[\.\.\.([^\]]+)\]$/.exec(segment);
  if (m) return { type: 'param', param: { name: m[1]!, kind: 'catchAll' } };
  m = /^\[([^\]]+)\]$/.exec(segment);
  if (m) return { type: 'param', param: { name: m[1]!, kind: 'single' } };
  // `%5F` is the documented escape for a literal leading underscore.
  return { type: 'static', value: segment.replace(/%5f/gi, '_') };
}

/**
 * @param segments the folder names between the app directory and the route file,
 *   e.g. `['(shop)', 'api', 'users', '[id]']`.
 */
export function routePathFromSegments(segments: readonly string[], config: UrlConfig = DEFAULT_URL_CONFIG): RoutePath {
  const parts: string[] = [];
  const params: RouteParam[] = [];
  const problems: RouteProblem[] = [];
  for (const segment of segments) {
    if (segment === '') continue;
    const info = classifySegment(segment);
    switch (info.type) {
      case 'group':
        break;
      case 'slot':
        problems.push({
          kind: 'parallel-slot',
          segment,
          message: `\`${segment}\` is a parallel-route slot: route handlers inside slots are not a documented Next.js feature.`,
        });
        break;
      case 'private':
        problems.push({
          kind: 'private-folder',
          segment,
          message: `\`${segment}\` is a private folder: Next.js never routes it or anything below it. Rename it to \`%5F${segment.slice(1)}\` for a literal underscore in the URL.`,
        });
        parts.push(segment);
        break;
      case 'intercepting':
        problems.push({
          kind: 'intercepting-segment',
          segment,
          message: `\`${segment}\` is an intercepting segment: interception applies to client navigation only, never to a fetched route handler.`,
        });
        parts.push(segment);
        break;
      case 'param':
        params.push(info.param);
        parts.push(
          info.param.kind === 'single'
            ? `[${info.param.name}]`
            : info.param.kind === 'catchAll'
              ? `[...${info.param.name}]`
              : `[[...${info.param.name}]]`,
        );
        break;
      case 'static':
        parts.push(info.value);
        break;
    }
  }
  const pathname = '/' + parts.join('/');
  return {
    pathname,
    route: applyUrlConfig(pathname, config),
    params,
    routable: !problems.some((p) => p.kind === 'private-folder'),
    problems,
  };
}

/** basePath + pathname, with the canonical trailing slash so the dev server does not redirect. */
export function applyUrlConfig(pathname: string, config: UrlConfig): string {
  const base = normalizeBasePath(config.basePath);
  let url = pathname === '/' ? base || '/' : base + pathname;
  if (config.trailingSlash && !url.endsWith('/') && !isTrailingSlashExempt(url)) url += '/';
  return url;
}

export function normalizeBasePath(basePath: string): string {
  if (!basePath || basePath === '/') return '';
  const withSlash = basePath.startsWith('/') ? basePath : '/' + basePath;
  return withSlash.replace(/\/+$/, '');
}

/** `trailingSlash` never applies to URLs with a file extension or under `.well-known/`. */
function isTrailingSlashExempt(url: string): boolean {
  if (url.includes('/.well-known/')) return true;
  const last = url.slice(url.lastIndexOf('/') + 1);
  return /\.[A-Za-z0-9]+$/.test(last) && !last.startsWith('[');
}

export type ParamValues = Readonly<Record<string, string | readonly string[] | undefined>>;

export class MissingParamError extends Error {
  constructor(readonly param: string) {
    super(`No value for the path parameter \`${param}\`.`);
  }
}

/**
 * Fills a route pattern with values. Catch-all values may be arrays or `a/b` strings;
 * an empty optional catch-all drops its segment. Values are percent-encoded per segment.
 */
export function fillRoute(route: string, values: ParamValues): string {
  const segments = route.split('/');
  const out: string[] = [];
  for (const segment of segments) {
    const info = /^\[/.test(segment) ? classifySegment(segment) : undefined;
    if (!info || info.type !== 'param') {
      out.push(segment);
      continue;
    }
    const { name, kind } = info.param;
    const raw = values[name];
    const list = (Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split('/') : []).filter(
      (v: string) => v !== '',
    );
    if (list.length === 0) {
      if (kind === 'optionalCatchAll') continue;
      throw new MissingParamError(name);
    }
    const encoded = kind === 'single' ? [list.join('/')] : list;
    out.push(encoded.map((v) => encodeURIComponent(v)).join('/'));
  }
  const joined = out.join('/');
  if (joined === '') return '/';
  // A dropped optional catch-all at the end keeps the trailing slash only if the route had one.
  return route.endsWith('/') && !joined.endsWith('/') ? joined + '/' : joined;
}

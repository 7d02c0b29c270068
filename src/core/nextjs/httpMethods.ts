/** HTTP methods a Next.js route handler may export (packages/next/src/server/web/http.ts). */
export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** Route segment config exports that `next build` accepts in a route file (docs/nextjs-behaviour.md, "Route segment config"). */
export const SEGMENT_CONFIG_EXPORTS = [
  'dynamic',
  'dynamicParams',
  'revalidate',
  'fetchCache',
  'runtime',
  'preferredRegion',
  'maxDuration',
] as const;
export type SegmentConfigName = (typeof SEGMENT_CONFIG_EXPORTS)[number];

/**
 * Other names the build's route type check (NextTypesPlugin) accepts:
 * `generateStaticParams`, plus `config` and `unstable_prefetch`, which it tolerates.
 */
export const OTHER_VALID_ROUTE_EXPORTS = ['generateStaticParams', 'config', 'unstable_prefetch'] as const;

/** Methods whose requests cannot carry a body (the Fetch standard forbids one). */
export const BODYLESS_METHODS: ReadonlySet<HttpMethod> = new Set(['GET', 'HEAD']);

export function isHttpMethod(name: string): name is HttpMethod {
  return (HTTP_METHODS as readonly string[]).includes(name);
}

export function isSegmentConfigName(name: string): name is SegmentConfigName {
  return (SEGMENT_CONFIG_EXPORTS as readonly string[]).includes(name);
}

export function isValidRouteExportName(name: string): boolean {
  return (
    isHttpMethod(name) || isSegmentConfigName(name) || (OTHER_VALID_ROUTE_EXPORTS as readonly string[]).includes(name)
  );
}

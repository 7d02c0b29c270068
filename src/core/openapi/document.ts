/**
 * An OpenAPI 3.1 document for a Next.js project's App Router route handlers, built from the
 * route model (src/core/nextjs/*) and the request inference (src/core/request/infer.ts), the
 * same sources as the ▶ Send lens. `servers` carries the basePath; paths are the URL
 * patterns below it (`[id]` → `{id}`, an optional catch-all gives a path with and one
 * without the segment); groups and private folders are handled as the route model does.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from '../ast/parse';
import { findRouteFileCandidates, type WalkError } from '../files';
import { HTTP_METHODS, type HttpMethod } from '../nextjs/httpMethods';
import { ModuleFollower } from '../nextjs/imports';
import type { ModuleGraph } from '../nextjs/modules';
import { ProjectIndex, type ProjectLayout, type RouteFile } from '../nextjs/project';
import type { RouteParam } from '../nextjs/routePath';
import { inferDetails, type InferenceDetails } from '../request/infer';
import { resolveHandlers, type ResolvedHandler } from '../routes';
import { querySchema } from './query';
import { requestBody, type RequestBodyObject } from './requestBody';
import { responsesOf, type ResponseObject } from './responses';
import { Components, type JsonSchema } from './schema';

export interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  description?: string;
  schema: JsonSchema;
}

export interface OperationObject {
  operationId: string;
  summary: string;
  description: string;
  tags?: string[];
  parameters?: ParameterObject[];
  requestBody?: RequestBodyObject;
  responses: Record<string, ResponseObject>;
  security?: Array<Record<string, string[]>>;
}

export type SecurityScheme =
  { type: 'http'; scheme: 'bearer' } | { type: 'apiKey'; in: 'cookie'; name: string; description?: string };

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description?: string };
  servers: Array<{ url: string }>;
  paths: Record<string, Partial<Record<Lowercase<HttpMethod>, OperationObject>>>;
  components?: { schemas?: Record<string, JsonSchema>; securitySchemes?: Record<string, SecurityScheme> };
}

export interface OpenApiResult {
  readonly document: OpenApiDocument;
  /** The project the document describes (its package.json / next.config folder). */
  readonly root?: string;
  /** Other projects found below the folder (a monorepo): the document covers only `root`. */
  readonly otherRoots: readonly string[];
  readonly errors: readonly WalkError[];
  /** Route files that are never served (private folders, slots): left out of the document. */
  readonly skipped: readonly RouteFile[];
  /** next.config keys that are not literals (a computed `basePath` makes `servers` unknown). */
  readonly unreadableConfig: readonly string[];
}

const SECURITY_COOKIE = /sess|token|auth|jwt|sid$|^sid|login|credential/i;
const BEARER = 'bearerAuth';

/** OpenAPI path templates for a route: `/api/users/{id}`; two for an optional catch-all. */
export function openApiPaths(info: RouteFile, trailingSlash: boolean): string[] {
  const withSegment = info.pathname.replace(
    /\[\[\.\.\.([^\]]+)\]\]|\[\.\.\.([^\]]+)\]|\[([^\]]+)\]/g,
    (_m, a, b, c) => `{${a ?? b ?? c}}`,
  );
  const paths = [withSegment];
  const optional = info.params.find((p) => p.kind === 'optionalCatchAll');
  if (optional) paths.unshift(withSegment.replace(new RegExp(`/\\{${escapeRegExp(optional.name)}\\}$`), '') || '/');
  const slash = (p: string): string => (trailingSlash && p !== '/' ? `${p}/` : p);
  return paths.map(slash);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function words(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

/** `get` + `/api/users/{id}` → `getApiUsersById`. */
export function operationIdFor(method: HttpMethod, pathTemplate: string): string {
  const parts = pathTemplate
    .split('/')
    .filter(Boolean)
    .map((s) => (/^\{.+\}$/.test(s) ? `By${words(s.slice(1, -1))}` : words(s)));
  return method.toLowerCase() + (parts.join('') || 'Root');
}

function headerName(lower: string): string {
  return lower.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());
}

function pathParameter(param: RouteParam): ParameterObject {
  const description =
    param.kind === 'single'
      ? undefined
      : `${param.kind === 'catchAll' ? 'One or more' : 'Any number of'} path segments (\`[${param.kind === 'catchAll' ? '' : '['}...${param.name}]${param.kind === 'catchAll' ? '' : ']'}\`), e.g. \`a/b/c\``;
  return {
    name: param.name,
    in: 'path',
    required: true,
    ...(description ? { description } : {}),
    schema: { type: 'string' },
  };
}

function parametersOf(details: InferenceDetails, params: readonly RouteParam[]): ParameterObject[] {
  const r = details.request;
  const out: ParameterObject[] = params.map(pathParameter);
  for (const key of r.query)
    out.push({ name: key, in: 'query', schema: querySchema(details.queryCalls.get(key) ?? []) });
  for (const h of r.headers) out.push({ name: headerName(h), in: 'header', schema: { type: 'string' } });
  for (const c of r.cookies)
    if (!SECURITY_COOKIE.test(c)) out.push({ name: c, in: 'cookie', schema: { type: 'string' } });
  return out;
}

function cookieSchemeName(cookie: string): string {
  return `${cookie.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c?: string) => (c ? c.toUpperCase() : ''))}Cookie`;
}

/** Where the handler's code is: the route file, and the module it is re-exported from. */
function handlerPlace(handler: ResolvedHandler, info: RouteFile, layout: ProjectLayout): string {
  const rel = (file: string): string => `\`${path.relative(layout.root, file).split(path.sep).join('/')}\``;
  return handler.definedIn && handler.definedIn !== info.file
    ? `${rel(info.file)} (code in ${rel(handler.definedIn)})`
    : rel(info.file);
}

interface Builder {
  readonly graph: ModuleGraph | undefined;
  readonly components: Components;
  readonly securitySchemes: Record<string, SecurityScheme>;
  readonly operationIds: Set<string>;
  readonly document: OpenApiDocument;
}

function securityOf(details: InferenceDetails, b: Builder): Array<Record<string, string[]>> {
  const out: Array<Record<string, string[]>> = [];
  if (details.request.auth) {
    b.securitySchemes[BEARER] = { type: 'http', scheme: 'bearer' };
    out.push({ [BEARER]: [] });
  }
  for (const c of details.request.cookies.filter((c) => SECURITY_COOKIE.test(c))) {
    const name = cookieSchemeName(c);
    b.securitySchemes[name] = { type: 'apiKey', in: 'cookie', name: c };
    out.push({ [name]: [] });
  }
  return out;
}

function uniqueId(id: string, taken: Set<string>): string {
  let candidate = id;
  for (let i = 2; taken.has(candidate); i++) candidate = `${id}${i}`;
  taken.add(candidate);
  return candidate;
}

function operationFor(
  handler: ResolvedHandler,
  info: RouteFile,
  layout: ProjectLayout,
  pathTemplate: string,
  b: Builder,
): OperationObject {
  // The app's own modules are followed as the lens follows them (re-exports, imported helpers and schemas).
  const follower = b.graph ? new ModuleFollower(b.graph) : undefined;
  b.components.follow = follower ? (id) => follower.imported(id)?.export.initializer : undefined;
  const details = inferDetails(handler, info.route, info.params, follower);
  const params = info.params.filter((p) => pathTemplate.includes(`{${p.name}}`));
  const parameters = parametersOf(details, params);
  const body = requestBody(details, b.components);
  const security = securityOf(details, b);
  const paramKinds = new Map(
    info.params.map((p) => [p.name, p.kind === 'single' ? ('string' as const) : ('array' as const)]),
  );
  const tag = info.pathname.split('/').find((s) => s && s !== 'api' && !s.startsWith('['));
  return {
    operationId: uniqueId(operationIdFor(handler.method, pathTemplate), b.operationIds),
    summary: `${handler.method} ${info.route}`,
    description: `Handler: ${handlerPlace(handler, info, layout)}`,
    ...(tag ? { tags: [tag] } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(body ? { requestBody: body } : {}),
    responses: responsesOf(handler, { components: b.components, params: paramKinds }, follower),
    ...(security.length ? { security } : {}),
  };
}

function readPackageInfo(root: string): { name?: string; version?: string } {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
    return {
      ...(typeof pkg['name'] === 'string' ? { name: pkg['name'] } : {}),
      ...(typeof pkg['version'] === 'string' ? { version: pkg['version'] } : {}),
    };
  } catch {
    return {};
  }
}

function addRouteFile(info: RouteFile, layout: ProjectLayout, b: Builder, errors: WalkError[]): void {
  let text: string;
  try {
    text = fs.readFileSync(info.file, 'utf8');
  } catch (e) {
    errors.push({ path: info.file, message: (e as NodeJS.ErrnoException).code ?? String(e) });
    return;
  }
  const handlers = resolveHandlers(parseDocument(info.file, text), b.graph);
  for (const pathTemplate of openApiPaths(info, layout.url.trailingSlash)) {
    const item = (b.document.paths[pathTemplate] ??= {});
    for (const method of HTTP_METHODS) {
      const handler = handlers.find((h) => h.method === method);
      const key = method.toLowerCase() as Lowercase<HttpMethod>;
      if (handler && !item[key]) item[key] = operationFor(handler, info, layout, pathTemplate, b);
    }
  }
}

function sortedRecord<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Route files below `dir` by project root, in a stable order. */
function routeFilesByRoot(dir: string, index: ProjectIndex, errors: WalkError[]): Map<string, RouteFile[]> {
  const byRoot = new Map<string, RouteFile[]>();
  for (const file of findRouteFileCandidates(dir, errors)) {
    const info = index.routeFile(file);
    const root = info && index.layoutFor(file)?.root;
    if (!info || !root) continue;
    byRoot.set(root, [...(byRoot.get(root) ?? []), info]);
  }
  for (const list of byRoot.values())
    list.sort((a, b) => (a.route < b.route ? -1 : a.route > b.route ? 1 : a.file < b.file ? -1 : 1));
  return byRoot;
}

/** Builds the document for the Next.js project at (or below) `dir`. */
export function buildOpenApi(dir: string, index = new ProjectIndex()): OpenApiResult {
  const errors: WalkError[] = [];
  const byRoot = routeFilesByRoot(dir, index, errors);
  const roots = [...byRoot.keys()].sort();
  const root = roots.includes(path.resolve(dir)) ? path.resolve(dir) : roots[0];
  const files = root ? byRoot.get(root)! : [];
  const layout = files[0] && index.layoutFor(files[0].file);
  const pkg = root ? readPackageInfo(root) : {};
  const b: Builder = {
    graph: files[0] && index.modules(files[0].file),
    components: new Components(),
    securitySchemes: {},
    operationIds: new Set(),
    document: {
      openapi: '3.1.0',
      info: { title: pkg.name ?? 'Next.js route handlers', version: pkg.version ?? '0.0.0' },
      servers: [{ url: layout?.url.basePath || '/' }],
      paths: {},
    },
  };
  const skipped = files.filter((f) => !f.routable);
  for (const info of files) if (info.routable && layout) addRouteFile(info, layout, b, errors);
  const document = b.document;
  document.paths = sortedRecord(document.paths);
  const schemas = sortedRecord(b.components.schemas);
  const securitySchemes = sortedRecord(b.securitySchemes);
  if (Object.keys(schemas).length || Object.keys(securitySchemes).length)
    document.components = {
      ...(Object.keys(schemas).length ? { schemas } : {}),
      ...(Object.keys(securitySchemes).length ? { securitySchemes } : {}),
    };
  return {
    document,
    ...(root ? { root } : {}),
    otherRoots: roots.filter((r) => r !== root),
    errors,
    skipped,
    unreadableConfig: layout?.unreadableConfig ?? [],
  };
}

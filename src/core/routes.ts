/**
 * Route listing shared by `next-route-kit routes`, the workspace views, the code lenses and
 * the request inference: which methods a route file answers. That is its exported handlers
 * (also those it re-exports: `export { GET } from './x'`, `export * from '../route'`, found
 * in the module they point to), plus the two Next.js implements by itself: HEAD wherever GET
 * is exported, and OPTIONS (204 with `Allow`) wherever it is not (packages/next/src/server/
 * route-modules/app-route/helpers/auto-implement-methods.ts).
 */
import * as fs from 'node:fs';
import * as ts from 'typescript';
import { parseDocument, type ParsedDocument } from './ast/parse';
import { findRouteFileCandidates, type WalkError, type WalkSeen } from './files';
import { findHandlers, findRouteExports, type HandlerExport } from './nextjs/exports';
import type { HttpMethod } from './nextjs/httpMethods';
import { HTTP_METHODS, isHttpMethod } from './nextjs/httpMethods';
import { ModuleFollower } from './nextjs/imports';
import type { ModuleGraph } from './nextjs/modules';
import { PROJECT_MARKER_FILES, ProjectIndex, type RouteFile } from './nextjs/project';
import type { RouteParam, RouteProblem } from './nextjs/routePath';

/** A handler, possibly defined in another module than the route file (a re-export). */
export interface ResolvedHandler extends HandlerExport {
  /** The file whose code `fn` is, when not the route file. */
  readonly definedIn?: string;
}

interface HandlerMemo {
  graph: ModuleGraph;
  stamps: ReadonlyMap<string, string | undefined>;
  value: readonly ResolvedHandler[];
}

/**
 * The route file's handlers with re-exports followed into the app's own modules. Without
 * a module graph (or when a re-export leads to a dependency or a missing file), a named
 * re-export is still a handler, without code; `export *` then yields nothing.
 */
export function resolveHandlers(doc: ParsedDocument, graph?: ModuleGraph): readonly ResolvedHandler[] {
  if (!graph) return findHandlers(doc);
  const holder = doc.memo('routes:resolvedHandlers', () => ({ memo: undefined as HandlerMemo | undefined }));
  const cached = holder.memo;
  if (cached && cached.graph === graph && graph.unchanged(cached.stamps)) return cached.value;
  const follower = new ModuleFollower(graph);
  const value = computeResolvedHandlers(doc, follower);
  holder.memo = { graph, stamps: follower.stamps, value };
  return value;
}

function computeResolvedHandlers(doc: ParsedDocument, follower: ModuleFollower): ResolvedHandler[] {
  const out: ResolvedHandler[] = [];
  const stars: HandlerExport[] = [];
  for (const e of findRouteExports(doc)) {
    if (e.form === 'star') {
      if (ts.isExportDeclaration(e.statement)) stars.push(e as HandlerExport);
      continue;
    }
    if (!e.method) continue;
    const handler = e as HandlerExport;
    if (handler.fn) {
      out.push(handler);
      continue;
    }
    const found = follower.exportOf(doc, handler.name);
    out.push(found && found.doc !== doc ? withCode(handler, found.export, found.doc.fileName) : handler);
  }
  const named = new Set(out.map((h) => h.method));
  for (const star of stars) {
    for (const found of follower.starExports(doc, star.statement as ts.ExportDeclaration)) {
      const method = found.export.name;
      if (!isHttpMethod(method) || named.has(method)) continue;
      named.add(method);
      out.push(withCode({ ...star, name: method, method, isValidName: true }, found.export, found.doc.fileName));
    }
  }
  return out;
}

/** The route file's export (where lenses and messages hang) with the code of the export it leads to. */
function withCode(
  at: HandlerExport,
  code: { fn?: HandlerExport['fn']; wrapper?: ts.CallExpression; initializer?: ts.Expression },
  file: string,
): ResolvedHandler {
  const { fn: _fn, wrapper: _wrapper, initializer: _initializer, ...rest } = at;
  return {
    ...rest,
    ...(code.fn ? { fn: code.fn } : {}),
    ...(code.wrapper ? { wrapper: code.wrapper } : {}),
    ...(code.initializer ? { initializer: code.initializer } : {}),
    definedIn: file,
  };
}

/** Methods Next.js answers without an export: HEAD when GET is exported, OPTIONS when it is not exported. */
export function implicitMethods(exported: readonly HttpMethod[]): HttpMethod[] {
  const out: HttpMethod[] = [];
  if (exported.includes('GET') && !exported.includes('HEAD')) out.push('HEAD');
  if (!exported.includes('OPTIONS')) out.push('OPTIONS');
  return out;
}

/** The `Allow` header of Next's own OPTIONS answer: every method answered, sorted. */
export function allowHeader(exported: readonly HttpMethod[]): string {
  return [...new Set([...exported, ...implicitMethods(exported), 'OPTIONS'])].sort().join(', ');
}

export interface RouteEntry {
  readonly file: string;
  /** URL pattern with basePath, e.g. `/docs/api/users/[id]`. */
  readonly route: string;
  /** Exported handlers (re-exports included), ordered as HTTP_METHODS. */
  readonly methods: readonly HttpMethod[];
  /** Methods Next.js answers by itself (HEAD for GET, OPTIONS), ordered as HTTP_METHODS. */
  readonly implicitMethods: readonly HttpMethod[];
  readonly params: readonly RouteParam[];
  readonly routable: boolean;
  readonly problems: readonly RouteProblem[];
  readonly parseErrors: number;
}

export interface RouteListing {
  readonly routes: readonly RouteEntry[];
  readonly errors: readonly WalkError[];
}

/** Methods a parsed route file exports, ordered as HTTP_METHODS, without duplicates. */
export function exportedMethods(doc: ParsedDocument, graph?: ModuleGraph): HttpMethod[] {
  const found = new Set(resolveHandlers(doc, graph).map((h) => h.method));
  return HTTP_METHODS.filter((m) => found.has(m));
}

export function routeEntry(info: RouteFile, doc: ParsedDocument, graph?: ModuleGraph): RouteEntry {
  const methods = exportedMethods(doc, graph);
  return {
    file: info.file,
    route: info.route,
    methods,
    implicitMethods: methods.length ? implicitMethods(methods) : [],
    params: info.params,
    routable: info.routable,
    problems: info.problems,
    parseErrors: doc.parseErrors.length,
  };
}

/**
 * findRouteFileCandidates that also tells `index` which of the folders it listed are project
 * roots, so finding each file's project root asks the disk nothing more (10,000 route
 * folders were 60,000 stat calls).
 */
export function walkRouteFiles(dir: string, index: ProjectIndex, errors: WalkError[] = []): string[] {
  const seen: WalkSeen = { names: new Set(PROJECT_MARKER_FILES), folders: new Set(), found: [] };
  const files = findRouteFileCandidates(dir, errors, seen);
  index.knowProjectMarkers(seen.found, (folder) => seen.folders.has(folder));
  return files;
}

/** Lists every App Router route below `dir` (which may be a project, a monorepo, or a folder inside one). */
export function listRoutes(dir: string, index = new ProjectIndex()): RouteListing {
  const errors: WalkError[] = [];
  const routes: RouteEntry[] = [];
  for (const file of walkRouteFiles(dir, index, errors)) {
    const info = index.routeFile(file);
    if (!info) continue;
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      errors.push({ path: file, message: (e as NodeJS.ErrnoException).code ?? String(e) });
      continue;
    }
    routes.push(routeEntry(info, parseDocument(file, text), index.modules(file)));
  }
  routes.sort((a, b) => (a.route < b.route ? -1 : a.route > b.route ? 1 : a.file < b.file ? -1 : 1));
  return { routes, errors };
}

/** Route listing shared by `next-route-kit routes`, the workspace Quick Pick and exports. */
import * as fs from 'node:fs';
import { parseDocument, type ParsedDocument } from './ast/parse';
import { findRouteFileCandidates, type WalkError } from './files';
import { findHandlers } from './nextjs/exports';
import type { HttpMethod } from './nextjs/httpMethods';
import { HTTP_METHODS } from './nextjs/httpMethods';
import { ProjectIndex, type RouteFile } from './nextjs/project';
import type { RouteParam, RouteProblem } from './nextjs/routePath';

export interface RouteEntry {
  readonly file: string;
  /** URL pattern with basePath, e.g. `/docs/api/users/[id]`. */
  readonly route: string;
  /** Exported handlers, in the file's order. */
  readonly methods: readonly HttpMethod[];
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
export function exportedMethods(doc: ParsedDocument): HttpMethod[] {
  const found = new Set(findHandlers(doc).map((h) => h.method));
  return HTTP_METHODS.filter((m) => found.has(m));
}

export function routeEntry(info: RouteFile, doc: ParsedDocument): RouteEntry {
  return {
    file: info.file,
    route: info.route,
    methods: exportedMethods(doc),
    params: info.params,
    routable: info.routable,
    problems: info.problems,
    parseErrors: doc.parseErrors.length,
  };
}

/** Lists every App Router route below `dir` (which may be a project, a monorepo, or a folder inside one). */
export function listRoutes(dir: string, index = new ProjectIndex()): RouteListing {
  const errors: WalkError[] = [];
  const routes: RouteEntry[] = [];
  for (const file of findRouteFileCandidates(dir, errors)) {
    const info = index.routeFile(file);
    if (!info) continue;
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      errors.push({ path: file, message: (e as NodeJS.ErrnoException).code ?? String(e) });
      continue;
    }
    routes.push(routeEntry(info, parseDocument(file, text)));
  }
  routes.sort((a, b) => (a.route < b.route ? -1 : a.route > b.route ? 1 : a.file < b.file ? -1 : 1));
  return { routes, errors };
}

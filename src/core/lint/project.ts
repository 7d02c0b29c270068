/**
 * Checks that need the whole project rather than one file — the ones `next build` (or the
 * dev server's route table) fails on: a route and a page in the same resolved segment, two
 * route files for one URL, different dynamic names at one position, `pages/api/x` beside
 * `app/api/x/route`; and route files Next.js never serves as you think (private folders,
 * parallel-route slots, intercepting segments). Findings are reported on the route file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isRouteFileName, type ProjectLayout } from '../nextjs/project';
import { classifySegment, routePathFromSegments } from '../nextjs/routePath';
import { SKIPPED_DIRS } from '../files';
import type { Finding, Severity, SeveritySetting } from '../types';
import { docsUrlFor } from './rule';

export interface ProjectCheck {
  readonly id: string;
  readonly description: string;
  readonly defaultSeverity: Severity;
}

export const PROJECT_CHECKS = {
  'route-page-conflict': {
    id: 'route-page-conflict',
    description: 'A `route` file and a `page` file that resolve to the same URL segment (groups and slots stripped).',
    defaultSeverity: 'error',
  },
  'duplicate-route': {
    id: 'duplicate-route',
    description:
      'Two route files that resolve to the same URL, or different dynamic segment names at the same position.',
    defaultSeverity: 'error',
  },
  'pages-app-conflict': {
    id: 'pages-app-conflict',
    description:
      'A Pages Router API route (`pages/api/x`) and an App Router route (`app/api/x/route`) for the same URL.',
    defaultSeverity: 'error',
  },
  'unreachable-route': {
    id: 'unreachable-route',
    description:
      'A route file inside a private `_folder` (never served), a `@slot` or an intercepting segment (not a documented place for route handlers).',
    defaultSeverity: 'warning',
  },
} as const satisfies Record<string, ProjectCheck>;

export type ProjectCheckId = keyof typeof PROJECT_CHECKS;

interface AppEntry {
  readonly file: string;
  readonly kind: 'route' | 'page';
  readonly segments: readonly string[];
  /** Pathname with dynamic names erased (`/api/[]/x`) — what collides. */
  readonly shape: string;
  readonly pathname: string;
}

const DEFAULT_PAGE_EXTS = ['tsx', 'ts', 'jsx', 'js'];

function pageFileExt(name: string, exts: readonly string[]): boolean {
  return name.startsWith('page.') && exts.includes(name.slice('page.'.length));
}

/** `/api/users/[id]` → `/api/users/[]`, catch-alls kept distinct. */
function shapeOf(segments: readonly string[]): string {
  const parts: string[] = [];
  for (const s of segments) {
    const info = classifySegment(s);
    if (info.type === 'group' || info.type === 'slot') continue;
    if (info.type === 'param')
      parts.push(info.param.kind === 'single' ? '[]' : info.param.kind === 'catchAll' ? '[...]' : '[[...]]');
    else parts.push(info.type === 'static' ? info.value : s);
  }
  return '/' + parts.join('/');
}

/** `/api/users/[id]` with groups and slots dropped, dynamic names kept. */
function exactOf(segments: readonly string[]): string {
  return (
    '/' +
    segments
      .filter((s) => {
        const t = classifySegment(s).type;
        return t !== 'group' && t !== 'slot';
      })
      .join('/')
  );
}

function walk(dir: string, visit: (file: string, rel: string[]) => void, rel: string[] = []): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (e.isDirectory()) {
      if (SKIPPED_DIRS.has(e.name)) continue;
      walk(path.join(dir, e.name), visit, [...rel, e.name]);
    } else if (e.isFile()) {
      visit(path.join(dir, e.name), rel);
    }
  }
}

/** The walk's visits for files found by a search: those below `dir`, outside SKIPPED_DIRS. */
function visitFiles(dir: string, files: Iterable<string>, visit: (file: string, rel: string[]) => void): void {
  for (const file of files) {
    const rel = path.relative(dir, file);
    if (rel.startsWith('..') || path.isAbsolute(rel)) continue;
    const segments = rel.split(path.sep);
    segments.pop();
    if (!segments.some((s) => SKIPPED_DIRS.has(s))) visit(path.resolve(file), segments);
  }
}

function finding(
  id: ProjectCheckId,
  message: string,
  severities?: Readonly<Record<string, SeveritySetting>>,
): Finding | undefined {
  const setting = severities?.[id];
  if (setting === 'off') return undefined;
  const zero = { line: 0, character: 0 };
  return {
    ruleId: id,
    messageId: id,
    message,
    severity: setting ?? PROJECT_CHECKS[id].defaultSeverity,
    span: { start: 0, end: 0 },
    range: { start: zero, end: zero },
    docsUrl: docsUrlFor(id),
  };
}

/** What each check needs: where to add a finding, how to show a path, the severity overrides. */
interface CheckContext {
  readonly layout: ProjectLayout;
  readonly severities: Readonly<Record<string, SeveritySetting>> | undefined;
  add(file: string, f: Finding | undefined): void;
  /** A path as the project shows it (relative to its root, with `/`). */
  rel(file: string): string;
}

/**
 * Runs every project check over a project's app/ and pages/ folders. `appFiles`: the files
 * below the app folder when the caller has searched for them already (the editor's findFiles,
 * out of process); without it the app folder is walked, which is most of the checks' cost in
 * a large app (a readdir per folder).
 */
export function checkProjectStructure(
  layout: ProjectLayout,
  severities?: Readonly<Record<string, SeveritySetting>>,
  appFiles?: Iterable<string>,
): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  const ctx: CheckContext = {
    layout,
    severities,
    add(file, f) {
      if (!f) return;
      const list = out.get(file) ?? [];
      if (!list.some((x) => x.ruleId === f.ruleId && x.message === f.message)) list.push(f);
      out.set(file, list);
    },
    rel: (file) => path.relative(layout.root, file).split(path.sep).join('/'),
  };
  if (!layout.appDir) return out;
  const entries = appEntries(layout.appDir, ctx, appFiles);
  const routes = entries.filter((e) => e.kind === 'route');
  const pages = entries.filter((e) => e.kind === 'page');
  routePageConflicts(routes, pages, ctx);
  duplicateRoutes(routes, ctx);
  slugNameConflicts(routes, pages, ctx);
  if (layout.pagesDir) pagesAppConflicts(layout.pagesDir, routes, ctx);
  return out;
}

/** The routable route and page files under app/ (an unreachable route file gets its finding here). */
function appEntries(appDir: string, ctx: CheckContext, appFiles: Iterable<string> | undefined): AppEntry[] {
  const { layout, severities } = ctx;
  const entries: AppEntry[] = [];
  const pageExts = layout.pageExtensions.length ? layout.pageExtensions : DEFAULT_PAGE_EXTS;
  const visit = (file: string, segments: readonly string[]): void => {
    const name = path.basename(file);
    const kind = isRouteFileName(name, layout.pageExtensions)
      ? 'route'
      : pageFileExt(name, pageExts)
        ? 'page'
        : undefined;
    if (!kind) return;
    const info = routePathFromSegments(segments, layout.url);
    if (kind === 'route')
      for (const p of info.problems) ctx.add(file, finding('unreachable-route', p.message, severities));
    if (!info.routable) return;
    entries.push({ file, kind, segments, shape: shapeOf(segments), pathname: info.pathname });
  };
  if (appFiles) visitFiles(appDir, appFiles, visit);
  else walk(appDir, visit);
  return entries;
}

/** A route and a page in the same resolved segment. */
function routePageConflicts(routes: readonly AppEntry[], pages: readonly AppEntry[], ctx: CheckContext): void {
  for (const r of routes) {
    for (const p of pages) {
      if (p.shape !== r.shape) continue;
      ctx.add(
        r.file,
        finding(
          'route-page-conflict',
          `This route and \`${ctx.rel(p.file)}\` both resolve to \`${r.pathname}\`: Next.js fails with "Conflicting route and page at ${r.pathname}". A segment has either a page or a route handler — move the API under \`/api\`.`,
          ctx.severities,
        ),
      );
    }
  }
}

/** Two routes for one URL. */
function duplicateRoutes(routes: readonly AppEntry[], ctx: CheckContext): void {
  const byShape = new Map<string, AppEntry[]>();
  for (const r of routes) byShape.set(r.shape, [...(byShape.get(r.shape) ?? []), r]);
  for (const [, group] of byShape) {
    if (group.length < 2) continue;
    for (const r of group) {
      const others = group
        .filter((o) => o !== r)
        .map((o) => `\`${ctx.rel(o.file)}\``)
        .join(', ');
      ctx.add(
        r.file,
        finding(
          'duplicate-route',
          `This route resolves to \`${r.pathname}\`, like ${others}: Next.js fails with "You cannot have two parallel pages that resolve to the same path". Keep one.`,
          ctx.severities,
        ),
      );
    }
  }
}

/** Different dynamic names at the same position (by the URL text before them and their kind). */
function slugNameConflicts(routes: readonly AppEntry[], pages: readonly AppEntry[], ctx: CheckContext): void {
  const all = [...routes, ...pages].map((entry) => ({ entry, parts: entry.pathname.split('/') }));
  const paramsAt = new Map<string, { name: string; entry: AppEntry }[]>();
  const paramPositions = new Map<AppEntry, { i: number; key: string; name: string }[]>();
  for (const { entry, parts } of all) {
    const positions: { i: number; key: string; name: string }[] = [];
    for (let i = 1; i < parts.length; i++) {
      const x = classifySegment(parts[i]!);
      if (x.type !== 'param') continue;
      const key = `${parts.slice(0, i).join('/')}\0${x.param.kind}`;
      positions.push({ i, key, name: x.param.name });
      paramsAt.set(key, [...(paramsAt.get(key) ?? []), { name: x.param.name, entry }]);
    }
    paramPositions.set(entry, positions);
  }
  for (const { entry: a, parts } of all) {
    if (a.kind !== 'route') continue;
    for (const { i, key, name } of paramPositions.get(a) ?? []) {
      for (const other of paramsAt.get(key) ?? []) {
        if (other.entry === a || other.name === name) continue;
        ctx.add(
          a.file,
          finding(
            'duplicate-route',
            `\`${parts.slice(0, i + 1).join('/')}\` is named \`[${name}]\` here but \`[${other.name}]\` in \`${ctx.rel(other.entry.file)}\`: Next.js fails with "You cannot use different slug names for the same dynamic path ('${name}' !== '${other.name}')". Use one name.`,
            ctx.severities,
          ),
        );
      }
    }
  }
}

/** A `pages/api` file serving the same URL as an app/ route. */
function pagesAppConflicts(pagesDir: string, routes: readonly AppEntry[], ctx: CheckContext): void {
  const pageExts = ctx.layout.pageExtensions.length ? ctx.layout.pageExtensions : DEFAULT_PAGE_EXTS;
  walk(path.join(pagesDir, 'api'), (file, segments) => {
    const name = path.basename(file);
    const ext = name.slice(name.indexOf('.') + 1);
    if (!pageExts.includes(ext)) return;
    const stem = name.slice(0, name.indexOf('.'));
    const parts = ['api', ...segments, ...(stem === 'index' ? [] : [stem])];
    const shape = shapeOf(parts);
    for (const r of routes) {
      if (r.shape !== shape) continue;
      const sameNames = exactOf(r.segments) === exactOf(parts);
      const consequence = sameNames
        ? 'Next.js fails with "Conflicting app and page file was found"'
        : 'their dynamic segments are named differently, which Next.js rejects ("You cannot use different slug names for the same dynamic path")';
      ctx.add(
        r.file,
        finding(
          'pages-app-conflict',
          `\`${ctx.rel(file)}\` (Pages Router) and this route both serve \`${r.pathname}\`: ${consequence}. Remove one of them.`,
          ctx.severities,
        ),
      );
    }
  });
}

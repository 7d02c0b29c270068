/**
 * Routes as a tree of URL segments, for the Routes view of apps with hundreds of routes:
 * `/api/users/[id]` sits under `/api` → `users`; folders with a single child and no route of
 * their own are joined (`/kit/api`), so a deep basePath does not cost clicks. A filter keeps
 * the routes whose URL, file or methods match, with their ancestors.
 */
import type { HttpMethod } from './nextjs/httpMethods';
import type { RouteEntry } from './routes';

export interface RouteTreeNode {
  /** What the node shows: one or more joined URL segments, e.g. `/kit/api` or `[id]`. */
  readonly label: string;
  /** The URL path up to and including this node, e.g. `/kit/api/users`. */
  readonly path: string;
  /** The route files served at exactly this path (usually one; more when two files collide). */
  readonly routes: readonly RouteEntry[];
  readonly children: readonly RouteTreeNode[];
}

export interface RouteMethodItem {
  readonly method: HttpMethod;
  /** Answered by Next.js itself (HEAD for GET, OPTIONS). */
  readonly implicit: boolean;
}

interface MutableNode {
  label: string;
  path: string;
  routes: RouteEntry[];
  children: Map<string, MutableNode>;
}

function segmentsOf(route: string): string[] {
  return route.split('/').filter(Boolean);
}

/** Whether a route matches a filter text: every word in its URL, file or methods (case-insensitive). */
export function routeMatches(route: RouteEntry, filter: string): boolean {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return true;
  const haystack = [route.route, route.file, ...route.methods, ...route.implicitMethods].join(' ').toLowerCase();
  return words.every((w) => haystack.includes(w));
}

/** The tree for a list of routes (optionally filtered), children sorted by label. */
export function buildRouteTree(routes: readonly RouteEntry[], filter = ''): RouteTreeNode[] {
  const root: MutableNode = { label: '', path: '', routes: [], children: new Map() };
  for (const route of routes) {
    if (!routeMatches(route, filter)) continue;
    let node = root;
    for (const segment of segmentsOf(route.route)) {
      let child = node.children.get(segment);
      if (!child) {
        child = { label: segment, path: `${node.path}/${segment}`, routes: [], children: new Map() };
        node.children.set(segment, child);
      }
      node = child;
    }
    node.routes.push(route);
  }
  // The app root route (`/`) has no segment: it is a node of its own.
  const top = [...root.children.values()].map((n) => freeze(n, '/'));
  if (root.routes.length) top.unshift({ label: '/', path: '/', routes: root.routes, children: [] });
  return top.sort(byLabel);
}

function byLabel(a: RouteTreeNode, b: RouteTreeNode): number {
  return a.label < b.label ? -1 : a.label > b.label ? 1 : 0;
}

function freeze(node: MutableNode, prefix: string): RouteTreeNode {
  let label = prefix + node.label;
  let current = node;
  // Join folders that hold no route and lead to exactly one child.
  while (current.routes.length === 0 && current.children.size === 1) {
    current = [...current.children.values()][0]!;
    label += '/' + current.label;
  }
  return {
    label,
    path: current.path,
    routes: current.routes,
    children: [...current.children.values()].map((c) => freeze(c, '')).sort(byLabel),
  };
}

/** A route's methods for the tree: exported ones, then those Next.js answers by itself. */
export function methodItems(route: RouteEntry): RouteMethodItem[] {
  return [
    ...route.methods.map((method) => ({ method, implicit: false })),
    ...route.implicitMethods.map((method) => ({ method, implicit: true })),
  ];
}

/** How many routes a subtree serves (shown on folders). */
export function countRoutes(node: RouteTreeNode): number {
  return node.routes.length + node.children.reduce((n, c) => n + countRoutes(c), 0);
}

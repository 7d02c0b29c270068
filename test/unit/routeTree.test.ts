import * as assert from 'node:assert/strict';
import { buildRouteTree, countRoutes, methodItems, routeMatches, type RouteTreeNode } from '../../src/core/routeTree';
import type { RouteEntry } from '../../src/core/routes';

function entry(route: string, methods: string[] = ['GET'], file = `app${route}/route.ts`): RouteEntry {
  return {
    file,
    route,
    methods: methods as RouteEntry['methods'],
    implicitMethods: methods.includes('GET') ? ['HEAD', 'OPTIONS'] : ['OPTIONS'],
    params: [],
    routable: true,
    problems: [],
    parseErrors: 0,
  };
}

/** `label[routes](children)` for compact comparisons. */
function show(nodes: readonly RouteTreeNode[]): string {
  return nodes
    .map(
      (n) =>
        `${n.label}${n.routes.length ? `[${n.routes.length}]` : ''}${n.children.length ? `(${show(n.children)})` : ''}`,
    )
    .join(' ');
}

describe('Routes view tree', () => {
  const ROUTES = [
    entry('/kit/api/users', ['GET', 'POST']),
    entry('/kit/api/users/[id]', ['GET', 'DELETE']),
    entry('/kit/api/users/[id]/avatar', ['PUT']),
    entry('/kit/api/posts/[slug]/comments'),
    entry('/kit/health'),
  ];

  it('groups routes by URL segment and joins folders that only lead on (a basePath costs no clicks)', () => {
    assert.equal(
      show(buildRouteTree(ROUTES)),
      '/kit(api(posts/[slug]/comments[1] users[1]([id][1](avatar[1]))) health[1])',
    );
  });

  it('puts the app root route first, as "/"', () => {
    assert.equal(show(buildRouteTree([entry('/'), entry('/api/x')])), '/[1] /api/x[1]');
  });

  it('keeps two files serving one URL as two routes of one node', () => {
    const tree = buildRouteTree([
      entry('/api/x', ['GET'], 'app/(a)/api/x/route.ts'),
      entry('/api/x', ['POST'], 'app/(b)/api/x/route.ts'),
    ]);
    assert.equal(tree[0]!.routes.length, 2);
  });

  it('filters by words of the URL, file or methods, keeping the ancestors of what matches', () => {
    assert.equal(show(buildRouteTree(ROUTES, 'users delete')), '/kit/api/users/[id][1]');
    assert.equal(show(buildRouteTree(ROUTES, 'PUT')), '/kit/api/users/[id]/avatar[1]');
    assert.equal(buildRouteTree(ROUTES, 'nothing-like-this').length, 0);
    assert.ok(routeMatches(ROUTES[4]!, 'HEAD'), 'implicit methods match too');
  });

  it('counts the routes below a folder and lists exported methods before the implicit ones', () => {
    assert.equal(countRoutes(buildRouteTree(ROUTES)[0]!), 5);
    assert.deepEqual(
      methodItems(ROUTES[0]!).map((m) => `${m.method}${m.implicit ? '*' : ''}`),
      ['GET', 'POST', 'HEAD*', 'OPTIONS*'],
    );
  });

  it('handles 510 routes in one pass', () => {
    const many = Array.from({ length: 510 }, (_, i) => entry(`/api/v${i % 7}/r${i}/[id]`));
    const tree = buildRouteTree(many);
    assert.equal(countRoutes(tree[0]!), 510);
    assert.equal(tree[0]!.label, '/api');
    assert.equal(tree[0]!.children.length, 7);
  });
});

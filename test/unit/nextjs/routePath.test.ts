import * as assert from 'node:assert/strict';
import {
  applyUrlConfig,
  fillRoute,
  MissingParamError,
  routePathFromSegments,
  type UrlConfig,
} from '../../../src/core/nextjs/routePath';

interface PathCase {
  readonly dir: string; // folders between app/ and route.ts
  readonly route: string;
  readonly params?: string; // "name:kind,…"
  readonly routable?: boolean;
  readonly problems?: string; // kinds, comma separated
  readonly config?: Partial<UrlConfig>;
}

const CASES: readonly PathCase[] = [
  { dir: '', route: '/' },
  { dir: 'api', route: '/api' },
  { dir: 'api/posts', route: '/api/posts' },
  { dir: 'api/users/[id]', route: '/api/users/[id]', params: 'id:single' },
  {
    dir: 'api/posts/[postId]/comments/[commentId]',
    route: '/api/posts/[postId]/comments/[commentId]',
    params: 'postId:single,commentId:single',
  },
  { dir: 'api/files/[...path]', route: '/api/files/[...path]', params: 'path:catchAll' },
  { dir: 'api/docs/[[...slug]]', route: '/api/docs/[[...slug]]', params: 'slug:optionalCatchAll' },
  { dir: 'shop/[tag]/[item]', route: '/shop/[tag]/[item]', params: 'tag:single,item:single' },
  { dir: '(marketing)/api/newsletter', route: '/api/newsletter' },
  { dir: 'api/(admin)/(reports)/stats', route: '/api/stats' },
  { dir: '(a)/(b)/(c)/x', route: '/x' },
  { dir: '(shop)', route: '/' },
  { dir: '(group)/[id]', route: '/[id]', params: 'id:single' },
  { dir: 'api/(v1)/users/[id]/(edit)', route: '/api/users/[id]', params: 'id:single' },
  { dir: 'api/_internal', route: '/api/_internal', routable: false, problems: 'private-folder' },
  { dir: '_lib/api/x', route: '/_lib/api/x', routable: false, problems: 'private-folder' },
  { dir: 'api/_a/_b', route: '/api/_a/_b', routable: false, problems: 'private-folder,private-folder' },
  { dir: 'api/%5Fescaped', route: '/api/_escaped' },
  { dir: 'api/%5fescaped', route: '/api/_escaped' },
  { dir: 'api/%5Fa/%5Fb', route: '/api/_a/_b' },
  { dir: '@modal/api/x', route: '/api/x', problems: 'parallel-slot' },
  { dir: 'feed/(.)photo/[id]', route: '/feed/(.)photo/[id]', params: 'id:single', problems: 'intercepting-segment' },
  { dir: 'feed/(..)photo', route: '/feed/(..)photo', problems: 'intercepting-segment' },
  { dir: 'feed/(..)(..)photo', route: '/feed/(..)(..)photo', problems: 'intercepting-segment' },
  { dir: '(...)photo', route: '/(...)photo', problems: 'intercepting-segment' },
  { dir: '.well-known/vercel/flags', route: '/.well-known/vercel/flags' },
  { dir: 'robots.txt', route: '/robots.txt' },
  { dir: 'api/v1.2/items', route: '/api/v1.2/items' },
  // basePath
  { dir: 'api/posts', route: '/docs/api/posts', config: { basePath: '/docs' } },
  { dir: '', route: '/docs', config: { basePath: '/docs' } },
  { dir: 'api/posts', route: '/docs/api/posts', config: { basePath: '/docs/' } },
  { dir: 'api/posts', route: '/docs/api/posts', config: { basePath: 'docs' } },
  { dir: '(g)/api/[id]', route: '/kit/api/[id]', params: 'id:single', config: { basePath: '/kit' } },
  { dir: 'a/b', route: '/org/app/a/b', config: { basePath: '/org/app' } },
  // trailingSlash
  { dir: 'api/posts', route: '/api/posts/', config: { trailingSlash: true } },
  { dir: '', route: '/', config: { trailingSlash: true } },
  { dir: 'api/posts', route: '/docs/api/posts/', config: { basePath: '/docs', trailingSlash: true } },
  { dir: '', route: '/docs/', config: { basePath: '/docs', trailingSlash: true } },
  { dir: 'robots.txt', route: '/robots.txt', config: { trailingSlash: true } },
  { dir: '.well-known/flags', route: '/.well-known/flags', config: { trailingSlash: true } },
  { dir: 'api/[id]', route: '/api/[id]/', params: 'id:single', config: { trailingSlash: true } },
  { dir: 'api/[...slug]', route: '/api/[...slug]/', params: 'slug:catchAll', config: { trailingSlash: true } },
];

describe('route model: URL from the folder path', () => {
  it(`covers at least 40 path cases`, () => assert.ok(CASES.length >= 40, String(CASES.length)));

  for (const c of CASES) {
    const label = `app/${c.dir}${c.dir ? '/' : ''}route.ts${c.config ? ` with ${JSON.stringify(c.config)}` : ''}`;
    it(`maps ${label} to ${c.route}`, () => {
      const result = routePathFromSegments(c.dir ? c.dir.split('/') : [], {
        basePath: '',
        trailingSlash: false,
        ...c.config,
      });
      assert.equal(result.route, c.route);
      assert.equal(result.params.map((p) => `${p.name}:${p.kind}`).join(','), c.params ?? '');
      assert.equal(result.routable, c.routable ?? true);
      assert.equal(result.problems.map((p) => p.kind).join(','), c.problems ?? '');
    });
  }

  it('explains a private folder and how to escape it', () => {
    const [problem] = routePathFromSegments(['api', '_internal']).problems;
    assert.match(problem!.message, /private folder/);
    assert.match(problem!.message, /%5Finternal/);
  });
});

describe('route model: filling a pattern with values', () => {
  const cases: Array<[string, Record<string, string | string[]>, string]> = [
    ['/api/users/[id]', { id: '42' }, '/api/users/42'],
    ['/api/users/[id]', { id: 'a b/c' }, '/api/users/a%20b%2Fc'],
    ['/api/files/[...path]', { path: ['a', 'b c'] }, '/api/files/a/b%20c'],
    ['/api/files/[...path]', { path: 'a/b/c' }, '/api/files/a/b/c'],
    ['/api/docs/[[...slug]]', {}, '/api/docs'],
    ['/api/docs/[[...slug]]', { slug: 'x/y' }, '/api/docs/x/y'],
    ['/kit/api/docs/[[...slug]]/', {}, '/kit/api/docs/'],
    ['/[[...all]]', {}, '/'],
  ];
  for (const [route, values, url] of cases) {
    it(`fills ${route} with ${JSON.stringify(values)} as ${url}`, () => assert.equal(fillRoute(route, values), url));
  }

  it('names the missing parameter when a required one has no value', () => {
    assert.throws(
      () => fillRoute('/api/users/[id]', {}),
      (e: unknown) => e instanceof MissingParamError && e.param === 'id',
    );
    assert.throws(() => fillRoute('/api/files/[...path]', { path: [] }), MissingParamError);
  });

  it('adds basePath only once and keeps the root as the basePath itself', () => {
    assert.equal(applyUrlConfig('/', { basePath: '/kit', trailingSlash: false }), '/kit');
    assert.equal(applyUrlConfig('/x', { basePath: '', trailingSlash: false }), '/x');
  });
});

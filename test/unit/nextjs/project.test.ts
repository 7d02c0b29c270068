import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import {
  findProjectRoot,
  isRouteFileName,
  loadProjectLayout,
  majorOf,
  ProjectIndex,
  routeFileInfo,
} from '../../../src/core/nextjs/project';
import { readNextConfig } from '../../../src/core/nextjs/nextConfig';
import { cli } from '../../support/cli';
import { FIXTURE_APP } from '../../support/nextDev';
import { tempProject } from '../../support/tempProject';

describe('route model: project layout', () => {
  const projects: Array<{ remove(): void }> = [];
  const make = (files: Record<string, string>): string => {
    const p = tempProject(files);
    projects.push(p);
    return p.dir;
  };
  after(() => projects.forEach((p) => p.remove()));

  it('uses app/ at the project root', () => {
    const dir = make({ 'package.json': '{}', 'app/api/x/route.ts': '' });
    const layout = loadProjectLayout(dir);
    assert.equal(layout.appDir, path.join(dir, 'app'));
    assert.equal(routeFileInfo(path.join(dir, 'app/api/x/route.ts'), layout)?.route, '/api/x');
  });

  it('uses src/app when there is no root app/', () => {
    const dir = make({ 'package.json': '{}', 'src/app/api/x/route.ts': '' });
    const index = new ProjectIndex();
    assert.equal(index.routeFile(path.join(dir, 'src/app/api/x/route.ts'))?.route, '/api/x');
  });

  it('ignores src/app when a root app/ exists', () => {
    const dir = make({ 'package.json': '{}', 'app/api/a/route.ts': '', 'src/app/api/b/route.ts': '' });
    const index = new ProjectIndex();
    assert.equal(index.routeFile(path.join(dir, 'app/api/a/route.ts'))?.route, '/api/a');
    assert.equal(index.routeFile(path.join(dir, 'src/app/api/b/route.ts')), undefined);
  });

  it('does not count pages/api files or files outside app/ as App Router routes', () => {
    const dir = make({
      'package.json': '{}',
      'app/page.tsx': '',
      'pages/api/route.ts': '',
      'pages/api/users.ts': '',
      'lib/route.ts': '',
    });
    const index = new ProjectIndex();
    for (const f of ['pages/api/route.ts', 'pages/api/users.ts', 'lib/route.ts', 'app/page.tsx'])
      assert.equal(index.routeFile(path.join(dir, f)), undefined, f);
  });

  it('skips route files inside node_modules and .next under app/', () => {
    const dir = make({ 'package.json': '{}', 'app/node_modules/x/route.ts': '', 'app/.next/route.ts': '' });
    const layout = loadProjectLayout(dir);
    assert.equal(routeFileInfo(path.join(dir, 'app/node_modules/x/route.ts'), layout), undefined);
    assert.equal(routeFileInfo(path.join(dir, 'app/.next/route.ts'), layout), undefined);
  });

  it('finds the nearest project in a monorepo', () => {
    const dir = make({
      'package.json': '{"workspaces":["apps/*"]}',
      'apps/web/package.json': '{"dependencies":{"next":"^15.1.0"}}',
      'apps/web/next.config.ts': "export default { basePath: '/web' }",
      'apps/web/app/api/x/route.ts': '',
    });
    const file = path.join(dir, 'apps/web/app/api/x/route.ts');
    assert.equal(findProjectRoot(file), path.join(dir, 'apps/web'));
    const index = new ProjectIndex();
    assert.equal(index.routeFile(file)?.route, '/web/api/x');
    assert.equal(index.layoutFor(file)?.nextMajor, 15);
  });

  it('reads basePath, trailingSlash and pageExtensions from next.config and applies them', () => {
    const dir = make({
      'package.json': '{"dependencies":{"next":"14.2.3"}}',
      'next.config.mjs':
        "const base = '/docs'\nexport default { basePath: base, trailingSlash: true, pageExtensions: ['api.ts', 'tsx'] }",
      'app/api/x/route.api.ts': '',
      'app/api/y/route.ts': '',
    });
    const index = new ProjectIndex();
    assert.equal(index.routeFile(path.join(dir, 'app/api/x/route.api.ts'))?.route, '/docs/api/x/');
    assert.equal(
      index.routeFile(path.join(dir, 'app/api/y/route.ts')),
      undefined,
      'plain route.ts is not a page extension any more',
    );
    assert.equal(index.layoutFor(path.join(dir, 'app/api/x/route.api.ts'))?.nextMajor, 14);
  });

  it('prefers the installed Next.js version over the declared range', () => {
    const dir = make({
      'package.json': '{"dependencies":{"next":"^15.0.0"}}',
      'node_modules/next/package.json': '{"version":"16.1.0"}',
      'app/api/x/route.ts': '',
    });
    const layout = loadProjectLayout(dir);
    assert.equal(layout.nextVersion, '16.1.0');
    assert.equal(layout.nextMajor, 16);
  });

  it('reads the fixture app: basePath /kit and Next 16', () => {
    const layout = loadProjectLayout(FIXTURE_APP);
    assert.equal(layout.url.basePath, '/kit');
    assert.equal(layout.nextMajor, 16);
  });

  const configs: Array<[string, string, Record<string, unknown>]> = [
    [
      'module.exports',
      "module.exports = { basePath: '/a', trailingSlash: false }",
      { basePath: '/a', trailingSlash: false },
    ],
    [
      'a const exported default with satisfies',
      "import type { NextConfig } from 'next'\nconst nextConfig = { basePath: '/b' } satisfies NextConfig\nexport default nextConfig",
      { basePath: '/b' },
    ],
    [
      'a typed const',
      'const nextConfig: NextConfig = { basePath: "/c" };\nexport default nextConfig;',
      { basePath: '/c' },
    ],
    [
      'a plugin wrapper',
      "const withMDX = require('@next/mdx')()\nmodule.exports = withMDX({ basePath: '/d', pageExtensions: ['ts', 'mdx'] })",
      { basePath: '/d', pageExtensions: ['ts', 'mdx'] },
    ],
    ['a phase function', "module.exports = (phase) => { return { basePath: '/e' } }", { basePath: '/e' }],
    [
      'a function declaration',
      'export default function config() { return { trailingSlash: true } }',
      { trailingSlash: true },
    ],
    ['cacheComponents (Next 16)', 'export default { cacheComponents: true }', { cacheComponents: true }],
  ];
  for (const [name, text, expected] of configs) {
    it(`reads next.config written as ${name}`, () => {
      const { unreadable, found, ...values } = readNextConfig('next.config.js', text);
      assert.deepEqual(values, expected);
      assert.deepEqual(unreadable, []);
      assert.equal(found, true, 'the config object was found');
    });
  }

  it('says which config keys are not literals', () => {
    assert.deepEqual(readNextConfig('next.config.js', 'module.exports = { basePath: process.env.BASE }').unreadable, [
      'basePath',
    ]);
  });

  const versions: Array<[string, number | undefined]> = [
    ['^15.2.0', 15],
    ['~14.1.0', 14],
    ['16.0.0-canary.3', 16],
    ['>=13', 13],
    ['15.x', 15],
    ['latest', undefined],
    ['canary', undefined],
    ['workspace:*', undefined],
    [undefined as unknown as string, undefined],
  ];
  for (const [v, major] of versions) it(`reads major ${major} from "${v}"`, () => assert.equal(majorOf(v), major));

  it('recognizes route file names with the default and custom page extensions', () => {
    assert.ok(isRouteFileName('route.ts'));
    assert.ok(isRouteFileName('route.mjs'));
    assert.ok(!isRouteFileName('route.test.ts'));
    assert.ok(!isRouteFileName('router.ts'));
    assert.ok(isRouteFileName('route.api.ts', ['api.ts']));
  });
});

describe('next-route-kit routes', () => {
  it('lists every fixture route with its basePath URL, methods and params as JSON', async () => {
    const run = await cli(['routes', FIXTURE_APP, '--json']);
    assert.equal(run.code, 0, run.stderr);
    const routes = JSON.parse(run.stdout) as Array<{
      file: string;
      route: string;
      methods: string[];
      params: string[];
      routable?: boolean;
    }>;
    const byRoute = new Map(routes.map((r) => [r.route, r]));
    assert.deepEqual(byRoute.get('/kit/api/users/[id]')?.methods, ['GET', 'PATCH', 'DELETE']);
    assert.deepEqual(byRoute.get('/kit/api/users/[id]')?.params, ['id']);
    assert.deepEqual(byRoute.get('/kit/api/users')?.methods, ['GET', 'POST']);
    assert.deepEqual(byRoute.get('/kit/api/auth/[...nextauth]')?.methods, ['GET', 'POST']);
    assert.deepEqual(byRoute.get('/kit/api/docs/[[...slug]]')?.params, ['slug']);
    assert.ok(byRoute.has('/kit/api/newsletter'), 'group stripped');
    assert.ok(byRoute.has('/kit/api/stats'), 'nested groups stripped');
    assert.ok(byRoute.has('/kit/api/_escaped'), '%5F decoded');
    assert.equal(byRoute.get('/kit/api/_internal')?.routable, false);
    assert.deepEqual(byRoute.get('/kit/api/wrapped')?.methods, ['GET']);
    assert.ok(![...byRoute.keys()].some((r) => r.includes('legacy')) || byRoute.has('/kit/api/legacy-cors'));
    assert.ok(!routes.some((r) => r.file.includes('pages/api')), 'pages/api is not an App Router route');
  });

  it('prints a readable table with unroutable files explained', async () => {
    const run = await cli(['routes', FIXTURE_APP]);
    assert.match(run.stdout, /^ROUTE +METHODS +FILE/);
    assert.match(run.stdout, /\/kit\/api\/users\/\[id\] +GET, PATCH, DELETE/);
    assert.match(run.stdout, /_internal.*private folder/);
  });

  it('exits 2 with a clear message for a missing folder or a file', async () => {
    const missing = await cli(['routes', 'no/such/dir']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /No such folder: no\/such\/dir/);
    const file = await cli(['routes', 'package.json']);
    assert.equal(file.code, 2);
    assert.match(file.stderr, /Not a folder/);
    assert.doesNotMatch(missing.stderr + file.stderr, /\n\s+at /);
  });
});

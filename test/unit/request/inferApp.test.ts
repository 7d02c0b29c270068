/**
 * Every route and method of a fixture app written in the shapes real handlers use
 * (re-exports, helpers and wrappers imported through `@/`, an imported zod schema, query
 * defaults, a streamed body, a self-set cookie, a computed basePath, a private folder) is
 * sent with `next-route-kit request --send` to a real `next dev`, and answers what its
 * handler is written to answer: no 404 from a missing basePath, no refusal of HEAD or
 * OPTIONS, no 400 for a header that was not sent.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ProjectIndex } from '../../../src/core/nextjs/project';
import { listRoutes } from '../../../src/core/routes';
import { cli } from '../../support/cli';
import { REPO_ROOT, startNextDev, type DevServer } from '../../support/nextDev';

const APP = path.join(REPO_ROOT, 'test', 'fixtures', 'infer-app');

interface Expectation {
  readonly status: number;
  /** A pattern the printed response (status line, headers, body) must match. */
  readonly shows?: RegExp;
  readonly args?: readonly string[];
}

/** What each handler is written to answer, by `METHOD route` (basePath /infer from the routes manifest). */
const EXPECTED: Readonly<Record<string, Expectation>> = {
  'GET /infer/api/items': { status: 200, shows: /# GET \S+\/infer\/api\/items\?page=1&limit=20\n[\s\S]*"page": 1/ },
  'POST /infer/api/items': { status: 201, shows: /"quantity": 1/ },
  'HEAD /infer/api/items': { status: 200 },
  'OPTIONS /infer/api/items': { status: 204, shows: /allow: GET, HEAD, OPTIONS, POST/i },
  'GET /infer/api/meta': { status: 200, shows: /"requestId": ""/ },
  'HEAD /infer/api/meta': { status: 200 },
  'OPTIONS /infer/api/meta': { status: 204, shows: /allow: GET, HEAD, OPTIONS/i },
  'GET /infer/api/named': { status: 200, shows: /"hello": "world"/ },
  'HEAD /infer/api/named': { status: 200 },
  'OPTIONS /infer/api/named': { status: 204 },
  'GET /infer/api/reexport': { status: 200, shows: /"hello": "world"/ },
  'POST /infer/api/reexport': { status: 201, shows: /"created": ""/ },
  'HEAD /infer/api/reexport': { status: 200 },
  'OPTIONS /infer/api/reexport': { status: 204, shows: /allow: GET, HEAD, OPTIONS, POST/i },
  'GET /infer/api/secure': { status: 200, shows: /"secret": 42/, args: ['--var', 'authToken=fixture-token'] },
  'HEAD /infer/api/secure': { status: 200, args: ['--var', 'authToken=fixture-token'] },
  'OPTIONS /infer/api/secure': { status: 204 },
  'GET /infer/api/shared/[id]': { status: 200, args: ['--param', 'id=7'] },
  'POST /infer/api/shared/[id]': { status: 201, args: ['--param', 'id=7'] },
  'HEAD /infer/api/shared/[id]': { status: 200, args: ['--param', 'id=7'] },
  'OPTIONS /infer/api/shared/[id]': { status: 204, args: ['--param', 'id=7'] },
  'POST /infer/api/upload': { status: 200, shows: /"bytes": 12,\s+"type": "application\/octet-stream"/ },
  'OPTIONS /infer/api/upload': { status: 204, shows: /allow: OPTIONS, POST/i },
  'GET /infer/api/visit': { status: 200, shows: /"visitor": "[0-9a-f-]{36}"/ },
  'HEAD /infer/api/visit': { status: 200 },
  'OPTIONS /infer/api/visit': { status: 204 },
};

describe('inference on real handler shapes, sent to a real next dev', function () {
  this.timeout(300000);
  let server: DevServer;

  before(async () => {
    server = await startNextDev(APP);
    // next dev writes its routes manifest (with the computed basePath) when it starts.
    await cli(['request', 'app/api/items/route.ts#GET', '--send', '--base', server.origin], APP);
  });
  after(async () => server?.stop());

  it('lists every route with its methods, re-exports included, HEAD/OPTIONS as implicit, under the manifest’s basePath', () => {
    const { routes } = listRoutes(APP, new ProjectIndex());
    const listed = routes
      .filter((r) => r.routable)
      .flatMap((r) => [...r.methods, ...r.implicitMethods].map((m) => `${m} ${r.route}`));
    assert.deepEqual(listed.sort(), Object.keys(EXPECTED).sort());
  });

  for (const [key, expected] of Object.entries(EXPECTED)) {
    const [method, route] = key.split(' ') as [string, string];
    it(`${key} answers ${expected.status}`, async () => {
      const { routes } = listRoutes(APP, new ProjectIndex());
      const entry = routes.find((r) => r.route === route)!;
      const file = path.relative(APP, entry.file);
      const run = await cli(
        ['request', `${file}#${method}`, '--send', '--base', server.origin, ...(expected.args ?? [])],
        APP,
      );
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, new RegExp(`^HTTP/1\\.1 ${expected.status}\\b`), run.stdout + run.stderr);
      if (expected.shows) assert.match(run.stdout, expected.shows, run.stdout);
      assert.doesNotMatch(run.stderr, /cookie/i, 'a cookie the handler sets itself is never asked for');
    });
  }

  it('warns that Next answers 404 for a route in a private folder, and it does', async () => {
    const run = await cli(['request', 'app/api/_private/route.ts#GET', '--send', '--base', server.origin], APP);
    assert.match(run.stderr, /private folder/);
    assert.match(run.stdout, /^HTTP\/1\.1 404\b/);
  });
});

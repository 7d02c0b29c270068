/**
 * Conformance against the running app: the fixture app served by a real `next dev`, every
 * documented operation exercised with requests built from our document alone, and every
 * answer checked against the document (status, content type, body schema, Location). This is
 * our own runner (test/support/conformance.ts); Schemathesis is not run here (PyPI is not
 * reachable from this project's test environment).
 */
import * as assert from 'node:assert/strict';
import { buildOpenApi, type OpenApiDocument } from '../../../src/core/openapi/document';
import { runConformance } from '../../support/conformance';
import { FIXTURE_APP, startNextDev, type DevServer } from '../../support/nextDev';

describe('OpenAPI conformance against the fixture app on a real next dev', function () {
  this.timeout(300000);
  let server: DevServer;
  const { document } = buildOpenApi(FIXTURE_APP);

  before(async () => {
    server = await startNextDev(FIXTURE_APP);
  });
  after(async () => server?.stop());

  it('every response to every documented operation has a documented status and matches its schema', async () => {
    const exchanges = await runConformance(server.origin, document);
    const operations = Object.values(document.paths).reduce((n, item) => n + Object.keys(item).length, 0);
    assert.equal(new Set(exchanges.map((e) => e.operation)).size, operations);
    const failures = exchanges.filter((e) => e.problems.length);
    assert.deepEqual(
      failures.map((f) => `${f.request} → ${f.status}: ${f.problems.join('; ')}`),
      [],
    );
    // The runs reach more than the happy path: errors and empty answers are checked too.
    const statuses = new Set(exchanges.map((e) => e.status));
    for (const s of [200, 201, 204, 400, 404]) assert.ok(statuses.has(s), `no ${s} seen: ${[...statuses].join(', ')}`);
  });

  it('finds the mismatch when the document says something the app does not do', async () => {
    const wrong = structuredClone(document) as OpenApiDocument;
    const get = wrong.paths['/api/hello']!.get!;
    get.responses['200']!.content!['application/json']!.schema = {
      type: 'object',
      properties: { message: { type: 'integer' } },
      required: ['message'],
    };
    delete wrong.paths['/api/users/{id}']!.get!.responses['404'];
    const only = {
      ...wrong,
      paths: {
        '/api/hello': wrong.paths['/api/hello']!,
        '/api/users/{id}': { get: wrong.paths['/api/users/{id}']!.get! },
      },
    };
    const problems = (await runConformance(server.origin, only)).flatMap((e) =>
      e.problems.map((p) => `${e.request}: ${p}`),
    );
    assert.ok(
      problems.some((p) => /GET \/api\/hello .*does not match/.test(p)),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) => /GET \/api\/users\/example .*status 404 is not documented/.test(p)),
      problems.join('\n'),
    );
  });
});

/**
 * Every document we produce is valid OpenAPI 3.1 by a maintained validator
 * (@readme/openapi-parser): the fixture app, the benchmark corpus, and every snippet
 * expansion as a route of its own project.
 */
import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { compileErrors, validate } from '@readme/openapi-parser';
import { expandEverySnippet } from '../../../scripts/snippets/expand';
import { buildOpenApi, type OpenApiDocument } from '../../../src/core/openapi/document';
import { FIXTURE_APP, REPO_ROOT } from '../../support/nextDev';
import { DocumentSchemas } from '../../support/openapi';
import { tempProject } from '../../support/tempProject';

async function assertValid(document: OpenApiDocument, label: string): Promise<void> {
  const result = await validate(structuredClone(document) as never);
  assert.ok(result.valid, `${label}: ${result.valid ? '' : compileErrors(result)}`);
  // The OpenAPI validator does not look inside schemas: each one must also compile as JSON Schema 2020-12.
  const schemas = new DocumentSchemas(document);
  const seen = new Set<string>();
  for (const { where, schema } of DocumentSchemas.schemasOf(document)) {
    const key = JSON.stringify(schema);
    if (seen.has(key)) continue;
    seen.add(key);
    assert.doesNotThrow(() => schemas.compile(schema), `${label}: ${where}`);
  }
}

function operationCount(document: OpenApiDocument): number {
  return Object.values(document.paths).reduce((n, item) => n + Object.keys(item).length, 0);
}

describe('OpenAPI documents validate as OpenAPI 3.1', function () {
  this.timeout(120000);

  it('the checks reject a path parameter that is not required and a schema with an unknown type', async () => {
    const bad = {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      servers: [{ url: '/' }],
      paths: {
        '/a/{id}': {
          get: {
            parameters: [{ name: 'id', in: 'path', schema: { type: 'string' } }],
            responses: { 200: { description: 'OK' } },
          },
        },
      },
    } as unknown as OpenApiDocument;
    assert.equal((await validate(structuredClone(bad) as never)).valid, false);
    assert.throws(() => new DocumentSchemas(bad).compile({ type: 'strin' }));
  });

  it('the fixture app document is valid and has every served handler', async () => {
    const { document } = buildOpenApi(FIXTURE_APP);
    await assertValid(document, 'fixture app');
    assert.equal(operationCount(document), 20);
    assert.deepEqual(document.servers, [{ url: '/kit' }]);
  });

  it('the document of the module-following fixture app (re-exports, imported helpers and schemas) is valid', async () => {
    const { document } = buildOpenApi(path.join(REPO_ROOT, 'test', 'fixtures', 'infer-app'));
    await assertValid(document, 'infer-app');
    assert.ok(operationCount(document) >= 10);
  });

  it('the 500-file benchmark corpus document is valid', async () => {
    const dir = path.join(os.tmpdir(), `nrk-openapi-corpus-${process.pid}`);
    const { generateCorpus } = (await import(path.join(REPO_ROOT, 'bench', 'generate-corpus.mjs'))) as {
      generateCorpus(dir: string, count: number): { files: string[] };
    };
    try {
      const corpus = generateCorpus(dir, 500);
      const { document } = buildOpenApi(dir);
      await assertValid(document, 'bench corpus');
      assert.ok(operationCount(document) >= corpus.files.length, `only ${operationCount(document)} operations`);
    } finally {
      (await import('node:fs')).rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the document of every snippet expansion is valid', async () => {
    const snippets = expandEverySnippet();
    assert.ok(snippets.length > 50);
    for (const s of snippets) {
      const project = tempProject({ 'package.json': '{"name":"snippet-app"}', [s.path]: s.text });
      try {
        const { document } = buildOpenApi(project.dir);
        assert.ok(operationCount(document) > 0, `${s.label}: no operation`);
        await assertValid(document, s.label);
      } finally {
        project.remove();
      }
    }
  });
});

/**
 * A real consumer of the document: openapi-typescript turns the fixture app's document into
 * TypeScript types, and code using them (with deliberate mistakes marked `@ts-expect-error`)
 * compiles under strict mode, so the types say what the handlers answer and accept.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import * as ts from 'typescript';
import { buildOpenApi } from '../../../src/core/openapi/document';
import { FIXTURE_APP, REPO_ROOT } from '../../support/nextDev';

const USAGE = `import type { components, paths } from './schema';

type UserNotFound = paths['/api/users/{id}']['get']['responses'][404]['content']['application/json'];
export const notFound: UserNotFound = { error: 'User 7 not found' };
// @ts-expect-error the 404 body always carries its error message
export const missingError: UserNotFound = {};

type ListQuery = NonNullable<paths['/api/users']['get']['parameters']['query']>;
export const query: ListQuery = { page: 2, limit: 10 };
// @ts-expect-error page is an integer, not a string
export const badQuery: ListQuery = { page: 'two' };

type Signup = paths['/api/newsletter']['post']['requestBody'];
export const signup: NonNullable<Signup>['content']['multipart/form-data'] = { email: 'a@example.com' };

type Files = paths['/api/files/{path}']['get']['responses'][200]['content']['application/json'];
export const files: Files = { path: ['a', 'b'], depth: 2 };
// @ts-expect-error path is a list of segments
export const badFiles: Files = { path: 'a/b', depth: 2 };

export type NoSchemas = components['schemas'];
`;

describe('OpenAPI document → openapi-typescript → tsc', function () {
  this.timeout(60000);

  it('the fixture app document becomes types that compile, and misuse of them does not', async () => {
    const { document } = buildOpenApi(FIXTURE_APP);
    const types = astToString(await openapiTS(structuredClone(document) as never));
    const dir = path.join(REPO_ROOT, '.cache', 'openapi-types');
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'schema.ts'), types);
    fs.writeFileSync(path.join(dir, 'usage.ts'), USAGE);
    const program = ts.createProgram([path.join(dir, 'usage.ts')], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      skipLibCheck: true,
      exactOptionalPropertyTypes: true,
    });
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    assert.deepEqual(diagnostics, []);
  });
});

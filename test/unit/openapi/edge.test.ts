/**
 * Route files at the edges: a file that does not parse, recursive types and schemas,
 * re-exported handlers, computed statuses, JSON sent as text, intersections and generics,
 * chained zod object modifiers. The document is still built, stays valid, and leaves open
 * what it cannot read.
 */
import * as assert from 'node:assert/strict';
import { validate, compileErrors } from '@readme/openapi-parser';
import { buildOpenApi, type OpenApiDocument } from '../../../src/core/openapi/document';
import { DocumentSchemas } from '../../support/openapi';
import { tempProject } from '../../support/tempProject';

const FILES: Record<string, string> = {
  'app/api/a/route.ts': `export async function GET( {
  return Response.json({ a: 
`,
  'app/api/b/route.ts': `interface Node { name: string; children: Node[] }
import { z } from 'zod';
const Cat: z.ZodType = z.lazy(() => z.object({ name: z.string(), sub: z.array(Cat) }));
export async function POST(req: Request) {
  const n = (await req.json()) as Node;
  const c = Cat.parse(await req.json());
  return Response.json(n satisfies Node);
}
export async function PUT(req: Request) {
  const c = Cat.parse(await req.json());
  return Response.json({ ...c, [Symbol.iterator]: 1 });
}
`,
  'app/api/c/route.ts': `export { GET, POST } from './impl';
export default function handler() {}
`,
  'app/api/d/route.js': `const s = 'x';
export const GET = async (req) => {
  const { searchParams: sp } = new URL(req.url);
  return new Response(JSON.stringify({ k: sp.get('k') }), { status: Number(sp.get('s')) });
};
export function DELETE() { return Response.redirect('https://example.com'); }
`,
  'app/api/e/route.ts': `type A = { a: string } & { b?: number };
type T<X> = { x: X };
export async function PATCH(request: Request) {
  const body: A | null = await request.json();
  const t = (await request.json()) as T<string>;
  return Response.json([body, t, ...[1]]);
}
`,
  'app/api/f/route.ts': `import { z } from 'zod';
const Base = z.object({ id: z.string().uuid(), n: z.coerce.number().int().positive() });
const Ext = Base.extend({ tags: z.set(z.string()).min(1) }).partial({ n: true }).omit({ id: true });
const U = z.discriminatedUnion('kind', [z.object({ kind: z.literal('a') }), z.object({ kind: z.literal('b'), v: z.tuple([z.string(), z.number()]) })]);
export async function POST(request: Request) {
  const r = z.object({ ext: Ext, u: U, rec: z.record(z.string(), z.boolean()), d: z.date().nullish() }).strict().safeParse(await request.json());
  return Response.json({ ok: r.success }, { status: r.success ? 200 : 422 });
}
`,
};

describe('OpenAPI documents of unusual route files', () => {
  let document: OpenApiDocument;
  before(() => {
    const project = tempProject({ 'package.json': '{}', ...FILES });
    try {
      document = buildOpenApi(project.dir).document;
    } finally {
      project.remove();
    }
  });

  it('is valid OpenAPI 3.1 with schemas that compile', async () => {
    const result = await validate(structuredClone(document) as never);
    assert.ok(result.valid, result.valid ? '' : compileErrors(result));
    const schemas = new DocumentSchemas(document);
    for (const { where, schema } of DocumentSchemas.schemasOf(document))
      assert.doesNotThrow(() => schemas.compile(schema), where);
  });

  it('documents a handler of a file that does not parse, and re-exported handlers, with an open default response', () => {
    const open = { default: { description: 'The responses could not be read from the handler’s code' } };
    assert.deepEqual(document.paths['/api/a']?.get?.responses, open);
    assert.deepEqual(document.paths['/api/c']?.get?.responses, open);
    assert.deepEqual(document.paths['/api/c']?.post?.responses, open);
  });

  it('gives recursive interfaces and lazy zod schemas a component that refers to itself', () => {
    assert.deepEqual(document.components?.schemas?.['Node']?.properties?.['children'], {
      type: 'array',
      items: { $ref: '#/components/schemas/Node' },
    });
    assert.deepEqual(document.components?.schemas?.['Cat']?.properties?.['sub'], {
      type: 'array',
      items: { $ref: '#/components/schemas/Cat' },
    });
  });

  it('documents a computed status as the default response, and JSON.stringify without a content type as text', () => {
    const get = document.paths['/api/d']?.get;
    assert.deepEqual(Object.keys(get?.responses ?? {}), ['default']);
    assert.deepEqual(get?.responses['default']?.content, { 'text/plain': { schema: { type: 'string' } } });
    assert.deepEqual(document.paths['/api/d']?.delete?.responses, {
      302: { description: 'Found', headers: { Location: { schema: { type: 'string' } } } },
    });
  });

  it('reads chained zod object modifiers and a discriminated union', () => {
    assert.deepEqual(document.components?.schemas?.['Ext'], {
      type: 'object',
      properties: {
        n: { type: 'integer', exclusiveMinimum: 0 },
        tags: { type: 'array', items: { type: 'string' }, uniqueItems: true, minItems: 1 },
      },
      required: ['tags'],
    });
    assert.equal(document.components?.schemas?.['U']?.anyOf?.length, 2);
    const body = document.paths['/api/f']?.post?.requestBody?.content['application/json']?.schema;
    assert.equal(body?.additionalProperties, false);
    assert.deepEqual(body?.required, ['ext', 'u', 'rec']);
  });
});

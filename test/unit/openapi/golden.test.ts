/**
 * Golden tests, one per inference source: a route file written the way people write them,
 * and the part of the OpenAPI document it must give (zod schemas, TypeScript types,
 * destructuring and typeof checks, form data and text, responses, query parameters, headers
 * and security). The expected values were reviewed by hand against the handler's code.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { buildOpenApi, type OpenApiDocument } from '../../../src/core/openapi/document';
import { REPO_ROOT } from '../../support/nextDev';
import { tempProject } from '../../support/tempProject';

function documentFor(files: Record<string, string>): OpenApiDocument {
  const project = tempProject({ 'package.json': '{"name":"golden-app","version":"1.2.3"}', ...files });
  try {
    return buildOpenApi(project.dir).document;
  } finally {
    project.remove();
  }
}

function operation(document: OpenApiDocument, path: string, method: 'get' | 'post' | 'put' | 'patch') {
  const op = document.paths[path]?.[method];
  assert.ok(op, `${method.toUpperCase()} ${path} is documented`);
  return op;
}

describe('OpenAPI golden documents, one per inference source', () => {
  it('reads a zod schema, with a shared schema as a component', () => {
    const document = documentFor({
      'app/api/zod/route.ts': `import { z } from 'zod';

const Address = z.object({ city: z.string().min(1), zip: z.string().regex(/^\\d{5}$/).optional() });
const CreateUser = z.object({
  email: z.string().email(),
  name: z.string().min(1).max(80),
  age: z.number().int().min(0).max(150).optional(),
  role: z.enum(['admin', 'member']).default('member'),
  tags: z.array(z.string()).max(5),
  nickname: z.string().nullable(),
  address: Address,
  contact: z.union([z.string().email(), z.number().positive()]),
});

export async function POST(request: Request) {
  const parsed = CreateUser.safeParse(await request.json());
  if (!parsed.success) return Response.json({ error: 'Invalid body' }, { status: 400 });
  return Response.json({ id: crypto.randomUUID(), email: parsed.data.email }, { status: 201 });
}
`,
    });
    const op = operation(document, '/api/zod', 'post');
    assert.deepEqual(op.requestBody, {
      required: true,
      content: {
        'application/json': {
          schema: {
            $ref: '#/components/schemas/CreateUser',
          },
        },
      },
    });
    assert.deepEqual(document.components?.schemas, {
      Address: {
        type: 'object',
        properties: {
          city: {
            type: 'string',
            minLength: 1,
          },
          zip: {
            type: 'string',
            pattern: '^\\d{5}$',
          },
        },
        required: ['city'],
      },
      CreateUser: {
        type: 'object',
        properties: {
          email: {
            type: 'string',
            format: 'email',
          },
          name: {
            type: 'string',
            minLength: 1,
            maxLength: 80,
          },
          age: {
            type: 'integer',
            minimum: 0,
            maximum: 150,
          },
          role: {
            type: 'string',
            enum: ['admin', 'member'],
            default: 'member',
          },
          tags: {
            type: 'array',
            items: {
              type: 'string',
            },
            maxItems: 5,
          },
          nickname: {
            type: ['string', 'null'],
          },
          address: {
            $ref: '#/components/schemas/Address',
          },
          contact: {
            anyOf: [
              {
                type: 'string',
                format: 'email',
              },
              {
                type: 'number',
                exclusiveMinimum: 0,
              },
            ],
          },
        },
        required: ['email', 'name', 'tags', 'nickname', 'address', 'contact'],
      },
    });
    assert.deepEqual(Object.keys(op.responses), ['201', '400']);
  });

  it('reads the TypeScript type of the parsed body: as T, a typed variable, satisfies T', () => {
    const document = documentFor({
      'app/api/typed/route.ts': `interface CreatePost {
  title: string;
  body?: string;
  status: 'draft' | 'published';
  tags: string[];
  meta: Record<string, number>;
}

type Patch = { title?: string; pinned: boolean | null };

export async function POST(request: Request) {
  const input = (await request.json()) as CreatePost;
  return Response.json({ title: input.title }, { status: 201 });
}

export async function PUT(request: Request) {
  const input: CreatePost = await request.json();
  return Response.json(input);
}

export async function PATCH(request: Request) {
  const patch = (await request.json()) satisfies Patch;
  return Response.json(patch);
}
`,
    });
    const ref = (name: string) => ({
      required: true,
      content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } },
    });
    assert.deepEqual(operation(document, '/api/typed', 'post').requestBody, ref('CreatePost'));
    assert.deepEqual(operation(document, '/api/typed', 'put').requestBody, ref('CreatePost'));
    assert.deepEqual(operation(document, '/api/typed', 'patch').requestBody, ref('Patch'));
    assert.deepEqual(document.components?.schemas, {
      CreatePost: {
        type: 'object',
        properties: {
          title: {
            type: 'string',
          },
          body: {
            type: 'string',
          },
          status: {
            type: 'string',
            enum: ['draft', 'published'],
          },
          tags: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          meta: {
            type: 'object',
            additionalProperties: {
              type: 'number',
            },
          },
        },
        required: ['title', 'status', 'tags', 'meta'],
      },
      Patch: {
        type: 'object',
        properties: {
          title: {
            type: 'string',
          },
          pinned: {
            type: ['boolean', 'null'],
          },
        },
        required: ['pinned'],
      },
    });
  });

  it('reads destructuring and typeof checks: names, and types where the code checks them', () => {
    const document = documentFor({
      'app/api/destructured/route.ts': `export async function POST(request: Request) {
  const { title, count = 1, published, author: { name }, labels } = await request.json();
  if (typeof title !== 'string' || typeof published !== 'boolean') {
    return Response.json({ error: 'title and published are required' }, { status: 400 });
  }
  if (!Array.isArray(labels)) return Response.json({ error: 'labels must be a list' }, { status: 400 });
  return Response.json({ title, count, author: name }, { status: 201 });
}
`,
    });
    assert.deepEqual(operation(document, '/api/destructured', 'post').requestBody, {
      required: true,
      content: {
        'application/json': {
          schema: {
            type: 'object',
            properties: {
              title: {
                type: 'string',
              },
              count: {
                type: 'number',
              },
              published: {
                type: 'boolean',
              },
              author: {
                type: 'object',
                properties: {
                  name: {},
                },
              },
              labels: {
                type: 'array',
                items: {},
              },
            },
          },
        },
      },
    });
  });

  it('reads form data as multipart with files as binary, and text bodies', () => {
    const document = documentFor({
      'app/api/upload/route.ts': `export async function POST(request: Request) {
  const form = await request.formData();
  const file = form.get('file');
  const caption = form.get('caption');
  if (!(file instanceof File)) return Response.json({ error: 'file is required' }, { status: 400 });
  if (file.size > 1_000_000) return Response.json({ error: 'file too large' }, { status: 413 });
  return Response.json({ name: file.name, caption: typeof caption === 'string' ? caption : null }, { status: 201 });
}

export async function PUT(request: Request) {
  const text = await request.text();
  return new Response(\`received \${text.length} characters\`);
}
`,
    });
    const post = operation(document, '/api/upload', 'post');
    assert.deepEqual(post.requestBody, {
      required: true,
      content: {
        'multipart/form-data': {
          schema: {
            type: 'object',
            properties: {
              file: {
                type: 'string',
                format: 'binary',
                contentMediaType: 'application/octet-stream',
              },
              caption: {
                type: 'string',
              },
            },
          },
        },
      },
    });
    assert.deepEqual(Object.keys(post.responses), ['201', '400', '413']);
    assert.deepEqual(operation(document, '/api/upload', 'put').requestBody, {
      required: true,
      content: {
        'text/plain': {
          schema: {
            type: 'string',
          },
        },
      },
    });
  });

  it('reads one response per status: JSON shapes, text, streams, 204, redirects, notFound(), a computed status', () => {
    const document = documentFor({
      'app/api/responses/[id]/route.ts': `import { NextResponse } from 'next/server';
import { notFound } from 'next/navigation';

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (id === 'old') return NextResponse.redirect(new URL('/new', request.url), 308);
  if (id === 'gone') notFound();
  if (id === 'text') return new Response('plain text', { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  if (id === 'none') return new Response(null, { status: 204 });
  if (id === 'events') {
    const stream = new ReadableStream();
    return new Response(stream, { headers: { 'Content-Type': 'text/event-stream' } });
  }
  if (id === 'teapot') {
    const status = Number(new URL(request.url).searchParams.get('status') ?? 500);
    return Response.json({ error: 'computed' }, { status });
  }
  return NextResponse.json({ id, ok: true, count: 3, tags: ['a', 'b'], nested: { at: new Date().toISOString() } });
}
`,
    });
    assert.deepEqual(operation(document, '/api/responses/{id}', 'get').responses, {
      '200': {
        description: 'OK',
        content: {
          'text/plain': {
            schema: {
              type: 'string',
            },
          },
          'text/event-stream': {
            schema: {
              type: 'string',
            },
          },
          'application/json': {
            schema: {
              type: 'object',
              properties: {
                id: {
                  type: 'string',
                },
                ok: {
                  type: 'boolean',
                },
                count: {
                  type: 'integer',
                },
                tags: {
                  type: 'array',
                  items: {
                    type: 'string',
                  },
                },
                nested: {
                  type: 'object',
                  properties: {
                    at: {
                      type: 'string',
                    },
                  },
                  required: ['at'],
                },
              },
              required: ['id', 'ok', 'count', 'tags', 'nested'],
            },
          },
        },
      },
      '204': {
        description: 'No Content',
      },
      '308': {
        description: 'Permanent Redirect',
        headers: {
          Location: {
            schema: {
              type: 'string',
            },
          },
        },
      },
      '404': {
        description: 'Not Found (`notFound()`)',
      },
      default: {
        description: 'A response whose status the code computes at run time',
        content: {
          'application/json': {
            schema: {
              type: 'object',
              properties: {
                error: {
                  type: 'string',
                },
              },
              required: ['error'],
            },
          },
        },
      },
    });
  });

  it('reads query types, defaults and allow-lists, headers, and Bearer and session cookies as security schemes', () => {
    const document = documentFor({
      'app/api/query/route.ts': `import { cookies } from 'next/headers';
import type { NextRequest } from 'next/server';

const SORTS = ['createdAt', 'title'] as const;

export async function GET(request: NextRequest) {
  const sp = request.nextUrl.searchParams;
  const page = Number(sp.get('page') ?? 1);
  const ratio = Number.parseFloat(sp.get('ratio') ?? '0.5');
  const sort = sp.get('sort') ?? 'createdAt';
  if (!SORTS.includes(sort as (typeof SORTS)[number])) return Response.json({ error: 'bad sort' }, { status: 400 });
  const draft = sp.get('draft') === 'true';
  const tags = sp.getAll('tag');
  const q = sp.get('q');
  const token = request.headers.get('authorization');
  const tenant = request.headers.get('x-tenant');
  const session = (await cookies()).get('session')?.value;
  const theme = request.cookies.get('theme')?.value;
  return Response.json({ page, ratio, sort, draft, tags, q, token: !!token, tenant, session: !!session, theme });
}
`,
    });
    const op = operation(document, '/api/query', 'get');
    assert.deepEqual(op.parameters, [
      {
        name: 'page',
        in: 'query',
        schema: {
          type: 'integer',
          default: 1,
        },
      },
      {
        name: 'ratio',
        in: 'query',
        schema: {
          type: 'number',
          default: 0.5,
        },
      },
      {
        name: 'sort',
        in: 'query',
        schema: {
          type: 'string',
          enum: ['createdAt', 'title'],
          default: 'createdAt',
        },
      },
      {
        name: 'draft',
        in: 'query',
        schema: {
          type: 'boolean',
        },
      },
      {
        name: 'tag',
        in: 'query',
        schema: {
          type: 'array',
          items: {
            type: 'string',
          },
        },
      },
      {
        name: 'q',
        in: 'query',
        schema: {
          type: 'string',
        },
      },
      {
        name: 'X-Tenant',
        in: 'header',
        schema: {
          type: 'string',
        },
      },
      {
        name: 'theme',
        in: 'cookie',
        schema: {
          type: 'string',
        },
      },
    ]);
    assert.deepEqual(op.security, [
      {
        bearerAuth: [],
      },
      {
        sessionCookie: [],
      },
    ]);
    assert.deepEqual(document.components?.securitySchemes, {
      bearerAuth: {
        type: 'http',
        scheme: 'bearer',
      },
      sessionCookie: {
        type: 'apiKey',
        in: 'cookie',
        name: 'session',
      },
    });
    assert.equal(op.operationId, 'getApiQuery');
  });

  it('follows the app’s own modules as the lens does: re-exported handlers, an imported zod schema, an imported auth wrapper', () => {
    const { document, unreadableConfig } = buildOpenApi(path.join(REPO_ROOT, 'test', 'fixtures', 'infer-app'));
    const reexported = operation(document, '/api/reexport', 'get');
    assert.equal(reexported.description, 'Handler: `app/api/reexport/route.ts` (code in `handlers/hello.ts`)');
    assert.deepEqual(reexported.parameters, [
      { name: 'name', in: 'query', schema: { type: 'string', default: 'world' } },
    ]);
    assert.deepEqual(operation(document, '/api/items', 'post').requestBody, {
      required: true,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/CreateItem' } } },
    });
    assert.deepEqual(document.components?.schemas?.['CreateItem']?.required, ['title', 'quantity', 'email', 'tags']);
    const secure = operation(document, '/api/secure', 'get');
    assert.deepEqual(Object.keys(secure.responses), ['200', '401']);
    assert.deepEqual(secure.security, [{ bearerAuth: [] }]);
    assert.deepEqual(unreadableConfig, ['basePath']);
  });
});

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from '../../../src/core/ast/parse';
import { ProjectIndex } from '../../../src/core/nextjs/project';
import { inferRequests, type InferredRequest } from '../../../src/core/request/infer';
import { FIXTURE_APP } from '../../support/nextDev';
import { infer } from '../support/infer';

interface Case {
  readonly name: string;
  readonly code: string;
  readonly file?: string;
  readonly method?: string;
  readonly expect: Partial<Omit<InferredRequest, 'params'>> & { params?: string[] };
}

const CASES: readonly Case[] = [
  {
    name: 'a GET with no inputs',
    code: `export async function GET() { return Response.json([]) }`,
    expect: { method: 'GET', query: [], auth: false, cookies: [], headers: [] },
  },
  {
    name: 'path params from the folders',
    file: 'app/api/teams/[team]/files/[...path]/route.ts',
    code: `export async function GET() { return Response.json({}) }`,
    expect: { route: '/api/teams/[team]/files/[...path]', params: ['team', 'path'] },
  },
  {
    name: 'query keys from new URL(request.url).searchParams',
    code: `export async function GET(request: Request) {\n  const { searchParams } = new URL(request.url);\n  const q = searchParams.get('q');\n  const page = searchParams.get('page');\n  return Response.json({ q, page });\n}`,
    expect: { query: ['q', 'page'] },
  },
  {
    name: 'query keys from request.nextUrl.searchParams and getAll',
    code: `export async function GET(request: NextRequest) {\n  const sp = request.nextUrl.searchParams;\n  return Response.json({ tags: sp.getAll('tag'), sort: request.nextUrl.searchParams.get('sort') });\n}`,
    expect: { query: ['tag', 'sort'] },
  },
  {
    name: 'a JSON body from destructuring, with types from checks',
    method: 'POST',
    code: `export async function POST(req: Request) {\n  const { title, tags, published, count } = await req.json();\n  if (typeof title !== 'string' || !Array.isArray(tags)) return new Response(null, { status: 400 });\n  return Response.json({ title, tags, published, count }, { status: 201 });\n}`,
    expect: { body: { kind: 'json', value: { title: '', tags: [], published: false, count: 0 } } },
  },
  {
    name: 'a JSON body from property reads, nested',
    method: 'PUT',
    code: `export async function PUT(req: Request) {\n  const data = await req.json();\n  await save(data.name, data.address.city, data.email);\n  return Response.json({});\n}`,
    expect: { body: { kind: 'json', value: { name: '', address: { city: '' }, email: 'user@example.com' } } },
  },
  {
    name: 'a zod schema (strings, numbers, booleans, enums, arrays, nested, defaults)',
    method: 'POST',
    code: `import { z } from 'zod';\nconst Address = z.object({ city: z.string(), zip: z.string().optional() });\nconst Body = z.object({\n  email: z.string().email(),\n  age: z.coerce.number().int(),\n  admin: z.boolean().default(true),\n  role: z.enum(['user', 'admin']),\n  tags: z.array(z.string()),\n  address: Address,\n  homepage: z.string().url().optional(),\n});\nexport async function POST(req: Request) {\n  const parsed = Body.safeParse(await req.json());\n  if (!parsed.success) return Response.json({ error: 'bad' }, { status: 400 });\n  return Response.json(parsed.data, { status: 201 });\n}`,
    expect: {
      body: {
        kind: 'json',
        value: {
          email: 'user@example.com',
          age: 0,
          admin: true,
          role: 'user',
          tags: [''],
          address: { city: '', zip: '' },
          homepage: 'https://example.com',
        },
      },
    },
  },
  {
    name: 'a zod schema applied to a body variable',
    method: 'PATCH',
    code: `import { z } from 'zod';\nconst Patch = z.object({ done: z.boolean() });\nexport async function PATCH(req: Request) {\n  const raw = await req.json().catch(() => null);\n  const parsed = Patch.parse(raw);\n  return Response.json(parsed);\n}`,
    expect: { body: { kind: 'json', value: { done: false } } },
  },
  {
    name: 'multipart fields from formData.get()',
    method: 'POST',
    code: `export async function POST(req: Request) {\n  const form = await req.formData();\n  const file = form.get('file');\n  const userId = form.get('userId');\n  return Response.json({ ok: !!file && !!userId }, { status: 201 });\n}`,
    expect: { body: { kind: 'form', fields: ['file', 'userId'], files: [] } },
  },
  {
    name: 'form fields the code treats as files (instanceof File, as File, .arrayBuffer())',
    method: 'POST',
    code: `export async function POST(req: Request) {\n  const form = await req.formData();\n  const avatar = form.get('avatar');\n  if (!(avatar instanceof File)) return new Response(null, { status: 400 });\n  const doc = form.get('doc') as File;\n  const name = form.get('name');\n  return Response.json({ size: avatar.size + doc.size, name }, { status: 201 });\n}`,
    expect: { body: { kind: 'form', fields: ['avatar', 'doc', 'name'], files: ['avatar', 'doc'] } },
  },
  {
    name: 'Authorization: Bearer when the handler reads the header',
    code: `export async function GET(request: Request) {\n  const auth = request.headers.get('Authorization');\n  if (!auth?.startsWith('Bearer ')) return new Response(null, { status: 401 });\n  return Response.json({});\n}`,
    expect: { auth: true, headers: [] },
  },
  {
    name: 'auth read in a local helper the handler calls',
    code: `function bearer(req: Request) { return req.headers.get('authorization')?.slice(7) }\nexport async function GET(request: Request) { return Response.json({ t: bearer(request) }) }`,
    expect: { auth: true },
  },
  {
    name: 'cookies from request.cookies and next/headers, and an API-key header',
    code: `import { cookies } from 'next/headers';\nexport async function GET(request: NextRequest) {\n  const s = request.cookies.get('session')?.value;\n  const theme = (await cookies()).get('theme')?.value;\n  const key = request.headers.get('x-api-key');\n  return Response.json({ s, theme, key });\n}`,
    expect: { cookies: ['session', 'theme'], headers: ['x-api-key'] },
  },
  {
    name: 'no body for GET even when the code reads one',
    code: `export async function GET(req: Request) { const b = await req.json(); return Response.json(b) }`,
    expect: { body: undefined },
  },
  {
    name: 'a wrapped handler (the inner function is read)',
    method: 'POST',
    code: `const withAuth = (h: any) => h;\nexport const POST = withAuth(async (req: Request) => {\n  const { name } = await req.json();\n  return Response.json({ name }, { status: 201 });\n});`,
    expect: { body: { kind: 'json', value: { name: '' } } },
  },
  {
    name: "the seed's session POST in JS",
    method: 'POST',
    file: 'app/api/session/route.js',
    code: `export async function POST(request) {\n  const data = await request.json()\n  const session = await createSession(data)\n  return Response.json({ user: session.user }, { status: 201 })\n}`,
    expect: { body: { kind: 'json', value: {} } },
  },
];

describe('request inference', () => {
  for (const c of CASES) {
    it(`infers ${c.name}`, () => {
      const all = infer(c.code, c.file);
      const r = c.method ? all.find((x) => x.method === c.method)! : all[0]!;
      assert.ok(r, `no handler ${c.method ?? ''}`);
      const { params, ...rest } = c.expect;
      for (const [k, v] of Object.entries(rest)) assert.deepEqual((r as unknown as Record<string, unknown>)[k], v, k);
      if (params)
        assert.deepEqual(
          r.params.map((p) => p.name),
          params,
        );
    });
  }

  describe('on the fixture app', () => {
    const index = new ProjectIndex();
    const inferFile = (rel: string): InferredRequest[] => {
      const file = path.join(FIXTURE_APP, rel);
      const info = index.routeFile(file)!;
      return inferRequests(parseDocument(file, fs.readFileSync(file, 'utf8')), info.route, info.params);
    };

    it('reads the users POST body (name, email) through a try-assigned variable', () => {
      const post = inferFile('app/api/users/route.ts').find((r) => r.method === 'POST')!;
      assert.deepEqual(post.body, { kind: 'json', value: { name: '', email: 'user@example.com' } });
      assert.equal(post.route, '/kit/api/users');
    });

    it('reads the users GET query keys', () => {
      assert.deepEqual(inferFile('app/api/users/route.ts').find((r) => r.method === 'GET')!.query, ['page', 'limit']);
    });

    it('reads the echo POST body and the Authorization header', () => {
      const post = inferFile('app/api/echo/route.ts')[0]!;
      assert.deepEqual(post.body, { kind: 'json', value: { title: '', tags: [] } });
      assert.equal(post.auth, true);
    });

    it('reads the newsletter form field', () => {
      assert.deepEqual(inferFile('app/(marketing)/api/newsletter/route.ts')[0]!.body, {
        kind: 'form',
        fields: ['email'],
        files: [],
      });
    });

    it('reads the wrapped handler query key', () => {
      assert.deepEqual(inferFile('app/api/wrapped/route.ts')[0]!.query, ['q']);
    });

    it('gives the item route its id param and no body on DELETE', () => {
      const del = inferFile('app/api/users/[id]/route.ts').find((r) => r.method === 'DELETE')!;
      assert.deepEqual(
        del.params.map((p) => p.name),
        ['id'],
      );
      assert.equal(del.body, undefined);
    });
  });
});

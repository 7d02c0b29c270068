/**
 * Request inference on the shapes real handlers use: query defaults, streamed bodies,
 * cookies the handler sets itself, the methods Next.js answers by itself, and code in the
 * app's own modules (helpers, wrappers, zod schemas, re-exports) reached through relative
 * and tsconfig `paths` imports — with the limits (node_modules, cycles, missing modules,
 * oversized files).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from '../../../src/core/ast/parse';
import { ModuleGraph } from '../../../src/core/nextjs/modules';
import { inferRequests, type InferredRequest } from '../../../src/core/request/infer';
import { buildRequest } from '../../../src/core/request/model';
import { tempProject } from '../../support/tempProject';
import { infer } from '../support/infer';

interface Case {
  readonly name: string;
  readonly code: string;
  readonly method?: string;
  readonly expect: Partial<InferredRequest>;
  /** The URL buildRequest writes (base http://h). */
  readonly url?: string;
}

const SINGLE_FILE: readonly Case[] = [
  {
    name: "a query key's `?? '1'` fallback as its value",
    code: `export async function GET(req: Request) {\n  const sp = new URL(req.url).searchParams;\n  const page = Number(sp.get('page') ?? '1');\n  const limit = Number(sp.get('limit') ?? 20);\n  const q = sp.get('q');\n  return Response.json({ page, limit, q });\n}`,
    expect: { query: ['page', 'limit', 'q'], queryDefaults: { page: '1', limit: '20' } },
    url: 'http://h/api/items?page=1&limit=20&q=',
  },
  {
    name: 'a fallback written with || after Number()/parseInt(), and on a variable read later',
    code: `export async function GET(req: NextRequest) {\n  const sp = req.nextUrl.searchParams;\n  const limit = Number(sp.get('limit')) || 50;\n  const page = parseInt(sp.get('page') || '2', 10);\n  const sort = sp.get('sort');\n  const order = sort ?? 'desc';\n  return Response.json({ limit, page, order });\n}`,
    expect: { queryDefaults: { limit: '50', page: '2', sort: 'desc' } },
  },
  {
    name: 'no default when the fallback is not a literal',
    code: `export async function GET(req: Request) {\n  const sp = new URL(req.url).searchParams;\n  return Response.json({ a: sp.get('a') ?? compute() });\n}`,
    expect: { query: ['a'] },
    url: 'http://h/api/items?a=',
  },
  {
    name: 'a handler reading request.body as a stream gets a placeholder body and a content type',
    method: 'POST',
    code: `export async function POST(request: Request) {\n  const reader = request.body!.getReader();\n  let size = 0;\n  for (;;) { const { done, value } = await reader.read(); if (done) break; size += value.length; }\n  return Response.json({ size });\n}`,
    expect: { body: { kind: 'stream', contentType: 'application/octet-stream' } },
  },
  {
    name: 'a stream passed on (new Response(req.body)) is a stream body too',
    method: 'PUT',
    code: `export async function PUT(req: Request) {\n  return new Response(req.body, { headers: { 'content-type': 'application/octet-stream' } });\n}`,
    expect: { body: { kind: 'stream', contentType: 'application/octet-stream' } },
  },
  {
    name: 'a cookie the handler sets itself (and then reads) is not asked for',
    code: `import { cookies } from 'next/headers';\nexport async function GET() {\n  const jar = await cookies();\n  if (!jar.get('visitor')) jar.set('visitor', crypto.randomUUID());\n  const theme = jar.get('theme');\n  return Response.json({ visitor: jar.get('visitor')?.value, theme });\n}`,
    expect: { cookies: ['theme'] },
  },
  {
    name: 'a cookie set with the object form is not asked for either',
    code: `import { cookies } from 'next/headers';\nexport async function GET() {\n  (await cookies()).set({ name: 'sid', value: 'x', httpOnly: true });\n  return Response.json({ sid: (await cookies()).get('sid')?.value });\n}`,
    expect: { cookies: [] },
  },
  {
    name: 'a session cookie read and then set again on the response (a refresh) is still asked for',
    method: 'POST',
    code: `export async function POST(request: NextRequest) {\n  const session = request.cookies.get('session')?.value;\n  if (!session) return NextResponse.json({ error: 'no' }, { status: 401 });\n  const response = NextResponse.json({ ok: true });\n  response.cookies.set('session', session, { httpOnly: true });\n  return response;\n}`,
    expect: { cookies: ['session'] },
  },
  {
    name: 'a cookie read, checked, then re-set on the next/headers store is still asked for',
    code: `import { cookies } from 'next/headers';\nexport async function GET() {\n  const jar = await cookies();\n  const token = jar.get('token')?.value;\n  if (!token) return new Response(null, { status: 401 });\n  jar.set('token', token, { maxAge: 3600 });\n  return Response.json({ ok: true });\n}`,
    expect: { cookies: ['token'] },
  },
  {
    name: "HEAD, which Next.js answers with GET, is offered (implicit) with GET's query and headers",
    method: 'HEAD',
    code: `export async function GET(req: Request) {\n  const key = req.headers.get('x-api-key');\n  return Response.json({ q: new URL(req.url).searchParams.get('q'), key });\n}`,
    expect: { method: 'HEAD', implicit: true, query: ['q'], headers: ['x-api-key'] },
  },
  {
    name: 'OPTIONS, which Next.js answers with 204 and Allow, is offered (implicit)',
    method: 'OPTIONS',
    code: `export async function POST(req: Request) {\n  const { a } = await req.json();\n  return Response.json({ a });\n}`,
    expect: { method: 'OPTIONS', implicit: true, query: [], cookies: [], headers: [] },
  },
];

describe('request inference: defaults, streams, own cookies, implicit methods', () => {
  for (const c of SINGLE_FILE) {
    it(`infers ${c.name}`, () => {
      const all = infer(c.code);
      const r = c.method ? all.find((x) => x.method === c.method) : all[0];
      assert.ok(r, `no ${c.method ?? 'handler'} in ${all.map((x) => x.method).join(', ')}`);
      for (const [k, v] of Object.entries(c.expect))
        assert.deepEqual((r as unknown as Record<string, unknown>)[k], v, k);
      if (c.url) assert.equal(buildRequest(r, { baseUrl: 'http://h' }).url, c.url);
    });
  }

  it('offers no HEAD when the file exports HEAD itself, and no OPTIONS when it exports OPTIONS', () => {
    const all = infer(
      `export function GET() { return new Response('') }\nexport function HEAD() { return new Response(null) }\nexport function OPTIONS() { return new Response(null, { status: 204 }) }`,
    );
    assert.deepEqual(
      all.map((r) => `${r.method}${r.implicit ? '*' : ''}`),
      ['GET', 'HEAD', 'OPTIONS'],
    );
  });

  it('builds a stream request with the content type and a placeholder body to replace', () => {
    const [r] = infer(`export async function POST(req: Request) { return new Response(req.body) }`);
    const spec = buildRequest(r!, { baseUrl: 'http://h' });
    assert.deepEqual(spec.headers, [['Content-Type', 'application/octet-stream']]);
    assert.equal(spec.body, 'example body');
  });
});

const TSCONFIG = `{
  // comments are allowed in tsconfig.json
  "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["./src/*"], "~lib/*": ["./src/lib/*"] } },
}`;

interface ModuleCase {
  readonly name: string;
  readonly files: Record<string, string>;
  readonly method?: string;
  readonly expect: Partial<InferredRequest>;
}

const ROUTE = 'src/app/api/items/route.ts';

const MODULE_CASES: readonly ModuleCase[] = [
  {
    name: 'headers read by a helper in another module, given request.headers (`@/` alias)',
    files: {
      [ROUTE]: `import { getRequestMeta } from '@/lib/meta';\nexport async function GET(request: Request) {\n  const meta = getRequestMeta(request.headers);\n  return Response.json(meta);\n}`,
      'src/lib/meta.ts': `export function getRequestMeta(h: Headers) {\n  return { id: h.get('x-request-id'), tenant: h.get('X-Tenant') };\n}`,
    },
    expect: { headers: ['x-request-id', 'x-tenant'] },
  },
  {
    name: 'an untyped helper parameter bound to request.headers at the call site (relative import)',
    files: {
      [ROUTE]: `import { tenantOf } from '../../../lib/tenant';\nexport async function GET(request: Request) {\n  return Response.json({ t: tenantOf(request.headers) });\n}`,
      'src/lib/tenant.js': `export const tenantOf = (hs) => hs.get('x-tenant');`,
    },
    expect: { headers: ['x-tenant'] },
  },
  {
    name: 'query keys and their defaults read by a helper given the searchParams',
    files: {
      [ROUTE]: `import { pagination } from '~lib/paging';\nexport async function GET(req: NextRequest) {\n  return Response.json(pagination(req.nextUrl.searchParams));\n}`,
      'src/lib/paging.ts': `export function pagination(params: URLSearchParams) {\n  return { page: Number(params.get('page') ?? 1), size: Number(params.get('size') ?? '25') };\n}`,
    },
    expect: { query: ['page', 'size'], queryDefaults: { page: '1', size: '25' } },
  },
  {
    name: 'cookies and the Authorization header read by a helper given the request',
    files: {
      [ROUTE]: `import { currentUser } from '@/lib/session';\nexport async function GET(request: NextRequest) {\n  const user = await currentUser(request);\n  return Response.json(user);\n}`,
      'src/lib/session.ts': `export async function currentUser(req: NextRequest) {\n  const sid = req.cookies.get('sid')?.value;\n  const bearer = req.headers.get('authorization');\n  return { sid, bearer };\n}`,
    },
    expect: { auth: true, cookies: ['sid'] },
  },
  {
    name: 'a wrapper imported from the app (`withAuth(async (req) => …)`) whose code reads Authorization',
    files: {
      [ROUTE]: `import { withAuth } from '@/lib/with-auth';\nexport const GET = withAuth(async (req) => Response.json({ ok: true }));`,
      'src/lib/with-auth.ts': `export function withAuth(handler: (req: Request) => Promise<Response>) {\n  return async (req: Request) => {\n    const token = req.headers.get('Authorization')?.replace('Bearer ', '');\n    if (!token) return new Response(null, { status: 401 });\n    return handler(req);\n  };\n}`,
    },
    expect: { auth: true },
  },
  {
    name: 'a wrapper reading an API key, exported as an arrow const from an index module',
    files: {
      [ROUTE]: `import { withApiKey } from '@/lib';\nexport const POST = withApiKey(async (req: Request) => {\n  const { name } = await req.json();\n  return Response.json({ name }, { status: 201 });\n});`,
      'src/lib/index.ts': `export * from './api-key';`,
      'src/lib/api-key.ts': `export const withApiKey = (fn: (r: Request) => Promise<Response>) => async (r: Request) => {\n  if (r.headers.get('x-api-key') !== process.env.API_KEY) return new Response(null, { status: 401 });\n  return fn(r);\n};`,
    },
    method: 'POST',
    expect: { headers: ['x-api-key'], body: { kind: 'json', value: { name: '' } } },
  },
  {
    name: 'a zod schema imported from `@/lib/schemas` gives the body skeleton',
    method: 'POST',
    files: {
      [ROUTE]: `import { CreateItem } from '@/lib/schemas';\nexport async function POST(req: Request) {\n  const parsed = CreateItem.safeParse(await req.json());\n  if (!parsed.success) return Response.json(parsed.error, { status: 400 });\n  return Response.json(parsed.data, { status: 201 });\n}`,
      'src/lib/schemas.ts': `import { z } from 'zod';\nconst Tag = z.object({ label: z.string() });\nexport const CreateItem = z.object({ title: z.string().min(1), email: z.string().email(), qty: z.number().min(1), tags: z.array(Tag) });`,
    },
    expect: { body: { kind: 'json', value: { title: '', email: 'user@example.com', qty: 1, tags: [{ label: '' }] } } },
  },
  {
    name: 'a zod schema re-exported through a barrel (`export { X } from`) and used by name',
    method: 'PATCH',
    files: {
      [ROUTE]: `import { schemas } from '@/lib/barrel';\nimport { Patch } from '@/lib/barrel';\nexport async function PATCH(req: Request) {\n  const body = Patch.parse(await req.json());\n  return Response.json(body);\n}`,
      'src/lib/barrel.ts': `export { Patch } from './patch';\nexport const schemas = {};`,
      'src/lib/patch.ts': `import * as z from 'zod';\nexport const Patch = z.object({ done: z.boolean() });`,
    },
    expect: { body: { kind: 'json', value: { done: false } } },
  },
  {
    name: 'a re-exported handler (`export * from`) is inferred from its module',
    method: 'POST',
    files: {
      [ROUTE]: `export * from '@/handlers/items';`,
      'src/handlers/items.ts': `export async function POST(request: Request) {\n  const { title } = await request.json();\n  return Response.json({ title: title.trim() }, { status: 201 });\n}`,
    },
    expect: { body: { kind: 'json', value: { title: '' } } },
  },
  {
    name: 'a helper inside node_modules (through an alias) is not read',
    files: {
      'tsconfig.json': `{ "compilerOptions": { "paths": { "@vendor/*": ["./node_modules/vendor/*"] } } }`,
      [ROUTE]: `import { meta } from '@vendor/meta';\nexport async function GET(request: Request) {\n  return Response.json(meta(request.headers));\n}`,
      'node_modules/vendor/meta.ts': `export function meta(h: Headers) { return h.get('x-vendor'); }`,
    },
    expect: { headers: [] },
  },
  {
    name: 'a package import (bare specifier) is not read',
    files: {
      [ROUTE]: `import { meta } from 'vendor';\nexport async function GET(request: Request) {\n  return Response.json(meta(request.headers));\n}`,
      'node_modules/vendor/index.ts': `export function meta(h: Headers) { return h.get('x-vendor'); }`,
    },
    expect: { headers: [] },
  },
  {
    name: 'an import cycle between helpers ends, keeping what each reads',
    files: {
      [ROUTE]: `import { a } from '@/lib/a';\nexport async function GET(request: Request) {\n  return Response.json(a(request.headers));\n}`,
      'src/lib/a.ts': `import { b } from './b';\nexport function a(h: Headers): unknown { return [h.get('x-a'), b(h)]; }`,
      'src/lib/b.ts': `import { a } from './a';\nexport function b(h: Headers): unknown { return [h.get('x-b'), a(h)]; }`,
    },
    expect: { headers: ['x-a', 'x-b'] },
  },
  {
    name: 'a missing module ends the trail without an error',
    files: {
      [ROUTE]: `import { meta } from '@/lib/gone';\nexport async function GET(request: Request) {\n  const key = request.headers.get('x-key');\n  return Response.json({ key, meta: meta(request.headers) });\n}`,
    },
    expect: { headers: ['x-key'] },
  },
];

describe('request inference across the app’s own modules', () => {
  for (const c of MODULE_CASES) {
    it(`infers ${c.name}`, () => {
      const project = tempProject({ 'package.json': '{}', 'tsconfig.json': TSCONFIG, ...c.files });
      try {
        const all = inferFrom(project.dir, ROUTE);
        const r = c.method ? all.find((x) => x.method === c.method) : all[0];
        assert.ok(r, `no ${c.method ?? 'handler'}`);
        for (const [k, v] of Object.entries(c.expect))
          assert.deepEqual((r as unknown as Record<string, unknown>)[k], v, k);
      } finally {
        project.remove();
      }
    });
  }

  it('does not read a helper larger than the size limit (a 5 MB generated file)', () => {
    const big =
      `export function meta(h: Headers) { return h.get('x-big'); }\n` + `// ${'x'.repeat(100)}\n`.repeat(50_000);
    assert.ok(big.length > 5_000_000);
    const project = tempProject({
      'package.json': '{}',
      'tsconfig.json': TSCONFIG,
      [ROUTE]: `import { meta } from '@/lib/big';\nexport async function GET(request: Request) {\n  return Response.json(meta(request.headers));\n}`,
      'src/lib/big.ts': big,
    });
    try {
      const graph = new ModuleGraph(project.dir);
      const [r] = inferFrom(project.dir, ROUTE, graph);
      assert.deepEqual(r!.headers, []);
      assert.equal(graph.load(path.join(project.dir, 'src/lib/big.ts')), undefined);
    } finally {
      project.remove();
    }
  });

  it('stops after the module hop limit and says the request may be incomplete', () => {
    const files: Record<string, string> = {
      'package.json': '{}',
      'tsconfig.json': TSCONFIG,
      [ROUTE]: `import { f0 } from '@/lib/f0';\nexport async function GET(request: Request) {\n  return Response.json(f0(request.headers));\n}`,
    };
    for (let i = 0; i < 8; i++)
      files[`src/lib/f${i}.ts`] =
        i < 7
          ? `import { f${i + 1} } from './f${i + 1}';\nexport function f${i}(h: Headers): unknown { return [h.get('x-${i}'), f${i + 1}(h)]; }`
          : `export function f${i}(h: Headers) { return h.get('x-${i}'); }`;
    const project = tempProject(files);
    try {
      const graph = new ModuleGraph(project.dir, undefined, {
        maxDepth: 3,
        maxFiles: 32,
        maxBytes: 1 << 20,
        budgetMs: 10_000,
      });
      const [r] = inferFrom(project.dir, ROUTE, graph);
      assert.deepEqual(r!.headers, ['x-0', 'x-1', 'x-2']);
      assert.equal(r!.incomplete, true);
    } finally {
      project.remove();
    }
  });

  it('re-infers when an imported helper changes on disk', () => {
    const project = tempProject({
      'package.json': '{}',
      'tsconfig.json': TSCONFIG,
      [ROUTE]: `import { meta } from '@/lib/meta';\nexport async function GET(request: Request) {\n  return Response.json(meta(request.headers));\n}`,
      'src/lib/meta.ts': `export function meta(h: Headers) { return h.get('x-one'); }`,
    });
    try {
      const file = path.join(project.dir, ROUTE);
      const doc = parseDocument(file, fs.readFileSync(file, 'utf8'));
      const graph = new ModuleGraph(project.dir);
      assert.deepEqual(inferRequests(doc, '/api/items', [], graph)[0]!.headers, ['x-one']);
      const helper = path.join(project.dir, 'src/lib/meta.ts');
      fs.writeFileSync(helper, `export function meta(h: Headers) { return h.get('x-two'); }`);
      fs.utimesSync(helper, new Date(), new Date(Date.now() + 5000));
      assert.deepEqual(inferRequests(doc, '/api/items', [], graph)[0]!.headers, ['x-two']);
    } finally {
      project.remove();
    }
  });
});

function inferFrom(dir: string, rel: string, graph = new ModuleGraph(dir)): InferredRequest[] {
  const file = path.join(dir, rel);
  return inferRequests(parseDocument(file, fs.readFileSync(file, 'utf8')), '/api/items', [], graph);
}

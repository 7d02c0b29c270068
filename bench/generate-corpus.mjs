// Writes a deterministic corpus of varied route files for the benchmarks:
//   node bench/generate-corpus.mjs [outDir] [count]
// Default: .cache/bench-corpus with 500 route files (TS and JS, dynamic segments, groups,
// correct handlers and ones with the mistakes the linter looks for), plus a 2,000-line file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function mulberry32(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const RESOURCES = [
  'posts',
  'users',
  'comments',
  'orders',
  'invoices',
  'products',
  'carts',
  'teams',
  'projects',
  'tasks',
  'files',
  'events',
  'tickets',
  'reviews',
  'sessions',
  'webhooks',
];
export const FIELDS = [
  'title',
  'name',
  'email',
  'status',
  'price',
  'quantity',
  'description',
  'dueDate',
  'priority',
  'tags',
];

export const T = {
  list: (r, ts, n) => `${ts ? "import { NextRequest } from 'next/server';\n" : ''}import { db } from '@/lib/db';

const MAX_LIMIT = ${50 + n * 10};

export async function GET(request${ts ? ': NextRequest' : ''}) {
  const searchParams = request.nextUrl.searchParams;
  const page = Math.max(1, Number.parseInt(searchParams.get('page') ?? '1', 10) || 1);
  const limit = Math.min(MAX_LIMIT, Math.max(1, Number.parseInt(searchParams.get('limit') ?? '20', 10) || 20));
  try {
    const items = await db.${r}.findMany({ skip: (page - 1) * limit, take: limit, orderBy: { createdAt: 'desc' } });
    const total = await db.${r}.count();
    return Response.json({ items, pagination: { page, limit, total } });
  } catch (error) {
    console.error('Failed to list ${r}', error);
    return Response.json({ error: 'Failed to list ${r}' }, { status: 500 });
  }
}
`,
  create: (r, ts, n, f) => `import { z } from 'zod';
import { db } from '@/lib/db';

const schema = z.object({ ${f.map((x) => `${x}: z.string().min(1)`).join(', ')} });

export async function POST(request${ts ? ': Request' : ''}) {
  let body${ts ? ': unknown' : ''};
  try {
    body = await request.json();
  } catch {
    return Response.json({ error: 'Request body must be valid JSON' }, { status: 400 });
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    return Response.json({ error: 'Invalid input', issues: parsed.error.issues }, { status: 400 });
  }
  try {
    const created = await db.${r}.create({ data: parsed.data });
    return Response.json(created, { status: 201, headers: { Location: \`/api/${r}/\${created.id}\` } });
  } catch (error) {
    console.error('Failed to create', error);
    return Response.json({ error: 'Failed to create' }, { status: 500 });
  }
}
`,
  item: (r, ts) => `import { db } from '@/lib/db';

${ts ? 'type Context = { params: Promise<{ id: string }> };\n\n' : ''}export async function GET(_request${ts ? ': Request' : ''}, { params }${ts ? ': Context' : ''}) {
  const { id } = await params;
  try {
    const item = await db.${r}.findUnique({ where: { id } });
    if (!item) return Response.json({ error: 'Not found' }, { status: 404 });
    return Response.json(item);
  } catch (error) {
    console.error(error);
    return Response.json({ error: 'Failed to load' }, { status: 500 });
  }
}

export async function DELETE(_request${ts ? ': Request' : ''}, { params }${ts ? ': Context' : ''}) {
  const { id } = await params;
  try {
    await db.${r}.delete({ where: { id } });
    return new Response(null, { status: 204 });
  } catch (error) {
    console.error(error);
    return Response.json({ error: 'Failed to delete' }, { status: 500 });
  }
}
`,
  legacy: (r, _ts, n) => `// Old tutorial style: several mistakes
export async function GET(request, { params }) {
  const item = await db.${r}.findById(params.id)
  if (!item) {
    return Response.json({ error: 'Not found' })
  }
  return new Response(JSON.stringify(item), {
    headers: { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'application/json' }
  })
}

export async function PUT(request, { params }) {
  const data = await request.json()
  const item = await db.${r}.update(params.id, { ...data })
  return Response.json(item, { status: ${n % 2 ? 200 : 204} })
}
`,
  cors: (r, ts) => `const ALLOWED_ORIGINS = new Set(['https://app.example.com', 'https://admin.example.com']);

function corsHeaders(origin${ts ? ': string | null' : ''}) {
  const headers = new Headers({ Vary: 'Origin' });
  if (origin && ALLOWED_ORIGINS.has(origin)) {
    headers.set('Access-Control-Allow-Origin', origin);
    headers.set('Access-Control-Allow-Methods', 'GET, OPTIONS');
  }
  return headers;
}

export async function OPTIONS(request${ts ? ': Request' : ''}) {
  return new Response(null, { status: 204, headers: corsHeaders(request.headers.get('origin')) });
}

export async function GET(request${ts ? ': Request' : ''}) {
  return Response.json({ ${r}: [] }, { headers: corsHeaders(request.headers.get('origin')) });
}
`,
  session: (r, ts) => `import { NextResponse${ts ? ', type NextRequest' : ''} } from 'next/server';

export async function POST(request${ts ? ': NextRequest' : ''}) {
  const session = request.cookies.get('session')${'?.value'};
  if (!session) return NextResponse.json({ error: 'Not authenticated' }, { status: 401 });
  const response = NextResponse.json({ ok: true, resource: '${r}' });
  response.cookies.set('session', session, { httpOnly: true, secure: true, sameSite: 'lax', path: '/' });
  return response;
}
`,
  stream: () => `export const dynamic = 'force-dynamic';

export async function GET() {
  const encoder = new TextEncoder();
  const stream = new ReadableStream({
    start(controller) {
      controller.enqueue(encoder.encode('data: hello\\n\\n'));
      controller.close();
    },
  });
  return new Response(stream, { headers: { 'Content-Type': 'text/event-stream' } });
}
`,
  config: (r, ts, n) => `import { getRequestMeta } from '@/lib/request';

export const runtime = 'nodejs';
export const revalidate = ${n * 5};
export const dynamic = 'force-static';

export async function GET(request${ts ? ': Request' : ''}) {
  const meta = getRequestMeta(request.headers);
  return Response.json({ ${r}: ${n}, meta });
}
`,
};

/** The app's own modules the route files import through `@/` (followed by the request inference). */
function writeLibrary(outDir) {
  const files = {
    'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, paths: { '@/*': ['./*'] } } }, null, 2),
    'lib/db.ts': `type Row = { id: string; [key: string]: unknown };
function table() {
  const rows = new Map<string, Row>();
  return {
    async findMany(_q?: unknown) { return [...rows.values()]; },
    async findUnique(q: { where: { id: string } }) { return rows.get(q.where.id) ?? null; },
    async findById(id: string) { return rows.get(id) ?? null; },
    async count() { return rows.size; },
    async create(q: { data: Record<string, unknown> }) { const row = { id: String(rows.size + 1), ...q.data }; rows.set(row.id, row); return row; },
    async update(id: string, data: Record<string, unknown>) { const row = { ...rows.get(id), ...data, id }; rows.set(id, row); return row; },
    async delete(q: { where: { id: string } }) { rows.delete(q.where.id); },
  };
}
export const db = new Proxy({} as Record<string, ReturnType<typeof table>>, {
  get: (cache, name: string) => (cache[name] ??= table()),
});
`,
    'lib/request.ts': `import { tenantOf } from './tenant';
export function getRequestMeta(headers: Headers) {
  return { requestId: headers.get('x-request-id'), tenant: tenantOf(headers), locale: headers.get('x-locale') ?? 'en' };
}
`,
    'lib/tenant.ts': `export function tenantOf(headers: Headers): string | null {
  const value = headers.get('x-tenant');
  return value && /^[a-z0-9-]+$/.test(value) ? value : null;
}
`,
  };
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(outDir, rel)), { recursive: true });
    fs.writeFileSync(path.join(outDir, rel), text);
  }
}

export function helpers(rand, count) {
  let out = '';
  for (let i = 0; i < count; i++) {
    const f = FIELDS[Math.floor(rand() * FIELDS.length)];
    out += `\nfunction normalize${i}(value${rand() > 0.5 ? '' : ''}) {\n  if (value == null) return null;\n  const text = String(value).trim();\n  return text.length > ${10 + i} ? text.slice(0, ${10 + i}) : { ${f}: text, index: ${i} };\n}\n`;
  }
  return out;
}

export function generateCorpus(outDir = path.join(ROOT, '.cache', 'bench-corpus'), count = 500, seed = 20261125) {
  const rand = mulberry32(seed);
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(
    path.join(outDir, 'package.json'),
    JSON.stringify({ name: 'bench-corpus', private: true, dependencies: { next: '16.4.6' } }, null, 2),
  );
  writeLibrary(outDir);
  const kinds = Object.keys(T);
  const files = [];
  for (let i = 0; i < count; i++) {
    const kind = kinds[i % kinds.length];
    const r = RESOURCES[Math.floor(rand() * RESOURCES.length)];
    const ts = rand() > 0.3;
    const n = 1 + Math.floor(rand() * 9);
    const fields = FIELDS.filter(() => rand() > 0.6).slice(0, 5);
    const group = rand() > 0.8 ? '(admin)/' : '';
    const dynamic = kind === 'item' || kind === 'legacy' ? '/[id]' : '';
    const dir = path.join(outDir, 'app', 'api', `${group}v${i % 7}`, `${r}-${i}${dynamic}`);
    fs.mkdirSync(dir, { recursive: true });
    const text = T[kind](r, ts, n, fields.length ? fields : ['title']) + helpers(rand, Math.floor(rand() * 6));
    const file = path.join(dir, `route.${ts ? 'ts' : 'js'}`);
    fs.writeFileSync(file, text);
    files.push(file);
  }
  // A 2,000-line route file for the edit-and-relint benchmark.
  const bigDir = path.join(outDir, 'app', 'api', 'big');
  fs.mkdirSync(bigDir, { recursive: true });
  let big = T.list('posts', true, 3) + T.create('posts', true, 3, ['title', 'body']).replace(/^import.*\n/gm, '');
  let k = 0;
  while (big.split('\n').length < 2000) big += helpers(mulberry32(k++), 3);
  const bigFile = path.join(bigDir, 'route.ts');
  fs.writeFileSync(bigFile, big);
  return { outDir, files, bigFile };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [outDir, count] = process.argv.slice(2);
  const result = generateCorpus(outDir ? path.resolve(outDir) : undefined, count ? Number(count) : undefined);
  console.log(
    `Wrote ${result.files.length} route files and ${path.relative(process.cwd(), result.bigFile)} to ${path.relative(process.cwd(), result.outDir) || '.'}`,
  );
}

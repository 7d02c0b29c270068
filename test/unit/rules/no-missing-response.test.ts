import rule from '../../../src/core/rules/no-missing-response';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'an else-if chain over every case of a schema-parsed discriminated union',
      code: `export async function POST(req: Request) {
  const input = grantSchema.parse(await req.json());
  if (input.grant_type === 'authorization_code') {
    return Response.json(await exchange(input));
  } else if (input.grant_type === 'refresh_token') {
    return Response.json(await refresh(input));
  }
}`,
    },
    {
      name: 'a switch without default over a schema-parsed union whose every case returns',
      code: `export async function POST(req: Request) {
  const { data } = eventSchema.safeParse(await req.json());
  switch (data.type) {
    case 'created':
      return Response.json(await onCreate(data));
    case 'deleted':
      return new Response(null, { status: 204 });
  }
}`,
    },
    {
      name: 'every branch returns',
      code: `export async function GET() {
  if (a) return Response.json(1);
  else return Response.json(2);
}`,
    },
    {
      name: 'try and catch both return',
      code: `export async function GET() {
  try { return Response.json(await load()) } catch { return Response.json({ error: 'x' }, { status: 500 }) }
}`,
    },
    {
      name: 'a final throw',
      code: `export async function GET() { if (a) return Response.json({}); throw new Error('unreachable') }`,
    },
    {
      name: 'notFound() at the end (it never returns)',
      code: `import { notFound } from 'next/navigation';
export async function GET() { const p = await load(); if (p) return Response.json(p); notFound() }`,
    },
    { name: 'an arrow handler with an expression body', code: `export const GET = async () => Response.json({});` },
    {
      name: 'a switch with a default where every case returns',
      code: `export async function GET(r: Request) {
  switch (new URL(r.url).searchParams.get('f')) {
    case 'csv': return new Response('a,b');
    default: return Response.json({});
  }
}`,
    },
    {
      name: 'a wrapped handler (the wrapper may supply the response)',
      code: `export const GET = withCache(async () => { await warm() })`,
    },
    {
      name: 'a nested callback that returns nothing',
      code: `export async function GET() { items.forEach((i) => { log(i) }); return Response.json({}) }`,
    },
    {
      name: 'idiomatic validated POST with 400, 201 and a 500 catch',
      code: `import { z } from 'zod';
const schema = z.object({ title: z.string() });
export async function POST(req: Request) {
  try {
    const parsed = schema.safeParse(await req.json());
    if (!parsed.success) {
      return Response.json({ error: parsed.error.flatten() }, { status: 400 });
    }
    const post = await db.posts.create(parsed.data);
    return Response.json(post, { status: 201 });
  } catch (error) {
    console.error(error);
    return Response.json({ error: 'Failed to create post' }, { status: 500 });
  }
}`,
    },
    {
      name: 'a catch ending in a local helper that always throws',
      code: `function rethrowAsHttp(e: unknown) {
  console.error(e);
  throw new HttpError(500);
}
export async function GET() {
  try { return Response.json(await load()) } catch (e) { rethrowAsHttp(e) }
}`,
    },
    {
      name: 'a helper annotated as returning never',
      code: `const bail = (msg: string): never => { throw new Error(msg) };
export async function GET() { const x = await load(); if (x) return Response.json(x); bail('missing') }`,
    },
    {
      name: 'a conventionally named throwing helper from another module',
      code: `import { throwHttpError } from '@/lib/http';
export async function GET() { const x = await load(); if (x) return Response.json(x); throwHttpError(404) }`,
    },
    {
      name: 'an infinite loop (exotic, not judged)',
      code: `export async function GET() {
  while (true) {
    const job = await next();
    if (job) return Response.json(job);
  }
}`,
    },
    {
      name: 'a shared handler exported under two methods, returning on every path',
      filename: 'app/api/ping/route.js',
      code: `async function handler(req) {
  if (req.method === 'HEAD') return new Response(null)
  return Response.json({ ok: true })
}
export { handler as GET, handler as HEAD }`,
    },
    {
      name: 'DELETE answering 204 with new Response(null)',
      code: `export async function DELETE(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await db.posts.delete(id);
  return new Response(null, { status: 204 });
}`,
      filename: 'app/api/posts/[id]/route.ts',
    },
  ],
  invalid: [
    {
      name: 'an else-if chain over a query string (an open set of values) falling off the end',
      code: `export async function GET(req: Request) {
  const kind = new URL(req.url).searchParams.get('kind');
  if (kind === 'a') {
    return Response.json(1);
  } else if (kind === 'b') {
    return Response.json(2);
  }
}`,
      errors: [{ messageId: 'fallsOffEnd', line: 8, data: { method: 'GET' } }],
    },
    {
      name: 'a chain over a schema-parsed value with a branch that does not return',
      code: `export async function POST(req: Request) {
  const input = schema.parse(await req.json());
  if (input.kind === 'a') {
    return Response.json(1);
  } else if (input.kind === 'b') {
    log(input);
  }
}`,
      errors: [{ messageId: 'fallsOffEnd', line: 8, data: { method: 'POST' } }],
    },
    {
      name: "the seed's empty handlers",
      code: `export async function GET(request) {}
export async function POST(request) {}`,
      filename: 'app/api/resource/route.js',
      errors: [
        { messageId: 'fallsOffEnd', line: 1, column: 37, data: { method: 'GET' } },
        { messageId: 'fallsOffEnd', line: 2, data: { method: 'POST' } },
      ],
    },
    {
      name: 'an if without else',
      code: `export async function GET() {
  const user = await load();
  if (user) {
    return Response.json(user);
  }
}`,
      errors: [{ messageId: 'fallsOffEnd', line: 6, data: { method: 'GET' } }],
    },
    {
      name: 'a catch that only logs',
      code: `export async function POST() {
  try {
    await save();
    return new Response(null, { status: 201 });
  } catch (e) {
    console.error(e);
  }
}`,
      errors: [{ messageId: 'fallsOffEnd', line: 8, data: { method: 'POST' } }],
    },
    {
      name: 'an empty return',
      code: `export async function DELETE() {
  await remove();
  return;
}`,
      errors: [{ messageId: 'emptyReturn', line: 3, data: { text: 'return;' } }],
    },
    {
      name: 'return null',
      code: `export async function GET() { if (!a) return null; return Response.json({}) }`,
      errors: [{ messageId: 'emptyReturn', data: { text: 'return null;' } }],
    },
    {
      name: 'a switch without default',
      code: `export async function GET(r: Request) {
  switch (r.headers.get('accept')) {
    case 'text/csv': return new Response('a');
    case 'application/json': return Response.json({});
  }
}`,
      errors: [{ messageId: 'fallsOffEnd', data: { method: 'GET' } }],
    },
    {
      name: 'a catch that calls a response helper without returning it',
      code: `function errorResponse(e: unknown) {
  return Response.json({ error: 'Failed' }, { status: 500 });
}
export async function GET() {
  try {
    return Response.json(await load());
  } catch (e) {
    errorResponse(e);
  }
}`,
      errors: [{ messageId: 'fallsOffEnd', line: 10, column: 1, data: { method: 'GET' } }],
    },
    {
      name: 'a handler exported by name that forgets to return',
      filename: 'app/api/jobs/route.js',
      code: `const handler = async (req) => {
  await queue.push(await req.json())
}
export { handler as POST }`,
      errors: [{ messageId: 'fallsOffEnd', line: 3, data: { method: 'POST' } }],
    },
    {
      name: 'a for(;;) loop left with break, then nothing returned',
      code: `export async function GET() {
  for (;;) {
    if (await done()) break;
  }
}`,
      errors: [{ messageId: 'fallsOffEnd', data: { method: 'GET' } }],
    },
    {
      name: 'throwIfMissing() (a conditional thrower) at the end',
      code: `export async function GET() {
  const x = await load();
  if (x) return Response.json(x);
  throwIfMissing(x);
}`,
      errors: [{ messageId: 'fallsOffEnd', data: { method: 'GET' } }],
    },
  ],
});

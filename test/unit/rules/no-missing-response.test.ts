import rule from '../../../src/core/rules/no-missing-response';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'an else-if chain over every case of a schema-parsed discriminated union',
      code: `export async function POST(req: Request) {\n  const input = grantSchema.parse(await req.json());\n  if (input.grant_type === 'authorization_code') {\n    return Response.json(await exchange(input));\n  } else if (input.grant_type === 'refresh_token') {\n    return Response.json(await refresh(input));\n  }\n}`,
    },
    {
      name: 'a switch without default over a schema-parsed union whose every case returns',
      code: `export async function POST(req: Request) {\n  const { data } = eventSchema.safeParse(await req.json());\n  switch (data.type) {\n    case 'created':\n      return Response.json(await onCreate(data));\n    case 'deleted':\n      return new Response(null, { status: 204 });\n  }\n}`,
    },
    {
      name: 'every branch returns',
      code: `export async function GET() {\n  if (a) return Response.json(1);\n  else return Response.json(2);\n}`,
    },
    {
      name: 'try and catch both return',
      code: `export async function GET() {\n  try { return Response.json(await load()) } catch { return Response.json({ error: 'x' }, { status: 500 }) }\n}`,
    },
    {
      name: 'a final throw',
      code: `export async function GET() { if (a) return Response.json({}); throw new Error('unreachable') }`,
    },
    {
      name: 'notFound() at the end (it never returns)',
      code: `import { notFound } from 'next/navigation';\nexport async function GET() { const p = await load(); if (p) return Response.json(p); notFound() }`,
    },
    { name: 'an arrow handler with an expression body', code: `export const GET = async () => Response.json({});` },
    {
      name: 'a switch with a default where every case returns',
      code: `export async function GET(r: Request) {\n  switch (new URL(r.url).searchParams.get('f')) {\n    case 'csv': return new Response('a,b');\n    default: return Response.json({});\n  }\n}`,
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
      code: `import { z } from 'zod';\nconst schema = z.object({ title: z.string() });\nexport async function POST(req: Request) {\n  try {\n    const parsed = schema.safeParse(await req.json());\n    if (!parsed.success) {\n      return Response.json({ error: parsed.error.flatten() }, { status: 400 });\n    }\n    const post = await db.posts.create(parsed.data);\n    return Response.json(post, { status: 201 });\n  } catch (error) {\n    console.error(error);\n    return Response.json({ error: 'Failed to create post' }, { status: 500 });\n  }\n}`,
    },
    {
      name: 'a catch ending in a local helper that always throws',
      code: `function rethrowAsHttp(e: unknown) {\n  console.error(e);\n  throw new HttpError(500);\n}\nexport async function GET() {\n  try { return Response.json(await load()) } catch (e) { rethrowAsHttp(e) }\n}`,
    },
    {
      name: 'a helper annotated as returning never',
      code: `const bail = (msg: string): never => { throw new Error(msg) };\nexport async function GET() { const x = await load(); if (x) return Response.json(x); bail('missing') }`,
    },
    {
      name: 'a conventionally named throwing helper from another module',
      code: `import { throwHttpError } from '@/lib/http';\nexport async function GET() { const x = await load(); if (x) return Response.json(x); throwHttpError(404) }`,
    },
    {
      name: 'an infinite loop (exotic, not judged)',
      code: `export async function GET() {\n  while (true) {\n    const job = await next();\n    if (job) return Response.json(job);\n  }\n}`,
    },
    {
      name: 'a shared handler exported under two methods, returning on every path',
      filename: 'app/api/ping/route.js',
      code: `async function handler(req) {\n  if (req.method === 'HEAD') return new Response(null)\n  return Response.json({ ok: true })\n}\nexport { handler as GET, handler as HEAD }`,
    },
    {
      name: 'DELETE answering 204 with new Response(null)',
      code: `export async function DELETE(_req: Request, { params }: { params: Promise<{ id: string }> }) {\n  const { id } = await params;\n  await db.posts.delete(id);\n  return new Response(null, { status: 204 });\n}`,
      filename: 'app/api/posts/[id]/route.ts',
    },
  ],
  invalid: [
    {
      name: 'an else-if chain over a query string (an open set of values) falling off the end',
      code: `export async function GET(req: Request) {\n  const kind = new URL(req.url).searchParams.get('kind');\n  if (kind === 'a') {\n    return Response.json(1);\n  } else if (kind === 'b') {\n    return Response.json(2);\n  }\n}`,
      errors: [{ messageId: 'fallsOffEnd', line: 8 }],
    },
    {
      name: 'a chain over a schema-parsed value with a branch that does not return',
      code: `export async function POST(req: Request) {\n  const input = schema.parse(await req.json());\n  if (input.kind === 'a') {\n    return Response.json(1);\n  } else if (input.kind === 'b') {\n    log(input);\n  }\n}`,
      errors: [{ messageId: 'fallsOffEnd', line: 8 }],
    },
    {
      name: "the seed's empty handlers",
      code: `export async function GET(request) {}\nexport async function POST(request) {}`,
      filename: 'app/api/resource/route.js',
      errors: [
        { messageId: 'fallsOffEnd', line: 1, column: 37, data: { method: 'GET' } },
        { messageId: 'fallsOffEnd', line: 2 },
      ],
    },
    {
      name: 'an if without else',
      code: `export async function GET() {\n  const user = await load();\n  if (user) {\n    return Response.json(user);\n  }\n}`,
      errors: [{ messageId: 'fallsOffEnd', line: 6 }],
    },
    {
      name: 'a catch that only logs',
      code: `export async function POST() {\n  try {\n    await save();\n    return new Response(null, { status: 201 });\n  } catch (e) {\n    console.error(e);\n  }\n}`,
      errors: [{ messageId: 'fallsOffEnd', line: 8 }],
    },
    {
      name: 'an empty return',
      code: `export async function DELETE() {\n  await remove();\n  return;\n}`,
      errors: [{ messageId: 'emptyReturn', line: 3, data: { text: 'return;' } }],
    },
    {
      name: 'return null',
      code: `export async function GET() { if (!a) return null; return Response.json({}) }`,
      errors: [{ messageId: 'emptyReturn' }],
    },
    {
      name: 'a switch without default',
      code: `export async function GET(r: Request) {\n  switch (r.headers.get('accept')) {\n    case 'text/csv': return new Response('a');\n    case 'application/json': return Response.json({});\n  }\n}`,
      errors: [{ messageId: 'fallsOffEnd' }],
    },
    {
      name: 'a catch that calls a response helper without returning it',
      code: `function errorResponse(e: unknown) {\n  return Response.json({ error: 'Failed' }, { status: 500 });\n}\nexport async function GET() {\n  try {\n    return Response.json(await load());\n  } catch (e) {\n    errorResponse(e);\n  }\n}`,
      errors: [{ messageId: 'fallsOffEnd', line: 10, column: 1 }],
    },
    {
      name: 'a handler exported by name that forgets to return',
      filename: 'app/api/jobs/route.js',
      code: `const handler = async (req) => {\n  await queue.push(await req.json())\n}\nexport { handler as POST }`,
      errors: [{ messageId: 'fallsOffEnd', line: 3, data: { method: 'POST' } }],
    },
    {
      name: 'a for(;;) loop left with break, then nothing returned',
      code: `export async function GET() {\n  for (;;) {\n    if (await done()) break;\n  }\n}`,
      errors: [{ messageId: 'fallsOffEnd' }],
    },
    {
      name: 'throwIfMissing() (a conditional thrower) at the end',
      code: `export async function GET() {\n  const x = await load();\n  if (x) return Response.json(x);\n  throwIfMissing(x);\n}`,
      errors: [{ messageId: 'fallsOffEnd' }],
    },
  ],
});

import rule from '../../../src/core/rules/require-try-catch';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'I/O inside try/catch',
      code: `export async function GET() {\n  try {\n    const posts = await db.posts.findMany();\n    return Response.json(posts);\n  } catch (error) {\n    console.error(error);\n    return Response.json({ error: 'Failed to load' }, { status: 500 });\n  }\n}`,
    },
    {
      name: 'only awaiting params, cookies() and headers()',
      code: `import { cookies, headers } from 'next/headers';\nexport async function GET(_r: Request, { params }: { params: Promise<{ id: string }> }) {\n  const { id } = await params;\n  const store = await cookies();\n  const h = await headers();\n  return Response.json({ id, theme: store.get('theme')?.value, ua: h.get('user-agent') });\n}`,
    },
    {
      name: 'a handler that delegates without awaiting',
      code: `import { handle } from '@/lib/service';\nexport async function POST(req: Request) { return handle(req) }`,
    },
    {
      name: 'a wrapped handler whose wrapper owns error handling',
      code: `export const GET = withErrorHandler(async () => {\n  const data = await db.things.findMany();\n  return Response.json(data);\n});`,
    },
    {
      name: 'awaiting a local function that has its own try/catch',
      code: `async function loadPosts() {\n  try { return await db.posts.findMany() } catch { return [] }\n}\nexport async function GET() { return Response.json(await loadPosts()) }`,
    },
    { name: 'a synchronous handler', code: `export function GET() { return Response.json({ ok: true }) }` },
    {
      name: 'only the body read (unguarded-json-parse covers it)',
      code: `export async function POST(req: Request) {\n  const body = await req.json().catch(() => null);\n  return Response.json({ body });\n}`,
    },
    {
      name: 'nested try/finally inside try/catch',
      code: `export async function GET() {\n  try {\n    try { await lock() } finally { release() }\n    return new Response(null, { status: 204 });\n  } catch {\n    return Response.json({ error: 'busy' }, { status: 503 });\n  }\n}`,
    },
  ],
  invalid: [
    {
      name: "the seed's first GET: a database read with no try/catch, and wraps it",
      code: `export async function GET(request) {\n  const posts = await db.posts.findAll()\n  return Response.json(posts)\n}\n`,
      filename: 'app/api/posts/route.js',
      errors: [{ messageId: 'unguardedAwait', line: 2, column: 17, data: { expr: 'db.posts.findAll()' } }],
      output: `export async function GET(request) {\n  try {\n    const posts = await db.posts.findAll()\n    return Response.json(posts)\n  } catch (error) {\n    console.error(error)\n    return Response.json({ error: 'Internal Server Error' }, { status: 500 })\n  }\n}\n`,
    },
    {
      name: 'a fetch to an upstream API in a TS handler with semicolons',
      code: `export async function GET() {\n  const res = await fetch('https://api.example.com/items');\n  return Response.json(await res.json());\n}\n`,
      errors: [{ messageId: 'unguardedAwait', line: 2 }],
      output: `export async function GET() {\n  try {\n    const res = await fetch('https://api.example.com/items');\n    return Response.json(await res.json());\n  } catch (error) {\n    console.error(error);\n    return Response.json({ error: 'Internal Server Error' }, { status: 500 });\n  }\n}\n`,
    },
    {
      name: 'a handler that can call notFound(), adding unstable_rethrow',
      code: `import { notFound } from 'next/navigation';\n\nexport async function GET() {\n  const post = await db.posts.find(1);\n  if (!post) notFound();\n  return Response.json(post);\n}\n`,
      errors: [{ messageId: 'unguardedAwait', line: 4 }],
      output: `import { notFound, unstable_rethrow } from 'next/navigation';\n\nexport async function GET() {\n  try {\n    const post = await db.posts.find(1);\n    if (!post) notFound();\n    return Response.json(post);\n  } catch (error) {\n    unstable_rethrow(error);\n    console.error(error);\n    return Response.json({ error: 'Internal Server Error' }, { status: 500 });\n  }\n}\n`,
    },
    {
      name: 'an await after a try block that only covers part of the handler',
      code: `export async function POST(req: Request) {\n  let data;\n  try { data = await req.json() } catch { return Response.json({ error: 'bad' }, { status: 400 }) }\n  await db.items.create({ data });\n  return new Response(null, { status: 201 });\n}`,
      errors: [{ messageId: 'unguardedAwait', line: 4 }],
    },
    {
      name: 'a try/finally without catch',
      code: `export async function DELETE() {\n  try {\n    await db.items.delete(1);\n  } finally {\n    log();\n  }\n  return new Response(null, { status: 204 });\n}`,
      errors: [{ messageId: 'unguardedAwait', line: 3 }],
    },
    {
      name: 'an arrow-function handler with 4-space indentation',
      code: `export const GET = async () => {\n    const rows = await sql\`select 1\`;\n    return Response.json(rows);\n};\n`,
      errors: [{ messageId: 'unguardedAwait', line: 2 }],
      output: `export const GET = async () => {\n    try {\n        const rows = await sql\`select 1\`;\n        return Response.json(rows);\n    } catch (error) {\n        console.error(error);\n        return Response.json({ error: 'Internal Server Error' }, { status: 500 });\n    }\n};\n`,
    },
    {
      name: 'a body containing a multi-line template literal (no automatic fix)',
      code: 'export async function GET() {\n  const rows = await db.query(`\n    select * from posts\n  `);\n  return Response.json(rows);\n}',
      errors: [{ messageId: 'unguardedAwait', line: 2 }],
      output: null,
    },
  ],
});

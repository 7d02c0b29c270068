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
      name: 'awaiting params renamed by destructuring (`{ params: initialParams }`)',
      code: `export async function GET(_r: Request, { params: initialParams }: { params: Promise<{ id: string }> }) {\n  const params = (await initialParams) || {};\n  return Response.json(params);\n}`,
    },
    {
      name: 'a sleep between polls (`await wait(1000)`, `await sleep(50)`)',
      code: `const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));\nexport async function GET() {\n  await wait(1000);\n  await sleep(50);\n  return Response.json({ ok: true });\n}`,
    },
    {
      name: 'an image route answering an ImageResponse (a JSON error body makes no sense there)',
      code: `import { ImageResponse } from 'next/og';\nexport async function GET() {\n  const font = await loadFont();\n  return new ImageResponse(<div>hi</div>, { fonts: [font] });\n}`,
      filename: 'app/api/og/route.tsx',
    },
    {
      name: 'a handler that only redirects',
      code: `import { NextResponse } from 'next/server';\nexport async function GET(req: Request) {\n  const link = await db.links.find(new URL(req.url).searchParams.get('id'));\n  return NextResponse.redirect(link.url);\n}`,
    },
    {
      name: 'a navigation route that only calls redirect() and notFound() from next/navigation',
      code: `import { notFound, redirect } from 'next/navigation';\nexport const GET = async () => {\n  const session = await getSession();\n  if (!session) notFound();\n  return redirect('/home');\n};`,
    },
    {
      name: 'a streaming route (text/event-stream)',
      code: `export async function GET() {\n  const feed = await openFeed();\n  return new Response(feed, { headers: { 'Content-Type': 'text/event-stream' } });\n}`,
    },
    {
      name: 'awaiting a local arrow helper whose body ends in .catch()',
      code: `const load = () => db.posts.findMany().catch(() => []);\nexport async function GET() { return Response.json(await load()) }`,
    },
    {
      name: 'nested try/finally inside try/catch',
      code: `export async function GET() {\n  try {\n    try { await lock() } finally { release() }\n    return new Response(null, { status: 204 });\n  } catch {\n    return Response.json({ error: 'busy' }, { status: 503 });\n  }\n}`,
    },
  ],
  invalid: [
    {
      name: "the seed's first GET: a database read with no try/catch, as info with a suggested wrap that rethrows Next's control flow",
      code: `export async function GET(request) {\n  const posts = await db.posts.findAll()\n  return Response.json(posts)\n}\n`,
      filename: 'app/api/posts/route.js',
      errors: [
        {
          messageId: 'unguardedAwait',
          line: 2,
          column: 17,
          severity: 'info',
          data: { expr: 'db.posts.findAll()', method: 'GET', answer: "Next.js's bare 500" },
        },
      ],
      output: null,
      suggestions: [
        {
          title: 'Wrap the handler in try/catch answering a JSON 500',
          output: `import { unstable_rethrow } from 'next/navigation'\n\nexport async function GET(request) {\n  try {\n    const posts = await db.posts.findAll()\n    return Response.json(posts)\n  } catch (error) {\n    unstable_rethrow(error)\n    console.error(error)\n    return Response.json({ error: 'Internal Server Error' }, { status: 500 })\n  }\n}\n`,
        },
      ],
    },
    {
      name: 'a fetch to an upstream API in a Next.js 14 TS handler (no unstable_rethrow there)',
      code: `export async function GET() {\n  const res = await fetch('https://api.example.com/items');\n  return Response.json(await res.json());\n}\n`,
      nextMajor: 14,
      errors: [{ messageId: 'unguardedAwait', line: 2 }],
      output: null,
      suggestions: [
        {
          output: `export async function GET() {\n  try {\n    const res = await fetch('https://api.example.com/items');\n    return Response.json(await res.json());\n  } catch (error) {\n    console.error(error);\n    return Response.json({ error: 'Internal Server Error' }, { status: 500 });\n  }\n}\n`,
        },
      ],
    },
    {
      name: 'a handler that can call notFound(), adding unstable_rethrow',
      code: `import { notFound } from 'next/navigation';\n\nexport async function GET() {\n  const post = await db.posts.find(1);\n  if (!post) notFound();\n  return Response.json(post);\n}\n`,
      errors: [{ messageId: 'unguardedAwait', line: 4 }],
      output: null,
      suggestions: [
        {
          output: `import { notFound, unstable_rethrow } from 'next/navigation';\n\nexport async function GET() {\n  try {\n    const post = await db.posts.find(1);\n    if (!post) notFound();\n    return Response.json(post);\n  } catch (error) {\n    unstable_rethrow(error);\n    console.error(error);\n    return Response.json({ error: 'Internal Server Error' }, { status: 500 });\n  }\n}\n`,
        },
      ],
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
      nextMajor: 14,
      errors: [{ messageId: 'unguardedAwait', line: 2 }],
      output: null,
      suggestions: [
        {
          output: `export const GET = async () => {\n    try {\n        const rows = await sql\`select 1\`;\n        return Response.json(rows);\n    } catch (error) {\n        console.error(error);\n        return Response.json({ error: 'Internal Server Error' }, { status: 500 });\n    }\n};\n`,
        },
      ],
    },
    {
      name: 'a body containing a multi-line template literal (no automatic fix)',
      code: 'export async function GET() {\n  const rows = await db.query(`\n    select * from posts\n  `);\n  return Response.json(rows);\n}',
      errors: [{ messageId: 'unguardedAwait', line: 2 }],
      output: null,
      suggestions: [],
    },
    {
      name: 'a handler without try/catch beside one that catches all its errors, as a warning',
      code: `export async function GET() {\n  try {\n    return Response.json(await db.items.findMany());\n  } catch {\n    return Response.json({ error: 'Failed to list' }, { status: 500 });\n  }\n}\nexport async function POST(req: Request) {\n  await db.items.create({ data: { name: 'x' } });\n  return Response.json({ error: 'Not allowed' }, { status: 403 });\n}\n`,
      errors: [
        {
          messageId: 'unguardedAwait',
          line: 9,
          severity: 'warning',
          data: { method: 'POST', answer: 'instead of the JSON errors it answers elsewhere' },
        },
      ],
    },
    {
      name: 'a handler whose narrow try/catch covers one call, as info (the rest is left to Next.js on purpose)',
      code: `export async function POST(req: Request) {\n  const user = await auth();\n  try {\n    await db.items.create({ data: { owner: user.id } });\n  } catch {\n    return Response.json({ error: 'Duplicate' }, { status: 409 });\n  }\n  return new Response(null, { status: 201 });\n}\n`,
      errors: [{ messageId: 'unguardedAwait', line: 2, severity: 'info' }],
    },
    {
      name: 'a next-auth signIn in a Next.js 14 project, rethrowing its redirect in the suggested catch',
      code: `import { signIn } from '@/auth';\nexport async function GET() {\n  await signIn('github');\n  return Response.json({ ok: true });\n}\n`,
      nextMajor: 14,
      errors: [{ messageId: 'unguardedAwait', line: 3 }],
      output: null,
      suggestions: [
        {
          output: `import { signIn } from '@/auth';\nexport async function GET() {\n  try {\n    await signIn('github');\n    return Response.json({ ok: true });\n  } catch (error) {\n    if (error instanceof Error && 'digest' in error && String(error.digest).startsWith('NEXT_')) throw error;\n    console.error(error);\n    return Response.json({ error: 'Internal Server Error' }, { status: 500 });\n  }\n}\n`,
        },
      ],
    },
  ],
});

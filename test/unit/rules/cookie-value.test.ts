import rule from '../../../src/core/rules/cookie-value';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'reading .value',
      code: `export async function GET(request: NextRequest) {\n  const session = request.cookies.get('session')?.value;\n  return Response.json({ ok: await verify(session) });\n}`,
    },
    {
      name: 'checking presence, then reading fields',
      code: `export async function GET(request: NextRequest) {\n  const session = request.cookies.get('session');\n  if (!session) return Response.json({ error: 'No session' }, { status: 401 });\n  return Response.json({ name: session.name, value: session.value });\n}`,
    },
    {
      name: 'cookies() from next/headers with .value',
      code: `import { cookies } from 'next/headers';\nexport async function GET() {\n  const store = await cookies();\n  return Response.json({ theme: store.get('theme')?.value ?? 'light' });\n}`,
    },
    {
      name: 'has() instead of get()',
      code: `export async function GET(request: NextRequest) { return Response.json({ loggedIn: request.cookies.has('session') }) }`,
    },
    {
      name: 'a cookie object checked, then its value passed on',
      code: `export async function GET(request: NextRequest) {\n  const c = request.cookies.get('session');\n  return Response.json({ user: c && (await findSession(c.value)) });\n}`,
    },
    {
      name: 'comparison with undefined and a truthiness test',
      code: `export async function GET(request: NextRequest) {\n  const c = request.cookies.get('a');\n  const seen = request.cookies.get('seen') ? 'yes' : 'no';\n  return Response.json({ missing: c === undefined, seen });\n}`,
    },
    {
      name: 'a Map get that is not a cookie store',
      code: `const cache = new Map<string, string>();\nexport async function GET() { const v = cache.get('k'); return Response.json({ v: v?.toUpperCase() }) }`,
    },
    {
      name: 'a .cookies Map on another object (not a Next cookie store)',
      code: `export async function GET() {\n  const jar = await loadJar();\n  const sid = jar.cookies.get('sid');\n  return Response.json(await db.sessions.findById(sid));\n}`,
    },
    {
      name: 'the whole cookie returned or logged on purpose',
      code: `export async function GET(request: NextRequest) {\n  const consent = request.cookies.get('consent');\n  console.log('consent cookie', consent);\n  return Response.json({ consent });\n}`,
    },
    {
      name: 'a cookie copied to the response with its attributes',
      code: `import { NextResponse, type NextRequest } from 'next/server';\nexport async function GET(request: NextRequest) {\n  const res = NextResponse.json({ ok: true });\n  const pref = request.cookies.get('pref');\n  if (pref) res.cookies.set(pref);\n  return res;\n}`,
    },
    {
      name: 'fields destructured from the cookie',
      code: `export async function GET(request: NextRequest) {\n  const { value } = request.cookies.get('locale') ?? { value: 'en' };\n  return Response.json({ locale: value });\n}`,
    },
    {
      name: 'the cookie name read from the object',
      code: `export async function GET(request: NextRequest) { return Response.json({ n: request.cookies.get('x')?.name }) }`,
    },
  ],
  invalid: [
    {
      name: "the seed's session route passing the cookie object to verifySession",
      filename: 'app/api/session/route.js',
      code: `export async function GET(request) {\n  const sessionId = request.cookies.get('sessionId')\n  if (!sessionId) {\n    return Response.json({ error: 'No session' }, { status: 401 })\n  }\n  const session = await verifySession(sessionId)\n  return Response.json({ user: session.user })\n}`,
      errors: [{ messageId: 'objectAsString', line: 2, column: 21 }],
      output: `export async function GET(request) {\n  const sessionId = request.cookies.get('sessionId')?.value\n  if (!sessionId) {\n    return Response.json({ error: 'No session' }, { status: 401 })\n  }\n  const session = await verifySession(sessionId)\n  return Response.json({ user: session.user })\n}`,
    },
    {
      name: "the seed's getSession helper passing it to db.sessions.findById",
      filename: 'app/api/profile/route.js',
      code: `async function getSession(request) {\n  const sessionId = request.cookies.get('sessionId')\n  if (!sessionId) {\n    return null\n  }\n  return await db.sessions.findById(sessionId)\n}\n\nexport async function GET(request) {\n  const session = await getSession(request)\n  if (!session) return Response.json({ error: 'Not authenticated' }, { status: 401 })\n  return Response.json({ user: await db.users.findById(session.userId) })\n}\n`,
      errors: [{ messageId: 'objectAsString', line: 2 }],
      output: `async function getSession(request) {\n  const sessionId = request.cookies.get('sessionId')?.value\n  if (!sessionId) {\n    return null\n  }\n  return await db.sessions.findById(sessionId)\n}\n\nexport async function GET(request) {\n  const session = await getSession(request)\n  if (!session) return Response.json({ error: 'Not authenticated' }, { status: 401 })\n  return Response.json({ user: await db.users.findById(session.userId) })\n}\n`,
    },
    {
      name: 'a comparison with a string',
      code: `export async function GET(request: NextRequest) { return Response.json({ dark: request.cookies.get('theme') === 'dark' }) }`,
      errors: [{ messageId: 'objectAsString' }],
      output: `export async function GET(request: NextRequest) { return Response.json({ dark: request.cookies.get('theme')?.value === 'dark' }) }`,
    },
    {
      name: 'a template literal',
      code: "export async function GET(request: NextRequest) { return new Response(`hello ${request.cookies.get('name')}`) }",
      errors: [{ messageId: 'objectAsString' }],
      output:
        "export async function GET(request: NextRequest) { return new Response(`hello ${request.cookies.get('name')?.value}`) }",
    },
    {
      name: 'a string method on the result',
      code: `export async function GET(request: NextRequest) {\n  const auth = request.cookies.get('auth');\n  return Response.json({ bearer: auth?.startsWith('Bearer ') });\n}`,
      errors: [{ messageId: 'objectAsString', line: 2 }],
    },
    {
      name: '(await cookies()).get() used in a where clause',
      code: `import { cookies } from 'next/headers';\nexport async function GET() {\n  const sid = (await cookies()).get('sid');\n  return Response.json(await db.sessions.findFirst({ where: { id: sid } }));\n}`,
      errors: [{ messageId: 'objectAsString', line: 3 }],
      output: `import { cookies } from 'next/headers';\nexport async function GET() {\n  const sid = (await cookies()).get('sid')?.value;\n  return Response.json(await db.sessions.findFirst({ where: { id: sid } }));\n}`,
    },
    {
      name: 'a cookie store variable passed to a JWT verifier',
      code: `import { cookies } from 'next/headers';\nexport async function GET() {\n  const store = await cookies();\n  const token = store.get('token');\n  if (!token) return new Response(null, { status: 401 });\n  return Response.json(await verifyJwt(token));\n}`,
      errors: [{ messageId: 'objectAsString', line: 4 }],
    },
    {
      name: 'string concatenation in a handler exported through a list',
      code: `async function handler(req) {\n  return Response.json({ key: 'cart:' + req.cookies.get('cart') });\n}\nexport { handler as GET };`,
      filename: 'app/api/cart/route.js',
      errors: [{ messageId: 'objectAsString', line: 2 }],
    },
    {
      name: 'a comparison with another variable',
      code: `export async function POST(request: NextRequest) {\n  const { csrf } = await request.json();\n  if (request.cookies.get('csrf') !== csrf) return new Response(null, { status: 403 });\n  return Response.json({ ok: true });\n}`,
      errors: [{ messageId: 'objectAsString', line: 3 }],
    },
  ],
});

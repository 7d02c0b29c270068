import rule from '../../../src/core/rules/cookie-value';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    { name: 'reading .value', code: `export async function GET(request: NextRequest) {\n  const session = request.cookies.get('session')?.value;\n  return Response.json({ ok: await verify(session) });\n}` },
    { name: 'checking presence only', code: `export async function GET(request: NextRequest) {\n  const session = request.cookies.get('session');\n  if (!session) return Response.json({ error: 'No session' }, { status: 401 });\n  return Response.json({ name: session.name, value: session.value });\n}` },
    { name: 'cookies() from next/headers with .value', code: `import { cookies } from 'next/headers';\nexport async function GET() {\n  const store = await cookies();\n  return Response.json({ theme: store.get('theme')?.value ?? 'light' });\n}` },
    { name: 'has() instead of get()', code: `export async function GET(request: NextRequest) { return Response.json({ loggedIn: request.cookies.has('session') }) }` },
    { name: 'a cookie object passed to a helper that reads .value', code: `export async function GET(request: NextRequest) {\n  const c = request.cookies.get('session');\n  return Response.json({ user: c && (await findSession(c.value)) });\n}` },
    { name: 'comparison with undefined', code: `export async function GET(request: NextRequest) {\n  const c = request.cookies.get('a');\n  return Response.json({ missing: c === undefined });\n}` },
    { name: 'a Map get that is not a cookie store', code: `const cache = new Map<string, string>();\nexport async function GET() { const v = cache.get('k'); return Response.json({ v: v?.toUpperCase() }) }` },
  ],
  invalid: [
    {
      name: "the seed's session route passing the cookie object to verifySession",
      filename: 'app/api/session/route.js',
      code: `export async function GET(request) {\n  const sessionId = request.cookies.get('sessionId')\n  if (!sessionId) {\n    return Response.json({ error: 'No session' }, { status: 401 })\n  }\n  const session = await verifySession(sessionId)\n  return Response.json({ user: session.user })\n}`,
      errors: [{ messageId: 'objectAsString', line: 2, column: 21 }],
      output: `export async function GET(request) {\n  const sessionId = request.cookies.get('sessionId')?.value\n  if (!sessionId) {\n    return Response.json({ error: 'No session' }, { status: 401 })\n  }\n  const session = await verifySession(sessionId)\n  return Response.json({ user: session.user })\n}`,
    },
    { name: 'a comparison with a string', code: `export async function GET(request: NextRequest) { return Response.json({ dark: request.cookies.get('theme') === 'dark' }) }`, errors: [{ messageId: 'objectAsString' }], output: `export async function GET(request: NextRequest) { return Response.json({ dark: request.cookies.get('theme')?.value === 'dark' }) }` },
    { name: 'a template literal', code: "export async function GET(request: NextRequest) { return new Response(`hello ${request.cookies.get('name')}`) }", errors: [{ messageId: 'objectAsString' }] },
    { name: 'a string method on the result', code: `export async function GET(request: NextRequest) {\n  const auth = request.cookies.get('auth');\n  return Response.json({ bearer: auth?.startsWith('Bearer ') });\n}`, errors: [{ messageId: 'objectAsString', line: 2 }] },
    { name: 'cookies() from next/headers used in a where clause', code: `import { cookies } from 'next/headers';\nexport async function GET() {\n  const sid = (await cookies()).get('sid');\n  return Response.json(await db.sessions.findFirst({ where: { id: sid } }));\n}`, errors: [{ messageId: 'objectAsString', line: 3 }] },
    { name: 'a cookie store variable passed to a JWT verifier', code: `import { cookies } from 'next/headers';\nexport async function GET() {\n  const store = await cookies();\n  const token = store.get('token');\n  if (!token) return new Response(null, { status: 401 });\n  return Response.json(await verifyJwt(token));\n}`, errors: [{ messageId: 'objectAsString', line: 4 }] },
  ],
});

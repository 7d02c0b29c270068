import rule from '../../../src/core/rules/insecure-cookie';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: "the seed's session cookie options",
      code: `export async function POST() {\n  const response = NextResponse.json({}, { status: 201 });\n  response.cookies.set('sessionId', 'x', { httpOnly: true, secure: process.env.NODE_ENV === 'production', maxAge: 86400, sameSite: 'strict', path: '/' });\n  return response;\n}`,
    },
    {
      name: 'a non-session cookie (theme)',
      code: `export async function POST() { const r = NextResponse.json({}); r.cookies.set('theme', 'dark'); return r }`,
    },
    {
      name: 'the object form with every attribute',
      code: `import { cookies } from 'next/headers';\nexport async function POST() {\n  (await cookies()).set({ name: 'session', value: 'x', httpOnly: true, secure: true, sameSite: 'lax' });\n  return new Response(null, { status: 204 });\n}`,
    },
    {
      name: 'options from a shared constant we can read',
      code: `const SESSION_COOKIE = { httpOnly: true, secure: true, sameSite: 'lax' as const, path: '/' };\nexport async function POST() { const r = NextResponse.json({}); r.cookies.set('session', 'x', SESSION_COOKIE); return r }`,
    },
    {
      name: 'options from a helper we cannot see',
      code: `export async function POST() { const r = NextResponse.json({}); r.cookies.set('session', 'x', cookieOptions()); return r }`,
    },
    {
      name: 'a secure Set-Cookie header',
      code: `export async function POST() { return Response.json({}, { headers: { 'Set-Cookie': 'session=abc; Path=/; HttpOnly; Secure; SameSite=Lax' } }) }`,
    },
    {
      name: 'setting a request cookie (not a Set-Cookie)',
      code: `export async function GET(request: NextRequest) { request.cookies.set('token', 'x'); return Response.json({}) }`,
    },
  ],
  invalid: [
    {
      name: 'a session cookie with no options, adding them',
      code: `export async function POST() {\n  const res = NextResponse.json({ ok: true });\n  res.cookies.set('session', token);\n  return res;\n}`,
      errors: [{ messageId: 'insecure', line: 3, column: 19, data: { name: 'session' } }],
      output: `export async function POST() {\n  const res = NextResponse.json({ ok: true });\n  res.cookies.set('session', token, { httpOnly: true, secure: process.env.NODE_ENV === 'production', sameSite: 'lax', path: '/' });\n  return res;\n}`,
    },
    {
      name: 'an auth token cookie missing sameSite',
      code: `export async function POST() {\n  const res = NextResponse.json({});\n  res.cookies.set('auth-token', t, { httpOnly: true, secure: true });\n  return res;\n}`,
      errors: [{ messageId: 'insecure', data: { missing: '`sameSite`' } }],
      output: `export async function POST() {\n  const res = NextResponse.json({});\n  res.cookies.set('auth-token', t, { httpOnly: true, secure: true, sameSite: 'lax' });\n  return res;\n}`,
    },
    {
      name: 'httpOnly explicitly false in a multi-line options object',
      code: `export async function POST() {\n  const res = NextResponse.json({});\n  res.cookies.set('refresh_token', t, {\n    httpOnly: false,\n    secure: true,\n    sameSite: 'strict',\n  });\n  return res;\n}`,
      errors: [{ messageId: 'insecure', data: { missing: '`httpOnly`' } }],
      output: `export async function POST() {\n  const res = NextResponse.json({});\n  res.cookies.set('refresh_token', t, {\n    httpOnly: true,\n    secure: true,\n    sameSite: 'strict',\n  });\n  return res;\n}`,
    },
    {
      name: 'cookies() from next/headers in the object form',
      code: `import { cookies } from 'next/headers';\nexport async function POST() {\n  const store = await cookies();\n  store.set({ name: 'sid', value: 'x', path: '/' });\n  return new Response(null, { status: 204 });\n}`,
      errors: [{ messageId: 'insecure', line: 4 }],
      output: `import { cookies } from 'next/headers';\nexport async function POST() {\n  const store = await cookies();\n  store.set({ name: 'sid', value: 'x', path: '/', httpOnly: true, secure: process.env.NODE_ENV === 'production', sameSite: 'lax' });\n  return new Response(null, { status: 204 });\n}`,
    },
    {
      name: 'sameSite none without secure',
      code: `export async function POST() { const r = NextResponse.json({}); r.cookies.set('session', 'x', { httpOnly: true, sameSite: 'none' }); return r }`,
      errors: [{ messageId: 'insecure', data: { missing: '`secure`' } }],
    },
    {
      name: 'a Set-Cookie header string without HttpOnly',
      code: `export async function POST() { return Response.json({}, { headers: { 'Set-Cookie': 'session=abc; Path=/; Secure; SameSite=Lax' } }) }`,
      errors: [{ messageId: 'insecure', data: { missing: '`httpOnly`' } }],
    },
  ],
});

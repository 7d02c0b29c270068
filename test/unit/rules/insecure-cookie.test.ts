import rule from '../../../src/core/rules/insecure-cookie';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: "the seed's session cookie options",
      code: `export async function POST() {
  const response = NextResponse.json({}, { status: 201 });
  response.cookies.set('sessionId', 'x', { httpOnly: true, secure: process.env.NODE_ENV === 'production', maxAge: 86400, sameSite: 'strict', path: '/' });
  return response;
}`,
    },
    {
      name: 'a non-session cookie (theme)',
      code: `export async function POST() { const r = NextResponse.json({}); r.cookies.set('theme', 'dark'); return r }`,
    },
    {
      name: 'the object form with every attribute',
      code: `import { cookies } from 'next/headers';
export async function POST() {
  (await cookies()).set({ name: 'session', value: 'x', httpOnly: true, secure: true, sameSite: 'lax' });
  return new Response(null, { status: 204 });
}`,
    },
    {
      name: 'options from a shared constant we can read',
      code: `const SESSION_COOKIE = { httpOnly: true, secure: true, sameSite: 'lax' as const, path: '/' };
export async function POST() { const r = NextResponse.json({}); r.cookies.set('session', 'x', SESSION_COOKIE); return r }`,
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
      code: `export async function POST() {
  const res = NextResponse.json({ ok: true });
  res.cookies.set('session', token);
  return res;
}`,
      errors: [
        {
          messageId: 'insecure',
          line: 3,
          column: 19,
          data: { name: 'session', missing: '`httpOnly`, `secure` and `sameSite`' },
        },
      ],
      output: `export async function POST() {
  const res = NextResponse.json({ ok: true });
  res.cookies.set('session', token, { httpOnly: true, secure: process.env.NODE_ENV === 'production', sameSite: 'lax', path: '/' });
  return res;
}`,
    },
    {
      name: 'an auth token cookie missing sameSite',
      code: `export async function POST() {
  const res = NextResponse.json({});
  res.cookies.set('auth-token', t, { httpOnly: true, secure: true });
  return res;
}`,
      errors: [{ messageId: 'insecure', data: { name: 'auth-token', missing: '`sameSite`' } }],
      output: `export async function POST() {
  const res = NextResponse.json({});
  res.cookies.set('auth-token', t, { httpOnly: true, secure: true, sameSite: 'lax' });
  return res;
}`,
    },
    {
      name: 'httpOnly explicitly false in a multi-line options object',
      code: `export async function POST() {
  const res = NextResponse.json({});
  res.cookies.set('refresh_token', t, {
    httpOnly: false,
    secure: true,
    sameSite: 'strict',
  });
  return res;
}`,
      errors: [{ messageId: 'insecure', data: { name: 'refresh_token', missing: '`httpOnly`' } }],
      output: `export async function POST() {
  const res = NextResponse.json({});
  res.cookies.set('refresh_token', t, {
    httpOnly: true,
    secure: true,
    sameSite: 'strict',
  });
  return res;
}`,
    },
    {
      name: 'cookies() from next/headers in the object form',
      code: `import { cookies } from 'next/headers';
export async function POST() {
  const store = await cookies();
  store.set({ name: 'sid', value: 'x', path: '/' });
  return new Response(null, { status: 204 });
}`,
      errors: [
        { messageId: 'insecure', line: 4, data: { name: 'sid', missing: '`httpOnly`, `secure` and `sameSite`' } },
      ],
      output: `import { cookies } from 'next/headers';
export async function POST() {
  const store = await cookies();
  store.set({ name: 'sid', value: 'x', path: '/', httpOnly: true, secure: process.env.NODE_ENV === 'production', sameSite: 'lax' });
  return new Response(null, { status: 204 });
}`,
    },
    {
      name: 'sameSite none without secure',
      code: `export async function POST() { const r = NextResponse.json({}); r.cookies.set('session', 'x', { httpOnly: true, sameSite: 'none' }); return r }`,
      errors: [{ messageId: 'insecure', data: { name: 'session', missing: '`secure`' } }],
      output: `export async function POST() { const r = NextResponse.json({}); r.cookies.set('session', 'x', { httpOnly: true, sameSite: 'none', secure: true }); return r }`,
    },
    {
      name: 'a Set-Cookie header string without HttpOnly',
      code: `export async function POST() { return Response.json({}, { headers: { 'Set-Cookie': 'session=abc; Path=/; Secure; SameSite=Lax' } }) }`,
      errors: [{ messageId: 'insecure', data: { name: 'session', missing: '`httpOnly`' } }],
      output: null,
    },
  ],
});

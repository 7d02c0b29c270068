import rule from '../../../src/core/rules/cookie-value';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'reading .value',
      code: `export async function GET(request: NextRequest) {
  const session = request.cookies.get('session')?.value;
  return Response.json({ ok: await verify(session) });
}`,
    },
    {
      name: 'checking presence, then reading fields',
      code: `export async function GET(request: NextRequest) {
  const session = request.cookies.get('session');
  if (!session) return Response.json({ error: 'No session' }, { status: 401 });
  return Response.json({ name: session.name, value: session.value });
}`,
    },
    {
      name: 'cookies() from next/headers with .value',
      code: `import { cookies } from 'next/headers';
export async function GET() {
  const store = await cookies();
  return Response.json({ theme: store.get('theme')?.value ?? 'light' });
}`,
    },
    {
      name: 'has() instead of get()',
      code: `export async function GET(request: NextRequest) { return Response.json({ loggedIn: request.cookies.has('session') }) }`,
    },
    {
      name: 'a cookie object checked, then its value passed on',
      code: `export async function GET(request: NextRequest) {
  const c = request.cookies.get('session');
  return Response.json({ user: c && (await findSession(c.value)) });
}`,
    },
    {
      name: 'comparison with undefined and a truthiness test',
      code: `export async function GET(request: NextRequest) {
  const c = request.cookies.get('a');
  const seen = request.cookies.get('seen') ? 'yes' : 'no';
  return Response.json({ missing: c === undefined, seen });
}`,
    },
    {
      name: 'a Map get that is not a cookie store',
      code: `const cache = new Map<string, string>();
export async function GET() { const v = cache.get('k'); return Response.json({ v: v?.toUpperCase() }) }`,
    },
    {
      name: 'a .cookies Map on another object (not a Next cookie store)',
      code: `export async function GET() {
  const jar = await loadJar();
  const sid = jar.cookies.get('sid');
  return Response.json(await db.sessions.findById(sid));
}`,
    },
    {
      name: 'the whole cookie returned or logged on purpose',
      code: `export async function GET(request: NextRequest) {
  const consent = request.cookies.get('consent');
  console.log('consent cookie', consent);
  return Response.json({ consent });
}`,
    },
    {
      name: 'a cookie copied to the response with its attributes',
      code: `import { NextResponse, type NextRequest } from 'next/server';
export async function GET(request: NextRequest) {
  const res = NextResponse.json({ ok: true });
  const pref = request.cookies.get('pref');
  if (pref) res.cookies.set(pref);
  return res;
}`,
    },
    {
      name: 'fields destructured from the cookie',
      code: `export async function GET(request: NextRequest) {
  const { value } = request.cookies.get('locale') ?? { value: 'en' };
  return Response.json({ locale: value });
}`,
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
      code: `export async function GET(request) {
  const sessionId = request.cookies.get('sessionId')
  if (!sessionId) {
    return Response.json({ error: 'No session' }, { status: 401 })
  }
  const session = await verifySession(sessionId)
  return Response.json({ user: session.user })
}`,
      errors: [
        { messageId: 'objectAsString', line: 2, column: 21, data: { call: "request.cookies.get('sessionId')" } },
      ],
      output: `export async function GET(request) {
  const sessionId = request.cookies.get('sessionId')?.value
  if (!sessionId) {
    return Response.json({ error: 'No session' }, { status: 401 })
  }
  const session = await verifySession(sessionId)
  return Response.json({ user: session.user })
}`,
    },
    {
      name: "the seed's getSession helper passing it to db.sessions.findById",
      filename: 'app/api/profile/route.js',
      code: `async function getSession(request) {
  const sessionId = request.cookies.get('sessionId')
  if (!sessionId) {
    return null
  }
  return await db.sessions.findById(sessionId)
}

export async function GET(request) {
  const session = await getSession(request)
  if (!session) return Response.json({ error: 'Not authenticated' }, { status: 401 })
  return Response.json({ user: await db.users.findById(session.userId) })
}
`,
      errors: [{ messageId: 'objectAsString', line: 2, data: { call: "request.cookies.get('sessionId')" } }],
      output: `async function getSession(request) {
  const sessionId = request.cookies.get('sessionId')?.value
  if (!sessionId) {
    return null
  }
  return await db.sessions.findById(sessionId)
}

export async function GET(request) {
  const session = await getSession(request)
  if (!session) return Response.json({ error: 'Not authenticated' }, { status: 401 })
  return Response.json({ user: await db.users.findById(session.userId) })
}
`,
    },
    {
      name: 'a comparison with a string',
      code: `export async function GET(request: NextRequest) { return Response.json({ dark: request.cookies.get('theme') === 'dark' }) }`,
      errors: [{ messageId: 'objectAsString', data: { call: "request.cookies.get('theme')" } }],
      output: `export async function GET(request: NextRequest) { return Response.json({ dark: request.cookies.get('theme')?.value === 'dark' }) }`,
    },
    {
      name: 'a template literal',
      code: `export async function GET(request: NextRequest) { return new Response(\`hello \${request.cookies.get('name')}\`) }`,
      errors: [{ messageId: 'objectAsString', data: { call: "request.cookies.get('name')" } }],
      output: `export async function GET(request: NextRequest) { return new Response(\`hello \${request.cookies.get('name')?.value}\`) }`,
    },
    {
      name: 'a string method on the result',
      code: `export async function GET(request: NextRequest) {
  const auth = request.cookies.get('auth');
  return Response.json({ bearer: auth?.startsWith('Bearer ') });
}`,
      errors: [{ messageId: 'objectAsString', line: 2, data: { call: "request.cookies.get('auth')" } }],
      output: `export async function GET(request: NextRequest) {
  const auth = request.cookies.get('auth')?.value;
  return Response.json({ bearer: auth?.startsWith('Bearer ') });
}`,
    },
    {
      name: '(await cookies()).get() used in a where clause',
      code: `import { cookies } from 'next/headers';
export async function GET() {
  const sid = (await cookies()).get('sid');
  return Response.json(await db.sessions.findFirst({ where: { id: sid } }));
}`,
      errors: [{ messageId: 'objectAsString', line: 3, data: { call: "(await cookies()).get('sid')" } }],
      output: `import { cookies } from 'next/headers';
export async function GET() {
  const sid = (await cookies()).get('sid')?.value;
  return Response.json(await db.sessions.findFirst({ where: { id: sid } }));
}`,
    },
    {
      name: 'a cookie store variable passed to a JWT verifier',
      code: `import { cookies } from 'next/headers';
export async function GET() {
  const store = await cookies();
  const token = store.get('token');
  if (!token) return new Response(null, { status: 401 });
  return Response.json(await verifyJwt(token));
}`,
      errors: [{ messageId: 'objectAsString', line: 4, data: { call: "store.get('token')" } }],
      output: `import { cookies } from 'next/headers';
export async function GET() {
  const store = await cookies();
  const token = store.get('token')?.value;
  if (!token) return new Response(null, { status: 401 });
  return Response.json(await verifyJwt(token));
}`,
    },
    {
      name: 'string concatenation in a handler exported through a list',
      code: `async function handler(req) {
  return Response.json({ key: 'cart:' + req.cookies.get('cart') });
}
export { handler as GET };`,
      filename: 'app/api/cart/route.js',
      errors: [{ messageId: 'objectAsString', line: 2, data: { call: "req.cookies.get('cart')" } }],
      output: `async function handler(req) {
  return Response.json({ key: 'cart:' + req.cookies.get('cart')?.value });
}
export { handler as GET };`,
    },
    {
      name: 'a comparison with another variable',
      code: `export async function POST(request: NextRequest) {
  const { csrf } = await request.json();
  if (request.cookies.get('csrf') !== csrf) return new Response(null, { status: 403 });
  return Response.json({ ok: true });
}`,
      errors: [{ messageId: 'objectAsString', line: 3, data: { call: "request.cookies.get('csrf')" } }],
      output: `export async function POST(request: NextRequest) {
  const { csrf } = await request.json();
  if (request.cookies.get('csrf')?.value !== csrf) return new Response(null, { status: 403 });
  return Response.json({ ok: true });
}`,
    },
  ],
});

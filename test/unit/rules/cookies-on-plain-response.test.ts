import rule from '../../../src/core/rules/cookies-on-plain-response';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'cookies on a NextResponse',
      code: `import { NextResponse } from 'next/server';
export async function POST() {
  const res = NextResponse.json({ ok: true });
  res.cookies.set('session', 'x', { httpOnly: true, secure: true, sameSite: 'lax' });
  return res;
}`,
    },
    {
      name: 'cookies() from next/headers with a plain Response',
      code: `import { cookies } from 'next/headers';
export async function POST() {
  (await cookies()).set('theme', 'dark');
  return Response.json({ ok: true });
}`,
    },
    {
      name: 'a Set-Cookie header on a plain Response',
      code: `export async function POST() { return Response.json({}, { headers: { 'Set-Cookie': 'a=b; HttpOnly; Secure; SameSite=Lax' } }) }`,
    },
    {
      name: 'request cookies (reading)',
      code: `export async function GET(request: NextRequest) { return Response.json({ a: request.cookies.get('a')?.value }) }`,
    },
    {
      name: 'new NextResponse',
      code: `import { NextResponse } from 'next/server';
export async function DELETE() {
  const res = new NextResponse(null, { status: 204 });
  res.cookies.delete('session');
  return res;
}`,
    },
    {
      name: 'a response from a helper we cannot see',
      code: `export async function POST() {
  const res = makeResponse();
  res.cookies.set('a', 'b');
  return res;
}`,
    },
  ],
  invalid: [
    {
      name: "the seed's session POST: cookies set on Response.json, switching to NextResponse",
      filename: 'app/api/session/route.js',
      code: `export async function POST(request) {
  const session = await createSession(await request.json())
  const response = Response.json({ user: session.user }, { status: 201 })
  response.cookies.set('sessionId', session.id, { httpOnly: true })
  return response
}
`,
      errors: [{ messageId: 'plainResponse', line: 4, column: 3, data: { name: 'response', method: 'set' } }],
      output: `import { NextResponse } from 'next/server'

export async function POST(request) {
  const session = await createSession(await request.json())
  const response = NextResponse.json({ user: session.user }, { status: 201 })
  response.cookies.set('sessionId', session.id, { httpOnly: true })
  return response
}
`,
    },
    {
      name: 'cookies deleted on new Response, with an existing next/server import',
      code: `import { NextRequest } from 'next/server';

export async function DELETE(req: NextRequest) {
  const res = new Response(null, { status: 204 });
  res.cookies.delete('session');
  return res;
}
`,
      errors: [{ messageId: 'plainResponse', line: 5, data: { name: 'res', method: 'delete' } }],
      output: `import { NextRequest, NextResponse } from 'next/server';

export async function DELETE(req: NextRequest) {
  const res = new NextResponse(null, { status: 204 });
  res.cookies.delete('session');
  return res;
}
`,
    },
    {
      name: 'a chained call on Response.json',
      code: `export async function POST() {
  Response.json({}).cookies.set('a', 'b');
  return new Response(null, { status: 204 });
}`,
      errors: [{ messageId: 'plainResponse', data: { name: 'Response.json({})', method: 'set' } }],
      output: `import { NextResponse } from 'next/server';

export async function POST() {
  NextResponse.json({}).cookies.set('a', 'b');
  return new Response(null, { status: 204 });
}`,
    },
    {
      name: 'two cookie writes on the same plain response',
      code: `export async function POST() {
  const r = Response.json({});
  r.cookies.set('a', '1');
  r.cookies.set('b', '2');
  return r;
}`,
      errors: [
        { messageId: 'plainResponse', line: 3, data: { name: 'r', method: 'set' } },
        { messageId: 'plainResponse', line: 4, data: { name: 'r', method: 'set' } },
      ],
      output: `import { NextResponse } from 'next/server';

export async function POST() {
  const r = NextResponse.json({});
  r.cookies.set('a', '1');
  r.cookies.set('b', '2');
  return r;
}`,
    },
    {
      name: 'cookies.get on a plain response',
      code: `export async function GET() {
  const r = new Response('x');
  return Response.json({ c: r.cookies.get('a') });
}`,
      errors: [{ messageId: 'plainResponse', data: { name: 'r', method: 'get' } }],
      output: `import { NextResponse } from 'next/server';

export async function GET() {
  const r = new NextResponse('x');
  return Response.json({ c: r.cookies.get('a') });
}`,
    },
    {
      name: 'a plain response in an arrow handler',
      code: `export const POST = async () => {
  const res = Response.json({ ok: true });
  res.cookies.set('token', 't', { httpOnly: true, secure: true, sameSite: 'strict' });
  return res;
};`,
      errors: [{ messageId: 'plainResponse', data: { name: 'res', method: 'set' } }],
      output: `import { NextResponse } from 'next/server';

export const POST = async () => {
  const res = NextResponse.json({ ok: true });
  res.cookies.set('token', 't', { httpOnly: true, secure: true, sameSite: 'strict' });
  return res;
};`,
    },
  ],
});

import rule from '../../../src/core/rules/cookies-on-plain-response';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'cookies on a NextResponse',
      code: `import { NextResponse } from 'next/server';\nexport async function POST() {\n  const res = NextResponse.json({ ok: true });\n  res.cookies.set('session', 'x', { httpOnly: true, secure: true, sameSite: 'lax' });\n  return res;\n}`,
    },
    {
      name: 'cookies() from next/headers with a plain Response',
      code: `import { cookies } from 'next/headers';\nexport async function POST() {\n  (await cookies()).set('theme', 'dark');\n  return Response.json({ ok: true });\n}`,
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
      code: `import { NextResponse } from 'next/server';\nexport async function DELETE() {\n  const res = new NextResponse(null, { status: 204 });\n  res.cookies.delete('session');\n  return res;\n}`,
    },
    {
      name: 'a response from a helper we cannot see',
      code: `export async function POST() {\n  const res = makeResponse();\n  res.cookies.set('a', 'b');\n  return res;\n}`,
    },
  ],
  invalid: [
    {
      name: "the seed's session POST: cookies set on Response.json, switching to NextResponse",
      filename: 'app/api/session/route.js',
      code: `export async function POST(request) {\n  const session = await createSession(await request.json())\n  const response = Response.json({ user: session.user }, { status: 201 })\n  response.cookies.set('sessionId', session.id, { httpOnly: true })\n  return response\n}\n`,
      errors: [{ messageId: 'plainResponse', line: 4, column: 3, data: { name: 'response', method: 'set' } }],
      output: `import { NextResponse } from 'next/server'\n\nexport async function POST(request) {\n  const session = await createSession(await request.json())\n  const response = NextResponse.json({ user: session.user }, { status: 201 })\n  response.cookies.set('sessionId', session.id, { httpOnly: true })\n  return response\n}\n`,
    },
    {
      name: 'cookies deleted on new Response, with an existing next/server import',
      code: `import { NextRequest } from 'next/server';\n\nexport async function DELETE(req: NextRequest) {\n  const res = new Response(null, { status: 204 });\n  res.cookies.delete('session');\n  return res;\n}\n`,
      errors: [{ messageId: 'plainResponse', line: 5, data: { method: 'delete' } }],
      output: `import { NextRequest, NextResponse } from 'next/server';\n\nexport async function DELETE(req: NextRequest) {\n  const res = new NextResponse(null, { status: 204 });\n  res.cookies.delete('session');\n  return res;\n}\n`,
    },
    {
      name: 'a chained call on Response.json',
      code: `export async function POST() {\n  Response.json({}).cookies.set('a', 'b');\n  return new Response(null, { status: 204 });\n}`,
      errors: [{ messageId: 'plainResponse' }],
    },
    {
      name: 'two cookie writes on the same plain response',
      code: `export async function POST() {\n  const r = Response.json({});\n  r.cookies.set('a', '1');\n  r.cookies.set('b', '2');\n  return r;\n}`,
      errors: [
        { messageId: 'plainResponse', line: 3 },
        { messageId: 'plainResponse', line: 4 },
      ],
    },
    {
      name: 'cookies.get on a plain response',
      code: `export async function GET() {\n  const r = new Response('x');\n  return Response.json({ c: r.cookies.get('a') });\n}`,
      errors: [{ messageId: 'plainResponse' }],
    },
    {
      name: 'a plain response in an arrow handler',
      code: `export const POST = async () => {\n  const res = Response.json({ ok: true });\n  res.cookies.set('token', 't', { httpOnly: true, secure: true, sameSite: 'strict' });\n  return res;\n};`,
      errors: [{ messageId: 'plainResponse' }],
    },
  ],
});

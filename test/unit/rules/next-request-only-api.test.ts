import rule from '../../../src/core/rules/next-request-only-api';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    { name: 'cookies on a NextRequest parameter', code: `import { NextRequest } from 'next/server';\nexport async function GET(request: NextRequest) { return Response.json({ s: request.cookies.get('s')?.value }) }` },
    { name: 'nextUrl on a NextRequest parameter', code: `import type { NextRequest } from 'next/server';\nexport function GET(req: NextRequest) { return Response.json({ q: req.nextUrl.searchParams.get('q') }) }` },
    { name: 'a Request parameter using only standard APIs', code: `export async function GET(request: Request) { return Response.json({ q: new URL(request.url).searchParams.get('q'), ua: request.headers.get('user-agent') }) }` },
    { name: 'an untyped parameter in JS (it is a NextRequest at runtime)', filename: 'app/api/items/route.js', code: `export async function GET(request) { return Response.json({ s: request.cookies.get('s')?.value }) }` },
    { name: 'a response cookies API on a Request-typed handler', code: `import { NextResponse } from 'next/server';\nexport async function POST(request: Request) {\n  const res = NextResponse.json({});\n  res.cookies.set('a', 'b', { httpOnly: true, secure: true, sameSite: 'lax' });\n  return res;\n}` },
    { name: 'a helper function taking a Request (not a handler)', code: `function token(req: Request) { return req.headers.get('authorization') }\nexport async function GET(request: Request) { return Response.json({ t: token(request) }) }` },
  ],
  invalid: [
    {
      name: 'request.cookies on a Request and types it NextRequest, adding the import',
      code: `export async function GET(request: Request) {\n  const session = request.cookies.get('session')?.value;\n  return Response.json({ session });\n}\n`,
      errors: [{ messageId: 'needsNextRequest', line: 2, column: 19, data: { prop: 'cookies' } }],
      output: `import { NextRequest } from 'next/server';\n\nexport async function GET(request: NextRequest) {\n  const session = request.cookies.get('session')?.value;\n  return Response.json({ session });\n}\n`,
    },
    {
      name: 'request.nextUrl with an existing next/server import, extending it',
      code: `import { NextResponse } from 'next/server';\n\nexport async function GET(req: Request) {\n  return NextResponse.json({ page: req.nextUrl.searchParams.get('page') });\n}\n`,
      errors: [{ messageId: 'needsNextRequest', line: 4, data: { prop: 'nextUrl' } }],
      output: `import { NextResponse, NextRequest } from 'next/server';\n\nexport async function GET(req: NextRequest) {\n  return NextResponse.json({ page: req.nextUrl.searchParams.get('page') });\n}\n`,
    },
    {
      name: 'both cookies and nextUrl in one handler',
      code: `export async function GET(request: Request) {\n  return Response.json({ a: request.nextUrl.pathname, b: request.cookies.getAll() });\n}\n`,
      errors: [{ messageId: 'needsNextRequest', data: { prop: 'nextUrl' } }, { messageId: 'needsNextRequest', data: { prop: 'cookies' } }],
      output: `import { NextRequest } from 'next/server';\n\nexport async function GET(request: NextRequest) {\n  return Response.json({ a: request.nextUrl.pathname, b: request.cookies.getAll() });\n}\n`,
    },
    {
      name: 'an arrow handler with double quotes and no semicolons',
      code: `import { z } from "zod"\n\nexport const POST = async (req: Request) => {\n  return Response.json({ token: req.cookies.get("t")?.value })\n}\n`,
      errors: [{ messageId: 'needsNextRequest' }],
      output: `import { z } from "zod"\nimport { NextRequest } from "next/server"\n\nexport const POST = async (req: NextRequest) => {\n  return Response.json({ token: req.cookies.get("t")?.value })\n}\n`,
    },
    {
      name: 'a handler exported through an export list',
      code: `async function handler(req: Request) { return Response.json({ p: req.nextUrl.pathname }) }\nexport { handler as GET };\n`,
      errors: [{ messageId: 'needsNextRequest' }],
    },
    {
      name: 'a wrapped handler with a Request-typed parameter',
      code: `export const GET = withAuth(async (req: Request) => Response.json({ c: req.cookies.has('x') }));\n`,
      errors: [{ messageId: 'needsNextRequest' }],
    },
  ],
});

import rule from '../../../src/core/rules/next-request-only-api';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'cookies on a NextRequest parameter',
      code: `import { NextRequest } from 'next/server';\nexport async function GET(request: NextRequest) { return Response.json({ s: request.cookies.get('s')?.value }) }`,
    },
    {
      name: 'nextUrl on a NextRequest parameter (type import)',
      code: `import type { NextRequest } from 'next/server';\nexport function GET(req: NextRequest) { return Response.json({ q: req.nextUrl.searchParams.get('q') }) }`,
    },
    {
      name: 'a Request parameter using only standard APIs',
      code: `export async function GET(request: Request) { return Response.json({ q: new URL(request.url).searchParams.get('q'), ua: request.headers.get('user-agent') }) }`,
    },
    {
      name: 'an untyped parameter in JS (it is a NextRequest at runtime)',
      filename: 'app/api/items/route.js',
      code: `export async function GET(request) { return Response.json({ s: request.cookies.get('s')?.value }) }`,
    },
    {
      name: 'a response cookies API on a Request-typed handler',
      code: `import { NextResponse } from 'next/server';\nexport async function POST(request: Request) {\n  const res = NextResponse.json({});\n  res.cookies.set('a', 'b', { httpOnly: true, secure: true, sameSite: 'lax' });\n  return res;\n}`,
    },
    {
      name: 'a helper taking a Request that reads only headers',
      code: `function token(req: Request) { return req.headers.get('authorization') }\nexport async function GET(request: Request) { return Response.json({ t: token(request) }) }`,
    },
    {
      name: 'a file with its own Request type (not the Fetch Request)',
      code: `import type { Request } from './types';\nexport async function GET(request: Request) { return Response.json({ c: request.cookies.get('a') }) }`,
    },
    {
      name: 'cookies() from next/headers in a Request-typed handler',
      code: `import { cookies } from 'next/headers';\nexport async function GET(request: Request) {\n  const store = await cookies();\n  return Response.json({ theme: store.get('theme')?.value, url: request.url });\n}`,
    },
    {
      name: 'a cookies property of another object',
      code: `export async function GET(request: Request) {\n  const session = await getSession(request);\n  return Response.json({ cookies: session.cookies, next: session.nextUrl });\n}`,
    },
  ],
  invalid: [
    {
      name: 'request.cookies on a Request and types it NextRequest, adding a type import',
      code: `export async function GET(request: Request) {\n  const session = request.cookies.get('session')?.value;\n  return Response.json({ session });\n}\n`,
      errors: [{ messageId: 'needsNextRequest', line: 2, column: 19, data: { prop: 'cookies' } }],
      output: `import type { NextRequest } from 'next/server';\n\nexport async function GET(request: NextRequest) {\n  const session = request.cookies.get('session')?.value;\n  return Response.json({ session });\n}\n`,
    },
    {
      name: 'request.nextUrl with an existing next/server import, extending it with a type specifier',
      code: `import { NextResponse } from 'next/server';\n\nexport async function GET(req: Request) {\n  return NextResponse.json({ page: req.nextUrl.searchParams.get('page') });\n}\n`,
      errors: [{ messageId: 'needsNextRequest', line: 4, data: { prop: 'nextUrl' } }],
      output: `import { NextResponse, type NextRequest } from 'next/server';\n\nexport async function GET(req: NextRequest) {\n  return NextResponse.json({ page: req.nextUrl.searchParams.get('page') });\n}\n`,
    },
    {
      name: 'an existing type-only next/server import, extending it',
      code: `import type { NextFetchEvent } from 'next/server';\n\nexport async function GET(req: Request) {\n  return Response.json({ path: req.nextUrl.pathname });\n}\n`,
      errors: [{ messageId: 'needsNextRequest', line: 4 }],
      output: `import type { NextFetchEvent, NextRequest } from 'next/server';\n\nexport async function GET(req: NextRequest) {\n  return Response.json({ path: req.nextUrl.pathname });\n}\n`,
    },
    {
      name: 'NextRequest already imported but not used for the parameter',
      code: `import { NextRequest, NextResponse } from 'next/server';\n\nexport async function GET(req: Request) {\n  return NextResponse.json({ path: req.nextUrl.pathname });\n}\n`,
      errors: [{ messageId: 'needsNextRequest', line: 4 }],
      output: `import { NextRequest, NextResponse } from 'next/server';\n\nexport async function GET(req: NextRequest) {\n  return NextResponse.json({ path: req.nextUrl.pathname });\n}\n`,
    },
    {
      name: 'both cookies and nextUrl in one handler (one fix)',
      code: `export async function GET(request: Request) {\n  return Response.json({ a: request.nextUrl.pathname, b: request.cookies.getAll() });\n}\n`,
      errors: [
        { messageId: 'needsNextRequest', data: { prop: 'nextUrl' } },
        { messageId: 'needsNextRequest', data: { prop: 'cookies' } },
      ],
      output: `import type { NextRequest } from 'next/server';\n\nexport async function GET(request: NextRequest) {\n  return Response.json({ a: request.nextUrl.pathname, b: request.cookies.getAll() });\n}\n`,
    },
    {
      name: 'an arrow handler with double quotes and no semicolons',
      code: `import { z } from "zod"\n\nexport const POST = async (req: Request) => {\n  return Response.json({ token: req.cookies.get("t")?.value })\n}\n`,
      errors: [{ messageId: 'needsNextRequest' }],
      output: `import { z } from "zod"\nimport type { NextRequest } from "next/server"\n\nexport const POST = async (req: NextRequest) => {\n  return Response.json({ token: req.cookies.get("t")?.value })\n}\n`,
    },
    {
      name: 'nextUrl destructured from the request',
      code: `export async function GET(request: Request) {\n  const { nextUrl } = request;\n  return Response.json({ q: nextUrl.searchParams.get('q') });\n}\n`,
      errors: [{ messageId: 'needsNextRequest', line: 2, column: 11 }],
      output: `import type { NextRequest } from 'next/server';\n\nexport async function GET(request: NextRequest) {\n  const { nextUrl } = request;\n  return Response.json({ q: nextUrl.searchParams.get('q') });\n}\n`,
    },
    {
      name: 'a handler exported through an export list',
      code: `async function handler(req: Request) { return Response.json({ p: req.nextUrl.pathname }) }\nexport { handler as GET };\n`,
      errors: [{ messageId: 'needsNextRequest' }],
      output: `import type { NextRequest } from 'next/server'\n\nasync function handler(req: NextRequest) { return Response.json({ p: req.nextUrl.pathname }) }\nexport { handler as GET };\n`,
    },
    {
      name: 'a wrapped handler with a Request-typed parameter',
      code: `export const GET = withAuth(async (req: Request) => Response.json({ c: req.cookies.has('x') }));\n`,
      errors: [{ messageId: 'needsNextRequest' }],
      output: `import type { NextRequest } from 'next/server';\n\nexport const GET = withAuth(async (req: NextRequest) => Response.json({ c: req.cookies.has('x') }));\n`,
    },
    {
      name: 'a helper typed Request reading cookies (a suggestion, since callers must pass a NextRequest)',
      code: `function sessionId(req: Request) {\n  return req.cookies.get('sid')?.value;\n}\nexport async function GET(request: Request) {\n  return Response.json({ sid: sessionId(request) });\n}\n`,
      errors: [{ messageId: 'needsNextRequest', line: 2 }],
      output: null,
      suggestions: [
        {
          title: /callers/,
          output: `import type { NextRequest } from 'next/server';\n\nfunction sessionId(req: NextRequest) {\n  return req.cookies.get('sid')?.value;\n}\nexport async function GET(request: Request) {\n  return Response.json({ sid: sessionId(request) });\n}\n`,
        },
      ],
    },
  ],
});

import rule from '../../../src/core/rules/next-request-only-api';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'cookies on a NextRequest parameter',
      code: `import { NextRequest } from 'next/server';
export async function GET(request: NextRequest) { return Response.json({ s: request.cookies.get('s')?.value }) }`,
    },
    {
      name: 'nextUrl on a NextRequest parameter (type import)',
      code: `import type { NextRequest } from 'next/server';
export function GET(req: NextRequest) { return Response.json({ q: req.nextUrl.searchParams.get('q') }) }`,
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
      code: `import { NextResponse } from 'next/server';
export async function POST(request: Request) {
  const res = NextResponse.json({});
  res.cookies.set('a', 'b', { httpOnly: true, secure: true, sameSite: 'lax' });
  return res;
}`,
    },
    {
      name: 'a helper taking a Request that reads only headers',
      code: `function token(req: Request) { return req.headers.get('authorization') }
export async function GET(request: Request) { return Response.json({ t: token(request) }) }`,
    },
    {
      name: 'a file with its own Request type (not the Fetch Request)',
      code: `import type { Request } from './types';
export async function GET(request: Request) { return Response.json({ c: request.cookies.get('a') }) }`,
    },
    {
      name: 'cookies() from next/headers in a Request-typed handler',
      code: `import { cookies } from 'next/headers';
export async function GET(request: Request) {
  const store = await cookies();
  return Response.json({ theme: store.get('theme')?.value, url: request.url });
}`,
    },
    {
      name: 'a cookies property of another object',
      code: `export async function GET(request: Request) {
  const session = await getSession(request);
  return Response.json({ cookies: session.cookies, next: session.nextUrl });
}`,
    },
  ],
  invalid: [
    {
      name: 'request.cookies on a Request and types it NextRequest, adding a type import',
      code: `export async function GET(request: Request) {
  const session = request.cookies.get('session')?.value;
  return Response.json({ session });
}
`,
      errors: [{ messageId: 'needsNextRequest', line: 2, column: 19, data: { name: 'request', prop: 'cookies' } }],
      output: `import type { NextRequest } from 'next/server';

export async function GET(request: NextRequest) {
  const session = request.cookies.get('session')?.value;
  return Response.json({ session });
}
`,
    },
    {
      name: 'request.nextUrl with an existing next/server import, extending it with a type specifier',
      code: `import { NextResponse } from 'next/server';

export async function GET(req: Request) {
  return NextResponse.json({ page: req.nextUrl.searchParams.get('page') });
}
`,
      errors: [{ messageId: 'needsNextRequest', line: 4, data: { name: 'req', prop: 'nextUrl' } }],
      output: `import { NextResponse, type NextRequest } from 'next/server';

export async function GET(req: NextRequest) {
  return NextResponse.json({ page: req.nextUrl.searchParams.get('page') });
}
`,
    },
    {
      name: 'an existing type-only next/server import, extending it',
      code: `import type { NextFetchEvent } from 'next/server';

export async function GET(req: Request) {
  return Response.json({ path: req.nextUrl.pathname });
}
`,
      errors: [{ messageId: 'needsNextRequest', line: 4, data: { name: 'req', prop: 'nextUrl' } }],
      output: `import type { NextFetchEvent, NextRequest } from 'next/server';

export async function GET(req: NextRequest) {
  return Response.json({ path: req.nextUrl.pathname });
}
`,
    },
    {
      name: 'NextRequest already imported but not used for the parameter',
      code: `import { NextRequest, NextResponse } from 'next/server';

export async function GET(req: Request) {
  return NextResponse.json({ path: req.nextUrl.pathname });
}
`,
      errors: [{ messageId: 'needsNextRequest', line: 4, data: { name: 'req', prop: 'nextUrl' } }],
      output: `import { NextRequest, NextResponse } from 'next/server';

export async function GET(req: NextRequest) {
  return NextResponse.json({ path: req.nextUrl.pathname });
}
`,
    },
    {
      name: 'both cookies and nextUrl in one handler (one fix)',
      code: `export async function GET(request: Request) {
  return Response.json({ a: request.nextUrl.pathname, b: request.cookies.getAll() });
}
`,
      errors: [
        { messageId: 'needsNextRequest', data: { name: 'request', prop: 'nextUrl' } },
        { messageId: 'needsNextRequest', data: { name: 'request', prop: 'cookies' } },
      ],
      output: `import type { NextRequest } from 'next/server';

export async function GET(request: NextRequest) {
  return Response.json({ a: request.nextUrl.pathname, b: request.cookies.getAll() });
}
`,
    },
    {
      name: 'an arrow handler with double quotes and no semicolons',
      code: `import { z } from "zod"

export const POST = async (req: Request) => {
  return Response.json({ token: req.cookies.get("t")?.value })
}
`,
      errors: [{ messageId: 'needsNextRequest', data: { name: 'req', prop: 'cookies' } }],
      output: `import { z } from "zod"
import type { NextRequest } from "next/server"

export const POST = async (req: NextRequest) => {
  return Response.json({ token: req.cookies.get("t")?.value })
}
`,
    },
    {
      name: 'nextUrl destructured from the request',
      code: `export async function GET(request: Request) {
  const { nextUrl } = request;
  return Response.json({ q: nextUrl.searchParams.get('q') });
}
`,
      errors: [{ messageId: 'needsNextRequest', line: 2, column: 11, data: { name: 'request', prop: 'nextUrl' } }],
      output: `import type { NextRequest } from 'next/server';

export async function GET(request: NextRequest) {
  const { nextUrl } = request;
  return Response.json({ q: nextUrl.searchParams.get('q') });
}
`,
    },
    {
      name: 'a handler exported through an export list',
      code: `async function handler(req: Request) { return Response.json({ p: req.nextUrl.pathname }) }
export { handler as GET };
`,
      errors: [{ messageId: 'needsNextRequest', data: { name: 'req', prop: 'nextUrl' } }],
      output: `import type { NextRequest } from 'next/server'

async function handler(req: NextRequest) { return Response.json({ p: req.nextUrl.pathname }) }
export { handler as GET };
`,
    },
    {
      name: 'a wrapped handler with a Request-typed parameter',
      code: `export const GET = withAuth(async (req: Request) => Response.json({ c: req.cookies.has('x') }));
`,
      errors: [{ messageId: 'needsNextRequest', data: { name: 'req', prop: 'cookies' } }],
      output: `import type { NextRequest } from 'next/server';

export const GET = withAuth(async (req: NextRequest) => Response.json({ c: req.cookies.has('x') }));
`,
    },
    {
      name: 'a helper typed Request reading cookies (a suggestion, since callers must pass a NextRequest)',
      code: `function sessionId(req: Request) {
  return req.cookies.get('sid')?.value;
}
export async function GET(request: Request) {
  return Response.json({ sid: sessionId(request) });
}
`,
      errors: [
        {
          messageId: 'needsNextRequest',
          line: 2,
          suggestions: [
            {
              title: /callers/,
              output: `import type { NextRequest } from 'next/server';

function sessionId(req: NextRequest) {
  return req.cookies.get('sid')?.value;
}
export async function GET(request: Request) {
  return Response.json({ sid: sessionId(request) });
}
`,
            },
          ],
          data: { name: 'req', prop: 'cookies' },
        },
      ],
      output: null,
    },
  ],
});

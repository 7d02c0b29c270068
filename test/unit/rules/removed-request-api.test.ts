import rule from '../../../src/core/rules/removed-request-api';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'awaited cookies() and headers()',
      code: `import { cookies, headers } from 'next/headers';
export async function GET() {
  const c = await cookies();
  const h = await headers();
  return Response.json({ a: c.get('a')?.value, ua: h.get('user-agent') });
}`,
    },
    {
      name: 'an inline awaited call',
      code: `import { headers } from 'next/headers';
export async function GET() { return Response.json({ ua: (await headers()).get('user-agent') }) }`,
    },
    {
      name: 'request.geo on a Next 14 project',
      nextMajor: 14,
      code: `export async function GET(request: NextRequest) { return Response.json({ country: request.geo?.country }) }`,
    },
    {
      name: 'sync cookies() on a Next 14 project',
      nextMajor: 14,
      code: `import { cookies } from 'next/headers';
export async function GET() { return Response.json({ a: cookies().get('a')?.value }) }`,
    },
    {
      name: 'a local function named cookies (not from next/headers)',
      code: `function cookies() { return new Map() }
export async function GET() { return Response.json({ a: cookies().get('a') }) }`,
    },
    {
      name: 'the client IP from x-forwarded-for',
      code: `export async function GET(request: Request) { return Response.json({ ip: request.headers.get('x-forwarded-for') }) }`,
    },
    {
      name: 'a geo property on another object',
      code: `export async function GET() { const location = await lookup(); return Response.json({ country: location.geo }) }`,
    },
    {
      name: 'cookies() returned from a helper to be awaited by the caller',
      code: `import { cookies } from 'next/headers';
function store() { return cookies() }
export async function GET() { return Response.json({ a: (await store()).get('a')?.value }) }`,
    },
  ],
  invalid: [
    {
      name: 'request.geo',
      code: `export async function GET(request: NextRequest) {
  return Response.json({ country: request.geo?.country });
}`,
      errors: [{ messageId: 'geoIp', line: 2, column: 35, data: { prop: 'geo', replacement: 'geolocation(request)' } }],
      output: null,
    },
    {
      name: 'req.ip in a JS handler',
      filename: 'app/api/items/route.js',
      code: `export async function GET(req) { return Response.json({ ip: req.ip }) }`,
      errors: [{ messageId: 'geoIp', data: { prop: 'ip', replacement: 'ipAddress(request)' } }],
      output: null,
    },
    {
      name: 'sync cookies().get() and awaits it',
      code: `import { cookies } from 'next/headers';
export async function GET() {
  return Response.json({ theme: cookies().get('theme')?.value });
}
`,
      errors: [{ messageId: 'syncDynamicApi', line: 3, data: { name: 'cookies' } }],
      output: `import { cookies } from 'next/headers';
export async function GET() {
  return Response.json({ theme: (await cookies()).get('theme')?.value });
}
`,
    },
    {
      name: 'a headers() store used without await, adding await',
      code: `import { headers as getHeaders } from 'next/headers';
export async function GET() {
  const h = getHeaders();
  return Response.json({ ua: h.get('user-agent') });
}
`,
      errors: [{ messageId: 'syncDynamicApi', line: 3, data: { name: 'getHeaders' } }],
      output: `import { headers as getHeaders } from 'next/headers';
export async function GET() {
  const h = await getHeaders();
  return Response.json({ ua: h.get('user-agent') });
}
`,
    },
    {
      name: 'sync draftMode() in a non-async handler (no automatic fix)',
      code: `import { draftMode } from 'next/headers';
export function GET() { return Response.json({ draft: draftMode().isEnabled }) }`,
      errors: [{ messageId: 'syncDynamicApi', data: { name: 'draftMode' } }],
      output: null,
    },
    {
      name: 'NextResponse.next() in a route handler',
      code: `import { NextResponse } from 'next/server';
export async function GET() { return NextResponse.next() }`,
      errors: [{ messageId: 'middlewareOnly', data: { method: 'next' } }],
      output: null,
    },
    {
      name: 'NextResponse.rewrite() in a route handler',
      code: `import { NextResponse } from 'next/server';
export async function GET(request: NextRequest) { return NextResponse.rewrite(new URL('/other', request.url)) }`,
      errors: [{ messageId: 'middlewareOnly', data: { method: 'rewrite' } }],
      output: null,
    },
  ],
});

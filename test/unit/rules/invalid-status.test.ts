import rule from '../../../src/core/rules/invalid-status';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'ordinary success and error statuses',
      code: `export async function GET() { return Response.json({}, { status: 200 }) }
export async function POST() { return Response.json({ error: 'x' }, { status: 422 }) }
export async function PUT() { return NextResponse.json({}, { status: 599 }) }`,
    },
    {
      name: 'a redirect to an absolute URL built from the request',
      code: `export async function GET(request: Request) { return NextResponse.redirect(new URL('/login', request.url)) }`,
    },
    {
      name: 'a redirect with an allowed status and a full URL string',
      code: `export async function GET() { return NextResponse.redirect('https://example.com/docs', 308) }
export async function POST() { return Response.redirect('https://example.com/done', 303) }`,
    },
    {
      name: 'a hand-made redirect with a Location header',
      code: `export async function GET() { return new Response(null, { status: 307, headers: { Location: '/new' } }) }`,
    },
    {
      name: 'a hand-made redirect whose headers come from a variable we cannot see',
      code: `export async function GET() { return new Response(null, { status: 302, headers: redirectHeaders() }) }`,
    },
    {
      name: 'a hand-made redirect with Location set afterwards',
      code: `export async function GET() {
  const res = new Response(null, { status: 301 });
  res.headers.set('Location', 'https://example.com');
  return res;
}`,
    },
    {
      name: 'a 304 Not Modified (not a redirect)',
      code: `export async function GET() { return new Response(null, { status: 304 }) }`,
    },
    {
      name: 'a status computed at runtime',
      code: `export async function GET(req: Request) { return Response.json({}, { status: upstream.status }) }`,
    },
  ],
  invalid: [
    {
      name: 'status 600',
      code: `export async function GET() {
  return Response.json({ ok: false }, { status: 600 });
}`,
      errors: [{ messageId: 'outOfRange', line: 2, column: 49, data: { status: 600 } }],
      output: null,
    },
    {
      name: 'a 1xx status (cannot be sent through Response)',
      code: `export async function GET() { return new Response(null, { status: 101 }) }`,
      errors: [{ messageId: 'outOfRange', data: { status: 101 } }],
      output: null,
    },
    {
      name: 'a fractional status held in a const',
      code: `const STATUS = 200.5;
export async function GET() { return Response.json({}, { status: STATUS }) }`,
      errors: [{ messageId: 'outOfRange', line: 2, data: { status: '200.5' } }],
      output: null,
    },
    {
      name: 'status 0',
      code: `export async function GET() { return NextResponse.json({}, { status: 0 }) }`,
      errors: [{ messageId: 'outOfRange', data: { status: '0' } }],
      output: null,
    },
    {
      name: 'a relative redirect and rewrites it with the request URL',
      code: `export async function GET(request: Request) {
  return NextResponse.redirect('/login');
}`,
      errors: [
        { messageId: 'relativeRedirect', line: 2, column: 32, data: { callee: 'NextResponse', url: "'/login'" } },
      ],
      output: `export async function GET(request: Request) {
  return NextResponse.redirect(new URL('/login', request.url));
}`,
    },
    {
      name: 'a relative template-literal redirect in a JS handler',
      code: `export async function GET(req) {
  return Response.redirect(\`/posts/\${id}\`, 302)
}`,
      filename: 'app/api/items/route.js',
      errors: [{ messageId: 'relativeRedirect', line: 2, data: { callee: 'Response', url: '`/posts/${id}`' } }],
      output: `export async function GET(req) {
  return Response.redirect(new URL(\`/posts/\${id}\`, req.url), 302)
}`,
    },
    {
      name: 'a redirect status that is not a redirect',
      code: `export async function GET(request: Request) { return NextResponse.redirect(new URL('/', request.url), 200) }`,
      errors: [{ messageId: 'redirectStatus', data: { callee: 'NextResponse', status: 200 } }],
      output: null,
    },
    {
      name: 'a redirect status given in an init object',
      code: `export async function GET(request: Request) { return NextResponse.redirect(new URL('/', request.url), { status: 304 }) }`,
      errors: [{ messageId: 'redirectStatus', data: { callee: 'NextResponse', status: 304 } }],
      output: null,
    },
    {
      name: 'a hand-made 302 without Location',
      code: `export async function GET() {
  return new Response(null, { status: 302 });
}`,
      errors: [{ messageId: 'redirectWithoutLocation', line: 2, column: 39, data: { status: 302 } }],
      output: null,
    },
    {
      name: 'a hand-made 308 with other headers but no Location',
      code: `export async function GET() { return new Response(null, { status: 308, headers: { 'Cache-Control': 'no-store' } }) }`,
      errors: [{ messageId: 'redirectWithoutLocation', data: { status: 308 } }],
      output: null,
    },
  ],
});

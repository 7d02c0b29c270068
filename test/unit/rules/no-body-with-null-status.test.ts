import rule from '../../../src/core/rules/no-body-with-null-status';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'an empty 204 built with `new Response(null, …)`',
      code: `export async function DELETE() { return new Response(null, { status: 204 }) }`,
    },
    {
      name: 'an empty 204 with `undefined` or no body',
      code: `export async function DELETE() { return new Response(undefined, { status: 204 }) }
export async function PUT() { return new NextResponse(null, { status: 205 }) }`,
    },
    {
      name: 'a JSON 200 and a JSON 201',
      code: `export async function GET() { return Response.json({ ok: true }) }
export async function POST() { return NextResponse.json({ id: 1 }, { status: 201 }) }`,
    },
    {
      name: 'a status that is not a literal (cannot be known statically)',
      code: `export async function GET(req: Request) { const s = Number(new URL(req.url).searchParams.get('s')); return Response.json({}, { status: s }) }`,
    },
    {
      name: 'a 304 built by a helper that passes null',
      code: `function notModified() { return new Response(null, { status: 304, headers: { ETag: '"1"' } }) }
export async function GET() { return notModified() }`,
    },
    {
      name: 'a const init object with a 200',
      code: `const init = { status: 200, headers: { 'Cache-Control': 'no-store' } };
export async function GET() { return Response.json({}, init) }`,
    },
    {
      name: 'a redirect (it has no body)',
      code: `export async function GET(req: Request) { return NextResponse.redirect(new URL('/login', req.url), 303) }`,
    },
  ],
  invalid: [
    {
      name: '`Response.json` with status 204 and rewrites it to a bodiless response',
      code: `export async function DELETE() {
  return Response.json({ deleted: true }, { status: 204 });
}
`,
      errors: [{ messageId: 'jsonWithNullStatus', line: 2, column: 10, data: { callee: 'Response', status: 204 } }],
      output: `export async function DELETE() {
  return new Response(null, { status: 204 });
}
`,
    },
    {
      name: '`NextResponse.json(null, …)` with 204, which still throws',
      code: `export async function DELETE() {
  return NextResponse.json(null, { status: 204, headers: { 'X-Deleted': '1' } });
}
`,
      errors: [{ messageId: 'jsonWithNullStatus', data: { callee: 'NextResponse', status: 204 } }],
      output: `export async function DELETE() {
  return new NextResponse(null, { status: 204, headers: { 'X-Deleted': '1' } });
}
`,
    },
    {
      name: 'a string body with status 205',
      code: `export async function POST() {
  return new Response('reset', { status: 205 });
}
`,
      errors: [{ messageId: 'bodyWithNullStatus', line: 2, column: 23, data: { status: 205 } }],
      output: `export async function POST() {
  return new Response(null, { status: 205 });
}
`,
    },
    {
      name: 'an empty-string body with status 304',
      code: `export async function GET() {
  return new Response('', { status: 304 });
}
`,
      errors: [{ messageId: 'bodyWithNullStatus', data: { status: 304 } }],
      output: `export async function GET() {
  return new Response(null, { status: 304 });
}
`,
    },
    {
      name: 'a status held in a local const',
      code: `const NO_CONTENT = 204;
export async function DELETE() {
  return Response.json({}, { status: NO_CONTENT });
}
`,
      errors: [{ messageId: 'jsonWithNullStatus', line: 3, data: { callee: 'Response', status: 204 } }],
      output: `const NO_CONTENT = 204;
export async function DELETE() {
  return new Response(null, { status: NO_CONTENT });
}
`,
    },
    {
      name: 'an init object held in a local const',
      code: `export async function DELETE() {
  const init = { status: 204 };
  return Response.json({ ok: true }, init);
}
`,
      errors: [{ messageId: 'jsonWithNullStatus', line: 3, data: { callee: 'Response', status: 204 } }],
      output: `export async function DELETE() {
  const init = { status: 204 };
  return new Response(null, init);
}
`,
    },
    {
      name: 'a JSON.stringify body in a helper function',
      code: `function empty() {
  return new Response(JSON.stringify({}), { status: 204 });
}
export async function DELETE() { return empty() }
`,
      errors: [{ messageId: 'bodyWithNullStatus', line: 2, data: { status: 204 } }],
      output: `function empty() {
  return new Response(null, { status: 204 });
}
export async function DELETE() { return empty() }
`,
    },
  ],
});

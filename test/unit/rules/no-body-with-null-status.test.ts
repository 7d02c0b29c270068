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
      code: `export async function DELETE() { return new Response(undefined, { status: 204 }) }\nexport async function PUT() { return new NextResponse(null, { status: 205 }) }`,
    },
    {
      name: 'a JSON 200 and a JSON 201',
      code: `export async function GET() { return Response.json({ ok: true }) }\nexport async function POST() { return NextResponse.json({ id: 1 }, { status: 201 }) }`,
    },
    {
      name: 'a status that is not a literal (cannot be known statically)',
      code: `export async function GET(req: Request) { const s = Number(new URL(req.url).searchParams.get('s')); return Response.json({}, { status: s }) }`,
    },
    {
      name: 'a 304 built by a helper that passes null',
      code: `function notModified() { return new Response(null, { status: 304, headers: { ETag: '"1"' } }) }\nexport async function GET() { return notModified() }`,
    },
    {
      name: 'a const init object with a 200',
      code: `const init = { status: 200, headers: { 'Cache-Control': 'no-store' } };\nexport async function GET() { return Response.json({}, init) }`,
    },
    {
      name: 'a redirect (it has no body)',
      code: `export async function GET(req: Request) { return NextResponse.redirect(new URL('/login', req.url), 303) }`,
    },
  ],
  invalid: [
    {
      name: '`Response.json` with status 204 and rewrites it to a bodiless response',
      code: `export async function DELETE() {\n  return Response.json({ deleted: true }, { status: 204 });\n}\n`,
      errors: [{ messageId: 'jsonWithNullStatus', line: 2, column: 10, data: { status: 204 } }],
      output: `export async function DELETE() {\n  return new Response(null, { status: 204 });\n}\n`,
    },
    {
      name: '`NextResponse.json(null, …)` with 204, which still throws',
      code: `export async function DELETE() {\n  return NextResponse.json(null, { status: 204, headers: { 'X-Deleted': '1' } });\n}\n`,
      errors: [{ messageId: 'jsonWithNullStatus', data: { callee: 'NextResponse' } }],
      output: `export async function DELETE() {\n  return new NextResponse(null, { status: 204, headers: { 'X-Deleted': '1' } });\n}\n`,
    },
    {
      name: 'a string body with status 205',
      code: `export async function POST() {\n  return new Response('reset', { status: 205 });\n}\n`,
      errors: [{ messageId: 'bodyWithNullStatus', line: 2, column: 23, data: { status: 205 } }],
      output: `export async function POST() {\n  return new Response(null, { status: 205 });\n}\n`,
    },
    {
      name: 'an empty-string body with status 304',
      code: `export async function GET() {\n  return new Response('', { status: 304 });\n}\n`,
      errors: [{ messageId: 'bodyWithNullStatus', data: { status: 304 } }],
      output: `export async function GET() {\n  return new Response(null, { status: 304 });\n}\n`,
    },
    {
      name: 'a status held in a local const',
      code: `const NO_CONTENT = 204;\nexport async function DELETE() {\n  return Response.json({}, { status: NO_CONTENT });\n}\n`,
      errors: [{ messageId: 'jsonWithNullStatus', line: 3 }],
      output: `const NO_CONTENT = 204;\nexport async function DELETE() {\n  return new Response(null, { status: NO_CONTENT });\n}\n`,
    },
    {
      name: 'an init object held in a local const',
      code: `export async function DELETE() {\n  const init = { status: 204 };\n  return Response.json({ ok: true }, init);\n}\n`,
      errors: [{ messageId: 'jsonWithNullStatus', line: 3 }],
      output: `export async function DELETE() {\n  const init = { status: 204 };\n  return new Response(null, init);\n}\n`,
    },
    {
      name: 'a JSON.stringify body in a helper function',
      code: `function empty() {\n  return new Response(JSON.stringify({}), { status: 204 });\n}\nexport async function DELETE() { return empty() }\n`,
      errors: [{ messageId: 'bodyWithNullStatus', line: 2 }],
      output: `function empty() {\n  return new Response(null, { status: 204 });\n}\nexport async function DELETE() { return empty() }\n`,
    },
  ],
});

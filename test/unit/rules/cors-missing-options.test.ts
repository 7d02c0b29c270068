import rule from '../../../src/core/rules/cors-missing-options';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'CORS headers with an OPTIONS export',
      code: `const cors = { 'Access-Control-Allow-Origin': 'https://a.example' };\nexport async function GET() { return Response.json({}, { headers: cors }) }\nexport async function OPTIONS() { return new Response(null, { status: 204, headers: cors }) }`,
    },
    {
      name: 'no CORS headers at all',
      code: `export async function GET() { return Response.json({}, { headers: { 'Cache-Control': 'no-store' } }) }`,
    },
    {
      name: 'OPTIONS exported through an export list',
      code: `const h = async () => Response.json({}, { headers: { 'Access-Control-Allow-Origin': 'https://a.example' } });\nexport { h as GET, h as OPTIONS };`,
    },
    {
      name: 'OPTIONS re-exported from a shared module',
      code: `export { OPTIONS } from '@/lib/cors';\nexport async function GET() { return Response.json({}, { headers: { 'Access-Control-Allow-Origin': 'https://a.example' } }) }`,
    },
    {
      name: 'a star re-export that may provide OPTIONS',
      code: `export * from '@/lib/cors-handlers';\nexport async function GET() { return Response.json({}, { headers: { 'Access-Control-Allow-Origin': 'https://a.example' } }) }`,
    },
    {
      name: 'only the OPTIONS handler sets CORS headers',
      code: `export async function OPTIONS() { return new Response(null, { status: 204, headers: { 'Access-Control-Allow-Origin': 'https://a.example' } }) }\nexport async function GET() { return Response.json({}) }`,
    },
  ],
  invalid: [
    {
      name: 'fixed CORS headers on GET and adds a matching OPTIONS handler',
      code: `export async function GET() {\n  return Response.json({ ok: true }, {\n    headers: {\n      'Access-Control-Allow-Origin': 'https://app.example.com',\n      'Access-Control-Allow-Headers': 'Content-Type, Authorization',\n    },\n  });\n}\n`,
      errors: [{ messageId: 'missingOptions', line: 4, column: 7 }],
      output: `export async function GET() {\n  return Response.json({ ok: true }, {\n    headers: {\n      'Access-Control-Allow-Origin': 'https://app.example.com',\n      'Access-Control-Allow-Headers': 'Content-Type, Authorization',\n    },\n  });\n}\n\nexport async function OPTIONS() {\n  return new Response(null, {\n    status: 204,\n    headers: {\n      'Access-Control-Allow-Origin': 'https://app.example.com',\n      'Access-Control-Allow-Headers': 'Content-Type, Authorization',\n      'Access-Control-Allow-Methods': 'GET, OPTIONS',\n    },\n  });\n}\n`,
    },
    {
      name: 'headers set with .set() on GET and POST in a JS file without semicolons',
      code: `export async function GET() {\n  const res = Response.json({})\n  res.headers.set('Access-Control-Allow-Origin', 'https://a.example')\n  return res\n}\nexport async function POST() {\n  return Response.json({}, { status: 201 })\n}\n`,
      filename: 'app/api/items/route.js',
      errors: [{ messageId: 'missingOptions', line: 3 }],
      output: `export async function GET() {\n  const res = Response.json({})\n  res.headers.set('Access-Control-Allow-Origin', 'https://a.example')\n  return res\n}\nexport async function POST() {\n  return Response.json({}, { status: 201 })\n}\n\nexport async function OPTIONS() {\n  return new Response(null, {\n    status: 204,\n    headers: {\n      'Access-Control-Allow-Origin': 'https://a.example',\n      'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',\n    },\n  })\n}\n`,
    },
    {
      name: 'an allow-listed reflected origin (no automatic fix: the logic must be shared)',
      code: `export async function GET(req: Request) {\n  const origin = req.headers.get('origin');\n  const res = Response.json({});\n  if (origin && ALLOWED.includes(origin)) res.headers.set('Access-Control-Allow-Origin', origin);\n  return res;\n}`,
      errors: [{ messageId: 'missingOptions', line: 4 }],
      output: null,
    },
    {
      name: 'CORS headers built in a helper used by the handler',
      code: `function corsHeaders() {\n  return { 'Access-Control-Allow-Origin': 'https://a.example', 'Access-Control-Allow-Methods': 'GET' };\n}\nexport async function GET() { return Response.json({}, { headers: corsHeaders() }) }`,
      errors: [{ messageId: 'missingOptions', line: 2 }],
    },
    {
      name: 'a wildcard origin on a POST (preflighted for JSON bodies)',
      code: `export async function POST() { return Response.json({}, { status: 201, headers: { 'Access-Control-Allow-Origin': '*' } }) }`,
      errors: [{ messageId: 'missingOptions' }],
    },
    {
      name: 'Access-Control-Allow-Credentials alone',
      code: `export async function GET() { return Response.json({}, { headers: { 'Access-Control-Allow-Credentials': 'true' } }) }`,
      errors: [{ messageId: 'missingOptions' }],
    },
  ],
});

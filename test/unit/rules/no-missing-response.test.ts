import rule from '../../../src/core/rules/no-missing-response';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    { name: 'every branch returns', code: `export async function GET() {\n  if (a) return Response.json(1);\n  else return Response.json(2);\n}` },
    { name: 'try and catch both return', code: `export async function GET() {\n  try { return Response.json(await load()) } catch { return Response.json({ error: 'x' }, { status: 500 }) }\n}` },
    { name: 'a final throw', code: `export async function GET() { if (a) return Response.json({}); throw new Error('unreachable') }` },
    { name: 'notFound() at the end (it never returns)', code: `import { notFound } from 'next/navigation';\nexport async function GET() { const p = await load(); if (p) return Response.json(p); notFound() }` },
    { name: 'an arrow handler with an expression body', code: `export const GET = async () => Response.json({});` },
    { name: 'a switch with a default where every case returns', code: `export async function GET(r: Request) {\n  switch (new URL(r.url).searchParams.get('f')) {\n    case 'csv': return new Response('a,b');\n    default: return Response.json({});\n  }\n}` },
    { name: 'a wrapped handler (the wrapper may supply the response)', code: `export const GET = withCache(async () => { await warm() })` },
    { name: 'a nested callback that returns nothing', code: `export async function GET() { items.forEach((i) => { log(i) }); return Response.json({}) }` },
  ],
  invalid: [
    { name: "the seed's empty handlers", code: `export async function GET(request) {}\nexport async function POST(request) {}`, filename: 'app/api/resource/route.js', errors: [{ messageId: 'fallsOffEnd', line: 1, column: 37, data: { method: 'GET' } }, { messageId: 'fallsOffEnd', line: 2 }] },
    { name: 'an if without else', code: `export async function GET() {\n  const user = await load();\n  if (user) {\n    return Response.json(user);\n  }\n}`, errors: [{ messageId: 'fallsOffEnd', line: 6 }] },
    { name: 'a catch that only logs', code: `export async function POST() {\n  try {\n    await save();\n    return new Response(null, { status: 201 });\n  } catch (e) {\n    console.error(e);\n  }\n}`, errors: [{ messageId: 'fallsOffEnd', line: 8 }] },
    { name: 'an empty return', code: `export async function DELETE() {\n  await remove();\n  return;\n}`, errors: [{ messageId: 'emptyReturn', line: 3, data: { text: 'return;' } }] },
    { name: 'return null', code: `export async function GET() { if (!a) return null; return Response.json({}) }`, errors: [{ messageId: 'emptyReturn' }] },
    { name: 'a switch without default', code: `export async function GET(r: Request) {\n  switch (r.headers.get('accept')) {\n    case 'text/csv': return new Response('a');\n    case 'application/json': return Response.json({});\n  }\n}`, errors: [{ messageId: 'fallsOffEnd' }] },
  ],
});

import rule from '../../../src/core/rules/unsupported-method-status';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    { name: 'one handler shared by two methods branching on request.method', code: `async function handler(req: Request) {\n  if (req.method === 'POST') return Response.json(await req.json(), { status: 201 });\n  return Response.json([]);\n}\nexport { handler as GET, handler as POST };` },
    { name: 'logging the method', code: `export async function GET(req: Request) { console.log(req.method); return Response.json({}) }` },
    { name: 'a conditional 405 with an Allow header', code: `export async function POST() { if (closed) return new Response(null, { status: 405, headers: { Allow: 'GET' } }); return Response.json({}, { status: 201 }) }\nexport async function GET() { return Response.json({}) }` },
    { name: 'a 405 whose headers come from a variable', code: `export async function PUT() { if (locked) return new Response(null, { status: 405, headers: h }); return Response.json({}) }` },
    { name: 'ordinary handlers', code: `export async function GET() { return Response.json([]) }\nexport async function POST() { return Response.json({}, { status: 201 }) }` },
    { name: 'a conditional 501 among other answers', code: `export async function PATCH(req: Request) { if (!supported) return new Response(null, { status: 501 }); return Response.json({}) }` },
  ],
  invalid: [
    { name: 'a GET handler checking request.method', code: `export async function GET(request: Request) {\n  if (request.method !== 'GET') {\n    return new Response(null, { status: 405, headers: { Allow: 'GET' } });\n  }\n  return Response.json([]);\n}`, errors: [{ messageId: 'methodBranch', line: 2, column: 7, data: { method: 'GET' } }] },
    { name: 'a switch on req.method in a POST handler', code: `export async function POST(req: Request) {\n  switch (req.method) { case 'POST': return Response.json({}); default: return new Response(null, { status: 405, headers: { Allow: 'POST' } }) }\n}`, errors: [{ messageId: 'methodBranch' }] },
    { name: 'an export that only rejects its method', code: `export async function GET() { return Response.json([]) }\nexport async function DELETE() { return Response.json({ error: 'Method not allowed' }, { status: 405, headers: { Allow: 'GET' } }) }`, errors: [{ messageId: 'rejectingExport', line: 2, data: { method: 'DELETE' } }] },
    { name: 'a 405 without Allow', code: `export async function GET() { return Response.json([]) }\nexport async function PUT() { if (readonly) return Response.json({ error: 'read only' }, { status: 405 }); return Response.json({}) }`, errors: [{ messageId: 'missingAllow', data: { allow: 'GET, HEAD, OPTIONS, PUT' } }] },
    { name: 'a 501 export in an arrow handler', code: `export const PATCH = async () => new Response(null, { status: 501 });`, errors: [{ messageId: 'rejectingExport' }] },
    { name: 'a 405-only export without Allow (two findings)', code: `export async function PATCH() { return new Response(null, { status: 405 }) }`, errors: [{ messageId: 'rejectingExport' }, { messageId: 'missingAllow' }] },
  ],
});

import rule from '../../../src/core/rules/headers-bracket-assignment';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'a header set with Headers.set',
      code: `export async function GET() {\n  const headers = new Headers();\n  headers.set('Access-Control-Allow-Origin', 'https://a.example');\n  return Response.json({}, { headers });\n}`,
    },
    {
      name: 'a bracket assignment on a plain object of headers',
      code: `export async function GET() {\n  const headers: Record<string, string> = {};\n  headers['Access-Control-Allow-Origin'] = 'https://a.example';\n  return Response.json({}, { headers });\n}`,
    },
    {
      name: 'a bracket read of a Headers object',
      code: `export async function GET() {\n  const headers = new Headers({ a: 'b' });\n  const x = headers['a' as never];\n  return Response.json({ x });\n}`,
    },
    {
      name: 'an assignment to a computed key on a plain map',
      code: `const cache = new Map();\nexport async function GET(req: Request) {\n  const seen: Record<string, number> = {};\n  seen[req.url] = 1;\n  return Response.json(seen);\n}`,
    },
    {
      name: 'a compound assignment on a counters object',
      code: `export async function GET() {\n  const counts: Record<string, number> = { a: 0 };\n  counts['a'] += 1;\n  return Response.json(counts);\n}`,
    },
    {
      name: 'a Headers object shadowed by a plain object of the same name',
      code: `const headers = new Headers();\nexport async function GET() {\n  const headers: Record<string, string> = {};\n  headers['Vary'] = 'Origin';\n  return Response.json({}, { headers });\n}`,
    },
  ],
  invalid: [
    {
      name: 'a CORS header set as a property of a module-level Headers object (never sent, and shared by every request)',
      code: `const headers = new Headers({ Vary: 'Origin' });\nexport async function GET(req: Request) {\n  headers['Access-Control-Allow-Origin'] = req.headers.get('origin') ?? '';\n  return Response.json({}, { headers });\n}`,
      errors: [
        {
          messageId: 'propertyOnHeaders',
          line: 3,
          data: { target: 'headers', name: 'Access-Control-Allow-Origin', moduleState: 'module state' },
        },
      ],
      output: null,
      suggestions: [
        {
          title: 'Set the header with `headers.set()`',
          output: `const headers = new Headers({ Vary: 'Origin' });\nexport async function GET(req: Request) {\n  headers.set('Access-Control-Allow-Origin', req.headers.get('origin') ?? '');\n  return Response.json({}, { headers });\n}`,
        },
      ],
    },
    {
      name: 'a header set as a property of a local Headers object',
      code: `export async function GET() {\n  const h = new Headers();\n  h['Cache-Control'] = 'no-store';\n  return new Response('ok', { headers: h });\n}`,
      errors: [{ messageId: 'propertyOnHeaders', line: 3, data: { target: 'h' } }],
      suggestions: [
        {
          output: `export async function GET() {\n  const h = new Headers();\n  h.set('Cache-Control', 'no-store');\n  return new Response('ok', { headers: h });\n}`,
        },
      ],
    },
    {
      name: "a header set as a property of a response's headers",
      code: `export async function GET() {\n  const res = Response.json({});\n  res.headers['X-Total'] = '10';\n  return res;\n}`,
      errors: [{ messageId: 'propertyOnHeaders', line: 3, data: { target: 'res.headers' } }],
    },
    {
      name: 'a property set in double-quoted code without semicolons',
      code: `export async function GET() {\n  const headers = new Headers()\n  headers["Vary"] = "Origin"\n  return Response.json({}, { headers })\n}`,
      errors: [{ messageId: 'propertyOnHeaders', line: 3 }],
      suggestions: [
        {
          output: `export async function GET() {\n  const headers = new Headers()\n  headers.set("Vary", "Origin")\n  return Response.json({}, { headers })\n}`,
        },
      ],
    },
    {
      name: 'a property set inside a helper on Headers it created',
      code: `function cors(origin: string) {\n  const headers = new Headers();\n  headers['Access-Control-Allow-Origin'] = origin;\n  return headers;\n}\nexport async function GET(req: Request) {\n  return Response.json({}, { headers: cors(req.headers.get('origin') ?? '') });\n}`,
      errors: [{ messageId: 'propertyOnHeaders', line: 3 }],
    },
    {
      name: 'two properties set on the same Headers object',
      code: `export async function OPTIONS() {\n  const headers = new Headers();\n  headers['Access-Control-Allow-Methods'] = 'GET, POST';\n  headers['Access-Control-Allow-Headers'] = 'Content-Type';\n  return new Response(null, { status: 204, headers });\n}`,
      errors: [
        { messageId: 'propertyOnHeaders', line: 3 },
        { messageId: 'propertyOnHeaders', line: 4 },
      ],
    },
  ],
});

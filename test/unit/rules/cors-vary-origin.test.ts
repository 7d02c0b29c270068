import rule from '../../../src/core/rules/cors-vary-origin';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'a bracket-assigned origin on an object created with Vary: Origin',
      code: `export async function GET(req: Request) {\n  const origin = req.headers.get('origin') ?? '';\n  const corsHeaders: Record<string, string> = { Vary: 'Origin' };\n  if (origin.endsWith('.example.com')) corsHeaders['Access-Control-Allow-Origin'] = origin;\n  return Response.json({}, { headers: corsHeaders });\n}`,
    },
    {
      name: 'a wildcard origin (same for everyone, no Vary needed)',
      code: `export async function GET() { return Response.json({}, { headers: { 'Access-Control-Allow-Origin': '*' } }) }`,
    },
    {
      name: 'a fixed origin',
      code: `export async function GET() { return Response.json({}, { headers: { 'Access-Control-Allow-Origin': 'https://a.example' } }) }`,
    },
    {
      name: 'an origin from configuration (the same for every request), as the no-wildcard-cors suggestion writes it',
      code: `export async function GET() { return Response.json({}, { headers: { 'Access-Control-Allow-Origin': process.env.ALLOWED_ORIGIN ?? '' } }) }`,
    },
    {
      name: 'an origin from process.env with a non-null assertion or a configured fallback',
      code: `export async function GET() {\n  const res = Response.json({});\n  res.headers.set('Access-Control-Allow-Origin', process.env['CLIENT_URL'] || process.env.APP_URL!);\n  return res;\n}`,
    },
    {
      name: 'a reflected origin with Vary: Origin in the init',
      code: `export async function GET(req: Request) {\n  const origin = req.headers.get('origin');\n  if (!origin || !ALLOWED.includes(origin)) return new Response(null, { status: 403 });\n  return Response.json({}, { headers: { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' } });\n}`,
    },
    {
      name: 'a reflected origin with Vary appended',
      code: `export async function GET(req: Request) {\n  const origin = req.headers.get('origin');\n  const res = Response.json({});\n  if (origin && ALLOWED.has(origin)) res.headers.set('Access-Control-Allow-Origin', origin);\n  res.headers.append('Vary', 'Origin');\n  return res;\n}`,
    },
    {
      name: "a helper that starts from new Headers({ Vary: 'Origin' }) and sets the allowed origin",
      code: `const ALLOWED = new Set(['https://a.example']);\nfunction cors(origin: string | null): Headers {\n  const headers = new Headers({ Vary: 'Origin' });\n  if (origin && ALLOWED.has(origin)) headers.set('Access-Control-Allow-Origin', origin);\n  return headers;\n}\nexport async function GET(req: Request) { return Response.json({}, { headers: cors(req.headers.get('origin')) }) }`,
    },
    {
      name: 'Vary listing Origin among others',
      code: `export async function GET(req: Request) { return Response.json({}, { headers: { 'Access-Control-Allow-Origin': pick(req), Vary: 'Accept-Encoding, Origin' } }) }`,
    },
    {
      name: 'a Vary value we cannot read',
      code: `export async function GET(req: Request) { return Response.json({}, { headers: { 'Access-Control-Allow-Origin': pick(req), Vary: varyHeader } }) }`,
    },
    {
      name: 'a Headers object built with Vary',
      code: `export async function GET(req: Request) {\n  const headers = new Headers({ Vary: 'Origin' });\n  headers.set('Access-Control-Allow-Origin', choose(req));\n  return new Response('x', { headers });\n}`,
    },
  ],
  invalid: [
    {
      name: 'a suffix-checked origin set by bracket assignment, cached, without Vary',
      code: `const corsHeaders: Record<string, string> = { 'Cache-Control': 'public, max-age=3600' };\nexport async function GET(req: Request) {\n  const origin = req.headers.get('origin') ?? '';\n  if (origin.endsWith('.example.com')) corsHeaders['Access-Control-Allow-Origin'] = origin;\n  return Response.json({}, { headers: corsHeaders });\n}`,
      errors: [{ messageId: 'missingVary', line: 4 }],
      output: null,
    },
    {
      name: "the seed's production CORS, and appends Vary after the set",
      code: `export async function GET(request) {\n  const origin = request.headers.get('origin')\n  const response = Response.json({ data: 'secure' })\n  if (origin && isOriginAllowed(origin)) {\n    response.headers.set('Access-Control-Allow-Origin', origin)\n  }\n  return response\n}`,
      filename: 'app/api/secure/route.js',
      errors: [{ messageId: 'missingVary', line: 5, column: 26 }],
      output: `export async function GET(request) {\n  const origin = request.headers.get('origin')\n  const response = Response.json({ data: 'secure' })\n  if (origin && isOriginAllowed(origin)) {\n    response.headers.set('Access-Control-Allow-Origin', origin)\n    response.headers.append('Vary', 'Origin')\n  }\n  return response\n}`,
    },
    {
      name: 'a multi-line init object, adding a Vary line',
      code: `export async function GET(req: Request) {\n  const origin = req.headers.get('origin');\n  return Response.json({}, {\n    headers: {\n      'Access-Control-Allow-Origin': ALLOWED.includes(origin!) ? origin! : 'https://a.example',\n    },\n  });\n}`,
      errors: [{ messageId: 'missingVary', line: 5 }],
      output: `export async function GET(req: Request) {\n  const origin = req.headers.get('origin');\n  return Response.json({}, {\n    headers: {\n      Vary: 'Origin',\n      'Access-Control-Allow-Origin': ALLOWED.includes(origin!) ? origin! : 'https://a.example',\n    },\n  });\n}`,
    },
    {
      name: 'a single-line init object with double quotes',
      code: `import x from "y";\nexport async function GET(req: Request) { return Response.json({}, { headers: { "Access-Control-Allow-Origin": originFor(req) } }) }`,
      errors: [{ messageId: 'missingVary' }],
      output: `import x from "y";\nexport async function GET(req: Request) { return Response.json({}, { headers: { Vary: "Origin", "Access-Control-Allow-Origin": originFor(req) } }) }`,
    },
    {
      name: 'a reflected origin in a Headers object',
      code: `export async function GET(req: Request) {\n  const origin = req.headers.get('origin');\n  if (!ALLOWED.has(origin)) return new Response(null, { status: 403 });\n  const headers = new Headers();\n  headers.set('Access-Control-Allow-Origin', origin);\n  return new Response('ok', { headers });\n}`,
      errors: [{ messageId: 'missingVary', line: 5 }],
      output: `export async function GET(req: Request) {\n  const origin = req.headers.get('origin');\n  if (!ALLOWED.has(origin)) return new Response(null, { status: 403 });\n  const headers = new Headers();\n  headers.set('Access-Control-Allow-Origin', origin);\n  headers.append('Vary', 'Origin');\n  return new Response('ok', { headers });\n}`,
    },
    {
      name: 'a Vary header that does not mention Origin',
      code: `export async function GET(req: Request) { return Response.json({}, { headers: { 'Access-Control-Allow-Origin': choose(req), Vary: 'Accept-Encoding' } }) }`,
      errors: [{ messageId: 'missingVary' }],
    },
    {
      name: 'an unchecked reflected origin (also a no-wildcard-cors finding)',
      code: `export async function GET(req: Request) {\n  return Response.json({}, { headers: { 'Access-Control-Allow-Origin': req.headers.get('origin') ?? '' } });\n}`,
      errors: [{ messageId: 'missingVary' }],
    },
  ],
});

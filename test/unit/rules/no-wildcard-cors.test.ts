import rule from '../../../src/core/rules/no-wildcard-cors';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'a reflected origin checked by its suffix (an allow-list of subdomains)',
      code: `export async function GET(req: Request) {\n  const origin = req.headers.get('origin') ?? '';\n  const headers: Record<string, string> = { Vary: 'Origin' };\n  if (origin.endsWith('.example.com')) headers['Access-Control-Allow-Origin'] = origin;\n  return Response.json({}, { headers });\n}`,
    },
    {
      name: 'a reflected origin checked by a regular expression',
      code: `const ALLOWED = /^https:\\/\\/[a-z]+\\.example\\.com$/;\nexport async function GET(req: Request) {\n  const origin = req.headers.get('origin');\n  const res = Response.json({});\n  if (origin && ALLOWED.test(origin)) res.headers.set('Access-Control-Allow-Origin', origin);\n  res.headers.set('Vary', 'Origin');\n  return res;\n}`,
    },
    {
      name: "the seed's production pattern: reflect only allow-listed origins",
      code: `import { isOriginAllowed } from '@/lib/cors'\nexport async function GET(request) {\n  const origin = request.headers.get('origin')\n  const response = Response.json({ data: 'secure' })\n  if (origin && isOriginAllowed(origin)) {\n    response.headers.set('Access-Control-Allow-Origin', origin)\n  }\n  return response\n}`,
      filename: 'app/api/secure/route.js',
    },
    {
      name: 'a fixed trusted origin',
      code: `export async function GET() { return Response.json({}, { headers: { 'Access-Control-Allow-Origin': 'https://app.example.com', Vary: 'Origin' } }) }`,
    },
    {
      name: 'a ternary choosing between an allowed origin and a default',
      code: `const ALLOWED = new Set(['https://a.example']);\nexport async function GET(req: Request) {\n  const origin = req.headers.get('origin') ?? '';\n  return Response.json({}, { headers: { 'Access-Control-Allow-Origin': ALLOWED.has(origin) ? origin : 'https://a.example', Vary: 'Origin' } });\n}`,
    },
    {
      name: 'a CORS helper taking the origin as a parameter',
      code: `function cors(origin: string) { return { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' } }\nexport async function GET(req: Request) {\n  const o = req.headers.get('origin');\n  return Response.json({}, { headers: ALLOW.includes(o) ? cors(o!) : {} });\n}`,
    },
    {
      name: 'an origin from configuration',
      code: `export async function GET() { return Response.json({}, { headers: { 'Access-Control-Allow-Origin': process.env.CLIENT_URL! } }) }`,
    },
    {
      name: 'a Headers object with an allow-listed origin (switch check)',
      code: `export async function GET(req: Request) {\n  const origin = req.headers.get('Origin');\n  const headers = new Headers({ Vary: 'Origin' });\n  switch (origin) { case 'https://a.example': headers.set('Access-Control-Allow-Origin', origin); break; }\n  return new Response('ok', { headers });\n}`,
    },
    { name: 'a route without CORS', code: `export async function GET() { return Response.json({ ok: true }) }` },
  ],
  invalid: [
    {
      name: 'the request origin reflected by a bracket assignment without a check',
      code: `const corsHeaders: Record<string, string> = { Vary: 'Origin' };\nexport async function GET(req: Request) {\n  const origin = req.headers.get('origin') ?? '';\n  corsHeaders['Access-Control-Allow-Origin'] = origin;\n  return Response.json({}, { headers: corsHeaders });\n}`,
      errors: [{ messageId: 'reflectedOrigin', line: 4 }],
    },
    {
      name: "the seed's public route: wildcard on GET and on the preflight",
      code: `export async function GET(request) {\n  const data = await fetchPublicData()\n  return new Response(JSON.stringify(data), {\n    status: 200,\n    headers: {\n      'Content-Type': 'application/json',\n      'Access-Control-Allow-Origin': '*',\n    }\n  })\n}\nexport async function OPTIONS(request) {\n  return new Response(null, { status: 204, headers: { 'Access-Control-Allow-Origin': '*' } })\n}`,
      filename: 'app/api/public/route.js',
      errors: [
        { messageId: 'wildcard', line: 7, column: 38, severity: 'info' },
        { messageId: 'wildcard', line: 12 },
      ],
    },
    {
      name: 'a wildcard set with headers.set, with a suggestion to answer only a configured origin',
      code: `export async function GET() {\n  const res = NextResponse.json({});\n  res.headers.set('access-control-allow-origin', '*');\n  return res;\n}`,
      errors: [{ messageId: 'wildcard', line: 3 }],
      suggestions: [
        {
          title: /ALLOWED_ORIGIN/,
          output: `export async function GET() {\n  const res = NextResponse.json({});\n  res.headers.set('access-control-allow-origin', process.env.ALLOWED_ORIGIN ?? '');\n  return res;\n}`,
        },
      ],
    },
    {
      name: 'a wildcard with credentials as an error',
      code: `export async function GET() {\n  return Response.json({}, { headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': 'true' } });\n}`,
      errors: [{ messageId: 'wildcardWithCredentials', severity: 'error' }],
    },
    {
      name: 'a wildcard in a shared header object spread into the init',
      code: `const corsHeaders = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'GET' };\nexport async function GET() { return Response.json({}, { headers: { ...corsHeaders, 'Cache-Control': 'no-store' } }) }`,
      errors: [{ messageId: 'wildcard', line: 1 }],
    },
    {
      name: 'the request origin reflected without any check',
      code: `export async function GET(req: Request) {\n  const origin = req.headers.get('origin') ?? '';\n  return Response.json({}, { headers: { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' } });\n}`,
      errors: [{ messageId: 'reflectedOrigin', line: 3, severity: 'warning' }],
    },
    {
      name: 'the request origin reflected directly, with credentials, as an error',
      code: `export async function POST(req: Request) {\n  const res = Response.json({});\n  res.headers.set('Access-Control-Allow-Origin', req.headers.get('Origin')!);\n  res.headers.set('Access-Control-Allow-Credentials', 'true');\n  return res;\n}`,
      errors: [{ messageId: 'reflectedOrigin', severity: 'error' }],
    },
    {
      name: 'a wildcard on a bearer-token API without credentials, as info (what MDN recommends for public APIs)',
      code: `const CORS = new Headers({\n  'Access-Control-Allow-Origin': '*',\n  'Access-Control-Allow-Headers': 'Content-Type, Authorization',\n});\nexport async function GET(req: Request) {\n  const user = await userFromToken(req.headers.get('authorization'));\n  return Response.json(user, { headers: CORS });\n}`,
      errors: [{ messageId: 'wildcard', line: 2, severity: 'info' }],
    },
    {
      name: 'a wildcard held in a const',
      code: `const ANY = '*';\nexport async function GET() { return Response.json({}, { headers: { 'Access-Control-Allow-Origin': ANY } }) }`,
      errors: [{ messageId: 'wildcard' }],
    },
  ],
});

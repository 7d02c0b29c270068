import rule from '../../../src/core/rules/cors-vary-origin';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'a bracket-assigned origin on an object created with Vary: Origin',
      code: `export async function GET(req: Request) {
  const origin = req.headers.get('origin') ?? '';
  const corsHeaders: Record<string, string> = { Vary: 'Origin' };
  if (origin.endsWith('.example.com')) corsHeaders['Access-Control-Allow-Origin'] = origin;
  return Response.json({}, { headers: corsHeaders });
}`,
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
      code: `export async function GET() {
  const res = Response.json({});
  res.headers.set('Access-Control-Allow-Origin', process.env['CLIENT_URL'] || process.env.APP_URL!);
  return res;
}`,
    },
    {
      name: 'a reflected origin with Vary: Origin in the init',
      code: `export async function GET(req: Request) {
  const origin = req.headers.get('origin');
  if (!origin || !ALLOWED.includes(origin)) return new Response(null, { status: 403 });
  return Response.json({}, { headers: { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' } });
}`,
    },
    {
      name: 'a reflected origin with Vary appended',
      code: `export async function GET(req: Request) {
  const origin = req.headers.get('origin');
  const res = Response.json({});
  if (origin && ALLOWED.has(origin)) res.headers.set('Access-Control-Allow-Origin', origin);
  res.headers.append('Vary', 'Origin');
  return res;
}`,
    },
    {
      name: "a helper that starts from new Headers({ Vary: 'Origin' }) and sets the allowed origin",
      code: `const ALLOWED = new Set(['https://a.example']);
function cors(origin: string | null): Headers {
  const headers = new Headers({ Vary: 'Origin' });
  if (origin && ALLOWED.has(origin)) headers.set('Access-Control-Allow-Origin', origin);
  return headers;
}
export async function GET(req: Request) { return Response.json({}, { headers: cors(req.headers.get('origin')) }) }`,
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
      code: `export async function GET(req: Request) {
  const headers = new Headers({ Vary: 'Origin' });
  headers.set('Access-Control-Allow-Origin', choose(req));
  return new Response('x', { headers });
}`,
    },
  ],
  invalid: [
    {
      name: 'a suffix-checked origin set by bracket assignment, cached, without Vary',
      code: `const corsHeaders: Record<string, string> = { 'Cache-Control': 'public, max-age=3600' };
export async function GET(req: Request) {
  const origin = req.headers.get('origin') ?? '';
  if (origin.endsWith('.example.com')) corsHeaders['Access-Control-Allow-Origin'] = origin;
  return Response.json({}, { headers: corsHeaders });
}`,
      errors: [{ messageId: 'missingVary', line: 4 }],
      output: null,
    },
    {
      name: "the seed's production CORS, and appends Vary after the set",
      code: `export async function GET(request) {
  const origin = request.headers.get('origin')
  const response = Response.json({ data: 'secure' })
  if (origin && isOriginAllowed(origin)) {
    response.headers.set('Access-Control-Allow-Origin', origin)
  }
  return response
}`,
      filename: 'app/api/secure/route.js',
      errors: [{ messageId: 'missingVary', line: 5, column: 26 }],
      output: `export async function GET(request) {
  const origin = request.headers.get('origin')
  const response = Response.json({ data: 'secure' })
  if (origin && isOriginAllowed(origin)) {
    response.headers.set('Access-Control-Allow-Origin', origin)
    response.headers.append('Vary', 'Origin')
  }
  return response
}`,
    },
    {
      name: 'a multi-line init object, adding a Vary line',
      code: `export async function GET(req: Request) {
  const origin = req.headers.get('origin');
  return Response.json({}, {
    headers: {
      'Access-Control-Allow-Origin': ALLOWED.includes(origin!) ? origin! : 'https://a.example',
    },
  });
}`,
      errors: [{ messageId: 'missingVary', line: 5 }],
      output: `export async function GET(req: Request) {
  const origin = req.headers.get('origin');
  return Response.json({}, {
    headers: {
      Vary: 'Origin',
      'Access-Control-Allow-Origin': ALLOWED.includes(origin!) ? origin! : 'https://a.example',
    },
  });
}`,
    },
    {
      name: 'a single-line init object with double quotes',
      code: `import x from "y";
export async function GET(req: Request) { return Response.json({}, { headers: { "Access-Control-Allow-Origin": originFor(req) } }) }`,
      errors: [{ messageId: 'missingVary' }],
      output: `import x from "y";
export async function GET(req: Request) { return Response.json({}, { headers: { Vary: "Origin", "Access-Control-Allow-Origin": originFor(req) } }) }`,
    },
    {
      name: 'a reflected origin in a Headers object',
      code: `export async function GET(req: Request) {
  const origin = req.headers.get('origin');
  if (!ALLOWED.has(origin)) return new Response(null, { status: 403 });
  const headers = new Headers();
  headers.set('Access-Control-Allow-Origin', origin);
  return new Response('ok', { headers });
}`,
      errors: [{ messageId: 'missingVary', line: 5 }],
      output: `export async function GET(req: Request) {
  const origin = req.headers.get('origin');
  if (!ALLOWED.has(origin)) return new Response(null, { status: 403 });
  const headers = new Headers();
  headers.set('Access-Control-Allow-Origin', origin);
  headers.append('Vary', 'Origin');
  return new Response('ok', { headers });
}`,
    },
    {
      name: 'a Vary header that does not mention Origin',
      code: `export async function GET(req: Request) { return Response.json({}, { headers: { 'Access-Control-Allow-Origin': choose(req), Vary: 'Accept-Encoding' } }) }`,
      errors: [{ messageId: 'missingVary' }],
      output: `export async function GET(req: Request) { return Response.json({}, { headers: { Vary: 'Origin', 'Access-Control-Allow-Origin': choose(req), Vary: 'Accept-Encoding' } }) }`,
    },
    {
      name: 'an unchecked reflected origin (also a no-wildcard-cors finding)',
      code: `export async function GET(req: Request) {
  return Response.json({}, { headers: { 'Access-Control-Allow-Origin': req.headers.get('origin') ?? '' } });
}`,
      errors: [{ messageId: 'missingVary' }],
      output: `export async function GET(req: Request) {
  return Response.json({}, { headers: { Vary: 'Origin', 'Access-Control-Allow-Origin': req.headers.get('origin') ?? '' } });
}`,
    },
  ],
});

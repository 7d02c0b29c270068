import rule from '../../../src/core/rules/no-wildcard-cors';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'a reflected origin checked by its suffix (an allow-list of subdomains)',
      code: `export async function GET(req: Request) {
  const origin = req.headers.get('origin') ?? '';
  const headers: Record<string, string> = { Vary: 'Origin' };
  if (origin.endsWith('.example.com')) headers['Access-Control-Allow-Origin'] = origin;
  return Response.json({}, { headers });
}`,
    },
    {
      name: 'a reflected origin checked by a regular expression',
      code: `const ALLOWED = /^https:\\/\\/[a-z]+\\.example\\.com$/;
export async function GET(req: Request) {
  const origin = req.headers.get('origin');
  const res = Response.json({});
  if (origin && ALLOWED.test(origin)) res.headers.set('Access-Control-Allow-Origin', origin);
  res.headers.set('Vary', 'Origin');
  return res;
}`,
    },
    {
      name: "the seed's production pattern: reflect only allow-listed origins",
      code: `import { isOriginAllowed } from '@/lib/cors'
export async function GET(request) {
  const origin = request.headers.get('origin')
  const response = Response.json({ data: 'secure' })
  if (origin && isOriginAllowed(origin)) {
    response.headers.set('Access-Control-Allow-Origin', origin)
  }
  return response
}`,
      filename: 'app/api/secure/route.js',
    },
    {
      name: 'a fixed trusted origin',
      code: `export async function GET() { return Response.json({}, { headers: { 'Access-Control-Allow-Origin': 'https://app.example.com', Vary: 'Origin' } }) }`,
    },
    {
      name: 'a ternary choosing between an allowed origin and a default',
      code: `const ALLOWED = new Set(['https://a.example']);
export async function GET(req: Request) {
  const origin = req.headers.get('origin') ?? '';
  return Response.json({}, { headers: { 'Access-Control-Allow-Origin': ALLOWED.has(origin) ? origin : 'https://a.example', Vary: 'Origin' } });
}`,
    },
    {
      name: 'a CORS helper taking the origin as a parameter',
      code: `function cors(origin: string) { return { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' } }
export async function GET(req: Request) {
  const o = req.headers.get('origin');
  return Response.json({}, { headers: ALLOW.includes(o) ? cors(o!) : {} });
}`,
    },
    {
      name: 'an origin from configuration',
      code: `export async function GET() { return Response.json({}, { headers: { 'Access-Control-Allow-Origin': process.env.CLIENT_URL! } }) }`,
    },
    {
      name: 'a Headers object with an allow-listed origin (switch check)',
      code: `export async function GET(req: Request) {
  const origin = req.headers.get('Origin');
  const headers = new Headers({ Vary: 'Origin' });
  switch (origin) { case 'https://a.example': headers.set('Access-Control-Allow-Origin', origin); break; }
  return new Response('ok', { headers });
}`,
    },
    { name: 'a route without CORS', code: `export async function GET() { return Response.json({ ok: true }) }` },
  ],
  invalid: [
    {
      name: 'the request origin reflected by a bracket assignment without a check',
      code: `const corsHeaders: Record<string, string> = { Vary: 'Origin' };
export async function GET(req: Request) {
  const origin = req.headers.get('origin') ?? '';
  corsHeaders['Access-Control-Allow-Origin'] = origin;
  return Response.json({}, { headers: corsHeaders });
}`,
      errors: [{ messageId: 'reflectedOrigin', line: 4, data: { withCredentials: '' } }],
    },
    {
      name: 'a wildcard on a bearer-token API without credentials, as info (what MDN recommends for public APIs)',
      code: `const CORS = new Headers({
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'Content-Type, Authorization',
});
export async function GET(req: Request) {
  const user = await userFromToken(req.headers.get('authorization'));
  return Response.json(user, { headers: CORS });
}`,
      errors: [
        {
          messageId: 'wildcard',
          line: 2,
          severity: 'info',
          suggestions: [
            {
              title: 'Answer only the origin in `process.env.ALLOWED_ORIGIN`',
              output: `const CORS = new Headers({
  'Access-Control-Allow-Origin': process.env.ALLOWED_ORIGIN ?? '',
  'Access-Control-Allow-Headers': 'Content-Type, Authorization',
});
export async function GET(req: Request) {
  const user = await userFromToken(req.headers.get('authorization'));
  return Response.json(user, { headers: CORS });
}`,
            },
          ],
        },
      ],
    },
    {
      name: "the seed's public route: wildcard on GET and on the preflight",
      code: `export async function GET(request) {
  const data = await fetchPublicData()
  return new Response(JSON.stringify(data), {
    status: 200,
    headers: {
      'Content-Type': 'application/json',
      'Access-Control-Allow-Origin': '*',
    }
  })
}
export async function OPTIONS(request) {
  return new Response(null, { status: 204, headers: { 'Access-Control-Allow-Origin': '*' } })
}`,
      filename: 'app/api/public/route.js',
      errors: [
        {
          messageId: 'wildcard',
          line: 7,
          column: 38,
          severity: 'info',
          suggestions: [
            {
              title: 'Answer only the origin in process.env.ALLOWED_ORIGIN',
              output: `export async function GET(request) {
  const data = await fetchPublicData()
  return new Response(JSON.stringify(data), {
    status: 200,
    headers: {
      'Content-Type': 'application/json',
      'Access-Control-Allow-Origin': process.env.ALLOWED_ORIGIN ?? '',
    }
  })
}
export async function OPTIONS(request) {
  return new Response(null, { status: 204, headers: { 'Access-Control-Allow-Origin': '*' } })
}`,
            },
          ],
        },
        {
          messageId: 'wildcard',
          line: 12,
          suggestions: [
            {
              title: 'Answer only the origin in process.env.ALLOWED_ORIGIN',
              output: `export async function GET(request) {
  const data = await fetchPublicData()
  return new Response(JSON.stringify(data), {
    status: 200,
    headers: {
      'Content-Type': 'application/json',
      'Access-Control-Allow-Origin': '*',
    }
  })
}
export async function OPTIONS(request) {
  return new Response(null, { status: 204, headers: { 'Access-Control-Allow-Origin': process.env.ALLOWED_ORIGIN ?? '' } })
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a wildcard set with headers.set, with a suggestion to answer only a configured origin',
      code: `export async function GET() {
  const res = NextResponse.json({});
  res.headers.set('access-control-allow-origin', '*');
  return res;
}`,
      errors: [
        {
          messageId: 'wildcard',
          line: 3,
          suggestions: [
            {
              title: /ALLOWED_ORIGIN/,
              output: `export async function GET() {
  const res = NextResponse.json({});
  res.headers.set('access-control-allow-origin', process.env.ALLOWED_ORIGIN ?? '');
  return res;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a wildcard with credentials as an error',
      code: `export async function GET() {
  return Response.json({}, { headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': 'true' } });
}`,
      errors: [
        {
          messageId: 'wildcardWithCredentials',
          severity: 'error',
          suggestions: [
            {
              title: 'Answer only the origin in process.env.ALLOWED_ORIGIN',
              output: `export async function GET() {
  return Response.json({}, { headers: { 'Access-Control-Allow-Origin': process.env.ALLOWED_ORIGIN ?? '', 'Access-Control-Allow-Credentials': 'true' } });
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a wildcard in a shared header object spread into the init',
      code: `const corsHeaders = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'GET' };
export async function GET() { return Response.json({}, { headers: { ...corsHeaders, 'Cache-Control': 'no-store' } }) }`,
      errors: [
        {
          messageId: 'wildcard',
          line: 1,
          suggestions: [
            {
              title: 'Answer only the origin in process.env.ALLOWED_ORIGIN',
              output: `const corsHeaders = { 'Access-Control-Allow-Origin': process.env.ALLOWED_ORIGIN ?? '', 'Access-Control-Allow-Methods': 'GET' };
export async function GET() { return Response.json({}, { headers: { ...corsHeaders, 'Cache-Control': 'no-store' } }) }`,
            },
          ],
        },
      ],
    },
    {
      name: 'the request origin reflected without any check',
      code: `export async function GET(req: Request) {
  const origin = req.headers.get('origin') ?? '';
  return Response.json({}, { headers: { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' } });
}`,
      errors: [{ messageId: 'reflectedOrigin', line: 3, severity: 'warning', data: { withCredentials: '' } }],
    },
    {
      name: 'the request origin reflected directly, with credentials, as an error',
      code: `export async function POST(req: Request) {
  const res = Response.json({});
  res.headers.set('Access-Control-Allow-Origin', req.headers.get('Origin')!);
  res.headers.set('Access-Control-Allow-Credentials', 'true');
  return res;
}`,
      errors: [
        {
          messageId: 'reflectedOrigin',
          severity: 'error',
          data: { withCredentials: ", with cookies: any site can read your users' authenticated responses" },
        },
      ],
    },
    {
      name: 'a wildcard held in a const',
      code: `const ANY = '*';
export async function GET() { return Response.json({}, { headers: { 'Access-Control-Allow-Origin': ANY } }) }`,
      errors: [
        {
          messageId: 'wildcard',
          suggestions: [
            {
              title: 'Answer only the origin in process.env.ALLOWED_ORIGIN',
              output: `const ANY = '*';
export async function GET() { return Response.json({}, { headers: { 'Access-Control-Allow-Origin': process.env.ALLOWED_ORIGIN ?? '' } }) }`,
            },
          ],
        },
      ],
    },
  ],
});

import rule from '../../../src/core/rules/cors-missing-options';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'CORS headers with an OPTIONS export',
      code: `const cors = { 'Access-Control-Allow-Origin': 'https://a.example' };
export async function GET() { return Response.json({}, { headers: cors }) }
export async function OPTIONS() { return new Response(null, { status: 204, headers: cors }) }`,
    },
    {
      name: 'no CORS headers at all',
      code: `export async function GET() { return Response.json({}, { headers: { 'Cache-Control': 'no-store' } }) }`,
    },
    {
      name: 'OPTIONS exported through an export list',
      code: `const h = async () => Response.json({}, { headers: { 'Access-Control-Allow-Origin': 'https://a.example' } });
export { h as GET, h as OPTIONS };`,
    },
    {
      name: 'OPTIONS re-exported from a shared module',
      code: `export { OPTIONS } from '@/lib/cors';
export async function GET() { return Response.json({}, { headers: { 'Access-Control-Allow-Origin': 'https://a.example' } }) }`,
    },
    {
      name: 'a star re-export that may provide OPTIONS',
      code: `export * from '@/lib/cors-handlers';
export async function GET() { return Response.json({}, { headers: { 'Access-Control-Allow-Origin': 'https://a.example' } }) }`,
    },
    {
      name: 'only the OPTIONS handler sets CORS headers',
      code: `export async function OPTIONS() { return new Response(null, { status: 204, headers: { 'Access-Control-Allow-Origin': 'https://a.example' } }) }
export async function GET() { return Response.json({}) }`,
    },
  ],
  invalid: [
    {
      name: 'fixed CORS headers on GET and adds a matching OPTIONS handler',
      code: `export async function GET() {
  return Response.json({ ok: true }, {
    headers: {
      'Access-Control-Allow-Origin': 'https://app.example.com',
      'Access-Control-Allow-Headers': 'Content-Type, Authorization',
    },
  });
}
`,
      errors: [{ messageId: 'missingOptions', line: 4, column: 7 }],
      output: `export async function GET() {
  return Response.json({ ok: true }, {
    headers: {
      'Access-Control-Allow-Origin': 'https://app.example.com',
      'Access-Control-Allow-Headers': 'Content-Type, Authorization',
    },
  });
}

export async function OPTIONS() {
  return new Response(null, {
    status: 204,
    headers: {
      'Access-Control-Allow-Origin': 'https://app.example.com',
      'Access-Control-Allow-Headers': 'Content-Type, Authorization',
      'Access-Control-Allow-Methods': 'GET, OPTIONS',
    },
  });
}
`,
    },
    {
      name: 'headers set with .set() on GET and POST in a JS file without semicolons',
      code: `export async function GET() {
  const res = Response.json({})
  res.headers.set('Access-Control-Allow-Origin', 'https://a.example')
  return res
}
export async function POST() {
  return Response.json({}, { status: 201 })
}
`,
      filename: 'app/api/items/route.js',
      errors: [{ messageId: 'missingOptions', line: 3 }],
      output: `export async function GET() {
  const res = Response.json({})
  res.headers.set('Access-Control-Allow-Origin', 'https://a.example')
  return res
}
export async function POST() {
  return Response.json({}, { status: 201 })
}

export async function OPTIONS() {
  return new Response(null, {
    status: 204,
    headers: {
      'Access-Control-Allow-Origin': 'https://a.example',
      'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
    },
  })
}
`,
    },
    {
      name: 'an allow-listed reflected origin (no automatic fix: the logic must be shared)',
      code: `export async function GET(req: Request) {
  const origin = req.headers.get('origin');
  const res = Response.json({});
  if (origin && ALLOWED.includes(origin)) res.headers.set('Access-Control-Allow-Origin', origin);
  return res;
}`,
      errors: [{ messageId: 'missingOptions', line: 4 }],
      output: null,
    },
    {
      name: 'CORS headers built in a helper used by the handler',
      code: `function corsHeaders() {
  return { 'Access-Control-Allow-Origin': 'https://a.example', 'Access-Control-Allow-Methods': 'GET' };
}
export async function GET() { return Response.json({}, { headers: corsHeaders() }) }`,
      errors: [{ messageId: 'missingOptions', line: 2 }],
      output: `function corsHeaders() {
  return { 'Access-Control-Allow-Origin': 'https://a.example', 'Access-Control-Allow-Methods': 'GET' };
}
export async function GET() { return Response.json({}, { headers: corsHeaders() }) }

export async function OPTIONS() {
  return new Response(null, {
    status: 204,
    headers: {
      'Access-Control-Allow-Origin': 'https://a.example',
      'Access-Control-Allow-Methods': 'GET',
    },
  });
}
`,
    },
    {
      name: 'a wildcard origin on a POST (preflighted for JSON bodies)',
      code: `export async function POST() { return Response.json({}, { status: 201, headers: { 'Access-Control-Allow-Origin': '*' } }) }`,
      errors: [{ messageId: 'missingOptions' }],
      output: `export async function POST() { return Response.json({}, { status: 201, headers: { 'Access-Control-Allow-Origin': '*' } }) }

export async function OPTIONS() {
  return new Response(null, {
    status: 204,
    headers: {
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Methods': 'POST, OPTIONS',
    },
  })
}
`,
    },
    {
      name: 'Access-Control-Allow-Credentials alone',
      code: `export async function GET() { return Response.json({}, { headers: { 'Access-Control-Allow-Credentials': 'true' } }) }`,
      errors: [{ messageId: 'missingOptions' }],
      output: `export async function GET() { return Response.json({}, { headers: { 'Access-Control-Allow-Credentials': 'true' } }) }

export async function OPTIONS() {
  return new Response(null, {
    status: 204,
    headers: {
      'Access-Control-Allow-Credentials': 'true',
      'Access-Control-Allow-Methods': 'GET, OPTIONS',
    },
  })
}
`,
    },
  ],
});

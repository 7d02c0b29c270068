import rule from '../../../src/core/rules/unsupported-method-status';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'one handler shared by two methods branching on request.method',
      code: `async function handler(req: Request) {
  if (req.method === 'POST') return Response.json(await req.json(), { status: 201 });
  return Response.json([]);
}
export { handler as GET, handler as POST };`,
    },
    {
      name: 'logging the method',
      code: `export async function GET(req: Request) { console.log(req.method); return Response.json({}) }`,
    },
    {
      name: "the seed's request-properties sample (reads request.method into a variable)",
      filename: 'app/api/example/route.js',
      code: `export async function GET(request) {
  // Request properties
  const url = request.url
  const method = request.method
  const headers = request.headers

  // Get specific header
  const contentType = headers.get('content-type')
  const authorization = headers.get('authorization')

  return Response.json({ contentType, authorization })
}`,
    },
    {
      name: 'a GET handler special-casing HEAD (Next.js routes HEAD to GET when HEAD is not exported)',
      code: `export async function GET(request: Request) {
  const feed = await buildFeed();
  if (request.method === 'HEAD') return new Response(null, { headers: { 'Content-Length': String(feed.length) } });
  return new Response(feed, { headers: { 'Content-Type': 'application/rss+xml' } });
}`,
    },
    {
      name: 'a GET handler that HEAD delegates to, checking for HEAD',
      code: `export async function GET(req: Request) {
  if (req.method === 'HEAD') return new Response(null);
  return Response.json(await list());
}
export async function HEAD(req: Request) {
  return GET(req);
}`,
    },
    {
      name: 'the method of an outgoing request built inside the handler',
      code: `export async function POST(req: Request) {
  const send = (r: Request) => (r.method === 'GET' ? fetch(r) : fetch(r, { duplex: 'half' } as RequestInit));
  const res = await send(new Request(upstream, { method: 'PUT', body: await req.text() }));
  return Response.json({ ok: res.ok });
}`,
    },
    {
      name: 'a conditional 405 with an Allow header',
      code: `export async function POST() { if (closed) return new Response(null, { status: 405, headers: { Allow: 'GET' } }); return Response.json({}, { status: 201 }) }
export async function GET() { return Response.json({}) }`,
    },
    {
      name: 'a 405 whose headers come from a variable',
      code: `export async function PUT() { if (locked) return new Response(null, { status: 405, headers: h }); return Response.json({}) }`,
    },
    {
      name: 'a 405 whose init spreads shared options',
      code: `export async function PUT() { if (locked) return Response.json({ error: 'locked' }, { ...baseInit, status: 405 }); return Response.json({}) }`,
    },
    {
      name: 'a 405 whose Allow header is set afterwards',
      code: `import { NextResponse } from 'next/server';
export async function PATCH() {
  if (readonly) {
    const res = NextResponse.json({ error: 'read only' }, { status: 405 });
    res.headers.set('Allow', 'GET, HEAD, OPTIONS');
    return res;
  }
  return NextResponse.json({});
}
export async function GET() { return NextResponse.json({}) }`,
    },
    {
      name: 'ordinary handlers with an allow-listed CORS helper and an explicit OPTIONS',
      code: `import { NextResponse } from 'next/server';
const ALLOWED = ['https://app.example.com'];
function cors(origin: string | null) {
  const headers: Record<string, string> = { Vary: 'Origin' };
  if (origin && ALLOWED.includes(origin)) headers['Access-Control-Allow-Origin'] = origin;
  return headers;
}
export async function GET(req: Request) { return NextResponse.json([], { headers: cors(req.headers.get('origin')) }) }
export async function POST(req: Request) { return NextResponse.json({}, { status: 201, headers: cors(req.headers.get('origin')) }) }
export async function OPTIONS(req: Request) { return new Response(null, { status: 204, headers: { ...cors(req.headers.get('origin')), 'Access-Control-Allow-Methods': 'GET, POST, OPTIONS' } }) }`,
    },
    {
      name: 'a conditional 501 among other answers',
      code: `export async function PATCH(req: Request) { if (!supported) return new Response(null, { status: 501 }); return Response.json({}) }`,
    },
    {
      name: 'a HEAD export rejecting HEAD beside GET (removing it would run GET instead)',
      code: `export async function GET() { return Response.json([]) }
export async function HEAD() { return new Response(null, { status: 405, headers: { Allow: 'GET, OPTIONS' } }) }`,
    },
  ],
  invalid: [
    {
      name: 'a GET handler rejecting everything but GET (which only catches HEAD)',
      code: `export async function GET(request: Request) {
  if (request.method !== 'GET') {
    return new Response(null, { status: 405, headers: { Allow: 'GET' } });
  }
  return Response.json([]);
}`,
      errors: [{ messageId: 'headOnly', line: 2, column: 7, data: { expr: "request.method !== 'GET'" } }],
    },
    {
      name: 'a POST handler checking for POST',
      filename: 'app/api/items/route.js',
      code: `export async function POST(request) {
  if (request.method !== 'POST') {
    return Response.json({ error: 'Method not allowed' }, { status: 405, headers: { Allow: 'POST' } })
  }
  return Response.json(await request.json(), { status: 201 })
}`,
      errors: [
        { messageId: 'methodBranch', line: 2, data: { receives: 'POST requests', expr: "request.method !== 'POST'" } },
      ],
    },
    {
      name: 'a GET handler with a POST branch (never taken)',
      code: `export const GET = async (req: Request) => {
  if (req.method === 'POST') return Response.json(await req.json());
  return Response.json([]);
};`,
      errors: [
        {
          messageId: 'methodBranch',
          data: {
            receives: 'GET requests (and HEAD ones, which Next.js routes to GET)',
            expr: "req.method === 'POST'",
          },
        },
      ],
    },
    {
      name: 'a switch on req.method in a POST handler',
      code: `export async function POST(req: Request) {
  switch (req.method) { case 'POST': return Response.json({}); default: return new Response(null, { status: 405, headers: { Allow: 'POST' } }) }
}`,
      errors: [{ messageId: 'methodBranch', data: { receives: 'POST requests', expr: 'req.method' } }],
    },
    {
      name: 'a shared handler comparing with a method it is not exported for',
      code: `async function handler(req: Request) {
  if (req.method === 'DELETE') return new Response(null, { status: 204 });
  return Response.json([]);
}
export { handler as GET, handler as POST };`,
      errors: [
        {
          messageId: 'methodBranch',
          line: 2,
          data: {
            receives: 'GET/POST requests (and HEAD ones, which Next.js routes to GET)',
            expr: "req.method === 'DELETE'",
          },
        },
      ],
    },
    {
      name: 'an export that only rejects its method',
      code: `export async function GET() { return Response.json([]) }
export async function DELETE() { return Response.json({ error: 'Method not allowed' }, { status: 405, headers: { Allow: 'GET' } }) }`,
      errors: [
        {
          messageId: 'rejectingExport',
          line: 2,
          column: 23,
          data: {
            method: 'DELETE',
            status: 405,
            options: ', and this export makes the automatic OPTIONS response list DELETE as allowed',
          },
        },
      ],
    },
    {
      name: 'a 405 without Allow',
      code: `export async function GET() { return Response.json([]) }
export async function PUT() { if (readonly) return Response.json({ error: 'read only' }, { status: 405 }); return Response.json({}) }`,
      errors: [{ messageId: 'missingAllow', data: { allow: 'GET, HEAD, OPTIONS, PUT' } }],
    },
    {
      name: 'a 501 export in an arrow handler',
      code: `export const PATCH = async () => new Response(null, { status: 501 });`,
      errors: [
        {
          messageId: 'rejectingExport',
          data: {
            method: 'PATCH',
            status: 501,
            options: ', and this export makes the automatic OPTIONS response list PATCH as allowed',
          },
        },
      ],
    },
    {
      name: 'a rejecting export without Allow, suggesting the methods the route really serves',
      code: `export async function GET() { return Response.json([]) }
export async function OPTIONS() { return new Response(null, { status: 204 }) }
export async function PATCH() { return new Response(null, { status: 405 }) }`,
      errors: [
        { messageId: 'rejectingExport', data: { method: 'PATCH', status: 405, options: '' } },
        { messageId: 'missingAllow', data: { allow: 'GET, HEAD, OPTIONS' } },
      ],
    },
  ],
});

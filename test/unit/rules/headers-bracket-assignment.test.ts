import rule from '../../../src/core/rules/headers-bracket-assignment';
import { ruleTester } from '../support/ruleTester';

const MODULE_STATE = ', and the object is module state: writing to it per request mixes requests';

ruleTester(rule, {
  valid: [
    {
      name: 'a header set with Headers.set',
      code: `export async function GET() {
  const headers = new Headers();
  headers.set('Access-Control-Allow-Origin', 'https://a.example');
  return Response.json({}, { headers });
}`,
    },
    {
      name: 'a bracket assignment on a plain object of headers',
      code: `export async function GET() {
  const headers: Record<string, string> = {};
  headers['Access-Control-Allow-Origin'] = 'https://a.example';
  return Response.json({}, { headers });
}`,
    },
    {
      name: 'a bracket read of a Headers object',
      code: `export async function GET() {
  const headers = new Headers({ a: 'b' });
  const x = headers['a' as never];
  return Response.json({ x });
}`,
    },
    {
      name: 'an assignment to a computed key on a plain map',
      code: `const cache = new Map();
export async function GET(req: Request) {
  const seen: Record<string, number> = {};
  seen[req.url] = 1;
  return Response.json(seen);
}`,
    },
    {
      name: 'a compound assignment on a counters object',
      code: `export async function GET() {
  const counts: Record<string, number> = { a: 0 };
  counts['a'] += 1;
  return Response.json(counts);
}`,
    },
    {
      name: 'a Headers object shadowed by a plain object of the same name',
      code: `const headers = new Headers();
export async function GET() {
  const headers: Record<string, string> = {};
  headers['Vary'] = 'Origin';
  return Response.json({}, { headers });
}`,
    },
  ],
  invalid: [
    {
      name: 'a CORS header set as a property of a module-level Headers object (never sent, and shared by every request)',
      code: `const headers = new Headers({ Vary: 'Origin' });
export async function GET(req: Request) {
  headers['Access-Control-Allow-Origin'] = req.headers.get('origin') ?? '';
  return Response.json({}, { headers });
}`,
      errors: [
        {
          messageId: 'propertyOnHeaders',
          line: 3,
          data: { target: 'headers', name: 'Access-Control-Allow-Origin', moduleState: MODULE_STATE },
          suggestions: [
            {
              title: 'Set the header with `headers.set()`',
              output: `const headers = new Headers({ Vary: 'Origin' });
export async function GET(req: Request) {
  headers.set('Access-Control-Allow-Origin', req.headers.get('origin') ?? '');
  return Response.json({}, { headers });
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a header set as a property of a local Headers object',
      code: `export async function GET() {
  const h = new Headers();
  h['Cache-Control'] = 'no-store';
  return new Response('ok', { headers: h });
}`,
      errors: [
        {
          messageId: 'propertyOnHeaders',
          line: 3,
          data: { target: 'h', name: 'Cache-Control', moduleState: '' },
          suggestions: [
            {
              output: `export async function GET() {
  const h = new Headers();
  h.set('Cache-Control', 'no-store');
  return new Response('ok', { headers: h });
}`,
            },
          ],
        },
      ],
    },
    {
      name: "a header set as a property of a response's headers",
      code: `export async function GET() {
  const res = Response.json({});
  res.headers['X-Total'] = '10';
  return res;
}`,
      errors: [
        {
          messageId: 'propertyOnHeaders',
          line: 3,
          data: { target: 'res.headers', name: 'X-Total', moduleState: '' },
          suggestions: [
            {
              output: `export async function GET() {
  const res = Response.json({});
  res.headers.set('X-Total', '10');
  return res;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a property set in double-quoted code without semicolons',
      code: `export async function GET() {
  const headers = new Headers()
  headers["Vary"] = "Origin"
  return Response.json({}, { headers })
}`,
      errors: [
        {
          messageId: 'propertyOnHeaders',
          line: 3,
          data: { target: 'headers', name: 'Vary', moduleState: '' },
          suggestions: [
            {
              output: `export async function GET() {
  const headers = new Headers()
  headers.set("Vary", "Origin")
  return Response.json({}, { headers })
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a property set inside a helper on Headers it created',
      code: `function cors(origin: string) {
  const headers = new Headers();
  headers['Access-Control-Allow-Origin'] = origin;
  return headers;
}
export async function GET(req: Request) {
  return Response.json({}, { headers: cors(req.headers.get('origin') ?? '') });
}`,
      errors: [
        {
          messageId: 'propertyOnHeaders',
          line: 3,
          data: { target: 'headers', name: 'Access-Control-Allow-Origin', moduleState: '' },
          suggestions: [
            {
              output: `function cors(origin: string) {
  const headers = new Headers();
  headers.set('Access-Control-Allow-Origin', origin);
  return headers;
}
export async function GET(req: Request) {
  return Response.json({}, { headers: cors(req.headers.get('origin') ?? '') });
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'two properties set on the same Headers object',
      code: `export async function OPTIONS() {
  const headers = new Headers();
  headers['Access-Control-Allow-Methods'] = 'GET, POST';
  headers['Access-Control-Allow-Headers'] = 'Content-Type';
  return new Response(null, { status: 204, headers });
}`,
      errors: [
        {
          messageId: 'propertyOnHeaders',
          line: 3,
          data: { target: 'headers', name: 'Access-Control-Allow-Methods', moduleState: '' },
          suggestions: [
            {
              output: `export async function OPTIONS() {
  const headers = new Headers();
  headers.set('Access-Control-Allow-Methods', 'GET, POST');
  headers['Access-Control-Allow-Headers'] = 'Content-Type';
  return new Response(null, { status: 204, headers });
}`,
            },
          ],
        },
        {
          messageId: 'propertyOnHeaders',
          line: 4,
          data: { target: 'headers', name: 'Access-Control-Allow-Headers', moduleState: '' },
          suggestions: [
            {
              output: `export async function OPTIONS() {
  const headers = new Headers();
  headers['Access-Control-Allow-Methods'] = 'GET, POST';
  headers.set('Access-Control-Allow-Headers', 'Content-Type');
  return new Response(null, { status: 204, headers });
}`,
            },
          ],
        },
      ],
    },
  ],
});

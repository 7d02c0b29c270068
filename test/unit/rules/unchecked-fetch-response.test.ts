import rule from '../../../src/core/rules/unchecked-fetch-response';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'an upstream answer checked with res.ok before its body is sent',
      code: `export async function GET() {
  const res = await fetch('https://api.example.com/items');
  if (!res.ok) return Response.json({ error: 'Upstream failed' }, { status: 502 });
  return Response.json(await res.json());
}`,
    },
    {
      name: 'an upstream answer whose status is passed on',
      code: `export async function GET() {
  const res = await fetch('https://api.example.com/items');
  const data = await res.json();
  return Response.json(data, { status: res.status });
}`,
    },
    {
      name: 'a proxied response returned as it is (status included)',
      code: `export async function GET() {
  const res = await fetch('https://api.example.com/items');
  return res;
}`,
    },
    {
      name: 'a response handed to a helper that may check it',
      code: `export async function GET() {
  const res = await fetch('https://api.example.com/items');
  const data = await parseUpstream(res);
  return Response.json(data);
}`,
    },
    {
      name: 'a fetch whose body is only logged, not sent',
      code: `export async function POST() {
  const res = await fetch('https://hooks.example.com/notify', { method: 'POST' });
  console.log(await res.text());
  return new Response(null, { status: 204 });
}`,
    },
    {
      name: 'a fetch in a helper function (its caller decides)',
      code: `async function load() {
  const res = await fetch('https://api.example.com/items');
  return res.json();
}
export async function GET() {
  return Response.json(await load());
}`,
    },
  ],
  invalid: [
    {
      name: "an upstream's JSON sent as it is, without checking res.ok",
      code: `export async function GET() {
  const res = await fetch('https://api.example.com/items');
  return Response.json(await res.json());
}`,
      errors: [{ messageId: 'uncheckedOk', line: 2, data: { name: 'res', cached: '' } }],
    },
    {
      name: 'the parsed body held in a variable and sent',
      code: `export async function GET() {
  const upstream = await fetch('https://api.example.com/items');
  const items = await upstream.json();
  return Response.json({ items });
}`,
      errors: [{ messageId: 'uncheckedOk', line: 2, data: { name: 'upstream', cached: '' } }],
    },
    {
      name: 'an unchecked upstream text in a route with revalidate (cached)',
      code: `export const revalidate = 3600;
export async function GET() {
  const res = await fetch('https://api.example.com/feed.xml');
  return new Response(await res.text(), { headers: { 'Content-Type': 'application/xml' } });
}`,
      errors: [
        {
          messageId: 'uncheckedOk',
          line: 3,
          data: { name: 'res', cached: ', and the route segment config may cache it' },
        },
      ],
    },
    {
      name: 'an arrow handler with NextResponse',
      code: `import { NextResponse } from 'next/server';
export const GET = async () => {
  const r = await fetch(process.env.API_URL + '/stats');
  const stats = await r.json();
  return NextResponse.json(stats);
};`,
      errors: [{ messageId: 'uncheckedOk', line: 3, data: { name: 'r', cached: '' } }],
    },
    {
      name: 'two unchecked fetches sent together',
      code: `export async function GET() {
  const a = await fetch('https://a.example/x');
  const b = await fetch('https://b.example/y');
  return Response.json({ a: await a.json(), b: await b.json() });
}`,
      errors: [
        { messageId: 'uncheckedOk', line: 2, data: { name: 'a', cached: '' } },
        { messageId: 'uncheckedOk', line: 3, data: { name: 'b', cached: '' } },
      ],
    },
    {
      name: 'a handler built by a wrapper, sending the unchecked body',
      code: `export const GET = withAuth(async () => {
  const res = await fetch('https://api.example.com/me');
  return Response.json(await res.json());
});`,
      errors: [{ messageId: 'uncheckedOk', line: 2, data: { name: 'res', cached: '' } }],
    },
  ],
});

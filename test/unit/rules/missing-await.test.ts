import rule from '../../../src/core/rules/missing-await';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'an awaited body',
      code: `export async function POST(req: Request) { const data = await req.json(); return Response.json(data) }`,
    },
    {
      name: 'the promise returned as is',
      code: `export async function POST(req: Request) { return req.json().then((d) => Response.json(d)) }`,
    },
    {
      name: 'a .catch on the promise, then awaited',
      code: `export async function POST(req: Request) { const d = await req.json().catch(() => null); return Response.json({ d }) }`,
    },
    {
      name: 'the promise kept and awaited later',
      code: `export async function POST(req: Request) {
  const pending = req.json();
  await log();
  const data = await pending;
  return Response.json(data);
}`,
    },
    {
      name: 'Promise.all over body readers',
      code: `export async function POST(req: Request) { const [a] = await Promise.all([req.clone().json(), audit()]); return Response.json(a) }`,
    },
    {
      name: 'a fetch response .json() returned from an async function',
      code: `async function load() { const r = await fetch('x'); return r.json() }
export async function GET() { return Response.json(await load()) }`,
    },
  ],
  invalid: [
    {
      name: 'a property read on the promise',
      code: `export async function POST(request: Request) {
  const title = request.json().title;
  return Response.json({ title });
}`,
      errors: [
        {
          messageId: 'notAwaited',
          line: 2,
          column: 17,
          data: { call: 'request.json()', consequence: 'reading a property of it gives `undefined`.' },
        },
      ],
      output: `export async function POST(request: Request) {
  const title = (await request.json()).title;
  return Response.json({ title });
}`,
    },
    {
      name: 'destructuring the promise',
      code: `export async function POST(req: Request) {
  const { email } = req.json();
  return Response.json({ email });
}`,
      errors: [
        {
          messageId: 'notAwaited',
          line: 2,
          data: { call: 'req.json()', consequence: 'destructuring it gives `undefined` for every field.' },
        },
      ],
      output: `export async function POST(req: Request) {
  const { email } = await req.json();
  return Response.json({ email });
}`,
    },
    {
      name: 'the promise echoed as the response body',
      code: `export async function POST(req: Request) { return Response.json(req.json()) }`,
      errors: [
        {
          messageId: 'notAwaited',
          data: {
            call: 'req.json()',
            consequence: 'sent or stored as a value it is a Promise object (it serializes as `{}`), not the data.',
          },
        },
      ],
      output: `export async function POST(req: Request) { return Response.json(await req.json()) }`,
    },
    {
      name: 'a variable holding the promise, read like the body',
      code: `export async function POST(req: Request) {
  const data = req.json();
  await db.posts.create({ title: data.title });
  return new Response(null, { status: 201 });
}`,
      errors: [
        {
          messageId: 'notAwaited',
          line: 2,
          data: { call: 'req.json()', consequence: 'reading a property of it gives `undefined`.' },
        },
      ],
      output: `export async function POST(req: Request) {
  const data = await req.json();
  await db.posts.create({ title: data.title });
  return new Response(null, { status: 201 });
}`,
    },
    {
      name: 'formData() put into an object',
      code: `export async function POST(req: Request) { await upload({ form: req.formData() }); return new Response(null, { status: 204 }) }`,
      errors: [
        {
          messageId: 'notAwaited',
          data: {
            call: 'req.formData()',
            consequence: 'sent or stored as a value it is a Promise object (it serializes as `{}`), not the data.',
          },
        },
      ],
      output: `export async function POST(req: Request) { await upload({ form: await req.formData() }); return new Response(null, { status: 204 }) }`,
    },
    {
      name: 'text() compared with a string in a non-async handler (no automatic fix)',
      code: `export function POST(req: Request) { return Response.json({ empty: req.text() === '' }) }`,
      errors: [
        {
          messageId: 'notAwaited',
          data: {
            call: 'req.text()',
            consequence: 'comparing it is always false (a Promise is never equal to a string).',
          },
          suggestions: [
            {
              title: 'Make the function async and add await',
              output: `export async function POST(req: Request) { return Response.json({ empty: await req.text() === '' }) }`,
            },
          ],
        },
      ],
      output: null,
    },
  ],
});

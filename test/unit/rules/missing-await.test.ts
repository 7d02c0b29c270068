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
      code: `export async function POST(req: Request) {\n  const pending = req.json();\n  await log();\n  const data = await pending;\n  return Response.json(data);\n}`,
    },
    {
      name: 'Promise.all over body readers',
      code: `export async function POST(req: Request) { const [a] = await Promise.all([req.clone().json(), audit()]); return Response.json(a) }`,
    },
    {
      name: 'a fetch response .json() returned from an async function',
      code: `async function load() { const r = await fetch('x'); return r.json() }\nexport async function GET() { return Response.json(await load()) }`,
    },
  ],
  invalid: [
    {
      name: 'a property read on the promise',
      code: `export async function POST(request: Request) {\n  const title = request.json().title;\n  return Response.json({ title });\n}`,
      errors: [{ messageId: 'notAwaited', line: 2, column: 17 }],
      output: `export async function POST(request: Request) {\n  const title = (await request.json()).title;\n  return Response.json({ title });\n}`,
    },
    {
      name: 'destructuring the promise',
      code: `export async function POST(req: Request) {\n  const { email } = req.json();\n  return Response.json({ email });\n}`,
      errors: [{ messageId: 'notAwaited', line: 2 }],
      output: `export async function POST(req: Request) {\n  const { email } = await req.json();\n  return Response.json({ email });\n}`,
    },
    {
      name: 'the promise echoed as the response body',
      code: `export async function POST(req: Request) { return Response.json(req.json()) }`,
      errors: [{ messageId: 'notAwaited' }],
      output: `export async function POST(req: Request) { return Response.json(await req.json()) }`,
    },
    {
      name: 'a variable holding the promise, read like the body',
      code: `export async function POST(req: Request) {\n  const data = req.json();\n  await db.posts.create({ title: data.title });\n  return new Response(null, { status: 201 });\n}`,
      errors: [{ messageId: 'notAwaited', line: 2 }],
    },
    {
      name: 'formData() put into an object',
      code: `export async function POST(req: Request) { await upload({ form: req.formData() }); return new Response(null, { status: 204 }) }`,
      errors: [{ messageId: 'notAwaited' }],
    },
    {
      name: 'text() compared with a string in a non-async handler (no automatic fix)',
      code: `export function POST(req: Request) { return Response.json({ empty: req.text() === '' }) }`,
      errors: [{ messageId: 'notAwaited' }],
      output: null,
    },
  ],
});

import rule from '../../../src/core/rules/unguarded-json-parse';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'a webhook body read after the shared-secret check (only the trusted sender gets there)',
      code: `export async function POST(req: Request) {\n  if (req.headers.get('x-webhook-secret') !== process.env.WEBHOOK_SECRET) {\n    return new Response('Unauthorized', { status: 401 });\n  }\n  const { event } = await req.json();\n  await handle(event);\n  return new Response(null, { status: 204 });\n}`,
    },
    {
      name: "the seed's users POST: a catch that answers 400 'Invalid JSON format'",
      code: `export async function POST(request) {\n  try {\n    const data = await request.json()\n    const user = await db.users.create(data)\n    return Response.json(user, { status: 201 })\n  } catch (error) {\n    return Response.json({ error: 'Invalid JSON format' }, { status: 400 })\n  }\n}`,
      filename: 'app/api/users/route.js',
    },
    {
      name: 'a .catch(() => null) with a null check',
      code: `export async function POST(req: Request) {\n  const body = await req.json().catch(() => null);\n  if (body === null) return Response.json({ error: 'Invalid JSON' }, { status: 400 });\n  return Response.json(body);\n}`,
    },
    {
      name: 'zod safeParse of a caught body',
      code: `export async function POST(req: Request) {\n  let raw: unknown;\n  try { raw = await req.json() } catch { return Response.json({ error: 'Invalid JSON' }, { status: 400 }) }\n  const parsed = Schema.safeParse(raw);\n  if (!parsed.success) return Response.json({ error: 'Invalid' }, { status: 400 });\n  return Response.json(parsed.data, { status: 201 });\n}`,
    },
    {
      name: 'a catch that distinguishes SyntaxError from other errors',
      code: `export async function POST(req: Request) {\n  try {\n    const data = await req.json();\n    return Response.json(await save(data), { status: 201 });\n  } catch (error) {\n    if (error instanceof SyntaxError) return Response.json({ error: 'Invalid JSON' }, { status: 400 });\n    return Response.json({ error: 'Failed' }, { status: 500 });\n  }\n}`,
    },
    {
      name: 'a catch that rethrows to an error boundary',
      code: `export async function POST(req: Request) {\n  try { return Response.json(await req.json()) } catch (e) { throw new BadRequest(e) }\n}`,
    },
    {
      name: 'a wrapped handler (the wrapper maps errors)',
      code: `export const POST = withApi(async (req: Request) => Response.json(await req.json()));`,
    },
    {
      name: 'a fetch response .json() (not the request body)',
      code: `export async function GET() {\n  const res = await fetch('https://api.example.com');\n  return Response.json(await res.json());\n}`,
    },
    {
      name: 'request.text(), which does not fail on bad input',
      code: `export async function POST(req: Request) { const raw = await req.text(); return Response.json({ length: raw.length }) }`,
    },
  ],
  invalid: [
    {
      name: 'a body read before the shared-secret check',
      code: `export async function POST(req: Request) {\n  const body = await req.json();\n  if (req.headers.get('x-webhook-secret') !== process.env.WEBHOOK_SECRET) return new Response(null, { status: 401 });\n  await handle(body);\n  return new Response(null, { status: 204 });\n}`,
      errors: [{ messageId: 'unguarded', line: 2 }],
    },
    {
      name: "the seed's first POST, suggesting a 400 on invalid JSON",
      code: `export async function POST(request) {\n  const data = await request.json()\n  return Response.json(data, { status: 201 })\n}`,
      filename: 'app/api/posts/route.js',
      errors: [{ messageId: 'unguarded', line: 2, column: 22 }],
      output: null,
      suggestions: [
        {
          output: `export async function POST(request) {\n  const data = await request.json().catch(() => null)\n  if (data === null) {\n    return Response.json({ error: 'Request body must be valid JSON' }, { status: 400 })\n  }\n  return Response.json(data, { status: 201 })\n}`,
        },
      ],
    },
    {
      name: "the seed's CRUD POST: a catch-all that answers 500 for malformed JSON",
      code: `export async function POST(request) {\n  try {\n    const data = await request.json()\n    return Response.json(await db.posts.create(data), { status: 201 })\n  } catch (error) {\n    return Response.json({ error: 'Failed to create post' }, { status: 500 })\n  }\n}`,
      filename: 'app/api/posts/route.js',
      errors: [{ messageId: 'caughtAs500', line: 3 }],
    },
    {
      name: 'an unguarded formData() in a TS upload handler',
      code: `export async function POST(req: Request) {\n  const form = await req.formData();\n  return Response.json({ name: String(form.get('name')) });\n}`,
      errors: [{ messageId: 'unguarded', line: 2, data: { kind: 'form data' } }],
      suggestions: [
        {
          output: `export async function POST(req: Request) {\n  const form = await req.formData().catch(() => null);\n  if (form === null) {\n    return Response.json({ error: 'Request body must be form data' }, { status: 400 });\n  }\n  return Response.json({ name: String(form.get('name')) });\n}`,
        },
      ],
    },
    {
      name: 'a destructured body: the suggestion reads it into a fresh name, answers 400 on null, then destructures',
      code: `export async function POST(req: Request) {\n  const { title } = await req.json();\n  return Response.json({ title }, { status: 201 });\n}`,
      errors: [{ messageId: 'unguarded' }],
      suggestions: [
        {
          title: /Answer 400/,
          output: `export async function POST(req: Request) {\n  const body = await req.json().catch(() => null);\n  if (body === null) {\n    return Response.json({ error: 'Request body must be valid JSON' }, { status: 400 });\n  }\n  const { title } = body;\n  return Response.json({ title }, { status: 201 });\n}`,
        },
      ],
    },
    {
      name: 'a body read in an arrow handler',
      code: `export const PUT = async (request: Request) => Response.json(await request.json());`,
      errors: [{ messageId: 'unguarded' }],
    },
    {
      name: 'a body read through request.clone()',
      code: `export async function POST(request: Request) {\n  const copy = await request.clone().json();\n  return Response.json(copy);\n}`,
      errors: [{ messageId: 'unguarded', line: 2 }],
    },
  ],
});

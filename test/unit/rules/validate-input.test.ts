import rule from '../../../src/core/rules/validate-input';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'a zod-validated body whose parsed data is written',
      code: `import { z } from 'zod';\nconst Post = z.object({ title: z.string() });\nexport async function POST(req: Request) {\n  const parsed = Post.safeParse(await req.json());\n  if (!parsed.success) return Response.json({ error: 'Invalid' }, { status: 400 });\n  const post = await db.posts.create({ data: parsed.data });\n  return Response.json(post, { status: 201 });\n}`,
    },
    {
      name: 'a body variable validated with schema.parse before the write',
      code: `export async function POST(request: Request) {\n  const body = await request.json();\n  schema.parse(body);\n  await db.items.create({ data: body });\n  return new Response(null, { status: 204 });\n}`,
    },
    {
      name: 'destructured fields with required and typeof checks (the fixture app style)',
      code: `export async function POST(request: Request) {\n  const { name, email } = await request.json();\n  if (typeof name !== 'string' || typeof email !== 'string') return Response.json({ error: 'bad' }, { status: 400 });\n  const user = await db.users.create({ data: { name, email } });\n  return Response.json(user, { status: 201 });\n}`,
    },
    {
      name: "the seed's required-field check before create (mass assignment is a separate rule)",
      code: `export async function POST(request) {\n  const data = await request.json()\n  if (!data.title || !data.content) {\n    return Response.json({ error: 'Title and content are required' }, { status: 400 })\n  }\n  const post = await db.posts.create(data)\n  return Response.json(post, { status: 201 })\n}`,
      filename: 'app/api/posts/route.js',
    },
    {
      name: 'a body that is only echoed back, never written',
      code: `export async function POST(req: Request) {\n  const data = await req.json();\n  return Response.json({ received: data });\n}`,
    },
    {
      name: 'a body handed to a service that validates it (no write in this file)',
      code: `import { createOrder } from '@/lib/orders';\nexport async function POST(req: Request) {\n  const input = await req.json();\n  return Response.json(await createOrder(input), { status: 201 });\n}`,
    },
    {
      name: 'a validator helper called on the body',
      code: `export async function PUT(req: Request) {\n  const body = await req.json();\n  if (!isValidProfile(body)) return Response.json({ error: 'Invalid profile' }, { status: 400 });\n  await db.profiles.update({ where: { id: 1 }, data: body });\n  return Response.json({ ok: true });\n}`,
    },
    {
      name: 'fields checked with an in-operator and a switch',
      code: `export async function PATCH(req: Request) {\n  const patch = await req.json();\n  if (!('status' in patch)) return Response.json({ error: 'status required' }, { status: 400 });\n  switch (patch.status) { case 'open': case 'closed': break; default: return Response.json({ error: 'bad status' }, { status: 400 }) }\n  await db.tickets.update({ where: { id: 1 }, data: { status: patch.status } });\n  return Response.json({ ok: true });\n}`,
    },
  ],
  invalid: [
    {
      name: "the seed's first POST: the body goes straight into create",
      code: `export async function POST(request) {\n  const data = await request.json()\n  const post = await db.posts.create(data)\n  return Response.json(post, { status: 201 })\n}`,
      filename: 'app/api/posts/route.js',
      errors: [{ messageId: 'unvalidatedBody', line: 3, column: 38, data: { callee: 'db.posts.create' } }],
    },
    {
      name: "the seed's PUT: the body goes into update with params",
      code: `export async function PUT(request, { params }) {\n  const data = await request.json()\n  const user = await db.users.update(params.id, data)\n  return Response.json(user)\n}`,
      filename: 'app/api/users/[id]/route.js',
      errors: [{ messageId: 'unvalidatedBody', line: 3 }],
    },
    {
      name: 'a Prisma create with the body as data',
      code: `export async function POST(req: Request) {\n  const body = await req.json();\n  const user = await prisma.user.create({ data: body });\n  return Response.json(user, { status: 201 });\n}`,
      errors: [{ messageId: 'unvalidatedBody', line: 3, data: { name: 'body', callee: 'prisma.user.create' } }],
    },
    {
      name: 'an unchecked field read into a write',
      code: `export async function PATCH(req: Request) {\n  const data = await req.json();\n  await db.users.update({ where: { id: 1 }, data: { name: data.name } });\n  return Response.json({ ok: true });\n}`,
      errors: [{ messageId: 'unvalidatedField', line: 3, data: { field: 'name' } }],
    },
    {
      name: 'a destructured field that was never checked while another one was',
      code: `export async function POST(req: Request) {\n  const { email, role } = await req.json();\n  if (!email) return Response.json({ error: 'email required' }, { status: 400 });\n  await db.users.create({ data: { email, role } });\n  return new Response(null, { status: 201 });\n}`,
      errors: [{ messageId: 'unvalidatedField', line: 4, data: { field: 'role' } }],
    },
    {
      name: 'a body assigned inside a try block and then spread into an insert',
      code: `export async function POST(req: Request) {\n  let payload;\n  try {\n    payload = await req.json();\n  } catch {\n    return Response.json({ error: 'Invalid JSON' }, { status: 400 });\n  }\n  await db.insert(events).values({ ...payload });\n  return new Response(null, { status: 201 });\n}`,
      errors: [{ messageId: 'unvalidatedBody', line: 8 }],
    },
    {
      name: 'a validation that only happens after the write',
      code: `export async function POST(req: Request) {\n  const data = await req.json();\n  const row = await db.rows.create({ data });\n  schema.parse(data);\n  return Response.json(row, { status: 201 });\n}`,
      errors: [{ messageId: 'unvalidatedBody', line: 3 }],
    },
  ],
});

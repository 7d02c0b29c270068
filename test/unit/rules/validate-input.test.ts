import rule from '../../../src/core/rules/validate-input';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'a zod-validated body whose parsed data is written',
      code: `import { z } from 'zod';
const Post = z.object({ title: z.string() });
export async function POST(req: Request) {
  const parsed = Post.safeParse(await req.json());
  if (!parsed.success) return Response.json({ error: 'Invalid' }, { status: 400 });
  const post = await db.posts.create({ data: parsed.data });
  return Response.json(post, { status: 201 });
}`,
    },
    {
      name: 'a body variable validated with schema.parse before the write',
      code: `export async function POST(request: Request) {
  const body = await request.json();
  schema.parse(body);
  await db.items.create({ data: body });
  return new Response(null, { status: 204 });
}`,
    },
    {
      name: 'destructured fields with required and typeof checks (the fixture app style)',
      code: `export async function POST(request: Request) {
  const { name, email } = await request.json();
  if (typeof name !== 'string' || typeof email !== 'string') return Response.json({ error: 'bad' }, { status: 400 });
  const user = await db.users.create({ data: { name, email } });
  return Response.json(user, { status: 201 });
}`,
    },
    {
      name: "the seed's required-field check before create (mass assignment is a separate rule)",
      code: `export async function POST(request) {
  const data = await request.json()
  if (!data.title || !data.content) {
    return Response.json({ error: 'Title and content are required' }, { status: 400 })
  }
  const post = await db.posts.create(data)
  return Response.json(post, { status: 201 })
}`,
      filename: 'app/api/posts/route.js',
    },
    {
      name: 'a body that is only echoed back, never written',
      code: `export async function POST(req: Request) {
  const data = await req.json();
  return Response.json({ received: data });
}`,
    },
    {
      name: 'a body handed to a service that validates it (no write in this file)',
      code: `import { createOrder } from '@/lib/orders';
export async function POST(req: Request) {
  const input = await req.json();
  return Response.json(await createOrder(input), { status: 201 });
}`,
    },
    {
      name: 'a validator helper called on the body',
      code: `export async function PUT(req: Request) {
  const body = await req.json();
  if (!isValidProfile(body)) return Response.json({ error: 'Invalid profile' }, { status: 400 });
  await db.profiles.update({ where: { id: 1 }, data: body });
  return Response.json({ ok: true });
}`,
    },
    {
      name: 'fields checked with an in-operator and a switch',
      code: `export async function PATCH(req: Request) {
  const patch = await req.json();
  if (!('status' in patch)) return Response.json({ error: 'status required' }, { status: 400 });
  switch (patch.status) { case 'open': case 'closed': break; default: return Response.json({ error: 'bad status' }, { status: 400 }) }
  await db.tickets.update({ where: { id: 1 }, data: { status: patch.status } });
  return Response.json({ ok: true });
}`,
    },
  ],
  invalid: [
    {
      name: "the seed's first POST: the body goes straight into create",
      code: `export async function POST(request) {
  const data = await request.json()
  const post = await db.posts.create(data)
  return Response.json(post, { status: 201 })
}`,
      filename: 'app/api/posts/route.js',
      errors: [
        { messageId: 'unvalidatedBody', line: 3, column: 38, data: { name: 'data', callee: 'db.posts.create' } },
      ],
    },
    {
      name: "the seed's PUT: the body goes into update with params",
      code: `export async function PUT(request, { params }) {
  const data = await request.json()
  const user = await db.users.update(params.id, data)
  return Response.json(user)
}`,
      filename: 'app/api/users/[id]/route.js',
      errors: [{ messageId: 'unvalidatedBody', line: 3, data: { name: 'data', callee: 'db.users.update' } }],
    },
    {
      name: 'a Prisma create with the body as data',
      code: `export async function POST(req: Request) {
  const body = await req.json();
  const user = await prisma.user.create({ data: body });
  return Response.json(user, { status: 201 });
}`,
      errors: [{ messageId: 'unvalidatedBody', line: 3, data: { name: 'body', callee: 'prisma.user.create' } }],
    },
    {
      name: 'an unchecked field read into a write',
      code: `export async function PATCH(req: Request) {
  const data = await req.json();
  await db.users.update({ where: { id: 1 }, data: { name: data.name } });
  return Response.json({ ok: true });
}`,
      errors: [{ messageId: 'unvalidatedField', line: 3, data: { field: 'name', callee: 'db.users.update' } }],
    },
    {
      name: 'a destructured field that was never checked while another one was',
      code: `export async function POST(req: Request) {
  const { email, role } = await req.json();
  if (!email) return Response.json({ error: 'email required' }, { status: 400 });
  await db.users.create({ data: { email, role } });
  return new Response(null, { status: 201 });
}`,
      errors: [{ messageId: 'unvalidatedField', line: 4, data: { field: 'role', callee: 'db.users.create' } }],
    },
    {
      name: 'a body assigned inside a try block and then spread into an insert',
      code: `export async function POST(req: Request) {
  let payload;
  try {
    payload = await req.json();
  } catch {
    return Response.json({ error: 'Invalid JSON' }, { status: 400 });
  }
  await db.insert(events).values({ ...payload });
  return new Response(null, { status: 201 });
}`,
      errors: [
        { messageId: 'unvalidatedBody', line: 8, data: { name: 'payload', callee: 'db.insert(events).values' } },
      ],
    },
    {
      name: 'a validation that only happens after the write',
      code: `export async function POST(req: Request) {
  const data = await req.json();
  const row = await db.rows.create({ data });
  schema.parse(data);
  return Response.json(row, { status: 201 });
}`,
      errors: [{ messageId: 'unvalidatedBody', line: 3, data: { name: 'data', callee: 'db.rows.create' } }],
    },
  ],
});

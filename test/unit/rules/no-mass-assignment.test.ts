import rule from '../../../src/core/rules/no-mass-assignment';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'the raw body signed with an HMAC to check a webhook signature',
      code: `import crypto from 'crypto';
export async function POST(req: Request) {
  const body = await req.json();
  const sig = crypto.createHmac('sha256', process.env.SECRET!).update(JSON.stringify(body)).digest('hex');
  if (sig !== req.headers.get('x-signature')) return new Response(null, { status: 401 });
  return new Response(null, { status: 204 });
}`,
    },
    {
      name: 'the raw body kept as text in a log column (JSON.stringify)',
      code: `export async function POST(req: Request) {
  const body = await req.json();
  await db.webhookLog.create({ data: { payload: JSON.stringify(body) } });
  return new Response(null, { status: 204 });
}`,
    },
    {
      name: 'the result of a schema parse spread into create',
      code: `export async function POST(req: Request) {
  const data = Schema.parse(await req.json());
  const row = await db.rows.create({ data: { ...data, ownerId: 'me' } });
  return Response.json(row, { status: 201 });
}`,
    },
    {
      name: 'explicitly listed fields',
      code: `export async function POST(req: Request) {
  const body = await req.json();
  const post = await db.posts.create({ data: { title: String(body.title), content: String(body.content) } });
  return Response.json(post, { status: 201 });
}`,
    },
    {
      name: 'destructured fields written one by one',
      code: `export async function POST(req: Request) {
  const { title, content } = await req.json();
  await db.posts.create({ data: { title, content } });
  return new Response(null, { status: 201 });
}`,
    },
    {
      name: 'a body spread into a response, not a write',
      code: `export async function POST(req: Request) {
  const body = await req.json();
  return Response.json({ ...body, echoed: true });
}`,
    },
    {
      name: 'a body spread into a log call',
      code: `export async function POST(req: Request) {
  const body = await req.json();
  console.log({ ...body });
  return new Response(null, { status: 204 });
}`,
    },
    {
      name: 'a safeParse result used for the write',
      code: `export async function PUT(req: Request) {
  const result = Item.safeParse(await req.json());
  if (!result.success) return Response.json({ error: 'Invalid' }, { status: 400 });
  await db.items.update({ where: { id: 1 }, data: { ...result.data } });
  return Response.json({ ok: true });
}`,
    },
    {
      name: 'a query value (not the body) spread into update',
      code: `export async function PATCH(req: Request) {
  const filters = Object.fromEntries(new URL(req.url).searchParams);
  await db.items.updateMany({ where: { ...filters }, data: { seen: true } });
  return Response.json({ ok: true });
}`,
    },
  ],
  invalid: [
    {
      name: "the seed's CRUD POST spreading the body into create",
      code: `export async function POST(request) {
  try {
    const data = await request.json()
    if (!data.title || !data.content) {
      return Response.json({ error: 'Title and content are required' }, { status: 400 })
    }
    const post = await db.posts.create({
      ...data,
      published: data.published ?? false
    })
    return Response.json(post, { status: 201 })
  } catch (error) {
    return Response.json({ error: 'Failed to create post' }, { status: 500 })
  }
}`,
      filename: 'app/api/posts/route.js',
      errors: [{ messageId: 'spreadBody', line: 8, column: 7, data: { name: 'data', callee: 'db.posts.create' } }],
    },
    {
      name: 'a Prisma update with the body spread into data',
      code: `export async function PATCH(req: Request) {
  const body = await req.json();
  await prisma.user.update({ where: { id: 1 }, data: { ...body } });
  return Response.json({ ok: true });
}`,
      errors: [{ messageId: 'spreadBody', line: 3, data: { name: 'body', callee: 'prisma.user.update' } }],
    },
    {
      name: 'the whole body passed to create after a required-field check',
      code: `export async function POST(request: Request) {
  const data = await request.json();
  if (!data.email || !data.name) return Response.json({ error: 'Email and name are required' }, { status: 400 });
  const user = await db.users.create(data);
  return Response.json(user, { status: 201 });
}`,
      errors: [{ messageId: 'wholeBody', line: 4, data: { name: 'data', callee: 'db.users.create' } }],
    },
    {
      name: 'Object.assign of the body onto an entity',
      code: `export async function PUT(req: Request) {
  const changes = await req.json();
  const user = await repo.findOne(1);
  Object.assign(user, changes);
  await repo.save(user);
  return Response.json({ ok: true });
}`,
      errors: [{ messageId: 'spreadBody', line: 4, data: { name: 'changes', callee: 'Object.assign' } }],
    },
    {
      name: 'a rest element of a destructured body spread into insert',
      code: `export async function POST(req: Request) {
  const { id, ...rest } = await req.json();
  await db.insert(items).values({ ...rest });
  return Response.json({ id }, { status: 201 });
}`,
      errors: [{ messageId: 'spreadBody', line: 3, data: { name: 'rest', callee: 'db.insert(items).values' } }],
    },
    {
      name: 'a body spread even after schema.parse checked it (extra keys survive in the original)',
      code: `export async function POST(req: Request) {
  const body = await req.json();
  Schema.parse(body);
  await db.items.create({ data: { ...body } });
  return new Response(null, { status: 201 });
}`,
      errors: [{ messageId: 'spreadBody', line: 4, data: { name: 'body', callee: 'db.items.create' } }],
    },
  ],
});

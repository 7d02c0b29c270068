import rule from '../../../src/core/rules/no-mass-assignment';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'the raw body signed with an HMAC to check a webhook signature',
      code: `import crypto from 'crypto';\nexport async function POST(req: Request) {\n  const body = await req.json();\n  const sig = crypto.createHmac('sha256', process.env.SECRET!).update(JSON.stringify(body)).digest('hex');\n  if (sig !== req.headers.get('x-signature')) return new Response(null, { status: 401 });\n  return new Response(null, { status: 204 });\n}`,
    },
    {
      name: 'the raw body kept as text in a log column (JSON.stringify)',
      code: `export async function POST(req: Request) {\n  const body = await req.json();\n  await db.webhookLog.create({ data: { payload: JSON.stringify(body) } });\n  return new Response(null, { status: 204 });\n}`,
    },
    {
      name: 'the result of a schema parse spread into create',
      code: `export async function POST(req: Request) {\n  const data = Schema.parse(await req.json());\n  const row = await db.rows.create({ data: { ...data, ownerId: 'me' } });\n  return Response.json(row, { status: 201 });\n}`,
    },
    {
      name: 'explicitly listed fields',
      code: `export async function POST(req: Request) {\n  const body = await req.json();\n  const post = await db.posts.create({ data: { title: String(body.title), content: String(body.content) } });\n  return Response.json(post, { status: 201 });\n}`,
    },
    {
      name: 'destructured fields written one by one',
      code: `export async function POST(req: Request) {\n  const { title, content } = await req.json();\n  await db.posts.create({ data: { title, content } });\n  return new Response(null, { status: 201 });\n}`,
    },
    {
      name: 'a body spread into a response, not a write',
      code: `export async function POST(req: Request) {\n  const body = await req.json();\n  return Response.json({ ...body, echoed: true });\n}`,
    },
    {
      name: 'a body spread into a log call',
      code: `export async function POST(req: Request) {\n  const body = await req.json();\n  console.log({ ...body });\n  return new Response(null, { status: 204 });\n}`,
    },
    {
      name: 'a safeParse result used for the write',
      code: `export async function PUT(req: Request) {\n  const result = Item.safeParse(await req.json());\n  if (!result.success) return Response.json({ error: 'Invalid' }, { status: 400 });\n  await db.items.update({ where: { id: 1 }, data: { ...result.data } });\n  return Response.json({ ok: true });\n}`,
    },
    {
      name: 'a query value (not the body) spread into update',
      code: `export async function PATCH(req: Request) {\n  const filters = Object.fromEntries(new URL(req.url).searchParams);\n  await db.items.updateMany({ where: { ...filters }, data: { seen: true } });\n  return Response.json({ ok: true });\n}`,
    },
  ],
  invalid: [
    {
      name: "the seed's CRUD POST spreading the body into create",
      code: `export async function POST(request) {\n  try {\n    const data = await request.json()\n    if (!data.title || !data.content) {\n      return Response.json({ error: 'Title and content are required' }, { status: 400 })\n    }\n    const post = await db.posts.create({\n      ...data,\n      published: data.published ?? false\n    })\n    return Response.json(post, { status: 201 })\n  } catch (error) {\n    return Response.json({ error: 'Failed to create post' }, { status: 500 })\n  }\n}`,
      filename: 'app/api/posts/route.js',
      errors: [{ messageId: 'spreadBody', line: 8, column: 7, data: { name: 'data', callee: 'db.posts.create' } }],
    },
    {
      name: 'a Prisma update with the body spread into data',
      code: `export async function PATCH(req: Request) {\n  const body = await req.json();\n  await prisma.user.update({ where: { id: 1 }, data: { ...body } });\n  return Response.json({ ok: true });\n}`,
      errors: [{ messageId: 'spreadBody', line: 3 }],
    },
    {
      name: 'the whole body passed to create after a required-field check',
      code: `export async function POST(request: Request) {\n  const data = await request.json();\n  if (!data.email || !data.name) return Response.json({ error: 'Email and name are required' }, { status: 400 });\n  const user = await db.users.create(data);\n  return Response.json(user, { status: 201 });\n}`,
      errors: [{ messageId: 'wholeBody', line: 4, data: { name: 'data' } }],
    },
    {
      name: 'Object.assign of the body onto an entity',
      code: `export async function PUT(req: Request) {\n  const changes = await req.json();\n  const user = await repo.findOne(1);\n  Object.assign(user, changes);\n  await repo.save(user);\n  return Response.json({ ok: true });\n}`,
      errors: [{ messageId: 'spreadBody', line: 4 }],
    },
    {
      name: 'a rest element of a destructured body spread into insert',
      code: `export async function POST(req: Request) {\n  const { id, ...rest } = await req.json();\n  await db.insert(items).values({ ...rest });\n  return Response.json({ id }, { status: 201 });\n}`,
      errors: [{ messageId: 'spreadBody', line: 3 }],
    },
    {
      name: 'a body spread even after schema.parse checked it (extra keys survive in the original)',
      code: `export async function POST(req: Request) {\n  const body = await req.json();\n  Schema.parse(body);\n  await db.items.create({ data: { ...body } });\n  return new Response(null, { status: 201 });\n}`,
      errors: [{ messageId: 'spreadBody', line: 4 }],
    },
  ],
});

import rule from '../../../src/core/rules/create-status';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'a create answered with 201',
      code: `export async function POST(req: Request) {\n  const post = await db.posts.create({ data: { title: 't' } });\n  return Response.json(post, { status: 201 });\n}`,
    },
    {
      name: 'a login POST that creates nothing',
      code: `export async function POST(req: Request) {\n  const user = await db.users.findUnique({ where: { email: 'a' } });\n  return Response.json({ ok: !!user });\n}`,
    },
    {
      name: 'a search POST',
      code: `export async function POST(req: Request) {\n  const results = await search.query('x');\n  return Response.json(results);\n}`,
    },
    {
      name: "a create in a PUT handler (upsert semantics are the author's call)",
      code: `export async function PUT() {\n  const row = await db.rows.create({ data: {} });\n  return Response.json(row);\n}`,
    },
    {
      name: 'crypto and Set helpers named create/add',
      code: `export async function POST() {\n  const hash = await crypto.subtle.digest('SHA-256', new Uint8Array());\n  const c = await Object.create(null);\n  return Response.json({ hash: String(hash), c });\n}`,
    },
    {
      name: 'a create whose 201 comes from a helper',
      code: `export async function POST() {\n  const item = await db.items.create({ data: {} });\n  return created(item);\n}`,
    },
    {
      name: 'a POST returning 202 Accepted for queued work',
      code: `export async function POST() {\n  const job = await queue.add({ type: 'email' });\n  return Response.json(job, { status: 202 });\n}`,
    },
  ],
  invalid: [
    {
      name: "the seed's users POST answering the created user with 200",
      code: `export async function POST(request: Request) {\n  const data = await request.json();\n  const user = await db.users.create(data);\n  return Response.json(user);\n}`,
      errors: [{ messageId: 'createdWith200', line: 4, column: 10 }],
      output: `export async function POST(request: Request) {\n  const data = await request.json();\n  const user = await db.users.create(data);\n  return Response.json(user, { status: 201 });\n}`,
    },
    {
      name: 'a Prisma create returned inside an object',
      code: `export async function POST() {\n  const post = await prisma.post.create({ data: { title: 'x' } });\n  return NextResponse.json({ post });\n}`,
      errors: [{ messageId: 'createdWith200' }],
      output: `export async function POST() {\n  const post = await prisma.post.create({ data: { title: 'x' } });\n  return NextResponse.json({ post }, { status: 201 });\n}`,
    },
    {
      name: 'an explicit 200 after an insert',
      code: `export async function POST() {\n  const row = await collection.insertOne({ a: 1 });\n  return Response.json(row, { status: 200 });\n}`,
      errors: [{ messageId: 'createdWith200', data: { status: 200 } }],
      output: `export async function POST() {\n  const row = await collection.insertOne({ a: 1 });\n  return Response.json(row, { status: 201 });\n}`,
    },
    {
      name: 'a create awaited inline in the response',
      code: `export async function POST() { return Response.json(await db.todos.create({ data: {} })) }`,
      errors: [{ messageId: 'createdWith200' }],
      output: `export async function POST() { return Response.json(await db.todos.create({ data: {} }), { status: 201 }) }`,
    },
    {
      name: 'a repository save with headers and no status',
      code: `export async function POST() {\n  const saved = await repo.save(entity);\n  return Response.json(saved, { headers: { 'X-Id': '1' } });\n}`,
      errors: [{ messageId: 'createdWith200' }],
      output: `export async function POST() {\n  const saved = await repo.save(entity);\n  return Response.json(saved, { status: 201, headers: { 'X-Id': '1' } });\n}`,
    },
    {
      name: 'a create in a POST exported through a re-export list',
      code: `async function handler() {\n  const team = await db.teams.create({});\n  return Response.json({ data: team });\n}\nexport { handler as POST };`,
      errors: [{ messageId: 'createdWith200', line: 3 }],
    },
  ],
});

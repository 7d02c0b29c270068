import rule from '../../../src/core/rules/create-status';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'a create answered with 201',
      code: `export async function POST(req: Request) {
  const post = await db.posts.create({ data: { title: 't' } });
  return Response.json(post, { status: 201 });
}`,
    },
    {
      name: 'a login POST that creates nothing',
      code: `export async function POST(req: Request) {
  const user = await db.users.findUnique({ where: { email: 'a' } });
  return Response.json({ ok: !!user });
}`,
    },
    {
      name: 'a search POST',
      code: `export async function POST(req: Request) {
  const results = await search.query('x');
  return Response.json(results);
}`,
    },
    {
      name: "a create in a PUT handler (upsert semantics are the author's call)",
      code: `export async function PUT() {
  const row = await db.rows.create({ data: {} });
  return Response.json(row);
}`,
    },
    {
      name: 'crypto and Set helpers named create/add',
      code: `export async function POST() {
  const hash = await crypto.subtle.digest('SHA-256', new Uint8Array());
  const c = await Object.create(null);
  return Response.json({ hash: String(hash), c });
}`,
    },
    {
      name: 'a create whose 201 comes from a helper',
      code: `export async function POST() {
  const item = await db.items.create({ data: {} });
  return created(item);
}`,
    },
    {
      name: 'a POST returning 202 Accepted for queued work',
      code: `export async function POST() {
  const job = await queue.add({ type: 'email' });
  return Response.json(job, { status: 202 });
}`,
    },
  ],
  invalid: [
    {
      name: "the seed's users POST answering the created user with 200",
      code: `export async function POST(request: Request) {
  const data = await request.json();
  const user = await db.users.create(data);
  return Response.json(user);
}`,
      errors: [{ messageId: 'createdWith200', line: 4, column: 10, data: { status: 200 } }],
      output: `export async function POST(request: Request) {
  const data = await request.json();
  const user = await db.users.create(data);
  return Response.json(user, { status: 201 });
}`,
    },
    {
      name: 'a Prisma create returned inside an object',
      code: `export async function POST() {
  const post = await prisma.post.create({ data: { title: 'x' } });
  return NextResponse.json({ post });
}`,
      errors: [{ messageId: 'createdWith200', data: { status: 200 } }],
      output: `export async function POST() {
  const post = await prisma.post.create({ data: { title: 'x' } });
  return NextResponse.json({ post }, { status: 201 });
}`,
    },
    {
      name: 'an explicit 200 after an insert',
      code: `export async function POST() {
  const row = await collection.insertOne({ a: 1 });
  return Response.json(row, { status: 200 });
}`,
      errors: [{ messageId: 'createdWith200', data: { status: 200 } }],
      output: `export async function POST() {
  const row = await collection.insertOne({ a: 1 });
  return Response.json(row, { status: 201 });
}`,
    },
    {
      name: 'a create awaited inline in the response',
      code: `export async function POST() { return Response.json(await db.todos.create({ data: {} })) }`,
      errors: [{ messageId: 'createdWith200', data: { status: 200 } }],
      output: `export async function POST() { return Response.json(await db.todos.create({ data: {} }), { status: 201 }) }`,
    },
    {
      name: 'a repository save with headers and no status',
      code: `export async function POST() {
  const saved = await repo.save(entity);
  return Response.json(saved, { headers: { 'X-Id': '1' } });
}`,
      errors: [{ messageId: 'createdWith200', data: { status: 200 } }],
      output: `export async function POST() {
  const saved = await repo.save(entity);
  return Response.json(saved, { status: 201, headers: { 'X-Id': '1' } });
}`,
    },
    {
      name: 'a create in a POST exported through a re-export list',
      code: `async function handler() {
  const team = await db.teams.create({});
  return Response.json({ data: team });
}
export { handler as POST };`,
      errors: [{ messageId: 'createdWith200', line: 3, data: { status: 200 } }],
      output: `async function handler() {
  const team = await db.teams.create({});
  return Response.json({ data: team }, { status: 201 });
}
export { handler as POST };`,
    },
  ],
});

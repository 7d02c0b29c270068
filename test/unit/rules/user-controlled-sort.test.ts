import rule from '../../../src/core/rules/user-controlled-sort';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'a sort column checked against an allow-list',
      code: `const SORTABLE = ['createdAt', 'title'];\nexport async function GET(req: Request) {\n  const { searchParams } = new URL(req.url);\n  const sort = searchParams.get('sort') ?? 'createdAt';\n  if (!SORTABLE.includes(sort)) return Response.json({ error: 'Bad sort' }, { status: 400 });\n  return Response.json(await db.posts.findMany({ orderBy: { [sort]: 'desc' } }));\n}`,
    },
    {
      name: 'a ternary mapping to an allowed column',
      code: `export async function GET(req: Request) {\n  const { searchParams } = new URL(req.url);\n  const requested = searchParams.get('sort');\n  const column = requested === 'title' ? 'title' : 'createdAt';\n  return Response.json(await db.posts.findMany({ orderBy: { [column]: 'desc' } }));\n}`,
    },
    {
      name: 'a zod enum parse',
      code: `export async function GET(req: Request) {\n  const sort = z.enum(['createdAt', 'title']).catch('createdAt').parse(new URL(req.url).searchParams.get('sort'));\n  return Response.json(await db.posts.findMany({ orderBy: { [sort]: 'asc' } }));\n}`,
    },
    {
      name: 'a switch on the value',
      code: `export async function GET(req: Request) {\n  const sort = new URL(req.url).searchParams.get('sort');\n  switch (sort) { case 'title': case 'date': break; default: return Response.json({ error: 'bad' }, { status: 400 }) }\n  return Response.json(await db.posts.findMany({ orderBy: { [sort]: 'asc' } }));\n}`,
    },
    {
      name: 'a fixed sort column and a user-chosen direction',
      code: `export async function GET(req: Request) {\n  const dir = new URL(req.url).searchParams.get('dir') === 'asc' ? 'asc' : 'desc';\n  return Response.json(await db.posts.findMany({ orderBy: { createdAt: dir } }));\n}`,
    },
    {
      name: 'a Set allow-list with has()',
      code: `const ALLOWED = new Set(['name', 'age']);\nexport async function GET(req: Request) {\n  const by = new URL(req.url).searchParams.get('by') ?? 'name';\n  const safe = ALLOWED.has(by) ? by : 'name';\n  return Response.json(await users.find().sort({ [safe]: 1 }));\n}`,
    },
  ],
  invalid: [
    {
      name: "the seed's orderBy: { [sort]: 'desc' }",
      code: `export async function GET(request) {\n  const { searchParams } = new URL(request.url)\n  const sort = searchParams.get('sort') || 'date'\n  const posts = await db.posts.findMany({\n    orderBy: { [sort]: 'desc' },\n  })\n  return Response.json({ posts })\n}`,
      filename: 'app/api/posts/route.js',
      errors: [{ messageId: 'unsortedColumn', line: 5, column: 16, data: { name: 'sort', key: 'sort' } }],
    },
    {
      name: 'a MongoDB sort with a computed field',
      code: `export async function GET(req: Request) {\n  const field = new URL(req.url).searchParams.get('field') ?? 'name';\n  return Response.json(await users.find().sort({ [field]: 1 }).toArray());\n}`,
      errors: [{ messageId: 'unsortedColumn' }],
    },
    {
      name: 'an ORDER BY in raw SQL',
      code: "export async function GET(req: Request) {\n  const order = new URL(req.url).searchParams.get('order') ?? 'id';\n  return Response.json(await sql.unsafe(`select * from posts order by ${order}`));\n}",
      errors: [{ messageId: 'unsortedColumn' }],
    },
    {
      name: 'a query builder orderBy call',
      code: `export async function GET(request: NextRequest) {\n  const sortBy = request.nextUrl.searchParams.get('sortBy') ?? 'createdAt';\n  return Response.json(await knex('posts').orderBy(sortBy, 'desc'));\n}`,
      errors: [{ messageId: 'unsortedColumn' }],
    },
    {
      name: 'orderBy as an array of objects',
      code: `export async function GET(req: Request) {\n  const { searchParams } = new URL(req.url);\n  const s = searchParams.get('s') ?? 'id';\n  return Response.json(await prisma.post.findMany({ orderBy: [{ [s]: 'asc' }] }));\n}`,
      errors: [{ messageId: 'unsortedColumn' }],
    },
    {
      name: 'a sort value checked only for presence',
      code: `export async function GET(req: Request) {\n  const sort = new URL(req.url).searchParams.get('sort');\n  if (!sort) return Response.json({ error: 'sort required' }, { status: 400 });\n  return Response.json(await db.posts.findMany({ orderBy: { [sort]: 'desc' } }));\n}`,
      errors: [{ messageId: 'unsortedColumn' }],
    },
  ],
});

import rule from '../../../src/core/rules/user-controlled-sort';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'a sort column checked against an allow-list',
      code: `const SORTABLE = ['createdAt', 'title'];
export async function GET(req: Request) {
  const { searchParams } = new URL(req.url);
  const sort = searchParams.get('sort') ?? 'createdAt';
  if (!SORTABLE.includes(sort)) return Response.json({ error: 'Bad sort' }, { status: 400 });
  return Response.json(await db.posts.findMany({ orderBy: { [sort]: 'desc' } }));
}`,
    },
    {
      name: 'a ternary mapping to an allowed column',
      code: `export async function GET(req: Request) {
  const { searchParams } = new URL(req.url);
  const requested = searchParams.get('sort');
  const column = requested === 'title' ? 'title' : 'createdAt';
  return Response.json(await db.posts.findMany({ orderBy: { [column]: 'desc' } }));
}`,
    },
    {
      name: 'a zod enum parse',
      code: `export async function GET(req: Request) {
  const sort = z.enum(['createdAt', 'title']).catch('createdAt').parse(new URL(req.url).searchParams.get('sort'));
  return Response.json(await db.posts.findMany({ orderBy: { [sort]: 'asc' } }));
}`,
    },
    {
      name: 'a switch on the value',
      code: `export async function GET(req: Request) {
  const sort = new URL(req.url).searchParams.get('sort');
  switch (sort) { case 'title': case 'date': break; default: return Response.json({ error: 'bad' }, { status: 400 }) }
  return Response.json(await db.posts.findMany({ orderBy: { [sort]: 'asc' } }));
}`,
    },
    {
      name: 'a fixed sort column and a user-chosen direction',
      code: `export async function GET(req: Request) {
  const dir = new URL(req.url).searchParams.get('dir') === 'asc' ? 'asc' : 'desc';
  return Response.json(await db.posts.findMany({ orderBy: { createdAt: dir } }));
}`,
    },
    {
      name: 'a Set allow-list with has()',
      code: `const ALLOWED = new Set(['name', 'age']);
export async function GET(req: Request) {
  const by = new URL(req.url).searchParams.get('by') ?? 'name';
  const safe = ALLOWED.has(by) ? by : 'name';
  return Response.json(await users.find().sort({ [safe]: 1 }));
}`,
    },
  ],
  invalid: [
    {
      name: "the seed's orderBy: { [sort]: 'desc' }",
      code: `export async function GET(request) {
  const { searchParams } = new URL(request.url)
  const sort = searchParams.get('sort') || 'date'
  const posts = await db.posts.findMany({
    orderBy: { [sort]: 'desc' },
  })
  return Response.json({ posts })
}`,
      filename: 'app/api/posts/route.js',
      errors: [{ messageId: 'unsortedColumn', line: 5, column: 16, data: { name: 'sort', key: 'sort' } }],
    },
    {
      name: 'a MongoDB sort with a computed field',
      code: `export async function GET(req: Request) {
  const field = new URL(req.url).searchParams.get('field') ?? 'name';
  return Response.json(await users.find().sort({ [field]: 1 }).toArray());
}`,
      errors: [{ messageId: 'unsortedColumn', data: { name: 'field', key: 'field' } }],
    },
    {
      name: 'an ORDER BY in raw SQL',
      code: `export async function GET(req: Request) {
  const order = new URL(req.url).searchParams.get('order') ?? 'id';
  return Response.json(await sql.unsafe(\`select * from posts order by \${order}\`));
}`,
      errors: [{ messageId: 'unsortedColumn', data: { name: 'order', key: 'order' } }],
    },
    {
      name: 'a query builder orderBy call',
      code: `export async function GET(request: NextRequest) {
  const sortBy = request.nextUrl.searchParams.get('sortBy') ?? 'createdAt';
  return Response.json(await knex('posts').orderBy(sortBy, 'desc'));
}`,
      errors: [{ messageId: 'unsortedColumn', data: { name: 'sortBy', key: 'sortBy' } }],
    },
    {
      name: 'orderBy as an array of objects',
      code: `export async function GET(req: Request) {
  const { searchParams } = new URL(req.url);
  const s = searchParams.get('s') ?? 'id';
  return Response.json(await prisma.post.findMany({ orderBy: [{ [s]: 'asc' }] }));
}`,
      errors: [{ messageId: 'unsortedColumn', data: { name: 's', key: 's' } }],
    },
    {
      name: 'a sort value checked only for presence',
      code: `export async function GET(req: Request) {
  const sort = new URL(req.url).searchParams.get('sort');
  if (!sort) return Response.json({ error: 'sort required' }, { status: 400 });
  return Response.json(await db.posts.findMany({ orderBy: { [sort]: 'desc' } }));
}`,
      errors: [{ messageId: 'unsortedColumn', data: { name: 'sort', key: 'sort' } }],
    },
  ],
});

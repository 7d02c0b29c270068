import rule from '../../../src/core/rules/unbounded-pagination';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'a limit clamped with Math.min and a NaN fallback (the fixture style)',
      code: `export async function GET(request: NextRequest) {
  const searchParams = request.nextUrl.searchParams;
  const limit = Math.min(100, Math.max(1, Number.parseInt(searchParams.get('limit') ?? '10', 10) || 10));
  return Response.json(await db.items.findMany({ take: limit }));
}`,
    },
    {
      name: 'a limit checked with an if before use',
      code: `export async function GET(req: Request) {
  const { searchParams } = new URL(req.url);
  let limit = Number(searchParams.get('limit')) || 20;
  if (limit > 100) limit = 100;
  return Response.json(await db.items.findMany({ take: limit }));
}`,
    },
    {
      name: 'a zod schema with a max',
      code: `export async function GET(req: Request) {
  const { searchParams } = new URL(req.url);
  const limit = z.coerce.number().int().min(1).max(100).catch(20).parse(searchParams.get('limit'));
  return Response.json(await db.items.findMany({ take: limit }));
}`,
    },
    {
      name: 'a page number with a NaN fallback (pages need no upper bound)',
      code: `export async function GET(req: Request) {
  const { searchParams } = new URL(req.url);
  const page = parseInt(searchParams.get('page') ?? '1', 10) || 1;
  return Response.json(await db.items.findMany({ skip: (page - 1) * 20, take: 20 }));
}`,
    },
    {
      name: 'a query value that is not used for paging',
      code: `export async function GET(req: Request) {
  const q = new URL(req.url).searchParams.get('q') ?? '';
  return Response.json(await search(q));
}`,
    },
    {
      name: 'a limit passed through a clamp helper',
      code: `export async function GET(req: Request) {
  const { searchParams } = new URL(req.url);
  const size = clampPageSize(searchParams.get('size'));
  return Response.json(await db.items.findMany({ take: size }));
}`,
    },
    {
      name: 'a limit read but only echoed back',
      code: `export async function GET(req: Request) {
  const limit = new URL(req.url).searchParams.get('limit');
  return Response.json({ limit });
}`,
    },
  ],
  invalid: [
    {
      name: "the seed's pagination: parseInt(...) || 10 has no upper bound",
      code: `export async function GET(request) {
  const { searchParams } = new URL(request.url)
  const page = parseInt(searchParams.get('page')) || 1
  const limit = parseInt(searchParams.get('limit')) || 10
  const posts = await db.posts.findMany({
    skip: (page - 1) * limit,
    take: limit,
  })
  return Response.json({ posts })
}`,
      filename: 'app/api/posts/route.js',
      errors: [
        {
          messageId: 'unbounded',
          line: 4,
          column: 26,
          data: { name: 'limit', key: 'limit', sink: 'take', upper: 'LIMIT' },
        },
      ],
    },
    {
      name: 'a pageSize from nextUrl used in .limit()',
      code: `export async function GET(request: NextRequest) {
  const pageSize = Number(request.nextUrl.searchParams.get('pageSize') ?? 20);
  return Response.json(await db.select().from(items).limit(pageSize));
}`,
      errors: [
        { messageId: 'unbounded', data: { name: 'pageSize', key: 'pageSize', sink: 'limit', upper: 'PAGESIZE' } },
      ],
    },
    {
      name: 'a limit interpolated into SQL',
      code: `export async function GET(req: Request) {
  const limit = new URL(req.url).searchParams.get('limit') ?? '50';
  return Response.json(await sql.unsafe(\`select * from posts limit \${limit}\`));
}`,
      errors: [{ messageId: 'unbounded', data: { name: 'limit', key: 'limit', sink: 'LIMIT', upper: 'LIMIT' } }],
    },
    {
      name: 'a Math.max lower bound only',
      code: `export async function GET(req: Request) {
  const { searchParams } = new URL(req.url);
  const take = Math.max(1, Number(searchParams.get('take')) || 10);
  return Response.json(await prisma.post.findMany({ take }));
}`,
      errors: [{ messageId: 'unbounded', data: { name: 'take', key: 'take', sink: 'take', upper: 'TAKE' } }],
    },
    {
      name: 'a parsed offset with no NaN handling',
      code: `export async function GET(req: Request) {
  const { searchParams } = new URL(req.url);
  const offset = parseInt(searchParams.get('offset') ?? '0', 10);
  return Response.json(await db.items.findMany({ skip: offset, take: 20 }));
}`,
      errors: [{ messageId: 'nanUnhandled', data: { name: 'offset', key: 'offset', sink: 'skip' } }],
    },
    {
      name: 'a searchParams variable kept from the URL',
      code: `export async function GET(req: Request) {
  const url = new URL(req.url);
  const params = url.searchParams;
  const perPage = Number.parseInt(params.get('perPage') || '25', 10) || 25;
  return Response.json(await repo.find({ first: perPage }));
}`,
      errors: [{ messageId: 'unbounded', data: { name: 'perPage', key: 'perPage', sink: 'first', upper: 'PERPAGE' } }],
    },
  ],
});

import rule from '../../../src/core/rules/unbounded-pagination';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'a limit clamped with Math.min and a NaN fallback (the fixture style)',
      code: `export async function GET(request: NextRequest) {\n  const searchParams = request.nextUrl.searchParams;\n  const limit = Math.min(100, Math.max(1, Number.parseInt(searchParams.get('limit') ?? '10', 10) || 10));\n  return Response.json(await db.items.findMany({ take: limit }));\n}`,
    },
    {
      name: 'a limit checked with an if before use',
      code: `export async function GET(req: Request) {\n  const { searchParams } = new URL(req.url);\n  let limit = Number(searchParams.get('limit')) || 20;\n  if (limit > 100) limit = 100;\n  return Response.json(await db.items.findMany({ take: limit }));\n}`,
    },
    {
      name: 'a zod schema with a max',
      code: `export async function GET(req: Request) {\n  const { searchParams } = new URL(req.url);\n  const limit = z.coerce.number().int().min(1).max(100).catch(20).parse(searchParams.get('limit'));\n  return Response.json(await db.items.findMany({ take: limit }));\n}`,
    },
    {
      name: 'a page number with a NaN fallback (pages need no upper bound)',
      code: `export async function GET(req: Request) {\n  const { searchParams } = new URL(req.url);\n  const page = parseInt(searchParams.get('page') ?? '1', 10) || 1;\n  return Response.json(await db.items.findMany({ skip: (page - 1) * 20, take: 20 }));\n}`,
    },
    {
      name: 'a query value that is not used for paging',
      code: `export async function GET(req: Request) {\n  const q = new URL(req.url).searchParams.get('q') ?? '';\n  return Response.json(await search(q));\n}`,
    },
    {
      name: 'a limit passed through a clamp helper',
      code: `export async function GET(req: Request) {\n  const { searchParams } = new URL(req.url);\n  const size = clampPageSize(searchParams.get('size'));\n  return Response.json(await db.items.findMany({ take: size }));\n}`,
    },
    {
      name: 'a limit read but only echoed back',
      code: `export async function GET(req: Request) {\n  const limit = new URL(req.url).searchParams.get('limit');\n  return Response.json({ limit });\n}`,
    },
  ],
  invalid: [
    {
      name: "the seed's pagination: parseInt(...) || 10 has no upper bound",
      code: `export async function GET(request) {\n  const { searchParams } = new URL(request.url)\n  const page = parseInt(searchParams.get('page')) || 1\n  const limit = parseInt(searchParams.get('limit')) || 10\n  const posts = await db.posts.findMany({\n    skip: (page - 1) * limit,\n    take: limit,\n  })\n  return Response.json({ posts })\n}`,
      filename: 'app/api/posts/route.js',
      errors: [{ messageId: 'unbounded', line: 4, column: 26, data: { name: 'limit', key: 'limit', sink: 'take' } }],
    },
    {
      name: 'a pageSize from nextUrl used in .limit()',
      code: `export async function GET(request: NextRequest) {\n  const pageSize = Number(request.nextUrl.searchParams.get('pageSize') ?? 20);\n  return Response.json(await db.select().from(items).limit(pageSize));\n}`,
      errors: [{ messageId: 'unbounded', data: { key: 'pageSize' } }],
    },
    {
      name: 'a limit interpolated into SQL',
      code: "export async function GET(req: Request) {\n  const limit = new URL(req.url).searchParams.get('limit') ?? '50';\n  return Response.json(await sql.unsafe(`select * from posts limit ${limit}`));\n}",
      errors: [{ messageId: 'unbounded', data: { sink: 'LIMIT' } }],
    },
    {
      name: 'a Math.max lower bound only',
      code: `export async function GET(req: Request) {\n  const { searchParams } = new URL(req.url);\n  const take = Math.max(1, Number(searchParams.get('take')) || 10);\n  return Response.json(await prisma.post.findMany({ take }));\n}`,
      errors: [{ messageId: 'unbounded', data: { name: 'take' } }],
    },
    {
      name: 'a parsed offset with no NaN handling',
      code: `export async function GET(req: Request) {\n  const { searchParams } = new URL(req.url);\n  const offset = parseInt(searchParams.get('offset') ?? '0', 10);\n  return Response.json(await db.items.findMany({ skip: offset, take: 20 }));\n}`,
      errors: [{ messageId: 'nanUnhandled', data: { name: 'offset' } }],
    },
    {
      name: 'a searchParams variable kept from the URL',
      code: `export async function GET(req: Request) {\n  const url = new URL(req.url);\n  const params = url.searchParams;\n  const perPage = Number.parseInt(params.get('perPage') || '25', 10) || 25;\n  return Response.json(await repo.find({ first: perPage }));\n}`,
      errors: [{ messageId: 'unbounded', data: { key: 'perPage' } }],
    },
  ],
});

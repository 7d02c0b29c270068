import rule from '../../../src/core/rules/await-params';
import { ruleTester } from '../support/ruleTester';

const ITEM = 'app/api/posts/[id]/route.ts';

ruleTester(rule, {
  valid: [
    { name: 'awaited params destructured in the body (Next 15 style)', filename: ITEM, code: `export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {\n  const { id } = await params;\n  return Response.json({ id });\n}` },
    { name: 'awaited context.params', filename: ITEM, code: `export async function GET(_req: Request, context: { params: Promise<{ id: string }> }) {\n  const { id } = await context.params;\n  return Response.json({ id });\n}` },
    { name: 'the RouteContext helper type', filename: ITEM, code: `export async function GET(_req: Request, ctx: RouteContext<'/api/posts/[id]'>) {\n  const { id } = await ctx.params;\n  return Response.json({ id });\n}` },
    { name: 'a local type alias with a Promise', filename: ITEM, code: `type Context = { params: Promise<{ id: string }> };\nexport async function DELETE(_req: Request, { params }: Context) {\n  const { id } = await params;\n  return new Response(null, { status: 204 });\n}` },
    { name: 'params passed whole to a helper that awaits it', filename: ITEM, code: `export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {\n  return Response.json(await loadPost(params));\n}` },
    { name: 'sync access on a Next 14 project (correct there)', filename: ITEM, nextMajor: 14, code: `export async function GET(_req: Request, { params }: { params: { id: string } }) {\n  return Response.json({ id: params.id });\n}` },
    { name: 'a handler without a second argument', code: `export async function GET() { return Response.json({}) }` },
    { name: 'params awaited inline', filename: ITEM, code: `export async function GET(_r: Request, { params }: { params: Promise<{ id: string }> }) {\n  return Response.json({ id: (await params).id });\n}` },
  ],
  invalid: [
    {
      name: "the seed's dynamic route: params.id read synchronously (JS) and rewrites it",
      filename: 'app/api/users/[id]/route.js',
      code: `export async function GET(request, { params }) {\n  const user = await db.users.findById(params.id)\n  return Response.json(user)\n}\n`,
      errors: [{ messageId: 'syncAccess', line: 2, column: 40 }],
      output: `export async function GET(request, { params }) {\n  const { id } = await params\n  const user = await db.users.findById(id)\n  return Response.json(user)\n}\n`,
    },
    {
      name: 'a plain-object params type and sync reads, typing it as a Promise',
      filename: ITEM,
      code: `export async function PUT(request: Request, { params }: { params: { id: string } }) {\n  const data = await request.json();\n  await db.posts.update(params.id, data);\n  return Response.json({ id: params.id });\n}\n`,
      errors: [{ messageId: 'plainType', line: 1, column: 67 }, { messageId: 'syncAccess', line: 3 }, { messageId: 'syncAccess', line: 4 }],
      output: `export async function PUT(request: Request, { params }: { params: Promise<{ id: string }> }) {\n  const { id } = await params;\n  const data = await request.json();\n  await db.posts.update(id, data);\n  return Response.json({ id: id });\n}\n`,
    },
    {
      name: 'params destructured in the signature',
      filename: 'app/api/teams/[team]/members/[member]/route.ts',
      code: `export async function GET(_req: Request, { params: { team, member } }: { params: { team: string; member: string } }) {\n  return Response.json({ team, member });\n}\n`,
      errors: [{ messageId: 'destructuredInSignature', line: 1, column: 44 }, { messageId: 'plainType' }],
      output: `export async function GET(_req: Request, { params }: { params: Promise<{ team: string; member: string }> }) {\n  const { team, member } = await params;\n  return Response.json({ team, member });\n}\n`,
    },
    {
      name: 'context.params.slug in a catch-all route, making the handler async',
      filename: 'app/api/files/[...slug]/route.ts',
      code: `export function GET(_req: Request, context: { params: { slug: string[] } }) {\n  return Response.json({ path: context.params.slug.join('/') });\n}\n`,
      errors: [{ messageId: 'plainType', line: 1 }, { messageId: 'syncAccess', line: 2 }],
      output: `export async function GET(_req: Request, context: { params: Promise<{ slug: string[] }> }) {\n  const { slug } = await context.params;\n  return Response.json({ path: slug.join('/') });\n}\n`,
    },
    {
      name: 'a type alias with plain params, editing the alias',
      filename: ITEM,
      code: `type Ctx = { params: { id: string } };\n\nexport async function DELETE(_req: Request, { params }: Ctx) {\n  await db.posts.delete(params.id);\n  return new Response(null, { status: 204 });\n}\n`,
      errors: [{ messageId: 'plainType', line: 1 }, { messageId: 'syncAccess', line: 4 }],
      output: `type Ctx = { params: Promise<{ id: string }> };\n\nexport async function DELETE(_req: Request, { params }: Ctx) {\n  const { id } = await params;\n  await db.posts.delete(id);\n  return new Response(null, { status: 204 });\n}\n`,
    },
    {
      name: 'params destructured in the body without await, and spread',
      filename: ITEM,
      code: `export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {\n  const { id } = params;\n  return Response.json({ ...params, id });\n}\n`,
      errors: [{ messageId: 'syncAccess', line: 2 }, { messageId: 'syncAccess', line: 3 }],
      output: `export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {\n  const { id } = await params;\n  return Response.json({ ...await params, id });\n}\n`,
    },
    {
      name: 'an untyped context in a TS arrow handler, adding the type',
      filename: 'app/api/docs/[[...slug]]/route.ts',
      code: `export const GET = async (_req: Request, { params }) => {\n  return Response.json({ slug: params.slug ?? [] });\n};\n`,
      errors: [{ messageId: 'syncAccess', line: 2 }],
      output: `export const GET = async (_req: Request, { params }: { params: Promise<{ slug?: string[] }> }) => {\n  const { slug } = await params;\n  return Response.json({ slug: slug ?? [] });\n};\n`,
    },
    {
      name: 'a read that would shadow a local variable (reported, no automatic fix)',
      filename: ITEM,
      code: `export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {\n  const id = 'x';\n  return Response.json({ a: params.id, id });\n}\n`,
      errors: [{ messageId: 'syncAccess', line: 3 }],
      output: null,
    },
  ],
});

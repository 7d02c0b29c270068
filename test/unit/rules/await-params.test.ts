import rule from '../../../src/core/rules/await-params';
import { ruleTester } from '../support/ruleTester';

const ITEM = 'app/api/posts/[id]/route.ts';

ruleTester(rule, {
  valid: [
    {
      name: 'awaited params destructured in the body (Next 15 style)',
      filename: ITEM,
      code: `export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {\n  const { id } = await params;\n  return Response.json({ id });\n}`,
    },
    {
      name: 'awaited context.params',
      filename: ITEM,
      code: `export async function GET(_req: Request, context: { params: Promise<{ id: string }> }) {\n  const { id } = await context.params;\n  return Response.json({ id });\n}`,
    },
    {
      name: 'the RouteContext helper type',
      filename: ITEM,
      code: `export async function GET(_req: Request, ctx: RouteContext<'/api/posts/[id]'>) {\n  const { id } = await ctx.params;\n  return Response.json({ id });\n}`,
    },
    {
      name: 'a local type alias with a Promise',
      filename: ITEM,
      code: `type Context = { params: Promise<{ id: string }> };\nexport async function DELETE(_req: Request, { params }: Context) {\n  const { id } = await params;\n  return new Response(null, { status: 204 });\n}`,
    },
    {
      name: 'a params type alias that is itself a Promise',
      filename: ITEM,
      code: `type Params = Promise<{ id: string }>;\nexport async function GET(_req: Request, { params }: { params: Params }) {\n  const { id } = await params;\n  return Response.json({ id });\n}`,
    },
    {
      name: 'params passed whole to a helper that awaits it',
      filename: ITEM,
      code: `export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {\n  return Response.json(await loadPost(params));\n}`,
    },
    {
      name: 'params awaited inline, and .then()',
      filename: ITEM,
      code: `export async function GET(_r: Request, { params }: { params: Promise<{ id: string }> }) {\n  const slug = params.then((p) => p.id);\n  return Response.json({ id: (await params).id, slug: await slug });\n}`,
    },
    {
      name: 'sync access and a plain type on a Next 14 project (correct there)',
      filename: ITEM,
      nextMajor: 14,
      code: `export async function GET(_req: Request, { params }: { params: { id: string } }) {\n  return Response.json({ id: params.id });\n}\nexport async function DELETE(_req: Request, { params: { id } }: { params: { id: string } }) {\n  await db.posts.delete(id);\n  return new Response(null, { status: 204 });\n}`,
    },
    { name: 'a handler without a second argument', code: `export async function GET() { return Response.json({}) }` },
    {
      name: 'an imported context type with awaited params',
      filename: ITEM,
      code: `import type { Props } from './types';\nexport async function GET(_req: Request, { params }: Props) {\n  const { id } = await params;\n  return Response.json({ id });\n}`,
    },
    {
      name: 'a wrapped handler whose wrapper may hand over resolved params',
      filename: ITEM,
      code: `export const GET = withAuth(async (req, { params }) => {\n  return Response.json({ id: params.id });\n});`,
    },
    {
      name: 'a helper (not a handler) taking a plain params object',
      filename: ITEM,
      code: `function toKey(params: { id: string }) {\n  return \`post:\${params.id}\`;\n}\nexport async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {\n  return Response.json({ key: toKey(await params) });\n}`,
    },
    {
      name: 'a snippet-style handler: awaited params, zod-validated body, try/catch',
      filename: ITEM,
      code: `import { NextResponse, type NextRequest } from 'next/server';\nimport { z } from 'zod';\n\nconst UpdatePost = z.object({ title: z.string().min(1) });\n\nexport async function PATCH(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {\n  const { id } = await params;\n  const parsed = UpdatePost.safeParse(await request.json().catch(() => null));\n  if (!parsed.success) {\n    return NextResponse.json({ error: 'Invalid body' }, { status: 400 });\n  }\n  try {\n    const post = await db.posts.update(id, parsed.data);\n    return NextResponse.json(post);\n  } catch {\n    return NextResponse.json({ error: 'Failed to update post' }, { status: 500 });\n  }\n}\n`,
    },
    {
      name: 'awaited params in a JS handler',
      filename: 'app/api/users/[id]/route.js',
      code: `export async function GET(request, { params }) {\n  const { id } = await params\n  return Response.json(await db.users.findById(id))\n}`,
    },
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
      name: "the seed's CRUD item route: three handlers, reads inside try blocks",
      filename: 'app/api/posts/[id]/route.js',
      code: `export async function GET(request, { params }) {\n  try {\n    const post = await db.posts.findById(params.id)\n    return Response.json(post)\n  } catch (error) {\n    return Response.json({ error: 'Failed to fetch post' }, { status: 500 })\n  }\n}\n\nexport async function PUT(request, { params }) {\n  try {\n    const data = await request.json()\n    const post = await db.posts.update(params.id, data)\n    return Response.json(post)\n  } catch (error) {\n    return Response.json({ error: 'Failed to update post' }, { status: 500 })\n  }\n}\n\nexport async function DELETE(request, { params }) {\n  await db.posts.delete(params.id)\n  return new Response(null, { status: 204 })\n}\n`,
      errors: [
        { messageId: 'syncAccess', line: 3 },
        { messageId: 'syncAccess', line: 13 },
        { messageId: 'syncAccess', line: 21 },
      ],
      output: `export async function GET(request, { params }) {\n  const { id } = await params\n  try {\n    const post = await db.posts.findById(id)\n    return Response.json(post)\n  } catch (error) {\n    return Response.json({ error: 'Failed to fetch post' }, { status: 500 })\n  }\n}\n\nexport async function PUT(request, { params }) {\n  const { id } = await params\n  try {\n    const data = await request.json()\n    const post = await db.posts.update(id, data)\n    return Response.json(post)\n  } catch (error) {\n    return Response.json({ error: 'Failed to update post' }, { status: 500 })\n  }\n}\n\nexport async function DELETE(request, { params }) {\n  const { id } = await params\n  await db.posts.delete(id)\n  return new Response(null, { status: 204 })\n}\n`,
    },
    {
      name: 'a plain-object params type and sync reads, typing it as a Promise',
      filename: ITEM,
      code: `export async function PUT(request: Request, { params }: { params: { id: string } }) {\n  const data = await request.json();\n  await db.posts.update(params.id, data);\n  return Response.json({ id: params.id });\n}\n`,
      errors: [
        { messageId: 'plainType', line: 1, column: 67 },
        { messageId: 'syncAccess', line: 3 },
        { messageId: 'syncAccess', line: 4 },
      ],
      output: `export async function PUT(request: Request, { params }: { params: Promise<{ id: string }> }) {\n  const { id } = await params;\n  const data = await request.json();\n  await db.posts.update(id, data);\n  return Response.json({ id });\n}\n`,
    },
    {
      name: 'a plain type on a handler that already awaits (type only)',
      filename: ITEM,
      code: `export async function GET(_req: Request, { params }: { params: { id: string } }) {\n  const { id } = await params;\n  return Response.json({ id });\n}\n`,
      errors: [{ messageId: 'plainType', line: 1 }],
      output: `export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {\n  const { id } = await params;\n  return Response.json({ id });\n}\n`,
    },
    {
      name: 'params destructured in the signature',
      filename: 'app/api/teams/[team]/members/[member]/route.ts',
      code: `export async function GET(_req: Request, { params: { team, member } }: { params: { team: string; member: string } }) {\n  return Response.json({ team, member });\n}\n`,
      errors: [{ messageId: 'destructuredInSignature', line: 1, column: 44 }, { messageId: 'plainType' }],
      output: `export async function GET(_req: Request, { params }: { params: Promise<{ team: string; member: string }> }) {\n  const { team, member } = await params;\n  return Response.json({ team, member });\n}\n`,
    },
    {
      name: 'a renamed param destructured in a JS signature, keeping the rename',
      filename: ITEM.replace('.ts', '.js'),
      code: `export async function DELETE(request, { params: { id: postId } }) {\n  await db.posts.delete(postId)\n  return new Response(null, { status: 204 })\n}\n`,
      errors: [{ messageId: 'destructuredInSignature', line: 1 }],
      output: `export async function DELETE(request, { params }) {\n  const { id: postId } = await params\n  await db.posts.delete(postId)\n  return new Response(null, { status: 204 })\n}\n`,
    },
    {
      name: 'context.params.slug in a catch-all route, making the handler async',
      filename: 'app/api/files/[...slug]/route.ts',
      code: `export function GET(_req: Request, context: { params: { slug: string[] } }) {\n  return Response.json({ path: context.params.slug.join('/') });\n}\n`,
      errors: [
        { messageId: 'plainType', line: 1 },
        { messageId: 'syncAccess', line: 2 },
      ],
      output: `export async function GET(_req: Request, context: { params: Promise<{ slug: string[] }> }) {\n  const { slug } = await context.params;\n  return Response.json({ path: slug.join('/') });\n}\n`,
    },
    {
      name: 'a type alias shared by two handlers: the alias and both handlers are fixed together',
      filename: ITEM,
      code: `type Ctx = { params: { id: string } };\n\nexport async function GET(_req: Request, { params }: Ctx) {\n  return Response.json(await db.posts.find(params.id));\n}\n\nexport async function DELETE(_req: Request, { params }: Ctx) {\n  await db.posts.delete(params.id);\n  return new Response(null, { status: 204 });\n}\n`,
      errors: [
        { messageId: 'plainType', line: 1 },
        { messageId: 'syncAccess', line: 4 },
        { messageId: 'syncAccess', line: 8 },
      ],
      output: `type Ctx = { params: Promise<{ id: string }> };\n\nexport async function GET(_req: Request, { params }: Ctx) {\n  const { id } = await params;\n  return Response.json(await db.posts.find(id));\n}\n\nexport async function DELETE(_req: Request, { params }: Ctx) {\n  const { id } = await params;\n  await db.posts.delete(id);\n  return new Response(null, { status: 204 });\n}\n`,
    },
    {
      name: 'params destructured in the body without await, and spread',
      filename: ITEM,
      code: `export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {\n  const { id } = params;\n  return Response.json({ ...params, id });\n}\n`,
      errors: [
        { messageId: 'syncAccess', line: 2 },
        { messageId: 'syncAccess', line: 3 },
      ],
      output: `export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {\n  const { id } = await params;\n  return Response.json({ ...await params, id });\n}\n`,
    },
    {
      name: 'params enumerated with Object.keys and serialized with Response.json',
      filename: ITEM,
      code: `export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {\n  console.log(Object.keys(params));\n  return Response.json(params);\n}\n`,
      errors: [
        { messageId: 'syncAccess', line: 2 },
        { messageId: 'syncAccess', line: 3 },
      ],
      output: `export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {\n  console.log(Object.keys(await params));\n  return Response.json(await params);\n}\n`,
    },
    {
      name: 'an untyped context in a TS arrow handler, adding the type',
      filename: 'app/api/docs/[[...slug]]/route.ts',
      code: `export const GET = async (_req: Request, { params }) => {\n  return Response.json({ slug: params.slug ?? [] });\n};\n`,
      errors: [{ messageId: 'syncAccess', line: 2 }],
      output: `export const GET = async (_req: Request, { params }: { params: Promise<{ slug?: string[] }> }) => {\n  const { slug } = await params;\n  return Response.json({ slug: slug ?? [] });\n};\n`,
    },
    {
      name: 'an expression-bodied arrow, giving it a block body',
      filename: ITEM.replace('.ts', '.js'),
      code: `export const GET = (req, { params }) => Response.json({ id: params.id });\n`,
      errors: [{ messageId: 'syncAccess', line: 1 }],
      output: `export const GET = async (req, { params }) => {\n  const { id } = await params;\n  return Response.json({ id });\n};\n`,
    },
    {
      name: 'params taken from the context in the body, keeping comments in place',
      filename: ITEM,
      code: `export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {\n  // who is asking\n  const user = await auth(request);\n  const { params } = context;\n  return Response.json(await db.posts.find(params.id, user));\n}\n`,
      errors: [{ messageId: 'syncAccess', line: 5 }],
      output: `export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {\n  // who is asking\n  const user = await auth(request);\n  const { params } = context;\n  const { id } = await params;\n  return Response.json(await db.posts.find(id, user));\n}\n`,
    },
    {
      name: 'a wrapped handler whose own type says params is a Promise',
      filename: ITEM,
      code: `export const GET = withAuth(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {\n  return Response.json({ id: params.id });\n});\n`,
      errors: [{ messageId: 'syncAccess', line: 2 }],
      output: `export const GET = withAuth(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {\n  const { id } = await params;\n  return Response.json({ id });\n});\n`,
    },
    {
      name: 'a read that would shadow a local variable (reported, no automatic fix)',
      filename: ITEM,
      code: `export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {\n  const id = 'x';\n  return Response.json({ a: params.id, id });\n}\n`,
      errors: [{ messageId: 'syncAccess', line: 3 }],
      output: null,
    },
    {
      name: 'a read that would hide an imported name (no automatic fix)',
      filename: ITEM,
      code: `import { id as makeId, slug } from './ids';\nexport async function GET(_req: Request, { params }: { params: Promise<{ slug: string }> }) {\n  return Response.json({ a: params.slug, b: slug(makeId()) });\n}\n`,
      errors: [{ messageId: 'syncAccess', line: 3 }],
      output: null,
    },
  ],
});

import rule from '../../../src/core/rules/await-params';
import { ruleTester } from '../support/ruleTester';

const ITEM = 'app/api/posts/[id]/route.ts';

ruleTester(rule, {
  valid: [
    {
      name: 'awaited params destructured in the body (Next 15 style)',
      filename: ITEM,
      code: `export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return Response.json({ id });
}`,
    },
    {
      name: 'awaited context.params',
      filename: ITEM,
      code: `export async function GET(_req: Request, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  return Response.json({ id });
}`,
    },
    {
      name: 'the RouteContext helper type',
      filename: ITEM,
      code: `export async function GET(_req: Request, ctx: RouteContext<'/api/posts/[id]'>) {
  const { id } = await ctx.params;
  return Response.json({ id });
}`,
    },
    {
      name: 'a local type alias with a Promise',
      filename: ITEM,
      code: `type Context = { params: Promise<{ id: string }> };
export async function DELETE(_req: Request, { params }: Context) {
  const { id } = await params;
  return new Response(null, { status: 204 });
}`,
    },
    {
      name: 'a params type alias that is itself a Promise',
      filename: ITEM,
      code: `type Params = Promise<{ id: string }>;
export async function GET(_req: Request, { params }: { params: Params }) {
  const { id } = await params;
  return Response.json({ id });
}`,
    },
    {
      name: 'params passed whole to a helper that awaits it',
      filename: ITEM,
      code: `export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  return Response.json(await loadPost(params));
}`,
    },
    {
      name: 'params awaited inline, and .then()',
      filename: ITEM,
      code: `export async function GET(_r: Request, { params }: { params: Promise<{ id: string }> }) {
  const slug = params.then((p) => p.id);
  return Response.json({ id: (await params).id, slug: await slug });
}`,
    },
    {
      name: 'sync access and a plain type on a Next 14 project (correct there)',
      filename: ITEM,
      nextMajor: 14,
      code: `export async function GET(_req: Request, { params }: { params: { id: string } }) {
  return Response.json({ id: params.id });
}
export async function DELETE(_req: Request, { params: { id } }: { params: { id: string } }) {
  await db.posts.delete(id);
  return new Response(null, { status: 204 });
}`,
    },
    { name: 'a handler without a second argument', code: `export async function GET() { return Response.json({}) }` },
    {
      name: 'an imported context type with awaited params',
      filename: ITEM,
      code: `import type { Props } from './types';
export async function GET(_req: Request, { params }: Props) {
  const { id } = await params;
  return Response.json({ id });
}`,
    },
    {
      name: 'a wrapped handler whose wrapper may hand over resolved params',
      filename: ITEM,
      code: `export const GET = withAuth(async (req, { params }) => {
  return Response.json({ id: params.id });
});`,
    },
    {
      name: 'a helper (not a handler) taking a plain params object',
      filename: ITEM,
      code: `function toKey(params: { id: string }) {
  return \`post:\${params.id}\`;
}
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  return Response.json({ key: toKey(await params) });
}`,
    },
    {
      name: 'a snippet-style handler: awaited params, zod-validated body, try/catch',
      filename: ITEM,
      code: `import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';

const UpdatePost = z.object({ title: z.string().min(1) });

export async function PATCH(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const parsed = UpdatePost.safeParse(await request.json().catch(() => null));
  if (!parsed.success) {
    return NextResponse.json({ error: 'Invalid body' }, { status: 400 });
  }
  try {
    const post = await db.posts.update(id, parsed.data);
    return NextResponse.json(post);
  } catch {
    return NextResponse.json({ error: 'Failed to update post' }, { status: 500 });
  }
}
`,
    },
    {
      name: 'awaited params in a JS handler',
      filename: 'app/api/users/[id]/route.js',
      code: `export async function GET(request, { params }) {
  const { id } = await params
  return Response.json(await db.users.findById(id))
}`,
    },
  ],
  invalid: [
    {
      name: "the seed's dynamic route: params.id read synchronously (JS) and rewrites it",
      filename: 'app/api/users/[id]/route.js',
      code: `export async function GET(request, { params }) {
  const user = await db.users.findById(params.id)
  return Response.json(user)
}
`,
      errors: [
        { messageId: 'syncAccess', line: 2, column: 40, data: { expr: 'params.id', names: 'id', access: 'params' } },
      ],
      output: `export async function GET(request, { params }) {
  const { id } = await params
  const user = await db.users.findById(id)
  return Response.json(user)
}
`,
    },
    {
      name: "the seed's CRUD item route: three handlers, reads inside try blocks",
      filename: 'app/api/posts/[id]/route.js',
      code: `export async function GET(request, { params }) {
  try {
    const post = await db.posts.findById(params.id)
    return Response.json(post)
  } catch (error) {
    return Response.json({ error: 'Failed to fetch post' }, { status: 500 })
  }
}

export async function PUT(request, { params }) {
  try {
    const data = await request.json()
    const post = await db.posts.update(params.id, data)
    return Response.json(post)
  } catch (error) {
    return Response.json({ error: 'Failed to update post' }, { status: 500 })
  }
}

export async function DELETE(request, { params }) {
  await db.posts.delete(params.id)
  return new Response(null, { status: 204 })
}
`,
      errors: [
        { messageId: 'syncAccess', line: 3, data: { expr: 'params.id', names: 'id', access: 'params' } },
        { messageId: 'syncAccess', line: 13, data: { expr: 'params.id', names: 'id', access: 'params' } },
        { messageId: 'syncAccess', line: 21, data: { expr: 'params.id', names: 'id', access: 'params' } },
      ],
      output: `export async function GET(request, { params }) {
  const { id } = await params
  try {
    const post = await db.posts.findById(id)
    return Response.json(post)
  } catch (error) {
    return Response.json({ error: 'Failed to fetch post' }, { status: 500 })
  }
}

export async function PUT(request, { params }) {
  const { id } = await params
  try {
    const data = await request.json()
    const post = await db.posts.update(id, data)
    return Response.json(post)
  } catch (error) {
    return Response.json({ error: 'Failed to update post' }, { status: 500 })
  }
}

export async function DELETE(request, { params }) {
  const { id } = await params
  await db.posts.delete(id)
  return new Response(null, { status: 204 })
}
`,
    },
    {
      name: 'a plain-object params type and sync reads, typing it as a Promise',
      filename: ITEM,
      code: `export async function PUT(request: Request, { params }: { params: { id: string } }) {
  const data = await request.json();
  await db.posts.update(params.id, data);
  return Response.json({ id: params.id });
}
`,
      errors: [
        { messageId: 'plainType', line: 1, column: 67, data: { names: 'id: string' } },
        { messageId: 'syncAccess', line: 3, data: { expr: 'params.id', names: 'id', access: 'params' } },
        { messageId: 'syncAccess', line: 4, data: { expr: 'params.id', names: 'id', access: 'params' } },
      ],
      output: `export async function PUT(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const data = await request.json();
  await db.posts.update(id, data);
  return Response.json({ id });
}
`,
    },
    {
      name: 'a plain type on a handler that already awaits (type only)',
      filename: ITEM,
      code: `export async function GET(_req: Request, { params }: { params: { id: string } }) {
  const { id } = await params;
  return Response.json({ id });
}
`,
      errors: [{ messageId: 'plainType', line: 1, data: { names: 'id: string' } }],
      output: `export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return Response.json({ id });
}
`,
    },
    {
      name: 'params destructured in the signature',
      filename: 'app/api/teams/[team]/members/[member]/route.ts',
      code: `export async function GET(_req: Request, { params: { team, member } }: { params: { team: string; member: string } }) {
  return Response.json({ team, member });
}
`,
      errors: [
        { messageId: 'destructuredInSignature', line: 1, column: 44 },
        { messageId: 'plainType', data: { names: 'team: string; member: string' } },
      ],
      output: `export async function GET(_req: Request, { params }: { params: Promise<{ team: string; member: string }> }) {
  const { team, member } = await params;
  return Response.json({ team, member });
}
`,
    },
    {
      name: 'a renamed param destructured in a JS signature, keeping the rename',
      filename: ITEM.replace('.ts', '.js'),
      code: `export async function DELETE(request, { params: { id: postId } }) {
  await db.posts.delete(postId)
  return new Response(null, { status: 204 })
}
`,
      errors: [{ messageId: 'destructuredInSignature', line: 1 }],
      output: `export async function DELETE(request, { params }) {
  const { id: postId } = await params
  await db.posts.delete(postId)
  return new Response(null, { status: 204 })
}
`,
    },
    {
      name: 'context.params.slug in a catch-all route, making the handler async',
      filename: 'app/api/files/[...slug]/route.ts',
      code: `export function GET(_req: Request, context: { params: { slug: string[] } }) {
  return Response.json({ path: context.params.slug.join('/') });
}
`,
      errors: [
        { messageId: 'plainType', line: 1, data: { names: 'slug: string[]' } },
        {
          messageId: 'syncAccess',
          line: 2,
          data: { expr: 'context.params.slug', names: 'slug', access: 'context.params' },
        },
      ],
      output: `export async function GET(_req: Request, context: { params: Promise<{ slug: string[] }> }) {
  const { slug } = await context.params;
  return Response.json({ path: slug.join('/') });
}
`,
    },
    {
      name: 'a type alias shared by two handlers: the alias and both handlers are fixed together',
      filename: ITEM,
      code: `type Ctx = { params: { id: string } };

export async function GET(_req: Request, { params }: Ctx) {
  return Response.json(await db.posts.find(params.id));
}

export async function DELETE(_req: Request, { params }: Ctx) {
  await db.posts.delete(params.id);
  return new Response(null, { status: 204 });
}
`,
      errors: [
        { messageId: 'plainType', line: 1, data: { names: 'id: string' } },
        { messageId: 'syncAccess', line: 4, data: { expr: 'params.id', names: 'id', access: 'params' } },
        { messageId: 'syncAccess', line: 8, data: { expr: 'params.id', names: 'id', access: 'params' } },
      ],
      output: `type Ctx = { params: Promise<{ id: string }> };

export async function GET(_req: Request, { params }: Ctx) {
  const { id } = await params;
  return Response.json(await db.posts.find(id));
}

export async function DELETE(_req: Request, { params }: Ctx) {
  const { id } = await params;
  await db.posts.delete(id);
  return new Response(null, { status: 204 });
}
`,
    },
    {
      name: 'params destructured in the body without await, and spread',
      filename: ITEM,
      code: `export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = params;
  return Response.json({ ...params, id });
}
`,
      errors: [
        { messageId: 'syncAccess', line: 2, data: { expr: 'params', names: 'id', access: 'params' } },
        { messageId: 'syncAccess', line: 3, data: { expr: 'params', names: 'id', access: 'params' } },
      ],
      output: `export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return Response.json({ ...await params, id });
}
`,
    },
    {
      name: 'params enumerated with Object.keys and serialized with Response.json',
      filename: ITEM,
      code: `export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  console.log(Object.keys(params));
  return Response.json(params);
}
`,
      errors: [
        { messageId: 'syncAccess', line: 2, data: { expr: 'params', names: 'id', access: 'params' } },
        { messageId: 'syncAccess', line: 3, data: { expr: 'params', names: 'id', access: 'params' } },
      ],
      output: `export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  console.log(Object.keys(await params));
  return Response.json(await params);
}
`,
    },
    {
      name: 'an untyped context in a TS arrow handler, adding the type',
      filename: 'app/api/docs/[[...slug]]/route.ts',
      code: `export const GET = async (_req: Request, { params }) => {
  return Response.json({ slug: params.slug ?? [] });
};
`,
      errors: [{ messageId: 'syncAccess', line: 2, data: { expr: 'params.slug', names: 'slug', access: 'params' } }],
      output: `export const GET = async (_req: Request, { params }: { params: Promise<{ slug?: string[] }> }) => {
  const { slug } = await params;
  return Response.json({ slug: slug ?? [] });
};
`,
    },
    {
      name: 'an expression-bodied arrow, giving it a block body',
      filename: ITEM.replace('.ts', '.js'),
      code: `export const GET = (req, { params }) => Response.json({ id: params.id });
`,
      errors: [{ messageId: 'syncAccess', line: 1, data: { expr: 'params.id', names: 'id', access: 'params' } }],
      output: `export const GET = async (req, { params }) => {
  const { id } = await params;
  return Response.json({ id });
};
`,
    },
    {
      name: 'params taken from the context in the body, keeping comments in place',
      filename: ITEM,
      code: `export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  // who is asking
  const user = await auth(request);
  const { params } = context;
  return Response.json(await db.posts.find(params.id, user));
}
`,
      errors: [{ messageId: 'syncAccess', line: 5, data: { expr: 'params.id', names: 'id', access: 'params' } }],
      output: `export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  // who is asking
  const user = await auth(request);
  const { params } = context;
  const { id } = await params;
  return Response.json(await db.posts.find(id, user));
}
`,
    },
    {
      name: 'a wrapped handler whose own type says params is a Promise',
      filename: ITEM,
      code: `export const GET = withAuth(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  return Response.json({ id: params.id });
});
`,
      errors: [{ messageId: 'syncAccess', line: 2, data: { expr: 'params.id', names: 'id', access: 'params' } }],
      output: `export const GET = withAuth(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  return Response.json({ id });
});
`,
    },
    {
      name: 'a read that would shadow a local variable (reported, no automatic fix)',
      filename: ITEM,
      code: `export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = 'x';
  return Response.json({ a: params.id, id });
}
`,
      errors: [{ messageId: 'syncAccess', line: 3, data: { expr: 'params.id', names: 'id', access: 'params' } }],
      output: null,
    },
    {
      name: 'a read that would hide an imported name (no automatic fix)',
      filename: ITEM,
      code: `import { id as makeId, slug } from './ids';
export async function GET(_req: Request, { params }: { params: Promise<{ slug: string }> }) {
  return Response.json({ a: params.slug, b: slug(makeId()) });
}
`,
      errors: [{ messageId: 'syncAccess', line: 3, data: { expr: 'params.slug', names: 'slug', access: 'params' } }],
      output: null,
    },
  ],
});

import rule from '../../../src/core/rules/require-try-catch';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'I/O inside try/catch',
      code: `export async function GET() {
  try {
    const posts = await db.posts.findMany();
    return Response.json(posts);
  } catch (error) {
    console.error(error);
    return Response.json({ error: 'Failed to load' }, { status: 500 });
  }
}`,
    },
    {
      name: 'only awaiting params, cookies() and headers()',
      code: `import { cookies, headers } from 'next/headers';
export async function GET(_r: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const store = await cookies();
  const h = await headers();
  return Response.json({ id, theme: store.get('theme')?.value, ua: h.get('user-agent') });
}`,
    },
    {
      name: 'a handler that delegates without awaiting',
      code: `import { handle } from '@/lib/service';
export async function POST(req: Request) { return handle(req) }`,
    },
    {
      name: 'a wrapped handler whose wrapper owns error handling',
      code: `export const GET = withErrorHandler(async () => {
  const data = await db.things.findMany();
  return Response.json(data);
});`,
    },
    {
      name: 'awaiting a local function that has its own try/catch',
      code: `async function loadPosts() {
  try { return await db.posts.findMany() } catch { return [] }
}
export async function GET() { return Response.json(await loadPosts()) }`,
    },
    { name: 'a synchronous handler', code: `export function GET() { return Response.json({ ok: true }) }` },
    {
      name: 'only the body read (unguarded-json-parse covers it)',
      code: `export async function POST(req: Request) {
  const body = await req.json().catch(() => null);
  return Response.json({ body });
}`,
    },
    {
      name: 'nested try/finally inside try/catch',
      code: `export async function GET() {
  try {
    try { await lock() } finally { release() }
    return new Response(null, { status: 204 });
  } catch {
    return Response.json({ error: 'busy' }, { status: 503 });
  }
}`,
    },
  ],
  invalid: [
    {
      name: "the seed's first GET: a database read with no try/catch, and wraps it",
      code: `export async function GET(request) {
  const posts = await db.posts.findAll()
  return Response.json(posts)
}
`,
      filename: 'app/api/posts/route.js',
      errors: [{ messageId: 'unguardedAwait', line: 2, column: 17, data: { expr: 'db.posts.findAll()' } }],
      output: `export async function GET(request) {
  try {
    const posts = await db.posts.findAll()
    return Response.json(posts)
  } catch (error) {
    console.error(error)
    return Response.json({ error: 'Internal Server Error' }, { status: 500 })
  }
}
`,
    },
    {
      name: 'a fetch to an upstream API in a TS handler with semicolons',
      code: `export async function GET() {
  const res = await fetch('https://api.example.com/items');
  return Response.json(await res.json());
}
`,
      errors: [{ messageId: 'unguardedAwait', line: 2, data: { expr: 'fetch(…)' } }],
      output: `export async function GET() {
  try {
    const res = await fetch('https://api.example.com/items');
    return Response.json(await res.json());
  } catch (error) {
    console.error(error);
    return Response.json({ error: 'Internal Server Error' }, { status: 500 });
  }
}
`,
    },
    {
      name: 'a handler that can call notFound(), adding unstable_rethrow',
      code: `import { notFound } from 'next/navigation';

export async function GET() {
  const post = await db.posts.find(1);
  if (!post) notFound();
  return Response.json(post);
}
`,
      errors: [{ messageId: 'unguardedAwait', line: 4, data: { expr: 'db.posts.find(…)' } }],
      output: `import { notFound, unstable_rethrow } from 'next/navigation';

export async function GET() {
  try {
    const post = await db.posts.find(1);
    if (!post) notFound();
    return Response.json(post);
  } catch (error) {
    unstable_rethrow(error);
    console.error(error);
    return Response.json({ error: 'Internal Server Error' }, { status: 500 });
  }
}
`,
    },
    {
      name: 'an await after a try block that only covers part of the handler',
      code: `export async function POST(req: Request) {
  let data;
  try { data = await req.json() } catch { return Response.json({ error: 'bad' }, { status: 400 }) }
  await db.items.create({ data });
  return new Response(null, { status: 201 });
}`,
      errors: [{ messageId: 'unguardedAwait', line: 4, data: { expr: 'db.items.create(…)' } }],
      output: `export async function POST(req: Request) {
  try {
    let data;
    try { data = await req.json() } catch { return Response.json({ error: 'bad' }, { status: 400 }) }
    await db.items.create({ data });
    return new Response(null, { status: 201 });
  } catch (error) {
    console.error(error);
    return Response.json({ error: 'Internal Server Error' }, { status: 500 });
  }
}`,
    },
    {
      name: 'a try/finally without catch',
      code: `export async function DELETE() {
  try {
    await db.items.delete(1);
  } finally {
    log();
  }
  return new Response(null, { status: 204 });
}`,
      errors: [{ messageId: 'unguardedAwait', line: 3, data: { expr: 'db.items.delete(…)' } }],
      output: `export async function DELETE() {
  try {
    try {
      await db.items.delete(1);
    } finally {
      log();
    }
    return new Response(null, { status: 204 });
  } catch (error) {
    console.error(error);
    return Response.json({ error: 'Internal Server Error' }, { status: 500 });
  }
}`,
    },
    {
      name: 'an arrow-function handler with 4-space indentation',
      code: `export const GET = async () => {
    const rows = await sql\`select 1\`;
    return Response.json(rows);
};
`,
      errors: [{ messageId: 'unguardedAwait', line: 2, data: { expr: 'sql`select 1`' } }],
      output: `export const GET = async () => {
    try {
        const rows = await sql\`select 1\`;
        return Response.json(rows);
    } catch (error) {
        console.error(error);
        return Response.json({ error: 'Internal Server Error' }, { status: 500 });
    }
};
`,
    },
    {
      name: 'a body containing a multi-line template literal (no automatic fix)',
      code: `export async function GET() {
  const rows = await db.query(\`
    select * from posts
  \`);
  return Response.json(rows);
}`,
      errors: [{ messageId: 'unguardedAwait', line: 2, data: { expr: 'db.query(…)' } }],
      output: null,
    },
  ],
});

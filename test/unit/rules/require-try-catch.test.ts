import rule from '../../../src/core/rules/require-try-catch';
import { ruleTester } from '../support/ruleTester';

const BARE = "Next.js's bare 500 (an HTML page in development, an empty body in production)";
const BARE_NOT_JSON = `${BARE} instead of the JSON errors it answers elsewhere`;
const WRAP = 'Wrap the handler in try/catch answering a JSON 500';

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
      name: 'awaiting params renamed by destructuring (`{ params: initialParams }`)',
      code: `export async function GET(_r: Request, { params: initialParams }: { params: Promise<{ id: string }> }) {
  const params = (await initialParams) || {};
  return Response.json(params);
}`,
    },
    {
      name: 'a sleep between polls (`await wait(1000)`, `await sleep(50)`)',
      code: `const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
export async function GET() {
  await wait(1000);
  await sleep(50);
  return Response.json({ ok: true });
}`,
    },
    {
      name: 'an image route answering an ImageResponse (a JSON error body makes no sense there)',
      code: `import { ImageResponse } from 'next/og';
export async function GET() {
  const font = await loadFont();
  return new ImageResponse(<div>hi</div>, { fonts: [font] });
}`,
      filename: 'app/api/og/route.tsx',
    },
    {
      name: 'a handler that only redirects',
      code: `import { NextResponse } from 'next/server';
export async function GET(req: Request) {
  const link = await db.links.find(new URL(req.url).searchParams.get('id'));
  return NextResponse.redirect(link.url);
}`,
    },
    {
      name: 'a navigation route that only calls redirect() and notFound() from next/navigation',
      code: `import { notFound, redirect } from 'next/navigation';
export const GET = async () => {
  const session = await getSession();
  if (!session) notFound();
  return redirect('/home');
};`,
    },
    {
      name: 'a streaming route (text/event-stream)',
      code: `export async function GET() {
  const feed = await openFeed();
  return new Response(feed, { headers: { 'Content-Type': 'text/event-stream' } });
}`,
    },
    {
      name: 'awaiting a local arrow helper whose body ends in .catch()',
      code: `const load = () => db.posts.findMany().catch(() => []);
export async function GET() { return Response.json(await load()) }`,
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
      name: "the seed's first GET: a database read with no try/catch, as info with a suggested wrap that rethrows Next's control flow",
      code: `export async function GET(request) {
  const posts = await db.posts.findAll()
  return Response.json(posts)
}
`,
      filename: 'app/api/posts/route.js',
      errors: [
        {
          messageId: 'unguardedAwait',
          line: 2,
          column: 17,
          severity: 'info',
          data: { expr: 'db.posts.findAll()', method: 'GET', answer: BARE },
          suggestions: [
            {
              title: WRAP,
              output: `import { unstable_rethrow } from 'next/navigation'

export async function GET(request) {
  try {
    const posts = await db.posts.findAll()
    return Response.json(posts)
  } catch (error) {
    unstable_rethrow(error)
    console.error(error)
    return Response.json({ error: 'Internal Server Error' }, { status: 500 })
  }
}
`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a fetch to an upstream API in a Next.js 14 TS handler (no unstable_rethrow there)',
      code: `export async function GET() {
  const res = await fetch('https://api.example.com/items');
  return Response.json(await res.json());
}
`,
      nextMajor: 14,
      errors: [
        {
          messageId: 'unguardedAwait',
          line: 2,
          data: { expr: 'fetch(…)', method: 'GET', answer: BARE },
          suggestions: [
            {
              title: WRAP,
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
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a handler that can call notFound(), adding unstable_rethrow to the existing import',
      code: `import { notFound } from 'next/navigation';

export async function GET() {
  const post = await db.posts.find(1);
  if (!post) notFound();
  return Response.json(post);
}
`,
      errors: [
        {
          messageId: 'unguardedAwait',
          line: 4,
          data: { expr: 'db.posts.find(…)', method: 'GET', answer: BARE },
          suggestions: [
            {
              title: WRAP,
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
          ],
        },
      ],
      output: null,
    },
    {
      name: 'an await after a try block that only covers part of the handler, as info',
      code: `export async function POST(req: Request) {
  let data;
  try { data = await req.json() } catch { return Response.json({ error: 'bad' }, { status: 400 }) }
  await db.items.create({ data });
  return new Response(null, { status: 201 });
}`,
      nextMajor: 14,
      errors: [
        {
          messageId: 'unguardedAwait',
          line: 4,
          severity: 'info',
          data: { expr: 'db.items.create(…)', method: 'POST', answer: BARE_NOT_JSON },
          suggestions: [
            {
              title: WRAP,
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
          ],
        },
      ],
      output: null,
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
      nextMajor: 14,
      errors: [
        {
          messageId: 'unguardedAwait',
          line: 3,
          data: { expr: 'db.items.delete(…)', method: 'DELETE', answer: BARE },
          suggestions: [
            {
              title: WRAP,
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
          ],
        },
      ],
      output: null,
    },
    {
      name: 'an arrow-function handler with 4-space indentation',
      code: `export const GET = async () => {
    const rows = await sql\`select 1\`;
    return Response.json(rows);
};
`,
      nextMajor: 14,
      errors: [
        {
          messageId: 'unguardedAwait',
          line: 2,
          data: { expr: 'sql`select 1`', method: 'GET', answer: BARE },
          suggestions: [
            {
              title: WRAP,
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
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a body containing a multi-line template literal (no suggested wrap)',
      code: `export async function GET() {
  const rows = await db.query(\`
    select * from posts
  \`);
  return Response.json(rows);
}`,
      errors: [{ messageId: 'unguardedAwait', line: 2, data: { expr: 'db.query(…)', method: 'GET', answer: BARE } }],
      output: null,
    },
    {
      name: 'a handler without try/catch beside one that catches all its errors, as a warning',
      code: `export async function GET() {
  try {
    return Response.json(await db.items.findMany());
  } catch {
    return Response.json({ error: 'Failed to list' }, { status: 500 });
  }
}
export async function POST(req: Request) {
  await db.items.create({ data: { name: 'x' } });
  return Response.json({ error: 'Not allowed' }, { status: 403 });
}
`,
      nextMajor: 14,
      errors: [
        {
          messageId: 'unguardedAwait',
          line: 9,
          severity: 'warning',
          data: { expr: 'db.items.create(…)', method: 'POST', answer: BARE_NOT_JSON },
          suggestions: [
            {
              title: WRAP,
              output: `export async function GET() {
  try {
    return Response.json(await db.items.findMany());
  } catch {
    return Response.json({ error: 'Failed to list' }, { status: 500 });
  }
}
export async function POST(req: Request) {
  try {
    await db.items.create({ data: { name: 'x' } });
    return Response.json({ error: 'Not allowed' }, { status: 403 });
  } catch (error) {
    console.error(error);
    return Response.json({ error: 'Internal Server Error' }, { status: 500 });
  }
}
`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a next-auth signIn in a Next.js 14 project, rethrowing its redirect in the suggested catch',
      code: `import { signIn } from '@/auth';
export async function GET() {
  await signIn('github');
  return Response.json({ ok: true });
}
`,
      nextMajor: 14,
      errors: [
        {
          messageId: 'unguardedAwait',
          line: 3,
          data: { expr: 'signIn(…)', method: 'GET', answer: BARE },
          suggestions: [
            {
              title: WRAP,
              output: `import { signIn } from '@/auth';
export async function GET() {
  try {
    await signIn('github');
    return Response.json({ ok: true });
  } catch (error) {
    if (error instanceof Error && 'digest' in error && String(error.digest).startsWith('NEXT_')) throw error;
    console.error(error);
    return Response.json({ error: 'Internal Server Error' }, { status: 500 });
  }
}
`,
            },
          ],
        },
      ],
      output: null,
    },
  ],
});

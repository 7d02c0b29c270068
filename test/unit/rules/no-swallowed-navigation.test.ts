import rule from '../../../src/core/rules/no-swallowed-navigation';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'unstable_rethrow first in the catch',
      code: `import { notFound, unstable_rethrow } from 'next/navigation';
export async function GET() {
  try { const p = await load(); if (!p) notFound(); return Response.json(p) }
  catch (error) { unstable_rethrow(error); return Response.json({ error: 'Failed' }, { status: 500 }) }
}`,
    },
    {
      name: 'a catch that rethrows',
      code: `import { redirect } from 'next/navigation';
export async function GET() {
  try { redirect('/x') } catch (e) { console.error(e); throw e }
}`,
    },
    {
      name: 'redirect called after the try',
      code: `import { redirect } from 'next/navigation';
export async function GET() {
  let ok = false;
  try { ok = await check() } catch { return Response.json({ error: 'x' }, { status: 500 }) }
  if (!ok) redirect('/login');
  return Response.json({ ok });
}`,
    },
    {
      name: 'isRedirectError checked in the catch',
      code: `import { redirect } from 'next/navigation';
export async function GET() {
  try { redirect('/a') } catch (e) { if (isRedirectError(e)) throw e; return Response.json({}, { status: 500 }) }
}`,
    },
    {
      name: 'a local function named redirect (not from next/navigation)',
      code: `function redirect(x: string) { return x }
export async function GET() { try { redirect('/a') } catch { return Response.json({}, { status: 500 }) } return Response.json({}) }`,
    },
    {
      name: 'NextResponse.redirect (returns, does not throw)',
      code: `export async function GET(r: Request) { try { return NextResponse.redirect(new URL('/a', r.url)) } catch { return Response.json({}, { status: 500 }) } }`,
    },
    {
      name: 'an aliased unstable_rethrow',
      code: `import { redirect, unstable_rethrow as rethrowNext } from 'next/navigation';
export async function GET() {
  try { redirect('/a') } catch (e) { rethrowNext(e); return Response.json({}, { status: 500 }) }
}`,
    },
    {
      name: 'a hand-written digest check in the catch',
      code: `import { redirect } from 'next/navigation';
export async function GET() {
  try { redirect('/a') } catch (e: any) { if (e?.digest?.startsWith('NEXT_REDIRECT')) throw e; return Response.json({}, { status: 500 }) }
}`,
    },
    {
      name: 'a handler delegating to a service with its own try/catch (no navigation in the try)',
      code: `import { notFound } from 'next/navigation';
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  let post;
  try {
    post = await postService.find(id);
  } catch (error) {
    console.error(error);
    return Response.json({ error: 'Failed to load post' }, { status: 500 });
  }
  if (!post) notFound();
  return Response.json(post);
}`,
    },
    {
      name: 'navigation inside a callback defined in the try (it runs later)',
      code: `import { redirect } from 'next/navigation';
export async function GET() {
  try { const go = () => redirect('/a'); register(go); return Response.json({}) } catch { return Response.json({}, { status: 500 }) }
}`,
    },
    {
      name: 'notFound() from another module than next/navigation',
      code: `import { notFound } from '@/lib/http';
export async function GET() { try { return notFound() } catch { return Response.json({}, { status: 500 }) } }`,
    },
    {
      name: 'a try with finally only',
      code: `import { redirect } from 'next/navigation';
export async function GET() { try { redirect('/a') } finally { await log() } }`,
    },
  ],
  invalid: [
    {
      name: 'notFound() inside a try whose catch answers 500, adding unstable_rethrow',
      code: `import { notFound } from 'next/navigation';

export async function GET() {
  try {
    const post = await db.posts.find(1);
    if (!post) notFound();
    return Response.json(post);
  } catch (error) {
    console.error(error);
    return Response.json({ error: 'Failed' }, { status: 500 });
  }
}
`,
      errors: [{ messageId: 'swallowed', line: 6, column: 16, data: { fn: 'notFound', what: 404 } }],
      output: `import { notFound, unstable_rethrow } from 'next/navigation';

export async function GET() {
  try {
    const post = await db.posts.find(1);
    if (!post) notFound();
    return Response.json(post);
  } catch (error) {
    unstable_rethrow(error);
    console.error(error);
    return Response.json({ error: 'Failed' }, { status: 500 });
  }
}
`,
    },
    {
      name: 'redirect() in a try with a bare catch, naming the error',
      code: `import { redirect } from 'next/navigation';

export async function GET() {
  try {
    redirect('/login');
  } catch {
    return Response.json({ error: 'x' }, { status: 500 });
  }
}
`,
      errors: [{ messageId: 'swallowed', line: 5, data: { fn: 'redirect', what: 'redirect' } }],
      output: `import { redirect, unstable_rethrow } from 'next/navigation';

export async function GET() {
  try {
    redirect('/login');
  } catch (error) {
    unstable_rethrow(error);
    return Response.json({ error: 'x' }, { status: 500 });
  }
}
`,
    },
    {
      name: 'an aliased import',
      code: `import { permanentRedirect as move } from 'next/navigation';
export async function GET() { try { move('/new') } catch (e) { return Response.json({}, { status: 500 }) } }`,
      errors: [{ messageId: 'swallowed', data: { fn: 'permanentRedirect', what: 'redirect' } }],
      output: `import { permanentRedirect as move, unstable_rethrow } from 'next/navigation';
export async function GET() { try { move('/new') } catch (e) { unstable_rethrow(e); return Response.json({}, { status: 500 }) } }`,
    },
    {
      name: 'a local helper that calls notFound()',
      code: `import { notFound } from 'next/navigation';
function requirePost(p: unknown) { if (!p) notFound(); return p }
export async function GET() { try { return Response.json(requirePost(await load())) } catch (e) { return Response.json({}, { status: 500 }) } }`,
      errors: [{ messageId: 'swallowed', data: { fn: 'notFound', what: 404 } }],
      output: `import { notFound, unstable_rethrow } from 'next/navigation';
function requirePost(p: unknown) { if (!p) notFound(); return p }
export async function GET() { try { return Response.json(requirePost(await load())) } catch (e) { unstable_rethrow(e); return Response.json({}, { status: 500 }) } }`,
    },
    {
      name: 'forbidden() swallowed by a catch that only logs',
      code: `import { forbidden } from 'next/navigation';
export async function GET() {
  try { if (!(await allowed())) forbidden() } catch (e) { console.error(e) }
  return Response.json({});
}`,
      errors: [{ messageId: 'swallowed', data: { fn: 'forbidden', what: 403 } }],
      output: `import { forbidden, unstable_rethrow } from 'next/navigation';
export async function GET() {
  try { if (!(await allowed())) forbidden() } catch (e) { unstable_rethrow(e); console.error(e) }
  return Response.json({});
}`,
    },
    {
      name: 'a Next 14 project, with a suggestion that rethrows by digest instead of the unstable_rethrow fix',
      nextMajor: 14,
      code: `import { redirect } from 'next/navigation';

export async function GET() {
  try {
    redirect('/a');
  } catch {
    return Response.json({}, { status: 500 });
  }
}
`,
      errors: [
        {
          messageId: 'swallowedBefore15',
          data: { fn: 'redirect', what: 'redirect' },
          suggestions: [
            {
              title: /digest/,
              output: `import { redirect } from 'next/navigation';

export async function GET() {
  try {
    redirect('/a');
  } catch (error) {
    if (error instanceof Error && 'digest' in error && String(error.digest).startsWith('NEXT_')) throw error;
    return Response.json({}, { status: 500 });
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
      name: 'a JS file without semicolons, double quotes and an empty one-line catch',
      filename: 'app/api/go/route.js',
      code: `import { redirect } from "next/navigation"

export async function GET() {
  try {
    redirect("/a")
  } catch (e) {}
  return Response.json({})
}
`,
      errors: [{ messageId: 'swallowed', line: 5, column: 5, data: { fn: 'redirect', what: 'redirect' } }],
      output: `import { redirect, unstable_rethrow } from "next/navigation"

export async function GET() {
  try {
    redirect("/a")
  } catch (e) {
    unstable_rethrow(e)
  }
  return Response.json({})
}
`,
    },
    {
      name: 'a bare catch whose block already uses `error`, naming the catch variable `err`',
      code: `import { notFound } from 'next/navigation';

export async function GET() {
  let error = '';
  try {
    notFound();
  } catch {
    error = 'failed';
  }
  return Response.json({ error }, { status: 500 });
}
`,
      errors: [{ messageId: 'swallowed', data: { fn: 'notFound', what: '404' } }],
      output: `import { notFound, unstable_rethrow } from 'next/navigation';

export async function GET() {
  let error = '';
  try {
    notFound();
  } catch (err) {
    unstable_rethrow(err);
    error = 'failed';
  }
  return Response.json({ error }, { status: 500 });
}
`,
    },
    {
      name: 'only the inner of two nested catches that both swallow (the outer never sees the error)',
      code: `import { redirect } from 'next/navigation';
export async function GET() {
  try {
    try { redirect('/a') } catch (inner) { console.error(inner) }
    return Response.json({});
  } catch (outer) {
    return Response.json({}, { status: 500 });
  }
}`,
      errors: [{ messageId: 'swallowed', line: 4, column: 11, data: { fn: 'redirect', what: 'redirect' } }],
      output: `import { redirect, unstable_rethrow } from 'next/navigation';
export async function GET() {
  try {
    try { redirect('/a') } catch (inner) { unstable_rethrow(inner); console.error(inner) }
    return Response.json({});
  } catch (outer) {
    return Response.json({}, { status: 500 });
  }
}`,
    },
    {
      name: 'the outer catch when the inner one rethrows',
      code: `import { redirect } from 'next/navigation';
export async function GET() {
  try {
    try { redirect('/a') } catch (inner) { throw inner }
  } catch (outer) {
    return Response.json({}, { status: 500 });
  }
}`,
      errors: [{ messageId: 'swallowed', line: 4, data: { fn: 'redirect', what: 'redirect' } }],
      output: `import { redirect, unstable_rethrow } from 'next/navigation';
export async function GET() {
  try {
    try { redirect('/a') } catch (inner) { throw inner }
  } catch (outer) {
    unstable_rethrow(outer);
    return Response.json({}, { status: 500 });
  }
}`,
    },
  ],
});

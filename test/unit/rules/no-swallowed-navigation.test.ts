import rule from '../../../src/core/rules/no-swallowed-navigation';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'unstable_rethrow first in the catch',
      code: `import { notFound, unstable_rethrow } from 'next/navigation';\nexport async function GET() {\n  try { const p = await load(); if (!p) notFound(); return Response.json(p) }\n  catch (error) { unstable_rethrow(error); return Response.json({ error: 'Failed' }, { status: 500 }) }\n}`,
    },
    {
      name: 'a catch that rethrows',
      code: `import { redirect } from 'next/navigation';\nexport async function GET() {\n  try { redirect('/x') } catch (e) { console.error(e); throw e }\n}`,
    },
    {
      name: 'redirect called after the try',
      code: `import { redirect } from 'next/navigation';\nexport async function GET() {\n  let ok = false;\n  try { ok = await check() } catch { return Response.json({ error: 'x' }, { status: 500 }) }\n  if (!ok) redirect('/login');\n  return Response.json({ ok });\n}`,
    },
    {
      name: 'isRedirectError checked in the catch',
      code: `import { redirect } from 'next/navigation';\nexport async function GET() {\n  try { redirect('/a') } catch (e) { if (isRedirectError(e)) throw e; return Response.json({}, { status: 500 }) }\n}`,
    },
    {
      name: 'a local function named redirect (not from next/navigation)',
      code: `function redirect(x: string) { return x }\nexport async function GET() { try { redirect('/a') } catch { return Response.json({}, { status: 500 }) } return Response.json({}) }`,
    },
    {
      name: 'NextResponse.redirect (returns, does not throw)',
      code: `export async function GET(r: Request) { try { return NextResponse.redirect(new URL('/a', r.url)) } catch { return Response.json({}, { status: 500 }) } }`,
    },
    {
      name: 'an aliased unstable_rethrow',
      code: `import { redirect, unstable_rethrow as rethrowNext } from 'next/navigation';\nexport async function GET() {\n  try { redirect('/a') } catch (e) { rethrowNext(e); return Response.json({}, { status: 500 }) }\n}`,
    },
    {
      name: 'a hand-written digest check in the catch',
      code: `import { redirect } from 'next/navigation';\nexport async function GET() {\n  try { redirect('/a') } catch (e: any) { if (e?.digest?.startsWith('NEXT_REDIRECT')) throw e; return Response.json({}, { status: 500 }) }\n}`,
    },
    {
      name: 'a handler delegating to a service with its own try/catch (no navigation in the try)',
      code: `import { notFound } from 'next/navigation';\nexport async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {\n  const { id } = await params;\n  let post;\n  try {\n    post = await postService.find(id);\n  } catch (error) {\n    console.error(error);\n    return Response.json({ error: 'Failed to load post' }, { status: 500 });\n  }\n  if (!post) notFound();\n  return Response.json(post);\n}`,
    },
    {
      name: 'navigation inside a callback defined in the try (it runs later)',
      code: `import { redirect } from 'next/navigation';\nexport async function GET() {\n  try { const go = () => redirect('/a'); register(go); return Response.json({}) } catch { return Response.json({}, { status: 500 }) }\n}`,
    },
    {
      name: 'notFound() from another module than next/navigation',
      code: `import { notFound } from '@/lib/http';\nexport async function GET() { try { return notFound() } catch { return Response.json({}, { status: 500 }) } }`,
    },
    {
      name: 'a try with finally only',
      code: `import { redirect } from 'next/navigation';\nexport async function GET() { try { redirect('/a') } finally { await log() } }`,
    },
  ],
  invalid: [
    {
      name: 'notFound() inside a try whose catch answers 500, adding unstable_rethrow',
      code: `import { notFound } from 'next/navigation';\n\nexport async function GET() {\n  try {\n    const post = await db.posts.find(1);\n    if (!post) notFound();\n    return Response.json(post);\n  } catch (error) {\n    console.error(error);\n    return Response.json({ error: 'Failed' }, { status: 500 });\n  }\n}\n`,
      errors: [{ messageId: 'swallowed', line: 6, column: 16, data: { fn: 'notFound' } }],
      output: `import { notFound, unstable_rethrow } from 'next/navigation';\n\nexport async function GET() {\n  try {\n    const post = await db.posts.find(1);\n    if (!post) notFound();\n    return Response.json(post);\n  } catch (error) {\n    unstable_rethrow(error);\n    console.error(error);\n    return Response.json({ error: 'Failed' }, { status: 500 });\n  }\n}\n`,
    },
    {
      name: 'redirect() in a try with a bare catch, naming the error',
      code: `import { redirect } from 'next/navigation';\n\nexport async function GET() {\n  try {\n    redirect('/login');\n  } catch {\n    return Response.json({ error: 'x' }, { status: 500 });\n  }\n}\n`,
      errors: [{ messageId: 'swallowed', line: 5, data: { fn: 'redirect' } }],
      output: `import { redirect, unstable_rethrow } from 'next/navigation';\n\nexport async function GET() {\n  try {\n    redirect('/login');\n  } catch (error) {\n    unstable_rethrow(error);\n    return Response.json({ error: 'x' }, { status: 500 });\n  }\n}\n`,
    },
    {
      name: 'an aliased import',
      code: `import { permanentRedirect as move } from 'next/navigation';\nexport async function GET() { try { move('/new') } catch (e) { return Response.json({}, { status: 500 }) } }`,
      errors: [{ messageId: 'swallowed', data: { fn: 'permanentRedirect' } }],
    },
    {
      name: 'a local helper that calls notFound()',
      code: `import { notFound } from 'next/navigation';\nfunction requirePost(p: unknown) { if (!p) notFound(); return p }\nexport async function GET() { try { return Response.json(requirePost(await load())) } catch (e) { return Response.json({}, { status: 500 }) } }`,
      errors: [{ messageId: 'swallowed' }],
    },
    {
      name: 'forbidden() swallowed by a catch that only logs',
      code: `import { forbidden } from 'next/navigation';\nexport async function GET() {\n  try { if (!(await allowed())) forbidden() } catch (e) { console.error(e) }\n  return Response.json({});\n}`,
      errors: [{ messageId: 'swallowed', data: { fn: 'forbidden' } }],
    },
    {
      name: 'a Next 14 project, with a suggestion that rethrows by digest instead of the unstable_rethrow fix',
      nextMajor: 14,
      code: `import { redirect } from 'next/navigation';\n\nexport async function GET() {\n  try {\n    redirect('/a');\n  } catch {\n    return Response.json({}, { status: 500 });\n  }\n}\n`,
      errors: [{ messageId: 'swallowedBefore15', data: { fn: 'redirect' } }],
      output: null,
      suggestions: [
        {
          title: /digest/,
          output: `import { redirect } from 'next/navigation';\n\nexport async function GET() {\n  try {\n    redirect('/a');\n  } catch (error) {\n    if (error instanceof Error && 'digest' in error && String(error.digest).startsWith('NEXT_')) throw error;\n    return Response.json({}, { status: 500 });\n  }\n}\n`,
        },
      ],
    },
    {
      name: 'a JS file without semicolons, double quotes and an empty one-line catch',
      filename: 'app/api/go/route.js',
      code: `import { redirect } from "next/navigation"\n\nexport async function GET() {\n  try {\n    redirect("/a")\n  } catch (e) {}\n  return Response.json({})\n}\n`,
      errors: [{ messageId: 'swallowed', line: 5, column: 5 }],
      output: `import { redirect, unstable_rethrow } from "next/navigation"\n\nexport async function GET() {\n  try {\n    redirect("/a")\n  } catch (e) {\n    unstable_rethrow(e)\n  }\n  return Response.json({})\n}\n`,
    },
    {
      name: 'a bare catch whose block already uses `error`, naming the catch variable `err`',
      code: `import { notFound } from 'next/navigation';\n\nexport async function GET() {\n  let error = '';\n  try {\n    notFound();\n  } catch {\n    error = 'failed';\n  }\n  return Response.json({ error }, { status: 500 });\n}\n`,
      errors: [{ messageId: 'swallowed', data: { fn: 'notFound', what: '404' } }],
      output: `import { notFound, unstable_rethrow } from 'next/navigation';\n\nexport async function GET() {\n  let error = '';\n  try {\n    notFound();\n  } catch (err) {\n    unstable_rethrow(err);\n    error = 'failed';\n  }\n  return Response.json({ error }, { status: 500 });\n}\n`,
    },
    {
      name: 'only the inner of two nested catches that both swallow (the outer never sees the error)',
      code: `import { redirect } from 'next/navigation';\nexport async function GET() {\n  try {\n    try { redirect('/a') } catch (inner) { console.error(inner) }\n    return Response.json({});\n  } catch (outer) {\n    return Response.json({}, { status: 500 });\n  }\n}`,
      errors: [{ messageId: 'swallowed', line: 4, column: 11 }],
    },
    {
      name: 'the outer catch when the inner one rethrows',
      code: `import { redirect } from 'next/navigation';\nexport async function GET() {\n  try {\n    try { redirect('/a') } catch (inner) { throw inner }\n  } catch (outer) {\n    return Response.json({}, { status: 500 });\n  }\n}`,
      errors: [{ messageId: 'swallowed', line: 4 }],
    },
  ],
});

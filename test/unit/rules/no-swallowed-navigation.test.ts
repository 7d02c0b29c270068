import rule from '../../../src/core/rules/no-swallowed-navigation';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    { name: 'unstable_rethrow first in the catch', code: `import { notFound, unstable_rethrow } from 'next/navigation';\nexport async function GET() {\n  try { const p = await load(); if (!p) notFound(); return Response.json(p) }\n  catch (error) { unstable_rethrow(error); return Response.json({ error: 'Failed' }, { status: 500 }) }\n}` },
    { name: 'a catch that rethrows', code: `import { redirect } from 'next/navigation';\nexport async function GET() {\n  try { redirect('/x') } catch (e) { console.error(e); throw e }\n}` },
    { name: 'redirect called after the try', code: `import { redirect } from 'next/navigation';\nexport async function GET() {\n  let ok = false;\n  try { ok = await check() } catch { return Response.json({ error: 'x' }, { status: 500 }) }\n  if (!ok) redirect('/login');\n  return Response.json({ ok });\n}` },
    { name: 'isRedirectError checked in the catch', code: `import { redirect } from 'next/navigation';\nexport async function GET() {\n  try { redirect('/a') } catch (e) { if (isRedirectError(e)) throw e; return Response.json({}, { status: 500 }) }\n}` },
    { name: 'a local function named redirect (not from next/navigation)', code: `function redirect(x: string) { return x }\nexport async function GET() { try { redirect('/a') } catch { return Response.json({}, { status: 500 }) } return Response.json({}) }` },
    { name: 'NextResponse.redirect (returns, does not throw)', code: `export async function GET(r: Request) { try { return NextResponse.redirect(new URL('/a', r.url)) } catch { return Response.json({}, { status: 500 }) } }` },
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
    { name: 'an aliased import', code: `import { permanentRedirect as move } from 'next/navigation';\nexport async function GET() { try { move('/new') } catch (e) { return Response.json({}, { status: 500 }) } }`, errors: [{ messageId: 'swallowed', data: { fn: 'permanentRedirect' } }] },
    { name: 'a local helper that calls notFound()', code: `import { notFound } from 'next/navigation';\nfunction requirePost(p: unknown) { if (!p) notFound(); return p }\nexport async function GET() { try { return Response.json(requirePost(await load())) } catch (e) { return Response.json({}, { status: 500 }) } }`, errors: [{ messageId: 'swallowed' }] },
    { name: 'forbidden() swallowed by a catch that only logs', code: `import { forbidden } from 'next/navigation';\nexport async function GET() {\n  try { if (!(await allowed())) forbidden() } catch (e) { console.error(e) }\n  return Response.json({});\n}`, errors: [{ messageId: 'swallowed', data: { fn: 'forbidden' } }] },
    { name: 'a Next 14 project (reported without the unstable_rethrow fix)', nextMajor: 14, code: `import { redirect } from 'next/navigation';\nexport async function GET() { try { redirect('/a') } catch { return Response.json({}, { status: 500 }) } }`, errors: [{ messageId: 'swallowed' }], output: null },
  ],
});

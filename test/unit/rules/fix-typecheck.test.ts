/**
 * Every quick fix must produce code that compiles against the real `next` types, and fixed
 * handlers must have the shape Next.js's build checks. Each case: code with a finding → apply
 * the rule's safe fix → type-check the result.
 */
import * as assert from 'node:assert/strict';
import { parseDocument } from '../../../src/core/ast/parse';
import { applyEdits, fixAllEdits, lintDocument } from '../../../src/core/lint/lint';
import type { AnyRule } from '../../../src/core/lint/rule';
import { ruleById } from '../../../src/core/rules';
import { typeCheck, type TypeCheckFile } from '../../support/typecheck';
import { routeInfoFor } from '../support/ruleTester';

interface FixCase {
  readonly rule: string;
  readonly name: string;
  readonly path: string;
  readonly params?: string;
  readonly code: string;
  /** Apply the first suggestion of the first finding (rules whose fix is a suggestion, never fix-all). */
  readonly suggestion?: true;
}

const CASES: readonly FixCase[] = [
  {
    rule: 'await-params',
    name: 'sync params.id with a plain type',
    path: 'app/api/posts/[id]/route.ts',
    params: '{ id: string }',
    code: `export async function GET(request: Request, { params }: { params: { id: string } }) {\n  const post = await db.posts.find(params.id);\n  return Response.json({ post, id: params.id });\n}\n`,
  },
  {
    rule: 'await-params',
    name: 'nested destructuring in the signature',
    path: 'app/api/teams/[team]/members/[member]/route.ts',
    params: '{ team: string; member: string }',
    code: `export async function GET(_req: Request, { params: { team, member } }: { params: { team: string; member: string } }) {\n  return Response.json({ team, member });\n}\n`,
  },
  {
    rule: 'await-params',
    name: 'context.params in a non-async catch-all handler',
    path: 'app/api/files/[...slug]/route.ts',
    params: '{ slug: string[] }',
    code: `export function GET(_req: Request, context: { params: { slug: string[] } }) {\n  return Response.json({ path: context.params.slug.join('/') });\n}\n`,
  },
  {
    rule: 'await-params',
    name: 'an untyped context in an optional catch-all',
    path: 'app/api/docs/[[...slug]]/route.ts',
    params: '{ slug?: string[] }',
    code: `export const GET = async (_req: Request, { params }: any) => {\n  return Response.json({ slug: params.slug ?? [] });\n};\n`,
  },
  {
    rule: 'await-params',
    name: 'a local type alias',
    path: 'app/api/posts/[id]/route.ts',
    params: '{ id: string }',
    code: `type Ctx = { params: { id: string } };\n\nexport async function DELETE(_req: Request, { params }: Ctx) {\n  await db.posts.delete(params.id);\n  return new Response(null, { status: 204 });\n}\n`,
  },
  {
    rule: 'next-request-only-api',
    name: 'request.cookies on Request',
    path: 'app/api/session/route.ts',
    code: `export async function GET(request: Request) {\n  const session = request.cookies.get('session')?.value;\n  return Response.json({ session: session ?? null });\n}\n`,
  },
  {
    rule: 'next-request-only-api',
    name: 'nextUrl with an existing next/server import',
    path: 'app/api/search/route.ts',
    code: `import { NextResponse } from 'next/server';\n\nexport async function GET(req: Request) {\n  return NextResponse.json({ q: req.nextUrl.searchParams.get('q') });\n}\n`,
  },
  {
    rule: 'cookies-on-plain-response',
    name: 'cookies set on Response.json',
    path: 'app/api/login/route.ts',
    code: `export async function POST(request: Request) {\n  const session = await createSession(await request.json());\n  const response = Response.json({ user: session.user }, { status: 201 });\n  response.cookies.set('sessionId', session.id, { httpOnly: true, secure: true, sameSite: 'lax' });\n  return response;\n}\n`,
  },
  {
    rule: 'cookie-value',
    name: 'a cookie object passed as a string',
    path: 'app/api/me/route.ts',
    code: `import type { NextRequest } from 'next/server';\nexport async function GET(request: NextRequest) {\n  const sessionId = request.cookies.get('sessionId');\n  if (!sessionId) return Response.json({ error: 'No session' }, { status: 401 });\n  return Response.json(await verifySession(sessionId));\n}\n`,
  },
  {
    rule: 'removed-request-api',
    name: 'sync cookies() and headers()',
    path: 'app/api/prefs/route.ts',
    code: `import { cookies, headers } from 'next/headers';\nexport async function GET() {\n  const h = headers();\n  return Response.json({ theme: cookies().get('theme')?.value ?? 'light', ua: h.get('user-agent') });\n}\n`,
  },
  {
    rule: 'missing-await',
    name: 'a property read on request.json()',
    path: 'app/api/echo/route.ts',
    code: `export async function POST(request: Request) {\n  const title = request.json().title;\n  return Response.json({ title });\n}\n`,
  },
  {
    rule: 'insecure-cookie',
    name: 'a session cookie without options',
    path: 'app/api/login/route.ts',
    code: `import { NextResponse } from 'next/server';\nexport async function POST() {\n  const res = NextResponse.json({ ok: true });\n  res.cookies.set('session', token);\n  return res;\n}\n`,
  },
  {
    rule: 'insecure-cookie',
    name: 'cookies() object form missing attributes',
    path: 'app/api/login/route.ts',
    code: `import { cookies } from 'next/headers';\nexport async function POST() {\n  (await cookies()).set({ name: 'sid', value: token, path: '/' });\n  return new Response(null, { status: 204 });\n}\n`,
  },
  {
    rule: 'no-swallowed-navigation',
    name: 'notFound() in a try',
    path: 'app/api/posts/[id]/route.ts',
    params: '{ id: string }',
    code: `import { notFound } from 'next/navigation';\n\nexport async function GET() {\n  try {\n    const post = await load();\n    if (!post) notFound();\n    return Response.json(post);\n  } catch {\n    return Response.json({ error: 'Failed' }, { status: 500 });\n  }\n}\n`,
  },
  {
    rule: 'no-swallowed-navigation',
    name: 'a local helper calling redirect(), a bare catch whose block already uses `error`',
    path: 'app/api/account/route.ts',
    code: `import { redirect } from 'next/navigation';\n\nfunction requireUser(user: { id: string } | null) {\n  if (!user) redirect('/login');\n  return user;\n}\n\nexport async function GET() {\n  let error = '';\n  try {\n    const user = requireUser(await getUser());\n    return Response.json(user);\n  } catch {\n    error = 'Failed to load account';\n  }\n  return Response.json({ error }, { status: 500 });\n}\n\ndeclare function getUser(): Promise<{ id: string } | null>;\n`,
  },
  {
    rule: 'invalid-segment-config',
    name: 'a computed revalidate',
    path: 'app/api/feed/route.ts',
    code: `export const revalidate = 60 * 10;\nexport async function GET() {\n  return Response.json({});\n}\n`,
  },
  {
    rule: 'invalid-segment-config',
    name: 'the experimental-edge runtime',
    path: 'app/api/edge/route.ts',
    code: `export const runtime = 'experimental-edge';\nexport async function GET() {\n  return Response.json({});\n}\n`,
  },
  {
    rule: 'require-try-catch',
    name: 'I/O without try/catch',
    suggestion: true,
    path: 'app/api/posts/route.ts',
    code: `export async function GET() {\n  const posts = await db.posts.findMany();\n  return Response.json(posts);\n}\n`,
  },
  {
    rule: 'require-try-catch',
    name: 'I/O with redirect() imported',
    suggestion: true,
    path: 'app/api/go/route.ts',
    code: `import { redirect } from 'next/navigation';\n\nexport async function GET() {\n  const target = await load();\n  if (!target) redirect('/');\n  return Response.json(target);\n}\n`,
  },
  {
    rule: 'no-body-with-null-status',
    name: 'Response.json with 204',
    path: 'app/api/posts/[id]/route.ts',
    params: '{ id: string }',
    code: `export async function DELETE() {\n  await db.posts.delete(1);\n  return Response.json({ deleted: true }, { status: 204 });\n}\n`,
  },
  {
    rule: 'error-status-mismatch',
    name: 'an error with no status',
    path: 'app/api/users/route.ts',
    code: `export async function GET() {\n  const user = await load();\n  if (!user) return Response.json({ error: 'User not found' });\n  return Response.json(user);\n}\n`,
  },
  {
    rule: 'create-status',
    name: 'a create answered with 200',
    path: 'app/api/posts/route.ts',
    code: `export async function POST(request: Request) {\n  const post = await db.posts.create({ data: await request.json() });\n  return Response.json(post);\n}\n`,
  },
  {
    rule: 'cors-vary-origin',
    name: 'a reflected origin without Vary',
    path: 'app/api/public/route.ts',
    code: `const ALLOWED = ['https://a.example'];\nexport async function GET(request: Request) {\n  const origin = request.headers.get('origin');\n  const response = Response.json({ ok: true });\n  if (origin && ALLOWED.includes(origin)) {\n    response.headers.set('Access-Control-Allow-Origin', origin);\n  }\n  return response;\n}\n`,
  },
  {
    rule: 'cors-missing-options',
    name: 'fixed CORS headers without OPTIONS',
    path: 'app/api/public/route.ts',
    code: `export async function GET() {\n  return Response.json({ ok: true }, { headers: { 'Access-Control-Allow-Origin': 'https://a.example' } });\n}\n`,
  },
  {
    rule: 'invalid-status',
    name: 'a relative redirect',
    path: 'app/api/old/route.ts',
    code: `import { NextResponse, type NextRequest } from 'next/server';\nexport async function GET(request: NextRequest) {\n  return NextResponse.redirect('/new');\n}\n`,
  },
  {
    rule: 'invalid-route-export',
    name: 'a lowercase get',
    path: 'app/api/items/route.ts',
    code: `export async function get() {\n  return Response.json([]);\n}\n`,
  },
];

describe('quick fixes type-check against the real next types', function () {
  this.timeout(120000);
  const fixed: Array<FixCase & { output: string }> = [];

  before(() => {
    for (const c of CASES) {
      const rule = ruleById(c.rule) as AnyRule;
      const findings = lintDocument(parseDocument(c.path, c.code), { rules: [rule], route: routeInfoFor(c.path) });
      const edits = c.suggestion ? (findings[0]?.suggestions?.[0]?.edits ?? []) : fixAllEdits(findings);
      fixed.push({ ...c, output: edits.length ? applyEdits(c.code, edits) : c.code });
    }
  });

  it('has a case for every rule with a safe fix', () => {
    const covered = new Set(CASES.filter((c) => !c.suggestion).map((c) => c.rule));
    const fixable = [
      'await-params',
      'next-request-only-api',
      'cookies-on-plain-response',
      'cookie-value',
      'removed-request-api',
      'missing-await',
      'insecure-cookie',
      'no-swallowed-navigation',
      'invalid-segment-config',
      'no-body-with-null-status',
      'error-status-mismatch',
      'create-status',
      'cors-vary-origin',
      'cors-missing-options',
      'invalid-status',
      'invalid-route-export',
    ];
    for (const id of fixable) {
      assert.equal(ruleById(id)?.meta.fixable, 'safe', id);
      assert.ok(covered.has(id), `no type-check case for ${id}`);
    }
  });

  it('fixes every case (each produced a change that clears the finding)', () => {
    for (const c of fixed) {
      assert.notEqual(c.output, c.code, `${c.rule}: ${c.name} produced no fix`);
      const again = lintDocument(parseDocument(c.path, c.output), {
        rules: [ruleById(c.rule)!],
        route: routeInfoFor(c.path),
      });
      assert.deepEqual(
        again.map((f) => f.message),
        [],
        `${c.rule}: ${c.name} still has findings:\n${c.output}`,
      );
    }
  });

  it('type-checks every fixed file, and every fixed handler has the shape next build expects', () => {
    const files: TypeCheckFile[] = fixed.map((c) => ({
      path: c.path,
      text: c.output,
      ...(c.params ? { params: c.params } : {}),
    }));
    const errors = typeCheck(files, 'fix-typecheck');
    const report = [...errors].map(([file, msgs]) => `${file}:\n  ${msgs.join('\n  ')}`).join('\n');
    assert.equal(errors.size, 0, report);
  });

  it('would catch a wrong fix: the unfixed await-params code fails the handler type check', () => {
    const c = CASES[0]!;
    const errors = typeCheck([{ path: c.path, text: c.code, params: c.params! }], 'fix-typecheck-negative');
    assert.ok(
      [...errors.keys()].some((k) => k.includes('route handler type')),
      [...errors].join('\n'),
    );
  });
});

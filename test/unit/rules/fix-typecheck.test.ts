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
    code: `export async function GET(request: Request, { params }: { params: { id: string } }) {
  const post = await db.posts.find(params.id);
  return Response.json({ post, id: params.id });
}
`,
  },
  {
    rule: 'await-params',
    name: 'nested destructuring in the signature',
    path: 'app/api/teams/[team]/members/[member]/route.ts',
    params: '{ team: string; member: string }',
    code: `export async function GET(_req: Request, { params: { team, member } }: { params: { team: string; member: string } }) {
  return Response.json({ team, member });
}
`,
  },
  {
    rule: 'await-params',
    name: 'context.params in a non-async catch-all handler',
    path: 'app/api/files/[...slug]/route.ts',
    params: '{ slug: string[] }',
    code: `export function GET(_req: Request, context: { params: { slug: string[] } }) {
  return Response.json({ path: context.params.slug.join('/') });
}
`,
  },
  {
    rule: 'await-params',
    name: 'an untyped context in an optional catch-all',
    path: 'app/api/docs/[[...slug]]/route.ts',
    params: '{ slug?: string[] }',
    code: `export const GET = async (_req: Request, { params }: any) => {
  return Response.json({ slug: params.slug ?? [] });
};
`,
  },
  {
    rule: 'await-params',
    name: 'a local type alias',
    path: 'app/api/posts/[id]/route.ts',
    params: '{ id: string }',
    code: `type Ctx = { params: { id: string } };

export async function DELETE(_req: Request, { params }: Ctx) {
  await db.posts.delete(params.id);
  return new Response(null, { status: 204 });
}
`,
  },
  {
    rule: 'next-request-only-api',
    name: 'request.cookies on Request',
    path: 'app/api/session/route.ts',
    code: `export async function GET(request: Request) {
  const session = request.cookies.get('session')?.value;
  return Response.json({ session: session ?? null });
}
`,
  },
  {
    rule: 'next-request-only-api',
    name: 'nextUrl with an existing next/server import',
    path: 'app/api/search/route.ts',
    code: `import { NextResponse } from 'next/server';

export async function GET(req: Request) {
  return NextResponse.json({ q: req.nextUrl.searchParams.get('q') });
}
`,
  },
  {
    rule: 'cookies-on-plain-response',
    name: 'cookies set on Response.json',
    path: 'app/api/login/route.ts',
    code: `export async function POST(request: Request) {
  const session = await createSession(await request.json());
  const response = Response.json({ user: session.user }, { status: 201 });
  response.cookies.set('sessionId', session.id, { httpOnly: true, secure: true, sameSite: 'lax' });
  return response;
}
`,
  },
  {
    rule: 'cookie-value',
    name: 'a cookie object passed as a string',
    path: 'app/api/me/route.ts',
    code: `import type { NextRequest } from 'next/server';
export async function GET(request: NextRequest) {
  const sessionId = request.cookies.get('sessionId');
  if (!sessionId) return Response.json({ error: 'No session' }, { status: 401 });
  return Response.json(await verifySession(sessionId));
}
`,
  },
  {
    rule: 'removed-request-api',
    name: 'sync cookies() and headers()',
    path: 'app/api/prefs/route.ts',
    code: `import { cookies, headers } from 'next/headers';
export async function GET() {
  const h = headers();
  return Response.json({ theme: cookies().get('theme')?.value ?? 'light', ua: h.get('user-agent') });
}
`,
  },
  {
    rule: 'missing-await',
    name: 'a property read on request.json()',
    path: 'app/api/echo/route.ts',
    code: `export async function POST(request: Request) {
  const title = request.json().title;
  return Response.json({ title });
}
`,
  },
  {
    rule: 'insecure-cookie',
    name: 'a session cookie without options',
    path: 'app/api/login/route.ts',
    code: `import { NextResponse } from 'next/server';
export async function POST() {
  const res = NextResponse.json({ ok: true });
  res.cookies.set('session', token);
  return res;
}
`,
  },
  {
    rule: 'insecure-cookie',
    name: 'cookies() object form missing attributes',
    path: 'app/api/login/route.ts',
    code: `import { cookies } from 'next/headers';
export async function POST() {
  (await cookies()).set({ name: 'sid', value: token, path: '/' });
  return new Response(null, { status: 204 });
}
`,
  },
  {
    rule: 'no-swallowed-navigation',
    name: 'notFound() in a try',
    path: 'app/api/posts/[id]/route.ts',
    params: '{ id: string }',
    code: `import { notFound } from 'next/navigation';

export async function GET() {
  try {
    const post = await load();
    if (!post) notFound();
    return Response.json(post);
  } catch {
    return Response.json({ error: 'Failed' }, { status: 500 });
  }
}
`,
  },
  {
    rule: 'no-swallowed-navigation',
    name: 'a local helper calling redirect(), a bare catch whose block already uses `error`',
    path: 'app/api/account/route.ts',
    code: `import { redirect } from 'next/navigation';

function requireUser(user: { id: string } | null) {
  if (!user) redirect('/login');
  return user;
}

export async function GET() {
  let error = '';
  try {
    const user = requireUser(await getUser());
    return Response.json(user);
  } catch {
    error = 'Failed to load account';
  }
  return Response.json({ error }, { status: 500 });
}

declare function getUser(): Promise<{ id: string } | null>;
`,
  },
  {
    rule: 'invalid-segment-config',
    name: 'a computed revalidate',
    path: 'app/api/feed/route.ts',
    code: `export const revalidate = 60 * 10;
export async function GET() {
  return Response.json({});
}
`,
  },
  {
    rule: 'invalid-segment-config',
    name: 'the experimental-edge runtime',
    path: 'app/api/edge/route.ts',
    code: `export const runtime = 'experimental-edge';
export async function GET() {
  return Response.json({});
}
`,
  },
  {
    rule: 'require-try-catch',
    name: 'I/O without try/catch',
    suggestion: true,
    path: 'app/api/posts/route.ts',
    code: `export async function GET() {
  const posts = await db.posts.findMany();
  return Response.json(posts);
}
`,
  },
  {
    rule: 'require-try-catch',
    name: 'I/O with redirect() imported',
    suggestion: true,
    path: 'app/api/go/route.ts',
    code: `import { redirect } from 'next/navigation';

export async function GET() {
  const target = await load();
  if (!target) redirect('/');
  return Response.json(target);
}
`,
  },
  {
    rule: 'no-body-with-null-status',
    name: 'Response.json with 204',
    path: 'app/api/posts/[id]/route.ts',
    params: '{ id: string }',
    code: `export async function DELETE() {
  await db.posts.delete(1);
  return Response.json({ deleted: true }, { status: 204 });
}
`,
  },
  {
    rule: 'error-status-mismatch',
    name: 'an error with no status',
    path: 'app/api/users/route.ts',
    code: `export async function GET() {
  const user = await load();
  if (!user) return Response.json({ error: 'User not found' });
  return Response.json(user);
}
`,
  },
  {
    rule: 'create-status',
    name: 'a create answered with 200',
    path: 'app/api/posts/route.ts',
    code: `export async function POST(request: Request) {
  const post = await db.posts.create({ data: await request.json() });
  return Response.json(post);
}
`,
  },
  {
    rule: 'cors-vary-origin',
    name: 'a reflected origin without Vary',
    path: 'app/api/public/route.ts',
    code: `const ALLOWED = ['https://a.example'];
export async function GET(request: Request) {
  const origin = request.headers.get('origin');
  const response = Response.json({ ok: true });
  if (origin && ALLOWED.includes(origin)) {
    response.headers.set('Access-Control-Allow-Origin', origin);
  }
  return response;
}
`,
  },
  {
    rule: 'cors-missing-options',
    name: 'fixed CORS headers without OPTIONS',
    path: 'app/api/public/route.ts',
    code: `export async function GET() {
  return Response.json({ ok: true }, { headers: { 'Access-Control-Allow-Origin': 'https://a.example' } });
}
`,
  },
  {
    rule: 'invalid-status',
    name: 'a relative redirect',
    path: 'app/api/old/route.ts',
    code: `import { NextResponse, type NextRequest } from 'next/server';
export async function GET(request: NextRequest) {
  return NextResponse.redirect('/new');
}
`,
  },
  {
    rule: 'invalid-route-export',
    name: 'a lowercase get',
    path: 'app/api/items/route.ts',
    code: `export async function get() {
  return Response.json([]);
}
`,
  },
];

describe('quick fixes type-check against the real next types', function () {
  this.timeout(120000);
  const fixed: Array<FixCase & { output: string }> = [];

  before(() => {
    for (const c of CASES) {
      const rule = ruleById(c.rule) as AnyRule;
      const findings = lintDocument(parseDocument(c.path, c.code), {
        rules: [rule],
        route: routeInfoFor(c.path),
        fixes: true,
      });
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

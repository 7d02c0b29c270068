import rule from '../../../src/core/rules/error-status-mismatch';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'a 500 for the server missing its own configuration',
      code: `export async function POST() {
  if (!process.env.STRIPE_SECRET_KEY) return Response.json({ error: 'Missing STRIPE_SECRET_KEY' }, { status: 500 });
  return Response.json({ ok: true });
}`,
    },
    {
      name: 'a 500 answered in a catch whose message mentions a required step',
      code: `export async function POST() {
  try {
    return Response.json(await run());
  } catch {
    return Response.json({ error: 'A retry is required' }, { status: 500 });
  }
}`,
    },
    {
      name: 'error bodies with error statuses',
      code: `export async function GET() {
  if (!ok) return Response.json({ error: 'Not found' }, { status: 404 });
  try { return Response.json(await load()) } catch { return NextResponse.json({ error: 'Failed' }, { status: 500 }) }
}`,
    },
    {
      name: "the seed's error helper whose status is a parameter",
      code: `function createErrorResponse(message, status = 500) {
  return Response.json({ error: message, timestamp: new Date().toISOString() }, { status })
}
export async function GET() { return createErrorResponse('Post not found', 404) }`,
      filename: 'app/api/items/route.js',
    },
    {
      name: 'a result envelope whose error is null',
      code: `export async function GET() { return Response.json({ data: [], error: null }) }`,
    },
    {
      name: 'an envelope that says success',
      code: `export async function GET() { return Response.json({ success: true, error: 'partial: 2 items skipped' }) }`,
    },
    {
      name: 'a body without an error key',
      code: `export async function GET() { return Response.json({ message: 'ok' }) }`,
    },
    {
      name: 'a status computed at runtime',
      code: `export async function GET() { return Response.json({ error: 'upstream' }, { status: upstream.status }) }`,
    },
    {
      name: 'GraphQL-style errors arrays (not `error`)',
      code: `export async function POST() { return Response.json({ data: null, errors: [{ message: 'x' }] }) }`,
    },
  ],
  invalid: [
    {
      name: 'a missing field answered with 500 (a client mistake)',
      code: `export async function POST(req: Request) {
  const { email } = await req.json();
  if (!email) return Response.json({ error: 'Email is required' }, { status: 500 });
  return Response.json({ email }, { status: 201 });
}`,
      errors: [{ messageId: 'clientErrorAs500', line: 3, data: { error: 'Email is required', suggested: 400 } }],
      output: `export async function POST(req: Request) {
  const { email } = await req.json();
  if (!email) return Response.json({ error: 'Email is required' }, { status: 400 });
  return Response.json({ email }, { status: 201 });
}`,
    },
    {
      name: 'a not-found error with no status and answers 404',
      code: `export async function GET() {
  if (!user) {
    return Response.json({ error: 'User not found' });
  }
  return Response.json(user);
}`,
      errors: [{ messageId: 'implicitOk', line: 3, column: 12, data: { suggested: 404 } }],
      output: `export async function GET() {
  if (!user) {
    return Response.json({ error: 'User not found' }, { status: 404 });
  }
  return Response.json(user);
}`,
    },
    {
      name: 'a validation error with no status and answers 400',
      code: `export async function POST() { return Response.json({ error: 'Title is required' }) }`,
      errors: [{ messageId: 'implicitOk', data: { suggested: 400 } }],
      output: `export async function POST() { return Response.json({ error: 'Title is required' }, { status: 400 }) }`,
    },
    {
      name: 'an error in a catch block and answers 500',
      code: `export async function GET() {
  try {
    return Response.json(await load());
  } catch (error) {
    console.error(error);
    return NextResponse.json({ error: 'Failed to load' });
  }
}`,
      errors: [{ messageId: 'implicitOk', line: 6, data: { suggested: 500 } }],
      output: `export async function GET() {
  try {
    return Response.json(await load());
  } catch (error) {
    console.error(error);
    return NextResponse.json({ error: 'Failed to load' }, { status: 500 });
  }
}`,
    },
    {
      name: 'an explicit 200 on an unauthorized error and answers 401',
      code: `export async function GET() { return Response.json({ error: 'Unauthorized' }, { status: 200 }) }`,
      errors: [{ messageId: 'successStatus', data: { status: 200, suggested: 401 } }],
      output: `export async function GET() { return Response.json({ error: 'Unauthorized' }, { status: 401 }) }`,
    },
    {
      name: 'an init object with headers but no status',
      code: `export async function GET() { return Response.json({ error: 'Forbidden' }, { headers: { 'Cache-Control': 'no-store' } }) }`,
      errors: [{ messageId: 'implicitOk', data: { suggested: 403 } }],
      output: `export async function GET() { return Response.json({ error: 'Forbidden' }, { status: 403, headers: { 'Cache-Control': 'no-store' } }) }`,
    },
    {
      name: 'a JSON.stringify error body in new Response',
      code: `export async function GET() { return new Response(JSON.stringify({ error: 'Bad input' }), { headers: { 'Content-Type': 'application/json' } }) }`,
      errors: [{ messageId: 'implicitOk', data: { suggested: 400 } }],
      output: `export async function GET() { return new Response(JSON.stringify({ error: 'Bad input' }), { status: 400, headers: { 'Content-Type': 'application/json' } }) }`,
    },
    {
      name: 'an error body in a promise .catch callback',
      code: `export async function GET() { return load().then((d) => Response.json(d)).catch(() => Response.json({ error: 'Load failed' })) }`,
      errors: [{ messageId: 'implicitOk', data: { suggested: 500 } }],
      output: `export async function GET() { return load().then((d) => Response.json(d)).catch(() => Response.json({ error: 'Load failed' }, { status: 500 })) }`,
    },
    {
      name: 'an error body with status 201 held in a const',
      code: `const CREATED = 201;
export async function POST() { return Response.json({ error: 'Email already exists' }, { status: CREATED }) }`,
      errors: [{ messageId: 'successStatus', data: { status: 201, suggested: 409 } }],
      output: `const CREATED = 201;
export async function POST() { return Response.json({ error: 'Email already exists' }, { status: 409 }) }`,
    },
  ],
});

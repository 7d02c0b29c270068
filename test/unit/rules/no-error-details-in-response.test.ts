import rule from '../../../src/core/rules/no-error-details-in-response';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'a fixed message in a 500 with the error logged',
      code: `export async function GET() {
  try { return Response.json(await load()) } catch (error) {
    console.error('Failed', error);
    return Response.json({ error: 'Failed to load' }, { status: 500 });
  }
}`,
    },
    {
      name: 'validation issues in a 400',
      code: `export async function POST() {
  try { schema.parse({}) } catch (error) {
    if (error instanceof ZodError) return Response.json({ error: 'Invalid', issues: error.issues }, { status: 400 });
    return Response.json({ error: 'Failed' }, { status: 500 });
  }
  return new Response(null, { status: 204 });
}`,
    },
    {
      name: 'an error code (not the message) in a 500',
      code: `export async function GET() {
  try { return Response.json(await load()) } catch (error) {
    return Response.json({ error: 'Failed', code: error.code }, { status: 500 });
  }
}`,
    },
    {
      name: 'error.message in a 409 conflict',
      code: `export async function POST() {
  try { await save() } catch (err) {
    return Response.json({ error: err.message }, { status: 409 });
  }
  return new Response(null, { status: 201 });
}`,
    },
    {
      name: 'a message outside any catch',
      code: `export async function GET() { const message = 'x'; return Response.json({ error: message }, { status: 500 }) }`,
    },
    {
      name: 'an instanceof check in a 500 response condition',
      code: `export async function GET() {
  try { return Response.json(await load()) } catch (e) {
    return Response.json({ error: e instanceof TimeoutError ? 'Timed out' : 'Failed' }, { status: 500 });
  }
}`,
    },
    {
      name: 'the catch variable used only for logging in a .catch callback',
      code: `export async function GET() { return load().catch((err) => { console.error(err); return Response.json({ error: 'Failed' }, { status: 502 }) }) }`,
    },
  ],
  invalid: [
    {
      name: 'error.message in a 500',
      code: `export async function GET() {
  try { return Response.json(await load()) } catch (error) {
    return Response.json({ error: error.message }, { status: 500 });
  }
}`,
      errors: [{ messageId: 'errorDetails', line: 3, column: 35, data: { expr: 'error.message' } }],
    },
    {
      name: 'error.stack in a details field',
      code: `export async function GET() {
  try { return Response.json(await load()) } catch (err) {
    return NextResponse.json({ error: 'Failed', details: err.stack }, { status: 500 });
  }
}`,
      errors: [{ messageId: 'errorDetails', data: { expr: 'err.stack' } }],
    },
    {
      name: 'the raw error object as a shorthand property',
      code: `export async function GET() {
  try { return Response.json(await load()) } catch (error) {
    return Response.json({ error }, { status: 500 });
  }
}`,
      errors: [{ messageId: 'errorDetails', data: { expr: 'error' } }],
    },
    {
      name: 'String(error) with an implicit status',
      code: `export async function GET() {
  try { return Response.json(await load()) } catch (e) {
    return Response.json({ message: String(e) });
  }
}`,
      errors: [{ messageId: 'errorDetails', data: { expr: 'e' } }],
    },
    {
      name: 'a cast error message in a template literal',
      code: `export async function POST() {
  try { await save() } catch (error) {
    return Response.json({ error: \`Failed: \${(error as Error).message}\` }, { status: 500 });
  }
  return new Response(null, { status: 204 });
}`,
      errors: [{ messageId: 'errorDetails', data: { expr: '(error as Error).message' } }],
    },
    {
      name: 'a stringified error in new Response',
      code: `export async function GET() {
  try { return Response.json(await load()) } catch (error) {
    return new Response(JSON.stringify({ error: error.message }), { status: 503 });
  }
}`,
      errors: [{ messageId: 'errorDetails', data: { expr: 'error.message' } }],
    },
    {
      name: 'an error message in a promise .catch callback',
      code: `export async function GET() { return load().catch((err) => Response.json({ error: err.message }, { status: 500 })) }`,
      errors: [{ messageId: 'errorDetails', data: { expr: 'err.message' } }],
    },
  ],
});

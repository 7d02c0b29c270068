import rule from '../../../src/core/rules/unguarded-json-parse';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'a webhook body read after the shared-secret check (only the trusted sender gets there)',
      code: `export async function POST(req: Request) {
  if (req.headers.get('x-webhook-secret') !== process.env.WEBHOOK_SECRET) {
    return new Response('Unauthorized', { status: 401 });
  }
  const { event } = await req.json();
  await handle(event);
  return new Response(null, { status: 204 });
}`,
    },
    {
      name: "the seed's users POST: a catch that answers 400 'Invalid JSON format'",
      code: `export async function POST(request) {
  try {
    const data = await request.json()
    const user = await db.users.create(data)
    return Response.json(user, { status: 201 })
  } catch (error) {
    return Response.json({ error: 'Invalid JSON format' }, { status: 400 })
  }
}`,
      filename: 'app/api/users/route.js',
    },
    {
      name: 'a .catch(() => null) with a null check',
      code: `export async function POST(req: Request) {
  const body = await req.json().catch(() => null);
  if (body === null) return Response.json({ error: 'Invalid JSON' }, { status: 400 });
  return Response.json(body);
}`,
    },
    {
      name: 'zod safeParse of a caught body',
      code: `export async function POST(req: Request) {
  let raw: unknown;
  try { raw = await req.json() } catch { return Response.json({ error: 'Invalid JSON' }, { status: 400 }) }
  const parsed = Schema.safeParse(raw);
  if (!parsed.success) return Response.json({ error: 'Invalid' }, { status: 400 });
  return Response.json(parsed.data, { status: 201 });
}`,
    },
    {
      name: 'a catch that distinguishes SyntaxError from other errors',
      code: `export async function POST(req: Request) {
  try {
    const data = await req.json();
    return Response.json(await save(data), { status: 201 });
  } catch (error) {
    if (error instanceof SyntaxError) return Response.json({ error: 'Invalid JSON' }, { status: 400 });
    return Response.json({ error: 'Failed' }, { status: 500 });
  }
}`,
    },
    {
      name: 'a catch that rethrows to an error boundary',
      code: `export async function POST(req: Request) {
  try { return Response.json(await req.json()) } catch (e) { throw new BadRequest(e) }
}`,
    },
    {
      name: 'a wrapped handler (the wrapper maps errors)',
      code: `export const POST = withApi(async (req: Request) => Response.json(await req.json()));`,
    },
    {
      name: 'a fetch response .json() (not the request body)',
      code: `export async function GET() {
  const res = await fetch('https://api.example.com');
  return Response.json(await res.json());
}`,
    },
    {
      name: 'request.text(), which does not fail on bad input',
      code: `export async function POST(req: Request) { const raw = await req.text(); return Response.json({ length: raw.length }) }`,
    },
  ],
  invalid: [
    {
      name: 'a body read before the shared-secret check',
      code: `export async function POST(req: Request) {
  const body = await req.json();
  if (req.headers.get('x-webhook-secret') !== process.env.WEBHOOK_SECRET) return new Response(null, { status: 401 });
  await handle(body);
  return new Response(null, { status: 204 });
}`,
      errors: [
        {
          messageId: 'unguarded',
          line: 2,
          data: { call: 'req.json()', kind: 'JSON' },
          suggestions: [
            {
              output: `export async function POST(req: Request) {
  const body = await req.json().catch(() => null);
  if (body === null) {
    return Response.json({ error: 'Request body must be valid JSON' }, { status: 400 });
  }
  if (req.headers.get('x-webhook-secret') !== process.env.WEBHOOK_SECRET) return new Response(null, { status: 401 });
  await handle(body);
  return new Response(null, { status: 204 });
}`,
            },
          ],
        },
      ],
    },
    {
      name: "the seed's first POST, suggesting a 400 on invalid JSON",
      code: `export async function POST(request) {
  const data = await request.json()
  return Response.json(data, { status: 201 })
}`,
      filename: 'app/api/posts/route.js',
      errors: [
        {
          messageId: 'unguarded',
          line: 2,
          column: 22,
          suggestions: [
            {
              output: `export async function POST(request) {
  const data = await request.json().catch(() => null)
  if (data === null) {
    return Response.json({ error: 'Request body must be valid JSON' }, { status: 400 })
  }
  return Response.json(data, { status: 201 })
}`,
            },
          ],
          data: { call: 'request.json()', kind: 'JSON' },
        },
      ],
      output: null,
    },
    {
      name: "the seed's CRUD POST: a catch-all that answers 500 for malformed JSON",
      code: `export async function POST(request) {
  try {
    const data = await request.json()
    return Response.json(await db.posts.create(data), { status: 201 })
  } catch (error) {
    return Response.json({ error: 'Failed to create post' }, { status: 500 })
  }
}`,
      filename: 'app/api/posts/route.js',
      errors: [
        {
          messageId: 'caughtAs500',
          line: 3,
          data: { call: 'request.json()' },
          suggestions: [
            {
              title: 'Answer 400 when the body is not valid JSON',
              output: `export async function POST(request) {
  try {
    const data = await request.json().catch(() => null)
    if (data === null) {
      return Response.json({ error: 'Request body must be valid JSON' }, { status: 400 });
    }
    return Response.json(await db.posts.create(data), { status: 201 })
  } catch (error) {
    return Response.json({ error: 'Failed to create post' }, { status: 500 })
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'an unguarded formData() in a TS upload handler',
      code: `export async function POST(req: Request) {
  const form = await req.formData();
  return Response.json({ name: String(form.get('name')) });
}`,
      errors: [
        {
          messageId: 'unguarded',
          line: 2,
          data: { call: 'req.formData()', kind: 'form data' },
          suggestions: [
            {
              output: `export async function POST(req: Request) {
  const form = await req.formData().catch(() => null);
  if (form === null) {
    return Response.json({ error: 'Request body must be form data' }, { status: 400 });
  }
  return Response.json({ name: String(form.get('name')) });
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a destructured body: the suggestion reads it into a fresh name, answers 400 on null, then destructures',
      code: `export async function POST(req: Request) {
  const { title } = await req.json();
  return Response.json({ title }, { status: 201 });
}`,
      errors: [
        {
          messageId: 'unguarded',
          suggestions: [
            {
              title: /Answer 400/,
              output: `export async function POST(req: Request) {
  const body = await req.json().catch(() => null);
  if (body === null) {
    return Response.json({ error: 'Request body must be valid JSON' }, { status: 400 });
  }
  const { title } = body;
  return Response.json({ title }, { status: 201 });
}`,
            },
          ],
          data: { call: 'req.json()', kind: 'JSON' },
        },
      ],
    },
    {
      name: 'a body read in an arrow handler',
      code: `export const PUT = async (request: Request) => Response.json(await request.json());`,
      errors: [{ messageId: 'unguarded', data: { call: 'request.json()', kind: 'JSON' } }],
    },
    {
      name: 'a body read through request.clone()',
      code: `export async function POST(request: Request) {
  const copy = await request.clone().json();
  return Response.json(copy);
}`,
      errors: [
        {
          messageId: 'unguarded',
          line: 2,
          data: { call: 'request.clone().json()', kind: 'JSON' },
          suggestions: [
            {
              title: 'Answer 400 when the body is not valid JSON',
              output: `export async function POST(request: Request) {
  const copy = await request.clone().json().catch(() => null);
  if (copy === null) {
    return Response.json({ error: 'Request body must be valid JSON' }, { status: 400 });
  }
  return Response.json(copy);
}`,
            },
          ],
        },
      ],
    },
  ],
});

import rule from '../../../src/core/rules/unguarded-webhook-verification';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'a svix verify inside try/catch answering 400',
      code: `export async function POST(req: Request) {
  const raw = await req.text();
  let event;
  try {
    event = wh.verify(raw, { 'svix-signature': req.headers.get('svix-signature')! });
  } catch {
    return new Response('Invalid signature', { status: 400 });
  }
  return Response.json({ received: event.type });
}`,
    },
    {
      name: 'a verifier that returns a boolean, used as a condition',
      code: `export async function POST(req: Request) {
  const raw = await req.text();
  if (!verifySignature(raw, req.headers.get('x-signature'))) return new Response(null, { status: 401 });
  return new Response(null, { status: 204 });
}`,
    },
    {
      name: 'a verify result destructured (it reports failure instead of throwing)',
      code: `export async function GET(req: Request) {
  const { verified } = await verify({ handle: 'a', accessToken: 'b' });
  if (!verified) return new Response(null, { status: 403 });
  return new Response(null, { status: 204 });
}`,
    },
    {
      name: 'a schema parse after the signature check',
      code: `export async function POST(req: Request) {
  const raw = await req.text();
  const expected = createHmac('sha256', process.env.SECRET!).update(raw).digest('hex');
  if (req.headers.get('x-signature') !== expected) return new Response(null, { status: 401 });
  const event = eventSchema.parse(JSON.parse(raw));
  return Response.json({ type: event.type });
}`,
    },
    {
      name: 'a safeParse before the signature check (it does not throw)',
      code: `export async function POST(req: Request) {
  const body = await req.json();
  const parsed = eventSchema.safeParse(body);
  if (req.headers.get('x-signature') !== sign(body)) return new Response(null, { status: 401 });
  return Response.json({ ok: parsed.success });
}`,
    },
    {
      name: 'a wrapped handler (the wrapper may catch)',
      code: `export const POST = withErrorHandling(async (req: Request) => {
  const raw = await req.text();
  wh.verify(raw, { 'svix-signature': req.headers.get('svix-signature')! });
  return new Response(null, { status: 204 });
});`,
    },
  ],
  invalid: [
    {
      name: 'a svix verify statement with nothing to catch it',
      code: `export async function POST(req: Request) {
  const rawBody = await req.text();
  webhook.verify(rawBody, { 'svix-signature': req.headers.get('svix-signature')! });
  return new Response(null, { status: 204 });
}`,
      errors: [
        {
          messageId: 'verifyThrows',
          line: 3,
          data: { call: "webhook.verify(rawBody, { 'svix-signature': req…" },
        },
      ],
    },
    {
      name: "Stripe's constructEvent kept in a variable, uncaught",
      code: `export async function POST(req: Request) {
  const body = await req.text();
  const event = stripe.webhooks.constructEvent(body, req.headers.get('stripe-signature')!, secret);
  return Response.json({ type: event.type });
}`,
      errors: [
        {
          messageId: 'verifyThrows',
          line: 3,
          data: { call: 'stripe.webhooks.constructEvent(body, req.header…' },
        },
      ],
    },
    {
      name: 'an awaited verify helper given the request, uncaught',
      code: `export const POST = async (req: Request) => {
  const rawBody = await req.text();
  await verifyQueueSignature({ req, rawBody });
  return new Response(null, { status: 204 });
};`,
      errors: [{ messageId: 'verifyThrows', line: 3, data: { call: 'verifyQueueSignature({ req, rawBody })' } }],
    },
    {
      name: 'a schema parse of the body before the hand-made signature check',
      code: `export async function POST(req: Request) {
  const body = await req.json();
  const { event } = payloadSchema.parse(body);
  const signature = req.headers.get('x-signature');
  if (signature !== sign(JSON.stringify(body))) return new Response(null, { status: 401 });
  return Response.json({ event });
}`,
      errors: [{ messageId: 'parseBeforeVerify', line: 3, data: { call: 'payloadSchema.parse(body)' } }],
    },
    {
      name: 'a schema parse before a throwing verify, both uncaught',
      code: `export async function POST(req: Request) {
  const raw = await req.text();
  const data = schema.parse(JSON.parse(raw));
  wh.verify(raw, { 'svix-signature': req.headers.get('svix-signature')! });
  return Response.json(data);
}`,
      errors: [
        { messageId: 'parseBeforeVerify', line: 3, data: { call: 'schema.parse(JSON.parse(raw))' } },
        { messageId: 'verifyThrows', line: 4, data: { call: "wh.verify(raw, { 'svix-signature': req.headers.…" } },
      ],
    },
    {
      name: 'a verify inside try/finally (no catch)',
      code: `export async function POST(req: Request) {
  const raw = await req.text();
  try {
    wh.verify(raw, { 'svix-signature': req.headers.get('svix-signature')! });
  } finally {
    log('webhook');
  }
  return new Response(null, { status: 204 });
}`,
      errors: [
        { messageId: 'verifyThrows', line: 4, data: { call: "wh.verify(raw, { 'svix-signature': req.headers.…" } },
      ],
    },
  ],
});

import rule from '../../../src/core/rules/no-sensitive-response';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'a user row read with select',
      code: `export async function GET() {
  const user = await prisma.user.findUnique({ where: { id: 1 }, select: { id: true, name: true } });
  return Response.json(user);
}`,
    },
    {
      name: 'a mapped safe user object',
      code: `export async function GET() {
  const user = await db.users.findById(1);
  return Response.json({ id: user.id, name: user.name });
}`,
    },
    {
      name: 'a login route returning a fresh access token',
      code: `export async function POST() {
  const token = await sign({ sub: '1' });
  return Response.json({ token, expiresIn: 3600 });
}`,
      filename: 'app/api/auth/login/route.ts',
    },
    {
      name: 'a key-issuing route returning the new API key once',
      code: `export async function POST() { return Response.json({ apiKey: generateKey() }, { status: 201 }) }`,
      filename: 'app/api/keys/route.ts',
    },
    {
      name: 'flags derived from a credential (`!!token`, `token != null`, `Boolean(secret)`)',
      code: `export async function GET() {
  const token = await currentToken();
  return Response.json({ token: !!token, apiKey: token != null, secret: Boolean(token) });
}`,
    },
    {
      name: 'a rotated secret returned once by the route that rotates it',
      code: `export async function POST() {
  const secret = createToken();
  await db.hooks.update({ where: { id: 1 }, data: { secret } });
  return Response.json({ secret });
}`,
      filename: 'app/api/hooks/[id]/rotate-secret/route.ts',
    },
    {
      name: 'boolean and numeric flags named like secrets',
      code: `export async function GET() { return Response.json({ secret: false, hasPassword: true, token: 0 }) }`,
    },
    {
      name: 'a password field explicitly removed',
      code: `export async function GET() { return Response.json({ ...profile, password: undefined }) }`,
    },
    {
      name: 'a user row with the password deleted first',
      code: `export async function GET() {
  const user = await db.users.findById(1);
  delete user.passwordHash;
  return Response.json(user);
}`,
    },
    {
      name: 'non-user rows returned whole',
      code: `export async function GET() {
  const posts = await db.posts.findMany();
  return Response.json(posts);
}`,
    },
    {
      name: "the session's user from the auth library",
      code: `export async function GET() {
  const session = await auth();
  return Response.json({ user: session?.user });
}`,
    },
  ],
  invalid: [
    {
      name: 'a password hash in the body',
      code: `export async function GET() {
  return Response.json({ id: u.id, passwordHash: u.passwordHash });
}`,
      errors: [{ messageId: 'sensitiveKey', line: 2, column: 36, data: { key: 'passwordHash' } }],
    },
    {
      name: 'a salt and a secret',
      code: `export async function GET() { return Response.json({ salt: s, secret: k }) }`,
      errors: [
        { messageId: 'sensitiveKey', data: { key: 'salt' } },
        { messageId: 'credentialKey', data: { key: 'secret' } },
      ],
    },
    {
      name: 'a nested password in a JSON.stringify body',
      code: `export async function GET() { return new Response(JSON.stringify({ user: { name: 'a', password: p } })) }`,
      errors: [{ messageId: 'sensitiveKey', data: { key: 'password' } }],
    },
    {
      name: 'a refresh token from a non-auth route',
      code: `export async function GET() { return Response.json({ profile, refreshToken: rt }) }`,
      filename: 'app/api/profile/route.ts',
      errors: [{ messageId: 'credentialKey', data: { key: 'refreshToken' } }],
    },
    {
      name: "the seed's protected route returning a whole user row",
      code: `export async function GET(request) {
  const user = await db.users.findById(decoded.userId)
  return Response.json({ user })
}`,
      filename: 'app/api/protected/route.js',
      errors: [
        { messageId: 'wholeUserRow', line: 3, column: 26, severity: 'info', data: { name: 'user', table: 'db.users' } },
      ],
    },
    {
      name: 'a Prisma user returned directly',
      code: `export async function GET() {
  const me = await prisma.user.findUnique({ where: { id: 1 } });
  return NextResponse.json(me);
}`,
      errors: [{ messageId: 'wholeUserRow', data: { name: 'me', table: 'prisma.user' } }],
    },
    {
      name: 'an updated account row',
      code: `export async function PUT() {
  const updatedUser = await db.accounts.update(1, {});
  return Response.json(updatedUser);
}`,
      errors: [{ messageId: 'wholeUserRow', data: { name: 'updatedUser', table: 'db.accounts' } }],
    },
    {
      name: "the seed's request example echoing the Authorization header",
      filename: 'app/api/example/route.js',
      code: `export async function GET(request) {
  const authorization = request.headers.get('authorization')
  return Response.json({ authorization })
}`,
      errors: [{ messageId: 'credentialKey', data: { key: 'authorization' } }],
    },
    {
      name: 'a hashed password held in a local object',
      code: `export async function GET() {
  const payload = { email: 'a', hashedPassword: h };
  return Response.json(payload);
}`,
      errors: [{ messageId: 'sensitiveKey', data: { key: 'hashedPassword' } }],
    },
  ],
});

/**
 * Reading an app's Auth.js credentials provider from its code, for Sign In (Auth.js)…:
 * next-auth v5 (`NextAuth({ providers: [Credentials({…})] })`) and v4 (`authOptions` with
 * `CredentialsProvider({…})`, used by `getServerSession(authOptions)` and
 * `NextAuth(authOptions)`), as a table of code shapes, and found across an app's files.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { credentialsProviderIn, findAuthSetup, type AuthSetup } from '../../../src/core/request/authjs';
import { tempProject } from '../../support/tempProject';

type Expected = Pick<AuthSetup, 'providerId' | 'authPath'> & {
  fields: string[];
  password?: string;
  signInPage?: string;
};

const V4_OPTIONS = `import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';

export const authOptions: NextAuthOptions = {
  providers: [
    CredentialsProvider({
      name: 'Credentials',
      credentials: {
        username: { label: 'Username', type: 'text', placeholder: 'jsmith' },
        password: { label: 'Password', type: 'password' },
      },
      async authorize(credentials) {
        return credentials?.username === 'a' ? { id: '1', name: 'a' } : null;
      },
    }),
  ],
  pages: { signIn: '/auth/signin' },
};
`;

const CASES: Array<[string, string, Expected | undefined]> = [
  [
    'v5: Credentials in NextAuth({ providers }) with basePath and pages.signIn',
    `import NextAuth from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
export const { handlers, auth, signIn } = NextAuth({
  basePath: '/auth',
  pages: { signIn: '/login' },
  providers: [Credentials({ credentials: { email: { label: 'Email' }, password: { type: 'password' } }, authorize: async () => null })],
});`,
    {
      providerId: 'credentials',
      authPath: '/auth',
      fields: ['email', 'password'],
      password: 'password',
      signInPage: '/login',
    },
  ],
  [
    'v4: authOptions with CredentialsProvider (the next-auth docs shape), pages.signIn',
    V4_OPTIONS,
    {
      providerId: 'credentials',
      authPath: '/api/auth',
      fields: ['username', 'password'],
      password: 'password',
      signInPage: '/auth/signin',
    },
  ],
  [
    'v4: a provider id, the options satisfying AuthOptions, fields held in a const',
    `import { type AuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
const fields = { otp: { label: 'One-time code', type: 'text' } };
export const authOptions = {
  providers: [CredentialsProvider({ id: 'otp-login', credentials: fields, authorize: async () => null })],
} satisfies AuthOptions;`,
    { providerId: 'otp-login', authPath: '/api/auth', fields: ['otp'] },
  ],
  [
    "v4: credentials: {} with a custom page, the fields read from authorize's argument",
    `import CredentialsProvider from 'next-auth/providers/credentials';
export const authOptions = {
  providers: [
    CredentialsProvider({
      credentials: {},
      async authorize(credentials) {
        const { email, password } = credentials as { email: string; password: string };
        if (!credentials?.remember) return null;
        return { id: email, password };
      },
    }),
  ],
};`,
    {
      providerId: 'credentials',
      authPath: '/api/auth',
      fields: ['email', 'password', 'remember'],
      password: 'password',
    },
  ],
  [
    'v4: authorize as an arrow property, named import of the provider',
    `import { default as Creds } from 'next-auth/providers/credentials';
export const authOptions = { providers: [Creds({ authorize: (c: any) => (c.user && c.secret ? { id: '1' } : null) })] };`,
    { providerId: 'credentials', authPath: '/api/auth', fields: ['user', 'secret'] },
  ],
  [
    'no credentials provider (GitHub only): nothing to sign in with here',
    `import NextAuth from 'next-auth';
import GitHub from 'next-auth/providers/github';
export const authOptions = { providers: [GitHub({ clientId: '', clientSecret: '' })] };
export default NextAuth(authOptions);`,
    undefined,
  ],
  [
    'a function named like the provider but not imported from next-auth is not it',
    `function CredentialsProvider(o: object) { return o; }
export const x = CredentialsProvider({ credentials: { a: {} } });`,
    undefined,
  ],
];

function shape(setup: AuthSetup | undefined): Expected | undefined {
  if (!setup) return undefined;
  const password = setup.fields.find((f) => f.type === 'password')?.name;
  return {
    providerId: setup.providerId,
    authPath: setup.authPath,
    fields: setup.fields.map((f) => f.name),
    ...(password ? { password } : {}),
    ...(setup.signInPage ? { signInPage: setup.signInPage } : {}),
  };
}

describe('Auth.js credentials provider from the code (next-auth v5 and v4)', () => {
  for (const [title, code, expected] of CASES)
    it(title, () => {
      assert.deepEqual(shape(credentialsProviderIn('/app/lib/auth.ts', code)), expected);
    });

  it('v4 app: finds authOptions in lib/auth.ts that routes use through getServerSession and @/lib/auth', () => {
    const project = tempProject({
      'package.json': JSON.stringify({ dependencies: { next: '15.0.0', 'next-auth': '^4.24.0' } }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { paths: { '@/*': ['./*'] } } }),
      'lib/auth.ts': V4_OPTIONS,
      'app/api/auth/[...nextauth]/route.ts': `import NextAuth from 'next-auth';\nimport { authOptions } from '@/lib/auth';\nconst handler = NextAuth(authOptions);\nexport { handler as GET, handler as POST };\n`,
      'app/api/me/route.ts': `import { getServerSession } from 'next-auth/next';\nimport { authOptions } from '@/lib/auth';\nexport async function GET() {\n  const session = await getServerSession(authOptions);\n  if (!session) return new Response(null, { status: 401 });\n  return Response.json(session.user);\n}\n`,
    });
    try {
      const setup = findAuthSetup(project.dir);
      assert.equal(setup?.file, path.join(project.dir, 'lib', 'auth.ts'));
      assert.deepEqual(shape(setup), CASES[1]![2]);
    } finally {
      project.remove();
    }
  });
});

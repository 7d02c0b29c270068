import rule from '../../../src/core/rules/invalid-route-export';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'exported uppercase method functions',
      code: `export async function GET() { return Response.json([]) }
export async function POST(req: Request) { return Response.json(await req.json(), { status: 201 }) }`,
    },
    {
      name: 'arrow-function handlers and wrapped handlers',
      code: `const withAuth = (h: any) => h;
export const GET = async () => Response.json({});
export const DELETE = withAuth(async () => new Response(null, { status: 204 }));`,
    },
    {
      name: 'the NextAuth re-export of one handler under two methods',
      code: `const handler = async () => Response.json({});
export { handler as GET, handler as POST };`,
    },
    {
      name: 'every segment config option and generateStaticParams',
      code: `export const dynamic = 'force-dynamic';
export const dynamicParams = true;
export const revalidate = 60;
export const fetchCache = 'auto';
export const runtime = 'nodejs';
export const preferredRegion = 'auto';
export const maxDuration = 30;
export async function generateStaticParams() { return [] }
export function GET() { return Response.json({}) }`,
    },
    {
      name: 'exported types and interfaces (erased at build)',
      code: `export type Item = { id: string };
export interface Params { id: string }
export type { Item as Thing };
export function GET() { return Response.json({}) }`,
    },
    {
      name: 'handlers re-exported from a shared module',
      code: `export { GET, POST } from '@/lib/handlers';
export { runtime } from '@/lib/config';`,
    },
    {
      name: 'the Auth.js destructured export',
      code: `import { handlers } from '@/auth';
export const { GET, POST } = handlers;`,
    },
    {
      name: 'non-exported helpers beside the handlers',
      code: `function helper() { return 1 }
const authOptions = {};
export function GET() { return Response.json({ n: helper(), authOptions }) }`,
    },
  ],
  invalid: [
    {
      name: 'a lowercase `get` function and renames it',
      code: `export async function get() {
  return Response.json([]);
}
`,
      errors: [{ messageId: 'lowercaseMethod', line: 1, column: 23, data: { name: 'get', upper: 'GET' } }],
      output: `export async function GET() {
  return Response.json([]);
}
`,
    },
    {
      name: 'a lowercase arrow-function `post` and renames it',
      code: `export const post = async (req: Request) => Response.json(await req.json(), { status: 201 });
`,
      errors: [{ messageId: 'lowercaseMethod', line: 1, column: 14, data: { name: 'post', upper: 'POST' } }],
      output: `export const POST = async (req: Request) => Response.json(await req.json(), { status: 201 });
`,
    },
    {
      name: 'a mixed-case alias in an export list and renames only the alias',
      code: `const handler = async () => Response.json({});
export { handler as Get };
`,
      errors: [{ messageId: 'lowercaseMethod', line: 2, column: 21, data: { name: 'Get', upper: 'GET' } }],
      output: `const handler = async () => Response.json({});
export { handler as GET };
`,
    },
    {
      name: 'a lowercase method used elsewhere in the file, offering the rename only as a suggestion',
      code: `export async function get() { return Response.json([]) }
export async function HEAD() { return get() }
`,
      errors: [
        {
          messageId: 'lowercaseMethod',
          suggestions: [
            {
              output: `export async function GET() { return Response.json([]) }
export async function HEAD() { return get() }
`,
            },
          ],
          data: { name: 'get', upper: 'GET' },
        },
      ],
      output: null,
    },
    {
      name: 'a default export',
      code: `export default async function handler(req: Request) {
  return Response.json({ method: req.method });
}
`,
      errors: [{ messageId: 'defaultExport', line: 1, column: 31 }],
      output: null,
    },
    {
      name: 'an anonymous `export default` expression',
      code: `export default async () => Response.json({});
`,
      errors: [{ messageId: 'defaultExport', line: 1 }],
      output: null,
    },
    {
      name: 'an exported helper and config object, suggesting to make them private',
      code: `export const authOptions = { providers: [] };
export function GET() { return Response.json(authOptions) }
`,
      errors: [
        {
          messageId: 'invalidExport',
          line: 1,
          column: 14,
          data: { name: 'authOptions' },
          suggestions: [
            {
              title: /private/,
              output: `const authOptions = { providers: [] };
export function GET() { return Response.json(authOptions) }
`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'an exported helper function and an exported class',
      code: `export function formatUser(u: { name: string }) { return u.name }
export class Repo {}
export function GET() { return Response.json({}) }
`,
      errors: [
        {
          messageId: 'invalidExport',
          line: 1,
          data: { name: 'formatUser' },
          suggestions: [
            {
              title: 'Make formatUser private to this file (remove export)',
              output: `function formatUser(u: { name: string }) { return u.name }
export class Repo {}
export function GET() { return Response.json({}) }
`,
            },
          ],
        },
        {
          messageId: 'invalidExport',
          line: 2,
          data: { name: 'Repo' },
          suggestions: [
            {
              title: 'Make Repo private to this file (remove export)',
              output: `export function formatUser(u: { name: string }) { return u.name }
class Repo {}
export function GET() { return Response.json({}) }
`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a helper re-exported from another module',
      code: `export { GET, formatUser } from '@/lib/users';
`,
      errors: [{ messageId: 'invalidExport', line: 1, column: 15, data: { name: 'formatUser' } }],
      output: null,
    },
    {
      name: 'an invalid config-like name (the removed `experimental_ppr`)',
      code: `export const experimental_ppr = true;
export function GET() { return Response.json({}) }
`,
      errors: [
        {
          messageId: 'invalidExport',
          data: { name: 'experimental_ppr' },
          suggestions: [
            {
              title: 'Make experimental_ppr private to this file (remove export)',
              output: `const experimental_ppr = true;
export function GET() { return Response.json({}) }
`,
            },
          ],
        },
      ],
      output: null,
    },
  ],
});

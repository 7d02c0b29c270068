import rule from '../../../src/core/rules/invalid-route-export';
import { ruleTester } from '../support/ruleTester';

ruleTester(rule, {
  valid: [
    {
      name: 'exported uppercase method functions',
      code: `export async function GET() { return Response.json([]) }\nexport async function POST(req: Request) { return Response.json(await req.json(), { status: 201 }) }`,
    },
    {
      name: 'arrow-function handlers and wrapped handlers',
      code: `const withAuth = (h: any) => h;\nexport const GET = async () => Response.json({});\nexport const DELETE = withAuth(async () => new Response(null, { status: 204 }));`,
    },
    {
      name: 'the NextAuth re-export of one handler under two methods',
      code: `const handler = async () => Response.json({});\nexport { handler as GET, handler as POST };`,
    },
    {
      name: 'every segment config option and generateStaticParams',
      code: `export const dynamic = 'force-dynamic';\nexport const dynamicParams = true;\nexport const revalidate = 60;\nexport const fetchCache = 'auto';\nexport const runtime = 'nodejs';\nexport const preferredRegion = 'auto';\nexport const maxDuration = 30;\nexport async function generateStaticParams() { return [] }\nexport function GET() { return Response.json({}) }`,
    },
    {
      name: 'exported types and interfaces (erased at build)',
      code: `export type Item = { id: string };\nexport interface Params { id: string }\nexport type { Item as Thing };\nexport function GET() { return Response.json({}) }`,
    },
    {
      name: 'handlers re-exported from a shared module',
      code: `export { GET, POST } from '@/lib/handlers';\nexport { runtime } from '@/lib/config';`,
    },
    {
      name: 'the Auth.js destructured export',
      code: `import { handlers } from '@/auth';\nexport const { GET, POST } = handlers;`,
    },
    {
      name: 'non-exported helpers beside the handlers',
      code: `function helper() { return 1 }\nconst authOptions = {};\nexport function GET() { return Response.json({ n: helper(), authOptions }) }`,
    },
  ],
  invalid: [
    {
      name: 'a lowercase `get` function and renames it',
      code: `export async function get() {\n  return Response.json([]);\n}\n`,
      errors: [{ messageId: 'lowercaseMethod', line: 1, column: 23, data: { upper: 'GET' } }],
      output: `export async function GET() {\n  return Response.json([]);\n}\n`,
    },
    {
      name: 'a lowercase arrow-function `post` and renames it',
      code: `export const post = async (req: Request) => Response.json(await req.json(), { status: 201 });\n`,
      errors: [{ messageId: 'lowercaseMethod', line: 1, column: 14 }],
      output: `export const POST = async (req: Request) => Response.json(await req.json(), { status: 201 });\n`,
    },
    {
      name: 'a mixed-case alias in an export list and renames only the alias',
      code: `const handler = async () => Response.json({});\nexport { handler as Get };\n`,
      errors: [{ messageId: 'lowercaseMethod', line: 2, column: 21 }],
      output: `const handler = async () => Response.json({});\nexport { handler as GET };\n`,
    },
    {
      name: 'a lowercase method used elsewhere in the file, offering the rename only as a suggestion',
      code: `export async function get() { return Response.json([]) }\nexport async function HEAD() { return get() }\n`,
      errors: [{ messageId: 'lowercaseMethod' }],
      output: null,
      suggestions: [
        {
          output: `export async function GET() { return Response.json([]) }\nexport async function HEAD() { return get() }\n`,
        },
      ],
    },
    {
      name: 'a default export',
      code: `export default async function handler(req: Request) {\n  return Response.json({ method: req.method });\n}\n`,
      errors: [{ messageId: 'defaultExport', line: 1, column: 31 }],
      output: null,
    },
    {
      name: 'an anonymous `export default` expression',
      code: `export default async () => Response.json({});\n`,
      errors: [{ messageId: 'defaultExport', line: 1 }],
    },
    {
      name: 'an exported helper and config object, suggesting to make them private',
      code: `export const authOptions = { providers: [] };\nexport function GET() { return Response.json(authOptions) }\n`,
      errors: [{ messageId: 'invalidExport', line: 1, column: 14, data: { name: 'authOptions' } }],
      output: null,
      suggestions: [
        {
          title: /private/,
          output: `const authOptions = { providers: [] };\nexport function GET() { return Response.json(authOptions) }\n`,
        },
      ],
    },
    {
      name: 'an exported helper function and an exported class',
      code: `export function formatUser(u: { name: string }) { return u.name }\nexport class Repo {}\nexport function GET() { return Response.json({}) }\n`,
      errors: [
        { messageId: 'invalidExport', line: 1, data: { name: 'formatUser' } },
        { messageId: 'invalidExport', line: 2, data: { name: 'Repo' } },
      ],
    },
    {
      name: 'a helper re-exported from another module',
      code: `export { GET, formatUser } from '@/lib/users';\n`,
      errors: [{ messageId: 'invalidExport', line: 1, column: 15 }],
    },
    {
      name: 'an invalid config-like name (the removed `experimental_ppr`)',
      code: `export const experimental_ppr = true;\nexport function GET() { return Response.json({}) }\n`,
      errors: [{ messageId: 'invalidExport', data: { name: 'experimental_ppr' } }],
    },
  ],
});

import * as assert from 'node:assert/strict';
import * as ts from 'typescript';
import { parseDocument } from '../../../src/core/ast/parse';
import { findHandlers, findRouteExports } from '../../../src/core/nextjs/exports';

interface ExportCase {
  readonly name: string;
  readonly code: string;
  /** name:form[:fn] for each export; `fn` when the handler function was found. */
  readonly expect: readonly string[];
  readonly file?: string;
}

const CASES: readonly ExportCase[] = [
  {
    name: 'an async function declaration',
    code: 'export async function GET(req: Request) { return Response.json({}) }',
    expect: ['GET:function:fn'],
  },
  {
    name: 'a sync function declaration',
    code: 'export function HEAD() { return new Response(null) }',
    expect: ['HEAD:function:fn'],
  },
  {
    name: 'an arrow-function const',
    code: 'export const GET = async () => Response.json({})',
    expect: ['GET:variable:fn'],
  },
  {
    name: 'a function-expression const',
    code: 'export const POST = async function (req: Request) { return Response.json({}) }',
    expect: ['POST:variable:fn'],
  },
  {
    name: 'a wrapped handler with an inline arrow',
    code: 'export const GET = withAuth(async (req) => Response.json({}))',
    expect: ['GET:variable:fn'],
  },
  {
    name: 'a wrapped handler naming a local function',
    code: 'async function handler() { return Response.json({}) }\nexport const GET = withAuth(handler)',
    expect: ['GET:variable:fn'],
  },
  {
    name: 'a curried wrapper `wrap(opts)(handler)`',
    code: 'const handler = async () => Response.json({})\nexport const GET = withRateLimit({ max: 5 })(handler)',
    expect: ['GET:variable:fn'],
  },
  {
    name: 'a factory call with no local function',
    code: 'export const GET = createFlagsDiscoveryEndpoint(() => getProviderData({}))',
    expect: ['GET:variable:fn'],
  },
  { name: 'an opaque factory result', code: 'export const GET = makeHandler(config)', expect: ['GET:variable'] },
  {
    name: 'one handler under two names',
    code: 'const handler = async () => Response.json({})\nexport { handler as GET, handler as POST }',
    expect: ['GET:specifier:fn', 'POST:specifier:fn'],
  },
  {
    name: 'a specifier naming a function declaration',
    code: 'async function GET() { return Response.json({}) }\nexport { GET }',
    expect: ['GET:specifier:fn'],
  },
  {
    name: 'the Auth.js destructured export',
    code: "import { handlers } from '@/auth'\nexport const { GET, POST } = handlers",
    expect: ['GET:destructured', 'POST:destructured'],
  },
  {
    name: 'a re-export from another module',
    code: "export { GET, POST as PUT } from './shared'",
    expect: ['GET:re-export', 'PUT:re-export'],
  },
  {
    name: 'segment config exports beside a handler',
    code: "export const dynamic = 'force-dynamic'\nexport const revalidate = 60\nexport function GET() { return Response.json({}) }",
    expect: ['dynamic:variable', 'revalidate:variable', 'GET:function:fn'],
  },
  {
    name: 'a default export function',
    code: 'export default async function handler() {}',
    expect: ['default:default:fn'],
  },
  {
    name: 'a default export expression',
    code: 'const h = async () => new Response()\nexport default h',
    expect: ['default:default:fn'],
  },
  {
    name: 'type-only exports (erased)',
    code: "export type A = string\nexport interface B {}\nexport type { C } from './c'\nexport { type D } from './d'",
    expect: [],
  },
  { name: 'a star re-export', code: "export * from './handlers'", expect: ['*:star'] },
  {
    name: 'an exported class and enum',
    code: 'export class Repo {}\nexport enum Kind { A }',
    expect: ['Repo:declaration', 'Kind:declaration'],
  },
  {
    name: 'handlers in a JavaScript file',
    code: 'export async function GET(request) { return Response.json({}) }\nexport const POST = async (request) => Response.json(await request.json())',
    expect: ['GET:function:fn', 'POST:variable:fn'],
    file: 'app/api/x/route.js',
  },
  {
    name: 'a TSX route file',
    code: 'export async function GET() { return new Response(String(<div />)) }',
    expect: ['GET:function:fn'],
    file: 'app/og/route.tsx',
  },
];

describe('route model: exports from the syntax tree', () => {
  for (const c of CASES) {
    it(`finds ${c.name}`, () => {
      const doc = parseDocument(c.file ?? 'app/api/x/route.ts', c.code);
      const found = findRouteExports(doc).map((e) => `${e.name}:${e.form}${e.fn ? ':fn' : ''}`);
      assert.deepEqual(found, c.expect);
    });
  }

  it('gives each handler the span of its exported name, where the code lens hangs', () => {
    const code =
      'const handler = async () => Response.json({})\nexport { handler as GET }\nexport async function POST() {}\n';
    const doc = parseDocument('app/api/x/route.ts', code);
    const handlers = findHandlers(doc);
    assert.deepEqual(
      handlers.map((h) => [h.method, code.slice(h.nameSpan.start, h.nameSpan.end)]),
      [
        ['GET', 'GET'],
        ['POST', 'POST'],
      ],
    );
    assert.equal(doc.positionAt(handlers[1]!.nameSpan.start).line, 2);
  });

  it('resolves the function of `export { handler as GET }` to the declaration', () => {
    const doc = parseDocument(
      'app/api/x/route.ts',
      'function handler(req: Request) { return Response.json({}) }\nexport { handler as GET }',
    );
    const [h] = findHandlers(doc);
    assert.ok(h?.fn && ts.isFunctionDeclaration(h.fn) && h.fn.name?.text === 'handler');
  });

  it('parses each document version once and shares the exports between callers', () => {
    const doc = parseDocument('app/api/x/route.ts', 'export function GET() {}');
    assert.equal(findRouteExports(doc), findRouteExports(doc));
  });
});

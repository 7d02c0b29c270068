/**
 * Route files that re-export their handlers (`export * from '../route'`, `export { GET } from './x'`)
 * answer the methods of the module they point to: one implementation in the route model,
 * used by `routes`, the lenses and the request inference.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from '../../../src/core/ast/parse';
import { ModuleGraph } from '../../../src/core/nextjs/modules';
import { ProjectIndex } from '../../../src/core/nextjs/project';
import { allowHeader, implicitMethods, listRoutes, resolveHandlers } from '../../../src/core/routes';
import { tempProject } from '../../support/tempProject';

const HANDLERS = `export async function GET(request: Request) {
  return Response.json({ q: new URL(request.url).searchParams.get('q') });
}
export async function POST(request: Request) {
  const { name } = await request.json();
  return Response.json({ name }, { status: 201 });
}
export const dynamic = 'force-dynamic';
`;

interface Case {
  readonly name: string;
  readonly files: Record<string, string>;
  /** The route file whose methods are listed. */
  readonly route: string;
  readonly methods: readonly string[];
  /** Where the code of the first method lives (relative), when not in the route file. */
  readonly definedIn?: string;
}

const CASES: readonly Case[] = [
  {
    name: '`export * from` a sibling module lists its methods',
    files: { 'app/api/hello/route.ts': `export * from '../../../handlers/hello';`, 'handlers/hello.ts': HANDLERS },
    route: 'app/api/hello/route.ts',
    methods: ['GET', 'POST'],
    definedIn: 'handlers/hello.ts',
  },
  {
    name: '`export * from "../route"` (a route sharing another route file) lists that file\'s methods',
    files: { 'app/api/a/route.ts': HANDLERS, 'app/api/a/b/route.ts': `export * from '../route';` },
    route: 'app/api/a/b/route.ts',
    methods: ['GET', 'POST'],
    definedIn: 'app/api/a/route.ts',
  },
  {
    name: '`export { GET } from` takes only the named method',
    files: { 'app/api/x/route.ts': `export { GET } from '@/handlers/x';`, 'handlers/x.ts': HANDLERS },
    route: 'app/api/x/route.ts',
    methods: ['GET'],
    definedIn: 'handlers/x.ts',
  },
  {
    name: '`export { handler as GET, handler as HEAD } from` a module exporting a plain function',
    files: {
      'app/api/x/route.ts': `export { handler as GET, handler as HEAD } from '../../../lib/handler';`,
      'lib/handler.ts': `export function handler() { return new Response('ok'); }`,
    },
    route: 'app/api/x/route.ts',
    methods: ['GET', 'HEAD'],
    definedIn: 'lib/handler.ts',
  },
  {
    name: 'a chain of stars through an index module (`export *` of `export *`)',
    files: {
      'app/api/x/route.ts': `export * from '@/lib/api';`,
      'lib/api/index.ts': `export * from './users';`,
      'lib/api/users.ts': HANDLERS,
    },
    route: 'app/api/x/route.ts',
    methods: ['GET', 'POST'],
    definedIn: 'lib/api/users.ts',
  },
  {
    name: 'an import re-exported by name (`import { GET } from …; export { GET }`)',
    files: {
      'app/api/x/route.ts': `import { GET } from '../../../handlers/x';\nexport { GET };`,
      'handlers/x.ts': HANDLERS,
    },
    route: 'app/api/x/route.ts',
    methods: ['GET'],
    definedIn: 'handlers/x.ts',
  },
  {
    name: 'a local export wins over the same name from `export *` (module semantics)',
    files: {
      'app/api/x/route.ts': `export * from '../../../handlers/x';\nexport function GET() { return new Response('local'); }`,
      'handlers/x.ts': HANDLERS,
    },
    route: 'app/api/x/route.ts',
    methods: ['GET', 'POST'],
  },
  {
    name: '`export *` from a dependency is not read (node_modules is never followed)',
    files: {
      'app/api/x/route.ts': `export * from 'some-auth-lib/handlers';`,
      'node_modules/some-auth-lib/handlers.ts': HANDLERS,
    },
    route: 'app/api/x/route.ts',
    methods: [],
  },
  {
    name: 'a `paths` alias that points into node_modules is not followed either',
    files: {
      'tsconfig.json': '{ "compilerOptions": { "paths": { "@auth/*": ["./node_modules/some-auth-lib/*"] } } }',
      'app/api/x/route.ts': `export * from '@auth/handlers';`,
      'node_modules/some-auth-lib/handlers.ts': HANDLERS,
    },
    route: 'app/api/x/route.ts',
    methods: [],
  },
  {
    name: '`export *` from a missing module lists nothing (and does not throw)',
    files: { 'app/api/x/route.ts': `export * from './gone';` },
    route: 'app/api/x/route.ts',
    methods: [],
  },
  {
    name: '`export { GET } from` a missing module is still a GET (without code)',
    files: { 'app/api/x/route.ts': `export { GET } from './gone';` },
    route: 'app/api/x/route.ts',
    methods: ['GET'],
  },
  {
    name: 'an import cycle ends (a → b → a)',
    files: {
      'app/api/x/route.ts': `export * from '../../../lib/a';`,
      'lib/a.ts': `export * from './b';\nexport function GET() { return new Response('a'); }`,
      'lib/b.ts': `export * from './a';\nexport function POST() { return new Response('b'); }`,
    },
    route: 'app/api/x/route.ts',
    methods: ['GET', 'POST'],
    definedIn: 'lib/a.ts',
  },
];

const TSCONFIG = '{ "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["./*"] } } }';

describe('route model: re-exported handlers', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const project = tempProject({ 'package.json': '{}', 'tsconfig.json': TSCONFIG, ...c.files });
      try {
        const file = path.join(project.dir, c.route);
        const graph = new ModuleGraph(project.dir);
        const handlers = resolveHandlers(parseDocument(file, fs.readFileSync(file, 'utf8')), graph);
        assert.deepEqual([...new Set(handlers.map((h) => h.method))].sort(), [...c.methods].sort());
        if (c.definedIn) {
          const first = handlers[0]!;
          assert.equal(first.definedIn, path.join(project.dir, c.definedIn));
          assert.ok(first.fn, 'the handler code is found');
        }
      } finally {
        project.remove();
      }
    });
  }

  it('`next-route-kit routes` lists re-exported methods, and HEAD/OPTIONS as implicit', () => {
    const project = tempProject({
      'package.json': '{}',
      'app/api/hello/route.ts': `export * from '../../../handlers/hello';`,
      'app/api/only-post/route.ts': `export async function POST() { return new Response(null, { status: 204 }); }`,
      'handlers/hello.ts': HANDLERS,
    });
    try {
      const { routes } = listRoutes(project.dir, new ProjectIndex());
      const hello = routes.find((r) => r.route === '/api/hello')!;
      assert.deepEqual(hello.methods, ['GET', 'POST']);
      assert.deepEqual(hello.implicitMethods, ['HEAD', 'OPTIONS']);
      const onlyPost = routes.find((r) => r.route === '/api/only-post')!;
      assert.deepEqual(onlyPost.implicitMethods, ['OPTIONS']);
    } finally {
      project.remove();
    }
  });

  it('re-reads a module when it changes (cached until then)', () => {
    const project = tempProject({
      'package.json': '{}',
      'app/api/x/route.ts': `export * from '../../../handlers/x';`,
      'handlers/x.ts': `export function GET() { return new Response('1'); }`,
    });
    try {
      const file = path.join(project.dir, 'app/api/x/route.ts');
      const doc = parseDocument(file, fs.readFileSync(file, 'utf8'));
      const graph = new ModuleGraph(project.dir);
      assert.deepEqual(
        resolveHandlers(doc, graph).map((h) => h.method),
        ['GET'],
      );
      assert.equal(resolveHandlers(doc, graph), resolveHandlers(doc, graph), 'the answer is cached');
      const handler = path.join(project.dir, 'handlers/x.ts');
      fs.writeFileSync(handler, `export function GET() {}\nexport function DELETE() {}\n`);
      fs.utimesSync(handler, new Date(), new Date(Date.now() + 5000));
      assert.deepEqual(
        resolveHandlers(doc, graph)
          .map((h) => h.method)
          .sort(),
        ['DELETE', 'GET'],
      );
    } finally {
      project.remove();
    }
  });
});

describe('route model: methods Next.js implements by itself', () => {
  const TABLE: ReadonlyArray<[exported: string[], implicit: string[], allow: string]> = [
    [['GET'], ['HEAD', 'OPTIONS'], 'GET, HEAD, OPTIONS'],
    [['GET', 'POST'], ['HEAD', 'OPTIONS'], 'GET, HEAD, OPTIONS, POST'],
    [['GET', 'HEAD'], ['OPTIONS'], 'GET, HEAD, OPTIONS'],
    [['POST'], ['OPTIONS'], 'OPTIONS, POST'],
    [['GET', 'OPTIONS'], ['HEAD'], 'GET, HEAD, OPTIONS'],
    [['DELETE', 'OPTIONS'], [], 'DELETE, OPTIONS'],
  ];
  for (const [exported, implicit, allow] of TABLE) {
    it(`a route exporting ${exported.join(' + ')} is also answered for ${implicit.join(' + ') || 'nothing more'} (Allow: ${allow})`, () => {
      assert.deepEqual(implicitMethods(exported as never), implicit);
      assert.equal(allowHeader(exported as never), allow);
    });
  }
});

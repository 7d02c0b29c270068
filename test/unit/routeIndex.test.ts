import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from '../../src/core/ast/parse';
import { findRouteFileCandidates } from '../../src/core/files';
import { findRouteExports } from '../../src/core/nextjs/exports';
import { ProjectIndex } from '../../src/core/nextjs/project';
import { RouteIndex, type RouteIndexChange, type RouteIndexOptions } from '../../src/core/routeIndex';
import { routeEntry } from '../../src/core/routes';
import { tempProject } from '../support/tempProject';

/** A deferred promise the test resolves when it wants the index to go on. */
function gate(): { promise: Promise<void>; open(): void } {
  let open = (): void => undefined;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/**
 * The route index over a real project folder, parsing with the real parser and project model,
 * recording what it was asked to do. `readGate`/`yieldGate` hold reads or the pause between
 * batches until the test opens them.
 */
function indexOver(dir: string, options: RouteIndexOptions = {}) {
  const projects = new ProjectIndex();
  const record = {
    parsed: [] as string[],
    warnings: [] as string[],
    changes: [] as RouteIndexChange[],
    inFlight: 0,
    maxInFlight: 0,
    yields: 0,
    readGate: undefined as Promise<void> | undefined,
    yieldGate: undefined as Promise<void> | undefined,
    failParse: new Set<string>(),
  };
  const stamp = (file: string): string | undefined => {
    const st = fs.statSync(file, { throwIfNoEntry: false });
    return st && `${st.mtimeMs}:${st.size}`;
  };
  const index = new RouteIndex(
    {
      listFiles: async () => findRouteFileCandidates(dir),
      locate: (file) => projects.routeFile(file),
      read: async (file) => {
        record.maxInFlight = Math.max(record.maxInFlight, ++record.inFlight);
        try {
          await record.readGate;
          return { text: fs.readFileSync(file, 'utf8'), stamp: stamp(file)! };
        } finally {
          record.inFlight--;
        }
      },
      stamp: async (file) => stamp(file),
      parse: (info, text) => {
        record.parsed.push(path.relative(dir, info.file));
        if (record.failParse.has(info.file)) throw new Error('parser gave up');
        const doc = parseDocument(info.file, text);
        return {
          entry: routeEntry(info, doc, projects.modules(info.file)),
          followsImports: findRouteExports(doc).some((e) => e.form === 're-export' || e.form === 'star'),
        };
      },
      yieldNow: async () => {
        record.yields++;
        await record.yieldGate;
      },
      warn: (message) => record.warnings.push(message),
    },
    options,
  );
  index.onDidChange((change) => record.changes.push(change));
  return { index, record, projects };
}

const handler = (method: string): string => `export async function ${method}() {\n  return Response.json({});\n}\n`;

describe('workspace route index', () => {
  const made: Array<{ remove(): void }> = [];
  const make = (files: Record<string, string>): string => {
    const p = tempProject(files);
    made.push(p);
    return p.dir;
  };
  after(() => made.forEach((p) => p.remove()));

  const app = (): string =>
    make({
      'package.json': '{"dependencies":{"next":"16.0.0"}}',
      'app/api/users/route.ts': handler('GET') + handler('POST'),
      'app/api/users/[id]/route.ts': handler('GET') + handler('DELETE'),
      'app/api/health/route.js': handler('HEAD'),
      'app/_private/x/route.ts': handler('GET'),
      'app/page.tsx': 'export default function Page() { return null; }\n',
    });

  it('counts the routes and gives their URLs before any file is read, then fills in their methods', async () => {
    const dir = app();
    const { index, record } = indexOver(dir);
    const reads = gate();
    record.readGate = reads.promise;
    const located = await index.locations();
    assert.deepEqual(
      located.map((r) => [r.route, r.routable]),
      [
        ['/_private/x', false],
        ['/api/health', true],
        ['/api/users', true],
        ['/api/users/[id]', true],
      ],
    );
    assert.equal(index.parsedCount, 0);
    assert.deepEqual(record.parsed, []);
    assert.deepEqual(record.changes, [{ files: true }]);
    reads.open();
    const all = await index.all();
    assert.deepEqual(
      all.map((r) => [r.route, r.methods.join(' '), r.implicitMethods.join(' ')]),
      [
        ['/_private/x', 'GET', 'HEAD OPTIONS'],
        ['/api/health', 'HEAD', 'OPTIONS'],
        ['/api/users', 'GET POST', 'HEAD OPTIONS'],
        ['/api/users/[id]', 'GET DELETE', 'HEAD OPTIONS'],
      ],
    );
    assert.deepEqual(record.changes, [{ files: true }, { files: false }], 'the methods arrive in one more change');
  });

  it('parses in batches of the given size and gives the event loop back between them', async () => {
    const files: Record<string, string> = { 'package.json': '{}' };
    for (let i = 0; i < 7; i++) files[`app/api/r${i}/route.ts`] = handler('GET');
    const { index, record } = indexOver(make(files), { batch: 3 });
    const all = await index.all();
    assert.equal(all.length, 7);
    assert.ok(all.every((r) => r.methods.join() === 'GET'));
    assert.equal(record.maxInFlight, 3, 'never more than one batch of reads at a time');
    assert.equal(record.yields, 3, 'a pause after each of the three batches');
    assert.equal(record.parsed.length, 7, 'each file parsed once');
  });

  it('parses a file asked for at once, while the background fill waits between batches', async () => {
    const files: Record<string, string> = { 'package.json': '{}' };
    for (let i = 0; i < 6; i++) files[`app/api/r${i}/route.ts`] = handler(i === 5 ? 'PATCH' : 'GET');
    const dir = make(files);
    const { index, record } = indexOver(dir, { batch: 2 });
    const held = gate();
    record.yieldGate = held.promise;
    await index.locations();
    const last = await index.entry(path.join(dir, 'app/api/r5/route.ts'));
    assert.deepEqual(last?.methods, ['PATCH']);
    assert.ok(index.parsedCount < 6, 'the fill had not reached it');
    assert.ok(record.parsed.includes(path.join('app', 'api', 'r5', 'route.ts')));
    held.open();
    assert.equal((await index.all()).length, 6);
    assert.equal(record.parsed.length, 6, 'the file parsed on demand is not parsed again');
  });

  it('re-parses only the file that changed on disk', async () => {
    const dir = app();
    const { index, record } = indexOver(dir);
    await index.all();
    record.parsed.length = 0;
    record.changes.length = 0;
    const users = path.join(dir, 'app/api/users/route.ts');
    fs.writeFileSync(users, handler('PUT'));
    await index.refresh(users);
    assert.deepEqual(record.parsed, [path.join('app', 'api', 'users', 'route.ts')]);
    assert.deepEqual((await index.entry(users))?.methods, ['PUT']);
    assert.deepEqual(record.changes, [{ files: false }], 'the same URL with other methods: no file-set change');
  });

  it('adds a created route file and drops a deleted one, as file-set changes', async () => {
    const dir = app();
    const { index, record } = indexOver(dir);
    await index.all();
    record.changes.length = 0;
    const orders = path.join(dir, 'app/api/orders/route.ts');
    fs.mkdirSync(path.dirname(orders), { recursive: true });
    fs.writeFileSync(orders, handler('POST'));
    await index.refresh(orders);
    index.remove(path.join(dir, 'app/api/health/route.js'));
    assert.deepEqual(
      (await index.all()).map((r) => `${r.route} ${r.methods.join(' ')}`),
      ['/_private/x GET', '/api/orders POST', '/api/users GET POST', '/api/users/[id] GET DELETE'],
    );
    assert.deepEqual(record.changes, [{ files: true }, { files: true }]);
  });

  it('keeps the methods of unchanged files on a rescan and re-parses changed ones and re-exports', async () => {
    const dir = make({
      'package.json': '{}',
      'app/api/a/route.ts': handler('GET'),
      'app/api/b/route.ts': handler('GET'),
      'app/api/c/route.ts': "export { GET } from '../a/route';\n",
    });
    const { index, record, projects } = indexOver(dir);
    await index.all();
    record.parsed.length = 0;
    fs.writeFileSync(path.join(dir, 'app/api/b/route.ts'), handler('POST') + '// longer now\n');
    fs.writeFileSync(path.join(dir, 'next.config.mjs'), "export default { basePath: '/docs' };\n");
    projects.invalidate();
    index.rescan();
    const all = await index.all();
    assert.deepEqual(
      all.map((r) => `${r.route} ${r.methods.join(' ')}`),
      ['/docs/api/a GET', '/docs/api/b POST', '/docs/api/c GET'],
      'new URLs from the new basePath, methods kept or re-read',
    );
    assert.deepEqual(record.parsed.sort(), [
      path.join('app', 'api', 'b', 'route.ts'),
      path.join('app', 'api', 'c', 'route.ts'),
    ]);
  });

  it('parses a large file after every other file and reports it', async () => {
    const dir = make({
      'package.json': '{}',
      'app/api/big/route.ts': handler('GET') + `const filler = ${JSON.stringify('x'.repeat(5000))};\n`,
      'app/api/small1/route.ts': handler('GET'),
      'app/api/small2/route.ts': handler('POST'),
    });
    const { index, record } = indexOver(dir, { largeFileBytes: 1000, batch: 8 });
    const all = await index.all();
    assert.deepEqual(
      all.map((r) => `${r.route} ${r.methods.join(' ')}`),
      ['/api/big GET', '/api/small1 GET', '/api/small2 POST'],
    );
    assert.equal(record.parsed.at(-1), path.join('app', 'api', 'big', 'route.ts'));
    assert.equal(record.warnings.length, 1);
    assert.match(record.warnings[0]!, /big[\\/]route\.ts is 5 KB: its methods were read after every other file's/);
  });

  it('reports a file it cannot parse, lists it without methods and parses the others', async () => {
    const dir = app();
    const { index, record } = indexOver(dir);
    const users = path.join(dir, 'app/api/users/route.ts');
    record.failParse.add(users);
    const all = await index.all();
    assert.deepEqual(
      all.map((r) => `${r.route} ${r.methods.join(' ') || '-'}`),
      ['/_private/x GET', '/api/health HEAD', '/api/users -', '/api/users/[id] GET DELETE'],
    );
    assert.deepEqual(record.warnings, [`Could not read the methods of ${users}: parser gave up`]);
  });

  it('gives the methods of a file with syntax errors from what parses, with the error count', async () => {
    const dir = make({ 'package.json': '{}', 'app/api/x/route.ts': handler('GET') + 'export const POST = (;\n' });
    const { index } = indexOver(dir);
    const [entry] = await index.all();
    assert.ok(entry!.methods.includes('GET'));
    assert.ok(entry!.parseErrors > 0);
  });

  it('drops a route file that can no longer be read, and says so', async () => {
    const dir = app();
    const { index, record } = indexOver(dir);
    const reads = gate();
    record.readGate = reads.promise;
    await index.locations();
    const health = path.join(dir, 'app/api/health/route.js');
    fs.rmSync(health);
    reads.open();
    const all = await index.all();
    assert.deepEqual(
      all.map((r) => r.route),
      ['/_private/x', '/api/users', '/api/users/[id]'],
    );
    assert.equal(record.warnings.length, 1);
    assert.match(record.warnings[0]!, /Could not read .*health[\\/]route\.js: ENOENT/);
  });
});

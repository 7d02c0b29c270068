/**
 * `rhcrud` and `rhcrudid`, expanded with their defaults into a real app served by
 * `next dev` (basePath /kit), behave as a REST collection and item route should — in both
 * the TypeScript and the JavaScript variant.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { request } from 'undici';
import { ProjectIndex } from '../../../src/core/nextjs/project';
import { bindSnippet, SNIPPET_FILES, type SnippetFile } from '../../../src/core/snippets';
import { expandSnippet } from '../../../src/core/snippets/syntax';
import { makeTempApp, REPO_ROOT, startNextDev, type DevServer } from '../../support/nextDev';

/** An in-memory stand-in for a Prisma-style client, kept on globalThis so every route bundle shares it. */
const DB = `type Row = { id: string; name: string; createdAt: number };
type Store = { rows: Map<string, Row>; next: number };
const store: Store = ((globalThis as { __kitStore?: Store }).__kitStore ??= { rows: new Map(), next: 1 });
const item = {
  async findMany({ skip = 0, take = 20 }: { skip?: number; take?: number } = {}) {
    return [...store.rows.values()].sort((a, b) => b.createdAt - a.createdAt || Number(b.id) - Number(a.id)).slice(skip, skip + take);
  },
  async count() {
    return store.rows.size;
  },
  async create({ data }: { data: { name: string } }) {
    const row = { id: String(store.next++), createdAt: Date.now(), ...data };
    store.rows.set(row.id, row);
    return row;
  },
  async findUnique({ where }: { where: { id: string } }) {
    return store.rows.get(where.id) ?? null;
  },
  async update({ where, data }: { where: { id: string }; data: Partial<Row> }) {
    const row = { ...store.rows.get(where.id)!, ...data };
    store.rows.set(where.id, row);
    return row;
  },
  async delete({ where }: { where: { id: string } }) {
    const row = store.rows.get(where.id);
    store.rows.delete(where.id);
    return row;
  },
};
export const db = { item };
`;

/** Writes a snippet into a route file of the app the way the editor's completion inserts it. */
function insert(app: string, rel: string, prefix: string): void {
  const variant = rel.endsWith('.js') ? 'javascript' : 'typescript';
  const file: SnippetFile = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, SNIPPET_FILES[variant]), 'utf8'));
  const snippet = Object.values(file).find((s) => s.prefix === prefix)!;
  const target = path.join(app, rel);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const route = new ProjectIndex().routeFile(target)!;
  const body = bindSnippet(snippet.body.join('\n'), { params: route.params, route: route.route })!;
  fs.writeFileSync(target, expandSnippet(body).text + '\n');
}

describe('rhcrud and rhcrudid in a real next dev', function () {
  this.timeout(240000);
  let app: string;
  let server: DevServer;

  before(async () => {
    app = makeTempApp('snippets', { 'lib/db.ts': DB });
    insert(app, 'app/api/items/route.ts', 'rhcrud');
    insert(app, 'app/api/items/[id]/route.ts', 'rhcrudid');
    insert(app, 'app/api/js-items/route.js', 'rhcrud');
    insert(app, 'app/api/js-items/[id]/route.js', 'rhcrudid');
    server = await startNextDev(app);
  });
  after(async () => {
    await server?.stop();
    if (app) fs.rmSync(app, { recursive: true, force: true });
  });

  async function call(method: string, url: string, body?: string, contentType = 'application/json') {
    const r = await request(server.origin + url, {
      method: method as 'GET',
      ...(body !== undefined ? { body, headers: { 'content-type': contentType } } : {}),
      headersTimeout: 120000,
      bodyTimeout: 120000,
    });
    const text = await r.body.text();
    return { status: r.statusCode, headers: r.headers, text, json: () => JSON.parse(text) };
  }

  for (const base of ['/kit/api/items', '/kit/api/js-items']) {
    describe(base, () => {
      let id = '';

      it('creates with 201, the new item and a Location under the basePath', async () => {
        const r = await call('POST', base, JSON.stringify({ name: 'First' }));
        assert.equal(r.status, 201, r.text);
        const created = r.json();
        assert.equal(created.name, 'First');
        assert.ok(created.id);
        id = created.id;
        assert.equal(r.headers.location, `${base}/${id}`);
      });

      it('answers 400 with a JSON error to malformed JSON', async () => {
        const r = await call('POST', base, '{"name": ');
        assert.equal(r.status, 400);
        assert.match(r.json().error, /JSON object/);
      });

      it('answers 400 when the required field is missing or blank', async () => {
        for (const body of ['{}', '{"name": "  "}', '{"name": 42}', '[]', 'null']) {
          const r = await call('POST', base, body);
          assert.equal(r.status, 400, `${body} → ${r.status} ${r.text}`);
          assert.ok(r.json().error);
        }
      });

      it('lists with bounded pagination, falling back on nonsense page and limit', async () => {
        await call('POST', base, JSON.stringify({ name: 'Second' }));
        const r = await call('GET', `${base}?page=abc&limit=100000`);
        assert.equal(r.status, 200, r.text);
        const list = r.json();
        assert.equal(list.pagination.page, 1);
        assert.equal(list.pagination.limit, 100);
        assert.ok(list.items.length >= 2);
        const one = (await call('GET', `${base}?limit=1&page=2`)).json();
        assert.equal(one.items.length, 1);
        assert.equal(one.pagination.totalPages, one.pagination.total);
      });

      it('reads, replaces and patches the item by id', async () => {
        assert.equal((await call('GET', `${base}/${id}`)).json().name, 'First');
        const put = await call('PUT', `${base}/${id}`, JSON.stringify({ name: 'Replaced' }));
        assert.equal(put.status, 200, put.text);
        assert.equal(put.json().name, 'Replaced');
        const patch = await call('PATCH', `${base}/${id}`, JSON.stringify({}));
        assert.equal(patch.status, 200, patch.text);
        assert.equal(patch.json().name, 'Replaced');
        const bad = await call('PUT', `${base}/${id}`, JSON.stringify({}));
        assert.equal(bad.status, 400);
      });

      it('answers 404 for an unknown id on every method', async () => {
        for (const method of ['GET', 'PUT', 'PATCH', 'DELETE']) {
          const r = await call(
            method,
            `${base}/does-not-exist`,
            method === 'GET' || method === 'DELETE' ? undefined : JSON.stringify({ name: 'x' }),
          );
          assert.equal(r.status, 404, `${method} → ${r.status} ${r.text}`);
          assert.equal(r.json().error, 'Not found');
        }
      });

      it('deletes with 204 and no body, after which the item is gone', async () => {
        const r = await call('DELETE', `${base}/${id}`);
        assert.equal(r.status, 204);
        assert.equal(r.text, '');
        assert.equal((await call('GET', `${base}/${id}`)).status, 404);
      });

      it('answers 405 for a method the route does not export', async () => {
        assert.equal((await call('DELETE', base)).status, 405);
        assert.equal((await call('POST', `${base}/1`, '{}')).status, 405);
      });
    });
  }
});

/**
 * The runner end to end against a real `next dev` on the fixture app (basePath /kit):
 * requests are inferred from the route files, built, sent, and the answers checked.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from '../../../src/core/ast/parse';
import { ProjectIndex } from '../../../src/core/nextjs/project';
import { formatBody } from '../../../src/core/request/format';
import { inferRequests } from '../../../src/core/request/infer';
import { buildRequest, resolveSpec } from '../../../src/core/request/model';
import { firstAnswering, probe } from '../../../src/core/request/probe';
import { baseUrlCandidates } from '../../../src/core/request/baseUrl';
import { nodeFsPort } from '../../../src/core/nextjs/project';
import { sendRequest, type ResponseResult } from '../../../src/core/request/send';
import { FIXTURE_APP, REPO_ROOT, startNextDev, type DevServer } from '../../support/nextDev';

describe('request runner against a real next dev', function () {
  this.timeout(180000);
  let server: DevServer;
  const index = new ProjectIndex();

  before(async () => {
    server = await startNextDev(FIXTURE_APP);
  });
  after(async () => server?.stop());

  async function send(
    rel: string,
    method: string,
    opts: {
      params?: Record<string, string>;
      query?: Record<string, string>;
      vars?: Record<string, string>;
      chunks?: string[];
    } = {},
  ): Promise<ResponseResult> {
    const file = path.join(FIXTURE_APP, rel);
    const info = index.routeFile(file)!;
    const inferred = inferRequests(parseDocument(file, fs.readFileSync(file, 'utf8')), info.route, info.params).find(
      (r) => r.method === method,
    )!;
    const spec = buildRequest(inferred, {
      baseUrl: server.origin,
      ...(opts.params ? { params: opts.params } : {}),
      ...(opts.query ? { query: opts.query } : {}),
    });
    const { spec: resolved } = resolveSpec(spec, opts.vars ?? {});
    return sendRequest(resolved, {
      timeoutMs: 60000,
      ...(opts.chunks ? { onChunk: (c: string) => opts.chunks!.push(c) } : {}),
    });
  }

  it('GETs a route under the basePath', async () => {
    const r = await send('app/api/hello/route.ts', 'GET');
    assert.equal(r.status, 200);
    assert.equal(r.url, `${server.origin}/kit/api/hello`);
    assert.deepEqual(JSON.parse(formatBody(r).text), { message: 'Hello from the fixture app' });
  });

  it('POSTs the inferred skeleton: the handler validates it (empty name → 400), and with values filled in creates the user (201)', async () => {
    const file = path.join(FIXTURE_APP, 'app/api/users/route.ts');
    const info = index.routeFile(file)!;
    const inferred = inferRequests(parseDocument(file, fs.readFileSync(file, 'utf8')), info.route, info.params).find(
      (r) => r.method === 'POST',
    )!;
    const spec = buildRequest(inferred, { baseUrl: server.origin });
    assert.deepEqual(JSON.parse(spec.body!), { name: '', email: 'user@example.com' });
    const rejected = await sendRequest(spec);
    assert.equal(rejected.status, 400);
    const filled = await sendRequest({
      ...spec,
      body: JSON.stringify({ ...JSON.parse(spec.body!), name: 'Alan Turing' }),
    });
    assert.equal(filled.status, 201, formatBody(filled).text);
    assert.equal((JSON.parse(formatBody(filled).text) as { name: string }).name, 'Alan Turing');
  });

  it('POSTs the inferred JSON body with the auth token and gets 201', async () => {
    const r = await send('app/api/echo/route.ts', 'POST', { vars: { authToken: 'abc' } });
    assert.equal(r.status, 201);
    assert.deepEqual(JSON.parse(formatBody(r).text), { title: '', tags: [], authenticated: true });
  });

  it('fills a dynamic param', async () => {
    const r = await send('app/api/users/[id]/route.ts', 'GET', { params: { id: '42' } });
    assert.equal(r.status, 200);
    assert.equal((JSON.parse(formatBody(r).text) as { name: string }).name, 'Grace Hopper');
  });

  it('gets the handler 404 for an unknown id', async () => {
    const r = await send('app/api/users/[id]/route.ts', 'GET', { params: { id: 'nope' } });
    assert.equal(r.status, 404);
  });

  it('fills catch-all and optional catch-all params', async () => {
    const r = await send('app/api/files/[...path]/route.ts', 'GET', { params: { path: 'a/b/c' } });
    assert.deepEqual(JSON.parse(formatBody(r).text), { path: ['a', 'b', 'c'], depth: 3 });
    const empty = await send('app/api/docs/[[...slug]]/route.ts', 'GET');
    assert.deepEqual(JSON.parse(formatBody(empty).text), { slug: [], page: 'index' });
  });

  it('receives a text/event-stream route chunk by chunk', async () => {
    const chunks: string[] = [];
    const r = await send('app/api/stream/route.ts', 'GET', { chunks });
    assert.equal(r.status, 200);
    assert.ok(chunks.length >= 2, `${chunks.length} chunk(s)`);
    assert.equal(chunks.join(''), 'data: {"tick":1}\n\ndata: {"tick":2}\n\ndata: {"tick":3}\n\n');
  });

  it('gets 405 for a method the route does not export', async () => {
    const r = await sendRequest({ method: 'PUT', url: `${server.origin}/kit/api/users/42`, headers: [] });
    assert.equal(r.status, 405);
  });

  it('gets 404 for a route that does not exist, and for a private folder', async () => {
    assert.equal((await sendRequest({ method: 'GET', url: `${server.origin}/kit/api/nope`, headers: [] })).status, 404);
    assert.equal(
      (await sendRequest({ method: 'GET', url: `${server.origin}/kit/api/_internal`, headers: [] })).status,
      404,
    );
  });

  it("finds the dev server through Next 16's .next/dev/lock", async () => {
    const lock = JSON.parse(fs.readFileSync(path.join(FIXTURE_APP, '.next', 'dev', 'lock'), 'utf8')) as {
      port: number;
    };
    assert.equal(lock.port, server.port);
    const candidates = baseUrlCandidates(index.layoutFor(path.join(FIXTURE_APP, 'app/api/hello/route.ts')), {
      fs: nodeFsPort,
    });
    assert.equal(candidates[0]!.source, 'dev lock');
    const found = await firstAnswering(candidates);
    assert.equal(found?.url, `http://127.0.0.1:${server.port}`);
    assert.equal(await probe(found!.url), true);
  });

  it('sends from the CLI as a real process and prints the response', async () => {
    const cli = path.join(REPO_ROOT, 'dist', 'cli.js');
    const child = spawn(
      process.execPath,
      [cli, 'request', 'app/api/users/[id]/route.ts#GET', '--param', 'id=1', '--send'],
      { cwd: FIXTURE_APP },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.equal(code, 0, out);
    assert.match(out, /^HTTP\/1\.1 200 OK\n# GET http:\/\/127\.0\.0\.1:\d+\/kit\/api\/users\/1\n/);
    assert.match(out, /"name": "Ada Lovelace"/);
  });

  it('sends from the CLI without an Authorization header when no token is set, and says so', async () => {
    const cli = path.join(REPO_ROOT, 'dist', 'cli.js');
    const env = { ...process.env };
    delete env['NEXT_ROUTE_KIT_TOKEN'];
    const child = spawn(process.execPath, [cli, 'request', 'app/api/echo/route.ts#POST', '--send'], {
      cwd: FIXTURE_APP,
      env,
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => (err += d));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.equal(code, 0, err);
    assert.match(err, /sending without Authorization \(set NEXT_ROUTE_KIT_TOKEN/);
    assert.match(out, /^HTTP\/1\.1 201 Created\n/);
    assert.match(out, /"authenticated": false/, 'no `Bearer {{authToken}}` placeholder reached the handler');
  });
});

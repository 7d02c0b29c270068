import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as zlib from 'node:zlib';
import { formatBody, formatResponse } from '../../../src/core/request/format';
import { isStreamingResponse, RequestError, sendRequest, type ResponseResult } from '../../../src/core/request/send';
import { deadPort, useLoopbackServers, writeBytes } from '../../support/loopback';

async function expectError(p: Promise<unknown>, kind: string): Promise<RequestError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof RequestError, String(e));
    assert.equal(e.kind, kind, e.message);
    return e;
  }
  assert.fail(`expected a ${kind} error`);
}

describe('sending requests (real loopback servers)', function () {
  this.timeout(60000);
  const serve = useLoopbackServers();

  it('reads a JSON response with status, timing, size and headers, and closes its socket', async () => {
    const s = await serve((_req, res) =>
      res.writeHead(201, { 'content-type': 'application/json', 'x-id': '7' }).end('{"id":7}'),
    );
    const r = await sendRequest({
      method: 'POST',
      url: `${s.url}/api/x`,
      headers: [['Content-Type', 'application/json']],
      body: '{"a":1}',
    });
    assert.equal(r.status, 201);
    assert.equal(r.statusText, 'Created');
    assert.equal(r.bytes, 8);
    assert.ok(r.ttfbMs <= r.totalMs);
    assert.deepEqual(
      r.headers.find(([k]) => k === 'x-id'),
      ['x-id', '7'],
    );
    assert.equal(formatBody(r).text, '{\n  "id": 7\n}');
    assert.match(
      formatResponse(r, { method: 'POST' }),
      /^HTTP\/1\.1 201 Created\n# POST http:\/\/127\.0\.0\.1:\d+\/api\/x\n# \d+ ms to first byte · \d+ ms total · 8 B\n/,
    );
    assert.equal(s.requests[0]!.headers['content-type'], 'application/json');
    await s.allSocketsClosed();
  });

  it('explains a refused connection with the URL and the way out', async () => {
    const port = await deadPort();
    const e = await expectError(
      sendRequest({ method: 'GET', url: `http://127.0.0.1:${port}/kit/api/hello`, headers: [] }),
      'refused',
    );
    assert.equal(e.message, `Nothing answers at http://127.0.0.1:${port} (connection refused).`);
    assert.match(e.hint!, /next dev/);
  });

  it('times out on a server that never answers, and closes the socket', async () => {
    const s = await serve(() => undefined);
    const e = await expectError(sendRequest({ method: 'GET', url: s.url, headers: [] }, { timeoutMs: 300 }), 'timeout');
    assert.match(e.message, /No response from http:\/\/127\.0\.0\.1:\d+ within 300 ms/);
    await s.allSocketsClosed();
  });

  it('reports a connection reset in the middle of the body', async () => {
    const s = await serve((_req, res, socket) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('partial', () => socket.destroy());
    });
    await expectError(sendRequest({ method: 'GET', url: s.url, headers: [] }), 'reset');
    await s.allSocketsClosed();
  });

  it('reports a lying content-length (fewer bytes, then close)', async () => {
    const s = await serve((_req, res, socket) => {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '100' });
      res.write('only ten b', () => socket.end());
    });
    await expectError(sendRequest({ method: 'GET', url: s.url, headers: [] }), 'reset');
    await s.allSocketsClosed();
  });

  it('cancels when asked', async () => {
    const s = await serve(() => undefined);
    const controller = new AbortController();
    const p = sendRequest({ method: 'GET', url: s.url, headers: [] }, { signal: controller.signal });
    setImmediate(() => controller.abort());
    await expectError(p, 'cancelled');
    await s.allSocketsClosed();
  });

  it('streams a slowly dripping body chunk by chunk as it arrives', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      let i = 0;
      const tick = (): void => {
        if (i === 5) return void res.end();
        res.write(`data: ${i++}\n\n`, () => setTimeout(tick, 20));
      };
      tick();
    });
    const chunks: string[] = [];
    const r = await sendRequest({ method: 'GET', url: s.url, headers: [] }, { onChunk: (t) => chunks.push(t) });
    assert.ok(chunks.length >= 3, `only ${chunks.length} chunk(s)`);
    assert.equal(chunks.join(''), 'data: 0\n\ndata: 1\n\ndata: 2\n\ndata: 3\n\ndata: 4\n\n');
    assert.equal(r.body.kind === 'text' && r.body.text, chunks.join(''));
  });

  it('caps the display of a 50 MB body and keeps the whole body for saving', async () => {
    const size = 50 * 1024 * 1024;
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(size) });
      writeBytes(res, size, Buffer.alloc(1024 * 1024, 'a'));
    });
    let r: ResponseResult | undefined;
    try {
      r = await sendRequest({ method: 'GET', url: s.url, headers: [] }, { maxDisplayBytes: 1024 * 1024 });
      assert.equal(r.bytes, size);
      assert.ok(r.body.kind === 'text' && r.body.truncated && r.body.text.length === 1024 * 1024);
      assert.match(r.notes.join('\n'), /Showing the first 1\.0 MB of 50\.0 MB/);
      assert.equal(fs.statSync(r.fullBodyFile!).size, size);
    } finally {
      if (r?.fullBodyFile) fs.rmSync(r.fullBodyFile, { force: true });
    }
    await s.allSocketsClosed();
  });

  it('reads a 1 GB body with the display capped and memory bounded', async function () {
    this.timeout(120000);
    const size = 1024 ** 3;
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      writeBytes(res, size, Buffer.alloc(4 * 1024 * 1024, 7));
    });
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    const r = await sendRequest(
      { method: 'GET', url: s.url, headers: [] },
      { maxDisplayBytes: 1024 * 1024, keepFullBody: false },
    );
    const grown = process.memoryUsage().heapUsed - before;
    assert.equal(r.bytes, size);
    assert.equal(r.body.kind, 'binary');
    assert.match(r.notes.join('\n'), /the rest \(1023\.0 MB\) was not kept/);
    assert.ok(grown < 256 * 1024 * 1024, `heap grew by ${Math.round(grown / 2 ** 20)} MB`);
    await s.allSocketsClosed();
  });

  it('shows invalid UTF-8 with replacement characters and says so', async () => {
    const s = await serve((_req, res) =>
      res
        .writeHead(200, { 'content-type': 'text/plain; charset=utf-8' })
        .end(Buffer.from([0x6f, 0x6b, 0xff, 0xfe, 0x21])),
    );
    const r = await sendRequest({ method: 'GET', url: s.url, headers: [] });
    assert.ok(r.body.kind === 'text' && r.body.invalidUtf8 && r.body.text === 'ok\ufffd\ufffd!');
    assert.match(r.notes.join(), /not valid UTF-8/);
  });

  it('decodes a gzip body for display and notes it; a gzip body without the header shows as binary', async () => {
    const gz = zlib.gzipSync('{"hello":"world"}');
    const labelled = await serve((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(gz),
    );
    const r = await sendRequest({ method: 'GET', url: labelled.url, headers: [] });
    assert.equal(formatBody(r).text, '{\n  "hello": "world"\n}');
    assert.equal(r.decoded, 'gzip');
    assert.match(r.notes.join(), /Decoded from gzip for display \(\d+ B on the wire\)/);
    const unlabelled = await serve((_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end(gz));
    const u = await sendRequest({ method: 'GET', url: unlabelled.url, headers: [] });
    assert.ok(u.body.kind === 'binary' && u.body.summary.includes('1f 8b'), JSON.stringify(u.body));
  });

  it('shows invalid JSON under a JSON content type as received, with a note', async () => {
    const s = await serve((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"a": 1,'));
    const r = await sendRequest({ method: 'GET', url: s.url, headers: [] });
    const body = formatBody(r);
    assert.equal(body.text, '{"a": 1,');
    assert.match(body.note!, /not valid JSON/);
  });

  it('does not follow redirects unless asked', async () => {
    const s = await serve((_req, res) => res.writeHead(307, { location: '/elsewhere' }).end());
    const r = await sendRequest({ method: 'GET', url: s.url, headers: [] });
    assert.equal(r.status, 307);
    assert.equal(s.requests.length, 1);
  });

  it('drops credentials on a redirect to another origin, and keeps them on the same origin', async () => {
    const other = await serve((_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('other'));
    const s = await serve((req, res) => {
      if (req.url === '/start') res.writeHead(302, { location: '/same' }).end();
      else res.writeHead(307, { location: `${other.url}/landing` }).end();
    });
    const r = await sendRequest(
      {
        method: 'GET',
        url: `${s.url}/start`,
        headers: [
          ['Authorization', 'Bearer secret'],
          ['Cookie', 'session=s'],
          ['X-Other', 'kept'],
        ],
      },
      { followRedirects: true },
    );
    assert.equal(r.status, 200);
    assert.equal(s.requests[1]!.headers.authorization, 'Bearer secret', 'same-origin hop keeps credentials');
    assert.equal(other.requests[0]!.headers.authorization, undefined);
    assert.equal(other.requests[0]!.headers.cookie, undefined);
    assert.equal(other.requests[0]!.headers['x-other'], 'kept');
    assert.deepEqual(
      r.redirects.map((h) => [h.status, h.droppedCredentials]),
      [
        [302, false],
        [307, true],
      ],
    );
    assert.match(formatResponse(r, { method: 'GET' }), /credentials not sent to the new origin/);
  });

  it('never sends credentials to an origin other than the configured one', async () => {
    const s = await serve((_req, res) => res.end('x'));
    await sendRequest(
      { method: 'GET', url: s.url, headers: [['Authorization', 'Bearer secret']] },
      { credentialsOrigin: 'http://localhost:3000' },
    );
    assert.equal(s.requests[0]!.headers.authorization, undefined);
  });

  it('stops a redirect loop with a clear message', async () => {
    const s = await serve((req, res) => res.writeHead(302, { location: req.url === '/a' ? '/b' : '/a' }).end());
    const e = await expectError(
      sendRequest({ method: 'GET', url: `${s.url}/a`, headers: [] }, { followRedirects: true }),
      'redirects',
    );
    assert.match(e.message, /redirect loop/);
    await s.allSocketsClosed();
  });

  it('turns a POST into a GET on 303 and drops the body', async () => {
    const s = await serve((req, res) =>
      req.url === '/form' ? res.writeHead(303, { location: '/done' }).end() : res.end(req.method),
    );
    const r = await sendRequest(
      { method: 'POST', url: `${s.url}/form`, headers: [['Content-Type', 'application/json']], body: '{}' },
      { followRedirects: true },
    );
    assert.equal(r.body.kind === 'text' && r.body.text, 'GET');
  });

  it('sends nothing from an untrusted workspace', async () => {
    const s = await serve((_req, res) => res.end('x'));
    const e = await expectError(
      sendRequest({ method: 'GET', url: s.url, headers: [] }, { isTrusted: () => false }),
      'untrusted',
    );
    assert.match(e.hint!, /Trust this workspace/);
    assert.equal(s.requests.length, 0);
  });

  it('rejects a URL that is not http(s)', async () => {
    await expectError(sendRequest({ method: 'GET', url: 'file:///etc/passwd', headers: [] }), 'invalid-url');
    await expectError(sendRequest({ method: 'GET', url: '/relative', headers: [] }), 'invalid-url');
  });
  it('shows server-sent events and NDJSON / JSON Lines as they arrive, not ordinary chunked JSON or text', () => {
    const head = (type: string) => ({
      headers: [
        ['content-type', type],
        ['transfer-encoding', 'chunked'],
      ] as Array<[string, string]>,
    });
    for (const type of [
      'text/event-stream',
      'text/event-stream; charset=utf-8',
      'application/x-ndjson',
      'application/jsonl',
      'application/stream+json',
    ])
      assert.ok(isStreamingResponse(head(type)), type);
    for (const type of ['application/json', 'text/plain; charset=utf-8', 'text/html'])
      assert.ok(!isStreamingResponse(head(type)), type);
  });
});

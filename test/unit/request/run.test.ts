/**
 * The send flow with a fake host (no VS Code): every fault of the send suite driven through
 * the flow against real loopback servers, and what the flow asks of its host and tells it.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import type { InferredRequest } from '../../../src/core/request/infer';
import {
  buildTarget,
  runTarget,
  sendSpec,
  variableRefs,
  type CookieJarPort,
  type RunContext,
  type RunOutcome,
  type RunSettings,
} from '../../../src/core/request/run';
import type { RequestSpec } from '../../../src/core/request/model';
import { FakeHost, FAKE_WORDS } from '../../support/fakeHost';
import { deadPort, useLoopbackServers, writeBytes } from '../../support/loopback';
import { REPO_ROOT } from '../../support/nextDev';

const GET: InferredRequest = {
  method: 'GET',
  route: '/api/items',
  params: [],
  query: [],
  auth: false,
  cookies: [],
  headers: [],
};
const AUTHED: InferredRequest = { ...GET, method: 'POST', auth: true, cookies: ['session'] };
const DYNAMIC: InferredRequest = {
  ...GET,
  route: '/api/items/[id]/[[...rest]]',
  params: [
    { name: 'id', kind: 'single' },
    { name: 'rest', kind: 'optionalCatchAll' },
  ],
};

function failure(outcome: RunOutcome, kind: string): void {
  assert.equal(outcome.kind, 'failed', JSON.stringify(outcome));
  if (outcome.kind === 'failed') assert.equal(outcome.error.kind, kind, outcome.error.message);
}

function responseOf(outcome: RunOutcome) {
  assert.equal(outcome.kind, 'response', outcome.kind === 'failed' ? outcome.error.message : outcome.kind);
  return (outcome as Extract<RunOutcome, { kind: 'response' }>).response;
}

describe('the send flow with a fake host (real loopback servers)', function () {
  this.timeout(60000);
  const serve = useLoopbackServers();

  const context = (host: FakeHost, settings: Partial<RunSettings> & { baseUrl: string }): RunContext => ({
    host,
    settings: { probe: false, ...settings },
  });
  const run = (host: FakeHost, base: string, inferred = GET, settings: Partial<RunSettings> = {}) =>
    runTarget({ inferred, layout: undefined }, context(host, { baseUrl: base, ...settings }));

  describe('faults', () => {
    it('reports a dead server as refused, with the hint worded by the host, and shows nothing', async () => {
      const host = new FakeHost();
      const port = await deadPort();
      failure(await run(host, `http://127.0.0.1:${port}`), 'refused');
      assert.equal(host.failures.length, 1);
      assert.equal(host.failures[0]!.hint, `Start the dev server (\`next dev\`). ${FAKE_WORDS.baseUrl}`);
      assert.deepEqual(host.responses, []);
    });

    it('offers the host a way out when nothing answers at any candidate, and sends where it points', async () => {
      const s = await serve((_req, res) => res.end('found'));
      const port = await deadPort();
      const host = new FakeHost();
      host.serverInstead = s.url;
      const outcome = await run(host, `http://127.0.0.1:${port}`, GET, { probe: true });
      assert.deepEqual(
        host.noServerCandidates.map((c) => c.map((x) => x.url)),
        [[`http://127.0.0.1:${port}`]],
      );
      assert.equal(responseOf(outcome).result.url, `${s.url}/api/items`);
    });

    it('stops without sending when nothing answers and the host offers nothing', async () => {
      const port = await deadPort();
      const host = new FakeHost();
      assert.deepEqual(await run(host, `http://127.0.0.1:${port}`, GET, { probe: true }), { kind: 'stopped' });
      assert.deepEqual(host.failures, []);
      assert.deepEqual(host.progressLog, []);
    });

    it('times out on a hanging handler with the timeout worded by the host, and closes the socket', async () => {
      const s = await serve(() => undefined);
      const host = new FakeHost();
      failure(await run(host, s.url, GET, { timeoutMs: 300 }), 'timeout');
      assert.match(host.failures[0]!.error.message, /within 300 ms/);
      assert.ok(host.failures[0]!.hint!.endsWith(FAKE_WORDS.timeout), host.failures[0]!.hint);
      await s.allSocketsClosed();
    });

    it('keeps what came when the timeout strikes with the body still arriving', async () => {
      const s = await serve((_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).write('first part'));
      const host = new FakeHost();
      const response = responseOf(await run(host, s.url, GET, { timeoutMs: 500 }));
      assert.equal(response.result.incomplete, 'timeout');
      assert.match(response.text, /# Stopped after 500 ms with the body still arriving; showing what came\./);
      assert.match(response.text, /\nfirst part\n$/);
    });

    it('reports a connection reset in the middle of the body', async () => {
      const s = await serve((_req, res, socket) => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('partial', () => socket.destroy());
      });
      const host = new FakeHost();
      failure(await run(host, s.url), 'reset');
      assert.match(host.failures[0]!.hint!, /dev server's terminal/);
      await s.allSocketsClosed();
    });

    it('reports a lying content-length (fewer bytes, then close) as a reset', async () => {
      const s = await serve((_req, res, socket) => {
        res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '100' });
        res.write('only ten b', () => socket.end());
      });
      failure(await run(new FakeHost(), s.url), 'reset');
      await s.allSocketsClosed();
    });

    it('cancels when the host cancels, and tells the host', async () => {
      const s = await serve(() => undefined);
      const host = new FakeHost();
      host.cancel = 'at-once';
      failure(await run(host, s.url), 'cancelled');
      assert.equal(host.failures[0]!.hint, undefined);
      await s.allSocketsClosed();
    });

    it('shows a body under a wrong content type as received, with a note', async () => {
      const s = await serve((_req, res) =>
        res.writeHead(200, { 'content-type': 'application/json' }).end('<html>oops'),
      );
      const response = responseOf(await run(new FakeHost(), s.url));
      assert.match(response.text, /# The body is not valid JSON although Content-Type says so/);
      assert.ok(response.text.endsWith('\n<html>oops\n'));
    });

    it('caps the display of a huge body and keeps the whole of it in a temp file', async () => {
      const size = 20 * 1024 * 1024;
      const s = await serve((_req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(size) });
        writeBytes(res, size, Buffer.alloc(1024 * 1024, 'a'));
      });
      const host = new FakeHost();
      const { result } = responseOf(await run(host, s.url, GET, { maxDisplayBytes: 1024 * 1024 }));
      try {
        assert.equal(result.bytes, size);
        assert.ok(result.body.kind === 'text' && result.body.truncated);
        assert.match(result.notes.join('\n'), /Showing the first 1\.0 MB of 20\.0 MB/);
        assert.equal(fs.statSync(result.fullBodyFile!).size, size);
      } finally {
        if (result.fullBodyFile) fs.rmSync(result.fullBodyFile, { force: true });
      }
      await s.allSocketsClosed();
    });

    it('decodes gzip and flags invalid UTF-8, as notes in the response text', async () => {
      const gz = zlib.gzipSync('{"hello":"world"}');
      const zipped = await serve((_req, res) =>
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(gz),
      );
      const text = responseOf(await run(new FakeHost(), zipped.url)).text;
      assert.match(text, /# Decoded from gzip for display/);
      assert.ok(text.endsWith('{\n  "hello": "world"\n}\n'), text);
      const broken = await serve((_req, res) =>
        res.writeHead(200, { 'content-type': 'text/plain' }).end(Buffer.from([0x6f, 0x6b, 0xff])),
      );
      assert.match(responseOf(await run(new FakeHost(), broken.url)).text, /# The body is not valid UTF-8/);
    });

    it('follows a redirect to another origin only when asked, dropping the credentials on the way', async () => {
      const other = await serve((_req, res) => res.end('other'));
      const s = await serve((_req, res) => res.writeHead(307, { location: `${other.url}/landing` }).end());
      const host = new FakeHost();
      host.secrets = { authToken: 'tok', cookie_session: 'sess' };
      const notFollowed = responseOf(await run(host, s.url, AUTHED));
      assert.equal(notFollowed.result.status, 307);
      assert.equal(other.requests.length, 0);
      const followed = responseOf(await run(host, s.url, AUTHED, { followRedirects: true }));
      assert.equal(followed.result.status, 200);
      assert.equal(s.requests[1]!.headers.authorization, 'Bearer tok');
      assert.equal(other.requests[0]!.headers.authorization, undefined);
      assert.equal(other.requests[0]!.headers.cookie, undefined);
      assert.match(followed.text, /# redirected 307 from .* \(credentials not sent to the new origin\)/);
    });

    it('stops a redirect loop, with the redirect knob worded by the host', async () => {
      const s = await serve((req, res) => res.writeHead(302, { location: req.url === '/a' ? '/b' : '/a' }).end());
      const host = new FakeHost();
      const outcome = await sendSpec({ method: 'GET', url: `${s.url}/a`, headers: [] }, s.url, {
        host,
        settings: { probe: false, followRedirects: true },
      });
      failure(outcome, 'redirects');
      assert.match(host.failures[0]!.error.message, /redirect loop/);
      assert.equal(host.failures[0]!.hint, FAKE_WORDS.followRedirects);
    });

    it('rejects a URL that is not http(s) before anything else', async () => {
      const host = new FakeHost();
      const outcome = await sendSpec(
        { method: 'GET', url: 'file:///etc/passwd', headers: [] },
        'http://localhost:3000',
        {
          host,
          settings: { probe: false },
        },
      );
      failure(outcome, 'invalid-url');
      assert.deepEqual(host.confirmedOrigins, []);
      assert.deepEqual(host.askedSecrets, []);
    });
  });

  describe('what the flow asks of its host', () => {
    it('sends nothing from an untrusted workspace, and asks for nothing', async () => {
      const s = await serve((_req, res) => res.end('x'));
      const host = new FakeHost();
      host.trusted = false;
      failure(await run(host, s.url, DYNAMIC), 'untrusted');
      assert.match(host.failures[0]!.hint!, /Trust this workspace/);
      assert.deepEqual(host.askedParams, []);
      assert.equal(s.requests.length, 0);
    });

    it('asks only for the params it does not know, and stops when the prompt is cancelled', async () => {
      const s = await serve((req, res) => res.end(req.url));
      const host = new FakeHost();
      host.paramAnswers = { id: '42' };
      const first = responseOf(await run(host, s.url, DYNAMIC));
      assert.deepEqual(host.askedParams, [DYNAMIC.params]);
      assert.equal(first.result.url, `${s.url}/api/items/42`);
      host.params = { id: '7', rest: '' };
      assert.equal(responseOf(await run(host, s.url, DYNAMIC)).result.url, `${s.url}/api/items/7`);
      assert.equal(host.askedParams.length, 1, 'an empty optional catch-all counts as known');
      host.params = {};
      host.paramAnswers = undefined;
      assert.deepEqual(await run(host, s.url, DYNAMIC), { kind: 'stopped' });
      assert.equal(s.requests.length, 2);
    });

    it('fills the token and cookies from the host for the base URL, and reports what is sent', async () => {
      const s = await serve((_req, res) => res.end('ok'));
      const host = new FakeHost();
      host.secrets = { authToken: 'tok', cookie_session: 'sess' };
      const response = responseOf(await run(host, s.url, AUTHED));
      assert.equal(s.requests[0]!.headers.authorization, 'Bearer tok');
      assert.equal(s.requests[0]!.headers.cookie, 'session=sess');
      assert.deepEqual(
        host.askedSecrets.map((r) => r.kind),
        ['token', 'cookie'],
      );
      assert.ok(
        response.spec.headers.some(([, v]) => v === 'Bearer {{authToken}}'),
        'the stored spec keeps placeholders',
      );
      const sending = host.notices.find((n) => n.kind === 'sending');
      assert.ok(sending && sending.kind === 'sending' && !sending.line.includes('tok'), 'the log line is redacted');
    });

    it('leaves out a credential with no value, never sending the placeholder, and says so', async () => {
      const s = await serve((_req, res) => res.end('ok'));
      const host = new FakeHost();
      responseOf(await run(host, s.url, AUTHED));
      assert.equal(s.requests[0]!.headers.authorization, undefined);
      assert.equal(s.requests[0]!.headers.cookie, undefined);
      assert.deepEqual(
        host.notices.filter((n) => n.kind === 'dropped'),
        [{ kind: 'dropped', names: ['Authorization', 'Cookie session'], reason: 'no-value' }],
      );
    });

    it('lets the host stop when the handler reads Authorization and no token is set', async () => {
      const s = await serve((_req, res) => res.end('ok'));
      const host = new FakeHost();
      const asked: string[] = [];
      host.tokenMissing = async (request) => (asked.push(`${request.method} ${request.route}`), false);
      assert.deepEqual(await run(host, s.url, AUTHED), { kind: 'stopped' });
      assert.deepEqual(asked, ['POST /api/items']);
      assert.equal(s.requests.length, 0);
      host.secrets = { authToken: 'tok' };
      responseOf(await run(host, s.url, AUTHED));
      assert.deepEqual(asked, ['POST /api/items'], 'not asked again once a token is set');
    });

    it('never reads secrets for a request to another origin than the base URL', async () => {
      const s = await serve((_req, res) => res.end('ok'));
      const host = new FakeHost();
      host.secrets = { authToken: 'tok' };
      const spec: RequestSpec = { method: 'GET', url: s.url, headers: [['Authorization', 'Bearer {{authToken}}']] };
      responseOf(await sendSpec(spec, 'http://localhost:3999', { host, settings: { probe: false } }));
      assert.deepEqual(host.askedSecrets, []);
      assert.equal(s.requests[0]!.headers.authorization, undefined);
      assert.deepEqual(
        host.notices.filter((n) => n.kind === 'dropped'),
        [
          {
            kind: 'dropped',
            names: ['Authorization'],
            reason: 'other-origin',
            credentialsOrigin: 'http://localhost:3999',
            targetOrigin: s.origin,
          },
        ],
      );
    });

    it('asks once per send before anything goes to an origin off this machine, and sends nothing on a no', async () => {
      const host = new FakeHost();
      host.confirm = false;
      const spec: RequestSpec = { method: 'GET', url: 'http://api.example.invalid/x', headers: [] };
      const outcome = await sendSpec(spec, 'http://api.example.invalid', { host, settings: { probe: false } });
      assert.deepEqual(outcome, { kind: 'stopped' });
      assert.deepEqual(host.confirmedOrigins, ['http://api.example.invalid']);
      assert.deepEqual(host.progressLog, []);
    });

    it('reports unknown variables as missing and sends them as written', async () => {
      const s = await serve((_req, res) => res.end('ok'));
      const host = new FakeHost();
      const spec: RequestSpec = { method: 'GET', url: s.url, headers: [['X-Trace', '{{traceId}}']] };
      responseOf(await sendSpec(spec, s.url, { host, settings: { probe: false } }));
      assert.deepEqual(
        host.notices.filter((n) => n.kind === 'missing'),
        [{ kind: 'missing', variables: ['traceId'] }],
      );
      assert.equal(s.requests[0]!.headers['x-trace'], '{{traceId}}');
    });

    it('hands a streamed body to the host as it arrives, and keeps what came when the host cancels', async () => {
      const s = await serve((_req, res) => {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write('data: 1\n\n');
      });
      const host = new FakeHost();
      host.cancel = 'after-first-chunk';
      const response = responseOf(await run(host, s.url));
      assert.match(host.streamed[0]!, /^HTTP\/1\.1 200 OK\n# GET http:\/\/127\.0\.0\.1:\d+\/api\/items\n/);
      assert.equal(host.streamed[1], 'data: 1\n\n');
      assert.equal(response.streamed, true);
      assert.equal(response.result.incomplete, 'cancelled');
      assert.deepEqual(host.progressLog, ['GET /api/items', 'sending…', '200 OK — receiving…']);
    });

    it('does not stream an ordinary response', async () => {
      const s = await serve((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
      const host = new FakeHost();
      assert.equal(responseOf(await run(host, s.url)).streamed, false);
      assert.deepEqual(host.streamed, []);
    });
  });

  describe('what plugs in', () => {
    it('sends the cookie jar’s cookies and stores the Set-Cookie of the response', async () => {
      const s = await serve((_req, res) => res.writeHead(200, { 'set-cookie': ['a=1; Path=/', 'b=2'] }).end('ok'));
      const stored: Array<[string, readonly string[]]> = [];
      const jar: CookieJarPort = {
        cookieHeader: async (url) => (url.startsWith(s.url) ? 'jar=yes' : undefined),
        store: async (url, setCookies) => void stored.push([url, setCookies]),
      };
      const host = new FakeHost();
      host.secrets = { cookie_session: 'sess' };
      const ctx: RunContext = { host, settings: { probe: false, baseUrl: s.url }, cookieJar: jar };
      responseOf(await runTarget({ inferred: { ...GET, cookies: ['session'] }, layout: undefined }, ctx));
      assert.equal(s.requests[0]!.headers.cookie, 'session=sess; jar=yes');
      assert.deepEqual(stored, [[`${s.url}/api/items`, ['a=1; Path=/', 'b=2']]]);
    });

    it('fills other variables from extra sources, after the host’s secrets', async () => {
      const s = await serve((_req, res) => res.end('ok'));
      const host = new FakeHost();
      host.secrets = { authToken: 'from-host' };
      const spec: RequestSpec = {
        method: 'GET',
        url: `${s.url}/?v={{version}}`,
        headers: [
          ['Authorization', 'Bearer {{authToken}}'],
          ['X-Env', '{{stage}}'],
        ],
      };
      const sources = [(name: string) => (name === 'stage' ? 'dev' : undefined), () => Promise.resolve('7')];
      responseOf(await sendSpec(spec, s.url, { host, settings: { probe: false }, variables: sources }));
      assert.equal(s.requests[0]!.url, '/?v=7');
      assert.equal(s.requests[0]!.headers.authorization, 'Bearer from-host');
      assert.equal(s.requests[0]!.headers['x-env'], 'dev');
    });
  });

  it('builds without sending: params and base URL, no trust or secrets needed', async () => {
    const host = new FakeHost();
    host.trusted = false;
    host.params = { id: '5' };
    const built = await buildTarget(
      { inferred: DYNAMIC, layout: undefined },
      { host, settings: { probe: false, baseUrl: 'http://localhost:4000/', headers: { 'X-Extra': '1' } } },
    );
    assert.equal(built?.spec.url, 'http://localhost:4000/api/items/5');
    assert.equal(built?.base, 'http://localhost:4000');
    assert.deepEqual(built?.spec.headers, [['X-Extra', '1']]);
  });

  it('tells the token, cookie values and other variables apart', () => {
    const spec: RequestSpec = {
      method: 'POST',
      url: 'http://localhost:3000/{{tenant}}',
      headers: [
        ['Authorization', 'Bearer {{authToken}}'],
        ['Cookie', 'next-auth.session-token={{cookie_next_auth_session_token}}'],
      ],
      body: '{"x":"{{tenant}}"}',
    };
    assert.deepEqual(variableRefs(spec), [
      { kind: 'other', variable: 'tenant' },
      { kind: 'token', variable: 'authToken' },
      { kind: 'cookie', variable: 'cookie_next_auth_session_token', cookie: 'next-auth.session-token' },
    ]);
  });

  it('is the only place that fills variables and sends: the editor and the CLI are hosts of it', () => {
    const callers = fs
      .readdirSync(path.join(REPO_ROOT, 'src'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.ts'))
      .map((e) => path.relative(REPO_ROOT, path.join(e.parentPath, e.name)))
      .filter((file) => {
        const text = fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');
        return /(?<!function )\b(prepareForSend|sendRequest)\(/.test(text);
      });
    // authjs.ts sends the Auth.js sign-in exchange (fixed CSRF and callback requests, no variables to fill).
    assert.deepEqual(callers.sort(), [
      path.join('src', 'core', 'request', 'authjs.ts'),
      path.join('src', 'core', 'request', 'run.ts'),
    ]);
  });
});

/**
 * Interop with a real third-party client: every `.http` file we write (Export Routes of both
 * fixture apps, with the environment file, and single requests) is parsed and sent by
 * httpYac's CLI (npm `httpyac`); a loopback server records what arrives, and it must be the
 * same method, URL, headers and body as our own send of the same file. Then the auth app's
 * export is sent by httpYac to real `next dev`, with the same statuses as ours.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseDocument } from '../../../src/core/ast/parse';
import { findRouteFileCandidates } from '../../../src/core/files';
import { ProjectIndex } from '../../../src/core/nextjs/project';
import { appEnvSource, envValues, loadAppEnv } from '../../../src/core/request/appEnv';
import * as http from 'node:http';
import { CookieJars } from '../../../src/core/request/cookieJar';
import { pickEnvironment, readEnvironmentFile, resolveInEnvironment } from '../../../src/core/request/environments';
import {
  environmentFile,
  exportSpecs,
  mergeEnvironmentFile,
  parseHttpFile,
  toHttpFile,
  toHttpText,
} from '../../../src/core/request/httpFile';
import { inferRequests } from '../../../src/core/request/infer';
import { prepareForSend, resolveSpec, type RequestSpec } from '../../../src/core/request/model';
import { sendSpec } from '../../../src/core/request/run';
import { sendRequest } from '../../../src/core/request/send';
import { FakeHost } from '../../support/fakeHost';
import { startServer, type TestServer } from '../../support/loopback';
import { AUTH_APP, FIXTURE_APP, REPO_ROOT, startNextDev, type DevServer } from '../../support/nextDev';

const HTTPYAC = path.join(REPO_ROOT, 'node_modules', 'httpyac', 'bin', 'httpyac.js');
/** Headers each client adds on its own (connection handling, its name, what it accepts). */
const CLIENT_HEADERS = new Set([
  'host',
  'connection',
  'user-agent',
  'accept',
  'accept-encoding',
  'content-length',
  'transfer-encoding',
]);
/** What the user keeps in httpYac's private environment file (never in what we write). */
const SECRETS = { authToken: 'test-token-123', cookie_session: 'session-abc', cookie_theme: 'dark' };

interface Received {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/**
 * A server that records what arrives; with `upstream`, a proxy that also passes each request on
 * and answers with the upstream's response (a redirect's Location rewritten to the upstream, so
 * a client that follows it does not come back here).
 */
function recorder(upstream?: string): Promise<TestServer & { received: Received[] }> {
  const received: Received[] = [];
  return startServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers))
        if (!CLIENT_HEADERS.has(k) && v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
      const body = Buffer.concat(chunks);
      received.push({ method: req.method ?? '', url: req.url ?? '', headers, body: body.toString() });
      if (!upstream) return void res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      const target = new URL(req.url ?? '/', upstream);
      const out = http.request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (up) => {
        // As a reverse proxy does (Apache's ProxyPassReverse): a Location back at us points at the upstream.
        const back = up.headers.location ? new URL(up.headers.location, `http://${req.headers.host}`) : undefined;
        const location =
          back && back.host === req.headers.host ? new URL(back.pathname + back.search, upstream).href : undefined;
        res.writeHead(up.statusCode ?? 502, { ...up.headers, ...(location ? { location } : {}) });
        up.pipe(res);
      });
      out.on('error', () => res.writeHead(502).end());
      out.end(body);
    });
  }).then((s) => Object.assign(s, { received }));
}

function allRequests(appDir: string): RequestSpec[] {
  const index = new ProjectIndex();
  const specs: RequestSpec[] = [];
  for (const file of findRouteFileCandidates(path.join(appDir, 'app'))) {
    const info = index.routeFile(file);
    if (!info) continue;
    specs.push(
      ...exportSpecs(inferRequests(parseDocument(file, fs.readFileSync(file, 'utf8')), info.route, info.params)),
    );
  }
  return specs;
}

/** Runs httpYac's CLI on a file (all requests, environment `local` unless told); resolves with its exit code and output. */
function httpyac(
  file: string,
  output: 'none' | 'short' = 'none',
  env = 'local',
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [HTTPYAC, 'send', file, '--all', '--env', env, '-o', output, '--no-color'], {
      cwd: path.dirname(file),
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    let text = '';
    child.stdout.on('data', (c: Buffer) => (text += c.toString()));
    child.stderr.on('data', (c: Buffer) => (text += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output: text }));
  });
}

/** Our own send of every request in a file, with the same environment and secrets httpYac had. */
async function sendOurs(file: string, environment: Record<string, string>): Promise<number[]> {
  const parsed = parseHttpFile(fs.readFileSync(file, 'utf8'));
  const env = loadAppEnv(path.dirname(file), {});
  const statuses: number[] = [];
  for (const request of parsed.requests) {
    const { spec } = resolveSpec(request, { ...environment, ...parsed.variables });
    const { spec: ready } = prepareForSend(spec, envValues(spec, env));
    statuses.push((await sendRequest(ready)).status);
  }
  return statuses;
}

/** A folder as a user would have it: our .http file and environment file, their private secrets, the app's .env. */
function workspaceFor(name: string, httpText: string, envJson: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `nrk-httpyac-${name}-`));
  fs.writeFileSync(path.join(dir, 'routes.http'), httpText);
  fs.writeFileSync(path.join(dir, 'http-client.env.json'), envJson);
  const names = Object.keys(JSON.parse(envJson) as object);
  fs.writeFileSync(
    path.join(dir, 'http-client.private.env.json'),
    JSON.stringify(Object.fromEntries(names.map((n) => [n, SECRETS]))),
  );
  fs.writeFileSync(path.join(dir, '.env'), 'API_KEY=api-key-from-env-local\n');
  return dir;
}

function environmentOf(dir: string): Record<string, string> {
  const read = (f: string): Record<string, string> =>
    (JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Record<string, Record<string, string>>)['local']!;
  return { ...read('http-client.env.json'), ...read('http-client.private.env.json') };
}

describe('interop: httpYac sends the .http files we write as we do', function () {
  this.timeout(240000);
  const dirs: string[] = [];
  let server: Awaited<ReturnType<typeof recorder>>;
  before(async () => {
    server = await recorder();
  });
  after(async () => {
    await server.close();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  async function sameOnTheWire(name: string, httpText: string, envJson: string): Promise<void> {
    const dir = workspaceFor(name, httpText, envJson);
    dirs.push(dir);
    const file = path.join(dir, 'routes.http');
    const expected = parseHttpFile(httpText).requests.length;
    server.received.length = 0;
    const theirs = await httpyac(file);
    assert.equal(theirs.code, 0, theirs.output);
    const byHttpyac = server.received.splice(0);
    await sendOurs(file, environmentOf(dir));
    const byUs = server.received.splice(0);
    assert.equal(byHttpyac.length, expected, theirs.output);
    assert.equal(byUs.length, expected);
    for (let i = 0; i < expected; i++) assert.deepEqual(byHttpyac[i], byUs[i], `request ${i + 1} of ${name}`);
  }

  for (const [name, app] of [
    ['auth-app', AUTH_APP],
    ['workspace', FIXTURE_APP],
  ] as const) {
    it(`Export Routes of the ${name} fixture with its environment file: every request identical`, async () => {
      const specs = allRequests(app);
      assert.ok(specs.length >= 6);
      const envJson = environmentFile(specs, { local: server.url }, { id: '42', slug: 'a', path: 'x' });
      await sameOnTheWire(name, toHttpFile(specs), envJson);
    });
  }

  it('a single request with a Cookie line of several cookies arrives with all of them', async () => {
    const spec: RequestSpec = {
      method: 'GET',
      url: '{{baseUrl}}/api/profile',
      headers: [['Cookie', 'session={{cookie_session}}; theme={{cookie_theme}}']],
      title: 'GET /api/profile',
    };
    await sameOnTheWire('cookies', toHttpText(spec), environmentFile([spec], { local: server.url }));
    assert.ok(toHttpText(spec).includes('# @no-cookie-jar'));
  });

  it('a variable the user has not set (the token) is defined empty in the environment file, so the request is sent', async () => {
    const spec: RequestSpec = {
      method: 'GET',
      url: '{{baseUrl}}/api/me?page={{page}}',
      headers: [['Authorization', 'Bearer {{authToken}}']],
    };
    const envJson = environmentFile([spec], { local: server.url });
    assert.deepEqual(JSON.parse(envJson), { local: { authToken: '', baseUrl: server.url, page: '' } });
    await sameOnTheWire('unset', toHttpText(spec), envJson);
  });

  describe('against next dev', () => {
    let dev: DevServer;
    before(async () => {
      dev = await startNextDev(AUTH_APP);
    });
    after(async () => dev?.stop());

    it("the auth app's export gets the same statuses from next dev through httpYac and through us", async () => {
      const specs = allRequests(AUTH_APP).filter((s) => !s.url.includes('/api/auth/'));
      const envJson = environmentFile(specs, { local: dev.origin });
      const dir = workspaceFor('nextdev', toHttpFile(specs), envJson);
      dirs.push(dir);
      const file = path.join(dir, 'routes.http');
      const theirs = await httpyac(file, 'short');
      assert.equal(theirs.code, 0, theirs.output);
      // One block per response; httpYac follows redirects and prints each hop under the request's name:
      // the first status of a name is the route's own.
      const statuses: number[] = [];
      let last: string | undefined;
      for (const block of theirs.output.split(/^-{5,}$/m)) {
        const title = /^=== (.+) ===$/m.exec(block)?.[1];
        const status = /^\s*=> (\d{3})/m.exec(block)?.[1];
        if (title && status && title !== last) statuses.push(Number(status));
        last = title ?? last;
      }
      const ours = await sendOurs(file, environmentOf(dir));
      assert.equal(ours.length, specs.length);
      assert.ok(ours.includes(401) && ours.includes(307), `protected routes answer 401/307: ${ours.join()}`);
      assert.deepEqual(statuses, ours, theirs.output);
    });

    it('httpyac send --env staging and our send in environment staging put the same requests on the wire to next dev', async () => {
      const proxy = await recorder(dev.origin);
      try {
        const specs = allRequests(AUTH_APP).filter((s) => !s.url.includes('/api/auth/'));
        // As Export Routes writes it: every environment, merged over a file the user already had.
        const existing = JSON.stringify({
          staging: { baseUrl: 'https://old.example.com', id: '7', authToken: 'leak' },
        });
        const envJson = mergeEnvironmentFile(
          existing,
          environmentFile(specs, { local: dev.origin, staging: proxy.url }, {}, { staging: { tenant: 'acme' } }),
        );
        const written = JSON.parse(envJson) as Record<string, Record<string, string>>;
        assert.equal(written['staging']!['baseUrl'], proxy.url);
        assert.equal(written['staging']!['authToken'], '', 'no secret is written, not even one the file had');
        assert.equal(written['staging']!['tenant'], 'acme');
        const dir = workspaceFor('env-staging', toHttpFile(specs), envJson);
        dirs.push(dir);
        const file = path.join(dir, 'routes.http');
        const theirs = await httpyac(file, 'none', 'staging');
        assert.equal(theirs.code, 0, theirs.output);
        const byHttpyac = proxy.received.splice(0);

        const staging = pickEnvironment(readEnvironmentFile(path.join(dir, 'http-client.env.json')), 'staging', dir);
        const parsed = parseHttpFile(fs.readFileSync(file, 'utf8'));
        const host = new FakeHost();
        // As the editor sends: with the environment's cookie jar (httpYac keeps one too), not for a `# @no-cookie-jar` request.
        const jar = new CookieJars();
        for (const request of parsed.requests)
          await sendSpec(resolveInEnvironment(request, parsed.variables, staging, staging.baseUrl), staging.baseUrl!, {
            host,
            settings: { probe: false },
            environment: staging,
            ...(request.noCookieJar ? {} : { cookieJar: jar }),
            variables: [appEnvSource(loadAppEnv(dir, {}))],
          });
        const byUs = proxy.received.splice(0);
        assert.equal(host.failures.length, 0, JSON.stringify(host.failures));
        assert.equal(byUs.length, specs.length);
        assert.equal(byHttpyac.length, specs.length, JSON.stringify(byHttpyac.map((r) => `${r.method} ${r.url}`)));
        // Both jars kept the Auth.js cookies the proxy.ts answer set; their values are the server's, new per session.
        const cookieNames = (r: Received): Received =>
          r.headers['cookie'] === undefined
            ? r
            : { ...r, headers: { ...r.headers, cookie: r.headers['cookie'].replace(/=[^;]*/g, '=…') } };
        for (let i = 0; i < specs.length; i++)
          assert.deepEqual(cookieNames(byHttpyac[i]!), cookieNames(byUs[i]!), `request ${i + 1}`);
        assert.ok(
          byUs.some((r) => r.headers['cookie']?.includes(`session=${SECRETS.cookie_session}`)),
          "the private file's cookie value is sent (to the environment's own origin)",
        );
      } finally {
        await proxy.close();
      }
    });
  });
});

/**
 * Named environments: the setting / environment-file shape, and switching environments in the
 * one send flow (run.ts) against real loopback servers — each environment with its own
 * server, variables and cookie jar — then from the CLI with --env.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as http from 'node:http';
import { EnvironmentSessions, type JarStorage } from '../../../src/core/request/environmentSessions';
import {
  environmentKey,
  environmentVariables,
  parseEnvironments,
  pickEnvironment,
  readEnvironmentFile,
  skippedEnvironments,
  type Environment,
} from '../../../src/core/request/environments';
import type { InferredRequest } from '../../../src/core/request/infer';
import { environmentFile, mergeEnvironmentFile } from '../../../src/core/request/httpFile';
import { runTarget, sendSpec, type RunContext, type RunOutcome } from '../../../src/core/request/run';
import { parseSettings } from '../../../src/core/settings';
import { cli } from '../../support/cli';
import { FakeHost } from '../../support/fakeHost';
import { useLoopbackServers, type TestServer } from '../../support/loopback';
import { tempProject } from '../../support/tempProject';

const LOGIN: InferredRequest = {
  method: 'POST',
  route: '/api/login',
  params: [],
  query: [],
  auth: false,
  cookies: [],
  headers: [],
};
const ME: InferredRequest = { ...LOGIN, method: 'GET', route: '/api/me', auth: true };

class MemoryStorage implements JarStorage {
  readonly values = new Map<string, string>();
  async get(key: string): Promise<string | undefined> {
    return this.values.get(key);
  }
  async store(key: string, value: string): Promise<void> {
    this.values.set(key, value);
  }
  async delete(key: string): Promise<void> {
    this.values.delete(key);
  }
}

/** A server with a session: POST /api/login sets `session=<name>`, GET /api/me answers 200 with it, else 401. */
function sessionServer(name: string) {
  return (req: http.IncomingMessage, res: http.ServerResponse): void => {
    if (req.method === 'POST' && req.url === '/api/login') {
      res.writeHead(200, { 'set-cookie': `session=${name}; Path=/; HttpOnly` }).end('{}');
      return;
    }
    const signedIn = /(?:^|;\s*)session=/.test(req.headers.cookie ?? '');
    res.writeHead(signedIn ? 200 : 401, { 'content-type': 'application/json' }).end(`{"server":"${name}"}`);
  };
}

function statusOf(outcome: RunOutcome): number {
  assert.equal(outcome.kind, 'response', outcome.kind === 'failed' ? outcome.error.message : outcome.kind);
  return (outcome as Extract<RunOutcome, { kind: 'response' }>).response.result.status;
}

describe('environments', () => {
  describe('the setting and the environment file', () => {
    const cases: Array<[string, unknown, Array<Pick<Environment, 'name' | 'baseUrl'>>]> = [
      ['nothing set: only local', {}, [{ name: 'local' }]],
      [
        'local first, the others by name, trailing slashes dropped',
        { staging: { baseUrl: 'https://staging.example.com/' }, preview: { baseUrl: 'http://10.0.0.2:3000' } },
        [
          { name: 'local' },
          { name: 'preview', baseUrl: 'http://10.0.0.2:3000' },
          { name: 'staging', baseUrl: 'https://staging.example.com' },
        ],
      ],
      [
        "local's baseUrl is ignored: local is the detected dev server",
        { local: { baseUrl: 'http://localhost:9999', tenant: 'acme' } },
        [{ name: 'local' }],
      ],
      [
        'an entry without an http(s) baseUrl, a $shared block or a bad name is left out',
        {
          qa: { host: 'x' },
          ftp: { baseUrl: 'ftp://x' },
          $shared: { baseUrl: 'http://a' },
          'a b': { baseUrl: 'http://b' },
        },
        [{ name: 'local' }],
      ],
    ];
    for (const [title, raw, expected] of cases)
      it(title, () => {
        assert.deepEqual(
          parseEnvironments(raw).map((e) => ({ name: e.name, ...(e.baseUrl ? { baseUrl: e.baseUrl } : {}) })),
          expected,
        );
      });

    it('keeps string variables besides baseUrl, and names what it skipped', () => {
      const raw = { staging: { baseUrl: 'https://s.example.com', tenant: 'acme', retries: 3 }, qa: {} };
      assert.deepEqual(parseEnvironments(raw)[1]!.variables, { tenant: 'acme' });
      assert.deepEqual(skippedEnvironments(raw), ['qa']);
      assert.deepEqual(environmentVariables(parseEnvironments(raw)[1]!, 'https://s.example.com'), {
        tenant: 'acme',
        baseUrl: 'https://s.example.com',
      });
    });

    it('reads nextRouteKit.request.environments through the settings module', () => {
      const settings = parseSettings({
        request: { environments: { staging: { baseUrl: 'https://s.example.com', n: 1 } } },
      });
      assert.deepEqual(settings.request.environments, { staging: { baseUrl: 'https://s.example.com' } });
      assert.deepEqual(parseSettings({ request: { environments: ['x'] } }).request.environments, {});
    });

    it('merges http-client.private.env.json into the environment file, per environment', () => {
      const project = tempProject({
        'http-client.env.json': JSON.stringify({ staging: { baseUrl: 'https://s.example.com', authToken: '' } }),
        'http-client.private.env.json': JSON.stringify({ staging: { authToken: 'tok' }, local: { authToken: 'l' } }),
      });
      try {
        const envs = readEnvironmentFile(path.join(project.dir, 'http-client.env.json'));
        assert.deepEqual(envs, [
          { name: 'local', variables: { authToken: 'l' } },
          { name: 'staging', baseUrl: 'https://s.example.com', variables: { authToken: 'tok' } },
        ]);
        assert.throws(
          () => pickEnvironment(envs, 'prod', 'http-client.env.json'),
          /no environment "prod".*local, staging/,
        );
      } finally {
        project.remove();
      }
    });

    it('writes every environment with every variable the requests use, secrets empty, no $shared block', () => {
      const specs = [
        { method: 'GET', url: '{{baseUrl}}/api/items/{{id}}', headers: [['Authorization', 'Bearer {{authToken}}']] },
        { method: 'GET', url: '{{baseUrl}}/api/me', headers: [['Cookie', 'session={{cookie_session}}']] },
      ] as const;
      const json = JSON.parse(
        environmentFile(
          specs.map((x) => ({ ...x, headers: x.headers.map(([k, v]) => [k, v] as const) })),
          { local: 'http://localhost:3000', staging: 'https://s.example.com' },
          { id: '42' },
          { staging: { tenant: 'acme', authToken: 'never-written' } },
        ),
      ) as Record<string, Record<string, string>>;
      assert.deepEqual(json, {
        local: { authToken: '', cookie_session: '', id: '42', baseUrl: 'http://localhost:3000' },
        staging: { authToken: '', cookie_session: '', id: '42', tenant: 'acme', baseUrl: 'https://s.example.com' },
      });
    });

    it("merges over the user's environment file: their environments and values stay, baseUrl is new, secrets are blanked", () => {
      const existing = JSON.stringify({
        staging: { baseUrl: 'https://old.example.com', id: '7', authToken: 'leaked', note: 'mine' },
        qa: { baseUrl: 'https://qa.example.com' },
      });
      const generated = JSON.stringify({ staging: { baseUrl: 'https://s.example.com', id: '', authToken: '' } });
      assert.deepEqual(JSON.parse(mergeEnvironmentFile(existing, generated)), {
        staging: { baseUrl: 'https://s.example.com', id: '7', authToken: '', note: 'mine' },
        qa: { baseUrl: 'https://qa.example.com' },
      });
      assert.deepEqual(JSON.parse(mergeEnvironmentFile('not json', generated)), JSON.parse(generated));
    });

    it('stores local credentials under the keys used before environments, the others beside them', () => {
      assert.equal(environmentKey('nextRouteKit.authToken', 'local'), 'nextRouteKit.authToken');
      assert.equal(environmentKey('nextRouteKit.authToken', 'staging'), 'nextRouteKit.authToken@staging');
    });
  });

  describe('switching environments in the send flow (real loopback servers)', function () {
    this.timeout(30000);
    const serve = useLoopbackServers();
    let local: TestServer;
    let preview: TestServer;
    let environments: Environment[];

    beforeEach(async () => {
      local = await serve(sessionServer('local'));
      preview = await serve(sessionServer('preview'));
      environments = parseEnvironments({
        preview: { baseUrl: preview.url, authToken: 'preview-token' },
        // Another environment on local's own origin: a second session there, never the first one's.
        admin: { baseUrl: local.url },
      });
    });

    const contextFor = async (
      name: string,
      sessions: EnvironmentSessions,
      host = new FakeHost(),
    ): Promise<RunContext> => ({
      host,
      settings: { probe: false, baseUrl: local.url },
      environment: pickEnvironment(environments, name, 'the test'),
      cookieJar: await sessions.jar(name),
    });

    it('environment switch sends to the other server with its own jar, and back with the session', async () => {
      const storage = new MemoryStorage();
      const sessions = new EnvironmentSessions(storage);
      assert.equal(
        statusOf(await runTarget({ inferred: LOGIN, layout: undefined }, await contextFor('local', sessions))),
        200,
      );
      await sessions.save('local');
      assert.equal(
        statusOf(await runTarget({ inferred: ME, layout: undefined }, await contextFor('local', sessions))),
        200,
      );

      // Switch to preview: its server, its token, no cookie of local's.
      assert.equal(
        statusOf(await runTarget({ inferred: ME, layout: undefined }, await contextFor('preview', sessions))),
        401,
      );
      const atPreview = preview.requests.at(-1)!;
      assert.equal(atPreview.url, '/api/me');
      assert.equal(atPreview.headers.cookie, undefined);
      assert.equal(atPreview.headers.authorization, 'Bearer preview-token');

      // admin shares local's origin but not its session.
      const before = local.requests.length;
      assert.equal(
        statusOf(await runTarget({ inferred: ME, layout: undefined }, await contextFor('admin', sessions))),
        401,
      );
      assert.equal(local.requests.length, before + 1);
      assert.equal(local.requests.at(-1)!.headers.cookie, undefined);

      // Back to local (a fresh load from storage, as after a reload): the session is sent again.
      const reloaded = new EnvironmentSessions(storage);
      assert.equal(
        statusOf(await runTarget({ inferred: ME, layout: undefined }, await contextFor('local', reloaded))),
        200,
      );
      assert.equal(local.requests.at(-1)!.headers.cookie, 'session=local');
      assert.equal(local.requests.at(-1)!.headers.authorization, undefined, "preview's token stays preview's");

      // Clearing acts on one environment's jar.
      await reloaded.save('preview');
      assert.deepEqual(await reloaded.clear('local'), [local.origin]);
      assert.equal(await (await reloaded.jar('local')).count(local.url), 0);
      assert.ok(!storage.values.has('nextRouteKit.cookieJar'));
      assert.ok(storage.values.has('nextRouteKit.cookieJar@preview'));
    });

    it("an environment's token is not sent to another origin a request names", async () => {
      const sessions = new EnvironmentSessions(new MemoryStorage());
      const host = new FakeHost();
      const ctx = await contextFor('preview', sessions, host);
      const spec = {
        method: 'GET',
        url: `${local.url}/api/me`,
        headers: [['Authorization', 'Bearer {{authToken}}']],
      } as const;
      assert.equal(statusOf(await sendSpec({ ...spec, headers: [...spec.headers] }, preview.url, ctx)), 401);
      assert.equal(local.requests.at(-1)!.headers.authorization, undefined);
      assert.ok(host.notices.some((n) => n.kind === 'dropped' && n.reason === 'other-origin'));
    });

    it('says the environment in the log line of a send, with its token redacted', async () => {
      const host = new FakeHost();
      await runTarget(
        { inferred: ME, layout: undefined },
        await contextFor('preview', new EnvironmentSessions(new MemoryStorage()), host),
      );
      const line = host.notices.find((n) => n.kind === 'sending');
      assert.ok(line && line.kind === 'sending' && line.line.startsWith('[preview] GET '), JSON.stringify(line));
      assert.ok(!JSON.stringify(host.notices).includes('preview-token'));
    });
  });

  describe('from the CLI: request --env', function () {
    this.timeout(30000);
    const serve = useLoopbackServers();
    const ROUTE = `export async function GET(request: Request) {\n  const auth = request.headers.get('authorization');\n  return Response.json({ auth });\n}\n`;

    it('sends to the environment of http-client.env.json with its private token; an unknown name is bad usage', async () => {
      const staging = await serve(sessionServer('staging'));
      const project = tempProject({
        'package.json': JSON.stringify({ name: 'app', dependencies: { next: '16.0.0' } }),
        'app/api/me/route.ts': ROUTE,
        'auth.ts': `import NextAuth from 'next-auth';\nimport Credentials from 'next-auth/providers/credentials';\nexport const { handlers } = NextAuth({ providers: [Credentials({ credentials: { email: {} } })] });\n`,
        'http-client.env.json': JSON.stringify({
          local: { baseUrl: 'http://localhost:1' },
          staging: { baseUrl: staging.url, authToken: '' },
        }),
        'http-client.private.env.json': JSON.stringify({ staging: { authToken: 'staging-token' } }),
      });
      try {
        const jar = path.join(project.dir, 'staging-cookies.txt');
        fs.writeFileSync(jar, `127.0.0.1\tFALSE\t/\tFALSE\t0\tsession\tstaging\n`);
        const run = await cli(
          ['request', 'app/api/me/route.ts#GET', '--send', '--env', 'staging', '--cookie-jar', jar],
          project.dir,
        );
        assert.equal(run.code, 0, run.stderr);
        assert.match(run.stdout, /^HTTP\/1\.1 200/m);
        const got = staging.requests.at(-1)!;
        assert.equal(got.url, '/api/me');
        assert.equal(got.headers.authorization, 'Bearer staging-token');
        assert.equal(got.headers.cookie, 'session=staging');
        assert.ok(!run.stdout.includes('staging-token') && !run.stderr.includes('staging-token'));

        const bad = await cli(['request', 'app/api/me/route.ts#GET', '--send', '--env', 'prod'], project.dir);
        assert.equal(bad.code, 2);
        assert.match(bad.stderr, /no environment "prod" in http-client\.env\.json \(there: local, staging/);
        const signIn = await cli(['sign-in', '--env', 'nope', '--cookie-jar', jar, '--field', 'email=a'], project.dir);
        assert.equal(signIn.code, 2, signIn.stderr);
        assert.match(signIn.stderr, /--env nope: no environment "nope"/);
        const help = await cli(['request', '--help'], project.dir);
        assert.match(help.stdout, /--env <name>/);
        assert.match(help.stdout, /--env-file <file>/);
      } finally {
        project.remove();
      }
    });
  });
});

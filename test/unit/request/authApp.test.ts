/**
 * Sessions against a real `next dev` on the next-auth v5 fixture app (test/fixtures/auth-app):
 * protected routes answer 401 / a redirect to /login before sign-in and 200 after, through
 * Auth.js's credentials exchange and through a custom login route; `{{$dotenv NAME}}` takes
 * `.env.local` over `.env`, as next dev does.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseDocument } from '../../../src/core/ast/parse';
import { ProjectIndex } from '../../../src/core/nextjs/project';
import { envValues, loadAppEnv } from '../../../src/core/request/appEnv';
import { findAuthSetup, signInWithCredentials } from '../../../src/core/request/authjs';
import { CookieJars } from '../../../src/core/request/cookieJar';
import { inferRequests } from '../../../src/core/request/infer';
import { buildRequest, prepareForSend, type RequestSpec } from '../../../src/core/request/model';
import { sendRequest, type ResponseResult } from '../../../src/core/request/send';
import { signInHint } from '../../../src/core/request/signInHint';
import { cli } from '../../support/cli';
import { AUTH_APP, startNextDev, type DevServer } from '../../support/nextDev';

describe('sessions against a real next dev (next-auth v5 fixture app)', function () {
  this.timeout(400000);
  let server: DevServer;
  const index = new ProjectIndex();
  const env = loadAppEnv(AUTH_APP, {});

  before(async () => {
    server = await startNextDev(AUTH_APP);
  });
  after(async () => server?.stop());

  /** The request ▶ Send builds for a handler of the fixture app. */
  function inferred(rel: string, method: string): RequestSpec {
    const file = path.join(AUTH_APP, rel);
    const info = index.routeFile(file)!;
    const r = inferRequests(parseDocument(file, fs.readFileSync(file, 'utf8')), info.route, info.params).find(
      (x) => x.method === method,
    )!;
    return buildRequest(r, { baseUrl: server.origin });
  }

  async function send(spec: RequestSpec, jar: CookieJars): Promise<ResponseResult> {
    const { spec: ready } = prepareForSend(spec, envValues(spec, env));
    // next dev compiles each route on its first request: slow on a busy machine.
    return sendRequest(ready, { cookieJar: jar, credentialsOrigin: server.origin, timeoutMs: 120_000 });
  }

  it("reads the credentials provider's fields, sign-in page and auth path from the code", () => {
    const setup = findAuthSetup(AUTH_APP);
    assert.ok(setup);
    assert.equal(path.relative(AUTH_APP, setup.file), 'auth.ts');
    assert.deepEqual(setup.fields, [
      { name: 'email', label: 'Email', type: 'email' },
      { name: 'password', label: 'Password', type: 'password' },
    ]);
    assert.deepEqual([setup.providerId, setup.authPath, setup.signInPage], ['credentials', '/api/auth', '/login']);
  });

  it('Auth.js: 401 and a redirect to /login before sign-in, 200 after the CSRF + callback exchange', async () => {
    const jar = new CookieJars();
    const me = inferred('app/api/me/route.ts', 'GET');
    const admin = inferred('app/api/admin/stats/route.ts', 'GET');
    const before = await send(me, jar);
    assert.equal(before.status, 401);
    assert.equal(signInHint(before)?.kind, 'unauthorized');
    const redirected = await send(admin, jar);
    assert.equal(redirected.status, 307);
    assert.deepEqual(signInHint(redirected, '/login')?.page, '/login');

    const setup = findAuthSetup(AUTH_APP)!;
    const wrong = await signInWithCredentials({
      appUrl: server.origin,
      setup,
      values: { email: env.dotenv('DEMO_EMAIL')!, password: 'not the password' },
      jar,
      send: { timeoutMs: 120_000 },
    });
    assert.equal(wrong.ok, false);
    assert.match(wrong.message, /CredentialsSignin/);
    assert.equal((await send(me, jar)).status, 401);

    const password = env.dotenv('DEMO_PASSWORD')!;
    const signedIn = await signInWithCredentials({
      appUrl: server.origin,
      setup,
      values: { email: env.dotenv('DEMO_EMAIL')!, password },
      jar,
      send: { timeoutMs: 120_000 },
    });
    assert.equal(signedIn.message, 'Signed in as demo@example.com.');
    assert.ok(signedIn.cookies.includes('authjs.session-token'), signedIn.cookies.join());
    assert.ok(!signedIn.message.includes(password));
    const after = await send(me, jar);
    assert.equal(after.status, 200);
    assert.deepEqual(JSON.parse(after.body.kind === 'text' ? after.body.text : ''), {
      user: { name: 'Demo User', email: 'demo@example.com' },
    });
    assert.equal((await send(admin, jar)).status, 200);
    assert.deepEqual(after.cookies?.sent.includes('authjs.session-token'), true);
  });

  it('custom login route: POST /api/login puts the Secure session cookie in the jar, later sends are signed in', async () => {
    const jar = new CookieJars();
    const profile = inferred('app/api/profile/route.ts', 'GET');
    assert.deepEqual(
      profile.headers.find(([k]) => k === 'Cookie'),
      ['Cookie', 'session={{cookie_session}}'],
    );
    assert.equal((await send(profile, jar)).status, 401);
    const login = inferred('app/api/login/route.ts', 'POST');
    assert.deepEqual(Object.keys(JSON.parse(login.body!)), ['email', 'password']);
    const body = JSON.stringify({ email: env.dotenv('DEMO_EMAIL'), password: env.dotenv('DEMO_PASSWORD') });
    const loggedIn = await send({ ...login, body }, jar);
    assert.equal(loggedIn.status, 200);
    assert.deepEqual(loggedIn.cookies?.stored, ['session']);
    const [cookie] = await jar.list(server.origin);
    assert.deepEqual([cookie?.name, cookie?.secure, cookie?.httpOnly], ['session', true, true]);
    const after = await send(profile, jar);
    assert.equal(after.status, 200, after.body.kind === 'text' ? after.body.text : '');
    assert.deepEqual(after.cookies?.sent, ['session']);
  });

  it('$dotenv: the header the handler compares with process.env.API_KEY gets .env.local over .env', async () => {
    const cron = inferred('app/api/cron/route.ts', 'GET');
    assert.deepEqual(
      cron.headers.find(([k]) => k === 'x-api-key'),
      ['x-api-key', '{{$dotenv API_KEY}}'],
    );
    assert.deepEqual(envValues(cron, env), { '$dotenv API_KEY': 'api-key-from-env-local' });
    assert.equal((await send(cron, new CookieJars())).status, 200);
    const withDotenvValue = prepareForSend(cron, { '$dotenv API_KEY': 'api-key-from-dotenv' }).spec;
    assert.equal(
      (await sendRequest(withDotenvValue, { timeoutMs: 120_000 })).status,
      401,
      'next dev uses .env.local too',
    );
  });

  describe('from the CLI, with --cookie-jar', () => {
    let dir: string;
    before(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrk-jar-'));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('sign-in writes the session to the jar file; request --send with it is signed in; nothing secret is printed', async () => {
      const jarFile = path.join(dir, 'cookies.txt');
      const me = [
        'request',
        'app/api/me/route.ts#GET',
        '--send',
        '--base',
        server.origin,
        '--cookie-jar',
        jarFile,
        '--timeout',
        '120000',
      ];
      const before = await cli(me, AUTH_APP);
      assert.match(before.stdout, /^HTTP\/1\.1 401/);
      assert.match(before.stderr, /401 Unauthorized: the route wants a signed-in user/);
      const password = env.dotenv('DEMO_PASSWORD')!;
      const signIn = await cli(
        [
          'sign-in',
          '--cookie-jar',
          jarFile,
          '--base',
          server.origin,
          '--field',
          'email=demo@example.com',
          '--field',
          `password=${password}`,
        ],
        AUTH_APP,
      );
      assert.equal(signIn.code, 0, signIn.stderr);
      assert.match(signIn.stdout, /^Signed in as demo@example\.com\. Session cookie kept in /);
      const jarText = fs.readFileSync(jarFile, 'utf8');
      const token = /\tauthjs\.session-token\t(.+)$/m.exec(jarText)?.[1];
      assert.ok(token, jarText);
      assert.equal(fs.statSync(jarFile).mode & 0o777, 0o600);
      const after = await cli(me, AUTH_APP);
      assert.match(after.stdout, /^HTTP\/1\.1 200/);
      assert.match(after.stdout, /"email": "demo@example\.com"/);
      for (const out of [before, signIn, after]) {
        assert.ok(!(out.stdout + out.stderr).includes(password), 'the password is never printed');
        assert.ok(!(out.stdout + out.stderr).includes(token), 'the session token is never printed');
      }
      const admin = await cli(
        ['request', 'app/api/admin/stats/route.ts#GET', '--send', '--base', server.origin, '--cookie-jar', jarFile],
        AUTH_APP,
      );
      assert.match(admin.stdout, /^HTTP\/1\.1 200/);
    });

    it('says a redirect to /login means "sign in first", and fills $dotenv from .env.local', async () => {
      const admin = await cli(
        ['request', 'app/api/admin/stats/route.ts#GET', '--send', '--base', server.origin],
        AUTH_APP,
      );
      assert.match(admin.stdout, /^HTTP\/1\.1 307/);
      assert.match(admin.stderr, /Redirected to the sign-in page \/login/);
      const cron = await cli(['request', 'app/api/cron/route.ts#GET', '--send', '--base', server.origin], AUTH_APP);
      assert.match(cron.stdout, /^HTTP\/1\.1 200/);
      assert.ok(!(cron.stdout + cron.stderr).includes('api-key-from-env-local'));
      const refused = await cli(
        [
          'sign-in',
          '--cookie-jar',
          path.join(dir, 'x.txt'),
          '--base',
          server.origin,
          '--field',
          'email=demo@example.com',
          '--field',
          'password=wrong',
        ],
        AUTH_APP,
      );
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /Sign-in failed: the app refused these credentials/);
    });
  });
});

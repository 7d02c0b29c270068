/** The cookie jar behaves like a browser's, against real loopback servers. */
import * as assert from 'node:assert/strict';
import type * as http from 'node:http';
import { CookieJars, describeJar } from '../../../src/core/request/cookieJar';
import { sendRequest } from '../../../src/core/request/send';
import { startServer, type TestServer } from '../../support/loopback';

/** A server whose routes set cookies (`/set?c=<Set-Cookie>` repeatable) and echo what came back (`/echo`). */
function cookieServer(): Promise<TestServer> {
  return startServer((req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname.endsWith('/set')) {
      res.setHeader('set-cookie', url.searchParams.getAll('c'));
      res.end('set');
      return;
    }
    if (url.pathname === '/bulk') {
      const from = Number(url.searchParams.get('from'));
      res.setHeader(
        'set-cookie',
        Array.from({ length: 200 }, (_, i) => `c${from + i}=v`),
      );
      res.end('bulk');
      return;
    }
    if (url.pathname === '/redirect') {
      res.writeHead(307, { location: url.searchParams.get('to') ?? '/' }).end();
      return;
    }
    res.end(req.headers.cookie ?? '');
  });
}

async function get(jar: CookieJars, url: string, followRedirects = false): Promise<string> {
  const r = await sendRequest({ method: 'GET', url, headers: [] }, { cookieJar: jar, followRedirects });
  return r.body.kind === 'text' ? r.body.text : '';
}

function setUrl(base: string, ...cookies: string[]): string {
  return `${base}/set?${cookies.map((c) => `c=${encodeURIComponent(c)}`).join('&')}`;
}

describe('cookie jar', () => {
  let a: TestServer;
  let b: TestServer;
  beforeEach(async () => {
    a = await cookieServer();
    b = await cookieServer();
  });
  afterEach(async () => {
    await a.close();
    await b.close();
  });

  it('keeps a session cookie from a response and sends it on later requests to that origin', async () => {
    const jar = new CookieJars();
    const first = await sendRequest(
      { method: 'GET', url: setUrl(a.url, 'session=abc; Path=/; HttpOnly; SameSite=Lax'), headers: [] },
      { cookieJar: jar },
    );
    assert.deepEqual(first.cookies?.stored, ['session']);
    assert.equal(await get(jar, `${a.url}/echo`), 'session=abc');
    assert.equal(describeJar(await jar.count(a.url), a.url), `1 cookie for ${new URL(a.url).host}`);
  });

  it('never sends a cookie to another origin, not even another port on the same host', async () => {
    const jar = new CookieJars();
    await get(jar, setUrl(a.url, 'session=abc; Path=/'));
    assert.equal(await get(jar, `${b.url}/echo`), '');
    assert.equal(b.requests.at(-1)?.headers.cookie, undefined);
  });

  it('does not send the jar to another origin a redirect leads to', async () => {
    const jar = new CookieJars();
    await get(jar, setUrl(a.url, 'session=abc; Path=/'));
    await sendRequest(
      { method: 'GET', url: `${a.url}/redirect?to=${encodeURIComponent(`${b.url}/echo`)}`, headers: [] },
      { cookieJar: jar, followRedirects: true, credentialsOrigin: a.origin },
    );
    assert.equal(b.requests.at(-1)?.url, '/echo');
    assert.equal(b.requests.at(-1)?.headers.cookie, undefined);
  });

  it('sends a cookie only under its Path', async () => {
    const jar = new CookieJars();
    await get(jar, setUrl(`${a.url}/api/admin`, 'admin=1; Path=/api/admin'));
    assert.equal(await get(jar, `${a.url}/api/admin/users`), 'admin=1');
    assert.equal(await get(jar, `${a.url}/api/public`), '');
  });

  it('forgets a cookie when the server expires it (Max-Age=0, or Expires in the past)', async () => {
    const jar = new CookieJars();
    await get(jar, setUrl(a.url, 'a=1; Path=/', 'b=2; Path=/', 'c=3; Path=/; Max-Age=3600'));
    assert.equal(await get(jar, `${a.url}/echo`), 'a=1; b=2; c=3');
    await get(jar, setUrl(a.url, 'a=; Path=/; Max-Age=0', 'b=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT'));
    assert.equal(await get(jar, `${a.url}/echo`), 'c=3');
    assert.equal(await jar.count(a.url), 1);
  });

  it('keeps and resends a Secure, HttpOnly, SameSite=Strict cookie from http on loopback (a secure context)', async () => {
    const jar = new CookieJars();
    await get(jar, setUrl(a.url, '__Secure-authjs.session-token=jwt; Path=/; Secure; HttpOnly; SameSite=Strict'));
    assert.equal(await get(jar, `${a.url}/echo`), '__Secure-authjs.session-token=jwt');
    const [summary] = await jar.list(a.url);
    assert.deepEqual(
      { secure: summary?.secure, httpOnly: summary?.httpOnly, sameSite: summary?.sameSite },
      { secure: true, httpOnly: true, sameSite: 'strict' },
    );
  });

  it('refuses a Secure cookie from plain http on a host that is not loopback', async () => {
    const jar = new CookieJars();
    const outcome = await jar.store('http://preview.example.com/api/login', ['session=x; Secure; Path=/']);
    assert.deepEqual(outcome.stored, []);
    assert.equal(outcome.refused.length, 1);
    assert.equal(await jar.cookieHeader('http://preview.example.com/'), '');
  });

  it('refuses a cookie for another domain and says why, without its value', async () => {
    const jar = new CookieJars();
    const r = await sendRequest(
      {
        method: 'GET',
        url: setUrl(a.url, 'evil=s3cr3t-value; Domain=example.com; Path=/', 'ok=1; Path=/'),
        headers: [],
      },
      { cookieJar: jar },
    );
    assert.deepEqual(r.cookies?.stored, ['ok']);
    assert.equal(r.cookies?.refused.length, 1);
    assert.match(r.cookies!.refused[0]!, /^evil: Domain=example\.com is not this server's domain/);
    assert.doesNotMatch(r.cookies!.refused[0]!, /s3cr3t/);
    assert.equal(await get(jar, `${a.url}/echo`), 'ok=1');
  });

  it("keeps a hostile server's 10,000 Set-Cookie headers bounded", async () => {
    const jar = new CookieJars({ maxPerOrigin: 180 });
    for (let from = 0; from < 10_000; from += 200) await get(jar, `${a.url}/bulk?from=${from}`);
    assert.equal(await jar.count(a.url), 180);
    const direct = new CookieJars({ maxPerOrigin: 50 });
    await direct.store(
      `${b.url}/`,
      Array.from({ length: 10_000 }, (_, i) => `x${i}=1`),
    );
    assert.equal(await direct.count(b.url), 50);
    const huge = await direct.store(`${b.url}/`, [`big=${'x'.repeat(5000)}`]);
    assert.deepEqual(huge.stored, []);
  });

  it('adds jar cookies after the Cookie header a request already has, without duplicating names', async () => {
    const jar = new CookieJars();
    await get(jar, setUrl(a.url, 'session=jar; Path=/', 'theme=dark; Path=/'));
    const r = await sendRequest(
      { method: 'GET', url: `${a.url}/echo`, headers: [['Cookie', 'session=typed']] },
      { cookieJar: jar },
    );
    assert.equal(r.body.kind === 'text' && r.body.text, 'session=typed; theme=dark');
    assert.deepEqual(r.cookies?.sent, ['theme']);
  });

  it('forgets an origin or everything when cleared', async () => {
    const jar = new CookieJars();
    await get(jar, setUrl(a.url, 'a=1; Path=/'));
    await get(jar, setUrl(b.url, 'b=1; Path=/'));
    jar.clear(a.url);
    assert.equal(await get(jar, `${a.url}/echo`), '');
    assert.equal(await get(jar, `${b.url}/echo`), 'b=1');
    jar.clear();
    assert.deepEqual(await jar.origins(), []);
  });

  it('survives a JSON round trip (what SecretStorage holds) with its attributes', async () => {
    const jar = new CookieJars();
    await get(jar, setUrl(a.url, 'session=abc; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=3600'));
    await get(jar, setUrl(`${a.url}/api`, 'scoped=1; Path=/api'));
    const copy = await CookieJars.deserialize(await jar.serialize());
    assert.equal(await get(copy, `${a.url}/api/x`), 'scoped=1; session=abc');
    assert.equal(await get(copy, `${b.url}/api/x`), '');
    assert.deepEqual(await copy.list(a.url), await jar.list(a.url));
    assert.equal(await (await CookieJars.deserialize('not json')).count(a.url), 0);
  });

  it('writes and reads the Netscape cookie file format curl uses', async () => {
    const jar = new CookieJars();
    await get(jar, setUrl(a.url, 'session=abc; Path=/; HttpOnly', 'pref=1; Path=/docs; Max-Age=3600'));
    const text = await jar.toNetscape();
    assert.match(text, /^# Netscape HTTP Cookie File/);
    assert.match(text, /^#HttpOnly_127\.0\.0\.1\tFALSE\t\/\tFALSE\t0\tsession\tabc$/m);
    assert.match(text, /^127\.0\.0\.1\tFALSE\t\/docs\tFALSE\t\d{10}\tpref\t1$/m);
    const loaded = await CookieJars.fromNetscape(text);
    assert.equal(await get(loaded, `${a.url}/docs/x`), 'pref=1; session=abc');
    const curlWritten = `# Netscape HTTP Cookie File\n.127.0.0.1\tTRUE\t/\tFALSE\t0\tfromcurl\tyes\n127.0.0.1\tFALSE\t/\tFALSE\t1\told\tgone\n`;
    const fromCurl = await CookieJars.fromNetscape(curlWritten);
    assert.equal(await get(fromCurl, `${b.url}/echo`), 'fromcurl=yes');
  });
});

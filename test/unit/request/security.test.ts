/** Secrets stay secret and responses stay text: what the runner promises users. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { InferredRequest } from '../../../src/core/request/infer';
import { formatResponse } from '../../../src/core/request/format';
import { CookieJars } from '../../../src/core/request/cookieJar';
import { toCurl } from '../../../src/core/request/curl';
import { toHttpFile, toHttpText } from '../../../src/core/request/httpFile';
import { buildRequest, describeForLog, resolveSpec } from '../../../src/core/request/model';
import { sendRequest } from '../../../src/core/request/send';
import { allSettingSpecs } from '../../../src/core/settings';
import { startServer } from '../../support/loopback';
import { REPO_ROOT } from '../../support/nextDev';

const AUTHED: InferredRequest = {
  method: 'POST',
  route: '/api/me',
  params: [],
  query: [],
  body: { kind: 'json', value: { a: '' } },
  auth: true,
  cookies: ['session'],
  headers: [],
};
const TOKEN = 'sk_live_very_secret_token';

describe('request security', () => {
  it('keeps the token out of .http text, exported files and cURL: placeholders only', () => {
    const spec = buildRequest(AUTHED, { baseUrl: 'http://localhost:3000' });
    for (const text of [toHttpText(spec), toHttpFile([spec], { baseUrl: 'http://localhost:3000' }), toCurl(spec)]) {
      assert.ok(!text.includes(TOKEN));
      assert.match(text, /\{\{authToken\}\}|\$AUTH_TOKEN/);
    }
  });

  it('redacts Authorization and Cookie in log lines, even after the token is filled in', () => {
    const { spec } = resolveSpec(buildRequest(AUTHED, { baseUrl: 'http://localhost:3000' }), {
      authToken: TOKEN,
      cookie_session: 's3cr3t',
    });
    assert.ok(
      spec.headers.some(([, v]) => v.includes(TOKEN)),
      'the token is filled in for sending',
    );
    const line = describeForLog(spec);
    assert.ok(!line.includes(TOKEN) && !line.includes('s3cr3t'), line);
    assert.match(line, /Authorization: \*\*\*; Cookie: \*\*\*/);
  });

  it('offers no setting that could hold a token or password (those live in SecretStorage)', () => {
    for (const s of allSettingSpecs()) assert.doesNotMatch(s.key, /token|secret|password|cookie/i, s.key);
  });

  it('shows HTML and script responses as text: nothing is rendered or executed', async () => {
    const html = '<html><body><script>alert(document.cookie)</script><img src=x onerror=alert(1)></body></html>';
    const s = await startServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(html));
    try {
      const r = await sendRequest({ method: 'GET', url: s.url, headers: [] });
      assert.ok(formatResponse(r, { method: 'GET' }).endsWith(`\n${html}\n`));
    } finally {
      await s.close();
    }
  });

  it('shows a Set-Cookie header by name and attributes only: the session value stays in the jar', async () => {
    const s = await startServer((_req, res) =>
      res.writeHead(200, { 'set-cookie': 'authjs.session-token=eyJ.secret-session; Path=/; HttpOnly' }).end('ok'),
    );
    try {
      const jar = new CookieJars();
      const r = await sendRequest({ method: 'GET', url: s.url, headers: [] }, { cookieJar: jar });
      const text = formatResponse(r, { method: 'GET' });
      assert.ok(!text.includes('secret-session'), text);
      assert.match(text, /set-cookie: authjs\.session-token=<18 characters, hidden>; Path=\/; HttpOnly/);
      assert.match(text, /# cookies kept in the jar: authjs\.session-token/);
      assert.ok((await jar.toNetscape()).includes('secret-session'), 'the jar itself holds it, to send it back');
    } finally {
      await s.close();
    }
  });

  it('never uses a webview: the response view is a read-only text document', () => {
    const files = fs
      .readdirSync(path.join(REPO_ROOT, 'src'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.ts'));
    for (const f of files) {
      const text = fs.readFileSync(path.join(f.parentPath, f.name), 'utf8');
      assert.doesNotMatch(text, /createWebviewPanel|registerWebviewViewProvider|\beval\(|new Function\(/, f.name);
    }
  });
});

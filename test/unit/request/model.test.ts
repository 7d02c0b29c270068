import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import type { InferredRequest } from '../../../src/core/request/infer';
import { shellQuote, toCurl } from '../../../src/core/request/curl';
import { parseHttpFile, toHttpFile, toHttpText } from '../../../src/core/request/httpFile';
import {
  buildRequest,
  cookieNamesIn,
  multipartBody,
  prepareForSend,
  resolveSpec,
  resolveVariables,
  type RequestSpec,
} from '../../../src/core/request/model';

const ITEM: InferredRequest = {
  method: 'PATCH',
  route: '/kit/api/users/[id]',
  params: [{ name: 'id', kind: 'single' }],
  query: ['notify'],
  body: { kind: 'json', value: { name: '', email: 'user@example.com' } },
  auth: true,
  cookies: ['session'],
  headers: ['x-api-key'],
};

describe('request model', () => {
  it('builds the URL from base URL, params and query, with a JSON body and placeholders for secrets', () => {
    const spec = buildRequest(ITEM, { baseUrl: 'http://localhost:3000/', params: { id: '42' } });
    assert.equal(spec.url, 'http://localhost:3000/kit/api/users/42?notify=');
    assert.deepEqual(spec.headers, [
      ['Content-Type', 'application/json'],
      ['Authorization', 'Bearer {{authToken}}'],
      ['Cookie', 'session={{cookie_session}}'],
      ['x-api-key', ''],
    ]);
    assert.deepEqual(JSON.parse(spec.body!), { name: '', email: 'user@example.com' });
  });

  it('sends no body for a method without one', () => {
    const spec = buildRequest(
      { ...ITEM, method: 'GET', body: undefined, auth: false, cookies: [], headers: [] } as unknown as InferredRequest,
      { baseUrl: 'http://h', params: { id: 'a b' } },
    );
    assert.equal(spec.body, undefined);
    assert.equal(spec.url, 'http://h/kit/api/users/a%20b?notify=');
  });

  it('fills catch-all params and adds settings headers without duplicating inferred ones', () => {
    const spec = buildRequest(
      {
        method: 'GET',
        route: '/files/[...path]',
        params: [{ name: 'path', kind: 'catchAll' }],
        query: [],
        auth: false,
        cookies: [],
        headers: ['x-api-key'],
      },
      { baseUrl: 'http://h', params: { path: 'a/b' }, headers: { 'X-Api-Key': 'k', 'x-tenant': 'acme' } },
    );
    assert.equal(spec.url, 'http://h/files/a/b');
    assert.deepEqual(spec.headers, [
      ['x-api-key', ''],
      ['x-tenant', 'acme'],
    ]);
  });

  it('round-trips a request through .http text', () => {
    const spec = buildRequest(ITEM, { baseUrl: 'http://localhost:3000', params: { id: '7' } });
    const parsed = parseHttpFile(toHttpText(spec)).requests[0]!;
    assert.equal(parsed.method, spec.method);
    assert.equal(parsed.url, spec.url);
    assert.deepEqual(parsed.headers, spec.headers);
    assert.equal(parsed.body, spec.body);
    assert.equal(parsed.title, 'PATCH /kit/api/users/[id]');
  });

  it('parses a REST Client file with variables, comments, several requests and no trailing newline', () => {
    const text = `@baseUrl = http://localhost:4000\n@authToken = abc\n\n### list\n# a comment\nGET {{baseUrl}}/api/posts HTTP/1.1\nAccept: application/json\n\n### create\nPOST {{baseUrl}}/api/posts\nContent-Type: application/json\n\n{"title": "x"}`;
    const file = parseHttpFile(text);
    assert.deepEqual(file.variables, { baseUrl: 'http://localhost:4000', authToken: 'abc' });
    assert.deepEqual(
      file.requests.map((r) => [r.method, r.url, r.line, r.title]),
      [
        ['GET', '{{baseUrl}}/api/posts', 5, 'list'],
        ['POST', '{{baseUrl}}/api/posts', 9, 'create'],
      ],
    );
    assert.equal(file.requests[1]!.body, '{"title": "x"}');
    const resolved = resolveSpec(file.requests[0]!, file.variables);
    assert.equal(resolved.spec.url, 'http://localhost:4000/api/posts');
    assert.deepEqual(resolved.missing, []);
  });

  it('marks a request under # @no-cookie-jar (above it or among its headers), and only that one', () => {
    const text = `### a\n# @no-cookie-jar\nGET http://h/a\nCookie: s=1\n\n### b\nGET http://h/b\n\n### c\nGET http://h/c\n// @no-cookie-jar\nAccept: */*\n`;
    assert.deepEqual(
      parseHttpFile(text).requests.map((r) => [r.url, r.noCookieJar ?? false]),
      [
        ['http://h/a', true],
        ['http://h/b', false],
        ['http://h/c', true],
      ],
    );
  });

  it('reports variables it cannot fill and leaves them as written', () => {
    const r = resolveSpec(
      { method: 'GET', url: 'http://h/{{missing}}', headers: [['Authorization', 'Bearer {{authToken}}']] },
      {},
    );
    assert.deepEqual(r.missing, ['missing', 'authToken']);
    assert.equal(r.spec.url, 'http://h/{{missing}}');
  });

  it('writes an .http file that names the token variable but never holds a token', () => {
    const text = toHttpFile([buildRequest(ITEM, { baseUrl: 'http://localhost:3000', params: { id: '1' } })], {
      baseUrl: 'http://localhost:3000',
    });
    assert.match(text, /^# \{\{authToken\}\} and \{\{cookie_…\}\} come from Next Route Kit's secret storage/m);
    assert.match(text, /Authorization: Bearer \{\{authToken\}\}/);
  });

  it('quotes shell arguments safely, including single quotes', () => {
    assert.equal(shellQuote(`it's`), `'it'\\''s'`);
    const out = execFileSync('sh', ['-c', `printf %s ${shellQuote(`a'b"c $HOME \\n`)}`], { encoding: 'utf8' });
    assert.equal(out, `a'b"c $HOME \\n`);
  });

  it('exports cURL with secrets as shell variables, never values', () => {
    const spec: RequestSpec = buildRequest(ITEM, { baseUrl: 'http://localhost:3000', params: { id: '1' } });
    const curl = toCurl(spec);
    assert.match(curl, /^curl -sS -i -X PATCH 'http:\/\/localhost:3000\/kit\/api\/users\/1\?notify='/);
    assert.match(curl, /-H 'Authorization: Bearer '"\$AUTH_TOKEN"/);
    assert.match(curl, /-H 'Cookie: session='"\$COOKIE_SESSION"/);
    assert.match(curl, /--data-raw '\{\n {2}"name": ""/);
    // The command parses as shell words.
    const argv = execFileSync(
      'sh',
      ['-c', `AUTH_TOKEN=t COOKIE_SESSION=s; for a in ${curl.slice('curl '.length)}; do printf '%s\\n' "$a"; done`],
      { encoding: 'utf8' },
    );
    assert.match(argv, /^Authorization: Bearer t$/m);
    assert.match(argv, /^Cookie: session=s$/m);
  });
  it('drops a credential header whose secret is not set instead of sending the placeholder', () => {
    const spec = buildRequest(ITEM, { baseUrl: 'http://localhost:3000', params: { id: '1' } });
    assert.deepEqual(cookieNamesIn(spec), ['session']);
    const none = prepareForSend(spec, {});
    assert.deepEqual(none.dropped, ['Authorization', 'Cookie session']);
    assert.ok(!none.spec.headers.some(([k]) => /^(authorization|cookie)$/i.test(k)));
    const filled = prepareForSend(spec, { authToken: 't0k', cookie_session: 's' });
    assert.deepEqual(filled.dropped, []);
    assert.ok(filled.spec.headers.some(([k, v]) => k === 'Authorization' && v === 'Bearer t0k'));
    assert.ok(filled.spec.headers.some(([k, v]) => k === 'Cookie' && v === 'session=s'));
  });

  it('reports an empty path variable as missing and sends multipart bodies with CRLF line breaks', () => {
    const spec: RequestSpec = {
      method: 'POST',
      url: 'http://localhost:3000/api/items/{{id}}',
      headers: [['Content-Type', 'multipart/form-data; boundary=b']],
      body: multipartBody(['name'], [], 'b'),
    };
    const prepared = prepareForSend(spec, { id: '' });
    assert.deepEqual(prepared.missing, ['id']);
    assert.ok(prepared.spec.body!.includes('\r\n') && !/[^\r]\n/.test(prepared.spec.body!));
  });
  it('resolves .http file variables that refer to each other before filling a request', () => {
    const file = parseHttpFile('@host = http://localhost:3000\n@api = {{host}}/kit/api\n\nGET {{api}}/users/{{id}}\n');
    const vars = resolveVariables(file.variables);
    assert.equal(vars['api'], 'http://localhost:3000/kit/api');
    const { spec, missing } = resolveSpec(file.requests[0]!, vars);
    assert.equal(spec.url, 'http://localhost:3000/kit/api/users/{{id}}');
    assert.deepEqual(missing, ['id']);
  });
});

/** The redirect chain in the response text: every hop when following, the target when not. */
import * as assert from 'node:assert/strict';
import { formatResponse } from '../../../src/core/request/format';
import { sendRequest } from '../../../src/core/request/send';
import { startServer, type TestServer } from '../../support/loopback';

describe('redirects in the response view', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer((req, res) => {
      if (req.url === '/a') res.writeHead(307, { location: '/b' }).end();
      else if (req.url === '/b') res.writeHead(302, { location: '/login?next=%2Fa' }).end();
      else res.end('login page');
    });
  });
  after(() => s.close());

  it('lists each hop with its status and Location when following', async () => {
    const r = await sendRequest({ method: 'GET', url: `${s.url}/a`, headers: [] }, { followRedirects: true });
    const text = formatResponse(r, { method: 'GET' });
    assert.match(text, new RegExp(`^# redirected 307 from ${s.url}/a → ${s.url}/b \\(hop 1 of 2\\)$`, 'm'));
    assert.match(
      text,
      new RegExp(`^# redirected 302 from ${s.url}/b → ${s.url}/login\\?next=%2Fa \\(hop 2 of 2\\)$`, 'm'),
    );
    assert.match(text, /^HTTP\/1\.1 200 OK/);
  });

  it('says where an unfollowed redirect points', async () => {
    const r = await sendRequest({ method: 'GET', url: `${s.url}/a`, headers: [] });
    assert.match(
      formatResponse(r, { method: 'GET' }),
      new RegExp(`^# 307 redirect to ${s.url}/b \\(not followed\\)$`, 'm'),
    );
  });
});

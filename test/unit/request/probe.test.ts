import * as assert from 'node:assert/strict';
import { firstAnswering, probe } from '../../../src/core/request/probe';
import { deadPort, startServer } from '../../support/loopback';

describe('dev server probe', () => {
  it('sees a listening server without sending it a request', async () => {
    const s = await startServer((_req, res) => res.end());
    try {
      assert.equal(await probe(s.url), true);
      assert.equal(s.requests.length, 0, 'no HTTP request (next dev would compile a page for it)');
      await s.allSocketsClosed();
    } finally {
      await s.close();
    }
  });

  it('reports nothing listening on a dead port, and bad URLs', async () => {
    assert.equal(await probe(`http://127.0.0.1:${await deadPort()}`), false);
    assert.equal(await probe('not a url'), false);
  });

  it('returns the first candidate that answers', async () => {
    const s = await startServer((_req, res) => res.end());
    try {
      const dead = `http://127.0.0.1:${await deadPort()}`;
      const found = await firstAnswering([
        { url: dead, source: 'dev lock', detail: 'x' },
        { url: s.url, source: 'default', detail: 'y' },
      ]);
      assert.equal(found?.url, s.url);
    } finally {
      await s.close();
    }
  });
});

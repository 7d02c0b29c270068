import * as assert from 'node:assert/strict';
import { startNextDev, type DevServer } from '../support/nextDev';

describe('test support: next dev', function () {
  this.timeout(180000);
  let server: DevServer | undefined;
  after(async () => server?.stop());

  it('serves the fixture app under its basePath and leaves no process behind', async () => {
    server = await startNextDev();
    const res = await fetch(`${server.origin}/kit/api/hello`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { message: 'Hello from the fixture app' });
    const pid = server.pid;
    await server.stop();
    assert.throws(() => process.kill(-pid, 0), /ESRCH/);
  });
});

/** The development outbox page shows confirmation links, so it is served only when asked for. */
import assert from 'node:assert/strict';
import { networkInterfaces } from 'node:os';
import { describe, it } from 'node:test';
import { call, startTest, targets } from './helpers.js';

const [pglite] = await targets();

describe('/dev/mail', () => {
  it('is served by default to tests and demos, and not when devMailPage is false', async () => {
    const on = await startTest(pglite!);
    const off = await startTest(pglite!, { devMailPage: false });
    try {
      assert.equal((await on.call('GET', '/dev/mail')).status, 200);
      assert.equal((await off.call('GET', '/dev/mail')).status, 404);
    } finally {
      await on.close();
      await off.close();
    }
  });

  const lan = Object.values(networkInterfaces()).flat().find((a) => a && !a.internal && a.family === 'IPv4')?.address;
  it('answers only this machine: a demo listening on the network does not show its mail there', { skip: !lan && 'this machine has no network address' }, async () => {
    const s = await startTest(pglite!, { host: '0.0.0.0' });
    try {
      const port = new URL(s.url).port;
      assert.equal((await call(`http://127.0.0.1:${port}`, 'GET', '/dev/mail')).status, 200);
      const remote = await call(`http://${lan}:${port}`, 'GET', '/dev/mail');
      assert.equal(remote.status, 404);
      assert.equal(remote.headers.get('x-content-type-options'), 'nosniff');
    } finally {
      await s.close();
    }
  });
});

/** The development outbox page shows confirmation links, so it is served only when asked for. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startTest, targets } from './helpers.js';

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
});

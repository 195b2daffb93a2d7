/** The bus's coalesced announcements (no database: a stub that records the NOTIFYs sent). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Bus } from '../../server/bus.js';
import type { Db } from '../../server/db/db.js';

const WINDOW = 40;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function setup() {
  const sent: string[] = [];
  const db = {
    listen: async () => async () => undefined,
    query: async (_sql: string, params: [string, string]) => {
      sent.push((JSON.parse(params[1]) as { topic: string }).topic);
      return [];
    },
  } as unknown as Db;
  return { bus: await Bus.start(db, 'test', WINDOW), sent };
}

describe('Bus.announce', () => {
  it('sends the first at once, and the rest of a burst as one NOTIFY at the end of the window', async () => {
    const { bus, sent } = await setup();
    for (let i = 0; i < 50; i++) bus.announce('petition:a');
    bus.announce('petition:b');
    await wait(0);
    assert.deepEqual(sent, ['petition:a', 'petition:b'], 'each topic at once');
    await wait(WINDOW * 1.5);
    assert.deepEqual(sent, ['petition:a', 'petition:b', 'petition:a'], 'the 49 others of a as one; b had nothing more');
    await wait(WINDOW * 2);
    assert.equal(sent.length, 3, 'a quiet window sends nothing');
    bus.announce('petition:a');
    await wait(0);
    assert.equal(sent.length, 4, 'after a quiet window, the next is sent at once');
    await bus.close();
  });

  it('sends what is still announced when it closes', async () => {
    const { bus, sent } = await setup();
    bus.announce('poll:x');
    bus.announce('poll:x');
    await bus.close();
    assert.deepEqual(sent, ['poll:x', 'poll:x']);
    await wait(WINDOW * 1.5);
    assert.equal(sent.length, 2, 'no timer left');
  });
});

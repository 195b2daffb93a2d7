/** Live: the shared current state, kept fresh by bus events (no database: a stub bus and loader). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Bus } from '../../server/bus.js';
import { Live } from '../../server/live.js';
import { testClock } from './helpers.js';

function setup(ttlMs = 60_000) {
  const clock = testClock();
  let onAny: (topic: string | undefined) => void = () => undefined;
  const bus = { onAny: (fn: typeof onAny) => ((onAny = fn), () => undefined) } as unknown as Bus;
  let version = 0;
  let loads = 0;
  let gate: Promise<void> | undefined;
  const live = new Live<{ id: string; v: number }>(
    bus,
    'thing:',
    async (id) => {
      loads++;
      const v = version; // the state as it was when the load started
      await gate;
      return id === 'missing' ? undefined : { id, v };
    },
    { ttlMs, now: clock.now },
  );
  return {
    live,
    clock,
    emit: (topic: string | undefined) => onAny(topic),
    bump: () => ++version,
    loads: () => loads,
    hold() {
      let open!: () => void;
      gate = new Promise((r) => (open = r));
      return () => {
        gate = undefined;
        open();
      };
    },
  };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('Live', () => {
  it('loads once for concurrent readers and serves the cache until a change', async () => {
    const t = setup();
    const [a, b] = await Promise.all([t.live.get('x'), t.live.get('x')]);
    assert.deepEqual([a, b], [{ id: 'x', v: 0 }, { id: 'x', v: 0 }]);
    assert.equal(t.loads(), 1);
    await t.live.get('x');
    assert.equal(t.loads(), 1, 'cached');
    t.bump();
    t.emit('thing:x');
    assert.deepEqual(await t.live.get('x'), { id: 'x', v: 1 });
    assert.equal(t.loads(), 2);
    t.emit('other:x');
    await t.live.get('x');
    assert.equal(t.loads(), 2, 'another resource’s topic changes nothing');
  });

  it('does not cache a load that started before a change', async () => {
    const t = setup();
    const open = t.hold();
    const stale = t.live.get('x'); // reads v0, still running
    t.bump();
    t.live.changed('x');
    open();
    assert.deepEqual(await stale, { id: 'x', v: 0 });
    assert.deepEqual(await t.live.get('x'), { id: 'x', v: 1 }, 'the older result was not kept');
  });

  it('does not cache misses, and expires entries after the TTL', async () => {
    const t = setup(20);
    assert.equal(await t.live.get('missing'), undefined);
    assert.equal(await t.live.get('missing'), undefined);
    assert.equal(t.loads(), 2);
    await t.live.get('x');
    t.clock.advance(30);
    await t.live.get('x');
    assert.equal(t.loads(), 4);
  });

  it('pushes each new state to listeners, coalescing changes that come during a load', async () => {
    const t = setup();
    const seen: number[][] = [[], []];
    const stops = seen.map((list) => t.live.listen('x', (s) => list.push(s.v)));
    const open = t.hold();
    t.bump();
    t.emit('thing:x'); // load 1 starts (v1)
    t.bump();
    t.emit('thing:x'); // during load 1: one more load afterwards
    t.bump();
    t.emit('thing:x');
    open();
    await tick();
    assert.deepEqual(seen, [[1, 3], [1, 3]], 'the latest state arrives; changes in between are merged');
    assert.equal(t.loads(), 2, 'one load for all listeners each time');
    t.emit('thing:x'); // nothing changed
    await tick();
    assert.deepEqual(seen[0], [1, 3], 'an unchanged state is not sent again');
    stops.forEach((stop) => stop());
    t.bump();
    t.emit('thing:x');
    await tick();
    assert.deepEqual(seen[0], [1, 3], 'stopped');
  });

  it('a listened state past its time-to-live is loaded again and sent if it changed (an event lost)', async () => {
    const t = setup(1000); // looked at every 500 ms
    const seen: number[] = [];
    const stop = t.live.listen('x', (s) => seen.push(s.v));
    await t.live.get('x');
    t.bump(); // changed, but no event came
    const look = () => new Promise((r) => setTimeout(r, 600));
    await look();
    assert.deepEqual(seen, [], 'not before its time-to-live');
    t.clock.advance(1000);
    await look();
    assert.deepEqual(seen, [1], 'loaded again once past it, and sent');
    t.clock.advance(1000);
    await look();
    assert.deepEqual(seen, [1], 'an unchanged state is not sent again');
    assert.ok(t.loads() >= 3, 'it was loaded again');
    stop();
    t.live.close();
  });

  it('a bus reset (events missed) drops every cached state', async () => {
    const t = setup();
    await t.live.get('x');
    await t.live.get('y');
    t.bump();
    t.emit(undefined);
    assert.deepEqual([(await t.live.get('x'))?.v, (await t.live.get('y'))?.v], [1, 1]);
  });
});

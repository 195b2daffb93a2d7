/**
 * Rate limits kept in PostgreSQL (server/rate-buckets.ts): the same token buckets as in memory,
 * counted on the database's clock, one row per limit and client, swept once full again. (Two real
 * processes sharing them: processes.test.ts.)
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { migrate } from '../../server/db/migrate.js';
import { migrationsDir } from '../../server/paths.js';
import { pgBuckets, rateLimiter } from '../../server/rate-buckets.js';
import { targets } from './helpers.js';

const [, postgres] = await targets();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('rate buckets in PostgreSQL', { skip: postgres!.skip }, () => {
  let fresh: Awaited<ReturnType<NonNullable<typeof postgres>['freshDb']>>;
  before(async () => {
    fresh = await postgres!.freshDb();
    await migrate(fresh.db, migrationsDir);
  });
  after(() => fresh.drop());

  it('a burst of `capacity`, then the seconds until a token is back; refilled on the database clock', async () => {
    const buckets = pgBuckets(fresh.db, 'writes', { capacity: 2, refillPerSecond: 4 });
    assert.deepEqual([await buckets.take('a'), await buckets.take('a')], [0, 0]);
    assert.equal(await buckets.take('a'), 1, 'a quarter of a second, rounded up to 1 s');
    assert.equal(await buckets.take('b'), 0, 'per client');
    await sleep(400);
    assert.equal(await buckets.take('a'), 0, 'refilled');
  });

  it('limits with another name have buckets of their own; full ones are swept', async () => {
    const votes = pgBuckets(fresh.db, 'votes', { capacity: 1, refillPerSecond: 50 });
    assert.equal(await votes.take('a'), 0);
    assert.equal(await pgBuckets(fresh.db, 'admin', { capacity: 1, refillPerSecond: 0.01 }).take('a'), 0);
    const rows = async () => (await fresh.db.query<{ name: string }>("SELECT name FROM rate_buckets WHERE key = 'a' ORDER BY name")).map((r) => r.name);
    assert.deepEqual(await rows(), ['admin', 'votes', 'writes']);
    await sleep(100);
    await votes.sweep();
    assert.deepEqual(await rows(), ['admin', 'writes'], 'the votes bucket, full again, is gone; the others stay');
  });

  it('rateLimiter() keeps its buckets in PostgreSQL (an IPv6 client by its /64)', async () => {
    const limiter = rateLimiter(fresh.db, 'comments', { capacity: 1, refillPerSecond: 0.01 });
    try {
      assert.ok(limiter.shared, 'shared on PostgreSQL');
      assert.equal(await limiter.take('2001:db8:0:1::1'), 0);
      assert.ok((await limiter.take('2001:db8:0:1::2')) > 0, 'another address of the same /64 waits');
      const [row] = await fresh.db.query<{ key: string }>("SELECT key FROM rate_buckets WHERE name = 'comments'");
      assert.equal(row?.key, '2001:db8:0:1::/64');
    } finally {
      limiter.close();
    }
  });
});

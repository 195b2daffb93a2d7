/**
 * The token buckets of a rate limit kept in PostgreSQL (table rate_buckets), so that every process
 * on the database counts a client's requests together. All of their SQL is here. The database's
 * clock counts the refill, so processes whose clocks differ still agree.
 */
import type { Db, Queryable } from './db/db.js';
import { ASYNC_COMMIT } from './db/statements.js';
import { RateLimiter, type Buckets, type RateLimitOptions } from './http.js';

/**
 * One statement: the bucket refilled since it was last counted, a token taken if there is one. It
 * commits without waiting for its WAL flush (a bucket lost in a crash is a full one), so the lock on
 * a busy client's bucket row is not held through a flush: that client's requests would otherwise
 * queue on it, one flush each.
 */
const TAKE = `
  INSERT INTO rate_buckets AS b (name, key, tokens, at, ok)
  SELECT $1, $2, $3::float8 - 1, extract(epoch FROM now()), true WHERE ${ASYNC_COMMIT}
  ON CONFLICT (name, key) DO UPDATE SET
    tokens = least($3::float8, b.tokens + greatest(0, extract(epoch FROM now()) - b.at) * $4::float8)
      - CASE WHEN least($3::float8, b.tokens + greatest(0, extract(epoch FROM now()) - b.at) * $4::float8) >= 1 THEN 1 ELSE 0 END,
    ok = least($3::float8, b.tokens + greatest(0, extract(epoch FROM now()) - b.at) * $4::float8) >= 1,
    at = greatest(b.at, extract(epoch FROM now()))
  RETURNING tokens, ok`;

/** Buckets full again are dropped, so that the table holds only clients that were recently busy. */
const SWEEP = `
  DELETE FROM rate_buckets
  WHERE ${ASYNC_COMMIT} AND name = $1 AND tokens + greatest(0, extract(epoch FROM now()) - at) * $2::float8 >= $3::float8`;

/** The buckets of the limit `name` (writes, votes, comments, admin) in `db`. */
export function pgBuckets(db: Queryable, name: string, options: RateLimitOptions): Buckets {
  return {
    async take(key) {
      const [row] = await db.query<{ tokens: number; ok: boolean }>(TAKE, [name, key, options.capacity, options.refillPerSecond]);
      if (!row) throw new Error('rate_buckets: INSERT … RETURNING gave no row');
      return row.ok ? 0 : Math.max(1, Math.ceil((1 - row.tokens) / options.refillPerSecond));
    },
    async sweep() {
      await db.query(SWEEP, [name, options.refillPerSecond, options.capacity]);
    },
  };
}

/**
 * The rate limit `name` with `options`: its buckets in PostgreSQL, shared by every process on the
 * database, or in memory on PGlite (whose database belongs to one process).
 */
export const rateLimiter = (db: Db, name: string, options: RateLimitOptions) =>
  new RateLimiter(options, db.kind === 'pg' ? pgBuckets(db, name, options) : undefined);

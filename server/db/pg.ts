/** PostgreSQL through a `pg` pool; LISTEN on a dedicated connection that reconnects. */
import pg from 'pg';
import { sqlState, type Db, type Queryable, type Row } from './db.js';

const retryable = new Set(['40001', '40P01']); // serialization failure, deadlock

const on = (c: pg.PoolClient | pg.Pool): Queryable => ({
  query: async <T extends Row>(sql: string, params?: readonly unknown[]) => (await c.query<T>(sql, params as unknown[])).rows,
  exec: async (sql) => void (await c.query(sql)),
});

export async function openPg(url: string, poolSize = 10): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client that loses its connection emits here; without a listener the process dies.
  pool.on('error', (e) => console.error('civic-server: idle PostgreSQL client error:', e.message));
  await pool.query('SELECT 1'); // fail now, with the driver's message, if nothing answers
  const listeners = new Set<() => Promise<void>>();
  let closed = false;

  const db: Db = {
    kind: 'pg',
    ...on(pool),
    async transaction(fn) {
      for (let attempt = 0; ; attempt++) {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const result = await fn(on(client));
          await client.query('COMMIT');
          return result;
        } catch (e) {
          await client.query('ROLLBACK').catch(() => undefined);
          if (attempt < 3 && retryable.has(sqlState(e) ?? '')) continue;
          throw e;
        } finally {
          client.release();
        }
      }
    },
    async listen(channel, fn) {
      let client: pg.Client | undefined;
      let stopped = false;
      let delay = 250;
      const connect = async (): Promise<void> => {
        const c = new pg.Client({ connectionString: url });
        c.on('notification', (n) => n.channel === channel && fn(n.payload ?? ''));
        c.on('error', () => undefined); // 'end' follows and reconnects
        c.on('end', () => {
          if (stopped || closed) return;
          client = undefined;
          setTimeout(() => void reconnect(), delay).unref();
        });
        await c.connect();
        await c.query(`LISTEN "${channel.replaceAll('"', '""')}"`);
        client = c;
        delay = 250;
      };
      const reconnect = async () => {
        try {
          await connect();
          fn(null); // events may have been missed while disconnected
        } catch (e) {
          delay = Math.min(delay * 2, 10_000);
          console.error(`civic-server: LISTEN connection failed (${(e as Error).message}); retrying in ${delay} ms`);
          setTimeout(() => void reconnect(), delay).unref();
        }
      };
      await connect();
      const stop = async () => {
        stopped = true;
        listeners.delete(stop);
        await client?.end().catch(() => undefined);
      };
      listeners.add(stop);
      return stop;
    },
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all([...listeners].map((stop) => stop()));
      await pool.end();
    },
  };
  return db;
}

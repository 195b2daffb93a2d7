/** The embedded database: PGlite (PostgreSQL in WebAssembly), in a directory or in memory. */
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Db, Queryable, Row } from './db.js';

const wrap = (tx: Transaction): Queryable => ({
  query: async <T extends Row>(sql: string, params?: readonly unknown[]) => (await tx.query<T>(sql, params as unknown[])).rows,
  exec: async (sql) => void (await tx.exec(sql)),
});

export async function openPglite(dataDir: string): Promise<Db> {
  const pg = await PGlite.create(dataDir);
  return {
    kind: 'pglite',
    query: async <T extends Row>(sql: string, params?: readonly unknown[]) => (await pg.query<T>(sql, params as unknown[])).rows,
    exec: async (sql) => void (await pg.exec(sql)),
    // PGlite has one connection: its transaction() holds a lock, so calls made on `pg` inside
    // `fn` would wait forever. Resource code only uses the `tx` it is given.
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    listen: async (channel, fn) => {
      const stop = await pg.listen(channel, (payload) => fn(payload));
      return async () => {
        if (!pg.closed) await stop();
      };
    },
    close: async () => {
      if (!pg.closed) await pg.close();
    },
  };
}

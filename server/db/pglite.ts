/** The embedded database: PGlite (PostgreSQL in WebAssembly), in a directory or in memory. */
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Db, Queryable, Row } from './db.js';

/**
 * PostgreSQL's memory settings for a small server: PGlite's defaults (128 MB of shared buffers, 64 MB
 * for maintenance) are a workstation's. Durability is unchanged: these are caches and work areas.
 */
const MEMORY = ['shared_buffers=8MB', 'work_mem=1MB', 'wal_buffers=256kB', 'temp_buffers=1MB', 'maintenance_work_mem=4MB', 'max_connections=3'];

/**
 * A new data directory is made (initdb) in a child process: initdb grows PGlite's WebAssembly memory
 * to about 800 MB, which a process never gives back; the server then opens the directory as on any
 * later start. The child compiles PGlite with Liftoff only: initdb runs once, and TurboFan's
 * recompiling of its hot functions cost more than it saved (CPU 6.4-6.9 s -> 4.3-4.4 s, peak
 * 815-850 -> 725 MB, measured on 2 busy cores).
 */
async function initInChild(dataDir: string): Promise<void> {
  const pglite = import.meta.resolve('@electric-sql/pglite');
  const code = `const { PGlite } = await import(${JSON.stringify(pglite)}); const pg = await PGlite.create(${JSON.stringify(dataDir)}); await pg.close();`;
  await promisify(execFile)(process.execPath, ['--liftoff-only', '--input-type=module', '-e', code], { maxBuffer: 1 << 20 });
}

const wrap = (tx: Transaction): Queryable => ({
  query: async <T extends Row>(sql: string, params?: readonly unknown[]) => (await tx.query<T>(sql, params as unknown[])).rows,
  exec: async (sql) => void (await tx.exec(sql)),
});

export async function openPglite(dataDir: string): Promise<Db> {
  if (!dataDir.includes('://') && !existsSync(join(dataDir, 'PG_VERSION'))) await initInChild(dataDir);
  const pg = await PGlite.create(dataDir, { startParams: [...PGlite.defaultStartParams, ...MEMORY.flatMap((kv) => ['-c', kv])] });
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

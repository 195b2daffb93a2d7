/**
 * Numbered plain-SQL migrations (`NNN_name.sql`), applied in order at start, each recorded in
 * `schema_migrations`. An advisory lock lets several processes start on one database at once.
 */
import { readdir, readFile } from 'node:fs/promises';
import type { Db } from './db.js';

const LOCK = 7_426_001; // any constant shared by every civic-server process

export async function migrate(db: Db, dir: URL): Promise<string[]> {
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f)).sort();
  } catch (e) {
    throw new Error(`no migrations folder at ${dir.href} (a build must copy server/migrations next to the server bundle)`, { cause: e });
  }
  const scripts = await Promise.all(files.map(async (f) => [f, await readFile(new URL(f, dir), 'utf8')] as const));
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set((await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version));
    const applied: string[] = [];
    for (const [file, sql] of scripts) {
      const version = Number.parseInt(file, 10);
      if (done.has(version)) continue;
      await tx.exec(sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [version, file]);
      applied.push(file);
    }
    return applied;
  });
}

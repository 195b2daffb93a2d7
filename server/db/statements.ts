/**
 * Small pieces of statements that every resource's SQL uses. A field of the contract (`closesAt`)
 * is stored in the column of the same name in snake_case (`closes_at`).
 */
import type { Queryable } from './db.js';

/** JSON built in SQL (json_agg, json_build_object): parsed by pg, text from PGlite. */
export const fromJson = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/**
 * The slot of a counter a connection adds to (petition counts, migration 012; poll counters, 013), so
 * that concurrent writers do not queue on one row. Two connections on one slot wait for each other's
 * commit (its WAL flush included): with 16 slots (012's first choice) ten connections almost surely
 * had two on one; with 64, a connection shares its slot with another of ten about one time in eight
 * (a read sums at most 64 small rows).
 */
export const SLOT = 'pg_backend_pid() % 64';

/**
 * A condition (always true) that turns `synchronous_commit` off until the end of the transaction, for
 * a statement run alone in its implicit transaction: it commits without waiting for its WAL flush.
 * Only for writes that may be lost in a crash, or that a later synchronous commit makes durable (a
 * flush writes the WAL before it too). Never for what an answer acknowledges.
 */
export const ASYNC_COMMIT = `set_config('synchronous_commit', 'off', true) IS NOT NULL`;

/** The column a field is stored in. */
const column = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Inserts a row of `table` (each field of `row` in its column) unless its id is taken; whether it was inserted. */
export async function insertNew(q: Queryable, table: string, row: Record<string, unknown>): Promise<boolean> {
  const fields = Object.keys(row);
  const rows = await q.query(
    `INSERT INTO ${table} (${fields.map(column).join(', ')}) VALUES (${fields.map((_, i) => `$${i + 1}`).join(', ')}) ON CONFLICT (id) DO NOTHING RETURNING id`,
    Object.values(row),
  );
  return rows.length === 1;
}

/** The fields of `T` that an update may change, listed once: the compiler refuses a list that misses one. */
export const fieldsOf =
  <T>() =>
  <const L extends readonly (keyof T & string)[]>(fields: L & ([Exclude<keyof T, L[number]>] extends [never] ? unknown : { missing: Exclude<keyof T, L[number]> })): L =>
    fields;

/**
 * Changes the row `id` of `table`: its `updated_at`, and each of `fields` that `changes` sets.
 * Whether there was such a row.
 */
export async function updateRow<T extends object>(q: Queryable, table: string, id: string, changes: T, fields: readonly (keyof T & string)[]): Promise<boolean> {
  const sets = ['updated_at = now()'];
  const values: unknown[] = [id];
  for (const field of fields) {
    if (changes[field] === undefined) continue;
    values.push(changes[field]);
    sets.push(`${column(field)} = $${values.length}`);
  }
  const rows = await q.query(`UPDATE ${table} SET ${sets.join(', ')} WHERE id = $1 RETURNING id`, values);
  return rows.length === 1;
}

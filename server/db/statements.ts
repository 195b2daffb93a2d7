/** Small pieces of statements that every resource's SQL uses. */
import type { Queryable } from './db.js';

/** JSON built in SQL (json_agg, json_build_object): parsed by pg, text from PGlite. */
export const fromJson = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/**
 * Changes the row `id` of `table`: its `updated_at`, and each field of `changes` that is set, in the
 * column `columns` names for it. Whether there was such a row.
 */
export async function updateRow<C extends Record<string, string>>(q: Queryable, table: string, id: string, columns: C, changes: { [K in keyof C]?: unknown }): Promise<boolean> {
  const sets = ['updated_at = now()'];
  const values: unknown[] = [id];
  for (const [key, column] of Object.entries(columns) as [keyof C, string][]) {
    if (changes[key] === undefined) continue;
    values.push(changes[key]);
    sets.push(`${column} = $${values.length}`);
  }
  const rows = await q.query(`UPDATE ${table} SET ${sets.join(', ')} WHERE id = $1 RETURNING id`, values);
  return rows.length === 1;
}

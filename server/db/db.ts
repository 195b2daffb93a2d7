/**
 * The storage plug: one small interface, two implementations (embedded PGlite, a PostgreSQL pool),
 * the same SQL for both. Resource modules take a `Queryable` so that they run alike on the database
 * or inside a transaction.
 */

/** A row as the driver returns it (timestamps as Date, integers as number when cast to `int`). */
export type Row = Record<string, unknown>;

export interface Queryable {
  /** One statement with `$1…` parameters; the rows it returns. */
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'pg';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Calls `fn` with the payload of each NOTIFY on `channel`, and with `null` when notifications may
   * have been missed (a lost connection was re-established). Returns the function that stops.
   */
  listen(channel: string, fn: (payload: string | null) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface OpenDbOptions {
  /** A `postgres://` URL: use a PostgreSQL pool. */
  url?: string | undefined;
  /** Otherwise an embedded PGlite in this directory; `memory://` keeps it in memory (default). */
  dataDir?: string | undefined;
  /** Pool size for PostgreSQL (default 10). */
  poolSize?: number | undefined;
}

/** Opens the database the options name; migrations are applied by `migrate`. */
export async function openDb(options: OpenDbOptions = {}): Promise<Db> {
  if (options.url) {
    const { openPg } = await import('./pg.js');
    return openPg(options.url, options.poolSize);
  }
  const { openPglite } = await import('./pglite.js');
  return openPglite(options.dataDir ?? 'memory://');
}

/** The SQLSTATE of a driver error, if any. */
export const sqlState = (e: unknown): string | undefined =>
  typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : undefined;

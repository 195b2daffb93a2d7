/**
 * The Idempotency-Key's fingerprints (as the IETF Idempotency-Key header draft does): each key a
 * client sends to a write is kept with a fingerprint of its request (the method and the parsed body),
 * under the path it was sent to. The same key sent again with the same request is a replay, which the
 * resource answers with its first result; with another request it is a client's mistake, refused with
 * 422 before anything is written, instead of answering the first request's result as if it were this
 * one's. A key whose request failed is released, so that the corrected request may use it.
 */
import type { Queryable } from './db/db.js';
import { ASYNC_COMMIT } from './db/statements.js';
import { ApiFailure } from './http.js';
import { sha256 } from './secrets.js';

/** JSON with object keys sorted: equal values give equal text whatever order the client wrote. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/**
 * The fingerprint of a request: its method and its body as parsed (trimmed, defaults filled in),
 * but for a proof-of-work `challenge`, which a retry solves afresh (it proves work, it is not what
 * the request asks for).
 */
export function fingerprint(method: string, body: unknown): string {
  const { challenge: _, ...meant } = body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : { body };
  return sha256(`${method}\n${canonical(meant)}`);
}

export const keyReused = () =>
  new ApiFailure(422, 'validation', 'this Idempotency-Key was sent before with a different request: use a new key for a new request', {
    issues: [{ path: 'Idempotency-Key', code: 'idempotency_key_reused', message: 'this key was used for a different request' }],
  });

export class IdempotencyKeys {
  constructor(readonly db: Queryable) {}

  /**
   * Records `key` for the request at `scope` (its path) with `print`; true when it is new (release it
   * if the request fails), false for a replay of the same request. Throws the 422 for another request.
   *
   * The claim commits without waiting for its WAL flush (`synchronous_commit` off for this statement
   * alone, ASYNC_COMMIT): the write it guards commits after it, and waiting for that write's flush
   * flushes the WAL written before it, the claim included. So a key is durable whenever what was
   * written under it is, and the request waits for one flush instead of two. A crash can lose only
   * claims whose request wrote nothing durable yet, which nothing acknowledged.
   */
  async claim(scope: string, key: string, print: string): Promise<boolean> {
    const [r] = await this.db.query<{ fingerprint: string; inserted: boolean }>(
      `WITH ins AS (
         INSERT INTO idempotency_keys (scope, key, fingerprint) SELECT $1, $2, $3 WHERE ${ASYNC_COMMIT}
         ON CONFLICT (scope, key) DO NOTHING RETURNING fingerprint)
       SELECT fingerprint, true AS inserted FROM ins
       UNION ALL
       SELECT fingerprint, false FROM idempotency_keys WHERE scope = $1 AND key = $2`,
      [scope, key, print],
    );
    // A request holding the key that was released in between: claim it again.
    if (!r) return this.claim(scope, key, print);
    if (r.fingerprint !== print) throw keyReused();
    return r.inserted;
  }

  /** Forgets a key whose request failed (nothing was written under it). */
  async release(scope: string, key: string, print: string): Promise<void> {
    await this.db.query('DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND fingerprint = $3', [scope, key, print]);
  }
}

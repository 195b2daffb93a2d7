/**
 * The self-hosted proof of work behind the challenge plug (see `Challenge` in src/api/challenge.ts):
 * a SHA-256 hash-prefix puzzle, shared by comment threads (a comment's) and polls (a new
 * participant's first vote). The server signs `scope.expiry.difficulty.nonce` with the resource's
 * key, so it keeps nothing until a solution comes back, and a thread's challenge is no poll's; a
 * solution is accepted once (its hash is recorded in `spent_challenges` until the challenge expires).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Challenge } from '../src/api/challenge.js';
import type { Queryable } from './db/db.js';
import { invalid } from './http.js';
import { sameText, sha256, type Keys } from './secrets.js';

/** Records a challenge as used until it expires; false when it was used already. */
const spendChallengeHash = async (q: Queryable, hash: string, expiresAt: Date) =>
  (await q.query('INSERT INTO spent_challenges (hash, expires_at) VALUES ($1, $2) ON CONFLICT (hash) DO NOTHING RETURNING hash', [hash, expiresAt.toISOString()])).length > 0;

/** Forgets used challenges that have expired (they would be refused as expired anyway). */
export const sweepChallenges = (q: Queryable) => q.query('DELETE FROM spent_challenges WHERE expires_at < now()');

export interface ChallengeOptions {
  /** Leading zero bits asked for (default 16: about 65,000 hashes, well under a second in a browser). */
  difficulty: number;
  /** How long a challenge may be solved and used (default 30 minutes). */
  ttlSeconds: number;
}

/** A challenge for `scope` (a thread's or a poll's id), signed with the resource's `keys`. */
export async function issueChallenge(keys: Keys, scope: string, o: ChallengeOptions, now = Date.now()): Promise<Challenge> {
  const expires = now + o.ttlSeconds * 1000;
  const body = `${scope}.${expires.toString(36)}.${o.difficulty}.${randomBytes(9).toString('base64url')}`;
  return {
    algorithm: 'SHA-256',
    prefix: `${body}.${await keys.mac('challenge', body)}:`,
    difficulty: o.difficulty,
    expiresAt: new Date(expires).toISOString(),
  };
}

/** The number of leading zero bits of a hash. */
export function zeroBits(hash: Buffer): number {
  let bits = 0;
  for (const byte of hash) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

/** Solves a challenge (for tests, the bench and the demo; browsers do the same with crypto.subtle). */
export function solve(c: Pick<Challenge, 'prefix' | 'difficulty'>): string {
  for (let n = 0; ; n++) {
    if (zeroBits(createHash('sha256').update(c.prefix + n).digest()) >= c.difficulty) return c.prefix + n;
  }
}

const refuse = (message: string, code: string) => invalid('challenge', message, code);

/**
 * Checks a solution for `scope` and records it as used, through `tx` (the transaction that writes
 * the comment or the vote, so that one refused later leaves its challenge usable). `ask`: where a
 * client gets a challenge, for the message when none is given.
 */
export async function spendChallenge(tx: Queryable, keys: Keys, scope: string, solution: string | undefined, now = Date.now(), ask = 'GET /threads/{id}/challenge'): Promise<void> {
  if (!solution) throw refuse(`a solved challenge is asked for (${ask})`, 'required');
  const m = /^(?:([\w-]{1,64})\.([0-9a-z]{1,12})\.(\d{1,2})\.([\w-]{1,32})\.([\w-]{43}):)(\d{1,15})$/.exec(solution);
  if (!m) throw refuse('not a solution of a challenge of this server', 'invalid');
  const [, of, expires, difficulty, nonce, mac] = m as unknown as [string, string, string, string, string, string, string];
  const body = `${of}.${expires}.${difficulty}.${nonce}`;
  if (!sameText(mac, await keys.mac('challenge', body))) throw refuse('not a challenge of this server', 'invalid');
  if (of !== scope) throw refuse('this challenge is for another thread or poll', 'invalid');
  const expiresAt = parseInt(expires, 36);
  if (expiresAt <= now) throw refuse('this challenge has expired: ask for a new one', 'expired');
  if (zeroBits(createHash('sha256').update(solution).digest()) < Number(difficulty)) throw refuse('this is not a solution of the challenge', 'unsolved');
  if (!(await spendChallengeHash(tx, sha256(body), new Date(expiresAt)))) throw refuse('this challenge has been used already: ask for a new one', 'used');
}

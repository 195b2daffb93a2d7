/**
 * The self-hosted proof of work behind the challenge plug (see `Challenge` in src/api/comments.ts):
 * a SHA-256 hash-prefix puzzle. The server signs `thread.expiry.difficulty.nonce` with its key, so it
 * keeps nothing until a solution comes back; a solution is accepted once (its hash is recorded
 * until the challenge expires).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Challenge } from '../../src/api/comments.js';
import type { Queryable } from '../db/db.js';
import { invalid } from '../http.js';
import { sameText, sha256, type Keys } from '../secrets.js';
import { spendChallengeHash } from './sql/writes.js';

export interface ChallengeOptions {
  /** Leading zero bits asked for (default 16: about 65,000 hashes, well under a second in a browser). */
  difficulty: number;
  /** How long a challenge may be solved and used (default 30 minutes). */
  ttlSeconds: number;
}

/** A challenge for `threadId`. */
export async function issueChallenge(keys: Keys, threadId: string, o: ChallengeOptions, now = Date.now()): Promise<Challenge> {
  const expires = now + o.ttlSeconds * 1000;
  const body = `${threadId}.${expires.toString(36)}.${o.difficulty}.${randomBytes(9).toString('base64url')}`;
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
 * Checks a solution for `threadId` and records it as used, through `tx` (the transaction that
 * inserts the comment, so that a comment refused later leaves its challenge usable).
 */
export async function spendChallenge(tx: Queryable, keys: Keys, threadId: string, solution: string | undefined, now = Date.now()): Promise<void> {
  if (!solution) throw refuse('this thread asks for a solved challenge (GET /threads/{id}/challenge)', 'required');
  const m = /^(?:([\w-]{1,64})\.([0-9a-z]{1,12})\.(\d{1,2})\.([\w-]{1,32})\.([\w-]{43}):)(\d{1,15})$/.exec(solution);
  if (!m) throw refuse('not a solution of a challenge of this server', 'invalid');
  const [, thread, expires, difficulty, nonce, mac] = m as unknown as [string, string, string, string, string, string, string];
  const body = `${thread}.${expires}.${difficulty}.${nonce}`;
  if (!sameText(mac, await keys.mac('challenge', body))) throw refuse('not a challenge of this server', 'invalid');
  if (thread !== threadId) throw refuse('this challenge is for another thread', 'invalid');
  const expiresAt = parseInt(expires, 36);
  if (expiresAt <= now) throw refuse('this challenge has expired: ask for a new one', 'expired');
  if (zeroBits(createHash('sha256').update(solution).digest()) < Number(difficulty)) throw refuse('this is not a solution of the challenge', 'unsolved');
  if (!(await spendChallengeHash(tx, sha256(body), new Date(expiresAt)))) throw refuse('this challenge has been used already: ask for a new one', 'used');
}

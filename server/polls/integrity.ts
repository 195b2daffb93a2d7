/**
 * Poll integrity: what stops a script from stuffing a poll's ballot box with fresh participant
 * tokens. A new participant's first vote (a token with no vote in the poll yet) takes a place among
 * the poll's `addressLimit` new participants per network address and period; with `proof-of-work`
 * it also carries a solved challenge (server/challenge.ts, the one comments use). A participant
 * who has voted changes or withdraws their vote freely. The address is counted as a keyed hash
 * (HMAC with the polls' secret and the poll's id), never stored; an IPv6 address counts as its /64,
 * which one machine can fill with addresses.
 */
import type { PollIntegrity } from '../../src/api/poll.js';
import { issueChallenge, spendChallenge, type ChallengeOptions } from '../challenge.js';
import type { Queryable } from '../db/db.js';
import { ApiFailure } from '../http.js';
import type { Keys } from '../secrets.js';
import { takeAddressPlace } from './sql/votes.js';

export type { ChallengeOptions };

/** What the poll's integrity needs of it (its row, as the vote's lock read it). */
export interface Guarded {
  integrity: PollIntegrity;
  address_limit: number;
  address_period_minutes: number;
}

/** The network an address stands for: itself (IPv4), or its first 64 bits (IPv6). */
export function addressBlock(ip: string): string {
  if (!ip.includes(':')) return ip;
  const [head = '', tail = ''] = ip.split('::') as [string, string?];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...h, ...Array<string>(Math.max(0, 8 - h.length - t.length)).fill('0'), ...t] : h;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/** Polls' challenges: 16 zero bits (well under a second in a browser) and 30 minutes to use one, as comments'. */
export const defaultChallenge: ChallengeOptions = { difficulty: 16, ttlSeconds: 1800 };

/**
 * The keyed hash an address is counted under in a poll (HMAC with the polls' secret and the poll's
 * id). Computed before the vote's transaction: the first use of the secret reads the database.
 */
export const addressHash = (keys: Keys, pollId: string, ip: string) => keys.mac('poll-address', `${pollId}\0${addressBlock(ip)}`);

export const pollChallenge = (keys: Keys, pollId: string, o: ChallengeOptions, now: number) => issueChallenge(keys, pollId, o, now);

/**
 * Checks a new participant's first vote against the poll's integrity, inside the vote's transaction
 * (a vote refused later gives its place and its challenge back): the challenge first, then a place
 * for the address. 400 naming `challenge`; 429 `address-limit` with `retryAfter` (seconds until the
 * period ends).
 */
export async function guardFirstVote(
  tx: Queryable,
  keys: Keys,
  pollId: string,
  p: Guarded,
  vote: { address: string; challenge?: string | undefined },
  now: number,
): Promise<void> {
  if (p.integrity === 'open') return;
  if (p.integrity === 'proof-of-work') await spendChallenge(tx, keys, pollId, vote.challenge, now, 'GET /polls/{id}/challenge');
  const period = p.address_period_minutes * 60_000;
  const start = Math.floor(now / period) * period;
  if (await takeAddressPlace(tx, pollId, vote.address, new Date(start), p.address_limit)) return;
  const retryAfter = Math.max(1, Math.ceil((start + period - now) / 1000));
  const message = `${p.address_limit} people have voted in this poll from this network in the last ${p.address_period_minutes} minutes: try again later`;
  throw new ApiFailure(429, 'address-limit', message, { retryAfter });
}

/**
 * Loaded on demand, only in a poll that asks a new participant for a proof of work: sends a vote,
 * with, for a participant's first vote (no vote of theirs yet), the poll's challenge fetched (from
 * the backend in effect, else over REST at the widget's `api`) and solved with the solver the
 * comments use (src/domain/pow.ts).
 */
import type { OutboxEntry } from '../api/outbox.js';
import type { VoteInput, VoteResult } from '../api/poll.js';
import { withChallenge } from '../api/rest-poll-challenge.js';
import { solve } from '../domain/pow.js';
import type { PollHost } from './host.js';

type Host = Pick<PollHost, 'pollApi' | 'api' | 'state' | 'participant'>;

/** Sends the vote `input` of the outbox entry `e` (to the poll `e.target`, on the subject `e.payload.subject`). */
export async function vote(host: Host, e: OutboxEntry<{ subject: string }>, input: VoteInput): Promise<VoteResult> {
  const api = host.pollApi;
  const first = !Object.keys(host.state.mine).length;
  const challenge = first ? await solve(await withChallenge(api, host.api ?? '').challenge!(e.target)) : undefined;
  return api.vote(e.target, e.payload.subject || null, host.participant, { ...input, challenge }, { idempotencyKey: e.key });
}

/**
 * Loaded on demand, only in a poll that asks a new participant for a proof of work: the poll's
 * backend, whose votes carry, for a participant's first vote (no vote of theirs yet), the poll's
 * challenge fetched (from the backend in effect, else over REST at the widget's `api`) and solved
 * with the solver the comments use (src/domain/pow.ts).
 */
import type { PollBackend } from '../api/backend.js';
import { withChallenge } from '../api/rest-poll-challenge.js';
import { solve } from '../domain/pow.js';
import type { PollHost } from './host.js';

export function proven(host: Pick<PollHost, 'pollApi' | 'api' | 'state'>): PollBackend {
  const api = withChallenge(host.pollApi, host.api ?? '');
  return {
    ...api,
    vote: async (id, proposalId, participant, input, o) => {
      const first = !Object.keys(host.state.mine).length;
      return api.vote(id, proposalId, participant, { ...input, challenge: first ? await solve(await api.challenge!(id)) : undefined }, o);
    },
  };
}

/**
 * The part of the poll's REST contract that every poll uses (the poll, the reader's ballot, votes,
 * results, live events). A quick poll needs nothing more, so <civic-poll> builds only this from its
 * `api` attribute; consultations add the rest (rest-poll.ts) when their module loads.
 */
import type { PollBackend } from './backend.js';
import { Ballot, Poll, PollEvent, PollResults, VoteResult } from './poll.js';
import type { RestClient } from './rest.js';

const seg = encodeURIComponent;
export const pollPath = (id: string) => `/polls/${seg(id)}`;

export function restPollCore(client: RestClient): PollBackend {
  const votes = (id: string, proposalId: string | null, participant: string) =>
    `${pollPath(id)}${proposalId ? `/proposals/${seg(proposalId)}` : ''}/votes/${seg(participant)}`;
  return {
    get: (id, o) => client.request('GET', pollPath(id), Poll, { signal: o?.signal }),
    results: (id, o) => client.request('GET', `${pollPath(id)}/results`, PollResults, { signal: o?.signal }),
    ballot: (id, participant, o) => client.request('GET', `${pollPath(id)}/votes/${seg(participant)}`, Ballot, { signal: o?.signal }),
    vote: (id, proposalId, participant, input, o) =>
      client.request('PUT', votes(id, proposalId, participant), VoteResult, { body: input, idempotencyKey: o.idempotencyKey, signal: o.signal }),
    withdraw: (id, proposalId, participant, o) =>
      client.request('DELETE', votes(id, proposalId, participant), VoteResult, { idempotencyKey: o.idempotencyKey, signal: o.signal }),
    subscribe: (id, listener) => client.subscribe(`${pollPath(id)}/events`, PollEvent, listener),
  };
}

/**
 * The part of the poll's REST contract that every poll uses (the poll, the reader's ballot, votes,
 * results, live events). A quick poll needs nothing more, so <civic-poll> builds only this from its
 * `api` attribute; consultations add the rest (rest-poll.ts) when their module loads, and a poll that
 * asks for a proof of work adds its challenge (rest-poll-challenge.ts) when the solver loads.
 */
import type { PollBackend } from './backend.js';
import type { RestClient } from './rest.js';
import { call, listen } from './rest-call.js';
import { getBallot, getPoll, pollEvents, pollResults, votePoll, voteProposal, withdrawPollVote, withdrawProposalVote } from './routes/polls.js';

export function restPollCore(client: RestClient): PollBackend {
  return {
    get: (id, o) => call(client, getPoll, { id }, o),
    results: (id, o) => call(client, pollResults, { id }, o),
    ballot: (id, participant, o) => call(client, getBallot, { id, participant }, o),
    vote: (id, proposalId, participant, body, o) =>
      proposalId ? call(client, voteProposal, { id, proposalId, participant }, { ...o, body }) : call(client, votePoll, { id, participant }, { ...o, body }),
    withdraw: (id, proposalId, participant, o) =>
      proposalId ? call(client, withdrawProposalVote, { id, proposalId, participant }, o) : call(client, withdrawPollVote, { id, participant }, o),
    subscribe: (id, listener) => listen(client, pollEvents, { id }, listener),
  };
}

/** The poll part of the REST contract. */
import type { PollBackend } from './backend.js';
import { Argument, ArgumentList, Ballot, EmailResult, LikeResult, Poll, PollEvent, PollResults, Proposal, ProposalPage, VoteResult } from './poll.js';
import { withQuery, type RestClient } from './rest.js';

const seg = encodeURIComponent;

export function restPolls(client: RestClient): PollBackend {
  const at = (id: string) => `/polls/${seg(id)}`;
  const votes = (id: string, proposalId: string | null, participant: string) =>
    `${at(id)}${proposalId ? `/proposals/${seg(proposalId)}` : ''}/votes/${seg(participant)}`;
  return {
    get: (id, o) => client.request('GET', at(id), Poll, { signal: o?.signal }),
    results: (id, o) => client.request('GET', `${at(id)}/results`, PollResults, { signal: o?.signal }),
    ballot: (id, participant, o) => client.request('GET', `${at(id)}/votes/${seg(participant)}`, Ballot, { signal: o?.signal }),
    vote: (id, proposalId, participant, input, o) =>
      client.request('PUT', votes(id, proposalId, participant), VoteResult, { body: input, idempotencyKey: o.idempotencyKey, signal: o.signal }),
    withdraw: (id, proposalId, participant, o) =>
      client.request('DELETE', votes(id, proposalId, participant), VoteResult, { idempotencyKey: o.idempotencyKey, signal: o.signal }),
    proposals: (id, q = {}, o) =>
      client.request('GET', withQuery(`${at(id)}/proposals`, { theme: q.themeId, sort: q.sort, cursor: q.cursor, limit: q.limit }), ProposalPage, { signal: o?.signal }),
    propose: (id, input, o) => client.request('POST', `${at(id)}/proposals`, Proposal, { body: input, idempotencyKey: o.idempotencyKey, signal: o.signal }),
    arguments: (id, proposalId, o) => client.request('GET', `${at(id)}/proposals/${seg(proposalId)}/arguments`, ArgumentList, { signal: o?.signal }),
    argue: (id, proposalId, input, o) =>
      client.request('POST', `${at(id)}/proposals/${seg(proposalId)}/arguments`, Argument, { body: input, idempotencyKey: o.idempotencyKey, signal: o.signal }),
    like: (id, argumentId, participant, liked, o) =>
      client.request(liked ? 'PUT' : 'DELETE', `${at(id)}/arguments/${seg(argumentId)}/likes/${seg(participant)}`, LikeResult, { idempotencyKey: o.idempotencyKey, signal: o.signal }),
    confirmEmail: (id, participant, email, o) =>
      client.request('POST', `${at(id)}/participants/${seg(participant)}/email`, EmailResult, { body: { email }, idempotencyKey: o.idempotencyKey, signal: o.signal }),
    subscribe: (id, listener) => client.subscribe(`${at(id)}/events`, PollEvent, listener),
  };
}

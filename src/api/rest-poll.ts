/** The poll part of the REST contract: every poll's calls (rest-poll-core.ts) and the consultations'. */
import type { PollBackend } from './backend.js';
import { Argument, ArgumentList, EmailResult, LikeResult, Proposal, ProposalPage } from './poll.js';
import { withQuery, type RestClient } from './rest.js';
import { pollPath as at, restPollCore } from './rest-poll-core.js';

const seg = encodeURIComponent;

export function restPolls(client: RestClient): PollBackend {
  return {
    ...restPollCore(client),
    proposals: (id, q = {}, o) =>
      client.request('GET', withQuery(`${at(id)}/proposals`, { theme: q.themeId, sort: q.sort, cursor: q.cursor, limit: q.limit }), ProposalPage, { signal: o?.signal }),
    propose: (id, input, o) => client.request('POST', `${at(id)}/proposals`, Proposal, { body: input, idempotencyKey: o.idempotencyKey, signal: o.signal }),
    arguments: (id, proposalId, o) => client.request('GET', `${at(id)}/proposals/${seg(proposalId)}/arguments`, ArgumentList, { signal: o?.signal }),
    argue: (id, proposalId, input, o) =>
      client.request('POST', `${at(id)}/proposals/${seg(proposalId)}/arguments`, Argument, { body: input, idempotencyKey: o.idempotencyKey, signal: o.signal }),
    like: (id, argumentId, participant, liked, o) =>
      client.request(liked ? 'PUT' : 'DELETE', `${at(id)}/arguments/${seg(argumentId)}/likes/${seg(participant)}`, LikeResult, {
        idempotencyKey: o.idempotencyKey,
        signal: o.signal,
      }),
    confirmEmail: (id, participant, email, o) =>
      client.request('POST', `${at(id)}/participants/${seg(participant)}/email`, EmailResult, { body: { email }, idempotencyKey: o.idempotencyKey, signal: o.signal }),
  };
}

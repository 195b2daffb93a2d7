/** Every poll's operations: the poll, its results and live events, a participant's ballot and votes. */
import * as z from 'zod/mini';
import { Slug } from '../common.js';
import { IdParams, type Operation } from '../operation.js';
import { Ballot, ParticipantToken, Poll, PollEvent, PollResults, VoteInput, VoteResult } from '../poll.js';

/** A proposal of a poll. */
export const ProposalParams = z.object({ id: Slug, proposalId: Slug });
/** A participant of a poll, and a participant's vote on a proposal. */
export const BallotParams = z.object({ id: Slug, participant: ParticipantToken });
const ProposalVoteParams = z.object({ id: Slug, proposalId: Slug, participant: ParticipantToken });
const voteDoc =
  'The participant is the anonymous token the widget keeps in the page\'s storage. Setting the same vote again changes nothing; ' +
  'an Idempotency-Key seen before answers the current state without changing it. 409 `closed` before opensAt and after closing.';

export const getPoll = {
  id: 'getPoll', method: 'GET', path: '/polls/{id}', tags: ['polls'],
  summary: 'A poll: question or consultation, vote kind, dates, themes, options, counts',
  params: IdParams, response: Poll, status: 200, errors: [400, 404],
} as const satisfies Operation;

export const pollResults = {
  id: 'pollResults', method: 'GET', path: '/polls/{id}/results', tags: ['polls'],
  summary: 'The results anyone may see (all of them when visibility is `always` or the poll is closed)',
  params: IdParams, response: PollResults, status: 200, errors: [400, 404],
} as const satisfies Operation;

export const pollEvents = {
  id: 'pollEvents', method: 'GET', path: '/polls/{id}/events', tags: ['polls'],
  summary: 'Server-sent events: the poll\'s state and public results on connect, then on each change',
  params: IdParams, response: PollEvent, produces: 'text/event-stream', status: 200, errors: [400, 404],
} as const satisfies Operation;

export const getBallot = {
  id: 'getBallot', method: 'GET', path: '/polls/{id}/votes/{participant}', tags: ['polls'],
  summary: 'A participant\'s votes and likes, and the results they may see',
  params: BallotParams, response: Ballot, status: 200, errors: [400, 404],
} as const satisfies Operation;

export const votePoll = {
  id: 'votePoll', method: 'PUT', path: '/polls/{id}/votes/{participant}', tags: ['polls'],
  summary: 'Set a participant\'s vote on the poll (quick polls; single and approval consultations)',
  description: voteDoc,
  params: BallotParams, body: VoteInput, response: VoteResult, status: 200, errors: [400, 404, 409, 413, 429], idempotent: true,
} as const satisfies Operation;

export const withdrawPollVote = {
  id: 'withdrawPollVote', method: 'DELETE', path: '/polls/{id}/votes/{participant}', tags: ['polls'],
  summary: 'Withdraw a participant\'s vote on the poll',
  description: voteDoc,
  params: BallotParams, response: VoteResult, status: 200, errors: [400, 404, 409, 429], idempotent: true,
} as const satisfies Operation;

export const voteProposal = {
  id: 'voteProposal', method: 'PUT', path: '/polls/{id}/proposals/{proposalId}/votes/{participant}', tags: ['polls'],
  summary: 'Set a participant\'s vote on a proposal (support and agreement consultations)',
  description: voteDoc,
  params: ProposalVoteParams, body: VoteInput, response: VoteResult, status: 200, errors: [400, 404, 409, 413, 429], idempotent: true,
} as const satisfies Operation;

export const withdrawProposalVote = {
  id: 'withdrawProposalVote', method: 'DELETE', path: '/polls/{id}/proposals/{proposalId}/votes/{participant}', tags: ['polls'],
  summary: 'Withdraw a participant\'s vote on a proposal',
  description: voteDoc,
  params: ProposalVoteParams, response: VoteResult, status: 200, errors: [400, 404, 409, 429], idempotent: true,
} as const satisfies Operation;

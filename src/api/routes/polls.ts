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
  'an Idempotency-Key seen before answers the current state without changing it. 409 `closed` before opensAt and after closing. ' +
  'A new participant\'s first vote: 429 `address-limit` when the poll\'s limit of new participants from this network address is reached ' +
  '(`retryAfter`: when a place frees); with `integrity: proof-of-work`, 400 naming `challenge` without a solved one.';

export const getPoll = { id: 'getPoll', method: 'GET', path: '/polls/{id}', params: IdParams, response: Poll,
  tags: ['polls'], summary: 'A poll: question or consultation, vote kind, dates, themes, options, counts', status: 200, errors: [400, 404] } as const satisfies Operation;

export const pollResults = { id: 'pollResults', method: 'GET', path: '/polls/{id}/results', params: IdParams, response: PollResults,
  tags: ['polls'], summary: 'The results anyone may see (all of them when visibility is `always` or the poll is closed)', status: 200, errors: [400, 404] } as const satisfies Operation;

export const pollEvents = { id: 'pollEvents', method: 'GET', path: '/polls/{id}/events', params: IdParams, response: PollEvent,
  tags: ['polls'], summary: 'Server-sent events: the poll\'s state and public results on connect, then on each change', produces: 'text/event-stream', status: 200, errors: [400, 404] } as const satisfies Operation;

export const getBallot = { id: 'getBallot', method: 'GET', path: '/polls/{id}/votes/{participant}', params: BallotParams, response: Ballot,
  tags: ['polls'], summary: 'A participant\'s votes and likes, and the results they may see', status: 200, errors: [400, 404] } as const satisfies Operation;

export const votePoll = { id: 'votePoll', method: 'PUT', path: '/polls/{id}/votes/{participant}', params: BallotParams, body: VoteInput, response: VoteResult, idempotent: true,
  tags: ['polls'], summary: 'Set a participant\'s vote on the poll (quick polls; single and approval consultations)', description: voteDoc, status: 200, errors: [400, 404, 409, 413, 422, 429] } as const satisfies Operation;

export const withdrawPollVote = { id: 'withdrawPollVote', method: 'DELETE', path: '/polls/{id}/votes/{participant}', params: BallotParams, response: VoteResult, idempotent: true,
  tags: ['polls'], summary: 'Withdraw a participant\'s vote on the poll', description: voteDoc, status: 200, errors: [400, 404, 409, 422, 429] } as const satisfies Operation;

export const voteProposal = { id: 'voteProposal', method: 'PUT', path: '/polls/{id}/proposals/{proposalId}/votes/{participant}', params: ProposalVoteParams, body: VoteInput, response: VoteResult, idempotent: true,
  tags: ['polls'], summary: 'Set a participant\'s vote on a proposal (support and agreement consultations)', description: voteDoc, status: 200, errors: [400, 404, 409, 413, 422, 429] } as const satisfies Operation;

export const withdrawProposalVote = { id: 'withdrawProposalVote', method: 'DELETE', path: '/polls/{id}/proposals/{proposalId}/votes/{participant}', params: ProposalVoteParams, response: VoteResult, idempotent: true,
  tags: ['polls'], summary: 'Withdraw a participant\'s vote on a proposal', description: voteDoc, status: 200, errors: [400, 404, 409, 422, 429] } as const satisfies Operation;

/** Every poll's operations, in the order of the OpenAPI document (routes.ts merges them). */
export const pollOperations = { getPoll, pollResults, pollEvents, getBallot, votePoll, withdrawPollVote, voteProposal, withdrawProposalVote };

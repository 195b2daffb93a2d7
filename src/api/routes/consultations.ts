/**
 * The consultations' operations: proposals and arguments, likes, and the email confirmation a poll
 * may ask of its participants. Apart from every poll's (polls.ts), as the consultation's module is.
 */
import * as z from 'zod/mini';
import { LikeResult, Slug, TokenInput } from '../common.js';
import { ArgumentInput, ProposalInput } from '../poll-inputs.js';
import { IdParams, type Operation } from '../operation.js';
import {
  Argument, ArgumentList, EmailInput, EmailResult, ParticipantConfirmed, ParticipantToken, Proposal,
  ProposalPage, ProposalSort,
} from '../poll.js';
import { BallotParams, ProposalParams } from './polls.js';

const LikeParams = z.object({ id: Slug, argumentId: Slug, participant: ParticipantToken });
const ProposalQuery = z.object({
  theme: z.optional(Slug),
  sort: z.optional(ProposalSort),
  cursor: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(z.regex(/^\d{1,9}$/, 'a cursor from nextCursor'))),
  limit: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(z.regex(/^(100|[1-9]\d?)$/, 'a number from 1 to 100'))),
});

export const listProposals = { id: 'listProposals', method: 'GET', path: '/polls/{id}/proposals', params: IdParams, query: ProposalQuery, response: ProposalPage,
  description: 'Query: `theme` (a theme id), `sort` (`newest`, `support`, `consensus`, `division`; orders by results apply only when everyone may see them, else `newest`), ' +
    '`cursor` (from `nextCursor`), `limit` (1 to 100, default 20).',
  tags: ['polls'], summary: 'A page of published proposals', status: 200, errors: [400, 404] } as const satisfies Operation;

export const submitProposal = { id: 'submitProposal', method: 'POST', path: '/polls/{id}/proposals', params: IdParams, body: ProposalInput, response: Proposal, idempotent: true,
  tags: ['polls'], summary: 'Submit a proposal (published, or pending a moderator when the poll moderates)', status: 201, errors: [400, 404, 409, 413, 422, 429] } as const satisfies Operation;

export const listArguments = { id: 'listArguments', method: 'GET', path: '/polls/{id}/proposals/{proposalId}/arguments', params: ProposalParams, response: ArgumentList,
  tags: ['polls'], summary: 'A proposal\'s published arguments for and against, most liked first', status: 200, errors: [400, 404] } as const satisfies Operation;

export const submitArgument = { id: 'submitArgument', method: 'POST', path: '/polls/{id}/proposals/{proposalId}/arguments', params: ProposalParams, body: ArgumentInput, response: Argument, idempotent: true,
  tags: ['polls'], summary: 'Add an argument for or against a proposal', status: 201, errors: [400, 404, 409, 413, 422, 429] } as const satisfies Operation;

export const likeArgument = { id: 'likeArgument', method: 'PUT', path: '/polls/{id}/arguments/{argumentId}/likes/{participant}', params: LikeParams, response: LikeResult, idempotent: true,
  tags: ['polls'], summary: 'Like an argument (once per participant)', status: 200, errors: [400, 404, 409, 422, 429] } as const satisfies Operation;

export const unlikeArgument = { id: 'unlikeArgument', method: 'DELETE', path: '/polls/{id}/arguments/{argumentId}/likes/{participant}', params: LikeParams, response: LikeResult, idempotent: true,
  tags: ['polls'], summary: 'Take a like back', status: 200, errors: [400, 404, 409, 422, 429] } as const satisfies Operation;

export const requestParticipantEmail = { id: 'requestParticipantEmail', method: 'POST', path: '/polls/{id}/participants/{participant}/email', params: BallotParams, body: EmailInput, response: EmailResult, idempotent: true,
  description: 'The address is only mailed to; its keyed hash holds one participant per address. A poll mails an address at most once in ten minutes, whichever participant asks, until its link is followed; a request held back is answered `sent` all the same.',
  tags: ['polls'], summary: 'Polls with confirmEmail: mail the participant a link that makes their votes count', status: 200, errors: [400, 404, 409, 413, 422, 429] } as const satisfies Operation;

export const confirmParticipant = { id: 'confirmParticipant', method: 'POST', path: '/participants/confirm', body: TokenInput, response: ParticipantConfirmed,
  tags: ['polls'], summary: 'Confirm a participant\'s email with the token from the mail: their votes count', status: 200, errors: [400, 404, 413, 429] } as const satisfies Operation;

/** The consultations' operations, in the order of the OpenAPI document (routes.ts merges them). */
export const consultationOperations = {
  listProposals, submitProposal, listArguments, submitArgument, likeArgument, unlikeArgument, requestParticipantEmail,
  confirmParticipant,
};

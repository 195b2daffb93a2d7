/**
 * The organisers' operations (a console session's cookie, or Authorization: Bearer CIVIC_ADMIN_TOKEN):
 * listing, creating, changing and closing each resource, moderation, blocks and exports, each with
 * the least role that may call it. Kept apart from the readers' operations, as their schemas are
 * (admin.ts), so that no widget's file carries them.
 */
import * as z from 'zod/mini';
import { AdminComment, AdminPoll, AdminProposalCreate, ArgumentModerate, BlockInput, BlockList, ComparisonCreate, ComparisonUpdate, ModerationQueue, PetitionCreate, PetitionUpdate, PinInput, PollCreate, PollExport, PollUpdate, ProposalModerate, ThreadCreate, ThreadUpdate } from '../admin.js';
import { CommentQueue, CommentQueueQuery, ComparisonList, PetitionList, PollList, PollQueue, SignerDeleted, SignerPage, SignerQuery, ThreadList, ThreadStatusInput } from '../lists.js';
import { CommentDeleted, Thread } from '../comments.js';
import { Slug } from '../common.js';
import { AnswerAggregate, Comparison } from '../comparison.js';
import { Cursor, IdParams, Limit, NumericParams, type Operation } from '../operation.js';
import { Petition } from '../petition.js';
import { Argument, Proposal } from '../poll.js';
import { ProposalParams } from './polls.js';

/** A comparison of 12 parties on 40 statements, each position with a quote and a source, is about 150 kB. */
const COMPARISON_BODY = 1024 * 1024;
const ArgumentParams = z.object({ id: Slug, argumentId: Slug });
const AdminCommentQuery = z.object({
  status: z.optional(z.enum(['pending', 'flagged', 'published', 'rejected', 'deleted'])),
  thread: z.optional(Slug),
  cursor: Cursor,
  limit: Limit,
});
const SignerParams = z.object({ id: Slug, signatureId: NumericParams.shape.id });
const AdminCommentPage = z.object({ items: z.array(AdminComment), nextCursor: z.nullable(z.string()), total: z.number() });

export const createPetition = { id: 'createPetition', method: 'POST', path: '/admin/petitions', body: PetitionCreate, response: Petition,
  tags: ['admin'], summary: 'Create a petition', status: 201, errors: [400, 401, 403, 409, 413], role: 'editor' } as const satisfies Operation;

export const updatePetition = { id: 'updatePetition', method: 'PATCH', path: '/admin/petitions/{id}', params: IdParams, body: PetitionUpdate, response: Petition,
  tags: ['admin'], summary: 'Change a petition (any subset of fields)', status: 200, errors: [400, 401, 403, 404, 413], role: 'editor' } as const satisfies Operation;

export const closePetition = { id: 'closePetition', method: 'POST', path: '/admin/petitions/{id}/close', params: IdParams, response: Petition,
  tags: ['admin'], summary: 'Close a petition: it no longer accepts signatures', status: 200, errors: [400, 401, 403, 404], role: 'editor' } as const satisfies Operation;

export const exportSignatures = { id: 'exportSignatures', method: 'GET', path: '/admin/petitions/{id}/signatures.csv', params: IdParams,
  tags: ['admin'], summary: 'Every signature of a petition as CSV (UTF-8 with BOM, header row)', produces: 'text/csv', status: 200, errors: [400, 401, 403, 404], role: 'editor' } as const satisfies Operation;

export const listPetitions = { id: 'listPetitions', method: 'GET', path: '/admin/petitions', response: PetitionList,
  tags: ['admin'], summary: 'Every petition, newest first, with its confirmed count and the signatures awaiting confirmation', status: 200, errors: [401, 403], role: 'signed-in' } as const satisfies Operation;

export const reopenPetition = { id: 'reopenPetition', method: 'POST', path: '/admin/petitions/{id}/reopen', params: IdParams, response: Petition,
  tags: ['admin'], summary: 'Reopen a closed petition (its closing date, if passed, is cleared)', status: 200, errors: [400, 401, 403, 404], role: 'editor' } as const satisfies Operation;

export const listSigners = { id: 'listSigners', method: 'GET', path: '/admin/petitions/{id}/signatures', params: IdParams, query: SignerQuery, response: SignerPage,
  tags: ['admin'], summary: 'A page of a petition\u2019s signatures, newest first: a search in names and emails, the confirmation state', status: 200, errors: [400, 401, 403, 404], role: 'editor' } as const satisfies Operation;

export const deleteSigner = { id: 'deleteSigner', method: 'DELETE', path: '/admin/petitions/{id}/signatures/{signatureId}', params: SignerParams, response: SignerDeleted,
  tags: ['admin'], summary: 'Erase a signature (a request for erasure): its data are deleted, the count goes down if it was confirmed', status: 200, errors: [400, 401, 403, 404], role: 'editor' } as const satisfies Operation;

/** The organisers' operations on petitions, in the order of the OpenAPI document (routes.ts merges them). */
export const adminPetitionOperations = { listPetitions, createPetition, updatePetition, closePetition, reopenPetition, listSigners, deleteSigner, exportSignatures };
export const createComparison = { id: 'createComparison', method: 'POST', path: '/admin/comparisons', body: ComparisonCreate, response: Comparison,
  tags: ['admin'], summary: 'Create a comparison (statements, parties, positions with their sources)', status: 201, errors: [400, 401, 403, 409, 413], role: 'editor', maxBody: COMPARISON_BODY } as const satisfies Operation;

export const updateComparison = { id: 'updateComparison', method: 'PATCH', path: '/admin/comparisons/{id}', params: IdParams, body: ComparisonUpdate, response: Comparison,
  tags: ['admin'], summary: 'Change a comparison (any subset of fields; a list given replaces the whole list)', status: 200, errors: [400, 401, 403, 404, 413], role: 'editor', maxBody: COMPARISON_BODY } as const satisfies Operation;

export const comparisonAnswers = { id: 'comparisonAnswers', method: 'GET', path: '/admin/comparisons/{id}/answers', params: IdParams, response: AnswerAggregate,
  tags: ['admin'], summary: 'What readers answered, statement by statement (the opt-in anonymous answers, aggregated)', status: 200, errors: [400, 401, 403, 404], role: 'editor' } as const satisfies Operation;

export const listComparisons = { id: 'listComparisons', method: 'GET', path: '/admin/comparisons', response: ComparisonList,
  tags: ['admin'], summary: 'Every comparison, last changed first, with its size and the answers it collected', status: 200, errors: [401, 403], role: 'signed-in' } as const satisfies Operation;

/** The organisers' operations on comparisons, in the order of the OpenAPI document (routes.ts merges them). */
export const adminComparisonOperations = { listComparisons, createComparison, updateComparison, comparisonAnswers };
export const createThread = { id: 'createThread', method: 'POST', path: '/admin/threads', body: ThreadCreate, response: Thread,
  tags: ['admin'], summary: 'Create a comment thread', status: 201, errors: [400, 401, 403, 409, 413], role: 'editor' } as const satisfies Operation;

export const updateThread = { id: 'updateThread', method: 'PATCH', path: '/admin/threads/{id}', params: IdParams, body: ThreadUpdate, response: Thread,
  tags: ['admin'], summary: 'Change a thread (any subset of fields): moderation mode, status, depth, edit window', status: 200, errors: [400, 401, 403, 404, 409, 413], role: 'editor' } as const satisfies Operation;

export const adminComments = { id: 'adminComments', method: 'GET', path: '/admin/comments', query: AdminCommentQuery, response: AdminCommentPage,
  tags: ['admin'], summary: 'Comments to moderate, newest first: pending (default), flagged (most reported first), or any status', status: 200, errors: [400, 401], role: 'moderator' } as const satisfies Operation;

export const approveComment = { id: 'approveComment', method: 'POST', path: '/admin/comments/{id}/approve', params: NumericParams, response: AdminComment,
  tags: ['admin'], summary: 'Publish a pending (or rejected) comment, or clear the reports of a published one', status: 200, errors: [400, 401, 403, 404, 409], role: 'moderator' } as const satisfies Operation;

export const rejectComment = { id: 'rejectComment', method: 'POST', path: '/admin/comments/{id}/reject', params: NumericParams, response: AdminComment,
  tags: ['admin'], summary: 'Reject a comment: hidden from everyone (its replies stay, under a placeholder)', status: 200, errors: [400, 401, 403, 404, 409], role: 'moderator' } as const satisfies Operation;

export const adminDeleteComment = { id: 'adminDeleteComment', method: 'DELETE', path: '/admin/comments/{id}', params: NumericParams, response: CommentDeleted,
  tags: ['admin'], summary: 'Delete a comment: its text and author are erased (a placeholder stays if replies hang under it)', status: 200, errors: [400, 401, 403, 404], role: 'moderator' } as const satisfies Operation;

export const pinComment = { id: 'pinComment', method: 'POST', path: '/admin/comments/{id}/pin', params: NumericParams, body: PinInput, response: AdminComment,
  tags: ['admin'], summary: 'Pin a top-level comment to the top of its thread, or unpin it', status: 200, errors: [400, 401, 403, 404, 409, 413], role: 'moderator' } as const satisfies Operation;

export const listBlocks = { id: 'listBlocks', method: 'GET', path: '/admin/blocks', response: BlockList,
  tags: ['admin'], summary: 'The blocked emails and addresses (as their kind and note: only hashes are stored)', status: 200, errors: [401, 403], role: 'moderator' } as const satisfies Operation;

export const createBlock = { id: 'createBlock', method: 'POST', path: '/admin/blocks', body: BlockInput, response: BlockList,
  tags: ['admin'], summary: 'Block an email, an IP address, or the email and address a comment came from', status: 201, errors: [400, 401, 403, 404, 413], role: 'moderator' } as const satisfies Operation;

export const deleteBlock = { id: 'deleteBlock', method: 'DELETE', path: '/admin/blocks/{id}', params: NumericParams, response: BlockList,
  tags: ['admin'], summary: 'Lift a block', status: 200, errors: [400, 401, 403, 404], role: 'moderator' } as const satisfies Operation;

export const listThreads = { id: 'listThreads', method: 'GET', path: '/admin/threads', response: ThreadList,
  tags: ['admin'], summary: 'Every comment thread, newest first, with the comments held and reported in it', status: 200, errors: [401, 403], role: 'signed-in' } as const satisfies Operation;

export const setThreadStatus = { id: 'setThreadStatus', method: 'PUT', path: '/admin/threads/{id}/status', params: IdParams, body: ThreadStatusInput, response: Thread,
  tags: ['admin'], summary: 'Close a thread (comments stay, no new ones) or open it again', status: 200, errors: [400, 401, 403, 404, 413], role: 'moderator' } as const satisfies Operation;

export const commentQueue = { id: 'commentQueue', method: 'GET', path: '/admin/queue/comments', query: CommentQueueQuery, response: CommentQueue,
  tags: ['admin'], summary: 'The moderation queue across threads, oldest first: held and reported comments, each with its thread, the comment it answers and its author\u2019s other comments', status: 200, errors: [400, 401, 403], role: 'moderator' } as const satisfies Operation;


/** The organisers' operations on comment threads, comments and blocks, in the order of the OpenAPI document (routes.ts merges them). */
export const adminCommentOperations = {
  listThreads, createThread, updateThread, setThreadStatus, commentQueue, adminComments, approveComment, rejectComment,
  adminDeleteComment, pinComment, listBlocks, createBlock, deleteBlock,
};
export const createPoll = { id: 'createPoll', method: 'POST', path: '/admin/polls', body: PollCreate, response: AdminPoll,
  tags: ['admin'], summary: 'Create a poll (quick poll or consultation)', status: 201, errors: [400, 401, 403, 409, 413], role: 'editor' } as const satisfies Operation;

export const updatePoll = { id: 'updatePoll', method: 'PATCH', path: '/admin/polls/{id}', params: IdParams, body: PollUpdate, response: AdminPoll,
  tags: ['admin'], summary: 'Change a poll (any subset of fields; themes and options replace the lists)', status: 200, errors: [400, 401, 403, 404, 409, 413], role: 'editor' } as const satisfies Operation;

export const closePoll = { id: 'closePoll', method: 'POST', path: '/admin/polls/{id}/close', params: IdParams, response: AdminPoll,
  tags: ['admin'], summary: 'Close a poll: votes, proposals and arguments are no longer taken; results are final', status: 200, errors: [400, 401, 403, 404], role: 'editor' } as const satisfies Operation;

export const createProposal = { id: 'createProposal', method: 'POST', path: '/admin/polls/{id}/proposals', params: IdParams, body: AdminProposalCreate, response: Proposal, idempotent: true,
  tags: ['admin'], summary: 'Add a proposal as the organiser (published at once)', status: 201, errors: [400, 401, 403, 404, 409, 413, 422], role: 'editor' } as const satisfies Operation;

export const moderationQueue = { id: 'moderationQueue', method: 'GET', path: '/admin/polls/{id}/pending', params: IdParams, response: ModerationQueue,
  tags: ['admin'], summary: 'Proposals and arguments waiting for a moderator', status: 200, errors: [400, 401, 403, 404], role: 'moderator' } as const satisfies Operation;

export const moderateProposal = { id: 'moderateProposal', method: 'PATCH', path: '/admin/polls/{id}/proposals/{proposalId}', params: ProposalParams, body: ProposalModerate, response: Proposal,
  tags: ['admin'], summary: 'Publish, reject or edit a proposal', status: 200, errors: [400, 401, 403, 404, 413], role: 'moderator' } as const satisfies Operation;

export const moderateArgument = { id: 'moderateArgument', method: 'PATCH', path: '/admin/polls/{id}/arguments/{argumentId}', params: ArgumentParams, body: ArgumentModerate, response: Argument,
  tags: ['admin'], summary: 'Publish or reject an argument', status: 200, errors: [400, 401, 403, 404, 413], role: 'moderator' } as const satisfies Operation;

export const exportPollJson = { id: 'exportPollJson', method: 'GET', path: '/admin/polls/{id}/results.json', params: IdParams, response: PollExport,
  tags: ['admin'], summary: 'Every result of a poll, whatever their visibility, with its published proposals', status: 200, errors: [400, 401, 403, 404], role: 'editor' } as const satisfies Operation;

export const exportPollCsv = { id: 'exportPollCsv', method: 'GET', path: '/admin/polls/{id}/results.csv', params: IdParams,
  tags: ['admin'], summary: 'Every result of a poll as CSV: one row per subject and choice (UTF-8 with BOM, header row)', produces: 'text/csv', status: 200, errors: [400, 401, 403, 404], role: 'editor' } as const satisfies Operation;

export const listPolls = { id: 'listPolls', method: 'GET', path: '/admin/polls', response: PollList,
  tags: ['admin'], summary: 'Every poll and consultation, last changed first, with its participants and what waits for a moderator', status: 200, errors: [401, 403], role: 'signed-in' } as const satisfies Operation;

export const pollQueue = { id: 'pollQueue', method: 'GET', path: '/admin/queue/proposals', response: PollQueue,
  tags: ['admin'], summary: 'The moderation queue across polls, oldest first: participants\u2019 proposals and arguments waiting for a moderator, each with its poll (and an argument with its proposal); at most 200, with the total', status: 200, errors: [401, 403], role: 'moderator' } as const satisfies Operation;

/** The organisers' operations on polls, proposals and arguments, in the order of the OpenAPI document (routes.ts merges them). */
export const adminPollOperations = {
  listPolls, createPoll, updatePoll, closePoll, createProposal, moderationQueue, pollQueue, moderateProposal, moderateArgument, exportPollJson,
  exportPollCsv,
};

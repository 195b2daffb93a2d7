/** The comment threads' operations: reading, posting, the author's edits, likes, reports and live events. */
import * as z from 'zod/mini';
import {
  Challenge, Comment, CommentCreated, CommentDelete, CommentDeleted, CommentEdit, CommentEvent, CommentInput,
  CommentList, CommentPage, FlagInput, FlagResult, LikeInput, LikeResult, MentionPage, MineInput, Thread,
} from '../comments.js';
import { Cursor, IdParams, Limit, NumericParams, type Operation } from '../operation.js';

const CommentQuery = z.object({ sort: z.optional(z.enum(['oldest', 'newest', 'likes'])), cursor: Cursor, limit: Limit });
const MentionQuery = z.object({ cursor: Cursor, limit: Limit });

export const getThread = { id: 'getThread', method: 'GET', path: '/threads/{id}', params: IdParams, response: Thread,
  tags: ['comments'], summary: 'A comment thread: status, moderation mode, counts, reply depth, edit window, challenge', status: 200, errors: [400, 404] } as const satisfies Operation;

export const listComments = { id: 'listComments', method: 'GET', path: '/threads/{id}/comments', params: IdParams, query: CommentQuery, response: CommentPage,
  description: 'Pinned comments come first on the first page. `limit` counts top-level comments (default 20). `total` is the thread\'s published comments.',
  tags: ['comments'], summary: 'A page of top-level published comments, each followed by its replies (depth-first, oldest first)', status: 200, errors: [400, 404] } as const satisfies Operation;

export const postComment = { id: 'postComment', method: 'POST', path: '/threads/{id}/comments', params: IdParams, body: CommentInput, response: CommentCreated, idempotent: true,
  tags: ['comments'], summary: 'Post a comment or a reply; answers it with its edit token (pending when it awaits moderation)', status: 201, errors: [400, 403, 404, 409, 413, 422, 429] } as const satisfies Operation;

export const myComments = { id: 'myComments', method: 'POST', path: '/threads/{id}/comments/mine', params: IdParams, body: MineInput, response: CommentList,
  tags: ['comments'], summary: 'The comments that these edit tokens own, pending ones included (for their author)', status: 200, errors: [400, 404, 413, 429] } as const satisfies Operation;

export const getChallenge = { id: 'getChallenge', method: 'GET', path: '/threads/{id}/challenge', params: IdParams, response: Challenge,
  tags: ['comments'], summary: 'A proof-of-work challenge to solve before posting (see the Challenge schema)', status: 200, errors: [400, 404, 429] } as const satisfies Operation;

export const listMentions = { id: 'listMentions', method: 'GET', path: '/threads/{id}/mentions', params: IdParams, query: MentionQuery, response: MentionPage,
  tags: ['comments'], summary: 'Verified pingbacks and webmentions of the thread\'s page, newest first', status: 200, errors: [400, 404] } as const satisfies Operation;

export const threadEvents = { id: 'threadEvents', method: 'GET', path: '/threads/{id}/events', params: IdParams, response: CommentEvent,
  tags: ['comments'], summary: 'Server-sent events: the thread on connect, then each comment published, edited or deleted', produces: 'text/event-stream', status: 200, errors: [400, 404] } as const satisfies Operation;

export const editComment = { id: 'editComment', method: 'PATCH', path: '/comments/{id}', params: NumericParams, body: CommentEdit, response: Comment, idempotent: true,
  tags: ['comments'], summary: 'Change a comment with its edit token, within the edit window', status: 200, errors: [400, 403, 404, 409, 413, 422, 429] } as const satisfies Operation;

export const deleteComment = { id: 'deleteComment', method: 'DELETE', path: '/comments/{id}', params: NumericParams, body: CommentDelete, response: CommentDeleted, idempotent: true,
  tags: ['comments'], summary: 'Delete a comment with its edit token, within the edit window (its text and author are erased)', status: 200, errors: [400, 403, 404, 413, 422, 429] } as const satisfies Operation;

export const likeComment = { id: 'likeComment', method: 'POST', path: '/comments/{id}/likes', params: NumericParams, body: LikeInput, response: LikeResult, idempotent: true,
  tags: ['comments'], summary: 'Like a comment once per reader token (or take the like back with liked: false)', status: 200, errors: [400, 404, 409, 413, 422, 429] } as const satisfies Operation;

export const flagComment = { id: 'flagComment', method: 'POST', path: '/comments/{id}/flags', params: NumericParams, body: FlagInput, response: FlagResult, idempotent: true,
  tags: ['comments'], summary: 'Report a comment to the moderators, once per reader token', status: 200, errors: [400, 404, 413, 422, 429] } as const satisfies Operation;

/** The comment threads' operations, in the order of the OpenAPI document (routes.ts merges them). */
export const commentOperations = {
  getThread, listComments, postComment, myComments, getChallenge, listMentions, threadEvents, editComment, deleteComment,
  likeComment, flagComment,
};

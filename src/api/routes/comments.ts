/** The comment threads' operations: reading, posting, the author's edits, likes, reports and live events. */
import * as z from 'zod/mini';
import {
  Challenge,
  Comment,
  CommentCreated,
  CommentDelete,
  CommentDeleted,
  CommentEdit,
  CommentEvent,
  CommentInput,
  CommentList,
  CommentPage,
  FlagInput,
  FlagResult,
  LikeInput,
  LikeResult,
  MentionPage,
  MineInput,
  Thread,
} from '../comments.js';
import { Cursor, IdParams, Limit, NumericParams, type Operation } from '../operation.js';

const CommentQuery = z.object({ sort: z.optional(z.enum(['oldest', 'newest', 'likes'])), cursor: Cursor, limit: Limit });
const MentionQuery = z.object({ cursor: Cursor, limit: Limit });

export const getThread = {
  id: 'getThread', method: 'GET', path: '/threads/{id}', tags: ['comments'],
  summary: 'A comment thread: status, moderation mode, counts, reply depth, edit window, challenge',
  params: IdParams, response: Thread, status: 200, errors: [400, 404],
} as const satisfies Operation;

export const listComments = {
  id: 'listComments', method: 'GET', path: '/threads/{id}/comments', tags: ['comments'],
  summary: 'A page of top-level published comments, each followed by its replies (depth-first, oldest first)',
  description: 'Pinned comments come first on the first page. `limit` counts top-level comments (default 20). `total` is the thread\'s published comments.',
  params: IdParams, query: CommentQuery, response: CommentPage, status: 200, errors: [400, 404],
} as const satisfies Operation;

export const postComment = {
  id: 'postComment', method: 'POST', path: '/threads/{id}/comments', tags: ['comments'],
  summary: 'Post a comment or a reply; answers it with its edit token (pending when it awaits moderation)',
  params: IdParams, body: CommentInput, response: CommentCreated, status: 201, errors: [400, 403, 404, 409, 413, 429], idempotent: true,
} as const satisfies Operation;

export const myComments = {
  id: 'myComments', method: 'POST', path: '/threads/{id}/comments/mine', tags: ['comments'],
  summary: 'The comments that these edit tokens own, pending ones included (for their author)',
  params: IdParams, body: MineInput, response: CommentList, status: 200, errors: [400, 404, 413, 429],
} as const satisfies Operation;

export const getChallenge = {
  id: 'getChallenge', method: 'GET', path: '/threads/{id}/challenge', tags: ['comments'],
  summary: 'A proof-of-work challenge to solve before posting (see the Challenge schema)',
  params: IdParams, response: Challenge, status: 200, errors: [400, 404, 429],
} as const satisfies Operation;

export const listMentions = {
  id: 'listMentions', method: 'GET', path: '/threads/{id}/mentions', tags: ['comments'],
  summary: 'Verified pingbacks and webmentions of the thread\'s page, newest first',
  params: IdParams, query: MentionQuery, response: MentionPage, status: 200, errors: [400, 404],
} as const satisfies Operation;

export const threadEvents = {
  id: 'threadEvents', method: 'GET', path: '/threads/{id}/events', tags: ['comments'],
  summary: 'Server-sent events: the thread on connect, then each comment published, edited or deleted',
  params: IdParams, response: CommentEvent, produces: 'text/event-stream', status: 200, errors: [400, 404],
} as const satisfies Operation;

export const editComment = {
  id: 'editComment', method: 'PATCH', path: '/comments/{id}', tags: ['comments'],
  summary: 'Change a comment with its edit token, within the edit window',
  params: NumericParams, body: CommentEdit, response: Comment, status: 200, errors: [400, 403, 404, 409, 413, 429], idempotent: true,
} as const satisfies Operation;

export const deleteComment = {
  id: 'deleteComment', method: 'DELETE', path: '/comments/{id}', tags: ['comments'],
  summary: 'Delete a comment with its edit token, within the edit window (its text and author are erased)',
  params: NumericParams, body: CommentDelete, response: CommentDeleted, status: 200, errors: [400, 403, 404, 413, 429], idempotent: true,
} as const satisfies Operation;

export const likeComment = {
  id: 'likeComment', method: 'POST', path: '/comments/{id}/likes', tags: ['comments'],
  summary: 'Like a comment once per reader token (or take the like back with liked: false)',
  params: NumericParams, body: LikeInput, response: LikeResult, status: 200, errors: [400, 404, 409, 413, 429], idempotent: true,
} as const satisfies Operation;

export const flagComment = {
  id: 'flagComment', method: 'POST', path: '/comments/{id}/flags', tags: ['comments'],
  summary: 'Report a comment to the moderators, once per reader token',
  params: NumericParams, body: FlagInput, response: FlagResult, status: 200, errors: [400, 404, 413, 429], idempotent: true,
} as const satisfies Operation;

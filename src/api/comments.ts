/** The comment-thread resource: threads, comments, replies and mentions (pingbacks, webmentions). */
import * as z from 'zod/mini';
import { Count, Email, Honeypot, HttpUrl, Id, OpenStatus, Timestamp, line, page } from './common.js';

export const Moderation = z.enum(['post', 'pre', 'first-time']);
export const CommentStatus = z.enum(['published', 'pending', 'rejected', 'deleted']);
export const CommentSort = z.enum(['oldest', 'newest', 'likes']);

export const Thread = z.object({
  id: Id,
  /** The page the thread belongs to (webmentions target it; imports map posts to threads by it). */
  url: z.nullable(z.string()),
  title: z.string(),
  status: OpenStatus,
  moderation: Moderation,
  /** Published comments, replies included. */
  commentCount: Count,
  /** Replies deeper than this stay at the last level and say whom they answer. */
  maxDepth: z.int().check(z.minimum(1), z.maximum(10)),
  /** How long an author may edit or delete their own comment. */
  editWindowSeconds: Count,
  createdAt: Timestamp,
});

export const CommentAuthor = z.object({
  name: z.string(),
  website: z.nullable(z.string()),
});

export const Comment = z.object({
  id: Id,
  threadId: Id,
  parentId: z.nullable(Id),
  /** Name of the author of the comment replied to, for replies flattened at the last level. */
  replyToName: z.nullable(z.string()),
  author: CommentAuthor,
  /** Markdown subset source; rendered by a parser, never as HTML. */
  body: z.string(),
  status: CommentStatus,
  depth: Count,
  likeCount: Count,
  pinned: z.boolean(),
  createdAt: Timestamp,
  editedAt: z.nullable(Timestamp),
});

export const CommentInput = z.object({
  parentId: z.optional(z.nullable(Id)),
  name: line(80),
  email: z.optional(z.union([z.literal(''), Email])),
  website: z.optional(z.union([z.literal(''), HttpUrl])),
  body: line(5000),
  /** Email me when someone replies (needs an email). */
  notifyReplies: z.optional(z.boolean()),
  hp: Honeypot,
  /** A solved challenge (proof of work) when the server asks for one. */
  challenge: z.optional(z.string().check(z.maxLength(2000))),
});

export const CommentEdit = z.object({ body: line(5000) });

/** What the author keeps to edit or delete their comment during the edit window. */
export const CommentCreated = z.object({
  comment: Comment,
  editToken: z.string(),
  editableUntil: Timestamp,
});

export const MentionKind = z.enum(['pingback', 'webmention', 'trackback']);
export const Mention = z.object({
  id: Id,
  threadId: Id,
  kind: MentionKind,
  sourceUrl: z.string(),
  title: z.string(),
  site: z.string(),
  publishedAt: Timestamp,
});

export const CommentPage = page(Comment);
export const MentionList = z.object({ items: z.array(Mention) });

export const CommentEvent = z.object({
  type: z.enum(['comment.created', 'comment.updated', 'comment.deleted']),
  comment: Comment,
  commentCount: Count,
});

export type Thread = z.infer<typeof Thread>;
export type Comment = z.infer<typeof Comment>;
export type CommentInput = z.input<typeof CommentInput>;
export type CommentCreated = z.infer<typeof CommentCreated>;
export type CommentSort = z.infer<typeof CommentSort>;
export type Mention = z.infer<typeof Mention>;
export type CommentEvent = z.infer<typeof CommentEvent>;

/**
 * The comment-thread resource: threads, comments and replies, likes, flags, mentions (pingbacks and
 * webmentions) and the proof-of-work challenge.
 *
 * - A thread belongs to one page (`url`); comments are created by readers, ids by the server.
 * - Replies: `depth` 0 is a top-level comment; a reply is one deeper than its parent, up to the
 *   thread's `maxDepth`. A reply to a comment already at `maxDepth` stays at `maxDepth` and carries
 *   `replyToName`, the name of the author it answers (WordPress's flattening).
 * - A list page holds top-level comments, each followed by its whole subtree in depth-first order,
 *   replies oldest first whatever the sort; pinned comments come first on the first page.
 * - Bodies are markdown-subset source text (paragraphs, emphasis, links, inline code, code blocks,
 *   quotes, lists): widgets render them with a parser, never as HTML.
 * - A comment awaiting moderation (`pending`) is shown to its author only: `post` answers it with
 *   its edit token, and `mine` lists it again for whoever holds that token.
 */
import * as z from 'zod/mini';
import { Count, Honeypot, Id, OpenStatus, Timestamp, line, oneOf, page } from './common.js';

/** `post`: published at once; `pre`: every comment waits for a moderator; `first-time`: only comments from an email never published before wait. */
export const Moderation = /* @__PURE__ */ oneOf(['post', 'pre', 'first-time']);
export type Moderation = z.infer<typeof Moderation>;
/** `deleted`: a placeholder kept (empty name and body) because published replies hang under it. */
export const CommentStatus = /* @__PURE__ */ oneOf(['published', 'pending', 'deleted']);
export type CommentStatus = z.infer<typeof CommentStatus>;
/** The orders of top-level comments (replies are always oldest first). */
export type CommentSort = 'oldest' | 'newest' | 'likes';

/** The longest text each field of a comment accepts (the schemas below and the form's counters). */
export const COMMENT_LIMITS = { name: 80, email: 254, website: 300, body: 5000 } as const;
const L = COMMENT_LIMITS;

export const Thread = z.object({
  id: Id,
  /** The page the thread belongs to (webmentions target it; imports map posts to threads by it). */
  url: z.nullable(z.string()),
  title: z.string(),
  /** `closed`: comments are shown, no new ones are accepted (nor likes, edits or replies). */
  status: OpenStatus,
  moderation: Moderation,
  /** Published comments, replies included (deleted placeholders are not counted). */
  commentCount: Count,
  /** Pingbacks and webmentions. */
  mentionCount: Count,
  /** The deepest reply level shown (default 3); deeper replies stay at this level. */
  maxDepth: Count,
  /** How long an author may edit or delete their own comment (default 900 s, 0: never). */
  editWindowSeconds: Count,
  /** Posting needs a solved challenge from `challenge()` in `CommentInput.challenge`. */
  challenge: z.boolean(),
  createdAt: Timestamp,
});
export type Thread = z.infer<typeof Thread>;

export const Comment = z.object({
  id: Id,
  threadId: Id,
  /** The comment replied to (the real parent, whatever the depth shown). */
  parentId: z.nullable(Id),
  /** The depth shown: 0 for top-level, at most the thread's `maxDepth`. */
  depth: Count,
  /** For a reply flattened at `maxDepth`: the name of the author it answers; else null. */
  replyToName: z.nullable(z.string()),
  author: z.object({
    name: z.string(),
    /** An http(s) URL the author gave; widgets link it with rel="nofollow ugc noopener". */
    website: z.nullable(z.string()),
  }),
  /** Markdown-subset source; rendered by a parser, never as HTML. */
  body: z.string(),
  status: CommentStatus,
  likeCount: Count,
  /** Pinned to the top of the thread by a moderator (top-level comments only). */
  pinned: z.boolean(),
  createdAt: Timestamp,
  /** The last edit by its author, if any. */
  editedAt: z.nullable(Timestamp),
});
export type Comment = z.infer<typeof Comment>;

/** An optional http(s) URL ('' means none): a pattern, not `z.url()`, which costs widget bundles. */
const Website = /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(z.maxLength(L.website), z.regex(/^(https?:\/\/[^\s/?#]+\S*)?$/i)));
/** An optional email ('' means none). */
const OptionalEmail = /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(z.maxLength(L.email), z.regex(new RegExp(`^$|${z.regexes.email.source}`))));

/** What a reader submits: a comment, or a reply with `parentId`. */
export const CommentInput = /* @__PURE__ */ z.object({
  parentId: z.optional(z.nullable(Id)),
  name: /* @__PURE__ */ line(L.name),
  /** Never shown: for moderation (`first-time`) and reply notifications. */
  email: OptionalEmail,
  website: Website,
  body: /* @__PURE__ */ line(L.body),
  /** Mail me when someone replies (needs `email`); each mail has an unsubscribe link. */
  notifyReplies: z.optional(z.boolean()),
  hp: Honeypot,
  /** A solved challenge (see `Challenge`), when the thread says `challenge: true`. */
  challenge: z.optional(/* @__PURE__ */ z.string().check(z.maxLength(1000))),
});
export type CommentInput = z.input<typeof CommentInput>;

/** What `post` answers: the comment (`pending` or `published`) and what its author keeps to edit it. */
export const CommentCreated = z.object({
  comment: Comment,
  /**
   * Kept by the author's browser: edits and deletes while `editableUntil` has not passed, and lists
   * the comment with `mine` (pending ones included) at any time. The server keeps only its hash.
   */
  editToken: z.string(),
  editableUntil: Timestamp,
});
export type CommentCreated = z.infer<typeof CommentCreated>;

/** The author's edit token, as sent back to the server. */
const EditToken = /* @__PURE__ */ z.string().check(z.regex(/^[\w-]{16,200}$/));
/** Change a comment's body (author, within the edit window). */
export const CommentEdit = /* @__PURE__ */ z.object({ editToken: EditToken, body: /* @__PURE__ */ line(L.body) });
export type CommentEdit = z.input<typeof CommentEdit>;
/** Delete a comment (author, within the edit window). */
export const CommentDelete = /* @__PURE__ */ z.object({ editToken: EditToken });
export type CommentDelete = z.input<typeof CommentDelete>;
export const CommentDeleted = z.object({ id: Id, commentCount: Count });
export type CommentDeleted = z.infer<typeof CommentDeleted>;
/** Up to 50 edit tokens kept by a browser: `mine` answers the comments they own. */
export const MineInput = /* @__PURE__ */ z.object({ tokens: /* @__PURE__ */ z.array(EditToken).check(z.maxLength(50)) });
export const CommentList = z.object({ items: z.array(Comment) });

/**
 * The anonymous reader token: a random string a browser generates once and keeps (localStorage),
 * sent with likes and flags so that each counts once per reader. The server keeps only its hash,
 * and also allows only a few per IP address for one comment.
 */
const Reader = /* @__PURE__ */ z.string().check(z.regex(/^[\w-]{16,100}$/));
/** Like (`liked` true or left out) or take a like back (`liked: false`). */
export const LikeInput = /* @__PURE__ */ z.object({ reader: Reader, liked: z.optional(z.boolean()) });
export type LikeInput = z.input<typeof LikeInput>;
export { LikeResult } from './common.js';
/** Why a reader reports a comment (what people send: checked, with a pattern rather than a costlier enum). */
export const FlagReason = /* @__PURE__ */ oneOf(['spam', 'abuse', 'off-topic', 'other']).check(z.regex(/^(spam|abuse|off-topic|other)$/));
export type FlagReason = z.infer<typeof FlagReason>;
/** Report a comment to the moderators (once per reader). */
export const FlagInput = /* @__PURE__ */ z.object({ reader: Reader, reason: z.optional(FlagReason) });
export type FlagInput = z.input<typeof FlagInput>;
export const FlagResult = z.object({ flagged: z.boolean() });
export type FlagResult = z.infer<typeof FlagResult>;

/** The proof-of-work hand-shake of threads that ask for it (see `Challenge` in common.ts). */
export { Challenge } from './challenge.js';

export const MentionKind = /* @__PURE__ */ oneOf(['pingback', 'webmention', 'trackback']);
export type MentionKind = z.infer<typeof MentionKind>;
/** A page elsewhere that cites the thread's page (shown apart from the conversation). */
export const Mention = z.object({
  id: Id,
  threadId: Id,
  kind: MentionKind,
  sourceUrl: z.string(),
  /** The citing page's title (its URL when it has none). */
  title: z.string(),
  /** The citing site's host name (`exemple.org`). */
  site: z.string(),
  publishedAt: Timestamp,
});
export type Mention = z.infer<typeof Mention>;

/** Top-level comments with their replies (see the top of this file); `total` is the thread's `commentCount`. */
export const CommentPage = page(Comment);
export type CommentPage = z.infer<typeof CommentPage>;
export const MentionPage = page(Mention);
export type MentionPage = z.infer<typeof MentionPage>;

/**
 * The live event sent on a thread's stream. On connect, and whenever the thread itself changes:
 * `thread` (the counts and status). Then one per change another reader may see: `created` (a
 * comment published, including an approved one), `updated` (edited, pinned, liked), `deleted`
 * (`comment` is its placeholder, or only its id matters), `mention`. Pending comments never appear.
 */
export const CommentEvent = z.object({
  type: /* @__PURE__ */ oneOf(['thread', 'created', 'updated', 'deleted', 'mention']),
  commentCount: Count,
  mentionCount: Count,
  status: OpenStatus,
  comment: z.optional(Comment),
  mention: z.optional(Mention),
});
export type CommentEvent = z.infer<typeof CommentEvent>;


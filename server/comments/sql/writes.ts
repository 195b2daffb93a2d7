/**
 * The comments' SQL for what readers write: posting, editing and deleting their own comments, likes,
 * reports, spent challenges, reply mails and their unsubscribe links.
 */
import type { Locale } from '../../../src/api/petition.js';
import type { Queryable, Row } from '../../db/db.js';
import { COMMENT_COLUMNS, COMMENT_FROM, type CommentRow } from './comments.js';
import type { ThreadRow } from './threads.js';

/** What posting needs to know, in one query: the thread, an earlier answer to the key, blocks, a known author, the parent. */
export interface PostingInfo extends ThreadRow {
  /** The comment this Idempotency-Key made already. */
  replay: string | null;
  /** Whether the email or the address is blocked. */
  blocked: boolean;
  /** Whether this email has had a comment published before. */
  known: boolean;
  parent_id: string | null;
  parent_level: number | null;
  parent_root: string | null;
  parent_name: string | null;
}

export async function postingInfo(q: Queryable, threadId: string, key: string | null, hashes: string[], emailHash: string | null, parentId: string | null): Promise<PostingInfo | undefined> {
  const [t] = await q.query<PostingInfo>(
    `SELECT t.id, t.status, t.moderation, t.edit_window_seconds, t.max_depth, r.id::text AS replay,
            EXISTS (SELECT 1 FROM comment_blocks b WHERE b.hash = ANY($3::text[])) AS blocked,
            ($4::text IS NOT NULL AND EXISTS (SELECT 1 FROM comments k WHERE k.email_hash = $4 AND k.status = 'published')) AS known,
            p.id::text AS parent_id, p.level AS parent_level, p.root_id::text AS parent_root, p.name AS parent_name
       FROM comment_threads t
       LEFT JOIN comments r ON r.thread_id = t.id AND r.idempotency_key = $2
       LEFT JOIN comments p ON p.id = $5::bigint AND p.thread_id = t.id AND p.status = 'published'
      WHERE t.id = $1`,
    [threadId, key, hashes, emailHash, parentId],
  );
  return t;
}

/** A comment as posted. */
export interface NewComment {
  threadId: string;
  parentId: string | null;
  rootId: string | null;
  level: number;
  name: string;
  email: string | null;
  emailHash: string | null;
  ipHash: string;
  website: string | null;
  body: string;
  status: 'published' | 'pending';
  notifyReplies: boolean;
  editHash: string;
  key: string | null;
  /** When it is posted (and published, if it is). */
  at: Date;
}

/** Inserts a comment; undefined when a concurrent request with its Idempotency-Key won. */
export async function insertComment(q: Queryable, c: NewComment): Promise<{ id: string; created_at: Date } | undefined> {
  const [r] = await q.query<{ id: string; created_at: Date }>(
    `INSERT INTO comments (thread_id, parent_id, root_id, level, name, email, email_hash, ip_hash, website, body, status,
                           notify_replies, edit_hash, idempotency_key, created_at, published_at)
     VALUES ($1, $2::bigint, $3::bigint, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, CASE WHEN $11 = 'published' THEN $15::timestamptz END)
     ON CONFLICT DO NOTHING RETURNING id::text AS id, created_at`,
    [c.threadId, c.parentId, c.rootId, c.level, c.name, c.email, c.emailHash, c.ipHash, c.website, c.body, c.status, c.notifyReplies, c.editHash, c.key, c.at.toISOString()],
  );
  return r;
}

/** The comment this Idempotency-Key made in the thread. */
export async function commentByKey(q: Queryable, threadId: string, key: string | null): Promise<string | undefined> {
  const [r] = await q.query<{ id: string }>('SELECT id::text AS id FROM comments WHERE thread_id = $1 AND idempotency_key = $2', [threadId, key]);
  return r?.id;
}

/** A comment with what its author's edits need: its edit hash and its thread's rules. */
export interface OwnedRow extends CommentRow {
  edit_hash: string | null;
  thread_status: string;
  thread_moderation: string;
  edit_window_seconds: number;
  /** Whether its edit window is still open at the time given. */
  open_for_edit: boolean;
}

/** The comment `id`, locked, with its edit hash and its thread's rules, its edit window judged at `now`. */
export async function lockForEdit(q: Queryable, id: string, now: Date): Promise<OwnedRow | undefined> {
  const [r] = await q.query<OwnedRow>(
    `SELECT ${COMMENT_COLUMNS}, c.edit_hash, t.status AS thread_status, t.moderation AS thread_moderation, t.edit_window_seconds,
            (c.created_at + t.edit_window_seconds * interval '1 second' > $2::timestamptz) AS open_for_edit
       FROM ${COMMENT_FROM} WHERE c.id = $1::bigint FOR UPDATE OF c`,
    [id, now.toISOString()],
  );
  return r;
}

/** New words for a comment; `held`: it waits for a moderator again (and leaves the pins). */
export const setBody = (q: Queryable, id: string, body: string, held: boolean) =>
  q.query(`UPDATE comments SET body = $2, edited_at = now()${held ? `, status = 'pending', published_at = NULL, pinned = false` : ''} WHERE id = $1::bigint`, [id, body]);

/** Erases a comment: its author, email and text go, and its reports; a placeholder stays for its replies. */
export async function eraseComment(q: Queryable, id: string): Promise<void> {
  await q.query(
    `UPDATE comments SET status = 'deleted', name = '', email = NULL, email_hash = NULL, website = NULL, body = '',
            notify_replies = false, pinned = false WHERE id = $1::bigint`,
    [id],
  );
  await q.query('DELETE FROM comment_flags WHERE comment_id = $1::bigint', [id]);
}

export const publishedCount = async (q: Queryable, threadId: string) =>
  (await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM comments WHERE thread_id = $1 AND status = 'published'`, [threadId]))[0]?.n ?? 0;

/** The comment `id`, locked, with its status and its thread's. */
export async function lockComment(q: Queryable, id: string) {
  const [r] = await q.query<{ id: string; thread_id: string; status: string; thread_status: string }>(
    `SELECT c.id::text AS id, c.thread_id, c.status, t.status AS thread_status FROM comments c JOIN comment_threads t ON t.id = c.thread_id
      WHERE c.id = $1::bigint FOR UPDATE OF c`,
    [id],
  );
  return r;
}

/* Likes and reports ----------------------------------------------------------------------------- */

export const hasLiked = async (q: Queryable, id: string, readerHash: string) =>
  (await q.query('SELECT 1 FROM comment_likes WHERE comment_id = $1::bigint AND reader_hash = $2', [id, readerHash])).length > 0;

/** How many of `table`'s rows (likes or reports) the comment has from one address. */
export const countFrom = async (q: Queryable, table: 'comment_likes' | 'comment_flags', id: string, ipHash: string) =>
  (await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE comment_id = $1::bigint AND ip_hash = $2`, [id, ipHash]))[0]?.n ?? 0;

/** Adds the reader's like; 1 when added, 0 when it was there. */
export const addLike = async (q: Queryable, id: string, readerHash: string, ipHash: string) =>
  (await q.query('INSERT INTO comment_likes (comment_id, reader_hash, ip_hash) VALUES ($1::bigint, $2, $3) ON CONFLICT DO NOTHING RETURNING 1', [id, readerHash, ipHash])).length;

/** Takes the reader's like back; 1 when there was one, else 0. */
export const removeLike = async (q: Queryable, id: string, readerHash: string) =>
  (await q.query('DELETE FROM comment_likes WHERE comment_id = $1::bigint AND reader_hash = $2 RETURNING 1', [id, readerHash])).length;

/** Adds `delta` to the like count; the new count. */
export const addToLikes = async (q: Queryable, id: string, delta: number) =>
  (await q.query<{ like_count: number }>('UPDATE comments SET like_count = like_count + $2 WHERE id = $1::bigint RETURNING like_count', [id, delta]))[0]?.like_count ?? 0;

/** Records the reader's report and counts it; false when this reader had reported the comment. */
export async function addFlag(q: Queryable, id: string, readerHash: string, ipHash: string, reason: string): Promise<boolean> {
  const added = await q.query(
    'INSERT INTO comment_flags (comment_id, reader_hash, ip_hash, reason) VALUES ($1::bigint, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING 1',
    [id, readerHash, ipHash, reason],
  );
  if (added.length) await q.query('UPDATE comments SET flag_count = flag_count + 1 WHERE id = $1::bigint', [id]);
  return added.length > 0;
}

/* Challenges ------------------------------------------------------------------------------------ */

/** Records a challenge as used until it expires; false when it was used already. */
export const spendChallengeHash = async (q: Queryable, hash: string, expiresAt: Date) =>
  (await q.query('INSERT INTO comment_challenges (hash, expires_at) VALUES ($1, $2) ON CONFLICT (hash) DO NOTHING RETURNING hash', [hash, expiresAt.toISOString()])).length > 0;

/** Forgets used challenges that have expired (they would be refused as expired anyway). */
export const sweepChallenges = (q: Queryable) => q.query('DELETE FROM comment_challenges WHERE expires_at < now()');

/* Reply mails ----------------------------------------------------------------------------------- */

/** A reply mail owed: the parent's author and the reply. */
export interface DueMail extends Row {
  parent_id: string;
  to: string;
  name: string;
  replier: string;
  body: string;
  title: string;
  url: string | null;
  locale: Locale;
  reply_id: string;
}

/**
 * The mail owed for published reply `replyId`, if any, marked as sent in the same statement (so
 * that a second call, here or in another process, finds nothing).
 */
export async function takeReplyMail(q: Queryable, replyId: string): Promise<DueMail | undefined> {
  const [d] = await q.query<DueMail>(
    `UPDATE comments r SET notified_at = now()
       FROM comments p, comment_threads t
      WHERE r.id = $1::bigint AND r.status = 'published' AND r.notified_at IS NULL
        AND p.id = r.parent_id AND p.status = 'published' AND p.notify_replies AND p.email IS NOT NULL
        AND (r.email_hash IS NULL OR p.email_hash IS NULL OR r.email_hash <> p.email_hash)
        AND t.id = r.thread_id
      RETURNING p.id::text AS parent_id, p.email AS to, p.name, r.name AS replier, r.body, t.title, t.url, t.locale, r.id::text AS reply_id`,
    [replyId],
  );
  return d;
}

/** The thread's title and language of a comment not deleted (for its unsubscribe page). */
export async function unsubscribeInfo(q: Queryable, commentId: string) {
  const [r] = await q.query<{ title: string; locale: Locale }>(
    `SELECT t.title, t.locale FROM comments c JOIN comment_threads t ON t.id = c.thread_id WHERE c.id = $1::bigint AND c.status <> 'deleted'`,
    [commentId],
  );
  return r;
}

export const stopReplyMails = (q: Queryable, commentId: string) => q.query('UPDATE comments SET notify_replies = false WHERE id = $1::bigint', [commentId]);

/** The comments' SQL for moderators: the queues, decisions on one comment, pins, blocks. */
import type { Block } from '../../../src/api/admin.js';
import type { Queryable } from '../../db/db.js';
import { COMMENT_COLUMNS, COMMENT_FROM, type CommentRow } from './comments.js';

/**
 * A page of a queue, newest first: the comments with a status, or (`flagged`) the reported ones
 * still shown or held, most reported first; in one thread or all. The rows, one more than `limit` if
 * there are more, and how many there are in all.
 */
export async function queuePage(q: Queryable, o: { status: string; thread: string | null; offset: number; limit: number }) {
  const flagged = o.status === 'flagged';
  const where = flagged ? `$1::text = 'flagged' AND c.flag_count > 0 AND c.status IN ('published', 'pending')` : 'c.status = $1';
  const order = flagged ? 'c.flag_count DESC, c.id DESC' : 'c.created_at DESC, c.id DESC';
  const filter = `${where} AND ($2::text IS NULL OR c.thread_id = $2)`;
  const rows = await q.query<CommentRow>(`SELECT ${COMMENT_COLUMNS} FROM ${COMMENT_FROM} WHERE ${filter} ORDER BY ${order} OFFSET $3 LIMIT $4`, [o.status, o.thread, o.offset, o.limit + 1]);
  const [n] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM comments c WHERE ${filter}`, [o.status, o.thread]);
  return { rows, total: n?.n ?? 0 };
}

/** The comment `id` in full, locked. */
export async function lockCommentRow(q: Queryable, id: string): Promise<CommentRow | undefined> {
  const [r] = await q.query<CommentRow>(`SELECT ${COMMENT_COLUMNS} FROM ${COMMENT_FROM} WHERE c.id = $1::bigint FOR UPDATE OF c`, [id]);
  return r;
}

/** Forgets the comment's reports. */
export async function clearFlags(q: Queryable, id: string): Promise<void> {
  await q.query('DELETE FROM comment_flags WHERE comment_id = $1::bigint', [id]);
  await q.query('UPDATE comments SET flag_count = 0 WHERE id = $1::bigint', [id]);
}

export const publishComment = (q: Queryable, id: string) =>
  q.query(`UPDATE comments SET status = 'published', published_at = coalesce(published_at, now()) WHERE id = $1::bigint`, [id]);

/**
 * Rejects a comment. It gets no reply mails any more (no reply can be published under it), so its
 * author's address is erased, and approving it again does not bring them back.
 */
export const rejectComment = (q: Queryable, id: string) =>
  q.query(`UPDATE comments SET status = 'rejected', pinned = false, notify_replies = false, email = NULL WHERE id = $1::bigint`, [id]);

export const setPinned = (q: Queryable, id: string, pinned: boolean) => q.query('UPDATE comments SET pinned = $2 WHERE id = $1::bigint', [id, pinned]);

/* Blocks ---------------------------------------------------------------------------------------- */

export async function blockList(q: Queryable): Promise<Block[]> {
  const rows = await q.query<{ id: string; kind: Block['kind']; note: string; created_at: Date }>('SELECT id::text AS id, kind, note, created_at FROM comment_blocks ORDER BY id');
  return rows.map((b) => ({ id: b.id, kind: b.kind, note: b.note, createdAt: b.created_at.toISOString() }));
}

/** The keyed hashes of a comment's author (email, address); undefined when there is no such comment. */
export async function authorHashes(q: Queryable, commentId: string) {
  const [r] = await q.query<{ email_hash: string | null; ip_hash: string | null }>('SELECT email_hash, ip_hash FROM comments WHERE id = $1::bigint', [commentId]);
  return r;
}

export const addBlock = (q: Queryable, kind: Block['kind'], hash: string, note: string) =>
  q.query('INSERT INTO comment_blocks (kind, hash, note) VALUES ($1, $2, $3) ON CONFLICT (hash) DO NOTHING', [kind, hash, note]);

/** Whether there was such a block. */
export const deleteBlock = async (q: Queryable, id: string) => (await q.query('DELETE FROM comment_blocks WHERE id = $1::bigint RETURNING id', [id])).length > 0;

/* The console's queue ---------------------------------------------------------------------------- */

const QUEUE: Record<'pending' | 'flagged' | 'all', string> = {
  pending: `c.status = 'pending'`,
  flagged: `c.flag_count > 0 AND c.status IN ('published', 'pending')`,
  all: `(c.status = 'pending' OR (c.flag_count > 0 AND c.status = 'published'))`,
};

/** A page of the moderation queue across threads, oldest first (one more row than `limit` if there are more), and its size. */
export async function queueItems(q: Queryable, o: { kind: 'pending' | 'flagged' | 'all'; thread: string | null; offset: number; limit: number }) {
  const filter = `${QUEUE[o.kind]} AND ($1::text IS NULL OR c.thread_id = $1)`;
  const rows = await q.query<CommentRow & { thread_title: string; thread_url: string | null }>(
    `SELECT ${COMMENT_COLUMNS}, t.title AS thread_title, t.url AS thread_url FROM ${COMMENT_FROM} WHERE ${filter} ORDER BY c.created_at, c.id OFFSET $2 LIMIT $3`,
    [o.thread, o.offset, o.limit + 1],
  );
  const [n] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM comments c WHERE ${filter}`, [o.thread]);
  return { rows, total: n?.n ?? 0 };
}

/** The author's other comments (by the same email, else the same address), newest first, at most `limit`; and how many. */
export async function otherComments(q: Queryable, id: string, limit: number): Promise<{ rows: CommentRow[]; total: number }> {
  const same = `c.id <> $1::bigint AND c.status <> 'deleted' AND (
      (a.email_hash IS NOT NULL AND c.email_hash = a.email_hash) OR (a.email_hash IS NULL AND a.ip_hash IS NOT NULL AND c.ip_hash = a.ip_hash))`;
  const rows = await q.query<CommentRow>(
    `SELECT ${COMMENT_COLUMNS} FROM ${COMMENT_FROM} JOIN comments a ON a.id = $1::bigint WHERE ${same} ORDER BY c.created_at DESC, c.id DESC LIMIT $2`,
    [id, limit],
  );
  const [n] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM comments c JOIN comments a ON a.id = $1::bigint WHERE ${same}`, [id]);
  return { rows, total: n?.n ?? 0 };
}

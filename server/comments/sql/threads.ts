/** The comments' SQL for threads: reading one (with its counts), finding one by its page's URL, the admin writes. */
import type { ThreadCreate, ThreadUpdate } from '../../../src/api/admin.js';
import type { Thread } from '../../../src/api/comments.js';
import type { Queryable, Row } from '../../db/db.js';
import { fieldsOf, insertNew, updateRow } from '../../db/statements.js';
import { iso } from '../../time.js';

export interface ThreadRow extends Row {
  id: string;
  url: string | null;
  title: string;
  status: 'open' | 'closed';
  moderation: Thread['moderation'];
  max_depth: number;
  edit_window_seconds: number;
  locale: 'fr' | 'en';
  comment_count: number;
  mention_count: number;
  created_at: Date;
}

const SELECT_THREAD = `
  SELECT t.id, t.url, t.title, t.status, t.moderation, t.max_depth, t.edit_window_seconds, t.locale, t.created_at,
         (SELECT count(*)::int FROM comments c WHERE c.thread_id = t.id AND c.status = 'published') AS comment_count,
         (SELECT count(*)::int FROM comment_mentions m WHERE m.thread_id = t.id AND m.status = 'verified') AS mention_count
    FROM comment_threads t`;

export const toThread = (r: ThreadRow, challenge: boolean): Thread => ({
  id: r.id,
  url: r.url,
  title: r.title,
  status: r.status,
  moderation: r.moderation,
  commentCount: r.comment_count,
  mentionCount: r.mention_count,
  maxDepth: r.max_depth,
  editWindowSeconds: r.edit_window_seconds,
  challenge,
  createdAt: iso(r.created_at),
});

export async function threadRow(q: Queryable, id: string): Promise<ThreadRow | undefined> {
  const [r] = await q.query<ThreadRow>(`${SELECT_THREAD} WHERE t.id = $1`, [id]);
  return r;
}

/** The spellings of a page's URL that name the same page: without its fragment, with and without a trailing slash. */
export function urlVariants(url: string): string[] {
  const u = url.replace(/#.*$/, '');
  const bare = u.replace(/\/+$/, '');
  return [...new Set([u, bare, `${bare}/`])];
}

/** The thread of the page at `url`, if any. */
export async function threadByUrl(q: Queryable, url: string): Promise<ThreadRow | undefined> {
  const [r] = await q.query<ThreadRow>(`${SELECT_THREAD} WHERE t.url = ANY($1::text[]) ORDER BY t.created_at LIMIT 1`, [urlVariants(url)]);
  return r;
}

/** Inserts a thread; false when the id is taken. A URL already used by another thread is a 409 naming `url`. */
export const insertThread = (q: Queryable, t: ThreadCreate): Promise<boolean> =>
  insertNew(q, 'comment_threads', {
    id: t.id, url: t.url ?? null, title: t.title, moderation: t.moderation ?? 'post', maxDepth: t.maxDepth ?? 3, editWindowSeconds: t.editWindowSeconds ?? 900, locale: t.locale ?? 'fr', status: t.status ?? 'open',
  });

/** Changes the fields present in `changes`; false when there is no such thread. */
const FIELDS = fieldsOf<ThreadUpdate>()(['url', 'title', 'moderation', 'maxDepth', 'editWindowSeconds', 'locale', 'status']);
export const updateThread = (q: Queryable, id: string, changes: ThreadUpdate): Promise<boolean> => updateRow(q, 'comment_threads', id, changes, FIELDS);

/**
 * A closed thread takes no more replies: its commenters' addresses, kept only for reply mails, are
 * erased (their keyed hashes stay), and reopening it does not bring the mails back.
 */
export const stopThreadReplyMails = (q: Queryable, id: string) =>
  q.query('UPDATE comments SET notify_replies = false, email = NULL WHERE thread_id = $1 AND (notify_replies OR email IS NOT NULL)', [id]);

export interface AdminThreadRow extends ThreadRow {
  pending_count: number;
  flagged_count: number;
}

/** Every thread, newest first, with its held and reported comments counted. */
export const threadList = (q: Queryable) =>
  q.query<AdminThreadRow>(
    `SELECT * FROM (${SELECT_THREAD}) t0 CROSS JOIN LATERAL (
       SELECT count(*) FILTER (WHERE c.status = 'pending')::int AS pending_count,
              count(*) FILTER (WHERE c.flag_count > 0 AND c.status IN ('published', 'pending'))::int AS flagged_count
         FROM comments c WHERE c.thread_id = t0.id) w
      ORDER BY t0.created_at DESC, t0.id LIMIT 1000`,
  );

/** The comments' SQL for mentions from other sites (webmentions, pingbacks): reading them, receiving and verifying them. */
import type { Mention, MentionPage, Thread } from '../../../src/api/comments.js';
import type { Queryable, Row } from '../../db/db.js';
import { invalid } from '../../http.js';
import { iso } from '../../time.js';

interface MentionRow extends Row {
  id: string;
  thread_id: string;
  kind: Mention['kind'];
  source_url: string;
  title: string;
  site: string;
  published_at: Date;
}

export const toMention = (r: MentionRow): Mention => ({
  id: r.id,
  threadId: r.thread_id,
  kind: r.kind,
  sourceUrl: r.source_url,
  title: r.title || r.source_url,
  site: r.site,
  publishedAt: iso(r.published_at),
});

const MENTION_COLUMNS = 'm.id::text AS id, m.thread_id, m.kind, m.source_url, m.title, m.site, m.published_at';

export async function mentionById(q: Queryable, id: string): Promise<Mention | undefined> {
  const [r] = await q.query<MentionRow>(`SELECT ${MENTION_COLUMNS} FROM comment_mentions m WHERE m.id = $1::bigint AND m.status = 'verified'`, [id]);
  return r && toMention(r);
}

/** Verified mentions, newest first; the cursor is an offset. */
export async function mentionPage(q: Queryable, thread: Pick<Thread, 'id' | 'mentionCount'>, o: { cursor?: string | undefined; limit: number }): Promise<MentionPage> {
  if (o.cursor !== undefined && !/^\d{1,9}$/.test(o.cursor)) throw invalid('cursor', 'not a cursor of this list', 'invalid_cursor');
  const offset = Number(o.cursor ?? 0);
  const rows = await q.query<MentionRow>(
    `SELECT ${MENTION_COLUMNS} FROM comment_mentions m WHERE m.thread_id = $1 AND m.status = 'verified'
      ORDER BY m.published_at DESC, m.id DESC OFFSET $2 LIMIT $3`,
    [thread.id, offset, o.limit + 1],
  );
  return {
    items: rows.slice(0, o.limit).map(toMention),
    nextCursor: rows.length > o.limit ? String(offset + o.limit) : null,
    total: thread.mentionCount,
  };
}

/* Receiving ------------------------------------------------------------------------------------- */

/** Records a mention to verify (or, mentioned again, its new target); its id and status. */
export async function receiveMention(q: Queryable, threadId: string, kind: 'webmention' | 'pingback', source: string, target: string) {
  const [r] = await q.query<{ id: string; status: string }>(
    `INSERT INTO comment_mentions (thread_id, kind, source_url, target_url, status) VALUES ($1, $2, $3, $4, 'pending')
     ON CONFLICT (thread_id, source_url) DO UPDATE SET target_url = excluded.target_url, updated_at = now()
     RETURNING id::text AS id, status`,
    [threadId, kind, source, target],
  );
  return r!;
}

/** The mention's status, locked (for its verdict). */
export async function lockMention(q: Queryable, id: string): Promise<string | undefined> {
  const [r] = await q.query<{ status: string }>('SELECT status FROM comment_mentions WHERE id = $1::bigint FOR UPDATE', [id]);
  return r?.status;
}

/** The source links to the thread's page: the mention is shown, with the page's title, site and date. */
export const markVerified = (q: Queryable, id: string, v: { title: string; site: string; publishedAt: string | undefined }) =>
  q.query(
    `UPDATE comment_mentions SET status = 'verified', reason = NULL, title = $2, site = $3, published_at = coalesce($4::timestamptz, published_at), updated_at = now()
      WHERE id = $1::bigint`,
    [id, v.title, v.site, v.publishedAt ?? null],
  );

/** The source does not link (or is gone): the mention is hidden, and why is kept. */
export const markRejected = (q: Queryable, id: string, reason: string) =>
  q.query(`UPDATE comment_mentions SET status = 'rejected', reason = $2, updated_at = now() WHERE id = $1::bigint`, [id, reason]);

/** A received webmention as its sender may check it. */
export async function webmentionStatus(q: Queryable, id: string) {
  const [r] = await q.query<{ status: string; reason: string | null; source_url: string; target_url: string }>(
    'SELECT status, reason, source_url, target_url FROM comment_mentions WHERE id = $1::bigint',
    [id],
  );
  return r;
}

/**
 * A mention known to be genuine (imported, or the demo's), published at `at`, its target the
 * thread's URL unless given; false when the thread has one from this source.
 */
export async function insertVerifiedMention(
  q: Queryable,
  m: { threadId: string; kind: 'webmention' | 'pingback' | 'trackback'; source: string; target?: string; title: string; site: string; at: string },
): Promise<boolean> {
  const rows = await q.query(
    `INSERT INTO comment_mentions (thread_id, kind, source_url, target_url, title, site, status, published_at, created_at)
     SELECT $1, $2, $3, coalesce($7, url, ''), $4, $5, 'verified', $6, $6 FROM comment_threads WHERE id = $1
     ON CONFLICT (thread_id, source_url) DO NOTHING RETURNING id`,
    [m.threadId, m.kind, m.source, m.title, m.site, m.at, m.target ?? null],
  );
  return rows.length > 0;
}

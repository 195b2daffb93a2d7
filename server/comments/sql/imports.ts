/** The comments' SQL for content loaded whole: an imported WordPress or Disqus export, and the demo. */
import type { Queryable } from '../../db/db.js';

/** A thread made for an imported post; false when the id is taken. */
export async function insertImportedThread(q: Queryable, t: { id: string; url: string | null; title: string; closed: boolean }): Promise<boolean> {
  const rows = await q.query(`INSERT INTO comment_threads (id, url, title, status) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING RETURNING id`, [
    t.id,
    t.url,
    t.title,
    t.closed ? 'closed' : 'open',
  ]);
  return rows.length === 1;
}

/** Where a stored comment sits: what its replies need. */
export interface Placed {
  id: string;
  level: number;
  root: string | null;
}

/** A comment's place under its parent (none: top level). */
const place = (parent: Placed | undefined) => ({
  parentId: parent?.id ?? null,
  rootId: parent ? (parent.root ?? parent.id) : null,
  level: parent ? parent.level + 1 : 0,
});

export interface ImportedComment {
  threadId: string;
  parent: Placed | undefined;
  name: string;
  /** The keyed hash of the author's email (blocks, first-time moderation): imports ask for no reply mails, so the address itself is not kept. */
  emailHash: string | null;
  ipHash: string | null;
  website: string | null;
  body: string;
  status: 'published' | 'pending' | 'deleted';
  /** The export it comes from (`wordpress`, `disqus`) and its id there: importing again adds nothing. */
  source: string;
  sourceId: string;
  at: string;
}

/** Stores an imported comment, once per source id; where it sits, and whether it is new. */
export async function insertImportedComment(q: Queryable, c: ImportedComment): Promise<Placed & { inserted: boolean }> {
  const p = place(c.parent);
  const [r] = await q.query<{ id: string; level: number; root: string | null; inserted: boolean }>(
    `WITH ins AS (
       INSERT INTO comments (thread_id, parent_id, root_id, level, name, email_hash, ip_hash, website, body, status,
                             source, source_id, created_at, published_at)
       VALUES ($1, $2::bigint, $3::bigint, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, CASE WHEN $10 = 'published' THEN $13::timestamptz END)
       ON CONFLICT (thread_id, source, source_id) DO NOTHING RETURNING id, level, root_id)
     SELECT id::text AS id, level, root_id::text AS root, true AS inserted FROM ins
     UNION ALL
     SELECT id::text, level, root_id::text, false FROM comments WHERE thread_id = $1 AND source = $11 AND source_id = $12`,
    [c.threadId, p.parentId, p.rootId, p.level, c.name, c.emailHash, c.ipHash, c.website, c.body, c.status, c.source, c.sourceId, c.at],
  );
  return r!;
}

/** A published comment of the demo, posted at `at`; where it sits. */
export async function insertDemoComment(
  q: Queryable,
  c: { threadId: string; parent: Placed | undefined; name: string; website: string | null; body: string; likes: number; pinned: boolean; at: string; held?: boolean },
): Promise<Placed> {
  const p = place(c.parent);
  // A held comment waits in the moderation queue: pending, not yet published.
  const [r] = await q.query<{ id: string }>(
    `INSERT INTO comments (thread_id, parent_id, root_id, level, name, website, body, status, like_count, pinned, created_at, published_at)
     VALUES ($1, $2::bigint, $3::bigint, $4, $5, $6, $7, $11, $8, $9, $10, CASE WHEN $11 = 'published' THEN $10::timestamptz END) RETURNING id::text AS id`,
    [c.threadId, p.parentId, p.rootId, p.level, c.name, c.website, c.body, c.likes, c.pinned, c.at, c.held ? 'pending' : 'published'],
  );
  return { id: r!.id, level: p.level, root: p.rootId };
}

/** Dates a thread's creation (the demo's). */
export const setThreadCreated = (q: Queryable, id: string, at: string) => q.query('UPDATE comment_threads SET created_at = $2 WHERE id = $1', [id, at]);

/**
 * The demo thread's page moves to `url` (the server's origin changed), with the target of its
 * mentions that pointed to the old one; unless another thread has that page already.
 */
export async function moveDemoPage(q: Queryable, id: string, url: string): Promise<void> {
  const [old] = await q.query<{ url: string | null }>(
    `SELECT t.url FROM comment_threads t WHERE t.id = $1 AND t.url IS DISTINCT FROM $2 AND NOT EXISTS (SELECT 1 FROM comment_threads o WHERE o.url = $2) FOR UPDATE`,
    [id, url],
  );
  if (!old) return;
  await q.query('UPDATE comment_threads SET url = $2, updated_at = now() WHERE id = $1', [id, url]);
  if (old.url) await q.query('UPDATE comment_mentions SET target_url = $3 WHERE thread_id = $1 AND target_url = $2', [id, old.url, url]);
}

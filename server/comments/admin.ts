/** The moderators' routes: threads, the queues of pending and reported comments, decisions, pins, blocks. */
import type { Block } from '../../src/api/admin.js';
import { routes } from '../../src/api/routes.js';
import type { Queryable } from '../db/db.js';
import { ApiFailure, invalid, normalIp, notFound } from '../http.js';
import type { Router } from '../routing.js';
import { COMMENT_COLUMNS, COMMENT_FROM, commentRow, insertThread, threadRow, toAdminComment, toThread, updateThread, type CommentRow } from './sql.js';
import { announce, erase, hashEmail, hashIp, publishedCount, type Comments, type Published } from './writing.js';

const taken = (path: string, message: string) => new ApiFailure(409, 'conflict', message, { issues: [{ path, code: 'conflict', message }] });

/** A unique violation on the thread URL index is a conflict naming `url`. */
const urlTaken = (e: unknown) => {
  if (typeof e === 'object' && e !== null && (e as { code?: string }).code === '23505') throw taken('url', 'another thread has this URL');
  throw e;
};

export function commentAdminRoutes(router: Router, c: Comments, notify: (p: Published | undefined, requestUrl: string) => void) {
  const { db, bus } = c;
  const thread = async (q: Queryable, id: string) => {
    const r = await threadRow(q, id);
    if (!r) throw notFound(`no thread ${id}`);
    return toThread(r, !!c.settings.challenge);
  };

  router.on(routes.createThread, async ({ body }, hc) => {
    const t = await db.transaction(async (tx) => (await insertThread(tx, body)) && thread(tx, body.id)).catch(urlTaken);
    if (!t) throw taken('id', `a thread ${body.id} exists already`);
    hc.header('Location', `${new URL(hc.req.url).origin}/api/threads/${encodeURIComponent(body.id)}`);
    return t;
  });

  router.on(routes.updateThread, async ({ params, body }) => {
    const t = await db
      .transaction(async (tx) => {
        if (!(await updateThread(tx, params.id, body))) throw notFound(`no thread ${params.id}`);
        await announce(bus, tx, params.id);
        return thread(tx, params.id);
      })
      .catch(urlTaken);
    c.changed(params.id);
    return t;
  });

  router.on(routes.adminComments, async ({ query }) => {
    const status = query.status ?? 'pending';
    const where = status === 'flagged' ? `$1::text = 'flagged' AND c.flag_count > 0 AND c.status IN ('published', 'pending')` : 'c.status = $1';
    const order = status === 'flagged' ? 'c.flag_count DESC, c.id DESC' : 'c.created_at DESC, c.id DESC';
    if (query.cursor !== undefined && !/^\d{1,9}$/.test(query.cursor)) throw invalid('cursor', 'not a cursor of this list', 'invalid_cursor');
    const offset = Number(query.cursor ?? 0);
    const limit = Number(query.limit ?? 50);
    const filter = `${where} AND ($2::text IS NULL OR c.thread_id = $2)`;
    const rows = await db.query<CommentRow>(`SELECT ${COMMENT_COLUMNS} FROM ${COMMENT_FROM} WHERE ${filter} ORDER BY ${order} OFFSET $3 LIMIT $4`, [status, query.thread ?? null, offset, limit + 1]);
    const [n] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM comments c WHERE ${filter}`, [status, query.thread ?? null]);
    return { items: rows.slice(0, limit).map(toAdminComment), nextCursor: rows.length > limit ? String(offset + limit) : null, total: n?.n ?? 0 };
  });

  /** A moderator's change to one comment, announced on commit. */
  const decide = async (id: string, change: (tx: Queryable, r: CommentRow) => Promise<'created' | 'updated' | 'deleted' | undefined>) => {
    const { row, threadId, type } = await db.transaction(async (tx) => {
      const [r] = await tx.query<CommentRow>(`SELECT ${COMMENT_COLUMNS} FROM ${COMMENT_FROM} WHERE c.id = $1::bigint FOR UPDATE OF c`, [id]);
      if (!r) throw notFound(`no comment ${id}`);
      const type = await change(tx, r);
      if (type) await announce(bus, tx, r.thread_id, { type, id });
      return { row: (await commentRow(tx, id))!, threadId: r.thread_id, type };
    });
    if (type) c.changed(threadId);
    return { comment: toAdminComment(row), type };
  };

  const clearFlags = async (tx: Queryable, id: string) => {
    await tx.query('DELETE FROM comment_flags WHERE comment_id = $1::bigint', [id]);
    await tx.query('UPDATE comments SET flag_count = 0 WHERE id = $1::bigint', [id]);
  };

  router.on(routes.approveComment, async ({ params }, hc) => {
    const { comment, type } = await decide(params.id, async (tx, r) => {
      if (r.status === 'deleted') throw new ApiFailure(409, 'conflict', 'a deleted comment cannot be published again');
      await clearFlags(tx, r.id);
      if (r.status === 'published') return undefined;
      await tx.query(`UPDATE comments SET status = 'published', published_at = coalesce(published_at, now()) WHERE id = $1::bigint`, [r.id]);
      return 'created';
    });
    if (type === 'created' && comment.parentId) notify({ threadId: comment.threadId, commentId: comment.id }, hc.req.url);
    return comment;
  });

  router.on(routes.rejectComment, async ({ params }) => {
    const { comment } = await decide(params.id, async (tx, r) => {
      if (r.status === 'deleted') throw new ApiFailure(409, 'conflict', 'this comment is deleted');
      await clearFlags(tx, r.id);
      if (r.status === 'rejected') return undefined;
      await tx.query(`UPDATE comments SET status = 'rejected', pinned = false WHERE id = $1::bigint`, [r.id]);
      return r.status === 'published' ? 'deleted' : undefined;
    });
    return comment;
  });

  router.on(routes.adminDeleteComment, async ({ params }) => {
    const threadId = await db.transaction(async (tx) => {
      const [r] = await tx.query<CommentRow>(`SELECT c.id::text AS id, c.thread_id, c.status FROM comments c WHERE c.id = $1::bigint FOR UPDATE`, [params.id]);
      if (!r) throw notFound(`no comment ${params.id}`);
      if (r.status !== 'deleted') await erase(c, tx, r);
      return r.thread_id;
    });
    c.changed(threadId);
    return { id: params.id, commentCount: await publishedCount(db, threadId) };
  });

  router.on(routes.pinComment, async ({ params, body }) => {
    const { comment } = await decide(params.id, async (tx, r) => {
      if (body.pinned && (r.root_id !== null || r.status !== 'published')) {
        throw new ApiFailure(409, 'conflict', 'only a published top-level comment can be pinned', { issues: [{ path: 'pinned', code: 'not_top_level', message: 'only a published top-level comment can be pinned' }] });
      }
      if (r.pinned === body.pinned) return undefined;
      await tx.query('UPDATE comments SET pinned = $2 WHERE id = $1::bigint', [r.id, body.pinned]);
      return r.status === 'published' ? 'updated' : undefined;
    });
    return comment;
  });

  const blocks = async () => ({
    items: (await db.query<{ id: string; kind: Block['kind']; note: string; created_at: Date }>('SELECT id::text AS id, kind, note, created_at FROM comment_blocks ORDER BY id')).map(
      (b): Block => ({ id: b.id, kind: b.kind, note: b.note, createdAt: b.created_at.toISOString() }),
    ),
  });

  router.on(routes.listBlocks, blocks);

  router.on(routes.createBlock, async ({ body }) => {
    const add: [Block['kind'], string][] = [];
    if (body.email) add.push(['email', await hashEmail(c, body.email)]);
    if (body.ip) add.push(['ip', await hashIp(c, normalIp(body.ip))]);
    if (body.commentId) {
      const [r] = /^\d{1,18}$/.test(body.commentId)
        ? await db.query<{ email_hash: string | null; ip_hash: string | null }>('SELECT email_hash, ip_hash FROM comments WHERE id = $1::bigint', [body.commentId])
        : [];
      if (!r) throw new ApiFailure(404, 'not-found', `no comment ${body.commentId}`, { issues: [{ path: 'commentId', code: 'not_found', message: 'no such comment' }] });
      if (r.email_hash) add.push(['email', r.email_hash]);
      if (r.ip_hash) add.push(['ip', r.ip_hash]);
    }
    if (!add.length) throw invalid('body', 'give an email, an ip or a commentId', 'required');
    for (const [kind, hash] of add) {
      await db.query('INSERT INTO comment_blocks (kind, hash, note) VALUES ($1, $2, $3) ON CONFLICT (hash) DO NOTHING', [kind, hash, body.note ?? '']);
    }
    return blocks();
  });

  router.on(routes.deleteBlock, async ({ params }) => {
    const gone = await db.query('DELETE FROM comment_blocks WHERE id = $1::bigint RETURNING id', [params.id]);
    if (!gone.length) throw notFound(`no block ${params.id}`);
    return blocks();
  });
}

/** The moderators' routes: threads, the queues of pending and reported comments, decisions, pins, blocks. */
import type { Block } from '../../src/api/admin.js';
import { routes } from '../../src/api/routes.js';
import { sqlState, type Queryable } from '../db/db.js';
import { ApiFailure, conflict, invalid, normalIp, notFound, setLocation } from '../http.js';
import type { Router } from '../routing.js';
import { commentRow, toAdminComment, type CommentRow } from './sql/comments.js';
import * as sql from './sql/moderation.js';
import { insertThread, threadRow, toThread, updateThread } from './sql/threads.js';
import { lockComment, publishedCount } from './sql/writes.js';
import { announce, erase, hashEmail, hashIp, type Comments, type Published } from './writing.js';

/** A unique violation on the thread URL index is a conflict naming `url`. */
const urlTaken = (e: unknown) => {
  if (sqlState(e) === '23505') throw conflict('url', 'another thread has this URL');
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
    if (!t) throw conflict('id', `a thread ${body.id} exists already`);
    setLocation(hc, `/api/threads/${encodeURIComponent(body.id)}`);
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
    if (query.cursor !== undefined && !/^\d{1,9}$/.test(query.cursor)) throw invalid('cursor', 'not a cursor of this list', 'invalid_cursor');
    const offset = Number(query.cursor ?? 0);
    const limit = Number(query.limit ?? 50);
    const { rows, total } = await sql.queuePage(db, { status: query.status ?? 'pending', thread: query.thread ?? null, offset, limit });
    return { items: rows.slice(0, limit).map(toAdminComment), nextCursor: rows.length > limit ? String(offset + limit) : null, total };
  });

  /** A moderator's change to one comment, announced on commit. */
  const decide = async (id: string, change: (tx: Queryable, r: CommentRow) => Promise<'created' | 'updated' | 'deleted' | undefined>) => {
    const { row, threadId, type } = await db.transaction(async (tx) => {
      const r = await sql.lockCommentRow(tx, id);
      if (!r) throw notFound(`no comment ${id}`);
      const type = await change(tx, r);
      if (type) await announce(bus, tx, r.thread_id, { type, id });
      return { row: (await commentRow(tx, id))!, threadId: r.thread_id, type };
    });
    if (type) c.changed(threadId);
    return { comment: toAdminComment(row), type };
  };

  router.on(routes.approveComment, async ({ params }, hc) => {
    const { comment, type } = await decide(params.id, async (tx, r) => {
      if (r.status === 'deleted') throw new ApiFailure(409, 'conflict', 'a deleted comment cannot be published again');
      await sql.clearFlags(tx, r.id);
      if (r.status === 'published') return undefined;
      await sql.publishComment(tx, r.id);
      return 'created';
    });
    if (type === 'created' && comment.parentId) notify({ threadId: comment.threadId, commentId: comment.id }, hc.req.url);
    return comment;
  });

  router.on(routes.rejectComment, async ({ params }) => {
    const { comment } = await decide(params.id, async (tx, r) => {
      if (r.status === 'deleted') throw new ApiFailure(409, 'conflict', 'this comment is deleted');
      await sql.clearFlags(tx, r.id);
      if (r.status === 'rejected') return undefined;
      await sql.rejectComment(tx, r.id);
      return r.status === 'published' ? 'deleted' : undefined;
    });
    return comment;
  });

  router.on(routes.adminDeleteComment, async ({ params }) => {
    const threadId = await db.transaction(async (tx) => {
      const r = await lockComment(tx, params.id);
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
      await sql.setPinned(tx, r.id, body.pinned);
      return r.status === 'published' ? 'updated' : undefined;
    });
    return comment;
  });

  const blocks = async () => ({ items: await sql.blockList(db) });

  router.on(routes.listBlocks, blocks);

  router.on(routes.createBlock, async ({ body }) => {
    const add: [Block['kind'], string][] = [];
    if (body.email) add.push(['email', await hashEmail(c, body.email)]);
    if (body.ip) add.push(['ip', await hashIp(c, normalIp(body.ip))]);
    if (body.commentId) {
      const r = /^\d{1,18}$/.test(body.commentId) ? await sql.authorHashes(db, body.commentId) : undefined;
      if (!r) throw new ApiFailure(404, 'not-found', `no comment ${body.commentId}`, { issues: [{ path: 'commentId', code: 'not_found', message: 'no such comment' }] });
      if (r.email_hash) add.push(['email', r.email_hash]);
      if (r.ip_hash) add.push(['ip', r.ip_hash]);
    }
    if (!add.length) throw invalid('body', 'give an email, an ip or a commentId', 'required');
    for (const [kind, hash] of add) await sql.addBlock(db, kind, hash, body.note ?? '');
    return blocks();
  });

  router.on(routes.deleteBlock, async ({ params }) => {
    if (!(await sql.deleteBlock(db, params.id))) throw notFound(`no block ${params.id}`);
    return blocks();
  });
}

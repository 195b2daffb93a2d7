/**
 * What moderators do: threads (created and changed), the queues of pending and reported comments,
 * decisions on one comment (approve, reject, delete, pin), and blocks. Each change another reader
 * may see is announced on the bus inside its transaction, as readers' writes are (writing.ts).
 */
import type * as z from 'zod/mini';
import type { AdminComment, Block, BlockInput, ThreadCreate, ThreadUpdate } from '../../src/api/admin.js';
import type { AdminThread, QueueItem } from '../../src/api/lists.js';
import type { CommentDeleted, Thread } from '../../src/api/comments.js';
import { sqlState, type Queryable } from '../db/db.js';
import { ApiFailure, conflict, invalid, normalIp, notFound } from '../http.js';
import { commentRow, toAdminComment, type CommentRow } from './sql/comments.js';
import * as sql from './sql/moderation.js';
import { insertThread, stopThreadReplyMails, threadList, threadRow, toThread, updateThread } from './sql/threads.js';
import { lockComment, publishedCount } from './sql/writes.js';
import { announce, erase, hashEmail, hashIp, type Comments, type Published } from './writing.js';

/** A unique violation on the thread URL index is a conflict naming `url`. */
const urlTaken = (e: unknown) => {
  if (sqlState(e) === '23505') throw conflict('url', 'another thread has this URL');
  throw e;
};

async function thread(c: Comments, q: Queryable, id: string): Promise<Thread> {
  const r = await threadRow(q, id);
  if (!r) throw notFound(`no thread ${id}`);
  return toThread(r, !!c.settings.challenge);
}

export async function createThread(c: Comments, body: ThreadCreate): Promise<Thread> {
  const t = await c.db.transaction(async (tx) => (await insertThread(tx, body)) && thread(c, tx, body.id)).catch(urlTaken);
  if (!t) throw conflict('id', `a thread ${body.id} exists already`);
  return t;
}

export async function changeThread(c: Comments, id: string, body: ThreadUpdate): Promise<Thread> {
  const t = await c.db
    .transaction(async (tx) => {
      if (!(await updateThread(tx, id, body))) throw notFound(`no thread ${id}`);
      if (body.status === 'closed') await stopThreadReplyMails(tx, id);
      await announce(c.bus, tx, id);
      return thread(c, tx, id);
    })
    .catch(urlTaken);
  c.changed(id);
  return t;
}

/** A page of a queue: the comments with a status, or the reported ones; the cursor is an offset. */
export async function queue(c: Comments, query: { status?: string | undefined; thread?: string | undefined; cursor?: string | undefined; limit?: string | undefined }) {
  if (query.cursor !== undefined && !/^\d{1,9}$/.test(query.cursor)) throw invalid('cursor', 'not a cursor of this list', 'invalid_cursor');
  const offset = Number(query.cursor ?? 0);
  const limit = Number(query.limit ?? 50);
  const { rows, total } = await sql.queuePage(c.db, { status: query.status ?? 'pending', thread: query.thread ?? null, offset, limit });
  return { items: rows.slice(0, limit).map(toAdminComment), nextCursor: rows.length > limit ? String(offset + limit) : null, total };
}

type Decision = (tx: Queryable, r: CommentRow) => Promise<'created' | 'updated' | 'deleted' | undefined>;

/** A moderator's change to one comment, announced on commit (as `type`, when readers see a change). */
async function decide(c: Comments, id: string, change: Decision): Promise<{ comment: AdminComment; type: string | undefined }> {
  const { row, threadId, type } = await c.db.transaction(async (tx) => {
    const r = await sql.lockCommentRow(tx, id);
    if (!r) throw notFound(`no comment ${id}`);
    const type = await change(tx, r);
    if (type) await announce(c.bus, tx, r.thread_id, { type, id });
    return { row: (await commentRow(tx, id))!, threadId: r.thread_id, type };
  });
  if (type) c.changed(threadId);
  return { comment: toAdminComment(row), type };
}

/** Publishes a held comment (its reports forgotten); `published` when it has just become a reply readers see. */
export async function approve(c: Comments, id: string): Promise<{ comment: AdminComment; published?: Published }> {
  const { comment, type } = await decide(c, id, async (tx, r) => {
    if (r.status === 'deleted') throw new ApiFailure(409, 'conflict', 'a deleted comment cannot be published again');
    await sql.clearFlags(tx, r.id);
    if (r.status === 'published') return undefined;
    await sql.publishComment(tx, r.id);
    return 'created';
  });
  return type === 'created' && comment.parentId ? { comment, published: { threadId: comment.threadId, commentId: comment.id } } : { comment };
}

/** Rejects a comment: a placeholder for readers, its reports forgotten. */
export async function reject(c: Comments, id: string): Promise<AdminComment> {
  const { comment } = await decide(c, id, async (tx, r) => {
    if (r.status === 'deleted') throw new ApiFailure(409, 'conflict', 'this comment is deleted');
    await sql.clearFlags(tx, r.id);
    if (r.status === 'rejected') return undefined;
    await sql.rejectComment(tx, r.id);
    return r.status === 'published' ? 'deleted' : undefined;
  });
  return comment;
}

export async function pin(c: Comments, id: string, pinned: boolean): Promise<AdminComment> {
  const { comment } = await decide(c, id, async (tx, r) => {
    if (pinned && (r.root_id !== null || r.status !== 'published')) {
      throw new ApiFailure(409, 'conflict', 'only a published top-level comment can be pinned', { issues: [{ path: 'pinned', code: 'not_top_level', message: 'only a published top-level comment can be pinned' }] });
    }
    if (r.pinned === pinned) return undefined;
    await sql.setPinned(tx, r.id, pinned);
    return r.status === 'published' ? 'updated' : undefined;
  });
  return comment;
}

/** Erases a comment, whoever wrote it (a placeholder stays for its replies). */
export async function adminDelete(c: Comments, id: string): Promise<CommentDeleted> {
  const threadId = await c.db.transaction(async (tx) => {
    const r = await lockComment(tx, id);
    if (!r) throw notFound(`no comment ${id}`);
    if (r.status !== 'deleted') await erase(c, tx, r);
    return r.thread_id;
  });
  c.changed(threadId);
  return { id, commentCount: await publishedCount(c.db, threadId) };
}

export const blocks = async (c: Comments) => ({ items: await sql.blockList(c.db) });

/** Blocks an email, an address, or the author of a comment (by the keyed hashes kept of them). */
export async function addBlocks(c: Comments, body: z.output<typeof BlockInput>): Promise<{ items: Block[] }> {
  const add: [Block['kind'], string][] = [];
  if (body.email) add.push(['email', await hashEmail(c, body.email)]);
  if (body.ip) add.push(['ip', await hashIp(c, normalIp(body.ip))]);
  if (body.commentId) {
    const r = /^\d{1,18}$/.test(body.commentId) ? await sql.authorHashes(c.db, body.commentId) : undefined;
    if (!r) throw new ApiFailure(404, 'not-found', `no comment ${body.commentId}`, { issues: [{ path: 'commentId', code: 'not_found', message: 'no such comment' }] });
    if (r.email_hash) add.push(['email', r.email_hash]);
    if (r.ip_hash) add.push(['ip', r.ip_hash]);
  }
  if (!add.length) throw invalid('body', 'give an email, an ip or a commentId', 'required');
  for (const [kind, hash] of add) await sql.addBlock(c.db, kind, hash, body.note ?? '');
  return blocks(c);
}

export async function removeBlock(c: Comments, id: string): Promise<{ items: Block[] }> {
  if (!(await sql.deleteBlock(c.db, id))) throw notFound(`no block ${id}`);
  return blocks(c);
}

/* The console ------------------------------------------------------------------------------------ */

/** Every thread with what waits in it. */
export async function threads(c: Comments): Promise<AdminThread[]> {
  return (await threadList(c.db)).map((r) => ({ ...toThread(r, !!c.settings.challenge), pendingCount: r.pending_count, flaggedCount: r.flagged_count }));
}

/** A page of the moderation queue across threads, each comment with its thread, parent and author's other comments. */
export async function contextQueue(c: Comments, query: { kind?: 'pending' | 'flagged' | 'all' | undefined; thread?: string | undefined; cursor?: string | undefined; limit?: string | undefined }) {
  const offset = Number(query.cursor ?? 0);
  const limit = Number(query.limit ?? 20);
  const { rows, total } = await sql.queueItems(c.db, { kind: query.kind ?? 'all', thread: query.thread ?? null, offset, limit });
  const items: QueueItem[] = [];
  for (const r of rows.slice(0, limit)) {
    const parent = r.parent_id ? await commentRow(c.db, r.parent_id) : undefined;
    const others = await sql.otherComments(c.db, r.id, 5);
    items.push({
      comment: toAdminComment(r),
      thread: { id: r.thread_id, title: r.thread_title, url: r.thread_url },
      parent: parent ? toAdminComment(parent) : null,
      others: others.rows.map(toAdminComment),
      otherCount: others.total,
    });
  }
  return { items, nextCursor: rows.length > limit ? String(offset + limit) : null, total };
}

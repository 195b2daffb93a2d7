/**
 * Posting, editing, deleting, liking and flagging. Each change another reader may see is published
 * on the bus (`thread:<id>` with `{ type, id }`): inside its transaction, so it leaves on commit, or
 * for a new comment (the frequent write) just after its commit. Mail goes out after the commit (the
 * caller's `notify`).
 */
import { randomBytes } from 'node:crypto';
import type * as z from 'zod/mini';
import type { Comment, CommentCreated, CommentDelete, CommentDeleted, CommentEdit, CommentInput, FlagInput, FlagResult, LikeInput, LikeResult, Thread } from '../../src/api/comments.js';
import { normaliseEmail } from '../../src/domain/people.js';
import { parse, type Block, type Inline } from '../../src/domain/markdown.js';
import type { Bus } from '../bus.js';
import type { Db, Queryable } from '../db/db.js';
import { ApiFailure, invalid, notFound, rateLimited, type RateLimiter } from '../http.js';
import type { Live } from '../live.js';
import { newToken, sameText, sha256, type Keys } from '../secrets.js';
import type { Clock } from '../time.js';
import { spendChallenge, type ChallengeOptions } from '../challenge.js';
import { commentRow, commentsByEditHash, toComment, type CommentRow } from './sql/comments.js';
import type { ThreadRow } from './sql/threads.js';
import * as sql from './sql/writes.js';

export interface CommentSettings {
  /** The proof of work asked before posting; false: none. */
  challenge: ChallengeOptions | false;
  /** A comment with more links than this is refused (`body`, `too_many_links`). */
  maxLinks: number;
  /** Likes of one comment accepted from one client address (readers behind one router share it). */
  likesPerAddress: number;
  /** Reports of one comment counted from one client address. */
  flagsPerAddress: number;
}

/** What the comment operations work with. */
export interface Comments {
  db: Db;
  bus: Bus;
  keys: Keys;
  /** The shared current state of each thread (GET, counts, the event streams). */
  live: Live<Thread>;
  /** Tells this process's caches that the thread changed (after the commit; the bus tells the others). */
  changed(threadId: string): void;
  settings: CommentSettings;
  /** Posting per client address; undefined: no limit beyond the server's. */
  limiter: RateLimiter | undefined;
  /** The time: when a comment is posted, and whether its edit window is open. */
  now: Clock;
}

export const TOPIC = 'thread:';
export const topic = (threadId: string) => TOPIC + threadId;
/** What a bus event of a thread carries. */
export interface ThreadChange {
  type: 'created' | 'updated' | 'deleted' | 'mention';
  id: string;
}
export const announce = (bus: Bus, tx: Queryable, threadId: string, change?: ThreadChange) => bus.publish(tx, topic(threadId), change);

export const closed = () => new ApiFailure(409, 'closed', 'this thread is closed');

/**
 * The links a body shows, each once: what the widget's markdown parser (src/comments/markdown.ts)
 * renders as a link, i.e. `[label](url)`, `<https://…>` and bare http(s) URLs with an allowed
 * protocol. A URL written as a link's label is part of that link; a `javascript:` or `data:` target
 * and a `www.` address without a scheme are shown as text, so they are not counted.
 */
export function countLinks(body: string): number {
  const inline = (nodes: Inline[]): number =>
    nodes.reduce((n, x) => n + (typeof x === 'string' || !('c' in x) ? 0 : x.t === 'a' ? 1 : inline(x.c)), 0);
  const blocks = (list: Block[]): number =>
    list.reduce((n, b) => n + (b.t === 'p' ? inline(b.c) : b.t === 'quote' ? blocks(b.c) : b.t === 'pre' ? 0 : b.items.reduce((m, item) => m + blocks(item), 0)), 0);
  return blocks(parse(body));
}
/** What a body with too many links is refused with; the message names the limit, which the widget shows. */
const tooManyLinks = (max: number) => invalid('body', `at most ${max} links in a comment`, 'too_many_links');

/** The edit token of a comment: derived from the submission, so that its replay answers the same token. */
const editToken = (c: Comments, threadId: string, key: string | null) =>
  key === null ? Promise.resolve(newToken()) : c.keys.mac('edit', `${threadId}\0${key}`);

export const hashEmail = (c: Comments, email: string) => c.keys.mac('email', normaliseEmail(email));
export const hashIp = (c: Comments, ip: string) => c.keys.mac('ip', ip);

const created = (row: CommentRow, token: string, windowSeconds: number): CommentCreated => ({
  comment: toComment(row),
  editToken: token,
  editableUntil: new Date(row.created_at.getTime() + windowSeconds * 1000).toISOString(),
});

/** A published reply whose parent's author may want a mail. */
export interface Published {
  threadId: string;
  commentId: string;
}

export async function post(
  c: Comments,
  threadId: string,
  input: z.output<typeof CommentInput>,
  key: string | null,
  ip: string,
): Promise<{ result: CommentCreated; published?: Published }> {
  const email = input.email || null;
  const [emailHash, ipHash] = await Promise.all([email ? hashEmail(c, email) : null, hashIp(c, ip)]);
  const parentId = input.parentId && /^\d{1,18}$/.test(input.parentId) ? input.parentId : null;
  const t = await sql.postingInfo(c.db, threadId, key, [emailHash, ipHash].filter((h): h is string => !!h), emailHash, parentId);
  if (!t) throw notFound(`no thread ${threadId}`);
  if (t.replay) return { result: await replay(c, t, t.replay, key) };
  if (t.status !== 'open') throw closed();

  const token = await editToken(c, threadId, key);
  // The honeypot: answer as a held comment would, keep nothing.
  if (input.hp) return { result: decoy(threadId, input, token, t.edit_window_seconds, new Date(c.now())) };

  const wait = await c.limiter?.take(ip);
  if (wait) throw rateLimited(wait);
  if (t.blocked) throw new ApiFailure(403, 'forbidden', 'comments from this author are not accepted here');
  if (countLinks(input.body) > c.settings.maxLinks) throw tooManyLinks(c.settings.maxLinks);
  if (input.notifyReplies && !email) throw invalid('email', 'an email is needed to be told of replies', 'required');
  const parent = t.parent_id ? { id: t.parent_id, level: t.parent_level ?? 0, root_id: t.parent_root } : undefined;
  if (input.parentId && !parent) throw invalid('parentId', 'no published comment with this id in this thread', 'not_found');

  const status: 'published' | 'pending' = t.moderation === 'post' || (t.moderation === 'first-time' && t.known) ? 'published' : 'pending';

  const at = new Date(c.now());
  const comment: sql.NewComment = {
    threadId,
    parentId: parent?.id ?? null,
    rootId: parent ? (parent.root_id ?? parent.id) : null,
    level: parent ? parent.level + 1 : 0,
    name: input.name,
    // The address itself only for reply mails; for anything else (blocks, first-time moderation) its keyed hash.
    email: input.notifyReplies ? email : null,
    emailHash,
    ipHash,
    website: input.website || null,
    body: input.body,
    status,
    notifyReplies: !!(input.notifyReplies && email),
    editHash: sha256(token),
    key,
    at,
  };
  // The insert commits alone (one round trip) unless a proof of work is spent with it. Its event is
  // sent after the commit: a NOTIFY in the transaction would make every post's commit wait for the
  // one before (bus.ts).
  const insert = async (q: Queryable) => {
    if (c.settings.challenge) await spendChallenge(q, c.keys, threadId, input.challenge, at.getTime());
    return sql.insertComment(q, comment);
  };
  const r = c.settings.challenge ? await c.db.transaction(insert) : await insert(c.db);
  if (!r) {
    // A concurrent request with this key won.
    const again = await sql.commentByKey(c.db, threadId, key);
    if (!again) throw new ApiFailure(409, 'conflict', 'the comment could not be saved; send it again');
    return { result: await replay(c, t, again, key) };
  }
  const row: CommentRow = {
    id: r.id,
    thread_id: threadId,
    parent_id: comment.parentId,
    root_id: comment.rootId,
    level: comment.level,
    name: input.name,
    email_given: emailHash !== null,
    reply_mails: comment.notifyReplies,
    website: comment.website,
    body: input.body,
    status,
    pinned: false,
    like_count: 0,
    flag_count: 0,
    created_at: r.created_at,
    edited_at: null,
    parent_name: t.parent_name,
    parent_status: parent ? 'published' : null,
    parent_level: parent?.level ?? null,
    max_depth: t.max_depth,
  };
  if (status === 'published') {
    c.bus.send(topic(threadId), { type: 'created', id: row.id } satisfies ThreadChange);
    c.changed(threadId);
  }
  return {
    result: created(row, token, t.edit_window_seconds),
    ...(status === 'published' && row.parent_id ? { published: { threadId, commentId: row.id } } : {}),
  };
}

async function replay(c: Comments, t: ThreadRow, id: string, key: string | null): Promise<CommentCreated> {
  const row = await commentRow(c.db, id);
  if (!row) throw notFound('this comment is gone');
  return created(row, await editToken(c, t.id, key), t.edit_window_seconds);
}

/** What the honeypot answers: a held comment that exists nowhere. */
function decoy(threadId: string, input: z.output<typeof CommentInput>, token: string, windowSeconds: number, now: Date): CommentCreated {
  return {
    comment: {
      id: String(1e9 + randomBytes(3).readUIntBE(0, 3)),
      threadId,
      parentId: input.parentId ?? null,
      depth: input.parentId ? 1 : 0,
      replyToName: null,
      author: { name: input.name, website: input.website || null },
      body: input.body,
      status: 'pending',
      likeCount: 0,
      pinned: false,
      createdAt: now.toISOString(),
      editedAt: null,
    },
    editToken: token,
    editableUntil: new Date(now.getTime() + windowSeconds * 1000).toISOString(),
  };
}

/** The comment that `editToken` owns, with its thread's rules; 404 or 403 naming `editToken` otherwise. */
async function owned(c: Comments, q: Queryable, id: string, editToken: string): Promise<sql.OwnedRow> {
  const r = await sql.lockForEdit(q, id, new Date(c.now()));
  if (!r) throw notFound(`no comment ${id}`);
  if (!r.edit_hash || !sameText(r.edit_hash, sha256(editToken))) {
    throw new ApiFailure(403, 'forbidden', 'this edit token is not the one of this comment', { issues: [{ path: 'editToken', code: 'invalid', message: 'not the token of this comment' }] });
  }
  return r;
}

const windowPassed = () =>
  new ApiFailure(403, 'forbidden', 'the time to edit or delete this comment has passed', {
    issues: [{ path: 'editToken', code: 'expired', message: 'the edit window has passed' }],
  });

export async function edit(c: Comments, id: string, input: z.output<typeof CommentEdit>): Promise<Comment> {
  if (countLinks(input.body) > c.settings.maxLinks) throw tooManyLinks(c.settings.maxLinks);
  const { comment, threadId, published } = await c.db.transaction(async (tx) => {
    const r = await owned(c, tx, id, input.editToken);
    if (r.status === 'deleted' || r.status === 'rejected') throw notFound(`no comment ${id}`);
    if (r.thread_status !== 'open') throw closed();
    if (!r.open_for_edit) throw windowPassed();
    if (r.body !== input.body) {
      // Under pre-moderation a moderator approved the words, not the comment: new words wait for
      // approval again (else approval within the edit window would let anything through).
      const held = r.status === 'published' && r.thread_moderation === 'pre';
      await sql.setBody(tx, id, input.body, held);
      if (held) await announce(c.bus, tx, r.thread_id);
      else if (r.status === 'published') await announce(c.bus, tx, r.thread_id, { type: 'updated', id });
    }
    return { comment: toComment((await commentRow(tx, id))!), threadId: r.thread_id, published: r.status === 'published' };
  });
  if (published) c.changed(threadId);
  return comment;
}

/** Erases a comment: its author, email and text go; a placeholder stays for its replies. */
export async function erase(c: Comments, tx: Queryable, r: { id: string; thread_id: string; status: string }): Promise<void> {
  await sql.eraseComment(tx, r.id);
  if (r.status === 'published') await announce(c.bus, tx, r.thread_id, { type: 'deleted', id: r.id });
}

export async function remove(c: Comments, id: string, input: z.output<typeof CommentDelete>): Promise<CommentDeleted> {
  const { threadId, changed } = await c.db.transaction(async (tx) => {
    const r = await owned(c, tx, id, input.editToken);
    if (r.status === 'deleted') return { threadId: r.thread_id, changed: false }; // a replay
    if (!r.open_for_edit) throw windowPassed();
    await erase(c, tx, r);
    return { threadId: r.thread_id, changed: r.status === 'published' };
  });
  if (changed) c.changed(threadId);
  return { id, commentCount: await sql.publishedCount(c.db, threadId) };
}

/** The published comment `id` in an open thread, locked; 404 or 409 `closed` otherwise. */
async function target(tx: Queryable, id: string) {
  const r = await sql.lockComment(tx, id);
  if (!r || r.status !== 'published') throw notFound(`no comment ${id}`);
  return r;
}

export async function like(c: Comments, id: string, input: z.output<typeof LikeInput>, ip: string): Promise<LikeResult> {
  const [reader, address] = await Promise.all([c.keys.mac('reader', input.reader), hashIp(c, ip)]);
  const liked = input.liked ?? true;
  const result = await c.db.transaction(async (tx) => {
    const r = await target(tx, id);
    if (r.thread_status !== 'open') throw closed();
    let delta = 0;
    if (liked) {
      if (!(await sql.hasLiked(tx, id, reader))) {
        if ((await sql.countFrom(tx, 'comment_likes', id, address)) >= c.settings.likesPerAddress) {
          throw new ApiFailure(409, 'conflict', 'this comment has had as many likes from this network as it may', { issues: [{ path: 'reader', code: 'too_many', message: 'too many likes from this network' }] });
        }
        delta = await sql.addLike(tx, id, reader, address);
      }
    } else {
      delta = -(await sql.removeLike(tx, id, reader));
    }
    const likeCount = await sql.addToLikes(tx, id, delta);
    if (delta) await announce(c.bus, tx, r.thread_id, { type: 'updated', id });
    return { liked, likeCount, threadId: r.thread_id, delta };
  });
  if (result.delta) c.changed(result.threadId);
  return { liked: result.liked, likeCount: result.likeCount };
}

export async function flag(c: Comments, id: string, input: z.output<typeof FlagInput>, ip: string): Promise<FlagResult> {
  const [reader, address] = await Promise.all([c.keys.mac('reader', input.reader), hashIp(c, ip)]);
  await c.db.transaction(async (tx) => {
    await target(tx, id);
    // Past the limit from one address a report is answered but not counted.
    if ((await sql.countFrom(tx, 'comment_flags', id, address)) >= c.settings.flagsPerAddress) return;
    await sql.addFlag(tx, id, reader, address, input.reason ?? 'other');
  });
  return { flagged: true };
}

/** The comments these edit tokens own in the thread. */
export async function mine(c: Comments, threadId: string, tokens: string[]) {
  if (!(await c.live.get(threadId))) throw notFound(`no thread ${threadId}`);
  return { items: await commentsByEditHash(c.db, threadId, [...new Set(tokens)].map(sha256)) };
}

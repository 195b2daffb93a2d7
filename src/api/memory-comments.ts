/**
 * The comments part of MemoryBackend: the contract's semantics in memory, for tests, stories and
 * demos. Moderation modes, replies flattened at the thread's depth, edit tokens and the edit
 * window, one like and one report per reader, idempotency keys, closed threads, the proof-of-work
 * challenge (checked for real, with a low difficulty), mentions and live events.
 */
import type { CallOptions, CommentQuery, CommentsBackend, WriteOptions } from './backend.js';
import {
  CommentInput,
  type Challenge,
  type Comment,
  type CommentCreated,
  type CommentEvent,
  type Mention,
  type Thread,
} from './comments.js';
import { CivicError, toIssues } from './errors.js';

/** What MemoryBackend shares with its parts: the offline switch, the latency, the calls made. */
export interface MemoryHost {
  online: boolean;
  latencyMs: number;
  readonly calls: string[][];
}

interface Stored {
  c: Comment;
  email: string;
  token: string;
  until: number;
  likes: Set<string>;
  /** The likes a seeded comment came with. */
  base: number;
  flags: Set<string>;
}

export interface CommentSeed {
  threads?: Thread[];
  comments?: Comment[];
  mentions?: Mention[];
}

const fail = (kind: 'validation' | 'forbidden', path: string, message: string) =>
  new CivicError(kind, message, { status: kind === 'validation' ? 400 : 403, issues: [{ path, code: 'invalid', message }] });

async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}
/** Whether a hash starts with `bits` zero bits. */
export const leadingZeros = (hash: Uint8Array, bits: number): boolean =>
  [...hash.slice(0, Math.ceil(bits / 8))].every((byte, i) => byte >> Math.max(0, 8 - (bits - i * 8)) === 0);

export class MemoryComments implements CommentsBackend {
  readonly threads = new Map<string, Thread>();
  readonly stored: Stored[] = [];
  readonly mentionData: Mention[] = [];
  /** Challenge difficulty (zero bits) for threads that ask for one. */
  difficulty = 8;
  /** Every flag received, for tests: [commentId, reason]. */
  readonly flags: [string, string | undefined][] = [];
  readonly #answers = new Map<string, unknown>();
  readonly #challenges = new Set<string>();
  readonly #listeners = new Map<string, Set<(e: CommentEvent) => void>>();

  constructor(readonly host: MemoryHost) {}

  /** Adds threads, comments (in any order; ids and depths as given) and mentions. */
  seed({ threads = [], comments = [], mentions = [] }: CommentSeed): this {
    for (const t of threads) this.threads.set(t.id, structuredClone(t));
    for (const c of comments) this.stored.push({ c: structuredClone(c), email: '', token: '', until: 0, likes: new Set(), base: c.likeCount, flags: new Set() });
    this.mentionData.push(...structuredClone(mentions));
    for (const t of threads) this.#count(t.id);
    return this;
  }

  async #call(name: string, id: string, signal?: AbortSignal) {
    this.host.calls.push([name, id]);
    if (this.host.latencyMs) await new Promise((r) => setTimeout(r, this.host.latencyMs));
    if (signal?.aborted) throw new CivicError('aborted', 'aborted');
    if (!this.host.online) throw new CivicError('network', 'offline');
  }

  /** Answers a write once per idempotency key: the same key gets the same answer. */
  async #once<T>(key: string, work: () => Promise<T>): Promise<T> {
    if (!this.#answers.has(key)) this.#answers.set(key, await work());
    return structuredClone(this.#answers.get(key)) as T;
  }

  #thread(id: string): Thread {
    const t = this.threads.get(id);
    if (!t) throw new CivicError('not-found', `no thread ${id}`, { status: 404 });
    return t;
  }

  #open(id: string): Thread {
    const t = this.#thread(id);
    if (t.status !== 'open') throw new CivicError('closed', 'this thread is closed', { status: 409 });
    return t;
  }

  #stored(id: string): Stored {
    const s = this.stored.find((x) => x.c.id === id);
    if (!s || (s.c.status === 'deleted' && !s.c.body && !this.#hasReplies(s.c.id))) throw new CivicError('not-found', `no comment ${id}`, { status: 404 });
    return s;
  }

  #hasReplies = (id: string) => this.stored.some((s) => s.c.parentId === id && s.c.status === 'published');

  #count(threadId: string) {
    const t = this.#thread(threadId);
    t.commentCount = this.stored.filter((s) => s.c.threadId === threadId && s.c.status === 'published').length;
    t.mentionCount = this.mentionData.filter((m) => m.threadId === threadId).length;
  }

  #emit(threadId: string, type: CommentEvent['type'], extra: Partial<CommentEvent> = {}) {
    this.#count(threadId);
    const t = this.#thread(threadId);
    const event: CommentEvent = { type, commentCount: t.commentCount, mentionCount: t.mentionCount, status: t.status, ...extra };
    for (const l of this.#listeners.get(threadId) ?? []) l(structuredClone(event));
  }

  /** Whether a comment is shown to everyone: published, or a deleted placeholder with published replies. */
  #visible = (c: Comment): boolean => c.status === 'published' || (c.status === 'deleted' && this.#hasReplies(c.id));

  async get(id: string, o?: CallOptions): Promise<Thread> {
    await this.#call('comments.get', id, o?.signal);
    this.#count(id);
    return structuredClone(this.#thread(id));
  }

  async list(id: string, q: CommentQuery = {}, o?: CallOptions) {
    await this.#call('comments.list', id, o?.signal);
    const t = this.#thread(id);
    const shown = this.stored.map((s) => s.c).filter((c) => c.threadId === id && this.#visible(c));
    const time = (c: Comment) => Date.parse(c.createdAt);
    const order: Record<string, (a: Comment, b: Comment) => number> = {
      oldest: (a, b) => time(a) - time(b),
      newest: (a, b) => time(b) - time(a),
      likes: (a, b) => b.likeCount - a.likeCount || time(a) - time(b),
    };
    const tops = shown.filter((c) => c.parentId === null).sort((a, b) => +b.pinned - +a.pinned || order[q.sort ?? 'oldest']!(a, b));
    const start = Number(q.cursor ?? 0) || 0;
    const limit = Math.min(q.limit ?? 20, 100);
    const kids = new Map<string | null, Comment[]>();
    for (const c of [...shown].sort(order['oldest'])) kids.set(c.parentId, [...(kids.get(c.parentId) ?? []), c]);
    const items: Comment[] = [];
    const walk = (c: Comment) => {
      items.push(structuredClone(c));
      kids.get(c.id)?.forEach(walk);
    };
    tops.slice(start, start + limit).forEach(walk);
    return { items, nextCursor: start + limit < tops.length ? String(start + limit) : null, total: t.commentCount };
  }

  async post(id: string, input: Parameters<CommentsBackend['post']>[1], o: WriteOptions): Promise<CommentCreated> {
    await this.#call('comments.post', id, o.signal);
    return this.#once(o.idempotencyKey, async () => {
      const t = this.#open(id);
      const parsed = CommentInput.safeParse(input);
      if (!parsed.success) throw new CivicError('validation', 'invalid comment', { status: 400, issues: toIssues(parsed.error.issues) });
      const data = parsed.data;
      if (t.challenge) {
        const solution = data.challenge ?? '';
        const prefix = [...this.#challenges].find((p) => solution.startsWith(p) && /^\d+$/.test(solution.slice(p.length)));
        if (!prefix || !this.#challenges.delete(prefix) || !leadingZeros(await sha256(solution), this.difficulty))
          throw fail('validation', 'challenge', 'unsolved');
      }
      const parent = data.parentId ? this.stored.find((s) => s.c.id === data.parentId && s.c.threadId === id) : undefined;
      if (data.parentId && !parent) throw fail('validation', 'parentId', 'unknown');
      const email = (data.email ?? '').toLowerCase();
      const known = this.stored.some((s) => s.email === email && s.c.status === 'published');
      const pending = t.moderation === 'pre' || (t.moderation === 'first-time' && !(email && known));
      const now = new Date();
      const c: Comment = {
        id: String(this.stored.reduce((max, x) => Math.max(max, Number(x.c.id) || 0), 0) + 1),
        threadId: id,
        parentId: parent?.c.id ?? null,
        depth: parent ? Math.min(parent.c.depth + 1, t.maxDepth) : 0,
        replyToName: parent && parent.c.depth >= t.maxDepth ? parent.c.author.name : null,
        author: { name: data.name, website: data.website || null },
        body: data.body,
        status: pending ? 'pending' : 'published',
        likeCount: 0,
        pinned: false,
        createdAt: now.toISOString(),
        editedAt: null,
      };
      const token = `t${crypto.randomUUID()}`;
      const until = now.getTime() + t.editWindowSeconds * 1000;
      // The honeypot: answered as if accepted, kept nowhere.
      if (!data.hp) this.stored.push({ c, email, token, until, likes: new Set(), base: 0, flags: new Set() });
      if (!data.hp && !pending) this.#emit(id, 'created', { comment: c });
      return { comment: structuredClone(c), editToken: token, editableUntil: new Date(until).toISOString() };
    });
  }

  async mine(id: string, tokens: string[], o?: CallOptions): Promise<Comment[]> {
    await this.#call('comments.mine', id, o?.signal);
    return structuredClone(this.stored.filter((s) => s.c.threadId === id && s.token && tokens.includes(s.token) && s.c.status !== 'deleted').map((s) => s.c));
  }

  /** The author's comment, if the token and the window allow changing it. */
  #own(commentId: string, token: string): Stored {
    const s = this.#stored(commentId);
    this.#open(s.c.threadId);
    if (!s.token || s.token !== token || Date.now() > s.until) throw fail('forbidden', 'editToken', 'expired');
    return s;
  }

  async edit(commentId: string, input: { editToken: string; body: string }, o: WriteOptions): Promise<Comment> {
    await this.#call('comments.edit', commentId, o.signal);
    return this.#once(o.idempotencyKey, async () => {
      const s = this.#own(commentId, input.editToken);
      if (!/\S/.test(input.body) || input.body.length > 5000) throw fail('validation', 'body', 'invalid');
      s.c = { ...s.c, body: input.body, editedAt: new Date().toISOString() };
      if (s.c.status === 'published') this.#emit(s.c.threadId, 'updated', { comment: s.c });
      return structuredClone(s.c);
    });
  }

  async remove(commentId: string, input: { editToken: string }, o: WriteOptions) {
    await this.#call('comments.remove', commentId, o.signal);
    return this.#once(o.idempotencyKey, async () => {
      const s = this.#own(commentId, input.editToken);
      const wasPublished = s.c.status === 'published';
      s.c = { ...s.c, status: 'deleted', author: { name: '', website: null }, body: '' };
      s.token = '';
      if (wasPublished) this.#emit(s.c.threadId, 'deleted', { comment: s.c });
      else this.#count(s.c.threadId);
      return { id: commentId, commentCount: this.#thread(s.c.threadId).commentCount };
    });
  }

  async like(commentId: string, input: { reader: string; liked?: boolean | undefined }, o: WriteOptions) {
    await this.#call('comments.like', commentId, o.signal);
    const s = this.#stored(commentId);
    this.#open(s.c.threadId);
    if (input.liked === false) s.likes.delete(input.reader);
    else s.likes.add(input.reader);
    const before = s.c.likeCount;
    s.c = { ...s.c, likeCount: s.base + s.likes.size };
    if (s.c.likeCount !== before && s.c.status === 'published') this.#emit(s.c.threadId, 'updated', { comment: s.c });
    return { liked: s.likes.has(input.reader), likeCount: s.c.likeCount };
  }

  async flag(commentId: string, input: { reader: string; reason?: string | undefined }, o: WriteOptions) {
    await this.#call('comments.flag', commentId, o.signal);
    const s = this.#stored(commentId);
    if (!s.flags.has(input.reader)) this.flags.push([commentId, input.reason]);
    s.flags.add(input.reader);
    return { flagged: true };
  }

  async mentions(id: string, _q: { cursor?: string | undefined } = {}, o?: CallOptions) {
    await this.#call('comments.mentions', id, o?.signal);
    this.#thread(id);
    const items = this.mentionData.filter((m) => m.threadId === id).sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
    return { items: structuredClone(items), nextCursor: null, total: items.length };
  }

  async challenge(id: string, o?: CallOptions): Promise<Challenge> {
    await this.#call('comments.challenge', id, o?.signal);
    this.#thread(id);
    const prefix = `${id}:${crypto.randomUUID()}:`;
    this.#challenges.add(prefix);
    return { algorithm: 'SHA-256', prefix, difficulty: this.difficulty, expiresAt: new Date(Date.now() + 6e5).toISOString() };
  }

  subscribe(id: string, listener: (event: CommentEvent) => void): () => void {
    const set = this.#listeners.get(id) ?? new Set();
    this.#listeners.set(id, set.add(listener));
    // As the server does: the thread's state on connect.
    queueMicrotask(() => this.threads.has(id) && set.has(listener) && this.#emit(id, 'thread'));
    return () => set.delete(listener);
  }

  /** A moderator approves a pending comment: it is published and announced. */
  approve(commentId: string): void {
    const s = this.#stored(commentId);
    s.c = { ...s.c, status: 'published' };
    this.#emit(s.c.threadId, 'created', { comment: s.c });
  }
}

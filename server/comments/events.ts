/**
 * The live events of threads. A change is published on the bus as `thread:<id>` with
 * `{ type, id }`; each process that has readers of that thread loads the comment (or mention)
 * once and sends the event to all of them, in the order the changes came. A change without data
 * (a thread edited, or events possibly missed) sends the thread's state.
 */
import type { CommentEvent, Thread } from '../../src/api/comments.js';
import type { Bus } from '../bus.js';
import type { Db } from '../db/db.js';
import type { Live } from '../live.js';
import { publicComment } from './sql/comments.js';
import { mentionById } from './sql/mentions.js';
import { topic, type ThreadChange } from './writing.js';

type Listener = (event: CommentEvent) => void;

export const threadEvent = (t: Thread, type: CommentEvent['type'] = 'thread'): CommentEvent => ({
  type,
  commentCount: t.commentCount,
  mentionCount: t.mentionCount,
  status: t.status,
});

export class ThreadEvents {
  readonly #threads = new Map<string, { fns: Set<Listener>; stop: () => void; chain: Promise<void> }>();

  constructor(
    readonly bus: Bus,
    readonly db: Db,
    readonly live: Live<Thread>,
  ) {}

  async #event(threadId: string, change: ThreadChange | undefined): Promise<CommentEvent | undefined> {
    // The thread's cached state was dropped by the same bus event (Live listens to every topic first).
    const t = await this.live.get(threadId);
    if (!t) return undefined;
    if (!change) return threadEvent(t);
    if (change.type === 'mention') {
      const mention = await mentionById(this.db, change.id);
      return mention && { ...threadEvent(t, 'mention'), mention };
    }
    const comment = await publicComment(this.db, change.id);
    if (!comment || comment.status === 'pending') return undefined;
    return { ...threadEvent(t, change.type), comment };
  }

  /** Calls `fn` with each event of `threadId`. Returns the function that stops. */
  listen(threadId: string, fn: Listener): () => void {
    let entry = this.#threads.get(threadId);
    if (!entry) {
      const e = { fns: new Set<Listener>(), stop: () => undefined as void, chain: Promise.resolve() };
      e.stop = this.bus.subscribe(topic(threadId), (data) => {
        const change = data && typeof data === 'object' && 'type' in data && 'id' in data ? (data as ThreadChange) : undefined;
        const next = this.#event(threadId, change).catch(() => undefined);
        e.chain = e.chain.then(async () => {
          const event = await next;
          if (event) for (const f of e.fns) f(event);
        });
      });
      this.#threads.set(threadId, (entry = e));
    }
    entry.fns.add(fn);
    const e = entry;
    return () => {
      e.fns.delete(fn);
      if (!e.fns.size && this.#threads.get(threadId) === e) {
        e.stop();
        this.#threads.delete(threadId);
      }
    };
  }

  close(): void {
    for (const e of this.#threads.values()) e.stop();
    this.#threads.clear();
  }
}

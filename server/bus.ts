/**
 * Live events across processes: every change is published with NOTIFY on one channel, inside the
 * transaction that makes it (so it is delivered on commit, in commit order), and every process that
 * LISTENs hands it to its subscribers. PGlite and PostgreSQL take the same path.
 */
import type { Db, Queryable } from './db/db.js';

export const CHANNEL = 'civic_events';
/** NOTIFY payloads must stay under 8000 bytes; larger data is left out and reloaded by subscribers. */
const MAX_PAYLOAD = 7000;

/** `data` is undefined when the subscriber must reload the state itself (too large, or events missed). */
export type Subscriber = (data: unknown) => void;

export class Bus {
  readonly #subs = new Map<string, Set<Subscriber>>();
  #stop: (() => Promise<void>) | undefined;

  private constructor(readonly channel: string) {}

  static async start(db: Db, channel = CHANNEL): Promise<Bus> {
    const bus = new Bus(channel);
    bus.#stop = await db.listen(channel, (payload) => bus.#deliver(payload));
    return bus;
  }

  #deliver(payload: string | null) {
    if (payload === null) {
      for (const set of this.#subs.values()) for (const fn of set) fn(undefined);
      return;
    }
    let message: { topic?: unknown; data?: unknown };
    try {
      message = JSON.parse(payload) as typeof message;
    } catch {
      return; // not ours
    }
    if (typeof message.topic !== 'string') return;
    for (const fn of this.#subs.get(message.topic) ?? []) {
      try {
        fn(message.data);
      } catch (e) {
        console.error('civic-server: event subscriber failed:', e);
      }
    }
  }

  /** Publishes through `q`: pass the transaction that makes the change, so the event leaves on commit. */
  async publish(q: Queryable, topic: string, data: unknown): Promise<void> {
    let payload = JSON.stringify({ topic, data });
    if (Buffer.byteLength(payload) > MAX_PAYLOAD) payload = JSON.stringify({ topic });
    await q.query('SELECT pg_notify($1, $2)', [this.channel, payload]);
  }

  subscribe(topic: string, fn: Subscriber): () => void {
    const set = this.#subs.get(topic) ?? new Set();
    set.add(fn);
    this.#subs.set(topic, set);
    return () => {
      set.delete(fn);
      if (!set.size) this.#subs.delete(topic);
    };
  }

  /** How many subscribers listen to `topic` in this process. */
  subscribers(topic: string): number {
    return this.#subs.get(topic)?.size ?? 0;
  }

  async close(): Promise<void> {
    this.#subs.clear();
    await this.#stop?.();
  }
}

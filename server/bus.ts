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
  readonly #any = new Set<(topic: string | undefined) => void>();
  #stop: (() => Promise<void>) | undefined;

  private constructor(readonly channel: string) {}

  static async start(db: Db, channel = CHANNEL): Promise<Bus> {
    const bus = new Bus(channel);
    bus.#stop = await db.listen(channel, (payload) => bus.#deliver(payload));
    return bus;
  }

  #deliver(payload: string | null) {
    let topic: string | undefined;
    let data: unknown;
    if (payload !== null) {
      try {
        ({ topic, data } = JSON.parse(payload) as { topic?: string; data?: unknown });
      } catch {
        return; // not ours
      }
      if (typeof topic !== 'string') return;
    }
    const call = (fn: () => void) => {
      try {
        fn();
      } catch (e) {
        console.error('civic-server: event subscriber failed:', e);
      }
    };
    for (const fn of [...this.#any]) call(() => fn(topic));
    // No topic: events may have been missed, and every subscriber is told so (with no data).
    const subs = topic === undefined ? [...this.#subs.values()].flatMap((set) => [...set]) : [...(this.#subs.get(topic) ?? [])];
    for (const fn of subs) call(() => fn(data));
  }

  /**
   * Publishes through `q`: pass the transaction that makes the change, so the event leaves on commit.
   * `data` is optional: a topic alone says "this changed, read it again".
   */
  async publish(q: Queryable, topic: string, data?: unknown): Promise<void> {
    await q.query('SELECT pg_notify($1, $2)', this.notification(topic, data));
  }

  /** The arguments of `pg_notify(channel, payload)`, for SQL that notifies within a larger statement. */
  notification(topic: string, data?: unknown): [channel: string, payload: string] {
    let payload = JSON.stringify(data === undefined ? { topic } : { topic, data });
    if (Buffer.byteLength(payload) > MAX_PAYLOAD) payload = JSON.stringify({ topic });
    return [this.channel, payload];
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

  /** Calls `fn` with the topic of every event, and with undefined when events may have been missed. */
  onAny(fn: (topic: string | undefined) => void): () => void {
    this.#any.add(fn);
    return () => this.#any.delete(fn);
  }

  /** How many subscribers listen to `topic` in this process. */
  subscribers(topic: string): number {
    return this.#subs.get(topic)?.size ?? 0;
  }

  async close(): Promise<void> {
    this.#subs.clear();
    this.#any.clear();
    await this.#stop?.();
  }
}

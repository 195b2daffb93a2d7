/**
 * Live events across processes: every change is published with NOTIFY on one channel, and every
 * process that LISTENs hands it to its subscribers. PGlite and PostgreSQL take the same path.
 * `publish` notifies inside the transaction that makes the change (delivered on commit, in commit
 * order, with its data); for the frequent writes, `announce` (signatures, votes) says only "this
 * changed" after the commit, at most once per topic every `COALESCE_MS`, and `send` (a new comment)
 * sends its data after the commit.
 */
import type { Db, Queryable } from './db/db.js';

export const CHANNEL = 'civic_events';
/** NOTIFY payloads must stay under 8000 bytes; larger data is left out and reloaded by subscribers. */
const MAX_PAYLOAD = 7000;
/**
 * An announced topic is NOTIFYed at most once in this time. PostgreSQL serialises notifying commits
 * (a cluster-wide lock held from the commit until its end, the WAL flush included), so a NOTIFY in
 * every signature's transaction made signatures commit one at a time; after the commit and
 * coalesced, the writes commit together (a WAL flush for many). A NOTIFY lost to a crash after the
 * commit is covered by the readers' time-to-live (live.ts).
 */
export const COALESCE_MS = 50;

/** `data` is undefined when the subscriber must reload the state itself (too large, or events missed). */
export type Subscriber = (data: unknown) => void;

export class Bus {
  readonly #subs = new Map<string, Set<Subscriber>>();
  readonly #any = new Set<(topic: string | undefined) => void>();
  /** The topics announced lately: `again` when another announcement came in since the last NOTIFY. */
  readonly #announced = new Map<string, { again: boolean; timer: ReturnType<typeof setTimeout> }>();
  readonly #sending = new Set<Promise<void>>();
  #stop: (() => Promise<void>) | undefined;

  private constructor(
    readonly db: Queryable,
    readonly channel: string,
    readonly coalesceMs: number,
  ) {}

  static async start(db: Db, channel = CHANNEL, coalesceMs = COALESCE_MS): Promise<Bus> {
    const bus = new Bus(db, channel, coalesceMs);
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

  /**
   * Tells every process that `topic` changed; call it after the commit that changed it. The first
   * announcement of a topic is NOTIFYed at once; those that follow within `coalesceMs` become one
   * NOTIFY at the end of that time (and so on while they keep coming).
   */
  announce(topic: string): void {
    const pending = this.#announced.get(topic);
    if (pending) {
      pending.again = true;
      return;
    }
    this.#notify(topic);
    const window = () => {
      const a = this.#announced.get(topic);
      if (a?.again) {
        a.again = false;
        this.#notify(topic);
        a.timer = setTimeout(window, this.coalesceMs).unref();
      } else this.#announced.delete(topic);
    };
    this.#announced.set(topic, { again: false, timer: setTimeout(window, this.coalesceMs).unref() });
  }

  /**
   * NOTIFYs `topic` with `data` now, outside any transaction: call it after the commit, for an event
   * whose data readers need one by one (not coalesced). The writer does not wait for it; a NOTIFY lost
   * to a crash after the commit is covered by the readers' time-to-live.
   */
  send(topic: string, data: unknown): void {
    this.#notify(topic, data);
  }

  #notify(topic: string, data?: unknown): void {
    const sent: Promise<void> = this.publish(this.db, topic, data)
      .catch((e: Error) => console.error(`civic-server: NOTIFY of ${topic} failed (readers see the change within their time-to-live):`, e.message))
      .finally(() => this.#sending.delete(sent));
    this.#sending.add(sent);
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

  /** Sends what is still announced (the database must still be open), then stops listening. */
  async close(): Promise<void> {
    for (const [topic, a] of this.#announced) {
      clearTimeout(a.timer);
      if (a.again) this.#notify(topic);
    }
    this.#announced.clear();
    await Promise.all(this.#sending);
    this.#subs.clear();
    this.#any.clear();
    await this.#stop?.();
  }
}

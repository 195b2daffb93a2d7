/**
 * The outbox: a write that failed because the network did (offline, timeout) is kept in the
 * browser's storage with its idempotency key and sent again when the network returns, so nothing a
 * person submitted is lost. Sending twice is harmless: the key makes the server count it once.
 */
import { CivicError } from './errors.js';

export interface OutboxEntry<P = unknown> {
  /** The idempotency key of the submission; also the entry's id. */
  key: string;
  /** What kind of write, e.g. `petition.sign`. */
  op: string;
  /** The resource written to, e.g. the petition id. */
  target: string;
  payload: P;
  queuedAt: string;
}

export type Send<P, T> = (entry: OutboxEntry<P>) => Promise<T>;
export type Outcome<T> = { result: T } | { error: CivicError };
type Store = Pick<Storage, 'getItem' | 'setItem'>;

export class Outbox {
  #memory: string | null = null;
  readonly #busy = new Set<string>();
  /** Who on this page wants to know when an entry of (op, target) is answered. */
  readonly #watchers = new Map<string, Set<(entry: OutboxEntry<never>, outcome: Outcome<never>) => void>>();

  /** `storage` defaults to localStorage, or this page's memory where storage is refused. */
  constructor(
    readonly name = 'civic-outbox',
    readonly storage?: Store,
  ) {}

  all(): OutboxEntry[] {
    let v = this.#memory;
    try {
      v = (this.storage ?? localStorage).getItem(this.name) ?? v;
    } catch {
      /* storage refused (sandboxed frame, privacy mode): this page's memory only */
    }
    try {
      return JSON.parse(v ?? '[]') as OutboxEntry[];
    } catch {
      return [];
    }
  }

  entries<P>(op: string, target: string): OutboxEntry<P>[] {
    return this.all().filter((e) => e.op === op && e.target === target) as OutboxEntry<P>[];
  }

  #save(entries: OutboxEntry[]) {
    this.#memory = JSON.stringify(entries);
    try {
      (this.storage ?? localStorage).setItem(this.name, this.#memory);
    } catch {
      /* kept in memory */
    }
  }

  add(entry: OutboxEntry): void {
    this.#save([...this.all().filter((e) => e.key !== entry.key), entry]);
  }

  remove(key: string): void {
    this.#save(this.all().filter((e) => e.key !== key));
  }

  /** Sends now; a transient failure keeps the entry for later and answers `{ queued: true }`. */
  async submit<P, T>(entry: OutboxEntry<P>, send: Send<P, T>): Promise<{ queued: false; result: T } | { queued: true }> {
    try {
      return { queued: false, result: await send(entry) };
    } catch (e) {
      if (!(e instanceof CivicError && e.transient)) throw e;
      this.add(entry);
      return { queued: true };
    }
  }

  /**
   * Sends the kept entries of (op, target) again. Sent entries, and those the server refused for
   * good (validation, closed…), leave the outbox and are reported to `done` and to every watcher
   * of (op, target) on this page; transient failures stay.
   */
  async flush<P, T>(op: string, target: string, send: Send<P, T>, done: (entry: OutboxEntry<P>, outcome: Outcome<T>) => void): Promise<void> {
    const id = op + target;
    if (this.#busy.has(id)) return;
    this.#busy.add(id);
    try {
      for (const entry of this.entries<P>(op, target)) {
        let outcome: Outcome<T>;
        try {
          outcome = { result: await send(entry) };
        } catch (e) {
          const error = e instanceof CivicError ? e : new CivicError('server', `${e}`);
          if (error.transient) break;
          outcome = { error };
        }
        this.remove(entry.key);
        done(entry, outcome);
        this.#watchers.get(id)?.forEach((w) => w !== done && w(entry as never, outcome as never));
      }
    } finally {
      this.#busy.delete(id);
    }
  }

  /**
   * Flushes now, when the browser comes back online, and on a doubling timer while entries remain
   * (a server can come back without an `online` event). Returns the function that stops watching.
   */
  watch<P, T>(op: string, target: string, send: Send<P, T>, done: (entry: OutboxEntry<P>, outcome: Outcome<T>) => void, delayMs = 5000): () => void {
    const watchers = this.#watchers.get(op + target) ?? new Set();
    this.#watchers.set(op + target, watchers.add(done as never));
    let delay = delayMs;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const run = async () => {
      clearTimeout(timer);
      await this.flush(op, target, send, done);
      if (!stopped && this.entries(op, target).length) timer = setTimeout(run, (delay = Math.min(delay * 2, 3e5)));
    };
    const online = () => ((delay = delayMs), void run());
    addEventListener('online', online);
    void run();
    return () => {
      stopped = true;
      watchers.delete(done as never);
      clearTimeout(timer);
      removeEventListener('online', online);
    };
  }
}

/** The page's shared outbox. */
export const outbox = new Outbox();

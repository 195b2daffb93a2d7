/**
 * The outbox: a write that failed because the network did (offline, timeout) is kept in the
 * browser's storage with its idempotency key and sent again when the network returns, so nothing a
 * person submitted is lost. Sending twice is harmless: the key makes the server count it once.
 * Keeping is here; sending again is in outbox-replay.ts, which widgets load only once something is
 * kept (it is of use only when the network is back, so it can be loaded then).
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
  // Declared, not defined as fields: the constructor sets them (and a widget's file is smaller).
  declare readonly name: string;
  declare readonly storage: Store | undefined;
  #memory: string | null = null;

  /** `storage` defaults to localStorage, or this page's memory where storage is refused. */
  constructor(name = 'civic-outbox', storage?: Store) {
    this.name = name;
    this.storage = storage;
  }

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

}

/** The page's shared outbox. */
export const outbox = new Outbox();

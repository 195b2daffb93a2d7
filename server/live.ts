/**
 * The current state of each resource, shared by every reader in this process: a small cache that
 * the bus keeps fresh. A change anywhere (this process or another on the same PostgreSQL) drops the
 * cached state, and the listeners of an event stream get the new state, loaded once however many
 * they are. A short time-to-live covers what sends no event (a `closesAt` that passes, a SQL edit, a
 * NOTIFY lost when a process died after its commit): readers load again past it, and listened states
 * are loaded again as they pass it (and sent if they changed).
 */
import type { Bus } from './bus.js';
import { systemClock, type Clock } from './time.js';

interface Listeners<T> {
  fns: Set<(value: T) => void>;
  /** The last state sent, as JSON: an unchanged state is not sent again. */
  last?: string | undefined;
  busy: boolean;
  again: boolean;
}

export class Live<T> {
  readonly #cache = new Map<string, { value: T; at: number }>();
  /** Bumped by every change: a load that started before a change does not cache its older result. */
  readonly #generation = new Map<string, number>();
  readonly #loading = new Map<string, Promise<T | undefined>>();
  readonly #listeners = new Map<string, Listeners<T>>();
  readonly #stop: () => void;
  readonly #now: Clock;
  readonly #refresh: ReturnType<typeof setInterval>;

  constructor(
    bus: Bus,
    /** The bus topics of this resource: `prefix + id`. */
    readonly prefix: string,
    readonly load: (id: string) => Promise<T | undefined>,
    readonly options: { ttlMs?: number; maxEntries?: number; now?: Clock } = {},
  ) {
    this.#now = options.now ?? systemClock;
    this.#stop = bus.onAny((topic) => {
      if (topic === undefined) this.reset();
      else if (topic.startsWith(prefix)) this.changed(topic.slice(prefix.length));
    });
    this.#refresh = setInterval(() => this.#expire(), this.#ttl / 2).unref();
  }

  get #ttl(): number {
    return this.options.ttlMs ?? 5000;
  }

  /** The listened states past their time-to-live are loaded again (and sent if they changed). */
  #expire(): void {
    for (const id of this.#listeners.keys()) {
      const hit = this.#cache.get(id);
      if (hit && this.#now() - hit.at < this.#ttl) continue;
      this.#cache.delete(id);
      void this.#push(id);
    }
  }

  /** The current state: cached, or loaded once for all concurrent callers. */
  async get(id: string): Promise<T | undefined> {
    const hit = this.#cache.get(id);
    if (hit && this.#now() - hit.at < this.#ttl) return hit.value;
    return this.#fetch(id);
  }

  #fetch(id: string): Promise<T | undefined> {
    const running = this.#loading.get(id);
    if (running) return running;
    const generation = this.#generation.get(id) ?? 0;
    const p = this.load(id).then((value) => {
      if (this.#loading.get(id) === p) this.#loading.delete(id);
      if (value !== undefined && (this.#generation.get(id) ?? 0) === generation) {
        this.#cache.delete(id); // re-inserted last: the oldest entry is dropped first
        this.#cache.set(id, { value, at: this.#now() });
        if (this.#cache.size > (this.options.maxEntries ?? 1000)) this.#cache.delete(this.#cache.keys().next().value!);
      }
      return value;
    });
    p.catch(() => this.#loading.get(id) === p && this.#loading.delete(id));
    this.#loading.set(id, p);
    return p;
  }

  /** Forgets the state of `id` and sends the new one to its listeners. Call after committing a change. */
  changed(id: string): void {
    this.#generation.set(id, (this.#generation.get(id) ?? 0) + 1);
    this.#cache.delete(id);
    this.#loading.delete(id);
    void this.#push(id);
  }

  /** One load at a time per id, and one more if changes came in meanwhile. */
  async #push(id: string): Promise<void> {
    const l = this.#listeners.get(id);
    if (!l) return;
    if (l.busy) {
      l.again = true;
      return;
    }
    l.busy = true;
    try {
      do {
        l.again = false;
        const value = await this.#fetch(id).catch(() => undefined);
        const json = value === undefined ? undefined : JSON.stringify(value);
        if (value !== undefined && json !== l.last) {
          l.last = json;
          for (const fn of l.fns) fn(value);
        }
      } while (l.again);
    } finally {
      l.busy = false;
    }
  }

  /** Calls `fn` with each new state of `id`. Returns the function that stops. */
  listen(id: string, fn: (value: T) => void): () => void {
    let l = this.#listeners.get(id);
    if (!l) this.#listeners.set(id, (l = { fns: new Set(), busy: false, again: false }));
    l.fns.add(fn);
    const entry = l;
    return () => {
      entry.fns.delete(fn);
      if (!entry.fns.size && this.#listeners.get(id) === entry) this.#listeners.delete(id);
    };
  }

  /** Events may have been missed: forget every state, refresh every listener. */
  reset(): void {
    for (const id of new Set([...this.#cache.keys(), ...this.#listeners.keys()])) this.changed(id);
  }

  close(): void {
    clearInterval(this.#refresh);
    this.#stop();
    this.#listeners.clear();
    this.#cache.clear();
  }
}

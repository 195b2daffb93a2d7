/**
 * The first pages of threads, shared by every reader in this process: most readers of a post ask
 * for the same first page. A change to a thread (here or in another process, through the bus)
 * drops its pages; a short time-to-live covers the rest. Later pages (with a cursor) are read from
 * the database each time.
 */
import type { CommentPage } from '../../src/api/comments.js';
import type { Bus } from '../bus.js';

export class PageCache {
  readonly #threads = new Map<string, Map<string, { at: number; page: Promise<CommentPage> }>>();
  readonly #stop: () => void;

  constructor(
    bus: Bus,
    readonly prefix: string,
    readonly options: { ttlMs?: number; maxThreads?: number } = {},
  ) {
    this.#stop = bus.onAny((topic) => {
      if (topic === undefined) this.#threads.clear();
      else if (topic.startsWith(prefix)) this.drop(topic.slice(prefix.length));
    });
  }

  /** The page `key` of the thread: cached, or loaded once for all concurrent callers. */
  get(threadId: string, key: string, load: () => Promise<CommentPage>): Promise<CommentPage> {
    let pages = this.#threads.get(threadId);
    const hit = pages?.get(key);
    if (hit && Date.now() - hit.at < (this.options.ttlMs ?? 5000)) return hit.page;
    if (!pages) {
      this.#threads.set(threadId, (pages = new Map()));
      if (this.#threads.size > (this.options.maxThreads ?? 500)) this.#threads.delete(this.#threads.keys().next().value!);
    }
    const page = load();
    const entry = { at: Date.now(), page };
    pages.set(key, entry);
    // A failed load is not kept; nor is one whose thread changed meanwhile (its map was dropped).
    page.catch(() => pages.get(key) === entry && pages.delete(key));
    return page;
  }

  /** Forgets the thread's pages. Call after committing a change. */
  drop(threadId: string): void {
    this.#threads.delete(threadId);
  }

  close(): void {
    this.#stop();
    this.#threads.clear();
  }
}

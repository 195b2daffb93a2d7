/**
 * Sending kept writes again (see outbox.ts): on demand, when the browser comes back online, and on a
 * doubling timer while entries remain (a server can come back without an `online` event). Every
 * widget watching the same (op, target) on the page hears the outcome.
 */
import { CivicError } from './errors.js';
import type { Outbox, OutboxEntry, Outcome, Send } from './outbox.js';

type Done<P, T> = (entry: OutboxEntry<P>, outcome: Outcome<T>) => void;
const busy = new Set<string>();
const watchers = new Map<string, Set<Done<never, never>>>();

/**
 * Sends the kept entries of (op, target) again. Sent entries, and those the server refused for good
 * (validation, closed…), leave the outbox and are reported to `done` and to every watcher of
 * (op, target); transient failures stay.
 */
export async function flush<P, T>(box: Outbox, op: string, target: string, send: Send<P, T>, done: Done<P, T>): Promise<void> {
  const id = box.name + op + target;
  if (busy.has(id)) return;
  busy.add(id);
  try {
    for (const entry of box.entries<P>(op, target)) {
      let outcome: Outcome<T>;
      try {
        outcome = { result: await send(entry) };
      } catch (e) {
        const error = e instanceof CivicError ? e : new CivicError('server', `${e}`);
        if (error.transient) break;
        outcome = { error };
      }
      box.remove(entry.key);
      done(entry, outcome);
      watchers.get(id)?.forEach((w) => w !== done && w(entry as never, outcome as never));
    }
  } finally {
    busy.delete(id);
  }
}

/** Flushes now, on `online`, and on a doubling timer while entries remain. Returns the function that stops. */
export function watch<P, T>(box: Outbox, op: string, target: string, send: Send<P, T>, done: Done<P, T>, delayMs = 5000): () => void {
  const id = box.name + op + target;
  const set = watchers.get(id) ?? new Set();
  watchers.set(id, set.add(done as never));
  let delay = delayMs;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const run = async () => {
    clearTimeout(timer);
    await flush(box, op, target, send, done);
    if (!stopped && box.entries(op, target).length) timer = setTimeout(run, (delay = Math.min(delay * 2, 3e5)));
  };
  const online = () => ((delay = delayMs), void run());
  addEventListener('online', online);
  void run();
  return () => {
    stopped = true;
    set.delete(done as never);
    clearTimeout(timer);
    removeEventListener('online', online);
  };
}

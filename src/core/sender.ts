/**
 * A widget's writes that must not be lost (a signature, a vote, a comment, a proposal): sent now or,
 * when the network fails, kept in the outbox (src/api/outbox.ts) and sent again when it returns
 * (outbox-replay.ts, loaded only then). The replay follows the resource in effect (see wire.ts): it
 * starts for the writes kept for it, as when the page is opened again, and stops when the widget
 * leaves the page or shows another resource.
 */
import type { ReactiveControllerHost } from 'lit';
import type { CivicError } from '../api/errors.js';
import { outbox, type Outcome, type OutboxEntry, type Send } from '../api/outbox.js';
import { wire, type Target } from './wire.js';

export interface Sender<P, T> {
  /** The writes kept for the resource in effect. */
  kept(): OutboxEntry<P>[];
  /**
   * Sends a write now (`key`: its idempotency key, the same on every try). Answers its outcome, or
   * undefined when the network failed: the write is then kept, and sent again when it returns.
   */
  send(payload: P, key: string): Promise<Outcome<T> | undefined>;
}

/**
 * @param op What kind of write, e.g. `petition.sign`.
 * @param post Sends one write (to the resource `entry.target`).
 * @param done The answer to a write sent again from the outbox.
 * @param found Writes were kept for the resource now in effect (the page opened again); they are sent next.
 */
export function sender<B, P, T>(
  host: ReactiveControllerHost,
  target: Target<B>,
  op: string,
  post: Send<P, T>,
  done: (entry: OutboxEntry<P>, outcome: Outcome<T>) => void,
  found?: (kept: OutboxEntry<P>[]) => void,
): Sender<P, T> {
  /** Stops the replay under way. */
  let stop: (() => void) | undefined;
  const kept = () => {
    const id = on();
    return id ? outbox.entries<P>(op, id) : [];
  };
  /**
   * Sends the kept writes now, when the network returns, and on a doubling timer while some remain
   * (outbox-replay.ts `watch`; a new call starts it afresh). If its code cannot load (still
   * offline), it is tried again at the next `online` event.
   */
  const replay = (): unknown =>
    import('../api/outbox-replay.js').then(
      ({ watch }) => {
        const id = on();
        stop?.();
        stop = id ? watch(outbox, op, id, post, done) : undefined;
      },
      () => addEventListener('online', replay, { once: true }),
    );
  const on = wire(host, target, () => {
    const writes = kept();
    if (writes.length) found?.(writes), replay();
    return () => stop?.();
  });
  return {
    kept,
    async send(payload, key) {
      try {
        const sent = await outbox.submit({ key, op, target: on()!, payload, queuedAt: new Date().toISOString() }, post);
        if (!sent.queued) return sent;
        replay();
      } catch (e) {
        // Backends reject with CivicErrors; anything else reads as a server error (CivicElement.errorText).
        return { error: e as CivicError };
      }
    },
  };
}

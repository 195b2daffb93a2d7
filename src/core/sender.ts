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
import { Wire, type Target } from './wire.js';

export class Sender<B, P, T> extends Wire<B> {
  #op: string;
  #post: Send<P, T>;
  #done: (entry: OutboxEntry<P>, outcome: Outcome<T>) => void;
  /** Stops the replay under way. */
  #stop?: (() => void) | undefined;

  /**
   * @param op What kind of write, e.g. `petition.sign`.
   * @param post Sends one write (to the resource `entry.target`).
   * @param done The answer to a write sent again from the outbox.
   * @param found Writes were kept for the resource now in effect (the page opened again); they are sent next.
   */
  constructor(
    host: ReactiveControllerHost,
    target: Target<B>,
    op: string,
    post: Send<P, T>,
    done: (entry: OutboxEntry<P>, outcome: Outcome<T>) => void,
    found?: (kept: OutboxEntry<P>[]) => void,
  ) {
    super(host, target, () => {
      const kept = this.kept;
      if (kept.length) found?.(kept), this.#replay();
      return () => this.#stop?.();
    });
    this.#op = op;
    this.#post = post;
    this.#done = done;
  }

  /** The writes kept for the resource in effect. */
  get kept(): OutboxEntry<P>[] {
    return this.on ? outbox.entries<P>(this.#op, this.on[1]) : [];
  }

  /**
   * Sends a write now (`key`: its idempotency key, the same on every try). Answers its outcome, or
   * undefined when the network failed: the write is then kept, and sent again when it returns.
   */
  async send(payload: P, key: string): Promise<Outcome<T> | undefined> {
    try {
      const sent = await outbox.submit({ key, op: this.#op, target: this.on![1], payload, queuedAt: new Date().toISOString() }, this.#post);
      if (!sent.queued) return sent;
      this.#replay();
    } catch (e) {
      // Backends reject with CivicErrors; anything else reads as a server error (CivicElement.errorText).
      return { error: e as CivicError };
    }
  }

  /**
   * Sends the writes kept for the resource in effect: now, when the network returns, and on a
   * doubling timer while some remain (outbox-replay.ts `watch`; a new call starts it afresh). If its
   * code cannot load (still offline), it is tried again at the next `online` event.
   */
  #replay(): void {
    import('../api/outbox-replay.js').then(
      ({ watch }) => {
        const on = this.on;
        this.#stop?.();
        this.#stop = on && watch(outbox, this.#op, on[1], this.#post, this.#done);
      },
      () => addEventListener('online', () => this.#replay(), { once: true }),
    );
  }
}

/**
 * A widget's data load, driven by its arguments, like @lit/task but in a fifth of the bytes (the
 * petition's 18 kB budget could not afford @lit/task's 0.56 kB): when the arguments change (the
 * backend, the id, the widget coming into view) it aborts the previous run through its signal and
 * starts a new one; a run's result counts only if it is still the latest run. `undefined` arguments
 * (nothing to load yet) leave it idle.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class Loader<A extends readonly unknown[], T> implements ReactiveController {
  /** The latest result. */
  value?: T;
  /** The latest failure (cleared by a success). */
  error?: unknown;
  /** Whether a run is under way. */
  pending = false;
  #args?: A;
  #run?: AbortController;

  readonly #host: ReactiveControllerHost;
  readonly #load: (args: A, signal: AbortSignal) => Promise<T>;
  readonly #argsOf: () => A | undefined;

  constructor(host: ReactiveControllerHost, load: (args: A, signal: AbortSignal) => Promise<T>, args: () => A | undefined) {
    (this.#host = host).addController(this);
    this.#load = load;
    this.#argsOf = args;
  }

  hostUpdate(): void {
    const args = this.#argsOf();
    if (args && !(this.#args && args.every((a, i) => a === this.#args![i]))) void this.run(args);
  }

  hostDisconnected(): void {
    this.#run?.abort();
    this.#args = undefined;
  }

  /** Runs again (e.g. a retry button), with the latest arguments. */
  async run(args = this.#args): Promise<void> {
    if (!args) return;
    this.#args = args;
    this.#run?.abort();
    const run = (this.#run = new AbortController());
    this.pending = true;
    this.#host.requestUpdate();
    try {
      const value = await this.#load(args, run.signal);
      if (run !== this.#run) return;
      [this.value, this.error] = [value, undefined];
    } catch (e) {
      if (run !== this.#run) return;
      this.error = e;
    }
    this.pending = false;
    this.#host.requestUpdate();
  }
}

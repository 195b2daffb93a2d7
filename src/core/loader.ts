/**
 * A widget's data load: @lit/task's Task, driven by the widget's arguments (the backend, the id,
 * the widget coming into view). When they change it aborts the previous run through its signal
 * and starts a new one, and only the latest run's result counts. While the first argument is false
 * (nothing to load yet) it stays idle. A widget moved elsewhere in the page keeps what it loaded.
 */
import type { ReactiveControllerHost } from 'lit';
import { initialState, Task } from '@lit/task';

export class Loader<A extends readonly unknown[], T> extends Task<readonly unknown[], T> {
  /** `args`: [whether to load now, ...the arguments of `load`], compared one by one with the last run's. */
  constructor(host: ReactiveControllerHost, load: (args: A, signal: AbortSignal) => Promise<T>, args: () => readonly [boolean, ...A]) {
    super(host, {
      task: ([go, ...a], { signal }) => (go ? load(a as unknown as A, signal) : initialState),
      args,
    });
  }
}

/**
 * What live updates (live.ts) and outbox replay (sender.ts) share: work for one resource (the
 * backend's part and the resource's id in effect) done while the widget is connected and active,
 * and stopped when they change and when the widget leaves the page. A widget moved elsewhere in the
 * page (disconnected, then connected again) starts it again.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The backend's part and the resource's id in effect, read before each update (a widget's Loader
 * takes the same); falsy while there is none (a lazy widget far from the viewport).
 */
export type Target<B> = () => readonly [B | undefined, string | undefined] | false | undefined;

export class Wire<B> implements ReactiveController {
  /** The part and id worked for, once the work started. */
  on?: readonly [B, string] | undefined;
  #host: ReactiveControllerHost;
  #target: Target<B>;
  #start: (part: B, id: string) => (() => void) | undefined;
  #stop?: (() => void) | undefined;

  /** `start` starts the work for a resource and answers the function that stops it. */
  constructor(host: ReactiveControllerHost, target: Target<B>, start: (part: B, id: string) => (() => void) | undefined) {
    (this.#host = host).addController(this);
    this.#target = target;
    this.#start = start;
  }

  hostConnected(): void {
    // After a move in the page, the next update starts the work again.
    this.#host.requestUpdate();
  }

  hostUpdate(): void {
    const [part, id] = this.#target() || [];
    if (part === this.on?.[0] && id === this.on?.[1]) return;
    this.hostDisconnected();
    if (part && id) this.#stop = this.#start(...(this.on = [part, id]));
  }

  hostDisconnected(): void {
    this.#stop?.();
    this.on = this.#stop = undefined;
  }
}

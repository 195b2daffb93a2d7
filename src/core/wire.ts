/**
 * What live updates (live.ts) and outbox replay (sender.ts) share: a reactive controller that does
 * work for one resource (the backend's part and the resource's id in effect) while the widget is
 * connected and active, and stops it when they change and when the widget leaves the page. A widget
 * moved elsewhere in the page (disconnected, then connected again) starts it again. Written as
 * closures rather than classes: each widget file carries this code, and closures minify to less.
 */
import type { ReactiveControllerHost } from 'lit';

/**
 * [whether the widget works now (false: a lazy widget far from the viewport), the backend's part,
 * the resource's id], read before each update; a widget's Loader takes the same arguments.
 */
export type Target<B> = () => readonly [boolean, B | undefined, string | undefined];

/** Adds the controller to `host`; `start` starts the work and answers what stops it. Answers the id of the resource worked for. */
export function wire<B>(host: ReactiveControllerHost, target: Target<B>, start: (part: B, id: string) => (() => void) | undefined): () => string | undefined {
  let on: readonly [B, string] | undefined;
  let stop: (() => void) | undefined;
  const controller = {
    // After a move in the page, the next update starts the work again.
    hostConnected: () => host.requestUpdate(),
    hostUpdate() {
      const [go, part, id] = target();
      if (go && part === on?.[0] && id === on?.[1]) return;
      controller.hostDisconnected();
      if (go && part && id) stop = start(...(on = [part, id]));
    },
    hostDisconnected() {
      stop?.();
      stop = on = undefined;
    },
  };
  host.addController(controller);
  return () => on?.[1];
}

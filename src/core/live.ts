/**
 * Live updates: the event stream of the widget's resource (its backend part's `subscribe`: a
 * petition's count, a thread's new comments, a poll's results), listened to while the widget is
 * connected and active, left when it leaves the page or shows another resource (see wire.ts). A
 * backend without `subscribe` has no live updates, nor has the comparator (a comparison does not
 * change while it is read).
 */
import type { ReactiveControllerHost } from 'lit';
import { wire, type Target } from './wire.js';

interface Stream<E> {
  subscribe?(id: string, listener: (event: E) => void): () => void;
}

/** Calls `listener` with each event of the resource in effect; answers the id of the resource listened to. */
export function live<E>(host: ReactiveControllerHost, target: Target<Stream<E>>, listener: (event: E) => void): () => string | undefined {
  return wire(host, target, (part, id) => part.subscribe?.(id, listener));
}

/**
 * The event-stream answer (server-sent events) that each resource's live route gives: the current
 * state first, then each change, one write at a time and in order, with a heartbeat comment that
 * keeps proxies from closing an idle stream, until the reader goes or the server closes.
 */
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { ServerContext } from './context.js';

/** Queues a write: `text` is computed when the writes before it are done; undefined writes nothing. */
export type Send = (text: () => string | undefined | Promise<string | undefined>) => void;

/** One event carrying `value` as JSON. */
export const sseData = (value: unknown) => `data: ${JSON.stringify(value)}\n\n`;

/**
 * Until an event stream's client goes or the server closes. The listener on the server's `closing`
 * signal is removed when the client goes (one per stream would pile up on that long-lived signal).
 */
export function untilClosed(stream: { onAbort(fn: () => void): void }, closing: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (closing.aborted) return resolve();
    const done = () => {
      closing.removeEventListener('abort', done);
      resolve();
    };
    stream.onAbort(done);
    closing.addEventListener('abort', done, { once: true });
  });
}

/**
 * Answers with an event stream. `start` subscribes to the changes, sends the current state (both
 * through `send`) and returns the function that unsubscribes, called when the stream ends.
 */
export function eventStream(c: Context, ctx: Pick<ServerContext, 'heartbeatMs' | 'closing'>, start: (send: Send) => () => void): Response {
  c.header('X-Accel-Buffering', 'no'); // proxies (nginx) must pass events on at once
  return streamSSE(c, async (stream) => {
    let chain = Promise.resolve();
    const send: Send = (text) => {
      chain = chain
        .then(async () => {
          const t = await text();
          if (t !== undefined && !stream.closed) await stream.write(t);
        })
        .catch(() => undefined);
    };
    const stop = start(send);
    const heartbeat = setInterval(() => send(() => ': heartbeat\n\n'), ctx.heartbeatMs);
    await untilClosed(stream, ctx.closing);
    clearInterval(heartbeat);
    stop();
  });
}

/** What the resource modules share: storage, events, mail, limits, the clock, and where links in mails point. */
import type { Bus } from './bus.js';
import type { Db } from './db/db.js';
import type { RateLimiter } from './http.js';
import type { Mail, Mailer } from './mail.js';
import type { Clock } from './time.js';

export type Log = (level: 'info' | 'warn' | 'error', message: string, error?: unknown) => void;

export interface ServerContext {
  db: Db;
  bus: Bus;
  mailer: Mailer;
  /**
   * The public origin for links in mails. Undefined (development): the request's origin when it names
   * this machine (localhost, 127.0.0.1, [::1]), else http://localhost on the request's port: a Host
   * header is the client's to choose, and must not choose where a confirmation link points.
   */
  publicUrl: string | undefined;
  log: Log;
  /** The per-client limit on writes (undefined: off), which the pages behind mailed links apply too. */
  limiter: RateLimiter | undefined;
  /** Read the client address from X-Forwarded-For behind this many proxies (`true`: one). */
  trustProxy: boolean | number;
  /** The time, for what depends on it (comments' edit window, challenges). */
  now: Clock;
  /** Runs work after the answer (mail); `close()` waits for it. */
  background(work: Promise<unknown>): void;
  /** Milliseconds between SSE heartbeats. */
  heartbeatMs: number;
  /** Aborted when the app closes (ends event streams). */
  closing: AbortSignal;
  /** Runs `fn` when the app closes. */
  onClose(fn: () => void): void;
}

/** The origin links in mails use. */
export const linkBase = (ctx: ServerContext, requestUrl: string): string => {
  if (ctx.publicUrl) return ctx.publicUrl.replace(/\/+$/, '');
  const u = new URL(requestUrl);
  if (!/^(localhost|127\.0\.0\.1|\[::1\])$/.test(u.hostname)) u.hostname = 'localhost';
  return u.origin;
};

/**
 * Sends `mail` after the answer (nothing when it resolves to undefined). A failure is logged as
 * `what` failed, then `failed` runs (e.g. so that asking again sends a new mail at once).
 */
export const mailLater = (ctx: ServerContext, what: string, mail: Mail | Promise<Mail | undefined>, failed?: () => Promise<unknown>) =>
  ctx.background(
    (async () => {
      const m = await mail;
      if (m) await ctx.mailer.send(m);
    })().catch(async (e: unknown) => {
      ctx.log('error', `${what} failed`, e);
      await failed?.();
    }),
  );

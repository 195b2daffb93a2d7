/** What the resource modules share: storage, events, mail, and where links in mails point. */
import type { Bus } from './bus.js';
import type { Db } from './db/db.js';
import type { Mailer } from './mail.js';

export type Log = (level: 'info' | 'warn' | 'error', message: string, error?: unknown) => void;

export interface ServerContext {
  db: Db;
  bus: Bus;
  mailer: Mailer;
  /** The public origin for links in mails; undefined: the origin of the request that caused the mail. */
  publicUrl: string | undefined;
  log: Log;
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
export const linkBase = (ctx: ServerContext, requestUrl: string): string =>
  (ctx.publicUrl ?? new URL(requestUrl).origin).replace(/\/+$/, '');

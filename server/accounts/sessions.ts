/**
 * Accounts' sessions and sign-in links, and the audit log: the `Authenticator` and `AuditLog` that
 * the Router uses for every resource's organisers' routes (app.ts hands them over).
 *
 * A session id and a link token are 32 random bytes (base64url); only their SHA-256 is stored. A
 * session ends 12 hours after its last use or 30 days after sign-in, whichever comes first; a link
 * works once, for 15 minutes (a link printed by the command line: 24 hours).
 */
import type { Context } from 'hono';
import type { Session } from '../../src/api/accounts.js';
import { normaliseEmail } from '../../src/domain/people.js';
import { SESSION_IDLE_MS, SESSION_MAX_MS, readSession, writeSession, type Actor, type AuditLog, type AuditRecord, type Authenticator, type Principal } from '../auth.js';
import type { Db, Queryable } from '../db/db.js';
import { newToken, sha256 } from '../secrets.js';
import type { Clock } from '../time.js';
import * as sql from './sql.js';

export const LINK_MS = 15 * 60_000;
export const CLI_LINK_MS = 24 * 3600_000;
/** A session's last use is written at most this often (a page of the console makes many requests). */
const TOUCH_MS = 60_000;
const TOKEN = /^[\w-]{43}$/;

export class Accounts implements Authenticator, AuditLog {
  constructor(
    readonly db: Db,
    readonly now: Clock,
    readonly publicUrl: string | undefined,
  ) {}

  /** The bounds a live session's times must be after, now. */
  bounds(now = this.now()) {
    return { idleAfter: now - SESSION_IDLE_MS, createdAfter: now - SESSION_MAX_MS };
  }

  /** When a session ends unless used again. */
  static expiresAt(r: sql.SessionRow): number {
    return Math.min(r.last_seen_at.getTime() + SESSION_IDLE_MS, r.created_at.getTime() + SESSION_MAX_MS);
  }

  async fromCookie(c: Context): Promise<Principal | undefined> {
    const token = readSession(c, this.publicUrl);
    if (!token || !TOKEN.test(token)) return undefined;
    const now = this.now();
    const { idleAfter, createdAfter } = this.bounds(now);
    const r = await sql.liveSession(this.db, sha256(token), idleAfter, createdAfter);
    if (!r) return undefined;
    if (now - r.last_seen_at.getTime() >= TOUCH_MS) await sql.touchSession(this.db, r.id, now);
    return { kind: 'account', role: r.role, accountId: r.account_id, sessionId: r.id };
  }

  /** Opens a session for the account and sets its cookie; the session's id. */
  async open(c: Context, accountId: string, method: Session['method'], q: Queryable = this.db): Promise<string> {
    const token = newToken();
    const at = this.now();
    const userAgent = (c.req.header('user-agent') ?? '').slice(0, 200);
    const id = await sql.insertSession(q, { accountId, hash: sha256(token), method, userAgent, at });
    await sql.markSignIn(q, accountId, at);
    writeSession(c, this.publicUrl, token);
    return id;
  }

  /** A sign-in link's token for the account (valid `ms`). */
  async link(accountId: string, ms = LINK_MS, q: Queryable = this.db): Promise<string> {
    const token = newToken();
    const at = this.now();
    await sql.insertLink(q, sha256(token), accountId, at, at + ms);
    return token;
  }

  /** Uses a link's token (once): its account, or undefined when it is unknown, used or expired. */
  useLink(token: string, q: Queryable = this.db): Promise<string | undefined> {
    return TOKEN.test(token) ? sql.useLink(q, sha256(token), this.now()) : Promise.resolve(undefined);
  }

  linkUsable(token: string): Promise<boolean> {
    return TOKEN.test(token) ? sql.linkUsable(this.db, sha256(token), this.now()) : Promise.resolve(false);
  }

  /** The account of an email, if it has one. */
  accountOf(email: string): Promise<string | undefined> {
    return sql.accountIdByEmail(this.db, normaliseEmail(email));
  }

  async record(e: AuditRecord, q: Queryable = this.db): Promise<void> {
    const a: Actor = e.actor;
    await sql.insertAudit(q, {
      at: this.now(),
      actorKind: a.kind,
      actorId: a.kind === 'account' ? a.accountId : null,
      actorRole: a.kind === 'account' || a.kind === 'token' ? a.role : null,
      action: e.action,
      itemType: e.item.type,
      itemId: e.item.id,
      change: e.change,
    });
  }

  sweep(): Promise<void> {
    const now = this.now();
    const { idleAfter, createdAfter } = this.bounds(now);
    return sql.sweep(this.db, now, idleAfter, createdAfter);
  }
}

/**
 * The first owner, from the command line (`civic-server admin add EMAIL --role owner`): the account
 * (created, or given the role), and a sign-in link's token valid 24 hours. Audited as `cli`.
 */
export async function addFromCli(db: Db, now: Clock, email: string, role: 'owner' | 'editor' | 'moderator'): Promise<{ accountId: string; token: string }> {
  const accounts = new Accounts(db, now, undefined);
  return db.transaction(async (tx) => {
    const accountId = await sql.upsertAccount(tx, { email, emailNorm: normaliseEmail(email), name: '', role, at: now() });
    await accounts.record({ actor: { kind: 'cli' }, action: 'addAccount', item: { type: 'account', id: accountId }, change: { role } }, tx);
    return { accountId, token: await accounts.link(accountId, CLI_LINK_MS, tx) };
  });
}

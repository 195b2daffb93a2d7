/**
 * Who may call an organiser's route, for every resource: the caller (a console session's account,
 * or the bearer token acting as an owner), the role check from the route table, the session cookie,
 * the check that a cookie's write comes from the server's own origin, and the audit entry each
 * organiser's write leaves. The accounts resource implements the sessions and the log
 * (`Authenticator`, `AuditLog`); app.ts hands them to the Router, so no resource imports another.
 */
import type { Context } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import type { Role } from '../src/api/accounts.js';
import type { Operation, OperationRole } from '../src/api/operation.js';
import type { Queryable } from './db/db.js';

/** Who is calling: an account through its session, or the server's bearer token (an owner). */
export type Principal = { kind: 'token'; role: 'owner' } | { kind: 'account'; role: Role; accountId: string; sessionId: string };

/** Who did something, for the audit log: a caller, the command line, or the server itself. */
export type Actor = Principal | { kind: 'cli' | 'system' };

/** Finds the account behind a request's session cookie (and marks the session used). */
export interface Authenticator {
  fromCookie(c: Context): Promise<Principal | undefined>;
}

/** One entry of the audit log, as written. */
export interface AuditRecord {
  actor: Actor;
  /** The operation's id (`updatePetition`) or another action's name (`signIn`). */
  action: string;
  item: { type: string; id: string | null };
  /** What was sent, personal data left out (see `redact`). */
  change: Record<string, unknown> | null;
}

export interface AuditLog {
  record(entry: AuditRecord, q?: Queryable): Promise<void>;
}

/** Whether `role` may call an operation that needs `need`: owner ⊃ editor, owner ⊃ moderator; any account is `signed-in`. */
export const allows = (role: Role, need: OperationRole): boolean => need === 'signed-in' || role === 'owner' || role === need;

/* The session cookie ---------------------------------------------------------------------------- */

/** 12 hours without use end a session; 30 days end it whatever its use. */
export const SESSION_IDLE_MS = 12 * 3600_000;
export const SESSION_MAX_MS = 30 * 24 * 3600_000;

/**
 * The cookie's name: over https `__Host-civic_session` (the browser then requires Secure, Path=/ and
 * no Domain, so no other host of the site can set it), over http (development) `civic_session`.
 */
export const cookieName = (secure: boolean) => (secure ? '__Host-civic_session' : 'civic_session');

/** Whether the site is served over https: PUBLIC_URL says so, else the request's own URL. */
export const isSecure = (c: Context, publicUrl: string | undefined) => (publicUrl ?? c.req.url).startsWith('https:');

/** The session id the browser sent, if any. */
export const readSession = (c: Context, publicUrl: string | undefined): string | undefined => getCookie(c, cookieName(isSecure(c, publicUrl))) || undefined;

export function writeSession(c: Context, publicUrl: string | undefined, value: string): void {
  const secure = isSecure(c, publicUrl);
  setCookie(c, cookieName(secure), value, { httpOnly: true, sameSite: 'Strict', path: '/', secure, maxAge: SESSION_MAX_MS / 1000 });
}

export function clearSession(c: Context, publicUrl: string | undefined): void {
  const secure = isSecure(c, publicUrl);
  deleteCookie(c, cookieName(secure), { path: '/', secure, httpOnly: true, sameSite: 'Strict' });
}

/**
 * Whether a request comes from a page of this server: its `Origin` is PUBLIC_URL's origin, else (in
 * development) the origin the request was sent to. A browser sends `Origin` with every write; a
 * write with a cookie and without it, or with another site's, is refused.
 */
export function sameOrigin(c: Context, publicUrl: string | undefined): boolean {
  const origin = c.req.header('origin');
  if (!origin || origin === 'null') return false;
  const own = publicUrl ? new URL(publicUrl).origin : new URL(c.req.url).origin;
  return origin === own;
}

/* The audit log --------------------------------------------------------------------------------- */

/** Fields that hold personal data: the log keeps that they were given, never their value. */
const PERSONAL = new Set(['email', 'ip', 'name', 'authorName', 'token', 'credential']);
const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/g;

/**
 * A request's body as the audit log keeps it: personal fields as `true` (given), any other text
 * that holds an email address with the address replaced, nested values kept.
 */
export function redact(value: unknown, key = ''): unknown {
  if (PERSONAL.has(key)) return value === undefined || value === null || value === '' ? value : true;
  if (typeof value === 'string') return value.replace(EMAIL, '[email]');
  if (Array.isArray(value)) return value.map((v) => redact(v));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v, k)]));
  return value;
}

/** Path segments whose item has another name. */
const renamed: Record<string, string> = { queue: 'comment', 'sign-out': 'session', options: 'passkey', 'audit.csv': 'audit' };

/**
 * The item an operation acts on: the kind named by the segment of its path before its last
 * parameter (`/admin/petitions/{id}/signatures/{signatureId}`: a `signature`, `<id>/<signatureId>`),
 * else by its last segment (`/admin/petitions`: a `petition`); the id from the path's parameters,
 * else the one the handler gave (`given`), else the body's `id` (what was created).
 */
export function itemOf(op: Operation, params: Record<string, string>, body: unknown, given?: string): AuditRecord['item'] {
  const parts = op.path.split('/').filter(Boolean);
  const last = parts.findLastIndex((p) => p.startsWith('{'));
  const segment = last > 0 ? parts[last - 1]! : parts.at(-1)!;
  const type = renamed[segment] ?? segment.replace(/ies$/, 'y').replace(/s$/, '');
  const ids = parts.filter((p) => p.startsWith('{')).map((p) => params[p.slice(1, -1)] ?? '');
  const created = body && typeof body === 'object' && 'id' in body && typeof body.id === 'string' ? body.id : null;
  return { type, id: ids.length ? ids.join('/') : (given ?? created) };
}

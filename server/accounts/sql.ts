/**
 * The accounts resource's SQL: accounts, sign-in links, sessions, passkeys and their challenges,
 * and the audit log. Times come from the server's clock (`at`, `now`), never from now().
 */
import type { Account, AuditEntry, Passkey, Role, Session } from '../../src/api/accounts.js';
import type { Queryable, Row } from '../db/db.js';
import { fromJson } from '../db/statements.js';
import { iso, isoOrNull } from '../time.js';

const t = (ms: number) => new Date(ms);

/* Accounts -------------------------------------------------------------------------------------- */

interface AccountRow extends Row {
  id: string;
  email: string;
  name: string;
  role: Role;
  created_at: Date;
  last_sign_in_at: Date | null;
  passkey_count: number;
}

const SELECT_ACCOUNT = `SELECT a.id::text AS id, a.email, a.name, a.role, a.created_at, a.last_sign_in_at,
  (SELECT count(*)::int FROM passkeys k WHERE k.account_id = a.id) AS passkey_count FROM accounts a`;

const toAccount = (r: AccountRow): Account => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  createdAt: iso(r.created_at),
  lastSignInAt: isoOrNull(r.last_sign_in_at),
  passkeyCount: r.passkey_count,
});

export const listAccounts = async (q: Queryable): Promise<Account[]> => (await q.query<AccountRow>(`${SELECT_ACCOUNT} ORDER BY a.email_norm`)).map(toAccount);

export async function getAccount(q: Queryable, id: string): Promise<Account | undefined> {
  const [r] = await q.query<AccountRow>(`${SELECT_ACCOUNT} WHERE a.id = $1::bigint`, [id]);
  return r && toAccount(r);
}

export async function accountIdByEmail(q: Queryable, emailNorm: string): Promise<string | undefined> {
  const [r] = await q.query<{ id: string }>('SELECT id::text AS id FROM accounts WHERE email_norm = $1', [emailNorm]);
  return r?.id;
}

export interface NewAccount {
  email: string;
  emailNorm: string;
  name: string;
  role: Role;
  at: number;
}

/** Inserts an account; its id, or undefined when the email has one already. */
export async function insertAccount(q: Queryable, a: NewAccount): Promise<string | undefined> {
  const [r] = await q.query<{ id: string }>(
    `INSERT INTO accounts (email, email_norm, name, role, created_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (email_norm) DO NOTHING RETURNING id::text AS id`,
    [a.email, a.emailNorm, a.name, a.role, t(a.at)],
  );
  return r?.id;
}

/** Inserts the account, or gives the existing one of this email the role; its id. */
export async function upsertAccount(q: Queryable, a: NewAccount): Promise<string> {
  const [r] = await q.query<{ id: string }>(
    `INSERT INTO accounts (email, email_norm, name, role, created_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (email_norm) DO UPDATE SET role = EXCLUDED.role RETURNING id::text AS id`,
    [a.email, a.emailNorm, a.name, a.role, t(a.at)],
  );
  return r!.id;
}

/** Changes the name and role given; false when there is no such account. */
export async function updateAccount(q: Queryable, id: string, changes: { name?: string | undefined; role?: Role | undefined }): Promise<boolean> {
  const rows = await q.query(
    'UPDATE accounts SET name = coalesce($2, name), role = coalesce($3, role) WHERE id = $1::bigint RETURNING id',
    [id, changes.name ?? null, changes.role ?? null],
  );
  return rows.length === 1;
}

export async function deleteAccount(q: Queryable, id: string): Promise<boolean> {
  return (await q.query('DELETE FROM accounts WHERE id = $1::bigint RETURNING id', [id])).length === 1;
}

/** The owners, locked until the transaction ends (so that two changes cannot remove the last one together). */
export const lockOwners = async (q: Queryable): Promise<string[]> =>
  (await q.query<{ id: string }>(`SELECT id::text AS id FROM accounts WHERE role = 'owner' ORDER BY id FOR UPDATE`)).map((r) => r.id);

export const markSignIn = (q: Queryable, id: string, at: number) => q.query('UPDATE accounts SET last_sign_in_at = $2 WHERE id = $1::bigint', [id, t(at)]);

/* Sign-in links --------------------------------------------------------------------------------- */

export const insertLink = (q: Queryable, hash: string, accountId: string, at: number, expiresAt: number) =>
  q.query('INSERT INTO sign_in_links (token_hash, account_id, created_at, expires_at) VALUES ($1, $2::bigint, $3, $4)', [hash, accountId, t(at), t(expiresAt)]);

/** Uses a link: its account when it was unused and unexpired (and now it is used). */
export async function useLink(q: Queryable, hash: string, now: number): Promise<string | undefined> {
  const [r] = await q.query<{ account_id: string }>(
    `UPDATE sign_in_links SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING account_id::text AS account_id`,
    [hash, t(now)],
  );
  return r?.account_id;
}

/** Whether an unused, unexpired link has this hash (the page behind the mail shows its button only then). */
export async function linkUsable(q: Queryable, hash: string, now: number): Promise<boolean> {
  return (await q.query('SELECT 1 FROM sign_in_links WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2', [hash, t(now)])).length === 1;
}

/* Sessions -------------------------------------------------------------------------------------- */

export interface SessionRow extends Row {
  id: string;
  account_id: string;
  role: Role;
  method: Session['method'];
  user_agent: string;
  created_at: Date;
  last_seen_at: Date;
}

export async function insertSession(q: Queryable, s: { accountId: string; hash: string; method: Session['method']; userAgent: string; at: number }): Promise<string> {
  const [r] = await q.query<{ id: string }>(
    `INSERT INTO account_sessions (account_id, token_hash, method, user_agent, created_at, last_seen_at)
     VALUES ($1::bigint, $2, $3, $4, $5, $5) RETURNING id::text AS id`,
    [s.accountId, s.hash, s.method, s.userAgent, t(s.at)],
  );
  return r!.id;
}

const SELECT_SESSION = `SELECT s.id::text AS id, s.account_id::text AS account_id, a.role, s.method, s.user_agent, s.created_at, s.last_seen_at
  FROM account_sessions s JOIN accounts a ON a.id = s.account_id`;

/** The live session of this hash (idle since `idleAfter` or older than `createdAfter`: none). */
export async function liveSession(q: Queryable, hash: string, idleAfter: number, createdAfter: number): Promise<SessionRow | undefined> {
  const [r] = await q.query<SessionRow>(`${SELECT_SESSION} WHERE s.token_hash = $1 AND s.last_seen_at > $2 AND s.created_at > $3`, [hash, t(idleAfter), t(createdAfter)]);
  return r;
}

export const touchSession = (q: Queryable, id: string, at: number) => q.query('UPDATE account_sessions SET last_seen_at = $2 WHERE id = $1::bigint AND last_seen_at < $2', [id, t(at)]);

export async function accountSessions(q: Queryable, accountId: string, idleAfter: number, createdAfter: number): Promise<SessionRow[]> {
  return q.query<SessionRow>(`${SELECT_SESSION} WHERE s.account_id = $1::bigint AND s.last_seen_at > $2 AND s.created_at > $3 ORDER BY s.last_seen_at DESC, s.id DESC`, [
    accountId,
    t(idleAfter),
    t(createdAfter),
  ]);
}

export async function deleteSession(q: Queryable, id: string, accountId: string): Promise<boolean> {
  return (await q.query('DELETE FROM account_sessions WHERE id = $1::bigint AND account_id = $2::bigint RETURNING id', [id, accountId])).length === 1;
}

export const toSession = (r: SessionRow, currentId: string | undefined, expiresAt: number): Session => ({
  id: r.id,
  current: r.id === currentId,
  createdAt: iso(r.created_at),
  lastSeenAt: iso(r.last_seen_at),
  expiresAt: new Date(expiresAt).toISOString(),
  userAgent: r.user_agent,
  method: r.method,
});

/** Forgets ended sessions, used or expired links and challenges. */
export async function sweep(q: Queryable, now: number, idleAfter: number, createdAfter: number): Promise<void> {
  await q.query('DELETE FROM account_sessions WHERE last_seen_at <= $1 OR created_at <= $2', [t(idleAfter), t(createdAfter)]);
  await q.query('DELETE FROM sign_in_links WHERE expires_at <= $1', [t(now)]);
  await q.query('DELETE FROM passkey_challenges WHERE expires_at <= $1', [t(now)]);
}

/* Passkeys -------------------------------------------------------------------------------------- */

export interface PasskeyRow extends Row {
  id: string;
  account_id: string;
  credential_id: string;
  public_key: string;
  counter: string;
  transports: string;
  name: string;
  created_at: Date;
  last_used_at: Date | null;
}

const SELECT_PASSKEY = 'SELECT id::text AS id, account_id::text AS account_id, credential_id, public_key, counter::text AS counter, transports, name, created_at, last_used_at FROM passkeys';

export const toPasskey = (r: PasskeyRow): Passkey => ({ id: r.id, name: r.name, createdAt: iso(r.created_at), lastUsedAt: isoOrNull(r.last_used_at) });

export const passkeysOf = (q: Queryable, accountId: string) => q.query<PasskeyRow>(`${SELECT_PASSKEY} WHERE account_id = $1::bigint ORDER BY id`, [accountId]);

export async function passkeyByCredential(q: Queryable, credentialId: string): Promise<PasskeyRow | undefined> {
  const [r] = await q.query<PasskeyRow>(`${SELECT_PASSKEY} WHERE credential_id = $1`, [credentialId]);
  return r;
}

/** Stores a passkey; false when this credential is registered already. */
export async function insertPasskey(
  q: Queryable,
  k: { accountId: string; credentialId: string; publicKey: string; counter: number; transports: string; name: string; at: number },
): Promise<boolean> {
  const rows = await q.query(
    `INSERT INTO passkeys (account_id, credential_id, public_key, counter, transports, name, created_at)
     VALUES ($1::bigint, $2, $3, $4, $5, $6, $7) ON CONFLICT (credential_id) DO NOTHING RETURNING id`,
    [k.accountId, k.credentialId, k.publicKey, k.counter, k.transports, k.name, t(k.at)],
  );
  return rows.length === 1;
}

export const usedPasskey = (q: Queryable, id: string, counter: number, at: number) =>
  q.query('UPDATE passkeys SET counter = $2, last_used_at = $3 WHERE id = $1::bigint', [id, counter, t(at)]);

export async function deletePasskey(q: Queryable, id: string, accountId: string): Promise<boolean> {
  return (await q.query('DELETE FROM passkeys WHERE id = $1::bigint AND account_id = $2::bigint RETURNING id', [id, accountId])).length === 1;
}

export const insertChallenge = (q: Queryable, challenge: string, purpose: 'register' | 'sign-in', accountId: string | null, expiresAt: number) =>
  q.query('INSERT INTO passkey_challenges (challenge, purpose, account_id, expires_at) VALUES ($1, $2, $3::bigint, $4)', [challenge, purpose, accountId, t(expiresAt)]);

/** Takes a challenge (once): whether it was handed out for this purpose (and account) and is unexpired. */
export async function takeChallenge(q: Queryable, challenge: string, purpose: 'register' | 'sign-in', accountId: string | null, now: number): Promise<boolean> {
  const rows = await q.query(
    `DELETE FROM passkey_challenges WHERE challenge = $1 AND purpose = $2 AND account_id IS NOT DISTINCT FROM $3::bigint AND expires_at > $4 RETURNING challenge`,
    [challenge, purpose, accountId, t(now)],
  );
  return rows.length === 1;
}

/* The audit log --------------------------------------------------------------------------------- */

export interface AuditInsert {
  at: number;
  actorKind: AuditEntry['actor']['kind'];
  actorId: string | null;
  actorRole: Role | null;
  action: string;
  itemType: string;
  itemId: string | null;
  change: Record<string, unknown> | null;
}

export const insertAudit = (q: Queryable, e: AuditInsert) =>
  q.query(
    `INSERT INTO audit_log (at, actor_kind, actor_id, actor_role, action, item_type, item_id, change)
     VALUES ($1, $2, $3::bigint, $4, $5, $6, $7, $8::jsonb)`,
    [t(e.at), e.actorKind, e.actorId, e.actorRole, e.action, e.itemType, e.itemId, e.change === null ? null : JSON.stringify(e.change)],
  );

export interface AuditFilter {
  actorKind?: string | undefined;
  actorId?: string | undefined;
  action?: string | undefined;
  itemType?: string | undefined;
  itemId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

interface AuditRow extends Row {
  id: string;
  at: Date;
  actor_kind: AuditEntry['actor']['kind'];
  actor_id: string | null;
  actor_role: Role | null;
  action: string;
  item_type: string;
  item_id: string | null;
  change: unknown;
}

const where = (f: AuditFilter, values: unknown[]): string => {
  const conds: string[] = [];
  const add = (sql: string, v: unknown) => {
    values.push(v);
    conds.push(sql.replace('?', `$${values.length}`));
  };
  if (f.actorKind) add('actor_kind = ?', f.actorKind);
  if (f.actorId) add('actor_id = ?::bigint', f.actorId);
  if (f.action) add('action = ?', f.action);
  if (f.itemType) add('item_type = ?', f.itemType);
  if (f.itemId) {
    // The item, and the items under it (a petition's erased signatures are `<petition>/<signature>`).
    values.push(f.itemId);
    conds.push(`(item_id = $${values.length} OR starts_with(item_id, $${values.length} || '/'))`);
  }
  if (f.from) add('at >= ?', f.from);
  if (f.to) add('at < ?', f.to);
  return conds.length ? `WHERE ${conds.join(' AND ')}` : '';
};

export const toAuditEntry = (r: AuditRow): AuditEntry => ({
  id: r.id,
  at: iso(r.at),
  actor: { kind: r.actor_kind, id: r.actor_id, role: r.actor_role },
  action: r.action,
  item: { type: r.item_type, id: r.item_id },
  change: r.change === null ? null : fromJson<Record<string, unknown>>(r.change),
});

/** A page of the log, newest first, before entry `before` (none: from the newest); and how many match. */
export async function auditPage(q: Queryable, f: AuditFilter, before: string | undefined, limit: number): Promise<{ rows: AuditEntry[]; total: number }> {
  const values: unknown[] = [];
  const filter = where(f, values);
  const [{ total }] = (await q.query<{ total: number }>(`SELECT count(*)::int AS total FROM audit_log ${filter}`, values)) as [{ total: number }];
  const paged = [...values, before ?? null, limit];
  const cond = `${filter ? `${filter} AND` : 'WHERE'} ($${values.length + 1}::bigint IS NULL OR id < $${values.length + 1}::bigint)`;
  const rows = await q.query<AuditRow>(
    `SELECT id::text AS id, at, actor_kind, actor_id::text AS actor_id, actor_role, action, item_type, item_id, change
       FROM audit_log ${cond} ORDER BY id DESC LIMIT $${values.length + 2}`,
    paged,
  );
  return { rows: rows.map(toAuditEntry), total };
}

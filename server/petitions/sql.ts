/**
 * The petition resource's SQL: reading petitions and their live state, signatures (signing,
 * confirming, withdrawing, the mailed links), the admin writes, the export, the demo's signers.
 */
import { publicName } from '../../src/domain/people.js';
import { type Petition, type PetitionEvent, type PublicSigner, type SignResult } from '../../src/api/petition.js';
import type { PetitionCreate, PetitionUpdate } from '../../src/api/admin.js';
import type { AdminPetition, Signer } from '../../src/api/lists.js';
import type { Queryable, Row } from '../db/db.js';
import { fieldsOf, insertNew, SLOT, updateRow } from '../db/statements.js';
import { iso, isoOrNull } from '../time.js';

/** Adds to the count's slots: `rows` gives (petition id, slot, amount). */
const BUMP = (rows: string) =>
  `INSERT INTO petition_count_slots (petition_id, slot, n) ${rows}
   ON CONFLICT (petition_id, slot) DO UPDATE SET n = petition_count_slots.n + excluded.n`;

/** Whether the petition takes signatures: open, and its closing date not passed. */
const OPEN = `(p.status = 'open' AND (p.closes_at IS NULL OR p.closes_at > now()))`;

/**
 * The confirmed count of petition `p`: its row's count plus what the signing connections added to
 * their slots (see migration 012); `recount` folds the slots back into the row.
 */
const COUNT = `(p.signature_count + coalesce((SELECT sum(c.n) FROM petition_count_slots c WHERE c.petition_id = p.id), 0))::int`;

/** `status` says `closed` once `closes_at` has passed, as `isOpen()` does. */
const SELECT_PETITION = `
  SELECT p.id, p.title, p.summary, p.url, p.goal, ${COUNT} AS signature_count, p.double_opt_in, p.locale,
         p.closes_at, p.created_at, p.updated_at,
         CASE WHEN p.status = 'closed' OR p.closes_at <= now() THEN 'closed' ELSE 'open' END AS status,
         (SELECT coalesce(json_agg(json_build_object('name', r.name, 'city', r.city, 'at', r.confirmed_at)), '[]'::json)
            FROM (SELECT name, city, confirmed_at FROM signatures
                   WHERE petition_id = p.id AND status = 'confirmed' AND show_name
                   ORDER BY confirmed_at DESC, id DESC LIMIT 10) r) AS recent
    FROM petitions p WHERE p.id = $1`;

interface PetitionRow extends Row {
  id: string;
  title: string;
  summary: string;
  url: string | null;
  goal: number;
  signature_count: number;
  double_opt_in: boolean;
  locale: 'fr' | 'en';
  status: 'open' | 'closed';
  closes_at: Date | null;
  created_at: Date;
  updated_at: Date;
  recent: { name: string; city: string | null; at: string }[] | string;
}

const signers = (recent: PetitionRow['recent']): PublicSigner[] =>
  (typeof recent === 'string' ? (JSON.parse(recent) as Exclude<PetitionRow['recent'], string>) : recent).map((s) => ({
    name: publicName(s.name),
    city: s.city,
    signedAt: iso(s.at),
  }));

export async function getPetition(q: Queryable, id: string): Promise<Petition | undefined> {
  const [r] = await q.query<PetitionRow>(SELECT_PETITION, [id]);
  if (!r) return undefined;
  return {
    id: r.id,
    title: r.title,
    summary: r.summary,
    url: r.url,
    goal: r.goal,
    signatureCount: r.signature_count,
    status: r.status,
    closesAt: isoOrNull(r.closes_at),
    doubleOptIn: r.double_opt_in,
    locale: r.locale,
    recentSigners: signers(r.recent),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export const toEvent = (p: Petition): PetitionEvent => ({
  type: 'petition',
  signatureCount: p.signatureCount,
  goal: p.goal,
  status: p.status,
  recentSigners: p.recentSigners,
});

/** Inserts a petition; false when the id is taken. */
export const insertPetition = (q: Queryable, p: PetitionCreate): Promise<boolean> =>
  insertNew(q, 'petitions', { id: p.id, title: p.title, summary: p.summary, url: p.url ?? null, goal: p.goal, closesAt: p.closesAt ?? null, doubleOptIn: p.doubleOptIn ?? true, locale: p.locale ?? 'fr' });

/** Changes the fields present in `changes`; false when there is no such petition. */
const FIELDS = fieldsOf<PetitionUpdate>()(['title', 'summary', 'url', 'goal', 'closesAt', 'doubleOptIn', 'locale']);
export const updatePetition = (q: Queryable, id: string, changes: PetitionUpdate): Promise<boolean> => updateRow(q, 'petitions', id, changes, FIELDS);

export async function closePetition(q: Queryable, id: string): Promise<boolean> {
  const rows = await q.query(`UPDATE petitions SET status = 'closed', updated_at = now() WHERE id = $1 RETURNING id`, [id]);
  return rows.length === 1;
}

/** Adds `delta` to the confirmed count; the new count. */
export async function addToCount(q: Queryable, id: string, delta: 1 | -1): Promise<number> {
  // The statement's parts share one snapshot: the count read does not include the slot it changes.
  const [r] = await q.query<{ signature_count: number }>(
    `WITH bump AS (${BUMP(`VALUES ($1, ${SLOT}, $2::int)`)})
     SELECT ${COUNT} + $2::int AS signature_count FROM petitions p WHERE p.id = $1`,
    [id, delta],
  );
  return r?.signature_count ?? 0;
}

export interface ExportRow extends Row {
  id: string;
  name: string;
  email: string;
  postal_code: string | null;
  city: string | null;
  comment: string | null;
  show_name: boolean;
  accept_updates: boolean;
  status: string;
  created_at: Date;
  confirmed_at: Date | null;
}

/** One page of the export, in signing order, after signature `afterId`. */
export const exportPage = (q: Queryable, petitionId: string, afterId: string, limit: number) =>
  q.query<ExportRow>(
    `SELECT id::text AS id, name, email, postal_code, city, comment, show_name, accept_updates, status, created_at, confirmed_at
       FROM signatures s WHERE s.petition_id = $1 AND s.id > $2::bigint ORDER BY s.id LIMIT $3`,
    [petitionId, afterId, limit],
  );

/* Signatures ------------------------------------------------------------------------------------ */

/**
 * A new signature: the signer's fields, the Idempotency-Key, and the hashes of its tokens (the
 * confirmation's is kept only on a double opt-in petition).
 */
export interface NewSignature {
  petitionId: string;
  name: string;
  email: string;
  emailNorm: string;
  postalCode: string | null;
  city: string | null;
  comment: string | null;
  showName: boolean;
  acceptUpdates: boolean;
  key: string | null;
  confirmHash: string;
  withdrawHash: string;
}

const COLUMNS = `petition_id, name, email, email_norm, postal_code, city, comment, show_name, accept_updates,
                 idempotency_key, confirm_hash, withdraw_hash, status, confirmed_at, result_status, result_count, mailed_at`;

const values = (s: NewSignature) => [
  s.petitionId, s.name, s.email, s.emailNorm, s.postalCode, s.city, s.comment, s.showName, s.acceptUpdates, s.key, s.confirmHash, s.withdrawHash,
];

/** What one signing statement found and did (`signOnce`). */
export interface Signed {
  title: string;
  locale: 'fr' | 'en';
  doubleOptIn: boolean;
  open: boolean;
  /** The confirmed count before this signature (as this statement's snapshot saw it). */
  signatureCount: number;
  /** The first answer given to this Idempotency-Key, when it was given before. */
  replay: SignResult | undefined;
  /** The signature inserted (pending, or confirmed and counted); undefined when none was. */
  inserted: { id: string; status: 'pending' | 'confirmed'; count: number } | undefined;
}

/**
 * Signs in one statement (one round trip, one commit): reads the petition and the answer already
 * given to the Idempotency-Key, and, unless that answer exists or the petition is closed, inserts
 * the signature: pending with the confirmation hash on a double opt-in petition (the count
 * untouched), else confirmed, with the bump of this connection's slot of the count. A conflict (this
 * email or this key, just signed by a concurrent request) inserts and counts nothing; concurrent
 * signers lock different slots. No NOTIFY here (it would make every signing commit wait for the one
 * before: bus.ts). `keep` false reads only (the honeypot). Undefined when there is no such petition.
 */
export async function signOnce(q: Queryable, s: NewSignature, keep = true): Promise<Signed | undefined> {
  const [r] = await q.query<{
    title: string;
    locale: 'fr' | 'en';
    double_opt_in: boolean;
    signature_count: number;
    open: boolean;
    result_status: SignResult['status'] | null;
    result_count: number | null;
    id: string | null;
    status: 'pending' | 'confirmed' | null;
    count: number | null;
  }>(
    `WITH p AS (
       SELECT p.id, p.title, p.locale, p.double_opt_in, ${COUNT} AS signature_count, ${OPEN} AS open,
              s.result_status, s.result_count
         FROM petitions p LEFT JOIN signatures s ON s.petition_id = p.id AND s.idempotency_key = $10
        WHERE p.id = $1
     ), ins AS (
       INSERT INTO signatures (${COLUMNS})
       SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, CASE WHEN p.double_opt_in THEN $11 END, $12,
              s.status, CASE WHEN NOT p.double_opt_in THEN now() END, s.status,
              p.signature_count + CASE WHEN p.double_opt_in THEN 0 ELSE 1 END, now()
         FROM p, LATERAL (SELECT CASE WHEN p.double_opt_in THEN 'pending' ELSE 'confirmed' END AS status) s
        WHERE p.open AND p.result_status IS NULL AND $13
       ON CONFLICT DO NOTHING RETURNING id, status, result_count
     ), bump AS (${BUMP(`SELECT $1, ${SLOT}, 1 FROM ins WHERE ins.status = 'confirmed'`)})
     SELECT p.title, p.locale, p.double_opt_in, p.signature_count, p.open, p.result_status, p.result_count,
            ins.id::text AS id, ins.status, ins.result_count AS count
       FROM p LEFT JOIN ins ON true`,
    [...values(s), keep],
  );
  if (!r) return undefined;
  return {
    title: r.title,
    locale: r.locale,
    doubleOptIn: r.double_opt_in,
    open: r.open,
    signatureCount: r.signature_count,
    replay: r.result_status === null ? undefined : { status: r.result_status, signatureCount: r.result_count ?? 0 },
    inserted: r.id === null ? undefined : { id: r.id, status: r.status!, count: r.count! },
  };
}

/** The first answer given to this Idempotency-Key on the petition, if any. */
export async function answerTo(q: Queryable, petitionId: string, key: string): Promise<SignResult | undefined> {
  const [r] = await q.query<{ result_status: SignResult['status']; result_count: number }>(
    'SELECT result_status, result_count FROM signatures WHERE petition_id = $1 AND idempotency_key = $2',
    [petitionId, key],
  );
  return r && { status: r.result_status, signatureCount: r.result_count };
}

/** A pending signer asking again gets a fresh confirmation mail, at most this often. */
const RESEND_AFTER = '10 minutes';

/**
 * Gives the pending signature of this email new token hashes if it was not mailed lately (marking it
 * mailed now); its id, address and name then, else undefined.
 */
export async function renewPending(q: Queryable, petitionId: string, emailNorm: string, confirmHash: string, withdrawHash: string) {
  const [r] = await q.query<{ id: string; email: string; name: string }>(
    `UPDATE signatures SET confirm_hash = $3, withdraw_hash = $4, mailed_at = now()
      WHERE petition_id = $1 AND email_norm = $2 AND status = 'pending'
        AND (mailed_at IS NULL OR mailed_at < now() - interval '${RESEND_AFTER}')
      RETURNING id::text AS id, email, name`,
    [petitionId, emailNorm, confirmHash, withdrawHash],
  );
  return r;
}

export async function signatureCount(q: Queryable, petitionId: string): Promise<number> {
  const [r] = await q.query<{ signature_count: number }>(`SELECT ${COUNT} AS signature_count FROM petitions p WHERE p.id = $1`, [petitionId]);
  return r?.signature_count ?? 0;
}

/** The signature whose confirmation link has this hash, locked, with its petition's count and whether it is open. */
export async function signatureToConfirm(q: Queryable, confirmHash: string) {
  const [s] = await q.query<{ id: string; petition_id: string; status: 'pending' | 'confirmed'; signature_count: number; open: boolean }>(
    `SELECT s.id::text AS id, s.petition_id, s.status, ${COUNT} AS signature_count, ${OPEN} AS open
       FROM signatures s JOIN petitions p ON p.id = s.petition_id
      WHERE s.confirm_hash = $1 FOR UPDATE OF s`,
    [confirmHash],
  );
  return s;
}

export const markConfirmed = (q: Queryable, signatureId: string) =>
  q.query(`UPDATE signatures SET status = 'confirmed', confirmed_at = now() WHERE id = $1::bigint`, [signatureId]);

/** Deletes the signature whose withdrawal link has this hash (its data goes with it); its petition and status. */
export async function deleteSignature(q: Queryable, withdrawHash: string) {
  const [s] = await q.query<{ petition_id: string; status: string }>('DELETE FROM signatures WHERE withdraw_hash = $1 RETURNING petition_id, status', [withdrawHash]);
  return s;
}

/** What a page needs to know about a mailed link before acting on it. */
export interface TokenInfo {
  status: 'pending' | 'confirmed';
  petitionId: string;
  title: string;
  locale: 'fr' | 'en';
  url: string | null;
  signatureCount: number;
  open: boolean;
}

/** The signature and petition behind a confirmation or withdrawal link (by the hash of its token). */
export async function tokenInfo(q: Queryable, kind: 'confirm' | 'withdraw', hash: string): Promise<TokenInfo | undefined> {
  const [r] = await q.query<Row & Omit<TokenInfo, 'petitionId' | 'signatureCount'> & { petition_id: string; signature_count: number }>(
    `SELECT s.status, s.petition_id, p.title, p.locale, p.url, ${COUNT} AS signature_count, ${OPEN} AS open
       FROM signatures s JOIN petitions p ON p.id = s.petition_id
      WHERE s.${kind === 'confirm' ? 'confirm_hash' : 'withdraw_hash'} = $1`,
    [hash],
  );
  return r && { status: r.status, petitionId: r.petition_id, title: r.title, locale: r.locale, url: r.url, signatureCount: r.signature_count, open: r.open };
}

/** Records that a mail failed, so that signing again sends a new one at once. */
export const mailFailed = (q: Queryable, signatureId: string) => q.query('UPDATE signatures SET mailed_at = NULL WHERE id = $1::bigint', [signatureId]);

/* Demo content ---------------------------------------------------------------------------------- */

/** A signer confirmed at `at` (the demo's); false when this email has signed. */
export async function insertConfirmedSigner(
  q: Queryable,
  petitionId: string,
  s: { name: string; email: string; city: string; showName: boolean; at: string; withdrawHash: string },
): Promise<boolean> {
  const rows = await q.query(
    `INSERT INTO signatures (petition_id, name, email, email_norm, city, show_name, status, created_at, confirmed_at,
                             result_status, result_count, withdraw_hash)
     VALUES ($1, $2, $3, $3, $4, $5, 'confirmed', $6, $6, 'confirmed', 0, $7)
     ON CONFLICT DO NOTHING RETURNING id`,
    [petitionId, s.name, s.email, s.city, s.showName, s.at, s.withdrawHash],
  );
  return rows.length === 1;
}

/** Sets the confirmed count from the signatures, the slots folded in (call it in a transaction). */
export async function recount(q: Queryable, petitionId: string): Promise<void> {
  await q.query('DELETE FROM petition_count_slots WHERE petition_id = $1', [petitionId]);
  await q.query(`UPDATE petitions SET signature_count = (SELECT count(*) FROM signatures WHERE petition_id = $1 AND status = 'confirmed') WHERE id = $1`, [petitionId]);
}

/** A petition created at `createdAt` and closed at `closedAt`. */
export const closedSince = (q: Queryable, id: string, createdAt: string, closedAt: string) =>
  q.query(`UPDATE petitions SET status = 'closed', created_at = $2, updated_at = $3 WHERE id = $1`, [id, createdAt, closedAt]);

/* The console -------------------------------------------------------------------------------------- */

/** Every petition, newest first, with its pending signatures counted. */
export async function listPetitions(q: Queryable): Promise<AdminPetition[]> {
  const rows = await q.query<PetitionRow & { pending_count: number }>(
    `SELECT p.id, p.title, p.summary, p.url, p.goal, ${COUNT} AS signature_count, p.double_opt_in, p.locale, p.closes_at, p.created_at, p.updated_at,
            CASE WHEN p.status = 'closed' OR p.closes_at <= now() THEN 'closed' ELSE 'open' END AS status,
            (SELECT count(*)::int FROM signatures s WHERE s.petition_id = p.id AND s.status = 'pending') AS pending_count
       FROM petitions p ORDER BY p.created_at DESC, p.id LIMIT 1000`,
  );
  return rows.map((r) => ({
    id: r.id, title: r.title, summary: r.summary, url: r.url, goal: r.goal, signatureCount: r.signature_count, status: r.status,
    closesAt: isoOrNull(r.closes_at), doubleOptIn: r.double_opt_in, locale: r.locale, createdAt: iso(r.created_at), updatedAt: iso(r.updated_at),
    pendingCount: r.pending_count,
  }));
}

/** Opens a petition again (a closing date already passed is cleared); false when there is none. */
export async function reopenPetition(q: Queryable, id: string): Promise<boolean> {
  const rows = await q.query(
    `UPDATE petitions SET status = 'open', closes_at = CASE WHEN closes_at <= now() THEN NULL ELSE closes_at END, updated_at = now() WHERE id = $1 RETURNING id`,
    [id],
  );
  return rows.length === 1;
}

/** A page of signers, newest first, before signature `before`: a search in names and emails, a state. */
export async function signerPage(q: Queryable, petitionId: string, f: { q?: string | undefined; status?: string | undefined }, before: string | undefined, limit: number) {
  const like = f.q ? `%${f.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const filter = `s.petition_id = $1 AND ($2::text IS NULL OR lower(s.name) LIKE $2 OR s.email_norm LIKE $2) AND ($3::text IS NULL OR s.status = $3)`;
  const [{ total }] = (await q.query<{ total: number }>(`SELECT count(*)::int AS total FROM signatures s WHERE ${filter}`, [petitionId, like, f.status ?? null])) as [{ total: number }];
  const rows = await q.query<ExportRow>(
    `SELECT id::text AS id, name, email, postal_code, city, comment, show_name, accept_updates, status, created_at, confirmed_at
       FROM signatures s WHERE ${filter} AND ($4::bigint IS NULL OR s.id < $4::bigint) ORDER BY s.id DESC LIMIT $5`,
    [petitionId, like, f.status ?? null, before ?? null, limit],
  );
  const items: Signer[] = rows.map((r) => ({
    id: r.id, name: r.name, email: r.email, postalCode: r.postal_code, city: r.city, comment: r.comment, showName: r.show_name,
    acceptUpdates: r.accept_updates, status: r.status as Signer['status'], signedAt: iso(r.created_at), confirmedAt: isoOrNull(r.confirmed_at),
  }));
  return { items, total };
}

/** Deletes signature `id` of the petition (an erasure on request); its status, or undefined when there is none. */
export async function deleteSigner(q: Queryable, petitionId: string, id: string) {
  const [s] = await q.query<{ status: string }>('DELETE FROM signatures WHERE petition_id = $1 AND id = $2::bigint RETURNING status', [petitionId, id]);
  return s;
}

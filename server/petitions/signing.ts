/**
 * Signing, confirming and withdrawing. Whatever changes the confirmed count changes it in the same
 * transaction as the signature, and NOTIFYs the change (delivered on commit). Mail is sent by the
 * caller after the commit.
 */
import type * as z from 'zod/mini';
import { normaliseEmail } from '../../src/domain/people.js';
import { type Petition, type SignResult, type SignatureInput, type TokenResult } from '../../src/api/petition.js';
import type { Bus } from '../bus.js';
import type { Db, Queryable, Row } from '../db/db.js';
import { ApiFailure, notFound } from '../http.js';
import type { Live } from '../live.js';
import { newToken, sha256 as hashToken } from '../secrets.js';
import { addToCount, signingInfo } from './sql.js';

/** What the petition operations work with. */
export interface Petitions {
  db: Db;
  bus: Bus;
  /** The shared current state of each petition (GET and the event streams read it). */
  live: Live<Petition>;
}


/** A pending signer asking again gets a fresh confirmation mail, at most this often. */
const RESEND_AFTER = '10 minutes';

export const TOPIC = 'petition:';
export const topic = (petitionId: string) => TOPIC + petitionId;

/** Tells every process, on commit, that the petition changed (they read it again when they need it). */
export const publishChange = (bus: Bus, tx: Queryable, petitionId: string) => bus.publish(tx, topic(petitionId));

/** What to mail after a signature: a confirmation request (pending) or a thank-you (confirmed). */
export interface SignMail {
  kind: 'confirm' | 'thanks';
  signatureId: string;
  to: string;
  name: string;
  confirmToken: string | null;
  withdrawToken: string;
}

export const closed = () => new ApiFailure(409, 'closed', 'this petition is closed');

export async function sign(
  { db, bus, live }: Petitions,
  petitionId: string,
  input: z.output<typeof SignatureInput>,
  key: string | null,
): Promise<{ result: SignResult; mail?: SignMail; petition: { title: string; locale: 'fr' | 'en' } }> {
  const p = await signingInfo(db, petitionId, key);
  if (!p) throw notFound(`no petition ${petitionId}`);
  const petition = { title: p.title, locale: p.locale };
  if (p.replay) return { result: p.replay, petition };
  if (!p.open) throw closed();
  // The honeypot: answer as a success would, keep nothing.
  if (input.hp) return { result: { status: p.doubleOptIn ? 'pending' : 'confirmed', signatureCount: p.signatureCount }, petition };

  const confirmToken = p.doubleOptIn ? newToken() : null;
  const withdrawToken = newToken();
  const email = normaliseEmail(input.email);
  const values = [
    petitionId,
    input.name,
    input.email.trim(),
    email,
    input.postalCode || null,
    input.city || null,
    input.comment || null,
    input.showName ?? false,
    input.acceptUpdates ?? false,
    key,
    confirmToken && hashToken(confirmToken),
    hashToken(withdrawToken),
  ];
  const mail = (id: string): SignMail => ({ kind: p.doubleOptIn ? 'confirm' : 'thanks', signatureId: id, to: input.email.trim(), name: input.name, confirmToken, withdrawToken });

  if (p.doubleOptIn) {
    // Pending: one statement, the count untouched.
    const [row] = await db.query<{ id: string; result_count: number }>(INSERT_PENDING, values);
    if (row) return { result: { status: 'pending', signatureCount: row.result_count }, mail: mail(row.id), petition };
  } else {
    // Counted at once: the counter row is locked from the bump to the commit, so the bump, the
    // insert and the notification are one statement, and a conflict (this email or this key,
    // just signed by a concurrent request) rolls the bump back.
    const row = await db
      .transaction(async (tx) => {
        const [r] = await tx.query<{ id: string; result_count: number }>(INSERT_COUNTED, [...values, ...bus.notification(topic(petitionId))]);
        if (!r) throw notInserted;
        return r;
      })
      .catch((e: unknown) => (e === notInserted ? undefined : Promise.reject(e)));
    if (row) {
      live.changed(petitionId);
      return { result: { status: 'confirmed', signatureCount: row.result_count }, mail: mail(row.id), petition };
    }
  }
  // Not inserted: a concurrent request with this key won, or this email has signed before.
  return { ...((await replayIn(db, petitionId, key)) ?? (await alreadySigned(db, petitionId, email))), petition };
}

const notInserted = new Error('not inserted');

const COLUMNS = `petition_id, name, email, email_norm, postal_code, city, comment, show_name, accept_updates,
                 idempotency_key, confirm_hash, withdraw_hash, status, confirmed_at, result_status, result_count, mailed_at`;

const INSERT_PENDING = `
  INSERT INTO signatures (${COLUMNS})
  SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'pending', NULL, 'pending', signature_count, now()
    FROM petitions WHERE id = $1
  ON CONFLICT DO NOTHING RETURNING id::text AS id, result_count`;

const INSERT_COUNTED = `
  WITH bump AS (
    UPDATE petitions SET signature_count = signature_count + 1, updated_at = now() WHERE id = $1 RETURNING signature_count
  ), ins AS (
    INSERT INTO signatures (${COLUMNS})
    SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'confirmed', now(), 'confirmed', signature_count, now() FROM bump
    ON CONFLICT DO NOTHING RETURNING id, result_count
  )
  SELECT id::text AS id, result_count, pg_notify($13, $14) FROM ins`;

/** The first answer to this Idempotency-Key, if a concurrent request with it has just committed. */
async function replayIn(tx: Queryable, petitionId: string, key: string | null) {
  if (key === null) return undefined;
  const [r] = await tx.query<{ result_status: SignResult['status']; result_count: number }>(
    'SELECT result_status, result_count FROM signatures WHERE petition_id = $1 AND idempotency_key = $2',
    [petitionId, key],
  );
  return r && { result: { status: r.result_status, signatureCount: r.result_count } };
}

/**
 * This email has signed already: say only that. A signer still pending who has not been mailed
 * lately gets a fresh confirmation mail (to their own address, so nothing is revealed).
 */
async function alreadySigned(tx: Queryable, petitionId: string, emailNorm: string): Promise<{ result: SignResult; mail?: SignMail }> {
  const confirmToken = newToken();
  const withdrawToken = newToken();
  const [again] = await tx.query<{ id: string; email: string; name: string }>(
    `UPDATE signatures SET confirm_hash = $3, withdraw_hash = $4, mailed_at = now()
      WHERE petition_id = $1 AND email_norm = $2 AND status = 'pending'
        AND (mailed_at IS NULL OR mailed_at < now() - interval '${RESEND_AFTER}')
      RETURNING id::text AS id, email, name`,
    [petitionId, emailNorm, hashToken(confirmToken), hashToken(withdrawToken)],
  );
  const [r] = await tx.query<{ signature_count: number }>('SELECT signature_count FROM petitions WHERE id = $1', [petitionId]);
  const result: SignResult = { status: 'already-signed', signatureCount: r?.signature_count ?? 0 };
  if (!again) return { result };
  return { result, mail: { kind: 'confirm', signatureId: again.id, to: again.email, name: again.name, confirmToken, withdrawToken } };
}

interface TokenRow extends Row {
  id: string;
  petition_id: string;
  status: 'pending' | 'confirmed';
  signature_count: number;
  status_open: boolean;
}

export async function confirm({ db, bus, live }: Petitions, token: string): Promise<TokenResult> {
  const result = await db.transaction(async (tx): Promise<TokenResult & { changed?: true }> => {
    const [s] = await tx.query<TokenRow>(
      `SELECT s.id::text AS id, s.petition_id, s.status, p.signature_count,
              (p.status = 'open' AND (p.closes_at IS NULL OR p.closes_at > now())) AS status_open
         FROM signatures s JOIN petitions p ON p.id = s.petition_id
        WHERE s.confirm_hash = $1 FOR UPDATE OF s`,
      [hashToken(token)],
    );
    if (!s) throw notFound('no signature for this token (withdrawn, or the link was replaced by a newer one)');
    if (s.status === 'confirmed') return { status: 'confirmed', petitionId: s.petition_id, signatureCount: s.signature_count };
    if (!s.status_open) throw closed();
    await tx.query(`UPDATE signatures SET status = 'confirmed', confirmed_at = now() WHERE id = $1::bigint`, [s.id]);
    const signatureCount = await addToCount(tx, s.petition_id, 1);
    await publishChange(bus, tx, s.petition_id);
    return { status: 'confirmed', petitionId: s.petition_id, signatureCount, changed: true };
  });
  return settle(live, result);
}

/** Drops the `changed` mark, telling this process's readers first when it is set. */
function settle(live: Live<Petition>, { changed, ...result }: TokenResult & { changed?: true }): TokenResult {
  if (changed) live.changed(result.petitionId);
  return result;
}

/** Deletes the signature (its data goes with it) and uncounts it if it counted. */
export async function withdraw({ db, bus, live }: Petitions, token: string): Promise<TokenResult> {
  const result = await db.transaction(async (tx): Promise<TokenResult & { changed?: true }> => {
    const [s] = await tx.query<{ petition_id: string; status: string }>(
      'DELETE FROM signatures WHERE withdraw_hash = $1 RETURNING petition_id, status',
      [hashToken(token)],
    );
    if (!s) throw notFound('no signature for this token (already withdrawn, or the link was replaced by a newer one)');
    if (s.status !== 'confirmed') {
      const [r] = await tx.query<{ signature_count: number }>('SELECT signature_count FROM petitions WHERE id = $1', [s.petition_id]);
      return { status: 'withdrawn', petitionId: s.petition_id, signatureCount: r?.signature_count ?? 0 };
    }
    const signatureCount = await addToCount(tx, s.petition_id, -1);
    await publishChange(bus, tx, s.petition_id);
    return { status: 'withdrawn', petitionId: s.petition_id, signatureCount, changed: true };
  });
  return settle(live, result);
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

export async function lookupToken(db: Db, kind: 'confirm' | 'withdraw', token: string): Promise<TokenInfo | undefined> {
  const [r] = await db.query<Row & Omit<TokenInfo, 'petitionId' | 'signatureCount'> & { petition_id: string; signature_count: number }>(
    `SELECT s.status, s.petition_id, p.title, p.locale, p.url, p.signature_count,
            (p.status = 'open' AND (p.closes_at IS NULL OR p.closes_at > now())) AS open
       FROM signatures s JOIN petitions p ON p.id = s.petition_id
      WHERE s.${kind === 'confirm' ? 'confirm_hash' : 'withdraw_hash'} = $1`,
    [hashToken(token)],
  );
  return r && { status: r.status, petitionId: r.petition_id, title: r.title, locale: r.locale, url: r.url, signatureCount: r.signature_count, open: r.open };
}

/** Records that a mail failed, so that signing again sends a new one at once. */
export const mailFailed = (db: Db, signatureId: string) =>
  db.query('UPDATE signatures SET mailed_at = NULL WHERE id = $1::bigint', [signatureId]);

/**
 * Signing, confirming and withdrawing: each one transaction that changes the signature, the count
 * and publishes the new state (delivered on commit). Mail is sent by the caller after the commit.
 */
import { createHash, randomBytes } from 'node:crypto';
import { isOpen, normaliseEmail, type SignResult, type TokenResult } from '../../src/api/petition.js';
import type { Bus } from '../bus.js';
import type { Db, Queryable, Row } from '../db/db.js';
import { ApiFailure, notFound } from '../http.js';
import { addToCount, getPetition, getEvent } from './sql.js';
import type * as z from 'zod/mini';
import type { SignatureInput } from '../../src/api/petition.js';

/** A random token for a mailed link (43 characters), and the SHA-256 that is stored instead. */
export const newToken = () => randomBytes(32).toString('base64url');
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A pending signer asking again gets a fresh confirmation mail, at most this often. */
const RESEND_AFTER = '10 minutes';

export const topic = (petitionId: string) => `petition:${petitionId}`;

export async function publishState(bus: Bus, tx: Queryable, petitionId: string) {
  const event = await getEvent(tx, petitionId);
  if (event) await bus.publish(tx, topic(petitionId), event);
}

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
  db: Db,
  bus: Bus,
  petitionId: string,
  input: z.output<typeof SignatureInput>,
  key: string | null,
): Promise<{ result: SignResult; mail?: SignMail }> {
  const p = await getPetition(db, petitionId);
  if (!p) throw notFound(`no petition ${petitionId}`);
  if (!isOpen(p)) throw closed();
  // The honeypot: answer as a success would, keep nothing.
  if (input.hp) return { result: { status: p.doubleOptIn ? 'pending' : 'confirmed', signatureCount: p.signatureCount } };

  const replay = async (q: Queryable) => {
    if (key === null) return undefined;
    const [r] = await q.query<{ result_status: SignResult['status']; result_count: number }>(
      'SELECT result_status, result_count FROM signatures WHERE petition_id = $1 AND idempotency_key = $2',
      [petitionId, key],
    );
    return r && { result: { status: r.result_status, signatureCount: r.result_count } };
  };
  const replayed = await replay(db);
  if (replayed) return replayed;

  const confirmToken = p.doubleOptIn ? newToken() : null;
  const withdrawToken = newToken();
  const status = p.doubleOptIn ? 'pending' : 'confirmed';
  return db.transaction(async (tx) => {
    const [inserted] = await tx.query<{ id: string }>(
      `INSERT INTO signatures (petition_id, name, email, email_norm, postal_code, city, comment, show_name, accept_updates,
                               status, confirmed_at, idempotency_key, result_status, result_count, confirm_hash, withdraw_hash, mailed_at)
       SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, CASE WHEN $10 = 'confirmed' THEN now() END, $11, $10, signature_count, $12, $13, now()
         FROM petitions WHERE id = $1
       ON CONFLICT DO NOTHING RETURNING id::text AS id`,
      [
        petitionId,
        input.name,
        input.email.trim(),
        normaliseEmail(input.email),
        input.postalCode || null,
        input.city || null,
        input.comment || null,
        input.showName ?? false,
        input.acceptUpdates ?? false,
        status,
        key,
        confirmToken && hashToken(confirmToken),
        hashToken(withdrawToken),
      ],
    );
    if (!inserted) return (await replay(tx)) ?? alreadySigned(tx, petitionId, normaliseEmail(input.email));
    const mail: SignMail = {
      kind: p.doubleOptIn ? 'confirm' : 'thanks',
      signatureId: inserted.id,
      to: input.email.trim(),
      name: input.name,
      confirmToken,
      withdrawToken,
    };
    if (status === 'pending') {
      const [r] = await tx.query<{ signature_count: number }>('SELECT signature_count FROM petitions WHERE id = $1', [petitionId]);
      return { result: { status, signatureCount: r?.signature_count ?? 0 }, mail };
    }
    const signatureCount = await addToCount(tx, petitionId, 1);
    await tx.query('UPDATE signatures SET result_count = $2 WHERE id = $1', [inserted.id, signatureCount]);
    await publishState(bus, tx, petitionId);
    return { result: { status, signatureCount }, mail };
  });
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

export async function confirm(db: Db, bus: Bus, token: string): Promise<TokenResult> {
  return db.transaction(async (tx) => {
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
    await tx.query(`UPDATE signatures SET status = 'confirmed', confirmed_at = now() WHERE id = $1`, [s.id]);
    const signatureCount = await addToCount(tx, s.petition_id, 1);
    await publishState(bus, tx, s.petition_id);
    return { status: 'confirmed', petitionId: s.petition_id, signatureCount };
  });
}

/** Deletes the signature (its data goes with it) and uncounts it if it counted. */
export async function withdraw(db: Db, bus: Bus, token: string): Promise<TokenResult> {
  return db.transaction(async (tx) => {
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
    await publishState(bus, tx, s.petition_id);
    return { status: 'withdrawn', petitionId: s.petition_id, signatureCount };
  });
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

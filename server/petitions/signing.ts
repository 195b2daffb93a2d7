/**
 * Signing, confirming and withdrawing. Whatever changes the confirmed count changes it in the same
 * transaction as the signature; the change is announced after the commit (`changed`: coalesced
 * NOTIFYs, bus.ts). Mail is sent by the caller after the commit.
 */
import type * as z from 'zod/mini';
import { normaliseEmail } from '../../src/domain/people.js';
import { type Petition, type SignResult, type SignatureInput, type TokenResult } from '../../src/api/petition.js';
import type { Bus } from '../bus.js';
import type { Db, Queryable } from '../db/db.js';
import { ApiFailure, notFound } from '../http.js';
import type { Live } from '../live.js';
import { newToken, sha256 } from '../secrets.js';
import * as sql from './sql.js';

/** What the petition operations work with. */
export interface Petitions {
  db: Db;
  bus: Bus;
  /** The shared current state of each petition (GET and the event streams read it). */
  live: Live<Petition>;
}

export const TOPIC = 'petition:';
export const topic = (petitionId: string) => TOPIC + petitionId;

/** Tells every process, on commit, that the petition changed (they read it again when they need it). */
export const publishChange = (bus: Bus, tx: Queryable, petitionId: string) => bus.publish(tx, topic(petitionId));

/**
 * After a commit that changed the count: this process's readers are told at once, the others by
 * a NOTIFY coalesced with the petition's other changes of the moment (`Bus.announce`).
 */
export function changed({ bus, live }: Petitions, petitionId: string): void {
  live.changed(petitionId);
  bus.announce(topic(petitionId));
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
  petitions: Petitions,
  petitionId: string,
  input: z.output<typeof SignatureInput>,
  key: string | null,
): Promise<{ result: SignResult; mail?: SignMail; petition: { title: string; locale: 'fr' | 'en' } }> {
  const { db } = petitions;
  // Both tokens are made before the petition is read (one statement reads it and signs): the
  // confirmation's is dropped when the petition counts signatures at once.
  const confirmToken = newToken();
  const withdrawToken = newToken();
  const signature: sql.NewSignature = {
    petitionId,
    name: input.name,
    email: input.email.trim(),
    emailNorm: normaliseEmail(input.email),
    postalCode: input.postalCode || null,
    city: input.city || null,
    comment: input.comment || null,
    showName: input.showName ?? false,
    acceptUpdates: input.acceptUpdates ?? false,
    key,
    confirmHash: sha256(confirmToken),
    withdrawHash: sha256(withdrawToken),
  };
  // The honeypot (`hp`) keeps nothing, and answers as a success would.
  const p = await sql.signOnce(db, signature, !input.hp);
  if (!p) throw notFound(`no petition ${petitionId}`);
  const petition = { title: p.title, locale: p.locale };
  if (p.replay) return { result: p.replay, petition };
  if (!p.open) throw closed();
  if (input.hp) return { result: { status: p.doubleOptIn ? 'pending' : 'confirmed', signatureCount: p.signatureCount }, petition };
  const row = p.inserted;
  if (row) {
    const mail: SignMail = { kind: p.doubleOptIn ? 'confirm' : 'thanks', signatureId: row.id, to: signature.email, name: input.name, confirmToken: p.doubleOptIn ? confirmToken : null, withdrawToken };
    if (row.status === 'confirmed') changed(petitions, petitionId);
    return { result: { status: row.status, signatureCount: row.count }, mail, petition };
  }
  // Not inserted: a concurrent request with this key won, or this email has signed before.
  const replay = key === null ? undefined : await sql.answerTo(db, petitionId, key);
  return { ...(replay ? { result: replay } : await alreadySigned(db, petitionId, signature.emailNorm)), petition };
}

/**
 * This email has signed already: say only that. A signer still pending who has not been mailed
 * lately gets a fresh confirmation mail (to their own address, so nothing is revealed).
 */
async function alreadySigned(q: Queryable, petitionId: string, emailNorm: string): Promise<{ result: SignResult; mail?: SignMail }> {
  const confirmToken = newToken();
  const withdrawToken = newToken();
  const again = await sql.renewPending(q, petitionId, emailNorm, sha256(confirmToken), sha256(withdrawToken));
  const result: SignResult = { status: 'already-signed', signatureCount: await sql.signatureCount(q, petitionId) };
  if (!again) return { result };
  return { result, mail: { kind: 'confirm', signatureId: again.id, to: again.email, name: again.name, confirmToken, withdrawToken } };
}

export async function confirm(petitions: Petitions, token: string): Promise<TokenResult> {
  const result = await petitions.db.transaction(async (tx): Promise<TokenResult & { changed?: true }> => {
    const s = await sql.signatureToConfirm(tx, sha256(token));
    if (!s) throw notFound('no signature for this token (withdrawn, or the link was replaced by a newer one)');
    if (s.status === 'confirmed') return { status: 'confirmed', petitionId: s.petition_id, signatureCount: s.signature_count };
    if (!s.open) throw closed();
    await sql.markConfirmed(tx, s.id);
    const signatureCount = await sql.addToCount(tx, s.petition_id, 1);
    return { status: 'confirmed', petitionId: s.petition_id, signatureCount, changed: true };
  });
  return settle(petitions, result);
}

/** Drops the `changed` mark, announcing the change first when it is set. */
function settle(petitions: Petitions, { changed: count, ...result }: TokenResult & { changed?: true }): TokenResult {
  if (count) changed(petitions, result.petitionId);
  return result;
}

/** Deletes the signature (its data goes with it) and uncounts it if it counted. */
export async function withdraw(petitions: Petitions, token: string): Promise<TokenResult> {
  const result = await petitions.db.transaction(async (tx): Promise<TokenResult & { changed?: true }> => {
    const s = await sql.deleteSignature(tx, sha256(token));
    if (!s) throw notFound('no signature for this token (already withdrawn, or the link was replaced by a newer one)');
    if (s.status !== 'confirmed') return { status: 'withdrawn', petitionId: s.petition_id, signatureCount: await sql.signatureCount(tx, s.petition_id) };
    const signatureCount = await sql.addToCount(tx, s.petition_id, -1);
    return { status: 'withdrawn', petitionId: s.petition_id, signatureCount, changed: true };
  });
  return settle(petitions, result);
}

/** What a page needs to know about a mailed link before acting on it. */
export const lookupToken = (db: Db, kind: 'confirm' | 'withdraw', token: string) => sql.tokenInfo(db, kind, sha256(token));

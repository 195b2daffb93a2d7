/**
 * The polls' SQL for participants' emails (polls that count a vote once its participant's email is
 * confirmed): the confirmation mail, its link, and moving a confirmed address between participants.
 * Participants' rows are locked in id order, as every transaction does.
 */
import type { Locale } from '../../../src/api/petition.js';
import type { Queryable } from '../../db/db.js';

/**
 * How often a poll may mail one address a confirmation link, whichever participants ask (fresh
 * participant tokens cost nothing): as often as petitions resend theirs.
 */
const RESEND_AFTER = '10 minutes';

/** What a confirmation mail says of its poll, and whether the poll asks for one. */
export async function pollToConfirm(q: Queryable, pollId: string) {
  const [p] = await q.query<{ confirm_email: boolean; title: string; locale: Locale }>('SELECT confirm_email, title, locale FROM polls WHERE id = $1', [pollId]);
  return p;
}

/** The keyed hash of the participant's confirmed email, if any. */
export async function confirmedEmail(q: Queryable, participant: string): Promise<string | null> {
  const [me] = await q.query<{ email_hash: string | null }>('SELECT email_hash FROM poll_participants WHERE id = $1', [participant]);
  return me?.email_hash ?? null;
}

/**
 * Claims the address for this poll unless it was mailed lately: one statement, so that of two
 * requests at once one waits for the other's row and then sees it (on every process). Whether it
 * was claimed.
 */
export async function claimMail(q: Queryable, pollId: string, emailHash: string): Promise<boolean> {
  const claimed = await q.query(
    `INSERT INTO poll_confirmation_mails AS m (poll_id, email_hash) VALUES ($1, $2)
     ON CONFLICT (poll_id, email_hash) DO UPDATE SET mailed_at = now() WHERE m.mailed_at <= now() - interval '${RESEND_AFTER}'
     RETURNING 1`,
    [pollId, emailHash],
  );
  return claimed.length > 0;
}

/** The address waiting for confirmation, and the hash of the link's token. */
export const setPending = (q: Queryable, participant: string, pollId: string, emailHash: string, confirmHash: string) =>
  q.query('UPDATE poll_participants SET pending_hash = $2, pending_poll = $3, confirm_hash = $4, mailed_at = now() WHERE id = $1', [participant, emailHash, pollId, confirmHash]);

/**
 * Frees the address for this poll: after a mail that could not be sent (asking again sends one at
 * once), or once its link is followed (its owner may confirm on another device at once).
 */
export const releaseConfirmationMail = (q: Queryable, pollId: string, emailHash: string) =>
  q.query('DELETE FROM poll_confirmation_mails WHERE poll_id = $1 AND email_hash = $2', [pollId, emailHash]);

/** Drops the claims older than RESEND_AFTER (they hold nothing back any more). */
export const sweepConfirmationMails = (q: Queryable) => q.query(`DELETE FROM poll_confirmation_mails WHERE mailed_at < now() - interval '${RESEND_AFTER}'`);

/** The participant whose link has this token hash, with the address and poll it confirms. */
export async function pendingByLink(q: Queryable, confirmHash: string) {
  const [t] = await q.query<{ id: string; pending_hash: string; pending_poll: string }>('SELECT id, pending_hash, pending_poll FROM poll_participants WHERE confirm_hash = $1', [confirmHash]);
  return t;
}

/** Another participant who confirmed this address earlier, if any. */
export async function holderOf(q: Queryable, emailHash: string, except: string): Promise<string | undefined> {
  const [other] = await q.query<{ id: string }>('SELECT id FROM poll_participants WHERE email_hash = $1 AND id <> $2', [emailHash, except]);
  return other?.id;
}

/** Locks these participants' rows, in id order. */
export const lockParticipants = (q: Queryable, ids: string[]) => q.query('SELECT id FROM poll_participants WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE', [ids]);

/** The participant's address is no longer confirmed (it moved to another participant). */
export const unconfirm = (q: Queryable, participant: string) => q.query('UPDATE poll_participants SET email_hash = NULL, confirmed_at = NULL WHERE id = $1', [participant]);

/** The participant's pending address is confirmed now. */
export const confirmPending = (q: Queryable, participant: string) =>
  q.query('UPDATE poll_participants SET email_hash = pending_hash, confirmed_at = now(), pending_hash = NULL, confirm_hash = NULL WHERE id = $1', [participant]);

/** What a confirmation page needs to know about a link before acting. */
export async function confirmationInfo(q: Queryable, confirmHash: string) {
  const [r] = await q.query<{ poll_id: string; title: string; locale: Locale }>(
    `SELECT p.id AS poll_id, p.title, p.locale FROM poll_participants x JOIN polls p ON p.id = x.pending_poll WHERE x.confirm_hash = $1`,
    [confirmHash],
  );
  return r;
}

/**
 * Votes, likes and email confirmation. Each change is one transaction that writes the vote rows and
 * the counters they change (poll_tallies), so counts stay exact however many vote at once, and
 * NOTIFYs the change (delivered on commit).
 *
 * Locks are always taken in one order, so concurrent transactions wait rather than deadlock: the
 * participant's row (one change of theirs at a time), then the poll's row FOR SHARE (a close waits
 * for the votes under way, and votes after it see it closed), then the counters in sorted order.
 */
import { randomBytes } from 'node:crypto';
import type { ApiIssue } from '../../src/api/common.js';
import { normaliseEmail } from '../../src/domain/people.js';
import { POLL_SUBJECT, type LikeResult, type VoteInput, type VoteResult } from '../../src/api/poll.js';
import { subjectResult } from '../../src/domain/consensus.js';
import { voteValues } from '../../src/domain/votes.js';
import type { Bus } from '../bus.js';
import type { Keys } from '../secrets.js';
import type { Db, Queryable, Row } from '../db/db.js';
import { ApiFailure, notFound } from '../http.js';
import type { Live } from '../live.js';
import { newToken, sha256 as hashToken } from '../secrets.js';
import { participantId, talliesOf, type PollState } from './sql.js';

export interface Polls {
  db: Db;
  bus: Bus;
  live: Live<PollState>;
  /** The polls' secret, for the keyed hashes of participants' emails. */
  keys: Keys;
}

export const TOPIC = 'poll:';
export const publishChange = (bus: Bus, tx: Queryable, pollId: string) => bus.publish(tx, TOPIC + pollId);

export const closedFailure = (upcoming = false) =>
  new ApiFailure(409, 'closed', upcoming ? 'this poll is not open yet: votes are taken from its opening date' : 'this poll is closed: votes are no longer taken');
const failure = (issue: ApiIssue) => new ApiFailure(400, 'validation', issue.message, { issues: [issue] });
/** A random id for what participants create (`p3f9a…`), safe in paths. */
export const newId = (prefix: string) => prefix + randomBytes(6).toString('hex');

interface PollLock extends Row {
  vote_kind: 'support' | 'agreement' | 'single' | 'approval';
  kind: 'quick' | 'consultation';
  max_choices: number | null;
  confirm_email: boolean;
  results_visibility: string;
  closed: boolean;
  upcoming: boolean;
}

/** The poll's row, FOR SHARE: a close waits for this transaction, and it sees a close that committed first. */
export async function lockPoll(tx: Queryable, pollId: string): Promise<PollLock> {
  const [p] = await tx.query<PollLock>(
    `SELECT vote_kind, kind, max_choices, confirm_email, results_visibility,
            (status = 'closed' OR closes_at <= now()) AS closed, coalesce(opens_at > now(), false) AS upcoming
       FROM polls WHERE id = $1 FOR SHARE`,
    [pollId],
  );
  if (!p) throw notFound(`no poll ${pollId}`);
  return p;
}

/** Locks the participant's row (created on first sight); whether their email is confirmed. */
async function lockParticipant(tx: Queryable, participant: string): Promise<boolean> {
  const [me] = await tx.query<{ confirmed: boolean }>(
    `INSERT INTO poll_participants (id) VALUES ($1)
     ON CONFLICT (id) DO UPDATE SET seen_at = now() RETURNING confirmed_at IS NOT NULL AS confirmed`,
    [participant],
  );
  return me!.confirmed;
}

/** Whether this Idempotency-Key is new for the participant (recording it). Rolled back with the transaction. */
async function freshKey(tx: Queryable, participant: string, key: string | null): Promise<boolean> {
  if (key === null) return true;
  const rows = await tx.query('INSERT INTO poll_vote_keys (participant, key) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1', [participant, key]);
  return rows.length === 1;
}

type Deltas = Map<string, number>;
const add = (d: Deltas, subject: string, value: string, by: number) => by && d.set(`${subject}\u0000${value}`, (d.get(`${subject}\u0000${value}`) ?? 0) + by);

/** Counter changes in sorted order (the lock order), zeros left out, as three arrays for unnest. */
function sorted(d: Deltas): [string[], string[], number[]] {
  const entries = [...d].filter(([, by]) => by !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const split = entries.map(([k]) => k.split('\u0000') as [string, string]);
  return [split.map((x) => x[0]), split.map((x) => x[1]), entries.map(([, by]) => by)];
}

/**
 * Adds changes (subjects, values and amounts in parameters $i, $i+1, $i+2, sorted) to the counters
 * of poll $1, one row after another in that order. A new row starts at the change (never below 0,
 * so the CHECK holds: a decrease always finds its row); an existing one adds the change, looked up
 * again by key since EXCLUDED holds the inserted count.
 */
const upsertCounters = (i: number) => {
  const d = `unnest($${i}::text[], $${i + 1}::text[], $${i + 2}::int[])`;
  return `INSERT INTO poll_tallies (poll_id, subject, value, count)
  SELECT $1, s, v, greatest(c, 0) FROM ${d} WITH ORDINALITY AS d(s, v, c, n) ORDER BY n
  ON CONFLICT (poll_id, subject, value) DO UPDATE
    SET count = poll_tallies.count + (SELECT c FROM ${d} AS d(s, v, c) WHERE s = EXCLUDED.subject AND v = EXCLUDED.value)
  RETURNING subject, value, count`;
};

/** Applies counter changes in one statement, in lock order. */
async function applyDeltas(tx: Queryable, pollId: string, d: Deltas): Promise<void> {
  const changes = sorted(d);
  if (changes[0].length) await tx.query(upsertCounters(2), [pollId, ...changes]);
}

/**
 * The subject's result and the participant count as this transaction sees them, read in the
 * statement that NOTIFYs the change (`notify`), to save a round trip.
 */
async function subjectNow(tx: Queryable, pollId: string, subject: string, scored: boolean, notify?: [string, string]) {
  const [r] = await tx.query<{ rows: [string, string, number][] | string }>(
    `SELECT ${notify ? '(SELECT pg_notify($3, $4)) AS n,' : ''}
            coalesce(json_agg(json_build_array(subject, value, count)), '[]') AS rows
       FROM poll_tallies WHERE poll_id = $1 AND subject IN ($2, '#')`,
    [pollId, subject, ...(notify ?? [])],
  );
  const { tallies, participants } = talliesOf(typeof r!.rows === 'string' ? JSON.parse(r!.rows) : r!.rows);
  return { participantCount: participants, result: subjectResult(tallies.get(subject) ?? { counts: {}, total: 0 }, scored) };
}

interface Prelude extends PollLock {
  /** Whether the Idempotency-Key is new (recorded now) or absent. */
  fresh: boolean;
  /** The participant's values on this subject, and whether they count. */
  old: [string, boolean][] | string;
  /** Whether the participant has counted votes on other subjects of the poll. */
  elsewhere: boolean;
  /** The chosen ids that exist: options (quick polls) or published proposals. */
  allowed: string[] | string;
  /** Whether the proposal voted on is published. */
  proposal: boolean;
}

/**
 * Sets (or with `input` null, withdraws) a participant's vote on the poll (`proposalId` null) or on
 * a proposal. `changed`: whether anything changed (readers must then be told). Six to eight
 * statements: the participant's lock, what the vote needs to know (the poll's lock included), the
 * vote rows, one per counter changed, and the answer with the notification.
 */
export async function castVote(
  { db, bus }: Polls,
  pollId: string,
  proposalId: string | null,
  token: string,
  input: VoteInput | null,
  key: string | null,
): Promise<{ result: VoteResult; changed: boolean }> {
  const participant = participantId(token);
  const subject = proposalId ?? POLL_SUBJECT;
  const chosen = input?.options ?? [];
  const list = <T>(v: T[] | string): T[] => (typeof v === 'string' ? (JSON.parse(v) as T[]) : v);
  return db.transaction(async (tx) => {
    // First, alone: what follows must read after any earlier change of this participant's commits.
    const confirmed = await lockParticipant(tx, participant);
    const [p] = await tx.query<Prelude>(
      `WITH k AS (
         INSERT INTO poll_vote_keys (participant, key) SELECT $2, $4 WHERE $4::text IS NOT NULL ON CONFLICT DO NOTHING RETURNING 1
       )
       SELECT p.vote_kind, p.kind, p.max_choices, p.confirm_email, p.results_visibility,
              (p.status = 'closed' OR p.closes_at <= now()) AS closed, coalesce(p.opens_at > now(), false) AS upcoming,
              ($4::text IS NULL OR EXISTS (SELECT 1 FROM k)) AS fresh,
              (SELECT coalesce(json_agg(json_build_array(v.value, v.counted) ORDER BY v.value), '[]') FROM poll_votes v
                WHERE v.poll_id = p.id AND v.participant = $2 AND v.subject = $3) AS old,
              EXISTS (SELECT 1 FROM poll_votes v WHERE v.poll_id = p.id AND v.participant = $2 AND v.subject <> $3 AND v.counted) AS elsewhere,
              CASE WHEN p.kind = 'quick'
                THEN (SELECT coalesce(json_agg(o.id), '[]') FROM poll_options o WHERE o.poll_id = p.id AND o.id = ANY($5::text[]))
                ELSE (SELECT coalesce(json_agg(x.id), '[]') FROM poll_proposals x WHERE x.poll_id = p.id AND x.id = ANY($5::text[]) AND x.status = 'published')
              END AS allowed,
              EXISTS (SELECT 1 FROM poll_proposals x WHERE x.poll_id = p.id AND x.id = $3 AND x.status = 'published') AS proposal
         FROM polls p WHERE p.id = $1 FOR SHARE OF p`,
      [pollId, participant, subject, key, chosen],
    );
    if (!p) throw notFound(`no poll ${pollId}`);
    const onProposals = p.kind === 'consultation' && (p.vote_kind === 'support' || p.vote_kind === 'agreement');
    if (onProposals !== !!proposalId) {
      throw notFound(proposalId ? 'votes in this poll are on the poll, not on each proposal' : 'votes in this poll are on each proposal: PUT /polls/{id}/proposals/{proposalId}/votes/{participant}');
    }
    const old = list(p.old);
    const counted = !p.confirm_email || confirmed;
    const visible = p.results_visibility === 'always' || p.closed || (p.results_visibility === 'after-vote' && input !== null);
    const answer = async (status: VoteResult['status'], notify?: [string, string]): Promise<VoteResult> => {
      const now = await subjectNow(tx, pollId, subject, p.vote_kind === 'agreement', notify);
      return { status, participantCount: now.participantCount, result: visible ? now.result : null };
    };
    // A replay: the state this key left may have changed since; say what it is now.
    if (!p.fresh) return { result: await answer(old.length ? (old[0]![1] ? 'counted' : 'pending') : 'withdrawn'), changed: false };
    if (p.closed || p.upcoming) throw closedFailure(!p.closed);
    if (proposalId && !p.proposal) throw notFound(`no proposal ${proposalId} in poll ${pollId}`);
    let values: string[] = [];
    if (input) {
      const v = voteValues({ voteKind: p.vote_kind, maxChoices: p.max_choices }, new Set(list(p.allowed)), input);
      if (!Array.isArray(v)) throw failure(v);
      values = v;
    }
    const status: VoteResult['status'] = !input ? 'withdrawn' : counted ? 'counted' : 'pending';
    if (old.map(([v]) => v).join('\u0000') === values.join('\u0000')) return { result: await answer(status), changed: false };

    const d: Deltas = new Map();
    const oldCounted = old.filter(([, c]) => c);
    for (const [v] of oldCounted) add(d, subject, v, -1);
    if (counted) for (const v of values) add(d, subject, v, 1);
    const had = oldCounted.length > 0;
    const has = counted && values.length > 0;
    add(d, subject, '#', Number(has) - Number(had));
    add(d, '#', '#', Number(p.elsewhere || has) - Number(p.elsewhere || had));
    const changes = sorted(d);
    // One statement: the vote rows, the counters in lock order, the answer and the notification.
    const [r] = await tx.query<{ rows: [string, string, number][] | string }>(
      `WITH gone AS (
         DELETE FROM poll_votes WHERE poll_id = $1 AND participant = $2 AND subject = $3 AND NOT (value = ANY($4::text[]))
       ), added AS (
         INSERT INTO poll_votes (poll_id, participant, subject, value, counted)
         SELECT $1, $2, $3, v, $5 FROM unnest($4::text[]) AS v ON CONFLICT DO NOTHING
       ), up AS (
         ${upsertCounters(6)}
       )
       SELECT (SELECT pg_notify($9, $10)) AS notified,
              (SELECT coalesce(json_agg(json_build_array(x.subject, x.value, x.count)), '[]') FROM (
                 SELECT subject, value, count FROM up
                 UNION ALL
                 SELECT t.subject, t.value, t.count FROM poll_tallies t
                  WHERE t.poll_id = $1 AND t.subject IN ($3, '#') AND NOT EXISTS (SELECT 1 FROM up WHERE up.subject = t.subject AND up.value = t.value)
              ) x) AS rows`,
      [pollId, participant, subject, values, counted, ...changes, ...bus.notification(TOPIC + pollId)],
    );
    const { tallies, participants } = talliesOf(list(r!.rows));
    const result = subjectResult(tallies.get(subject) ?? { counts: {}, total: 0 }, p.vote_kind === 'agreement');
    return { result: { status, participantCount: participants, result: visible ? result : null }, changed: true };
  });
}

/** Likes (or unlikes) an argument, once per participant; the like count changes in the same statement. */
export async function likeArgument({ db }: Polls, pollId: string, argumentId: string, token: string, liked: boolean, key: string | null): Promise<LikeResult> {
  const participant = participantId(token);
  return db.transaction(async (tx) => {
    await lockParticipant(tx, participant);
    const p = await lockPoll(tx, pollId);
    const [a] = await tx.query<{ like_count: number }>(
      `SELECT like_count FROM poll_arguments WHERE poll_id = $1 AND id = $2 AND status = 'published' FOR UPDATE`,
      [pollId, argumentId],
    );
    if (!a) throw notFound(`no argument ${argumentId} in poll ${pollId}`);
    const [mine] = await tx.query('SELECT 1 FROM poll_argument_likes WHERE poll_id = $1 AND argument_id = $2 AND participant = $3', [pollId, argumentId, participant]);
    if (!(await freshKey(tx, participant, key)) || !!mine === liked) return { liked: !!mine, likeCount: a.like_count };
    if (p.closed) throw closedFailure();
    await tx.query(
      liked
        ? 'INSERT INTO poll_argument_likes (poll_id, argument_id, participant) VALUES ($1, $2, $3)'
        : 'DELETE FROM poll_argument_likes WHERE poll_id = $1 AND argument_id = $2 AND participant = $3',
      [pollId, argumentId, participant],
    );
    const [r] = await tx.query<{ like_count: number }>(
      'UPDATE poll_arguments SET like_count = like_count + $3 WHERE poll_id = $1 AND id = $2 RETURNING like_count',
      [pollId, argumentId, liked ? 1 : -1],
    );
    return { liked, likeCount: r!.like_count };
  });
}

/**
 * How often a poll may mail one address a confirmation link, whichever participants ask (fresh
 * participant tokens cost nothing): as often as petitions resend theirs.
 */
const RESEND_AFTER = '10 minutes';

/**
 * The keyed hash kept of a participant's email (normalised): an HMAC with the polls' secret, so a
 * leaked table cannot be reversed by hashing a list of addresses. Computed outside transactions
 * (the secret may have to be read, and PGlite's one connection is held by a transaction).
 */
const emailHash = (keys: Keys, email: string) => keys.mac('poll-email', normaliseEmail(email));

/**
 * Polls with confirm_email: prepares a confirmation mail for the participant. `token` is what the
 * link carries (undefined: nothing to send, already confirmed with this address, or this address was
 * mailed for this poll lately, which is answered as `sent` all the same so that nothing is revealed).
 * `hash` releases the address with `confirmationMailFailed` when the mail cannot be sent.
 */
export async function requestConfirmation({ db, keys }: Polls, pollId: string, participantToken: string, email: string) {
  const participant = participantId(participantToken);
  const hash = await emailHash(keys, email);
  return db.transaction(async (tx) => {
    const [p] = await tx.query<{ confirm_email: boolean; title: string; locale: 'fr' | 'en' }>('SELECT confirm_email, title, locale FROM polls WHERE id = $1', [pollId]);
    if (!p) throw notFound(`no poll ${pollId}`);
    if (!p.confirm_email) throw new ApiFailure(409, 'conflict', 'this poll does not ask participants to confirm an email');
    await lockParticipant(tx, participant);
    const [me] = await tx.query<{ email_hash: string | null }>('SELECT email_hash FROM poll_participants WHERE id = $1', [participant]);
    if (me?.email_hash === hash) return { status: 'confirmed' as const, poll: p };
    // Claims the address for this poll unless it was mailed lately: one statement, so that of two
    // requests at once one waits for the other's row and then sees it (on every process).
    const claimed = await tx.query(
      `INSERT INTO poll_confirmation_mails AS m (poll_id, email_hash) VALUES ($1, $2)
       ON CONFLICT (poll_id, email_hash) DO UPDATE SET mailed_at = now() WHERE m.mailed_at <= now() - interval '${RESEND_AFTER}'
       RETURNING 1`,
      [pollId, hash],
    );
    if (!claimed.length) return { status: 'sent' as const, poll: p };
    const token = newToken();
    await tx.query(
      'UPDATE poll_participants SET pending_hash = $2, pending_poll = $3, confirm_hash = $4, mailed_at = now() WHERE id = $1',
      [participant, hash, pollId, hashToken(token)],
    );
    return { status: 'sent' as const, poll: p, token, hash };
  });
}

/**
 * Frees the address for this poll: after a mail that could not be sent (asking again sends one at
 * once), or once its link is followed (its owner may confirm on another device at once).
 */
export const releaseConfirmationMail = (q: Queryable, pollId: string, hash: string) =>
  q.query('DELETE FROM poll_confirmation_mails WHERE poll_id = $1 AND email_hash = $2', [pollId, hash]);

/** Drops the claims older than RESEND_AFTER (they hold nothing back any more). */
export const sweepConfirmationMails = (db: Db) => db.query(`DELETE FROM poll_confirmation_mails WHERE mailed_at < now() - interval '${RESEND_AFTER}'`);

/**
 * Turns the counting of participants' votes on or off in the open polls that need a confirmed
 * email, poll by poll in id order (the lock order). Returns the polls whose results changed.
 */
async function recount(tx: Queryable, changes: [participant: string, counted: boolean][]): Promise<string[]> {
  const polls = await tx.query<{ poll_id: string }>(
    `SELECT DISTINCT v.poll_id FROM poll_votes v JOIN polls p ON p.id = v.poll_id
      WHERE v.participant = ANY($1::text[]) AND p.confirm_email ORDER BY v.poll_id`,
    [changes.map(([id]) => id)],
  );
  const changed: string[] = [];
  for (const { poll_id: pollId } of polls) {
    const p = await lockPoll(tx, pollId);
    if (p.closed) continue; // final results stay final
    const d: Deltas = new Map();
    for (const [participant, counted] of changes) {
      const rows = await tx.query<{ subject: string; value: string; counted: boolean }>(
        'UPDATE poll_votes SET counted = $3 WHERE poll_id = $1 AND participant = $2 AND counted <> $3 RETURNING subject, value, NOT counted AS counted',
        [pollId, participant, counted],
      );
      if (!rows.length) continue;
      const sign = counted ? 1 : -1;
      for (const r of rows) add(d, r.subject, r.value, sign);
      // A subject (or the poll) gains or loses this voter when all its rows flipped.
      const still = await tx.query<{ subject: string }>('SELECT DISTINCT subject FROM poll_votes WHERE poll_id = $1 AND participant = $2 AND counted = NOT $3', [pollId, participant, counted]);
      const unflipped = new Set(still.map((r) => r.subject));
      for (const subject of new Set(rows.map((r) => r.subject))) if (!unflipped.has(subject)) add(d, subject, '#', sign);
      const [other] = await tx.query('SELECT 1 FROM poll_votes WHERE poll_id = $1 AND participant = $2 AND counted = $3 AND NOT (subject = ANY($4::text[])) LIMIT 1', [
        pollId,
        participant,
        counted,
        [...new Set(rows.map((r) => r.subject))],
      ]);
      if (!unflipped.size && !other) add(d, '#', '#', sign);
    }
    await applyDeltas(tx, pollId, d);
    changed.push(pollId);
  }
  return changed;
}

/**
 * Follows a confirmation link: the participant's votes count from now on. An address confirmed
 * earlier by another participant (another browser) moves here, and that participant's votes stop
 * counting, so each address counts once per proposal.
 */
export async function confirmParticipant({ db, bus }: Polls, token: string) {
  const changed = new Set<string>();
  const out = await db.transaction(async (tx) => {
    const [t] = await tx.query<{ id: string; pending_hash: string; pending_poll: string }>(
      'SELECT id, pending_hash, pending_poll FROM poll_participants WHERE confirm_hash = $1',
      [hashToken(token)],
    );
    if (!t) throw notFound('no participant for this link (it was used already, or a newer link was sent)');
    const [other] = await tx.query<{ id: string }>('SELECT id FROM poll_participants WHERE email_hash = $1 AND id <> $2', [t.pending_hash, t.id]);
    // Both rows locked in id order, as every transaction does.
    await tx.query('SELECT id FROM poll_participants WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE', [[t.id, ...(other ? [other.id] : [])]]);
    if (other) await tx.query('UPDATE poll_participants SET email_hash = NULL, confirmed_at = NULL WHERE id = $1', [other.id]);
    await tx.query(
      'UPDATE poll_participants SET email_hash = pending_hash, confirmed_at = now(), pending_hash = NULL, confirm_hash = NULL WHERE id = $1',
      [t.id],
    );
    await releaseConfirmationMail(tx, t.pending_poll, t.pending_hash);
    for (const id of await recount(tx, [...(other ? [[other.id, false] as [string, boolean]] : []), [t.id, true]])) changed.add(id);
    for (const id of changed) await publishChange(bus, tx, id);
    const [n] = await tx.query<{ count: number }>(`SELECT count FROM poll_tallies WHERE poll_id = $1 AND subject = '#' AND value = '#'`, [t.pending_poll]);
    return { status: 'confirmed' as const, pollId: t.pending_poll, participantCount: n?.count ?? 0 };
  });
  return { result: out, changed: [...changed] };
}

/** What a confirmation page needs to know about a link before acting. */
export async function lookupConfirmation(db: Db, token: string) {
  const [r] = await db.query<{ poll_id: string; title: string; locale: 'fr' | 'en' }>(
    `SELECT p.id AS poll_id, p.title, p.locale FROM poll_participants x JOIN polls p ON p.id = x.pending_poll WHERE x.confirm_hash = $1`,
    [hashToken(token)],
  );
  return r;
}

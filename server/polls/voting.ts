/**
 * Votes, likes and email confirmation: the rules. Each change is one transaction that writes the
 * vote rows and the counters they change (sql/votes.ts, which keeps the lock order); a vote is
 * announced after its commit (coalesced: `Bus.announce`), the rarer changes NOTIFY in their
 * transaction (delivered on commit).
 */
import { randomBytes } from 'node:crypto';
import type { ApiIssue } from '../../src/api/common.js';
import { normaliseEmail } from '../../src/domain/people.js';
import { POLL_SUBJECT, type LikeResult, type VoteInput, type VoteResult } from '../../src/api/poll.js';
import { subjectResult } from '../../src/domain/consensus.js';
import { maySee } from '../../src/domain/results.js';
import { voteValues } from '../../src/domain/votes.js';
import type { Bus } from '../bus.js';
import type { Db, Queryable } from '../db/db.js';
import { ApiFailure, notFound } from '../http.js';
import type { Live } from '../live.js';
import { newToken, sha256, type Keys } from '../secrets.js';
import { addressHash, guardFirstVote, type ChallengeOptions } from './integrity.js';
import * as people from './sql/participants.js';
import type { PollState } from './sql/polls.js';
import * as sql from './sql/votes.js';

export interface Polls {
  db: Db;
  bus: Bus;
  live: Live<PollState>;
  /** The polls' secret, for the keyed hashes of participants' emails and addresses, and the challenges. */
  keys: Keys;
  /** The clock (periods of the address limit, challenges' expiry). */
  now: () => number;
  /** The proof of work of `proof-of-work` polls. */
  challenge: ChallengeOptions;
}

export const TOPIC = 'poll:';
export const publishChange = (bus: Bus, tx: Queryable, pollId: string) => bus.publish(tx, TOPIC + pollId);

export const closedFailure = (upcoming = false) =>
  new ApiFailure(409, 'closed', upcoming ? 'this poll is not open yet: votes are taken from its opening date' : 'this poll is closed: votes are no longer taken');
const failure = (issue: ApiIssue) => new ApiFailure(400, 'validation', issue.message, { issues: [issue] });
/** The SHA-256 (hex) stored in place of a participant's token. */
export const participantId = (token: string) => sha256(`participant:${token}`);

/** A random id for what participants create (`p3f9a…`), safe in paths. */
export const newId = (prefix: string) => prefix + randomBytes(6).toString('hex');

/** The poll's row, FOR SHARE (see sql/votes.ts); 404 when there is no such poll. */
export async function lockPoll(tx: Queryable, pollId: string): Promise<sql.PollLock> {
  const p = await sql.lockPoll(tx, pollId);
  if (!p) throw notFound(`no poll ${pollId}`);
  return p;
}

/** The subject's result and the participant count, from counter rows. */
function resultOf(rows: [string, string, number][], subject: string, scored: boolean) {
  const { tallies, participants } = sql.talliesOf(rows);
  return { participantCount: participants, result: subjectResult(tallies.get(subject) ?? { counts: {}, total: 0 }, scored) };
}

/**
 * Sets (or with `input` null, withdraws) a participant's vote on the poll (`proposalId` null) or on
 * a proposal, from the client address `ip`. `changed`: whether anything changed (readers must then
 * be told). Six to eight statements (two more for a new participant's first vote, integrity.ts): the participant's lock, what the vote needs to know (the poll's lock included), the
 * vote rows, one per counter changed, and the answer with the notification.
 */
export async function castVote(
  { db, bus, keys, now }: Polls,
  pollId: string,
  proposalId: string | null,
  token: string,
  input: VoteInput | null,
  key: string | null,
  ip: string,
): Promise<{ result: VoteResult; changed: boolean }> {
  const participant = participantId(token);
  const subject = proposalId ?? POLL_SUBJECT;
  const address = input ? await addressHash(keys, pollId, ip) : '';
  const out = await db.transaction(async (tx): Promise<{ result: VoteResult; changed: boolean }> => {
    // First, alone: what follows must read after any earlier change of this participant's commits.
    const confirmed = await sql.lockParticipant(tx, participant);
    const p = await sql.voteContext(tx, pollId, participant, subject, key, input?.options ?? []);
    if (!p) throw notFound(`no poll ${pollId}`);
    const onProposals = p.kind === 'consultation' && (p.vote_kind === 'support' || p.vote_kind === 'agreement');
    if (onProposals !== !!proposalId) {
      throw notFound(proposalId ? 'votes in this poll are on the poll, not on each proposal' : 'votes in this poll are on each proposal: PUT /polls/{id}/proposals/{proposalId}/votes/{participant}');
    }
    const { old } = p;
    const counted = !p.confirm_email || confirmed;
    const scored = p.vote_kind === 'agreement';
    /** The answer: the participant's vote on the subject as it stands, with its result when they may see it (src/domain/results.ts). */
    const answer = (status: VoteResult['status'], rows: [string, string, number][]): VoteResult => {
      const now = resultOf(rows, subject, scored);
      const visible = maySee(p.results_visibility, p.closed, status !== 'withdrawn');
      return { status, participantCount: now.participantCount, result: visible ? now.result : null };
    };
    // A replay: the state this key left may have changed since; say what it is now.
    if (!p.fresh) return { result: answer(old.length ? (old[0]![1] ? 'counted' : 'pending') : 'withdrawn', await sql.subjectCounters(tx, pollId, subject)), changed: false };
    if (p.closed || p.upcoming) throw closedFailure(!p.closed);
    if (proposalId && !p.proposal) throw notFound(`no proposal ${proposalId} in poll ${pollId}`);
    let values: string[] = [];
    if (input) {
      const v = voteValues({ voteKind: p.vote_kind, maxChoices: p.max_choices }, new Set(p.allowed), input);
      if (!Array.isArray(v)) throw failure(v);
      values = v;
    }
    // A new participant's first vote: the poll's guard against ballot stuffing (integrity.ts).
    if (input && !p.known) await guardFirstVote(tx, keys, pollId, p, { address, challenge: input.challenge }, now());
    const status: VoteResult['status'] = !input ? 'withdrawn' : counted ? 'counted' : 'pending';
    if (old.map(([v]) => v).join('\u0000') === values.join('\u0000')) return { result: answer(status, await sql.subjectCounters(tx, pollId, subject)), changed: false };

    const d: sql.Deltas = new Map();
    const oldCounted = old.filter(([, c]) => c);
    for (const [v] of oldCounted) sql.addDelta(d, subject, v, -1);
    if (counted) for (const v of values) sql.addDelta(d, subject, v, 1);
    const had = oldCounted.length > 0;
    const has = counted && values.length > 0;
    sql.addDelta(d, subject, '#', Number(has) - Number(had));
    sql.addDelta(d, '#', '#', Number(p.elsewhere || has) - Number(p.elsewhere || had));
    // One statement: the vote rows, the counters in lock order, the answer and the notification.
    const rows = await sql.writeVote(tx, { pollId, participant, subject, values, counted, deltas: d });
    return { result: answer(status, rows), changed: true };
  });
  // After the commit, coalesced with the poll's other votes of the moment (a NOTIFY in the
  // transaction would make every vote's commit wait for the one before: bus.ts).
  if (out.changed) bus.announce(TOPIC + pollId);
  return out;
}

/** Likes (or unlikes) an argument, once per participant; the like count changes in the same transaction. */
export async function likeArgument({ db }: Polls, pollId: string, argumentId: string, token: string, liked: boolean, key: string | null): Promise<LikeResult> {
  const participant = participantId(token);
  return db.transaction(async (tx) => {
    await sql.lockParticipant(tx, participant);
    const p = await lockPoll(tx, pollId);
    const likeCount = await sql.lockArgument(tx, pollId, argumentId);
    if (likeCount === undefined) throw notFound(`no argument ${argumentId} in poll ${pollId}`);
    const mine = await sql.hasLiked(tx, pollId, argumentId, participant);
    if (!(await sql.freshKey(tx, participant, key)) || mine === liked) return { liked: mine, likeCount };
    if (p.closed) throw closedFailure();
    return { liked, likeCount: await sql.setLike(tx, pollId, argumentId, participant, liked) };
  });
}

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
 * `hash` releases the address with `releaseConfirmationMail` when the mail cannot be sent.
 */
export async function requestConfirmation({ db, keys }: Polls, pollId: string, participantToken: string, email: string) {
  const participant = participantId(participantToken);
  const hash = await emailHash(keys, email);
  return db.transaction(async (tx) => {
    const p = await people.pollToConfirm(tx, pollId);
    if (!p) throw notFound(`no poll ${pollId}`);
    if (!p.confirm_email) throw new ApiFailure(409, 'conflict', 'this poll does not ask participants to confirm an email');
    await sql.lockParticipant(tx, participant);
    if ((await people.confirmedEmail(tx, participant)) === hash) return { status: 'confirmed' as const, poll: p };
    if (!(await people.claimMail(tx, pollId, hash))) return { status: 'sent' as const, poll: p };
    const token = newToken();
    await people.setPending(tx, participant, pollId, hash, sha256(token));
    return { status: 'sent' as const, poll: p, token, hash };
  });
}

/**
 * Turns the counting of participants' votes on or off in the open polls that need a confirmed
 * email, poll by poll in id order (the lock order). Returns the polls whose results changed.
 */
async function recount(tx: Queryable, changes: [participant: string, counted: boolean][]): Promise<string[]> {
  const changed: string[] = [];
  for (const pollId of await sql.confirmingPolls(tx, changes.map(([id]) => id))) {
    const p = await lockPoll(tx, pollId);
    if (p.closed) continue; // final results stay final
    const d: sql.Deltas = new Map();
    for (const [participant, counted] of changes) {
      const { rows, unflipped, other } = await sql.flipCounted(tx, pollId, participant, counted);
      if (!rows.length) continue;
      const sign = counted ? 1 : -1;
      for (const r of rows) sql.addDelta(d, r.subject, r.value, sign);
      // A subject (or the poll) gains or loses this voter when all its rows flipped.
      for (const subject of new Set(rows.map((r) => r.subject))) if (!unflipped.has(subject)) sql.addDelta(d, subject, '#', sign);
      if (!unflipped.size && !other) sql.addDelta(d, '#', '#', sign);
    }
    await sql.applyDeltas(tx, pollId, d);
    changed.push(pollId);
  }
  return changed;
}

/**
 * Follows a confirmation link: the participant's votes count from now on. An address confirmed
 * earlier by another participant (another browser) moves here, and that participant's votes stop
 * counting, so each address counts once per proposal.
 */
export async function confirmParticipant({ db, bus, live }: Polls, token: string) {
  const changed = new Set<string>();
  const out = await db.transaction(async (tx) => {
    const t = await people.pendingByLink(tx, sha256(token));
    if (!t) throw notFound('no participant for this link (it was used already, or a newer link was sent)');
    const other = await people.holderOf(tx, t.pending_hash, t.id);
    // Both rows locked in id order, as every transaction does.
    await people.lockParticipants(tx, [t.id, ...(other ? [other] : [])]);
    if (other) await people.unconfirm(tx, other);
    await people.confirmPending(tx, t.id);
    await people.releaseConfirmationMail(tx, t.pending_poll, t.pending_hash);
    for (const id of await recount(tx, [...(other ? [[other, false] as [string, boolean]] : []), [t.id, true]])) changed.add(id);
    for (const id of changed) await publishChange(bus, tx, id);
    return { status: 'confirmed' as const, pollId: t.pending_poll, participantCount: await sql.participantCount(tx, t.pending_poll) };
  });
  for (const id of changed) live.changed(id);
  return out;
}

/** What a confirmation page needs to know about a link before acting. */
export const lookupConfirmation = (db: Db, token: string) => people.confirmationInfo(db, sha256(token));

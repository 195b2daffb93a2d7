/**
 * The polls' SQL for votes and likes: the locks, the vote rows and the counters they change (each a
 * poll_tallies row plus the slots that voting connections add to: migration 013), each change in one
 * transaction so that counts stay exact however many vote at once.
 *
 * Locks are always taken in one order, so concurrent transactions wait rather than deadlock: the
 * participant's row (one change of theirs at a time), then the poll's row FOR SHARE (a close waits
 * for the votes under way, and votes after it see it closed), then the connection's slots of the
 * counters in sorted order. A fold of the slots (`foldTallies`) takes the poll's row alone.
 */
import type { Tally } from '../../../src/api/poll.js';
import type { Db, Queryable, Row } from '../../db/db.js';
import { fromJson, SLOT } from '../../db/statements.js';

/** Tallies by subject from counter rows (`'#'` values are the subject's voters). */
export function talliesOf(rows: [string, string, number][]): { tallies: Map<string, Tally>; participants: number } {
  const tallies = new Map<string, Tally>();
  let participants = 0;
  for (const [subject, value, count] of rows) {
    if (subject === '#') {
      participants = count;
      continue;
    }
    const t = tallies.get(subject) ?? { counts: {}, total: 0 };
    if (value === '#') t.total = count;
    else t.counts[value] = count;
    tallies.set(subject, t);
  }
  return { tallies, participants };
}

export interface PollLock extends Row {
  vote_kind: 'support' | 'agreement' | 'single' | 'approval';
  kind: 'quick' | 'consultation';
  max_choices: number | null;
  confirm_email: boolean;
  results_visibility: 'always' | 'after-vote' | 'after-close';
  integrity: 'open' | 'address-limit' | 'proof-of-work';
  address_limit: number;
  address_period_minutes: number;
  closed: boolean;
  upcoming: boolean;
}

const LOCK_COLUMNS = `p.vote_kind, p.kind, p.max_choices, p.confirm_email, p.results_visibility, p.integrity, p.address_limit, p.address_period_minutes,
  (p.status = 'closed' OR p.closes_at <= now()) AS closed, coalesce(p.opens_at > now(), false) AS upcoming`;

/** The poll's row, FOR SHARE: a close waits for this transaction, and it sees a close that committed first. */
export async function lockPoll(tx: Queryable, pollId: string): Promise<PollLock | undefined> {
  const [p] = await tx.query<PollLock>(`SELECT ${LOCK_COLUMNS} FROM polls p WHERE p.id = $1 FOR SHARE`, [pollId]);
  return p;
}

/** Locks the participant's row (created on first sight); whether their email is confirmed. */
export async function lockParticipant(tx: Queryable, participant: string): Promise<boolean> {
  const [me] = await tx.query<{ confirmed: boolean }>(
    `INSERT INTO poll_participants (id) VALUES ($1)
     ON CONFLICT (id) DO UPDATE SET seen_at = now() RETURNING confirmed_at IS NOT NULL AS confirmed`,
    [participant],
  );
  return me!.confirmed;
}

/** Whether this Idempotency-Key is new for the participant (recording it). Rolled back with the transaction. */
export async function freshKey(tx: Queryable, participant: string, key: string | null): Promise<boolean> {
  if (key === null) return true;
  const rows = await tx.query('INSERT INTO poll_vote_keys (participant, key) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1', [participant, key]);
  return rows.length === 1;
}

/**
 * Takes a place for a new participant voting from `address` (its keyed hash) in the period from
 * `start`: false when the period's `limit` is reached. The row stays locked until the vote commits,
 * so concurrent votes from one address count exactly.
 */
export async function takeAddressPlace(tx: Queryable, pollId: string, address: string, start: Date, limit: number): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO poll_address_voters (poll_id, address_hash, period_start, voters) VALUES ($1, $2, $3, 1)
     ON CONFLICT (poll_id, address_hash, period_start) DO UPDATE SET voters = poll_address_voters.voters + 1
       WHERE poll_address_voters.voters < $4
     RETURNING voters`,
    [pollId, address, start.toISOString(), limit],
  );
  return rows.length === 1;
}

/** Counts of periods that ended (a week is the longest period) are swept with the vote keys. */
export const sweepAddressPlaces = (q: Queryable) => q.query(`DELETE FROM poll_address_voters WHERE period_start < now() - interval '8 days'`);

/** Keys of votes are kept two days: long enough for any replay from a page's outbox. */
export const sweepVoteKeys = (q: Queryable) => q.query(`DELETE FROM poll_vote_keys WHERE created_at < now() - interval '2 days'`);

/* Counters -------------------------------------------------------------------------------------- */

/** Changes to counters, by subject and value. */
export type Deltas = Map<string, number>;
export const addDelta = (d: Deltas, subject: string, value: string, by: number) => by && d.set(`${subject}\u0000${value}`, (d.get(`${subject}\u0000${value}`) ?? 0) + by);

/** Counter changes in sorted order (the lock order), zeros left out, as three arrays for unnest. */
function sorted(d: Deltas): [string[], string[], number[]] {
  const entries = [...d].filter(([, by]) => by !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const split = entries.map(([k]) => k.split('\u0000') as [string, string]);
  return [split.map((x) => x[0]), split.map((x) => x[1]), entries.map(([, by]) => by)];
}

/**
 * Adds changes (subjects, values and amounts in parameters $i, $i+1, $i+2, sorted) to this
 * connection's slots (`SLOT`) of the counters of poll $1, one row after another in that order. A decrease
 * goes to the slot too (a slot may be negative; the counter, the slots' sum, never is).
 */
const addToSlots = (i: number) =>
  `INSERT INTO poll_tally_slots (poll_id, subject, value, slot, n)
  SELECT $1, s, v, ${SLOT}, c FROM unnest($${i}::text[], $${i + 1}::text[], $${i + 2}::int[]) WITH ORDINALITY AS d(s, v, c, k) ORDER BY k
  ON CONFLICT (poll_id, subject, value, slot) DO UPDATE SET n = poll_tally_slots.n + EXCLUDED.n`;

/**
 * The counters of poll $1 (those `where` keeps), as (subject, value, count) rows: each its
 * poll_tallies row plus its slots. `more` adds rows of (subject, value, count) to the sums: a change
 * the same statement makes, which its snapshot does not see.
 */
export const countersOf = (where = '', more = '') => `
  SELECT subject, value, sum(count)::int AS count FROM (
    SELECT subject, value, count FROM poll_tallies WHERE poll_id = $1 ${where}
    UNION ALL SELECT subject, value, n FROM poll_tally_slots WHERE poll_id = $1 ${where}${more && `\n    UNION ALL ${more}`}
  ) c GROUP BY subject, value`;

/** The counters summed as one JSON array of [subject, value, count]. */
export const asJson = (counters: string) => `(SELECT coalesce(json_agg(json_build_array(x.subject, x.value, x.count)), '[]') FROM (${counters}) x)`;

/** Applies counter changes in one statement, in lock order. */
export async function applyDeltas(tx: Queryable, pollId: string, d: Deltas): Promise<void> {
  const changes = sorted(d);
  if (changes[0].length) await tx.query(addToSlots(2), [pollId, ...changes]);
}

/**
 * Moves the poll's slots into its counter rows (in a transaction). The poll's row is locked first,
 * FOR NO KEY UPDATE, which the FOR SHARE that every change of counters takes before them waits for:
 * the votes under way finish and the next ones wait, so no other transaction holds a slot meanwhile.
 */
export async function foldTallies(tx: Queryable, pollId: string): Promise<void> {
  await tx.query('SELECT 1 FROM polls WHERE id = $1 FOR NO KEY UPDATE', [pollId]);
  // A row that exists takes the sum (updated, as an insert's CHECK would see a negative sum alone); a missing one is made.
  await tx.query(
    `WITH moved AS (DELETE FROM poll_tally_slots WHERE poll_id = $1 RETURNING subject, value, n),
     sums AS (SELECT subject, value, sum(n)::int AS n FROM moved GROUP BY subject, value),
     bumped AS (
       UPDATE poll_tallies t SET count = t.count + s.n FROM sums s
        WHERE t.poll_id = $1 AND t.subject = s.subject AND t.value = s.value RETURNING t.subject, t.value
     )
     INSERT INTO poll_tallies (poll_id, subject, value, count)
     SELECT $1, s.subject, s.value, s.n FROM sums s WHERE NOT EXISTS (SELECT 1 FROM bumped b WHERE b.subject = s.subject AND b.value = s.value)`,
    [pollId],
  );
}

/** Folds the slots of every poll that has some, one transaction per poll (the hourly sweep). */
export async function foldAllTallies(db: Db): Promise<void> {
  const polls = await db.query<{ poll_id: string }>('SELECT DISTINCT poll_id FROM poll_tally_slots ORDER BY poll_id');
  for (const { poll_id } of polls) await db.transaction((tx) => foldTallies(tx, poll_id));
}

/** The counters of the subject and the participant count, as rows. */
type CounterRows = [string, string, number][];

/** The counters of the subject and the participant count as this transaction sees them. */
export async function subjectCounters(tx: Queryable, pollId: string, subject: string): Promise<CounterRows> {
  const [r] = await tx.query<{ rows: CounterRows | string }>(`SELECT ${asJson(countersOf(`AND subject IN ($2, '#')`))} AS rows`, [pollId, subject]);
  return fromJson(r!.rows);
}

/* Votes ----------------------------------------------------------------------------------------- */

interface VoteContextRow extends PollLock {
  /** Whether the Idempotency-Key is new (recorded now) or absent. */
  fresh: boolean;
  old: unknown;
  /** Whether the participant has counted votes on other subjects of the poll. */
  elsewhere: boolean;
  /** Whether the participant has any vote in the poll, counted or not (else their first vote is guarded: integrity.ts). */
  known: boolean;
  allowed: unknown;
  /** Whether the proposal voted on is published. */
  proposal: boolean;
}

/** What a vote needs to know, read with the poll's lock: the poll, the participant's votes, the choices that exist. */
export interface VoteContext extends VoteContextRow {
  /** The participant's values on this subject, and whether they count. */
  old: [string, boolean][];
  /** The chosen ids that exist: options (quick polls) or published proposals. */
  allowed: string[];
}

/** One statement: records the key, locks the poll FOR SHARE, and reads what a vote of `participant` on `subject` needs. */
export async function voteContext(tx: Queryable, pollId: string, participant: string, subject: string, key: string | null, chosen: string[]): Promise<VoteContext | undefined> {
  const [p] = await tx.query<VoteContextRow>(
    `WITH k AS (
       INSERT INTO poll_vote_keys (participant, key) SELECT $2, $4 WHERE $4::text IS NOT NULL ON CONFLICT DO NOTHING RETURNING 1
     )
     SELECT ${LOCK_COLUMNS},
            ($4::text IS NULL OR EXISTS (SELECT 1 FROM k)) AS fresh,
            (SELECT coalesce(json_agg(json_build_array(v.value, v.counted) ORDER BY v.value), '[]') FROM poll_votes v
              WHERE v.poll_id = p.id AND v.participant = $2 AND v.subject = $3) AS old,
            EXISTS (SELECT 1 FROM poll_votes v WHERE v.poll_id = p.id AND v.participant = $2 AND v.subject <> $3 AND v.counted) AS elsewhere,
            EXISTS (SELECT 1 FROM poll_votes v WHERE v.poll_id = p.id AND v.participant = $2) AS known,
            CASE WHEN p.kind = 'quick'
              THEN (SELECT coalesce(json_agg(o.id), '[]') FROM poll_options o WHERE o.poll_id = p.id AND o.id = ANY($5::text[]))
              ELSE (SELECT coalesce(json_agg(x.id), '[]') FROM poll_proposals x WHERE x.poll_id = p.id AND x.id = ANY($5::text[]) AND x.status = 'published')
            END AS allowed,
            EXISTS (SELECT 1 FROM poll_proposals x WHERE x.poll_id = p.id AND x.id = $3 AND x.status = 'published') AS proposal
       FROM polls p WHERE p.id = $1 FOR SHARE OF p`,
    [pollId, participant, subject, key, chosen],
  );
  return p && { ...p, old: fromJson(p.old), allowed: fromJson(p.allowed) };
}

/**
 * One statement: the participant's vote rows on the subject become `values` (counted or not), the
 * counters change by `d` in lock order. The subject's counters and the participant count after it
 * (as the statement's snapshot saw them, plus `d`).
 */
export async function writeVote(
  tx: Queryable,
  v: { pollId: string; participant: string; subject: string; values: string[]; counted: boolean; deltas: Deltas },
): Promise<CounterRows> {
  const [r] = await tx.query<{ rows: CounterRows | string }>(
    `WITH gone AS (
       DELETE FROM poll_votes WHERE poll_id = $1 AND participant = $2 AND subject = $3 AND NOT (value = ANY($4::text[]))
     ), added AS (
       INSERT INTO poll_votes (poll_id, participant, subject, value, counted)
       SELECT $1, $2, $3, v, $5 FROM unnest($4::text[]) AS v ON CONFLICT DO NOTHING
     ), up AS (
       ${addToSlots(6)}
     )
     SELECT ${asJson(countersOf(`AND subject IN ($3, '#')`, `SELECT s, v, c FROM unnest($6::text[], $7::text[], $8::int[]) AS d(s, v, c)`))} AS rows`,
    [v.pollId, v.participant, v.subject, v.values, v.counted, ...sorted(v.deltas)],
  );
  return fromJson(r!.rows);
}

/**
 * Turns the counting of a participant's votes in a poll on or off: the rows that change, with
 * whether they counted before; the subjects where some of their rows still count the other way; and
 * whether they have such rows outside the changed subjects.
 */
export async function flipCounted(tx: Queryable, pollId: string, participant: string, counted: boolean) {
  const rows = await tx.query<{ subject: string; value: string; counted: boolean }>(
    'UPDATE poll_votes SET counted = $3 WHERE poll_id = $1 AND participant = $2 AND counted <> $3 RETURNING subject, value, NOT counted AS counted',
    [pollId, participant, counted],
  );
  if (!rows.length) return { rows, unflipped: new Set<string>(), other: false };
  const still = await tx.query<{ subject: string }>('SELECT DISTINCT subject FROM poll_votes WHERE poll_id = $1 AND participant = $2 AND counted = NOT $3', [pollId, participant, counted]);
  const subjects = [...new Set(rows.map((r) => r.subject))];
  const other = await tx.query('SELECT 1 FROM poll_votes WHERE poll_id = $1 AND participant = $2 AND counted = $3 AND NOT (subject = ANY($4::text[])) LIMIT 1', [pollId, participant, counted, subjects]);
  return { rows, unflipped: new Set(still.map((r) => r.subject)), other: other.length > 0 };
}

/** The polls that count confirmed votes only in which these participants have voted, in id order (the lock order). */
export async function confirmingPolls(tx: Queryable, participants: string[]): Promise<string[]> {
  const rows = await tx.query<{ poll_id: string }>(
    `SELECT DISTINCT v.poll_id FROM poll_votes v JOIN polls p ON p.id = v.poll_id
      WHERE v.participant = ANY($1::text[]) AND p.confirm_email ORDER BY v.poll_id`,
    [participants],
  );
  return rows.map((r) => r.poll_id);
}

/** Participants over time: per UTC hour, those whose first counted vote was cast in it, oldest first. */
export async function participantsByHour(q: Queryable, pollId: string): Promise<{ at: string; participants: number }[]> {
  const rows = await q.query<{ at: Date | string; n: number | string }>(
    `SELECT date_trunc('hour', f.first) AS at, count(*) AS n
       FROM (SELECT min(created_at) AS first FROM poll_votes WHERE poll_id = $1 AND counted GROUP BY participant) f
      GROUP BY 1 ORDER BY 1`,
    [pollId],
  );
  return rows.map((r) => ({ at: new Date(r.at).toISOString(), participants: Number(r.n) }));
}

export async function participantCount(q: Queryable, pollId: string): Promise<number> {
  const [n] = await q.query<{ count: number }>(countersOf(`AND subject = '#' AND value = '#'`), [pollId]);
  return n?.count ?? 0;
}

/* Likes ----------------------------------------------------------------------------------------- */

/** The published argument's like count, its row locked; undefined when there is no such argument. */
export async function lockArgument(tx: Queryable, pollId: string, argumentId: string): Promise<number | undefined> {
  const [a] = await tx.query<{ like_count: number }>(`SELECT like_count FROM poll_arguments WHERE poll_id = $1 AND id = $2 AND status = 'published' FOR UPDATE`, [pollId, argumentId]);
  return a?.like_count;
}

export const hasLiked = async (q: Queryable, pollId: string, argumentId: string, participant: string) =>
  (await q.query('SELECT 1 FROM poll_argument_likes WHERE poll_id = $1 AND argument_id = $2 AND participant = $3', [pollId, argumentId, participant])).length > 0;

/** Adds or takes back the participant's like, and changes the count in step; the new count. */
export async function setLike(tx: Queryable, pollId: string, argumentId: string, participant: string, liked: boolean): Promise<number> {
  await tx.query(
    liked
      ? 'INSERT INTO poll_argument_likes (poll_id, argument_id, participant) VALUES ($1, $2, $3)'
      : 'DELETE FROM poll_argument_likes WHERE poll_id = $1 AND argument_id = $2 AND participant = $3',
    [pollId, argumentId, participant],
  );
  const [r] = await tx.query<{ like_count: number }>('UPDATE poll_arguments SET like_count = like_count + $3 WHERE poll_id = $1 AND id = $2 RETURNING like_count', [
    pollId,
    argumentId,
    liked ? 1 : -1,
  ]);
  return r!.like_count;
}

/* A ballot -------------------------------------------------------------------------------------- */

/** A participant's votes (by subject), likes and confirmation, for one poll. */
export async function participantState(q: Queryable, pollId: string, participant: string) {
  const votes = await q.query<{ subject: string; value: string }>('SELECT subject, value FROM poll_votes WHERE poll_id = $1 AND participant = $2 ORDER BY subject, value', [pollId, participant]);
  const likes = await q.query<{ argument_id: string }>('SELECT argument_id FROM poll_argument_likes WHERE poll_id = $1 AND participant = $2', [pollId, participant]);
  const [me] = await q.query<{ confirmed: boolean }>('SELECT confirmed_at IS NOT NULL AS confirmed FROM poll_participants WHERE id = $1', [participant]);
  const bySubject: Record<string, string[]> = {};
  for (const v of votes) (bySubject[v.subject] ??= []).push(v.value);
  return { votes: bySubject, likes: likes.map((l) => l.argument_id), confirmed: me?.confirmed ?? false };
}

/* Demo content ---------------------------------------------------------------------------------- */

/** The demo's votes, all counted, and the counters from the rows they count. */
export async function seedVotes(tx: Queryable, pollId: string, rows: { subject: string; value: string; participant: string }[]) {
  await tx.query(
    `INSERT INTO poll_votes (poll_id, participant, subject, value, counted)
     SELECT $1, p, s, v, true FROM unnest($2::text[], $3::text[], $4::text[]) AS t(p, s, v) ON CONFLICT DO NOTHING`,
    [pollId, rows.map((r) => r.participant), rows.map((r) => r.subject), rows.map((r) => r.value)],
  );
  // The counters, from the rows they count: what the slots held is in them.
  await tx.query('DELETE FROM poll_tally_slots WHERE poll_id = $1', [pollId]);
  await tx.query(
    `INSERT INTO poll_tallies (poll_id, subject, value, count)
       SELECT poll_id, subject, value, count(*) FROM poll_votes WHERE poll_id = $1 AND counted GROUP BY poll_id, subject, value
       UNION ALL SELECT poll_id, subject, '#', count(DISTINCT participant) FROM poll_votes WHERE poll_id = $1 AND counted GROUP BY poll_id, subject
       UNION ALL SELECT poll_id, '#', '#', count(DISTINCT participant) FROM poll_votes WHERE poll_id = $1 AND counted GROUP BY poll_id
     ON CONFLICT (poll_id, subject, value) DO UPDATE SET count = EXCLUDED.count`,
    [pollId],
  );
}

/** The polls' SQL for polls themselves: one with its results (what every reader shares), the organiser's writes. */
import type { AdminPoll, PollCreate, PollUpdate } from '../../../src/api/admin.js';
import type { PollListItem } from '../../../src/api/lists.js';
import { pollStatus, votesOnProposals, type Poll, type PollResults } from '../../../src/api/poll.js';
import { buildResults } from '../../../src/domain/results.js';
import type { Queryable, Row } from '../../db/db.js';
import { fieldsOf, fromJson, insertNew, updateRow } from '../../db/statements.js';
import { iso, isoOrNull } from '../../time.js';
import { asJson, countersOf, talliesOf } from './votes.js';

/** A poll and its full results: what every reader shares (the Live cache holds it). */
export interface PollState {
  /** As its organiser sees it (`publicPoll`: as readers do). */
  poll: AdminPoll;
  results: PollResults;
}

interface PollRow extends Row {
  id: string;
  kind: Poll['kind'];
  title: string;
  description: string;
  vote_kind: Poll['voteKind'];
  status: 'open' | 'closed';
  opens_at: Date | null;
  closes_at: Date | null;
  results_visibility: Poll['resultsVisibility'];
  allow_proposals: boolean;
  moderate_proposals: boolean;
  confirm_email: boolean;
  integrity: AdminPoll['integrity'];
  address_limit: number;
  address_period_minutes: number;
  max_choices: number | null;
  locale: Poll['locale'];
  created_at: Date;
  updated_at: Date;
  themes: unknown;
  options: unknown;
  proposals: unknown;
  tallies: unknown;
}

const SELECT_POLL = `
  SELECT p.*,
    (SELECT coalesce(json_agg(json_build_object('id', t.id, 'title', t.title, 'description', t.description) ORDER BY t.position), '[]'::json)
       FROM poll_themes t WHERE t.poll_id = p.id) AS themes,
    (SELECT coalesce(json_agg(json_build_object('id', o.id, 'label', o.label) ORDER BY o.position), '[]'::json)
       FROM poll_options o WHERE o.poll_id = p.id) AS options,
    (SELECT coalesce(json_agg(x.id), '[]'::json) FROM poll_proposals x WHERE x.poll_id = p.id AND x.status = 'published') AS proposals,
    ${asJson(countersOf())} AS tallies
  FROM polls p WHERE p.id = $1`;

/** A poll and its full results, in one query. `status` is the stored one (`pollStatus` applies the dates). */
export async function loadPoll(q: Queryable, id: string): Promise<PollState | undefined> {
  const [r] = await q.query<PollRow>(SELECT_POLL, [id]);
  if (!r) return undefined;
  const proposals = fromJson<string[]>(r.proposals);
  const { tallies, participants } = talliesOf(fromJson(r.tallies));
  const poll: AdminPoll = {
    id: r.id,
    kind: r.kind,
    title: r.title,
    description: r.description,
    voteKind: r.vote_kind,
    status: r.status,
    opensAt: isoOrNull(r.opens_at),
    closesAt: isoOrNull(r.closes_at),
    resultsVisibility: r.results_visibility,
    allowProposals: r.allow_proposals,
    moderateProposals: r.moderate_proposals,
    confirmEmail: r.confirm_email,
    challenge: r.integrity === 'proof-of-work',
    integrity: r.integrity,
    addressLimit: r.address_limit,
    addressPeriodMinutes: r.address_period_minutes,
    maxChoices: r.max_choices,
    themes: fromJson(r.themes),
    options: fromJson(r.options),
    participantCount: participants,
    proposalCount: proposals.length,
    locale: r.locale,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
  return { poll, results: buildResults(id, poll.voteKind, !votesOnProposals(poll), tallies, proposals, participants) };
}

/** The poll as readers get it: its status as of now. */
export const current = <P extends Poll>(p: P): P => ({ ...p, status: pollStatus(p) });

/** The poll as readers see it: whether a challenge is asked, not its integrity mode and limit. */
export const publicPoll = ({ integrity: _i, addressLimit: _l, addressPeriodMinutes: _p, ...p }: AdminPoll): Poll => current(p);

/* The organiser's writes ---------------------------------------------------------------------- */

async function replaceLists(q: Queryable, id: string, p: Pick<PollCreate, 'themes' | 'options'>) {
  if (p.themes) {
    await q.query('DELETE FROM poll_themes WHERE poll_id = $1', [id]);
    await q.query(
      `INSERT INTO poll_themes (poll_id, id, position, title, description)
       SELECT $1, t.id, t.n, t.title, t.description FROM unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS t(id, title, description, n)`,
      [id, p.themes.map((t) => t.id), p.themes.map((t) => t.title), p.themes.map((t) => t.description ?? '')],
    );
  }
  if (p.options) {
    await q.query('DELETE FROM poll_options WHERE poll_id = $1', [id]);
    await q.query(
      `INSERT INTO poll_options (poll_id, id, position, label)
       SELECT $1, o.id, o.n, o.label FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS o(id, label, n)`,
      [id, p.options.map((o) => o.id), p.options.map((o) => o.label)],
    );
  }
}

/** Inserts a poll with its lists; false when the id is taken. */
export async function insertPoll(q: Queryable, p: PollCreate): Promise<boolean> {
  const inserted = await insertNew(q, 'polls', {
    id: p.id, kind: p.kind, title: p.title, description: p.description ?? '', voteKind: p.voteKind, opensAt: p.opensAt ?? null, closesAt: p.closesAt ?? null,
    resultsVisibility: p.resultsVisibility ?? 'always', allowProposals: p.allowProposals ?? false, moderateProposals: p.moderateProposals ?? true,
    confirmEmail: p.confirmEmail ?? false, maxChoices: p.maxChoices ?? null, locale: p.locale ?? 'fr',
    integrity: p.integrity ?? 'address-limit', addressLimit: p.addressLimit ?? 30, addressPeriodMinutes: p.addressPeriodMinutes ?? 60,
  });
  if (inserted) await replaceLists(q, p.id, p);
  return inserted;
}

/** The fields an update may change (the lists aside, and the kind, which it refuses). */
const FIELDS = fieldsOf<Omit<PollUpdate, 'themes' | 'options' | 'kind'>>()([
  'title', 'description', 'voteKind', 'opensAt', 'closesAt', 'resultsVisibility', 'allowProposals', 'moderateProposals', 'confirmEmail', 'maxChoices', 'locale',
  'integrity', 'addressLimit', 'addressPeriodMinutes',
]);

/** Whether any vote has been cast in the poll. */
export const hasVotes = async (q: Queryable, pollId: string) => (await q.query('SELECT 1 FROM poll_votes WHERE poll_id = $1 LIMIT 1', [pollId])).length > 0;

/** An option outside `kept` that has votes, if any. */
export async function votedOptionBesides(q: Queryable, pollId: string, kept: string[]): Promise<string | undefined> {
  const [used] = await q.query<{ value: string }>(`SELECT value FROM poll_votes WHERE poll_id = $1 AND subject = '' AND NOT (value = ANY($2::text[])) LIMIT 1`, [pollId, kept]);
  return used?.value;
}

/** A theme outside `kept` that has proposals, if any. */
export async function usedThemeBesides(q: Queryable, pollId: string, kept: string[]): Promise<string | undefined> {
  const [used] = await q.query<{ theme_id: string }>('SELECT theme_id FROM poll_proposals WHERE poll_id = $1 AND NOT (theme_id = ANY($2::text[])) LIMIT 1', [pollId, kept]);
  return used?.theme_id;
}

/** Changes the fields present in `changes`, and replaces the lists given (the caller checked the result). */
export async function updatePoll(q: Queryable, id: string, changes: PollUpdate): Promise<void> {
  await updateRow(q, 'polls', id, changes, FIELDS);
  await replaceLists(q, id, changes);
}

export async function closePoll(q: Queryable, id: string): Promise<boolean> {
  const rows = await q.query(`UPDATE polls SET status = 'closed', updated_at = now() WHERE id = $1 RETURNING id`, [id]);
  return rows.length === 1;
}

/** Inserts a proposal; undefined when this Idempotency-Key made one already (then read that one). */

/** Every poll for the console, last changed first: its counts and what waits for a moderator. */
export async function listPolls(q: Queryable, now: number): Promise<PollListItem[]> {
  const rows = await q.query<{
    id: string; kind: PollListItem['kind']; title: string; status: string; opens_at: Date | null; closes_at: Date | null; vote_kind: string;
    locale: PollListItem['locale']; updated_at: Date; participants: number; proposals: number; pending: number;
  }>(
    `SELECT p.id, p.kind, p.title, p.status, p.opens_at, p.closes_at, p.vote_kind, p.locale, p.updated_at,
            (SELECT count(DISTINCT v.participant)::int FROM poll_votes v WHERE v.poll_id = p.id) AS participants,
            (SELECT count(*)::int FROM poll_proposals r WHERE r.poll_id = p.id AND r.status = 'published') AS proposals,
            (SELECT count(*)::int FROM poll_proposals r WHERE r.poll_id = p.id AND r.status = 'pending')
              + (SELECT count(*)::int FROM poll_arguments a WHERE a.poll_id = p.id AND a.status = 'pending') AS pending
       FROM polls p ORDER BY p.updated_at DESC, p.id LIMIT 1000`,
  );
  return rows.map((r) => ({
    id: r.id, kind: r.kind, title: r.title, voteKind: r.vote_kind, locale: r.locale, updatedAt: iso(r.updated_at),
    participantCount: r.participants, proposalCount: r.proposals, pendingCount: r.pending,
    status: r.status === 'closed' || (r.closes_at && r.closes_at.getTime() <= now) ? 'closed' : r.opens_at && r.opens_at.getTime() > now ? 'upcoming' : 'open',
  }));
}

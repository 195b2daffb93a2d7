/** The poll resource's SQL for reading: a poll with its results, proposals, arguments, a participant's ballot. */
import { createHash } from 'node:crypto';
import { POLL_SUBJECT, pollStatus, votesOnProposals, type Argument, type Poll, type PollResults, type Proposal, type Tally } from '../../src/api/poll.js';
import { buildResults } from '../../src/domain/results.js';
import type { Queryable, Row } from '../db/db.js';
import { iso, isoOrNull } from '../time.js';
/** JSON built in SQL arrives parsed from pg and as text from some drivers. */
const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

/** The SHA-256 (hex) stored in place of a participant's token. */
export const participantId = (token: string) => createHash('sha256').update(`participant:${token}`).digest('hex');

/** A poll and its full results: what every reader shares (the Live cache holds it). */
export interface PollState {
  poll: Poll;
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
    (SELECT coalesce(json_agg(json_build_array(t.subject, t.value, t.count)), '[]'::json)
       FROM poll_tallies t WHERE t.poll_id = p.id) AS tallies
  FROM polls p WHERE p.id = $1`;

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

/** A poll and its full results, in one query. `status` is the stored one (`pollStatus` applies the dates). */
export async function loadPoll(q: Queryable, id: string): Promise<PollState | undefined> {
  const [r] = await q.query<PollRow>(SELECT_POLL, [id]);
  if (!r) return undefined;
  const proposals = json<string[]>(r.proposals);
  const { tallies, participants } = talliesOf(json(r.tallies));
  const poll: Poll = {
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
    maxChoices: r.max_choices,
    themes: json(r.themes),
    options: json(r.options),
    participantCount: participants,
    proposalCount: proposals.length,
    locale: r.locale,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
  return { poll, results: buildResults(id, poll.voteKind, !votesOnProposals(poll), tallies, proposals, participants) };
}

/** The poll as readers get it: its status as of now. */
export const current = (p: Poll): Poll => ({ ...p, status: pollStatus(p) });

interface ProposalRow extends Row {
  poll_id: string;
  id: string;
  theme_id: string | null;
  title: string;
  body: string;
  author_name: string;
  status: Proposal['status'];
  created_at: Date;
  argument_count: number;
}

export const PROPOSAL_COLUMNS = `p.poll_id, p.id, p.theme_id, p.title, p.body, p.author_name, p.status, p.created_at,
  (SELECT count(*)::int FROM poll_arguments a WHERE a.poll_id = p.poll_id AND a.proposal_id = p.id AND a.status = 'published') AS argument_count`;

export const toProposal = (r: ProposalRow): Proposal => ({
  id: r.id,
  pollId: r.poll_id,
  themeId: r.theme_id,
  title: r.title,
  body: r.body,
  authorName: r.author_name,
  status: r.status,
  argumentCount: r.argument_count,
  createdAt: iso(r.created_at),
});

export async function getProposal(q: Queryable, pollId: string, id: string): Promise<Proposal | undefined> {
  const [r] = await q.query<ProposalRow>(`SELECT ${PROPOSAL_COLUMNS} FROM poll_proposals p WHERE p.poll_id = $1 AND p.id = $2`, [pollId, id]);
  return r && toProposal(r);
}

/** Published proposals, newest first, from `offset`. */
export async function newestProposals(q: Queryable, pollId: string, themeId: string | null, offset: number, limit: number) {
  const rows = await q.query<ProposalRow & { total: number }>(
    `SELECT ${PROPOSAL_COLUMNS}, count(*) OVER ()::int AS total FROM poll_proposals p
      WHERE p.poll_id = $1 AND p.status = 'published' AND ($2::text IS NULL OR p.theme_id = $2)
      ORDER BY p.created_at DESC, p.id DESC LIMIT $3 OFFSET $4`,
    [pollId, themeId, limit, offset],
  );
  let total = rows[0]?.total;
  if (total === undefined) {
    const [c] = await q.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM poll_proposals WHERE poll_id = $1 AND status = 'published' AND ($2::text IS NULL OR theme_id = $2)`,
      [pollId, themeId],
    );
    total = c?.n ?? 0;
  }
  return { items: rows.map(toProposal), total };
}

/** Every published proposal's id and date (for orders by results, computed from the cached results). */
export const proposalKeys = (q: Queryable, pollId: string, themeId: string | null) =>
  q.query<{ id: string; created_at: Date }>(
    `SELECT id, created_at FROM poll_proposals WHERE poll_id = $1 AND status = 'published' AND ($2::text IS NULL OR theme_id = $2)`,
    [pollId, themeId],
  );

export async function proposalsById(q: Queryable, pollId: string, ids: string[]): Promise<Proposal[]> {
  const rows = await q.query<ProposalRow>(`SELECT ${PROPOSAL_COLUMNS} FROM poll_proposals p WHERE p.poll_id = $1 AND p.id = ANY($2::text[])`, [pollId, ids]);
  const byId = new Map(rows.map((r) => [r.id, toProposal(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

interface ArgumentRow extends Row {
  id: string;
  proposal_id: string;
  side: Argument['side'];
  body: string;
  author_name: string;
  status: Argument['status'];
  like_count: number;
  created_at: Date;
}
export const ARGUMENT_COLUMNS = 'id, proposal_id, side, body, author_name, status, like_count, created_at';
export const toArgument = (r: ArgumentRow): Argument => ({
  id: r.id,
  proposalId: r.proposal_id,
  side: r.side,
  body: r.body,
  authorName: r.author_name,
  status: r.status,
  likeCount: r.like_count,
  createdAt: iso(r.created_at),
});

export async function publishedArguments(q: Queryable, pollId: string, proposalId: string): Promise<Argument[]> {
  const rows = await q.query<ArgumentRow>(
    `SELECT ${ARGUMENT_COLUMNS} FROM poll_arguments WHERE poll_id = $1 AND proposal_id = $2 AND status = 'published'
      ORDER BY like_count DESC, created_at, id LIMIT 500`,
    [pollId, proposalId],
  );
  return rows.map(toArgument);
}

export async function getArgument(q: Queryable, pollId: string, id: string): Promise<Argument | undefined> {
  const [r] = await q.query<ArgumentRow>(`SELECT ${ARGUMENT_COLUMNS} FROM poll_arguments WHERE poll_id = $1 AND id = $2`, [pollId, id]);
  return r && toArgument(r);
}

/** What is waiting for a moderator in a poll, oldest first. */
export async function pending(q: Queryable, pollId: string) {
  const proposals = await q.query<ProposalRow>(
    `SELECT ${PROPOSAL_COLUMNS} FROM poll_proposals p WHERE p.poll_id = $1 AND p.status = 'pending' ORDER BY p.created_at, p.id`,
    [pollId],
  );
  const args = await q.query<ArgumentRow>(
    `SELECT ${ARGUMENT_COLUMNS} FROM poll_arguments WHERE poll_id = $1 AND status = 'pending' ORDER BY created_at, id`,
    [pollId],
  );
  return { proposals: proposals.map(toProposal), arguments: args.map(toArgument) };
}

/** A participant's votes (by subject), likes and confirmation, for one poll. */
export async function participantState(q: Queryable, pollId: string, participant: string) {
  const votes = await q.query<{ subject: string; value: string }>(
    'SELECT subject, value FROM poll_votes WHERE poll_id = $1 AND participant = $2 ORDER BY subject, value',
    [pollId, participant],
  );
  const likes = await q.query<{ argument_id: string }>('SELECT argument_id FROM poll_argument_likes WHERE poll_id = $1 AND participant = $2', [pollId, participant]);
  const [me] = await q.query<{ confirmed: boolean }>('SELECT confirmed_at IS NOT NULL AS confirmed FROM poll_participants WHERE id = $1', [participant]);
  const bySubject: Record<string, string[]> = {};
  for (const v of votes) (bySubject[v.subject] ??= []).push(v.value);
  return { votes: bySubject, likes: likes.map((l) => l.argument_id), confirmed: me?.confirmed ?? false };
}

export { POLL_SUBJECT };

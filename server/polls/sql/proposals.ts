/** The polls' SQL for proposals and arguments: reading them, participants' submissions, the organiser's and moderators' writes. */
import type { AdminProposalCreate, ProposalModerate } from '../../../src/api/admin.js';
import type { Argument, Proposal } from '../../../src/api/poll.js';
import type { Queryable, Row } from '../../db/db.js';
import { iso } from '../../time.js';

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

/** What waits for a moderator across polls, oldest first (at most `limit`), and how many in all. */
export async function pendingAcross(q: Queryable, limit: number) {
  const rows = await q.query<{ kind: 'proposal' | 'argument'; poll_id: string; poll_title: string; proposal_id: string; argument_id: string | null; total: number }>(
    `SELECT *, count(*) OVER ()::int AS total FROM (
       SELECT 'proposal' AS kind, p.poll_id, o.title AS poll_title, p.id AS proposal_id, NULL AS argument_id, p.created_at
         FROM poll_proposals p JOIN polls o ON o.id = p.poll_id WHERE p.status = 'pending'
       UNION ALL
       SELECT 'argument', a.poll_id, o.title, a.proposal_id, a.id, a.created_at
         FROM poll_arguments a JOIN polls o ON o.id = a.poll_id WHERE a.status = 'pending'
     ) w ORDER BY created_at, poll_id, proposal_id, argument_id NULLS FIRST LIMIT $1`,
    [limit],
  );
  const items = [];
  for (const r of rows) {
    const proposal = await getProposal(q, r.poll_id, r.proposal_id);
    const argument = r.argument_id ? await getArgument(q, r.poll_id, r.argument_id) : null;
    if (proposal && argument !== undefined) items.push({ kind: r.kind, poll: { id: r.poll_id, title: r.poll_title }, proposal, argument });
  }
  return { items, total: rows[0]?.total ?? 0 };
}

/* Writes ---------------------------------------------------------------------------------------- */

/** Inserts a proposal; undefined when this Idempotency-Key made one already (then read that one). */
export async function insertProposal(
  q: Queryable,
  pollId: string,
  id: string,
  p: AdminProposalCreate,
  status: 'published' | 'pending',
  key: string | null,
): Promise<boolean> {
  const rows = await q.query(
    `INSERT INTO poll_proposals (poll_id, id, theme_id, title, body, author_name, status, idempotency_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING id`,
    [pollId, id, p.themeId ?? null, p.title, p.body, p.authorName, status, key],
  );
  return rows.length === 1;
}

export const proposalByKey = async (q: Queryable, pollId: string, key: string) =>
  (await q.query<{ id: string }>('SELECT id FROM poll_proposals WHERE poll_id = $1 AND idempotency_key = $2', [pollId, key]))[0]?.id;

export async function moderateProposal(q: Queryable, pollId: string, id: string, m: ProposalModerate): Promise<boolean> {
  const rows = await q.query(
    `UPDATE poll_proposals SET status = coalesce($3, status), theme_id = CASE WHEN $7 THEN $4 ELSE theme_id END,
            title = coalesce($5, title), body = coalesce($6, body), updated_at = now()
      WHERE poll_id = $1 AND id = $2 RETURNING id`,
    [pollId, id, m.status ?? null, m.themeId ?? null, m.title ?? null, m.body ?? null, m.themeId !== undefined],
  );
  return rows.length === 1;
}

export async function moderateArgument(q: Queryable, pollId: string, id: string, status: string): Promise<boolean> {
  const rows = await q.query('UPDATE poll_arguments SET status = $3 WHERE poll_id = $1 AND id = $2 RETURNING id', [pollId, id, status]);
  return rows.length === 1;
}

/** How the poll takes participants' proposals: whether it does, and whether they wait for a moderator. */
export async function proposalSettings(q: Queryable, pollId: string) {
  const [p] = await q.query<{ allow_proposals: boolean; moderate_proposals: boolean }>('SELECT allow_proposals, moderate_proposals FROM polls WHERE id = $1', [pollId]);
  return p!;
}

export const themeExists = async (q: Queryable, pollId: string, themeId: string) =>
  (await q.query('SELECT 1 FROM poll_themes WHERE poll_id = $1 AND id = $2', [pollId, themeId])).length > 0;

export const isPublished = async (q: Queryable, pollId: string, proposalId: string) =>
  (await q.query(`SELECT 1 FROM poll_proposals WHERE poll_id = $1 AND id = $2 AND status = 'published'`, [pollId, proposalId])).length > 0;

export const argumentByKey = async (q: Queryable, pollId: string, key: string) =>
  (await q.query<{ id: string }>('SELECT id FROM poll_arguments WHERE poll_id = $1 AND idempotency_key = $2', [pollId, key]))[0]?.id;

export async function insertArgument(
  q: Queryable,
  pollId: string,
  id: string,
  a: { proposalId: string; side: Argument['side']; body: string; authorName: string },
  status: Argument['status'],
  key: string | null,
): Promise<void> {
  await q.query(
    `INSERT INTO poll_arguments (poll_id, id, proposal_id, side, body, author_name, status, idempotency_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [pollId, id, a.proposalId, a.side, a.body, a.authorName, status, key],
  );
}

/* Demo content ---------------------------------------------------------------------------------- */

/** Dates a proposal's submission (the demo's). */
export const setProposalCreated = (q: Queryable, pollId: string, id: string, at: string) =>
  q.query('UPDATE poll_proposals SET created_at = $3 WHERE poll_id = $1 AND id = $2', [pollId, id, at]);

/** A published argument liked by the demo's first `likes` participants. */
export async function insertDemoArgument(q: Queryable, pollId: string, id: string, a: { proposalId: string; side: Argument['side']; body: string; authorName: string }, likes: number): Promise<void> {
  await q.query(
    `INSERT INTO poll_arguments (poll_id, id, proposal_id, side, body, author_name, status, like_count) VALUES ($1, $2, $3, $4, $5, $6, 'published', $7)`,
    [pollId, id, a.proposalId, a.side, a.body, a.authorName, likes],
  );
  await q.query(`INSERT INTO poll_argument_likes (poll_id, argument_id, participant) SELECT $1, $2, 'demo-c' || n FROM generate_series(1, $3::int) AS n`, [pollId, id, likes]);
}

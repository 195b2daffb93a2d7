/** The organiser's writes: polls with their themes and options, proposals, moderation, closing. */
import type { AdminProposalCreate, PollCreate, PollUpdate, ProposalModerate } from '../../src/api/admin.js';
import type { ApiIssue } from '../../src/api/common.js';
import type { Poll } from '../../src/api/poll.js';
import type { Queryable } from '../db/db.js';
import { ApiFailure } from '../http.js';

const issue = (path: string, message: string, code = 'invalid_value'): ApiIssue => ({ path, code, message });

/** What is wrong with a poll's settings taken together (each issue names its field). */
export function pollProblems(p: PollCreate): ApiIssue[] {
  const out: ApiIssue[] = [];
  const options = p.options ?? [];
  const themes = p.themes ?? [];
  const choices = p.voteKind === 'single' || p.voteKind === 'approval';
  for (const field of ['opensAt', 'closesAt'] as const) {
    const v = p[field];
    if (v && Number.isNaN(Date.parse(v))) out.push(issue(field, 'not a valid date-time', 'invalid_date'));
  }
  if (p.opensAt && p.closesAt && Date.parse(p.opensAt) >= Date.parse(p.closesAt)) out.push(issue('closesAt', 'must be after opensAt'));
  if (p.kind === 'quick' && choices && options.length < 2) out.push(issue('options', `a quick poll with ${p.voteKind} votes needs at least 2 options`, 'too_small'));
  if ((p.kind === 'consultation' || !choices) && options.length)
    out.push(issue('options', p.kind === 'consultation' ? 'a consultation chooses among its proposals, not options' : `${p.voteKind} votes take no options`));
  if (p.kind === 'quick' && themes.length) out.push(issue('themes', 'only consultations have themes'));
  if (p.kind === 'quick' && p.allowProposals) out.push(issue('allowProposals', 'only consultations take proposals'));
  if (p.voteKind === 'approval' && !p.maxChoices) out.push(issue('maxChoices', 'approval votes need maxChoices', 'required'));
  if (p.voteKind !== 'approval' && p.maxChoices) out.push(issue('maxChoices', 'only approval votes take maxChoices'));
  if (p.kind === 'quick' && p.maxChoices && p.maxChoices > options.length) out.push(issue('maxChoices', 'more than the number of options', 'too_big'));
  if (new Set(options.map((o) => o.id)).size !== options.length) out.push(issue('options', 'two options have the same id'));
  if (new Set(themes.map((t) => t.id)).size !== themes.length) out.push(issue('themes', 'two themes have the same id'));
  return out;
}

export const refuse = (issues: ApiIssue[]) => {
  if (issues.length) throw new ApiFailure(400, 'validation', issues.map((i) => `${i.path}: ${i.message}`).join('; '), { issues });
};
const conflict = (path: string, message: string) => new ApiFailure(409, 'conflict', message, { issues: [issue(path, message, 'conflict')] });

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
  const rows = await q.query(
    `INSERT INTO polls (id, kind, title, description, vote_kind, opens_at, closes_at, results_visibility, allow_proposals,
                        moderate_proposals, confirm_email, max_choices, locale)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [
      p.id,
      p.kind,
      p.title,
      p.description ?? '',
      p.voteKind,
      p.opensAt ?? null,
      p.closesAt ?? null,
      p.resultsVisibility ?? 'always',
      p.allowProposals ?? false,
      p.moderateProposals ?? true,
      p.confirmEmail ?? false,
      p.maxChoices ?? null,
      p.locale ?? 'fr',
    ],
  );
  if (rows.length !== 1) return false;
  await replaceLists(q, p.id, p);
  return true;
}

const columns = {
  title: 'title',
  description: 'description',
  voteKind: 'vote_kind',
  opensAt: 'opens_at',
  closesAt: 'closes_at',
  resultsVisibility: 'results_visibility',
  allowProposals: 'allow_proposals',
  moderateProposals: 'moderate_proposals',
  confirmEmail: 'confirm_email',
  maxChoices: 'max_choices',
  locale: 'locale',
} as const satisfies Partial<Record<keyof PollUpdate, string>>;

/**
 * Changes a poll. `merged` is the poll as it will be (checked by the caller). Refused with 409 when a
 * change would orphan votes or proposals.
 */
export async function updatePoll(q: Queryable, current: Poll, changes: PollUpdate): Promise<void> {
  const id = current.id;
  if (changes.voteKind && changes.voteKind !== current.voteKind) {
    const [any] = await q.query('SELECT 1 FROM poll_votes WHERE poll_id = $1 LIMIT 1', [id]);
    if (any) throw conflict('voteKind', 'votes have been cast: the vote kind can no longer change');
  }
  if (changes.options) {
    const kept = changes.options.map((o) => o.id);
    const [used] = await q.query<{ value: string }>(`SELECT value FROM poll_votes WHERE poll_id = $1 AND subject = '' AND NOT (value = ANY($2::text[])) LIMIT 1`, [id, kept]);
    if (used) throw conflict('options', `option ${used.value} has votes and cannot be removed`);
  }
  if (changes.themes) {
    const kept = changes.themes.map((t) => t.id);
    const [used] = await q.query<{ theme_id: string }>('SELECT theme_id FROM poll_proposals WHERE poll_id = $1 AND NOT (theme_id = ANY($2::text[])) LIMIT 1', [id, kept]);
    if (used) throw conflict('themes', `theme ${used.theme_id} has proposals and cannot be removed`);
  }
  const sets = ['updated_at = now()'];
  const values: unknown[] = [id];
  for (const [key, column] of Object.entries(columns) as [keyof typeof columns, string][]) {
    if (changes[key] === undefined) continue;
    values.push(changes[key]);
    sets.push(`${column} = $${values.length}`);
  }
  await q.query(`UPDATE polls SET ${sets.join(', ')} WHERE id = $1`, values);
  await replaceLists(q, id, changes);
}

export async function closePoll(q: Queryable, id: string): Promise<boolean> {
  const rows = await q.query(`UPDATE polls SET status = 'closed', updated_at = now() WHERE id = $1 RETURNING id`, [id]);
  return rows.length === 1;
}

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

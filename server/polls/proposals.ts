/**
 * Proposals and arguments in consultations: the list readers page through (newest first, or by
 * their results), and what participants submit (held for a moderator when the poll says so).
 */
import type * as z from 'zod/mini';
import type { Argument, ArgumentInput, Proposal, ProposalInput, ProposalSort } from '../../src/api/poll.js';
import { resultsPublic } from '../../src/domain/results.js';
import { ApiFailure, found, notFound } from '../http.js';
import type { PollState } from './sql/polls.js';
import * as sql from './sql/proposals.js';
import { closedFailure, lockPoll, newId, publishChange, type Polls } from './voting.js';

/** A page of published proposals, in one theme or all, sorted newest first or (once results are public) by them. */
export async function proposalPage(
  { db }: Polls,
  s: PollState,
  q: { theme?: string | undefined; sort?: ProposalSort | undefined; cursor?: string | undefined; limit?: string | undefined },
) {
  const pollId = s.poll.id;
  const theme = q.theme ?? null;
  const offset = Number(q.cursor ?? 0);
  const limit = Number(q.limit ?? 20);
  const page = (items: Proposal[], total: number) => ({ items, total, nextCursor: offset + limit < total ? String(offset + limit) : null });
  const sort = q.sort ?? 'newest';
  if (sort === 'newest' || !resultsPublic(s.poll)) {
    const { items, total } = await sql.newestProposals(db, pollId, theme, offset, limit);
    return page(items, total);
  }
  const scores = s.results.proposals;
  const score = (id: string) => {
    const r = scores[id];
    return !r ? 0 : sort === 'consensus' ? r.agreement : sort === 'division' ? r.division : (r.tally.counts['support'] ?? r.tally.counts['agree'] ?? 0);
  };
  const poll = s.results.poll?.tally.counts ?? {};
  const keys = await sql.proposalKeys(db, pollId, theme);
  // Choices among proposals (single, approval): "support" is the number who chose each.
  const by = (id: string) => (s.results.poll ? (poll[id] ?? 0) : score(id));
  keys.sort((a, b) => by(b.id) - by(a.id) || b.created_at.getTime() - a.created_at.getTime() || (a.id < b.id ? 1 : -1));
  const ids = keys.slice(offset, offset + limit).map((k) => k.id);
  return page(await sql.proposalsById(db, pollId, ids), keys.length);
}

/** A theme that is not the poll's: 400 naming `themeId`. */
export const noTheme = (themeId: string) =>
  new ApiFailure(400, 'validation', `no theme ${themeId}`, { issues: [{ path: 'themeId', code: 'invalid_value', message: 'no such theme in this poll' }] });

/** A participant's proposal; `changed`: it is published (readers must be told). */
export async function submitProposal({ db, bus }: Polls, pollId: string, body: z.output<typeof ProposalInput>, key: string | null): Promise<{ proposal: Proposal; changed: boolean }> {
  return db.transaction(async (tx) => {
    const p = await lockPoll(tx, pollId);
    const settings = await sql.proposalSettings(tx, pollId);
    const earlier = key ? await sql.proposalByKey(tx, pollId, key) : undefined;
    if (earlier) return { proposal: await found(sql.getProposal(tx, pollId, earlier), 'proposal'), changed: false };
    if (p.closed || p.upcoming) throw closedFailure(!p.closed);
    if (!settings.allow_proposals) throw new ApiFailure(409, 'closed', 'this poll does not take proposals from participants');
    if (body.themeId && !(await sql.themeExists(tx, pollId, body.themeId))) throw noTheme(body.themeId);
    const status = settings.moderate_proposals ? 'pending' : 'published';
    const id = newId('p');
    if (body.hp) {
      // The honeypot: answer as a success would, keep nothing.
      const decoy: Proposal = { id, pollId, themeId: body.themeId ?? null, title: body.title, body: body.body, authorName: body.authorName, status, argumentCount: 0, createdAt: new Date().toISOString() };
      return { proposal: decoy, changed: false };
    }
    if (!(await sql.insertProposal(tx, pollId, id, body, status, key))) throw new Error('proposal id collision');
    if (status === 'published') await publishChange(bus, tx, pollId);
    return { proposal: await found(sql.getProposal(tx, pollId, id), 'proposal'), changed: status === 'published' };
  });
}

/** A participant's argument for or against a published proposal. */
export async function submitArgument({ db }: Polls, pollId: string, proposalId: string, body: z.output<typeof ArgumentInput>, key: string | null): Promise<Argument> {
  return db.transaction(async (tx) => {
    const p = await lockPoll(tx, pollId);
    const earlier = key ? await sql.argumentByKey(tx, pollId, key) : undefined;
    if (earlier) return found(sql.getArgument(tx, pollId, earlier), 'argument');
    if (!(await sql.isPublished(tx, pollId, proposalId))) throw notFound(`no proposal ${proposalId}`);
    if (p.closed || p.upcoming) throw closedFailure(!p.closed);
    const status = (await sql.proposalSettings(tx, pollId)).moderate_proposals ? 'pending' : 'published';
    const id = newId('a');
    if (body.hp) return { id, proposalId, side: body.side, body: body.body, authorName: body.authorName, status, likeCount: 0, createdAt: new Date().toISOString() };
    await sql.insertArgument(tx, pollId, id, { proposalId, side: body.side, body: body.body, authorName: body.authorName }, status, key);
    return found(sql.getArgument(tx, pollId, id), 'argument');
  });
}

/**
 * The organiser's routes: polls with their themes and options (their settings checked together),
 * proposals, moderation, closing, and the results exported as JSON and CSV.
 */
import type { Context } from 'hono';
import type { AdminPoll, PollCreate, PollUpdate } from '../../src/api/admin.js';
import type { ApiIssue } from '../../src/api/common.js';
import type { Poll, PollResults, Proposal } from '../../src/api/poll.js';
import { routes } from '../../src/api/routes.js';
import { csvRow } from '../csv.js';
import type { Queryable } from '../db/db.js';
import { conflict, found, idTaken, invalidIssues, notFound, setLocation } from '../http.js';
import type { Router } from '../routing.js';
import { pollProblems } from '../../src/domain/poll-settings.js';
import { noTheme } from './proposals.js';
import * as polls from './sql/polls.js';
import * as sql from './sql/proposals.js';
import * as votes from './sql/votes.js';
import { newId, publishChange, type Polls } from './voting.js';

export const refuse = (issues: ApiIssue[]) => {
  if (issues.length) throw invalidIssues(issues);
};

/** Refuses a change that would orphan votes or proposals (409 naming the field). */
async function checkUpdate(q: Queryable, current: Poll, changes: PollUpdate): Promise<void> {
  const id = current.id;
  if (changes.voteKind && changes.voteKind !== current.voteKind && (await polls.hasVotes(q, id))) throw conflict('voteKind', 'votes have been cast: the vote kind can no longer change');
  const option = changes.options && (await polls.votedOptionBesides(q, id, changes.options.map((o) => o.id)));
  if (option) throw conflict('options', `option ${option} has votes and cannot be removed`);
  const theme = changes.themes && (await polls.usedThemeBesides(q, id, changes.themes.map((t) => t.id)));
  if (theme) throw conflict('themes', `theme ${theme} has proposals and cannot be removed`);
}

/** The poll as an update would leave it, in the shape of its creation (to check its settings together). */
const merged = (p: AdminPoll, changes: PollUpdate): PollCreate => ({
  id: p.id, kind: p.kind, title: p.title, description: p.description, voteKind: p.voteKind, opensAt: p.opensAt, closesAt: p.closesAt,
  resultsVisibility: p.resultsVisibility, allowProposals: p.allowProposals, moderateProposals: p.moderateProposals, confirmEmail: p.confirmEmail,
  integrity: p.integrity, addressLimit: p.addressLimit, addressPeriodMinutes: p.addressPeriodMinutes,
  maxChoices: p.maxChoices, themes: p.themes, options: p.options, locale: p.locale, ...changes,
});

/** The results as a spreadsheet: one row per choice on the poll, then per proposal and value. */
function resultsCsv(poll: Poll, results: PollResults, proposals: Proposal[]): string {
  const pct = (n: number, of: number) => (of ? ((100 * n) / of).toFixed(1) : '');
  const themes = new Map(poll.themes.map((t) => [t.id, t.title]));
  let out = `\uFEFF${csvRow(['theme', 'proposal_id', 'proposal', 'choice', 'label', 'count', 'voters', 'percent', 'agreement', 'division'])}`;
  if (results.poll) {
    const t = results.poll.tally;
    const labels = poll.kind === 'quick' ? poll.options.map((o) => [o.id, o.label]) : proposals.map((x) => [x.id, x.title]);
    if (poll.voteKind === 'support' || poll.voteKind === 'agreement') labels.splice(0, labels.length, ...Object.keys(t.counts).map((k) => [k, k]));
    for (const [choice, label] of labels) out += csvRow(['', '', poll.title, choice, label, t.counts[choice!] ?? 0, t.total, pct(t.counts[choice!] ?? 0, t.total), '', '']);
  }
  for (const x of proposals) {
    const r = results.proposals[x.id];
    if (!r) continue;
    const values = poll.voteKind === 'support' ? ['support'] : ['agree', 'mixed', 'disagree'];
    for (const v of values)
      out += csvRow([x.themeId ? themes.get(x.themeId) : '', x.id, x.title, v, v, r.tally.counts[v] ?? 0, r.tally.total, pct(r.tally.counts[v] ?? 0, r.tally.total), r.agreement, r.division]);
  }
  return out;
}

export function pollAdminRoutes(router: Router, { db, bus, live }: Polls): void {
  const load = (q: Queryable, id: string) => found(polls.loadPoll(q, id), `poll ${id}`);

  router.on(routes.createPoll, async ({ body }, c) => {
    refuse(pollProblems(body));
    const created = await db.transaction(async (tx) => (await polls.insertPoll(tx, body)) && polls.loadPoll(tx, body.id));
    if (!created) throw idTaken('poll', body.id);
    setLocation(c, `/api/polls/${encodeURIComponent(body.id)}`);
    return polls.current(created.poll);
  });

  /** An admin change: made, announced on commit, and this process's readers told at once. */
  const change = async <T>(id: string, write: (tx: Queryable, s: polls.PollState) => Promise<T>): Promise<T> => {
    const out = await db.transaction(async (tx) => {
      const r = await write(tx, await load(tx, id));
      await publishChange(bus, tx, id);
      return r;
    });
    live.changed(id);
    return out;
  };
  const reload = async (tx: Queryable, id: string) => polls.current((await load(tx, id)).poll);
  const checkTheme = (s: polls.PollState, themeId: string | null | undefined) => {
    if (themeId && !s.poll.themes.some((t) => t.id === themeId)) throw noTheme(themeId);
  };

  router.on(routes.updatePoll, ({ params, body }) =>
    change(params.id, async (tx, s) => {
      refuse(pollProblems(merged(s.poll, body)));
      await checkUpdate(tx, s.poll, body);
      await polls.updatePoll(tx, params.id, body);
      return reload(tx, params.id);
    }),
  );

  router.on(routes.closePoll, ({ params }) =>
    change(params.id, async (tx) => {
      await polls.closePoll(tx, params.id);
      // No vote changes its counters any more: their slots go back into the rows once, here (a poll
      // closed by its date waits for the hourly sweep; reads add the slots either way).
      await votes.foldTallies(tx, params.id);
      return reload(tx, params.id);
    }),
  );

  router.on(routes.createProposal, ({ params, body, idempotencyKey }) =>
    change(params.id, async (tx, s) => {
      checkTheme(s, body.themeId);
      const earlier = idempotencyKey ? await sql.proposalByKey(tx, params.id, idempotencyKey) : undefined;
      const id = earlier ?? newId('p');
      if (!earlier) await sql.insertProposal(tx, params.id, id, body, 'published', idempotencyKey);
      return found(sql.getProposal(tx, params.id, id), 'proposal');
    }),
  );

  router.on(routes.listPolls, async () => ({ items: await polls.listPolls(db, Date.now()) }));

  router.on(routes.moderationQueue, async ({ params }) => {
    await found(live.get(params.id), `poll ${params.id}`);
    return sql.pending(db, params.id);
  });

  router.on(routes.pollQueue, () => sql.pendingAcross(db, 200));

  router.on(routes.moderateProposal, ({ params, body }) =>
    change(params.id, async (tx, s) => {
      checkTheme(s, body.themeId);
      if (!(await sql.moderateProposal(tx, params.id, params.proposalId, body))) throw notFound(`no proposal ${params.proposalId}`);
      return found(sql.getProposal(tx, params.id, params.proposalId), 'proposal');
    }),
  );

  router.on(routes.moderateArgument, ({ params, body }) =>
    change(params.id, async (tx) => {
      if (!(await sql.moderateArgument(tx, params.id, params.argumentId, body.status))) throw notFound(`no argument ${params.argumentId}`);
      return found(sql.getArgument(tx, params.id, params.argumentId), 'argument');
    }),
  );

  const exported = async (id: string) => {
    const s = await load(db, id);
    const { items } = await sql.newestProposals(db, id, null, 0, 100_000);
    const timeline = await votes.participantsByHour(db, id);
    return { poll: polls.current(s.poll), results: s.results, proposals: items, timeline, exportedAt: new Date().toISOString() };
  };

  router.on(routes.exportPollJson, ({ params }) => exported(params.id));

  router.on(routes.exportPollCsv, async ({ params }, c: Context) => {
    const { poll, results, proposals } = await exported(params.id);
    return c.newResponse(resultsCsv(poll, results, proposals), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${params.id}-results.csv"`,
      'cache-control': 'no-store',
    });
  });
}

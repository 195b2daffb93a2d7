/** The poll resource over HTTP: thin routes that parse (Router), call the SQL, answer. */
import type { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import * as z from 'zod/mini';
import { Slug } from '../../src/api/common.js';
import { toIssues } from '../../src/api/errors.js';
import { ProposalSort, pollStatus, type PollEvent, type Proposal } from '../../src/api/poll.js';
import { routes } from '../../src/api/routes.js';
import { resultsPublic, visibleResults } from '../../src/domain/results.js';
import { Keys } from '../comments/keys.js';
import { linkBase, type ServerContext } from '../context.js';
import { csvRow } from '../csv.js';
import type { Queryable } from '../db/db.js';
import { ApiFailure, notFound, RateLimiter, untilClosed } from '../http.js';
import { Live } from '../live.js';
import { Router } from '../routing.js';
import * as admin from './admin.js';
import { confirmationMail, pollPages } from './pages.js';
import * as sql from './sql.js';
import { TOPIC, castVote, closedFailure, confirmParticipant, releaseConfirmationMail, likeArgument, lockPoll, newId, publishChange, requestConfirmation, sweepConfirmationMails, type Polls } from './voting.js';

const must = async <T>(value: Promise<T | undefined>, what: string): Promise<T> => {
  const v = await value;
  if (v === undefined) throw notFound(`no ${what}`);
  return v;
};

const Query = z.object({
  theme: z.optional(Slug),
  sort: z.optional(ProposalSort),
  cursor: z.optional(z.string().check(z.regex(/^\d{1,9}$/, 'a cursor from nextCursor'))),
  limit: z.optional(z.string().check(z.regex(/^(100|[1-9]\d?)$/, 'a number from 1 to 100'))),
});

/** Votes and likes: a participant may make many in a minute (one per proposal), so their limit is five times the general one. */
const VOTE_FACTOR = 5;

export function pollRoutesOn(app: Hono, router: Router, ctx: ServerContext, o: { limiter: RateLimiter | undefined; trustProxy: boolean | number }) {
  const { db, bus } = ctx;
  const live = new Live<sql.PollState>(bus, TOPIC, (id) => sql.loadPoll(db, id));
  const polls: Polls = { db, bus, live, keys: new Keys(db, 'polls') };
  const voteLimiter = o.limiter && new RateLimiter({ capacity: o.limiter.options.capacity * VOTE_FACTOR, refillPerSecond: o.limiter.options.refillPerSecond * VOTE_FACTOR });
  const votes = new Router(router.app, router.base, { ...router.options, limiter: voteLimiter });
  // Keys of votes are kept two days: long enough for any replay from a page's outbox.
  const sweep = setInterval(() => {
    void db.query(`DELETE FROM poll_vote_keys WHERE created_at < now() - interval '2 days'`).catch(() => undefined);
    void sweepConfirmationMails(db).catch(() => undefined);
  }, 3_600_000);
  sweep.unref();
  ctx.onClose(() => {
    live.close();
    voteLimiter?.close();
    clearInterval(sweep);
  });
  const state = (id: string) => must(live.get(id), `poll ${id}`);
  const changed = (ids: string[]) => ids.forEach((id) => live.changed(id));

  router.on(routes.getPoll, async ({ params }) => sql.current((await state(params.id)).poll));

  router.on(routes.pollResults, async ({ params }) => {
    const s = await state(params.id);
    return visibleResults(s.results, s.poll);
  });

  /** The event of a state, serialised once for every listener. */
  const events = new WeakMap<sql.PollState, string>();
  const eventOf = (s: sql.PollState) => {
    let text = events.get(s);
    if (!text) {
      const event: PollEvent = { type: 'poll', status: pollStatus(s.poll), participantCount: s.poll.participantCount, proposalCount: s.poll.proposalCount, results: visibleResults(s.results, s.poll) };
      events.set(s, (text = `data: ${JSON.stringify(event)}\n\n`));
    }
    return text;
  };

  router.on(routes.pollEvents, async ({ params }, c) => {
    const id = params.id;
    await state(id);
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, async (stream) => {
      let chain = Promise.resolve();
      const write = (text: () => string | undefined | Promise<string | undefined>) => {
        chain = chain
          .then(async () => {
            const t = await text();
            if (t !== undefined && !stream.closed) await stream.write(t);
          })
          .catch(() => undefined);
      };
      const stop = live.listen(id, (s) => write(() => eventOf(s)));
      write(async () => {
        const s = await live.get(id);
        return s && eventOf(s);
      });
      const heartbeat = setInterval(() => write(() => ': heartbeat\n\n'), ctx.heartbeatMs);
      await untilClosed(stream, ctx.closing);
      clearInterval(heartbeat);
      stop();
    });
  });

  router.on(routes.listProposals, async ({ params }, c) => {
    const r = Query.safeParse(c.req.query());
    if (!r.success) {
      const issues = toIssues(r.error.issues);
      throw new ApiFailure(400, 'validation', issues.map((i) => `${i.path}: ${i.message}`).join('; '), { issues });
    }
    const q = r.data;
    const s = await state(params.id);
    const theme = q.theme ?? null;
    const offset = Number(q.cursor ?? 0);
    const limit = Number(q.limit ?? 20);
    const page = (items: Proposal[], total: number) => ({ items, total, nextCursor: offset + limit < total ? String(offset + limit) : null });
    const sort = q.sort ?? 'newest';
    if (sort === 'newest' || !resultsPublic(s.poll)) {
      const { items, total } = await sql.newestProposals(db, params.id, theme, offset, limit);
      return page(items, total);
    }
    const scores = s.results.proposals;
    const score = (id: string) => {
      const r = scores[id];
      return !r ? 0 : sort === 'consensus' ? r.agreement : sort === 'division' ? r.division : (r.tally.counts['support'] ?? r.tally.counts['agree'] ?? 0);
    };
    const poll = s.results.poll?.tally.counts ?? {};
    const keys = await sql.proposalKeys(db, params.id, theme);
    // Choices among proposals (single, approval): "support" is the number who chose each.
    const by = (id: string) => (s.results.poll ? (poll[id] ?? 0) : score(id));
    keys.sort((a, b) => by(b.id) - by(a.id) || b.created_at.getTime() - a.created_at.getTime() || (a.id < b.id ? 1 : -1));
    const ids = keys.slice(offset, offset + limit).map((k) => k.id);
    return page(await sql.proposalsById(db, params.id, ids), keys.length);
  });

  router.on(routes.submitProposal, async ({ params, body, idempotencyKey }, c) => {
    const id = params.id;
    const result = await db.transaction(async (tx) => {
      const p = await lockPoll(tx, id);
      const [poll] = await tx.query<{ allow_proposals: boolean; moderate_proposals: boolean }>('SELECT allow_proposals, moderate_proposals FROM polls WHERE id = $1', [id]);
      if (idempotencyKey) {
        const earlier = await admin.proposalByKey(tx, id, idempotencyKey);
        if (earlier) return { proposal: await must(sql.getProposal(tx, id, earlier), 'proposal'), changed: false };
      }
      if (p.closed || p.upcoming) throw closedFailure(!p.closed);
      if (!poll!.allow_proposals) throw new ApiFailure(409, 'closed', 'this poll does not take proposals from participants');
      if (body.themeId) {
        const [t] = await tx.query('SELECT 1 FROM poll_themes WHERE poll_id = $1 AND id = $2', [id, body.themeId]);
        if (!t) throw new ApiFailure(400, 'validation', `no theme ${body.themeId}`, { issues: [{ path: 'themeId', code: 'invalid_value', message: 'no such theme in this poll' }] });
      }
      const status = poll!.moderate_proposals ? 'pending' : 'published';
      const proposalId = newId('p');
      if (body.hp) {
        // The honeypot: answer as a success would, keep nothing.
        return { proposal: { id: proposalId, pollId: id, themeId: body.themeId ?? null, title: body.title, body: body.body, authorName: body.authorName, status, argumentCount: 0, createdAt: new Date().toISOString() } as Proposal, changed: false };
      }
      if (!(await admin.insertProposal(tx, id, proposalId, body, status, idempotencyKey))) throw new Error('proposal id collision');
      if (status === 'published') await publishChange(bus, tx, id);
      return { proposal: await must(sql.getProposal(tx, id, proposalId), 'proposal'), changed: status === 'published' };
    });
    if (result.changed) live.changed(id);
    return result.proposal;
  });

  router.on(routes.listArguments, async ({ params }) => {
    await state(params.id);
    const p = await sql.getProposal(db, params.id, params.proposalId);
    if (!p || p.status !== 'published') throw notFound(`no proposal ${params.proposalId}`);
    return { items: await sql.publishedArguments(db, params.id, params.proposalId) };
  });

  router.on(routes.submitArgument, async ({ params, body, idempotencyKey }) => {
    const { id, proposalId } = params;
    return db.transaction(async (tx) => {
      const p = await lockPoll(tx, id);
      if (idempotencyKey) {
        const [earlier] = await tx.query<{ id: string }>('SELECT id FROM poll_arguments WHERE poll_id = $1 AND idempotency_key = $2', [id, idempotencyKey]);
        if (earlier) return must(sql.getArgument(tx, id, earlier.id), 'argument');
      }
      const [x] = await tx.query(`SELECT 1 FROM poll_proposals WHERE poll_id = $1 AND id = $2 AND status = 'published'`, [id, proposalId]);
      if (!x) throw notFound(`no proposal ${proposalId}`);
      if (p.closed || p.upcoming) throw closedFailure(!p.closed);
      const [poll] = await tx.query<{ moderate_proposals: boolean }>('SELECT moderate_proposals FROM polls WHERE id = $1', [id]);
      const status = poll!.moderate_proposals ? 'pending' : 'published';
      const argumentId = newId('a');
      if (body.hp) return { id: argumentId, proposalId, side: body.side, body: body.body, authorName: body.authorName, status, likeCount: 0, createdAt: new Date().toISOString() };
      await tx.query(
        `INSERT INTO poll_arguments (poll_id, id, proposal_id, side, body, author_name, status, idempotency_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [id, argumentId, proposalId, body.side, body.body, body.authorName, status, idempotencyKey],
      );
      return must(sql.getArgument(tx, id, argumentId), 'argument');
    });
  });

  for (const [route, liked] of [[routes.likeArgument, true], [routes.unlikeArgument, false]] as const) {
    votes.on(route, ({ params, idempotencyKey }) => likeArgument(polls, params.id, params.argumentId, params.participant, liked, idempotencyKey));
  }

  router.on(routes.getBallot, async ({ params }) => {
    const s = await state(params.id);
    const me = await sql.participantState(db, params.id, sql.participantId(params.participant));
    return { ...me, confirmed: me.confirmed || !s.poll.confirmEmail, results: visibleResults(s.results, s.poll, Object.keys(me.votes)) };
  });

  const vote = async (id: string, proposalId: string | null, participant: string, input: z.output<typeof routes.votePoll.body> | null, key: string | null) => {
    const { result, changed } = await castVote(polls, id, proposalId, participant, input, key);
    if (changed) live.changed(id);
    return result;
  };
  votes.on(routes.votePoll, ({ params, body, idempotencyKey }) => vote(params.id, null, params.participant, body, idempotencyKey));
  votes.on(routes.withdrawPollVote, ({ params, idempotencyKey }) => vote(params.id, null, params.participant, null, idempotencyKey));
  votes.on(routes.voteProposal, ({ params, body, idempotencyKey }) => vote(params.id, params.proposalId, params.participant, body, idempotencyKey));
  votes.on(routes.withdrawProposalVote, ({ params, idempotencyKey }) => vote(params.id, params.proposalId, params.participant, null, idempotencyKey));

  router.on(routes.requestParticipantEmail, async ({ params, body }, c) => {
    const r = await requestConfirmation(polls, params.id, params.participant, body.email);
    if (r.token) {
      const { hash } = r;
      const mail = confirmationMail(body.email, r.poll, r.token, linkBase(ctx, c.req.url));
      ctx.background(
        ctx.mailer.send(mail).catch(async (e: unknown) => {
          ctx.log('error', `confirmation mail for poll ${params.id} failed`, e);
          await releaseConfirmationMail(db, params.id, hash);
        }),
      );
    }
    return { status: r.status };
  });

  router.on(routes.confirmParticipant, async ({ body }) => {
    const r = await confirmParticipant(polls, body.token);
    changed(r.changed);
    return r.result;
  });

  /* Admin. */

  router.on(routes.createPoll, async ({ body }, c) => {
    admin.refuse(admin.pollProblems(body));
    const created = await db.transaction(async (tx) => (await admin.insertPoll(tx, body)) && sql.loadPoll(tx, body.id));
    if (!created) throw new ApiFailure(409, 'conflict', `a poll ${body.id} exists already`, { issues: [{ path: 'id', code: 'conflict', message: 'this id is taken' }] });
    c.header('Location', `${new URL(c.req.url).origin}/api/polls/${encodeURIComponent(body.id)}`);
    return sql.current(created.poll);
  });

  /** An admin change: made, announced on commit, and this process's readers told at once. */
  const change = async <T>(id: string, write: (tx: Queryable, s: sql.PollState) => Promise<T>): Promise<T> => {
    const out = await db.transaction(async (tx) => {
      const s = await must(sql.loadPoll(tx, id), `poll ${id}`);
      const r = await write(tx, s);
      await publishChange(bus, tx, id);
      return r;
    });
    live.changed(id);
    return out;
  };
  const reload = async (tx: Queryable, id: string) => sql.current((await must(sql.loadPoll(tx, id), `poll ${id}`)).poll);

  router.on(routes.updatePoll, ({ params, body }) =>
    change(params.id, async (tx, s) => {
      const p = s.poll;
      const merged = { id: p.id, kind: p.kind, title: p.title, description: p.description, voteKind: p.voteKind, opensAt: p.opensAt, closesAt: p.closesAt,
        resultsVisibility: p.resultsVisibility, allowProposals: p.allowProposals, moderateProposals: p.moderateProposals, confirmEmail: p.confirmEmail,
        maxChoices: p.maxChoices, themes: p.themes, options: p.options, locale: p.locale, ...body };
      admin.refuse(admin.pollProblems(merged));
      await admin.updatePoll(tx, p, body);
      return reload(tx, params.id);
    }),
  );

  router.on(routes.closePoll, ({ params }) =>
    change(params.id, async (tx) => {
      await admin.closePoll(tx, params.id);
      return reload(tx, params.id);
    }),
  );

  router.on(routes.createProposal, async ({ params, body, idempotencyKey }, c) => {
    const out = await change(params.id, async (tx, s) => {
      if (body.themeId && !s.poll.themes.some((t) => t.id === body.themeId))
        throw new ApiFailure(400, 'validation', `no theme ${body.themeId}`, { issues: [{ path: 'themeId', code: 'invalid_value', message: 'no such theme in this poll' }] });
      const earlier = idempotencyKey ? await admin.proposalByKey(tx, params.id, idempotencyKey) : undefined;
      const id = earlier ?? newId('p');
      if (!earlier) await admin.insertProposal(tx, params.id, id, body, 'published', idempotencyKey);
      return must(sql.getProposal(tx, params.id, id), 'proposal');
    });
    return out;
  });

  router.on(routes.moderationQueue, async ({ params }) => {
    await state(params.id);
    return sql.pending(db, params.id);
  });

  router.on(routes.moderateProposal, ({ params, body }) =>
    change(params.id, async (tx, s) => {
      if (body.themeId && !s.poll.themes.some((t) => t.id === body.themeId))
        throw new ApiFailure(400, 'validation', `no theme ${body.themeId}`, { issues: [{ path: 'themeId', code: 'invalid_value', message: 'no such theme in this poll' }] });
      if (!(await admin.moderateProposal(tx, params.id, params.proposalId, body))) throw notFound(`no proposal ${params.proposalId}`);
      return must(sql.getProposal(tx, params.id, params.proposalId), 'proposal');
    }),
  );

  router.on(routes.moderateArgument, ({ params, body }) =>
    change(params.id, async (tx) => {
      if (!(await admin.moderateArgument(tx, params.id, params.argumentId, body.status))) throw notFound(`no argument ${params.argumentId}`);
      return must(sql.getArgument(tx, params.id, params.argumentId), 'argument');
    }),
  );

  const exported = async (id: string) => {
    const s = await must(sql.loadPoll(db, id), `poll ${id}`);
    const { items } = await sql.newestProposals(db, id, null, 0, 100_000);
    return { poll: sql.current(s.poll), results: s.results, proposals: items, exportedAt: new Date().toISOString() };
  };

  router.on(routes.exportPollJson, ({ params }) => exported(params.id));

  router.on(routes.exportPollCsv, async ({ params }, c) => {
    const { poll, results, proposals } = await exported(params.id);
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
    return c.newResponse(out, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${params.id}-results.csv"`,
      'cache-control': 'no-store',
    });
  });

  pollPages(app, ctx, polls, changed, o);
}

/** The poll resource over HTTP: thin routes that parse (Router), call the functions that speak SQL, answer. */
import * as z from 'zod/mini';
import { Slug } from '../../src/api/common.js';
import { toIssues } from '../../src/api/errors.js';
import { ProposalSort, pollStatus, type PollEvent } from '../../src/api/poll.js';
import { routes } from '../../src/api/routes.js';
import { visibleResults } from '../../src/domain/results.js';
import { linkBase, mailLater, type ServerContext } from '../context.js';
import { found, invalidIssues, notFound } from '../http.js';
import { rateLimiter } from '../rate-buckets.js';
import { Live } from '../live.js';
import { Router } from '../routing.js';
import { Keys } from '../secrets.js';
import { eventStream, sseData } from '../sse.js';
import { pollAdminRoutes } from './admin.js';
import { confirmationMail, pollPages } from './pages.js';
import { proposalPage, submitArgument, submitProposal } from './proposals.js';
import { releaseConfirmationMail, sweepConfirmationMails } from './sql/participants.js';
import { current, loadPoll, publicPoll, type PollState } from './sql/polls.js';
import { getProposal, publishedArguments } from './sql/proposals.js';
import { foldAllTallies, participantState, sweepAddressPlaces, sweepVoteKeys } from './sql/votes.js';
import { defaultChallenge, pollChallenge, type ChallengeOptions } from './integrity.js';
import { TOPIC, castVote, confirmParticipant, likeArgument, participantId, requestConfirmation, type Polls } from './voting.js';

/** The query of a page of proposals. */
const ProposalQuery = z.object({
  theme: z.optional(Slug),
  sort: z.optional(ProposalSort),
  cursor: z.optional(z.string().check(z.regex(/^\d{1,9}$/, 'a cursor from nextCursor'))),
  limit: z.optional(z.string().check(z.regex(/^(100|[1-9]\d?)$/, 'a number from 1 to 100'))),
});

/** Votes and likes: a participant may make many in a minute (one per proposal), so their limit is five times the general one. */
const VOTE_FACTOR = 5;

export interface PollOptions {
  /** The proof of work of `proof-of-work` polls (default 16 zero bits, 30 minutes to use one). */
  challenge?: Partial<ChallengeOptions>;
}

export function pollRoutes(router: Router, ctx: ServerContext, options: PollOptions = {}): void {
  const { db, bus } = ctx;
  const live = new Live<PollState>(bus, TOPIC, (id) => loadPoll(db, id));
  const polls: Polls = { db, bus, live, keys: new Keys(db, 'polls'), now: ctx.now, challenge: { ...defaultChallenge, ...options.challenge } };
  const sweep = setInterval(() => {
    void sweepVoteKeys(db).catch(() => undefined);
    void sweepAddressPlaces(db).catch(() => undefined);
    void sweepConfirmationMails(db).catch(() => undefined);
    // The counters' slots back into their rows, so that reading a poll sums few rows.
    void foldAllTallies(db).catch(() => undefined);
  }, 3_600_000);
  sweep.unref();
  ctx.onClose(() => {
    live.close();
    clearInterval(sweep);
  });
  readerRoutes(router, ctx, polls);
  participantRoutes(router, ctx, polls);
  pollAdminRoutes(router, polls);
  pollPages(router.app, ctx, polls);
}

/** What everyone may read: a poll, its results and their live events, proposals and arguments, a participant's ballot. */
function readerRoutes(router: Router, ctx: ServerContext, polls: Polls): void {
  const { db, live } = polls;
  const state = (id: string) => found(live.get(id), `poll ${id}`);

  router.on(routes.getPoll, async ({ params }) => publicPoll((await state(params.id)).poll));

  router.on(routes.pollResults, async ({ params }) => {
    const s = await state(params.id);
    return visibleResults(s.results, s.poll);
  });

  /** The event of a state, serialised once for every listener. */
  const events = new WeakMap<PollState, string>();
  const eventOf = (s: PollState) => {
    let text = events.get(s);
    if (!text) {
      const event: PollEvent = { type: 'poll', status: pollStatus(s.poll), participantCount: s.poll.participantCount, proposalCount: s.poll.proposalCount, results: visibleResults(s.results, s.poll) };
      events.set(s, (text = sseData(event)));
    }
    return text;
  };

  router.on(routes.pollEvents, async ({ params }, c) => {
    const id = params.id;
    await state(id);
    return eventStream(c, ctx, (send) => {
      const stop = live.listen(id, (s) => send(() => eventOf(s)));
      send(async () => {
        const s = await live.get(id);
        return s && eventOf(s);
      });
      return stop;
    });
  });

  router.on(routes.listProposals, async ({ params }, c) => {
    const q = ProposalQuery.safeParse(c.req.query());
    if (!q.success) throw invalidIssues(toIssues(q.error.issues));
    return proposalPage(polls, await state(params.id), q.data);
  });

  router.on(routes.listArguments, async ({ params }) => {
    await state(params.id);
    const p = await getProposal(db, params.id, params.proposalId);
    if (!p || p.status !== 'published') throw notFound(`no proposal ${params.proposalId}`);
    return { items: await publishedArguments(db, params.id, params.proposalId) };
  });

  router.on(routes.getBallot, async ({ params }) => {
    const s = await state(params.id);
    const me = await participantState(db, params.id, participantId(params.participant));
    return { ...me, confirmed: me.confirmed || !s.poll.confirmEmail, results: visibleResults(s.results, s.poll, Object.keys(me.votes)) };
  });
}

/** What participants do: propose, argue, like, vote, confirm their email. */
function participantRoutes(router: Router, ctx: ServerContext, polls: Polls): void {
  const { db, live } = polls;
  const limit = ctx.limiter?.options;
  const voteLimiter = limit && rateLimiter(ctx.db, 'votes', { capacity: limit.capacity * VOTE_FACTOR, refillPerSecond: limit.refillPerSecond * VOTE_FACTOR });
  ctx.onClose(() => voteLimiter?.close());
  const votes = new Router(router.app, router.base, { ...router.options, limiter: voteLimiter });

  router.on(routes.submitProposal, async ({ params, body, idempotencyKey }) => {
    const { proposal, changed } = await submitProposal(polls, params.id, body, idempotencyKey);
    if (changed) live.changed(params.id);
    return proposal;
  });

  router.on(routes.submitArgument, ({ params, body, idempotencyKey }) => submitArgument(polls, params.id, params.proposalId, body, idempotencyKey));

  for (const [route, liked] of [[routes.likeArgument, true], [routes.unlikeArgument, false]] as const) {
    votes.on(route, ({ params, idempotencyKey }) => likeArgument(polls, params.id, params.argumentId, params.participant, liked, idempotencyKey));
  }

  const vote = async (id: string, proposalId: string | null, participant: string, input: z.output<typeof routes.votePoll.body> | null, key: string | null, ip: string) => {
    const { result, changed } = await castVote(polls, id, proposalId, participant, input, key, ip);
    if (changed) live.changed(id);
    return result;
  };
  votes.on(routes.votePoll, ({ params, body, idempotencyKey, ip }) => vote(params.id, null, params.participant, body, idempotencyKey, ip));
  votes.on(routes.withdrawPollVote, ({ params, idempotencyKey, ip }) => vote(params.id, null, params.participant, null, idempotencyKey, ip));
  votes.on(routes.voteProposal, ({ params, body, idempotencyKey, ip }) => vote(params.id, params.proposalId, params.participant, body, idempotencyKey, ip));
  votes.on(routes.withdrawProposalVote, ({ params, idempotencyKey, ip }) => vote(params.id, params.proposalId, params.participant, null, idempotencyKey, ip));

  votes.on(routes.getPollChallenge, async ({ params }) => {
    await found(live.get(params.id), `poll ${params.id}`);
    return pollChallenge(polls.keys, params.id, polls.challenge, ctx.now());
  });

  router.on(routes.requestParticipantEmail, async ({ params, body }, c) => {
    const r = await requestConfirmation(polls, params.id, params.participant, body.email);
    if (r.token) {
      const { hash } = r;
      mailLater(ctx, `confirmation mail for poll ${params.id}`, confirmationMail(body.email, r.poll, r.token, linkBase(ctx, c.req.url)), () => releaseConfirmationMail(db, params.id, hash));
    }
    return { status: r.status };
  });

  router.on(routes.confirmParticipant, ({ body }) => confirmParticipant(polls, body.token));
}

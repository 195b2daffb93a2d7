/**
 * msw handlers of the REST contract, made from the route table (src/api/routes.ts): each operation
 * the widgets call is answered at its method and path by a MemoryBackend, so the mocks share its
 * semantics (validation, de-duplication, idempotency keys, closing, live events through msw's `sse`)
 * and cannot drift from the paths the client calls. Used by the REST-path tests and by Storybook.
 */
import { http, HttpResponse, sse, type HttpHandler } from 'msw';
import type * as z from 'zod/mini';
import { CivicError, type CivicErrorKind } from '../../src/api/errors.js';
import type { MemoryBackend } from '../../src/api/memory-backend.js';
import type { Operation } from '../../src/api/operation.js';
import { routes } from '../../src/api/routes.js';

type Routes = typeof routes;
type Name = keyof Routes;
type Input<S> = S extends z.ZodMiniType ? z.input<S> : Record<string, never>;
type Admin = { [K in Name]: Routes[K] extends { role: string } ? K : never }[Name];
/** Operations reached from the links of the mails the server sends, never from a widget. */
type MailLink = 'confirmSignature' | 'withdrawSignature' | 'confirmParticipant';
/** The console's ways of signing in, never called by a widget. */
type SignIn = 'requestSignIn' | 'signInWithLink' | 'passkeySignInOptions' | 'signInWithPasskey';
/** The operations the widgets call: every route but the organisers' (and their signing in) and the mail links'. */
export type Served = Exclude<Name, Admin | MailLink | SignIn>;

/** A request as the MemoryBackend takes it: path parameters and query as sent, the body, the idempotency key. */
interface Request<O extends Operation> {
  params: Input<O['params']>;
  query: Partial<Input<O['query']>>;
  body: O['body'] extends z.ZodMiniType ? z.input<O['body']> : undefined;
  key: { idempotencyKey: string };
}
type Event<O extends Operation> = z.output<NonNullable<O['response']>>;
type Serve<O extends Operation> = O['produces'] extends 'text/event-stream'
  ? (m: MemoryBackend, r: Request<O>, send: (event: Event<O>) => void) => () => void
  : (m: MemoryBackend, r: Request<O>) => Promise<z.input<NonNullable<O['response']>>>;

const num = (s: string | undefined) => (s === undefined ? undefined : Number(s));

/** How the MemoryBackend answers each operation the widgets call. */
export const served: { [K in Served]: Serve<Routes[K]> } = {
  getPetition: (m, r) => m.petitions.get(r.params.id),
  signPetition: (m, r) => m.petitions.sign(r.params.id, r.body, r.key),
  petitionEvents: (m, r, send) => m.petitions.subscribe!(r.params.id, send),
  getComparison: (m, r) => m.comparisons.get(r.params.id),
  submitAnswers: (m, r) => m.comparisons.submitAnswers!(r.params.id, r.body, r.key),
  getThread: (m, r) => m.comments.get(r.params.id),
  listComments: (m, { params, query }) => m.comments.list(params.id, { sort: query.sort, cursor: query.cursor, limit: num(query.limit) }),
  postComment: (m, r) => m.comments.post(r.params.id, r.body, r.key),
  myComments: async (m, r) => ({ items: await m.comments.mine(r.params.id, r.body.tokens) }),
  getChallenge: (m, r) => m.comments.challenge(r.params.id),
  listMentions: (m, { params, query }) => m.comments.mentions(params.id, { cursor: query.cursor }),
  threadEvents: (m, r, send) => m.comments.subscribe(r.params.id, send),
  editComment: (m, r) => m.comments.edit(r.params.id, r.body, r.key),
  deleteComment: (m, r) => m.comments.remove(r.params.id, r.body, r.key),
  likeComment: (m, r) => m.comments.like(r.params.id, r.body, r.key),
  flagComment: (m, r) => m.comments.flag(r.params.id, r.body, r.key),
  getPoll: (m, r) => m.polls.get(r.params.id),
  pollResults: (m, r) => m.polls.results(r.params.id),
  pollEvents: (m, r, send) => m.polls.subscribe(r.params.id, send),
  getBallot: (m, { params }) => m.polls.ballot(params.id, params.participant),
  getPollChallenge: (m, r) => m.polls.challenge(r.params.id),
  votePoll: (m, { params, body, key }) => m.polls.vote(params.id, null, params.participant, body, key),
  withdrawPollVote: (m, { params, key }) => m.polls.withdraw(params.id, null, params.participant, key),
  voteProposal: (m, { params, body, key }) => m.polls.vote(params.id, params.proposalId, params.participant, body, key),
  withdrawProposalVote: (m, { params, key }) => m.polls.withdraw(params.id, params.proposalId, params.participant, key),
  listProposals: (m, { params, query }) =>
    m.polls.proposals(params.id, { themeId: query.theme, sort: query.sort, cursor: query.cursor, limit: num(query.limit) }),
  submitProposal: (m, r) => m.polls.propose(r.params.id, r.body, r.key),
  listArguments: (m, { params }) => m.polls.arguments(params.id, params.proposalId),
  submitArgument: (m, { params, body, key }) => m.polls.argue(params.id, params.proposalId, body, key),
  likeArgument: (m, { params, key }) => m.polls.like(params.id, params.argumentId, params.participant, true, key),
  unlikeArgument: (m, { params, key }) => m.polls.like(params.id, params.argumentId, params.participant, false, key),
  requestParticipantEmail: (m, { params, body, key }) => m.polls.confirmEmail(params.id, params.participant, body.email, key),
};

/** The status the server answers each kind of failure with. */
const statusOf: Partial<Record<CivicErrorKind, number>> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  closed: 409,
  'payload-too-large': 413,
  'rate-limited': 429,
};

async function answer(work: () => Promise<unknown>, status: number) {
  try {
    return HttpResponse.json((await work()) as Record<string, unknown>, { status });
  } catch (e) {
    if (!(e instanceof CivicError)) throw e;
    if (e.kind === 'network') return HttpResponse.error();
    const { kind, message, issues } = e;
    return HttpResponse.json({ error: { kind, message, issues: [...issues] } }, { status: statusOf[kind] ?? 500 });
  }
}

/** An operation's path as msw matches it: `/api/polls/:id`. */
export const mswPath = (op: Pick<Operation, 'path'>, base = '/api') => base + op.path.replace(/\{(\w+)\}/g, ':$1');

/** The handlers of every operation the widgets call, answered by `memory`. */
export function restHandlers(memory: MemoryBackend, base = '/api'): HttpHandler[] {
  return Object.entries(served).map(([name, serve]) => {
    const op: Operation = routes[name as Served];
    const path = mswPath(op, base);
    const call = serve as (m: MemoryBackend, r: Request<Operation>, send?: (e: unknown) => void) => Promise<unknown> | (() => void);
    if (op.produces === 'text/event-stream') {
      return sse(path, ({ client, params, request }) => {
        const stop = call(memory, { params, query: {}, body: undefined, key: { idempotencyKey: '' } } as Request<Operation>, (event) => {
          try {
            client.send({ data: JSON.stringify(event) });
          } catch {
            stop();
          }
        }) as () => void;
        request.signal.addEventListener('abort', stop);
      });
    }
    return http[op.method.toLowerCase() as Lowercase<Operation['method']>](path, async ({ params, request }) => {
      const query = Object.fromEntries(new URL(request.url).searchParams);
      const body = op.body ? ((await request.json()) as never) : undefined;
      const key = { idempotencyKey: request.headers.get('idempotency-key') ?? crypto.randomUUID() };
      return answer(() => call(memory, { params, query, body, key } as Request<Operation>) as Promise<unknown>, op.status);
    });
  });
}

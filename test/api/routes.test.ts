/**
 * The route table and its client agree, both ways: every request RestBackend makes is an operation
 * of the table (method, path, query, Idempotency-Key), every operation a widget may call is called
 * by RestBackend and answered by the test mocks, and the typed client reaches every operation of
 * the table, the organisers' included.
 */
import type { CivicBackend } from '../../src/api/backend.js';
import type { Operation } from '../../src/api/operation.js';
import { RestBackend } from '../../src/api/rest-backend.js';
import { call, href, listen } from '../../src/api/rest-call.js';
import { RestClient } from '../../src/api/rest.js';
import { operations, routes } from '../../src/api/routes.js';
import * as accounts from '../../src/api/routes/accounts.js';
import * as admin from '../../src/api/routes/admin.js';
import * as comments from '../../src/api/routes/comments.js';
import * as comparisons from '../../src/api/routes/comparisons.js';
import * as consultations from '../../src/api/routes/consultations.js';
import * as petitions from '../../src/api/routes/petitions.js';
import * as pollChallenge from '../../src/api/routes/poll-challenge.js';
import * as polls from '../../src/api/routes/polls.js';
import { expect } from '../helpers.js';
import { served } from '../mocks/rest.js';

interface Sent {
  method: string;
  url: URL;
  key: string | null;
}

/** A client that records what it sends and answers 404 at once (EventSource recorded too). */
function recorder() {
  const sent: Sent[] = [];
  const fetch = async (url: RequestInfo | URL, init: RequestInit = {}) => {
    const headers = (init.headers ?? {}) as Record<string, string>;
    sent.push({ method: init.method ?? 'GET', url: new URL(String(url), location.href), key: headers['idempotency-key'] ?? null });
    return Response.json({ error: { kind: 'not-found', message: 'recorded' } }, { status: 404 });
  };
  const options = { baseUrl: '/api', retries: 0, fetch };
  return { sent, options };
}

let restore: (() => void) | undefined;
/** Records EventSource connections as GET requests. */
function recordEventSources(sent: Sent[]) {
  const original = globalThis.EventSource;
  globalThis.EventSource = class {
    onmessage: unknown;
    constructor(url: string | URL) {
      sent.push({ method: 'GET', url: new URL(String(url), location.href), key: null });
    }
    close() {}
  } as unknown as typeof EventSource;
  restore = () => (globalThis.EventSource = original);
}

/** The operation a request reaches, as a router would match it; fails unless exactly one does. */
function routeOf({ method, url }: Sent): Operation {
  const path = url.pathname.replace(/^\/api/, '');
  const found = operations.filter((o) => o.method === method && new RegExp(`^${o.path.replace(/\{\w+\}/g, '[^/]+')}$`).test(path));
  expect(found.map((o) => o.id), `${method} ${url.pathname}`).to.have.length(1);
  const op = found[0]!;
  const allowed = Object.keys(op.query?.shape ?? {});
  for (const name of url.searchParams.keys()) expect(allowed, `${op.id}: query ${name}`).to.include(name);
  return op;
}

// Path values with a slash and a space: a path only matches if they were encoded.
const id = 'a/b c';
const participant = 'participant-token-0123456789';
const key = { idempotencyKey: 'key-1' };
const body = {} as never;
type Parts = Required<CivicBackend>;
type Samples = { [P in keyof Parts]: { [M in keyof Required<Parts[P]>]: (part: Required<Parts[P]>) => unknown } };

/** One or more calls of every method of every part of the contract. */
const samples: Samples = {
  petitions: {
    get: (p) => p.get(id),
    sign: (p) => p.sign(id, body, key),
    subscribe: (p) => p.subscribe(id, () => {}),
  },
  comments: {
    get: (p) => p.get(id),
    list: (p) => Promise.allSettled([p.list(id), p.list(id, { sort: 'newest', cursor: 'c1', limit: 5 })]),
    post: (p) => p.post(id, body, key),
    mine: (p) => p.mine(id, ['t1']),
    edit: (p) => p.edit('12', body, key),
    remove: (p) => p.remove('12', body, key),
    like: (p) => p.like('12', body, key),
    flag: (p) => p.flag('12', body, key),
    mentions: (p) => p.mentions(id, { cursor: 'c1' }),
    challenge: (p) => p.challenge(id),
    subscribe: (p) => p.subscribe(id, () => {}),
  },
  polls: {
    get: (p) => p.get(id),
    results: (p) => p.results(id),
    ballot: (p) => p.ballot(id, participant),
    challenge: (p) => p.challenge(id),
    vote: (p) => Promise.allSettled([p.vote(id, null, participant, body, key), p.vote(id, 'prop/1', participant, body, key)]),
    withdraw: (p) => Promise.allSettled([p.withdraw(id, null, participant, key), p.withdraw(id, 'prop/1', participant, key)]),
    proposals: (p) => Promise.allSettled([p.proposals(id), p.proposals(id, { themeId: 't', sort: 'support', cursor: '20', limit: 10 })]),
    propose: (p) => p.propose(id, body, key),
    arguments: (p) => p.arguments(id, 'prop/1'),
    argue: (p) => p.argue(id, 'prop/1', body, key),
    like: (p) => Promise.allSettled([p.like(id, 'arg/1', participant, true, key), p.like(id, 'arg/1', participant, false, key)]),
    confirmEmail: (p) => p.confirmEmail(id, participant, 'a@example.org', key),
    subscribe: (p) => p.subscribe(id, () => {}),
  },
  comparisons: {
    get: (p) => p.get(id),
    submitAnswers: (p) => p.submitAnswers(id, body, key),
  },
};

describe('the route table and its client', () => {
  afterEach(() => restore?.());

  it('holds every operation of routes/*.ts once, under its id', () => {
    const modules = [petitions, comparisons, comments, polls, pollChallenge, consultations, admin, accounts];
    const declared = modules.flatMap((m) => Object.values(m).filter((v): v is Operation => typeof v === 'object' && v !== null && 'method' in v && 'path' in v));
    expect(new Set(operations).size).to.equal(operations.length);
    expect(declared.filter((o) => !operations.includes(o)).map((o) => o.id)).to.deep.equal([]);
    expect(operations.length).to.equal(declared.length);
    for (const [name, op] of Object.entries(routes)) expect(op.id).to.equal(name);
  });

  it('RestBackend calls only routes of the table, with their query and Idempotency-Key, and every route a widget may call', async () => {
    const { sent, options } = recorder();
    recordEventSources(sent);
    const backend = new RestBackend(options);
    for (const [part, methods] of Object.entries(samples) as [keyof Parts, Record<string, (p: unknown) => unknown>][]) {
      expect(Object.keys(backend[part]).sort(), `samples of ${part}`).to.deep.equal(Object.keys(methods).sort());
      for (const sample of Object.values(methods)) await Promise.resolve(sample(backend[part])).catch(() => {});
    }
    const reached = new Set<string>();
    for (const s of sent) {
      const op = routeOf(s);
      reached.add(op.id);
      expect(s.key !== null, `${op.id}: Idempotency-Key`).to.equal(!!op.idempotent);
    }
    expect([...reached].sort()).to.deep.equal(Object.keys(served).sort());
  });

  it('reaches every operation of the table, the organisers’ included, through call, listen or href', async () => {
    const { sent, options } = recorder();
    recordEventSources(sent);
    const client = new RestClient(options);
    for (const op of operations) {
      const args = Object.fromEntries(Object.keys(op.params?.shape ?? {}).map((name) => [name, `${name} 1/2`]));
      const before = sent.length;
      if (op.produces === 'text/event-stream') listen(client, op as never, args as never, () => {});
      else if (op.produces === 'text/csv') sent.push({ method: op.method, url: new URL(href(client, op, args as never), location.href), key: null });
      else await call(client, op as never, args as never, { body: op.body ? {} : undefined } as never).catch(() => {});
      expect(sent.length - before, op.id).to.equal(1);
      expect(routeOf(sent.at(-1)!).id).to.equal(op.id);
    }
  });
});

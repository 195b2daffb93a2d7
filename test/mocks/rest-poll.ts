/**
 * msw handlers for the poll's part of the REST contract, backed by a MemoryBackend (its rules:
 * vote kinds, closing, visibility, idempotency keys). Used by the REST-path tests and by Storybook.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import { CivicError } from '../../src/api/errors.js';
import type { MemoryBackend } from '../../src/api/memory-backend.js';

const statusOf: Record<string, number> = { validation: 400, 'not-found': 404, conflict: 409, closed: 409, 'rate-limited': 429 };

async function answer(work: () => Promise<unknown>, status = 200) {
  try {
    return HttpResponse.json((await work()) as Record<string, unknown>, { status });
  } catch (e) {
    if (!(e instanceof CivicError)) throw e;
    if (e.kind === 'network') return HttpResponse.error();
    const { kind, message, issues } = e;
    return HttpResponse.json({ error: { kind, message, issues: [...issues] } }, { status: statusOf[kind] ?? 500 });
  }
}

export function pollHandlers(memory: MemoryBackend, base = '/api'): HttpHandler[] {
  const polls = memory.polls;
  const p = (params: Record<string, unknown>, name: string) => String(params[name]);
  const key = (request: Request) => ({ idempotencyKey: request.headers.get('idempotency-key') ?? crypto.randomUUID() });
  const json = async (request: Request) => (await request.json()) as never;
  return [
    http.get(`${base}/polls/:id`, ({ params }) => answer(() => polls.get(p(params, 'id')))),
    http.get(`${base}/polls/:id/results`, ({ params }) => answer(() => polls.results(p(params, 'id')))),
    http.get(`${base}/polls/:id/votes/:participant`, ({ params }) => answer(() => polls.ballot(p(params, 'id'), p(params, 'participant')))),
    http.put(`${base}/polls/:id/votes/:participant`, async ({ params, request }) =>
      answer(async () => polls.vote(p(params, 'id'), null, p(params, 'participant'), await json(request), key(request))),
    ),
    http.delete(`${base}/polls/:id/votes/:participant`, ({ params, request }) => answer(() => polls.withdraw(p(params, 'id'), null, p(params, 'participant'), key(request)))),
    http.put(`${base}/polls/:id/proposals/:proposalId/votes/:participant`, async ({ params, request }) =>
      answer(async () => polls.vote(p(params, 'id'), p(params, 'proposalId'), p(params, 'participant'), await json(request), key(request))),
    ),
    http.delete(`${base}/polls/:id/proposals/:proposalId/votes/:participant`, ({ params, request }) =>
      answer(() => polls.withdraw(p(params, 'id'), p(params, 'proposalId'), p(params, 'participant'), key(request))),
    ),
    http.get(`${base}/polls/:id/proposals`, ({ params, request }) => {
      const q = new URL(request.url).searchParams;
      const get = (k: string) => q.get(k) ?? undefined;
      return answer(() => polls.proposals(p(params, 'id'), { themeId: get('theme'), sort: get('sort') as never, cursor: get('cursor'), limit: q.has('limit') ? Number(q.get('limit')) : undefined }));
    }),
    http.post(`${base}/polls/:id/proposals`, async ({ params, request }) => answer(async () => polls.propose(p(params, 'id'), await json(request), key(request)), 201)),
    http.get(`${base}/polls/:id/proposals/:proposalId/arguments`, ({ params }) => answer(() => polls.arguments(p(params, 'id'), p(params, 'proposalId')))),
    http.post(`${base}/polls/:id/proposals/:proposalId/arguments`, async ({ params, request }) =>
      answer(async () => polls.argue(p(params, 'id'), p(params, 'proposalId'), await json(request), key(request)), 201),
    ),
    http.put(`${base}/polls/:id/arguments/:argumentId/likes/:participant`, ({ params, request }) =>
      answer(() => polls.like(p(params, 'id'), p(params, 'argumentId'), p(params, 'participant'), true, key(request))),
    ),
    http.delete(`${base}/polls/:id/arguments/:argumentId/likes/:participant`, ({ params, request }) =>
      answer(() => polls.like(p(params, 'id'), p(params, 'argumentId'), p(params, 'participant'), false, key(request))),
    ),
    http.post(`${base}/polls/:id/participants/:participant/email`, async ({ params, request }) =>
      answer(async () => polls.confirmEmail(p(params, 'id'), p(params, 'participant'), ((await request.json()) as { email: string }).email, key(request))),
    ),
  ];
}

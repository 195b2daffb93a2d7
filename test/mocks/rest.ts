/**
 * msw handlers that speak the REST contract, backed by a MemoryBackend (so they share its
 * semantics: de-duplication, idempotency keys, closed petitions). Used by the browser tests of the
 * REST path and by Storybook.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import type { MemoryBackend } from '../../src/api/memory-backend.js';
import { CivicError } from '../../src/api/errors.js';
import { pollHandlers } from './rest-poll.js';

const statusOf: Record<string, number> = { validation: 400, forbidden: 403, 'not-found': 404, conflict: 409, closed: 409, 'rate-limited': 429 };

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

export function restHandlers(memory: MemoryBackend, base = '/api'): HttpHandler[] {
  return [
    http.get(`${base}/petitions/:id`, ({ params }) => answer(() => memory.petitions.get(String(params['id'])))),
    http.post(`${base}/petitions/:id/signatures`, async ({ params, request }) => {
      const body = await request.json();
      const key = request.headers.get('idempotency-key') ?? '';
      return answer(() => memory.petitions.sign(String(params['id']), body as never, { idempotencyKey: key }));
    }),
    ...pollHandlers(memory, base),
    http.get(`${base}/comparisons/:id`, ({ params }) => answer(() => memory.comparisons.get(String(params['id'])))),
    http.post(`${base}/comparisons/:id/answers`, async ({ params, request }) => {
      const body = await request.json();
      const key = request.headers.get('idempotency-key') ?? '';
      return answer(() => memory.comparisons.submitAnswers!(String(params['id']), body as never, { idempotencyKey: key }));
    }),
  ];
}

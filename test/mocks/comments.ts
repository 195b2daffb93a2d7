/**
 * msw handlers that speak the comments part of the REST contract (src/api/routes.ts), backed by a
 * MemoryBackend's comments, so they share its semantics, live events included (msw's `sse`).
 * Used by the REST-path tests and by Storybook.
 */
import { http, HttpResponse, sse, type HttpHandler } from 'msw';
import type { MemoryBackend } from '../../src/api/memory-backend.js';
import { CivicError } from '../../src/api/errors.js';

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

export function commentHandlers(memory: MemoryBackend, base = '/api'): HttpHandler[] {
  const c = memory.comments;
  const key = (request: Request) => ({ idempotencyKey: request.headers.get('idempotency-key') ?? '' });
  const id = (params: Record<string, unknown>) => String(params['id']);
  return [
    sse(`${base}/threads/:id/events`, ({ client, params }) => {
      c.subscribe(id(params), (event) => client.send({ data: JSON.stringify(event) }));
    }),
    http.get(`${base}/threads/:id`, ({ params }) => answer(() => c.get(id(params)))),
    http.get(`${base}/threads/:id/comments`, ({ params, request }) => {
      const q = new URL(request.url).searchParams;
      const query = { sort: (q.get('sort') ?? undefined) as never, cursor: q.get('cursor') ?? undefined, limit: q.has('limit') ? Number(q.get('limit')) : undefined };
      return answer(() => c.list(id(params), query));
    }),
    http.post(`${base}/threads/:id/comments`, async ({ params, request }) => {
      const body = await request.json();
      return answer(() => c.post(id(params), body as never, key(request)), 201);
    }),
    http.post(`${base}/threads/:id/comments/mine`, async ({ params, request }) => {
      const { tokens } = (await request.json()) as { tokens: string[] };
      return answer(async () => ({ items: await c.mine(id(params), tokens) }));
    }),
    http.get(`${base}/threads/:id/challenge`, ({ params }) => answer(() => c.challenge(id(params)))),
    http.get(`${base}/threads/:id/mentions`, ({ params, request }) =>
      answer(() => c.mentions(id(params), { cursor: new URL(request.url).searchParams.get('cursor') ?? undefined })),
    ),
    http.patch(`${base}/comments/:id`, async ({ params, request }) => {
      const body = await request.json();
      return answer(() => c.edit(id(params), body as never, key(request)));
    }),
    http.delete(`${base}/comments/:id`, async ({ params, request }) => {
      const body = await request.json();
      return answer(() => c.remove(id(params), body as never, key(request)));
    }),
    http.post(`${base}/comments/:id/likes`, async ({ params, request }) => {
      const body = await request.json();
      return answer(() => c.like(id(params), body as never, key(request)));
    }),
    http.post(`${base}/comments/:id/flags`, async ({ params, request }) => {
      const body = await request.json();
      return answer(() => c.flag(id(params), body as never, key(request)));
    }),
  ];
}

import { http, HttpResponse } from 'msw';
import { CivicError } from '../../src/api/errors.js';
import { MemoryBackend } from '../../src/api/memory-backend.js';
import { parseRetryAfter, RestClient } from '../../src/api/rest.js';
import { RestBackend } from '../../src/api/rest-backend.js';
import { expect, petitionData } from '../helpers.js';
import { restHandlers } from '../mocks/rest.js';
import { startWorker, worker } from '../mocks/worker.js';

const input = { name: 'Anne Roy', email: 'anne@example.org', showName: true };

describe('RestBackend', () => {
  before(startWorker);
  afterEach(() => worker.resetHandlers());

  it('reads a petition and checks it against the contract', async () => {
    worker.use(...restHandlers(new MemoryBackend({ petitions: [petitionData()] })));
    const p = await new RestBackend('/api').petitions.get('plan-numerique');
    expect(p.signatureCount).to.equal(120);
  });

  it('refuses an answer outside the contract, naming the field', async () => {
    worker.use(http.get('/api/petitions/:id', () => HttpResponse.json({ ...petitionData(), signatureCount: 'many' })));
    const e = await new RestBackend('/api').petitions.get('x').catch((e: unknown) => e);
    expect(e).to.be.instanceOf(CivicError);
    expect((e as CivicError).kind).to.equal('invalid-response');
    expect((e as CivicError).issues[0]?.path).to.equal('signatureCount');
  });

  it('turns an error answer into a typed CivicError with its field issues', async () => {
    worker.use(
      http.post('/api/petitions/:id/signatures', () =>
        HttpResponse.json({ error: { kind: 'validation', message: 'bad', issues: [{ path: 'email', code: 'invalid_format', message: 'x' }] } }, { status: 400 }),
      ),
    );
    const e = (await new RestBackend('/api').petitions.sign('x', input, { idempotencyKey: 'k1' }).catch((e: unknown) => e)) as CivicError;
    expect([e.kind, e.status, e.issues[0]?.path]).to.deep.equal(['validation', 400, 'email']);
  });

  it('sends one idempotency key per submission and retries 5xx with backoff, same key', async () => {
    const keys: (string | null)[] = [];
    worker.use(
      http.post('/api/petitions/:id/signatures', ({ request }) => {
        keys.push(request.headers.get('idempotency-key'));
        return keys.length < 3 ? new HttpResponse(null, { status: 503 }) : HttpResponse.json({ status: 'pending', signatureCount: 3 });
      }),
    );
    const backend = new RestBackend({ baseUrl: '/api', backoffMs: 10 });
    const r = await backend.petitions.sign('x', input, { idempotencyKey: 'key-123' });
    expect(r.status).to.equal('pending');
    expect(keys).to.deep.equal(['key-123', 'key-123', 'key-123']);
  });

  it('honours Retry-After on 429, and gives up as rate-limited when it is too long', async () => {
    let calls = 0;
    worker.use(
      http.get('/api/petitions/:id', () =>
        ++calls === 1 ? new HttpResponse(null, { status: 429, headers: { 'retry-after': '0.3' } }) : HttpResponse.json(petitionData()),
      ),
    );
    const started = performance.now();
    await new RestBackend({ baseUrl: '/api', backoffMs: 1 }).petitions.get('plan-numerique');
    expect(performance.now() - started).to.be.greaterThan(280);
    worker.use(http.get('/api/petitions/:id', () => new HttpResponse(null, { status: 429, headers: { 'retry-after': '120' } })));
    const e = (await new RestBackend({ baseUrl: '/api' }).petitions.get('x').catch((e: unknown) => e)) as CivicError;
    expect([e.kind, e.retryAfter]).to.deep.equal(['rate-limited', 120]);
    expect(parseRetryAfter(new Date(Date.now() + 5000).toUTCString())).to.be.within(3, 5);
  });

  it('reports network failures and timeouts as transient, after its retries', async () => {
    let calls = 0;
    worker.use(http.get('/api/petitions/:id', () => (calls++, HttpResponse.error())));
    const e = (await new RestBackend({ baseUrl: '/api', backoffMs: 1, retries: 2 }).petitions.get('x').catch((e: unknown) => e)) as CivicError;
    expect([e.kind, e.transient, calls]).to.deep.equal(['network', true, 3]);
    worker.use(http.get('/api/petitions/:id', () => new Promise(() => {})));
    const t = (await new RestClient({ baseUrl: '/api', timeoutMs: 50, retries: 0 }).request('GET', '/petitions/x', CivicErrorSchema).catch((e: unknown) => e)) as CivicError;
    expect([t.kind, t.transient]).to.deep.equal(['timeout', true]);
  });
});

// Any schema will do for a request that never answers.
import { Petition as CivicErrorSchema } from '../../src/api/petition.js';

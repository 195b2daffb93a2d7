import { html } from 'lit';
import { http, HttpResponse } from 'msw';
import { CivicError } from '../../src/api/errors.js';
import { RestBackend } from '../../src/api/rest-backend.js';
import { RestClient } from '../../src/api/rest.js';
import { restComments } from '../../src/api/rest-comments.js';
import type { CivicComments } from '../../src/comments/civic-comments.js';
import '../../src/define/civic-comments.js';
import { $, announced, expect, mount, text, waitForText, waitUntil } from '../helpers.js';
import { restHandlers } from '../mocks/rest.js';
import { startWorker, worker } from '../mocks/worker.js';
import { seeded, threadData } from './fixtures.js';
import { field, send, submit } from './helpers.js';

describe('comments over REST', () => {
  before(startWorker);
  afterEach(() => worker.resetHandlers());

  it('calls each operation of the contract at its path, with a key on every write, and checks the answers', async () => {
    const memory = seeded({ challenge: true });
    const seen: string[] = [];
    worker.events.on('request:start', ({ request }) => {
      const url = new URL(request.url);
      if (url.pathname.startsWith('/api/')) seen.push(`${request.method} ${url.pathname}${url.search}`);
    });
    worker.use(...restHandlers(memory));
    const api = restComments(new RestClient({ baseUrl: '/api' }));
    expect((await api.get('plan-numerique')).commentCount).to.equal(6);
    expect((await api.list('plan-numerique', { sort: 'newest', limit: 1 })).items.map((c) => c.id)).to.deep.equal(['5', '6']);
    const { solve } = await import('../../src/domain/pow.js');
    const challenge = await solve(await api.challenge!('plan-numerique'));
    const created = await api.post('plan-numerique', { name: 'Ana', body: 'Par REST', challenge }, { idempotencyKey: 'key-1' });
    expect(created.comment.status).to.equal('published');
    expect((await api.mine!('plan-numerique', [created.editToken])).map((c) => c.id)).to.deep.equal([created.comment.id]);
    expect((await api.edit!(created.comment.id, { editToken: created.editToken, body: 'Revu' }, { idempotencyKey: 'key-2' })).body).to.equal('Revu');
    expect(await api.like!('1', { reader: 'reader-token-0001' }, { idempotencyKey: 'key-3' })).to.deep.equal({ liked: true, likeCount: 5 });
    expect(await api.flag!('1', { reader: 'reader-token-0001', reason: 'spam' }, { idempotencyKey: 'key-4' })).to.deep.equal({ flagged: true });
    expect((await api.remove!(created.comment.id, { editToken: created.editToken }, { idempotencyKey: 'key-5' })).commentCount).to.equal(6);
    expect((await api.mentions!('plan-numerique')).items).to.deep.equal([]);
    worker.events.removeAllListeners();
    expect(seen).to.deep.equal([
      'GET /api/threads/plan-numerique',
      'GET /api/threads/plan-numerique/comments?sort=newest&limit=1',
      'GET /api/threads/plan-numerique/challenge',
      'POST /api/threads/plan-numerique/comments',
      'POST /api/threads/plan-numerique/comments/mine',
      `PATCH /api/comments/${created.comment.id}`,
      'POST /api/comments/1/likes',
      'POST /api/comments/1/flags',
      `DELETE /api/comments/${created.comment.id}`,
      'GET /api/threads/plan-numerique/mentions',
    ]);
  });

  it('refuses an answer outside the contract, naming the field', async () => {
    worker.use(http.get('/api/threads/:id', () => HttpResponse.json({ ...threadData(), commentCount: 'many' })));
    const e = (await new RestBackend('/api').comments.get('x').catch((e: unknown) => e)) as CivicError;
    expect([e.kind, e.issues[0]?.path]).to.deep.equal(['invalid-response', 'commentCount']);
  });

  it('turns a refused edit into a typed error naming the token', async () => {
    worker.use(http.patch('/api/comments/:id', () => HttpResponse.json({ error: { kind: 'forbidden', message: 'window passed', issues: [{ path: 'editToken', code: 'expired', message: 'x' }] } }, { status: 403 })));
    const e = (await new RestBackend('/api').comments.edit!('1', { editToken: 'x'.repeat(20), body: 'b' }, { idempotencyKey: 'k' }).catch((e: unknown) => e)) as CivicError;
    expect([e.kind, e.status, e.issues[0]?.path]).to.deep.equal(['forbidden', 403, 'editToken']);
  });

  it('says the server’s refusal of too many links in words, naming the limit; the text kept, focus on the field', async () => {
    const memory = seeded();
    const refusal = { error: { kind: 'validation', message: 'at most 3 links in a comment', issues: [{ path: 'body', code: 'too_many_links', message: 'at most 3 links in a comment' }] } };
    worker.use(http.post('/api/threads/:id/comments', () => HttpResponse.json(refusal, { status: 400 })), ...restHandlers(memory));
    const el = await mount<CivicComments>(html`<civic-comments lang="fr" api="/api" thread="plan-numerique"></civic-comments>`);
    await waitForText(el, '6 commentaires', undefined, 5000);
    const body = 'voir [a](https://a.example), [b](https://b.example), [c](https://c.example) et [d](https://d.example)';
    await send(el, { name: 'Ana', text: body }, 'Au plus 3 liens par commentaire');
    const area = field(el, 'text');
    expect(el.shadowRoot!.activeElement).to.equal(area);
    expect(area.value).to.equal(body);
    expect(area.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, `#${area.getAttribute('aria-describedby')!.split(' ').at(-1)}`).textContent).to.contain('Au plus 3 liens');
    expect(text(el)).to.not.contain('Vérifiez ce champ');
    expect(announced(el)).to.contain('Un champ est à corriger');
    await expect(el).to.be.accessible();
  });

  it('says the server’s other refusals in words: its own codes localised, unknown ones in the server’s message', async () => {
    const memory = seeded();
    let answer = { path: 'body', code: 'spam_words', message: 'this looks like spam to us' };
    worker.use(
      http.post('/api/threads/:id/comments', () => HttpResponse.json({ error: { kind: 'validation', message: answer.message, issues: [answer] } }, { status: 400 })),
      ...restHandlers(memory),
    );
    const el = await mount<CivicComments>(html`<civic-comments lang="en" api="/api" thread="plan-numerique"></civic-comments>`);
    await waitForText(el, '6 comments', undefined, 5000);
    await send(el, { name: 'Ana', text: 'Hello' }, 'this looks like spam to us');
    expect(el.shadowRoot!.activeElement).to.equal(field(el, 'text'));
    answer = { path: 'parentId', code: 'not_found', message: 'no published comment with this id in this thread' };
    submit(el);
    await waitForText(el, 'The comment you are replying to is no longer there.');
    expect(el.shadowRoot!.activeElement?.getAttribute('role')).to.equal('alert');
    expect(field(el, 'text').value).to.equal('Hello');
    await expect(el).to.be.accessible();
  });

  it('runs the widget from its api attribute: reads, posts with a key, and hears live events', async () => {
    const memory = seeded();
    const keys: string[] = [];
    worker.events.on('request:start', ({ request }) => void (request.method === 'POST' && keys.push(request.headers.get('idempotency-key') ?? '')));
    worker.use(...restHandlers(memory));
    const el = await mount<CivicComments>(html`<civic-comments lang="fr" api="/api" thread="plan-numerique"></civic-comments>`);
    await waitForText(el, '6 commentaires', undefined, 5000);
    await waitUntil(() => el.shadowRoot!.querySelector('#c-6'));
    await send(el, { name: 'Ana', text: 'Par le réseau' }, 'Par le réseau');
    expect(announced(el)).to.contain('Votre commentaire est publié');
    expect(keys[0]).to.match(/^[0-9a-f-]{36}$/);
    await memory.comments.post('plan-numerique', { name: 'Autre', body: 'En direct par SSE' }, { idempotencyKey: 'sse-1' });
    await waitUntil(() => el.shadowRoot!.querySelector('[part~=fresh]'), 'live arrival over SSE', { timeout: 5000 });
    expect($(el, '[part~=heading]').textContent).to.equal('8 commentaires');
    worker.events.removeAllListeners();
    await expect(el).to.be.accessible();
  });
});

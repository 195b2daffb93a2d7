/** Polls: the admin routes (token required, settings checked together, edits that would orphan votes refused) and bad input (4xx naming the field, never 5xx). */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { admin, ADMIN_TOKEN, key, refused, serverSuites, startTest } from '../helpers.js';
import { createPoll, participantToken } from '../fixtures.js';
import { ApiError } from '../../../src/api/common.js';
import { Poll } from '../../../src/api/poll.js';


await serverSuites('poll admin and input', { trustProxy: true }, (s, target) => {
  let ip = 0;
  const from = (headers: Record<string, string> = {}) => ({ 'x-forwarded-for': `10.9.${ip >> 8}.${ip++ & 255}`, ...key(), ...headers });

  it('every admin route wants the admin token', async () => {
    const id = await createPoll(s);
    const routes: [string, string, unknown?][] = [
      ['POST', '/api/admin/polls', { id: 'x', kind: 'quick', title: 'T', voteKind: 'support' }],
      ['PATCH', `/api/admin/polls/${id}`, { title: 'T' }],
      ['POST', `/api/admin/polls/${id}/close`],
      ['POST', `/api/admin/polls/${id}/proposals`, { title: 'T', body: 'B', authorName: 'A' }],
      ['GET', `/api/admin/polls/${id}/pending`],
      ['PATCH', `/api/admin/polls/${id}/proposals/p1`, { status: 'published' }],
      ['PATCH', `/api/admin/polls/${id}/arguments/a1`, { status: 'published' }],
      ['GET', `/api/admin/polls/${id}/results.json`],
      ['GET', `/api/admin/polls/${id}/results.csv`],
    ];
    for (const [method, path, body] of routes) {
      refused(await s.call(method, path, body), 401, 'unauthorized');
      refused(await s.call(method, path, body, { authorization: `Bearer ${ADMIN_TOKEN}x` }), 401, 'unauthorized');
    }
    assert.equal((await s.call('GET', `/api/polls/${id}`)).json.status, 'open', 'nothing changed');
  });

  it('checks a poll’s settings together, naming each field', async () => {
    const post = (body: Record<string, unknown>) => s.call('POST', '/api/admin/polls', { id: `p-${ip++}`, title: 'Question ?', ...body }, admin);
    refused(await post({}), 400, 'validation', ['kind', 'voteKind']);
    refused(await post({ kind: 'quick', voteKind: 'ranked' }), 400, 'validation', ['voteKind']);
    refused(await post({ kind: 'quick', voteKind: 'single', options: [{ id: 'a', label: 'A' }] }), 400, 'validation', ['options']);
    refused(await post({ kind: 'quick', voteKind: 'approval', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] }), 400, 'validation', ['maxChoices']);
    refused(await post({ kind: 'quick', voteKind: 'approval', maxChoices: 3, options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] }), 400, 'validation', ['maxChoices']);
    refused(await post({ kind: 'quick', voteKind: 'single', options: [{ id: 'a', label: 'A' }, { id: 'a', label: 'B' }] }), 400, 'validation', ['options']);
    refused(await post({ kind: 'quick', voteKind: 'agreement', allowProposals: true, themes: [{ id: 't', title: 'T' }] }), 400, 'validation', ['allowProposals', 'themes']);
    refused(await post({ kind: 'consultation', voteKind: 'agreement', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] }), 400, 'validation', ['options']);
    refused(await post({ kind: 'quick', voteKind: 'support', opensAt: '2026-12-01T00:00:00Z', closesAt: '2026-11-01T00:00:00Z' }), 400, 'validation', ['closesAt']);
    refused(await post({ kind: 'quick', voteKind: 'support', closesAt: 'demain' }), 400, 'validation', ['closesAt']);
    refused(await post({ kind: 'quick', voteKind: 'support', id: 'pas un id' }), 400, 'validation', ['id']);
    const dup = await createPoll(s);
    refused(await s.call('POST', '/api/admin/polls', { id: dup, kind: 'quick', title: 'T', voteKind: 'support' }, admin), 409, 'conflict', ['id']);
  });

  it('edits a poll, but not in ways that would orphan votes or proposals', async () => {
    const id = await createPoll(s);
    await s.call('PUT', `/api/polls/${id}/votes/${participantToken()}`, { options: ['oui'] }, key());
    const renamed = await s.call('PATCH', `/api/admin/polls/${id}`, { title: 'Un ministère du Numérique ?', options: [{ id: 'oui', label: 'Oui, vite' }, { id: 'non', label: 'Non' }, { id: 'nsp', label: 'Je ne sais pas' }] }, admin);
    assert.equal(renamed.status, 200, renamed.text);
    const p = Poll.parse(renamed.json);
    assert.deepEqual(p.options.map((o) => o.label), ['Oui, vite', 'Non', 'Je ne sais pas']);
    assert.equal(p.participantCount, 1);
    refused(await s.call('PATCH', `/api/admin/polls/${id}`, { options: [{ id: 'non', label: 'Non' }, { id: 'nsp', label: '?' }] }, admin), 409, 'conflict', ['options']);
    refused(await s.call('PATCH', `/api/admin/polls/${id}`, { voteKind: 'approval', maxChoices: 2 }, admin), 409, 'conflict', ['voteKind']);
    refused(await s.call('PATCH', `/api/admin/polls/${id}`, { maxChoices: 2 }, admin), 400, 'validation', ['maxChoices']);
    refused(await s.call('PATCH', `/api/admin/polls/${id}`, { kind: 'consultation' }, admin), 400, 'validation', ['kind']);
    refused(await s.call('PATCH', '/api/admin/polls/nope', { title: 'T' }, admin), 404, 'not-found');

    const c = await createPoll(s, { kind: 'consultation', voteKind: 'agreement', options: [], themes: [{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }] });
    const made = await s.call('POST', `/api/admin/polls/${c}/proposals`, { title: 'T', body: 'B', authorName: 'A', themeId: 'a' }, { ...admin, ...key() });
    assert.equal(made.status, 201, made.text);
    refused(await s.call('PATCH', `/api/admin/polls/${c}`, { themes: [{ id: 'b', title: 'B' }] }, admin), 409, 'conflict', ['themes']);
    refused(await s.call('POST', `/api/admin/polls/${c}/proposals`, { title: 'T', body: 'B', authorName: 'A', themeId: 'zz' }, { ...admin, ...key() }), 400, 'validation', ['themeId']);
    refused(await s.call('PATCH', `/api/admin/polls/${c}/proposals/${made.json.id}`, { status: 'gone' }, admin), 400, 'validation', ['status']);
    refused(await s.call('PATCH', `/api/admin/polls/${c}/proposals/nope`, { status: 'rejected' }, admin), 404, 'not-found');
    const moved = await s.call('PATCH', `/api/admin/polls/${c}/proposals/${made.json.id}`, { themeId: 'b', title: 'Titre revu' }, admin);
    assert.equal(moved.status, 200, moved.text);
    assert.deepEqual([moved.json.themeId, moved.json.title, moved.json.status], ['b', 'Titre revu', 'published']);
  });

  it('bad input is 4xx naming the field, never 5xx', async () => {
    const id = await createPoll(s);
    const me = participantToken();
    const put = (path: string, body: unknown) => s.call('PUT', path, body, from());
    refused(await put(`/api/polls/${id}/votes/short`, { options: ['oui'] }), 400, 'validation', ['participant']);
    refused(await put(`/api/polls/${id}/votes/${'x'.repeat(129)}`, { options: ['oui'] }), 400, 'validation', ['participant']);
    refused(await put(`/api/polls/${id}/votes/${me}`, { options: 'oui' }), 400, 'validation', ['options']);
    refused(await put(`/api/polls/${id}/votes/${me}`, { options: ['x'.repeat(65)] }), 400, 'validation', ['options.0']);
    refused(await put(`/api/polls/${id}/votes/${me}`, { value: 'perhaps' }), 400, 'validation', ['value']);
    refused(await put(`/api/polls/${id}/votes/${me}`, [1, 2]), 400, 'validation', ['body']);
    refused(await put(`/api/polls/${id}/votes/${me}`, '{"options":'), 400, 'validation', ['body']);
    refused(await put(`/api/polls/${id}/votes/${me}`, { options: ['oui\u0000'] }), 400, 'validation');
    refused(await put(`/api/polls/no-such-poll/votes/${me}`, { options: ['oui'] }), 404, 'not-found');
    refused(await put(`/api/polls/${id}/proposals/p1/votes/${me}`, { value: 'agree' }), 404, 'not-found');
    refused(await s.call('GET', `/api/polls/${id}/proposals?sort=best`), 400, 'validation', ['sort']);
    refused(await s.call('GET', `/api/polls/${id}/proposals?limit=1000`), 400, 'validation', ['limit']);
    refused(await s.call('GET', `/api/polls/${id}/proposals?cursor=-1`), 400, 'validation', ['cursor']);
    refused(await s.call('GET', '/api/polls/pas%20un%20id'), 400, 'validation', ['id']);
    refused(await s.call('POST', `/api/polls/${id}/proposals`, { title: 'T', body: 'B', authorName: 'A' }, from()), 409, 'closed');
    const c = await createPoll(s, { kind: 'consultation', voteKind: 'support', options: [], allowProposals: true });
    refused(await s.call('POST', `/api/polls/${c}/proposals`, {}, from()), 400, 'validation', ['title', 'body', 'authorName']);
    refused(await s.call('POST', `/api/polls/${c}/proposals`, { title: ' ', body: 'x'.repeat(5001), authorName: 'A' }, from()), 400, 'validation', ['title', 'body']);
    refused(await s.call('POST', `/api/polls/${c}/proposals/nope/arguments`, { side: 'for', body: 'B', authorName: 'A' }, from()), 404, 'not-found');
    refused(await s.call('POST', `/api/polls/${c}/proposals/nope/arguments`, { side: 'maybe', body: 'B', authorName: 'A' }, from()), 400, 'validation', ['side']);
    refused(await s.call('PUT', `/api/polls/${c}/arguments/nope/likes/${me}`, undefined, from()), 404, 'not-found');
    refused(await s.call('POST', `/api/polls/${c}/participants/${me}/email`, { email: 'nope' }, from()), 400, 'validation', ['email']);
    refused(await s.call('POST', '/api/participants/confirm', { token: 'short' }, from()), 400, 'validation', ['token']);
    refused(await s.call('POST', '/api/participants/confirm', { token: 'x'.repeat(43) }, from()), 404, 'not-found');
    refused(await s.call('PUT', `/api/polls/${id}/votes/${me}`, { options: ['oui'] }, from({ 'idempotency-key': 'é' })), 400, 'validation', ['Idempotency-Key']);
  });

  it('the honeypot answers as a success would and keeps nothing', async () => {
    const c = await createPoll(s, { kind: 'consultation', voteKind: 'agreement', options: [], allowProposals: true, moderateProposals: false });
    const r = await s.call('POST', `/api/polls/${c}/proposals`, { title: 'Achetez', body: 'Spam', authorName: 'Bot', hp: 'http://spam.example' }, from());
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json.status, 'published');
    assert.equal((await s.call('GET', `/api/polls/${c}/proposals`)).json.total, 0);
  });

  it('votes have their own, larger per-client limit', async () => {
    const limited = await startTest(target, { trustProxy: true, rateLimit: { capacity: 2, refillPerSecond: 0.01 } });
    try {
      const id = await createPoll(limited);
      const same = { 'x-forwarded-for': '203.0.113.7' };
      const votes = await Promise.all(Array.from({ length: 12 }, () => limited.call('PUT', `/api/polls/${id}/votes/${participantToken()}`, { options: ['oui'] }, { ...same, ...key() })));
      assert.deepEqual(votes.map((v) => v.status).filter((s) => s === 200).length, 10, 'five times the general burst');
      const last = votes.find((v) => v.status === 429)!;
      refused(last, 429, 'rate-limited');
      assert.ok(Number(last.headers.get('retry-after')) > 0);
      const c = await createPoll(limited, { kind: 'consultation', voteKind: 'agreement', options: [], allowProposals: true });
      const proposals = await Promise.all(Array.from({ length: 3 }, () => limited.call('POST', `/api/polls/${c}/proposals`, { title: 'T', body: 'B', authorName: 'A' }, { ...same, ...key() })));
      assert.deepEqual(proposals.map((p) => p.status).sort(), [201, 201, 429]);
    } finally {
      await limited.close();
    }
  });
});

/**
 * The Idempotency-Key with a fingerprint of its request (the IETF Idempotency-Key draft): an exact
 * replay answers the first result as before; the same key with another request (another body or
 * method) is 422 naming the header, and nothing is written; a key whose request failed may be used
 * again by the corrected request. Every write that takes the key, and the OpenAPI document says so.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { admin, key, refused, serverSuites, type Answer } from './helpers.js';
import { createPetition, createPoll, createThread, participantToken, solved } from './fixtures.js';
import { operations } from '../../src/api/routes.js';
import { openApiDocument } from '../../server/openapi.js';
import { fingerprint } from '../../server/idempotency.js';

it('every operation that takes an Idempotency-Key lists 422, and the OpenAPI document describes it', () => {
  const doc = openApiDocument() as { paths: Record<string, Record<string, { responses: Record<string, { description: string }> }>> };
  const idempotent = operations.filter((o) => o.idempotent);
  assert.ok(idempotent.length >= 15);
  for (const o of idempotent) {
    assert.ok(o.errors.includes(422), o.id);
    assert.match(doc.paths[o.path]![o.method.toLowerCase()]!.responses['422']!.description, /Idempotency-Key/, o.id);
  }
});

it('the fingerprint is of the method and the body’s values, not of the order of its keys nor of a proof of work', () => {
  assert.equal(fingerprint('PUT', { a: 1, b: [{ x: 1, y: 2 }] }), fingerprint('PUT', { b: [{ y: 2, x: 1 }], a: 1 }));
  assert.notEqual(fingerprint('PUT', { a: 1 }), fingerprint('PUT', { a: 2 }));
  assert.notEqual(fingerprint('PUT', null), fingerprint('DELETE', null));
  // A retry solves a fresh proof of work: the challenge is no part of what the request asks for.
  assert.equal(fingerprint('POST', { body: 'x', challenge: 'p:1' }), fingerprint('POST', { body: 'x', challenge: 'p:2' }));
  assert.equal(fingerprint('POST', { body: 'x', challenge: 'p:1' }), fingerprint('POST', { body: 'x' }));
});

await serverSuites('Idempotency-Key fingerprints', { trustProxy: true }, (s) => {
  /** The first request is answered; its exact replay answers the same; the key with `other` is 422 naming the header. */
  async function check(first: () => Promise<Answer>, other: () => Promise<Answer>, status: number) {
    const a = await first();
    assert.equal(a.status, status, a.text);
    const replay = await first();
    assert.equal(replay.status, status, replay.text);
    assert.deepEqual(replay.json, a.json, 'an exact replay answers the first result');
    refused(await other(), 422, 'validation', ['Idempotency-Key']);
    return a;
  }
  let ip = 0;
  const from = (k: Record<string, string>) => ({ 'x-forwarded-for': `10.9.0.${ip++}`, ...k });

  it('signing a petition', async () => {
    const id = await createPetition(s, { doubleOptIn: false });
    const k = key();
    const sign = (name: string, email: string) => () => s.call('POST', `/api/petitions/${id}/signatures`, { name, email, city: 'Montréal' }, k);
    await check(sign('Ana', 'ana@example.org'), sign('Bob', 'bob@example.org'), 200);
    const p = await s.call('GET', `/api/petitions/${id}`);
    assert.equal(p.json.signatureCount, 1, 'the second signer was not counted');
  });

  it('voting: another choice, or a withdrawal, under the vote’s key', async () => {
    const id = await createPoll(s);
    const me = participantToken();
    const k = key();
    const vote = (choice: string) => () => s.call('PUT', `/api/polls/${id}/votes/${me}`, { options: [choice] }, k);
    await check(vote('oui'), vote('non'), 200);
    refused(await s.call('DELETE', `/api/polls/${id}/votes/${me}`, undefined, k), 422, 'validation', ['Idempotency-Key']);
    const ballot = await s.call('GET', `/api/polls/${id}/votes/${me}`);
    assert.deepEqual(ballot.json.votes, { '': ['oui'] }, 'the first vote stands');
  });

  it('a key whose request failed may carry the corrected request', async () => {
    const id = await createPoll(s);
    const me = participantToken();
    const k = key();
    const bad = await s.call('PUT', `/api/polls/${id}/votes/${me}`, { options: ['peut-etre'] }, k);
    assert.equal(bad.status, 400, bad.text);
    const good = await s.call('PUT', `/api/polls/${id}/votes/${me}`, { options: ['oui'] }, k);
    assert.equal(good.status, 200, good.text);
  });

  it('posting a comment', async () => {
    const id = await createThread(s);
    const k = from(key());
    const challenge = await solved(s, id);
    const post = (body: string) => () => s.call('POST', `/api/threads/${id}/comments`, { name: 'Lu', body, challenge }, k);
    const a = await check(post('Premier'), post('Second'), 201);
    const list = await s.call('GET', `/api/threads/${id}/comments`);
    assert.deepEqual(list.json.items.map((c: { id: string }) => c.id), [a.json.comment.id]);
  });

  it('proposals, arguments, likes, and an organiser’s proposal', async () => {
    const id = await createPoll(s, { kind: 'consultation', voteKind: 'agreement', options: [], allowProposals: true, themes: [{ id: 'a', title: 'A' }] });
    const k = key();
    const propose = (title: string) => () => s.call('POST', `/api/polls/${id}/proposals`, { title, body: 'Le détail.', authorName: 'Cyrille', themeId: 'a' }, k);
    await check(propose('Des données ouvertes'), propose('Autre chose'), 201);

    const ka = { ...admin, ...key() };
    const organise = (title: string) => () => s.call('POST', `/api/admin/polls/${id}/proposals`, { title, body: 'Le détail.', authorName: 'L’équipe', themeId: 'a' }, ka);
    const proposal = (await check(organise('Un champion par région'), organise('Deux champions'), 201)).json.id as string;

    const kg = key();
    const argue = (side: string) => () => s.call('POST', `/api/polls/${id}/proposals/${proposal}/arguments`, { side, body: 'Parce que.', authorName: 'René' }, kg);
    const argument = (await check(argue('for'), argue('against'), 201)).json.id as string;
    const published = await s.call('PATCH', `/api/admin/polls/${id}/arguments/${argument}`, { status: 'published' }, admin);
    assert.equal(published.status, 200, published.text);

    const me = participantToken();
    const kl = key();
    const like = (method: string) => () => s.call(method, `/api/polls/${id}/arguments/${argument}/likes/${me}`, undefined, kl);
    await check(like('PUT'), like('DELETE'), 200);
  });
});

/**
 * What the server suites create through the API, one resource after another: petitions, comment
 * threads and comments (the challenge solved), polls.
 */
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { Challenge, CommentCreated, CommentPage, Thread } from '../../src/api/comments.js';
import { solve } from '../../server/comments/challenge.js';
import { admin, key, type Answer, type TestServer } from './helpers.js';

/* Petitions ------------------------------------------------------------------------------------- */

/** Creates a petition through the admin route and returns its id. */
export async function createPetition(s: TestServer, fields: Record<string, unknown> = {}): Promise<string> {
  const id = `p-${randomBytes(5).toString('hex')}`;
  const r = await s.call('POST', '/api/admin/petitions', { id, title: 'A petition', summary: 'Why.', goal: 100, ...fields }, admin);
  if (r.status !== 201) throw new Error(`create petition: ${r.status} ${r.text}`);
  return id;
}

/* Comments -------------------------------------------------------------------------------------- */

export const reader = () => `reader-${randomUUID()}`;

/** Creates a thread through the admin route and returns its id. */
export async function createThread(s: TestServer, fields: Record<string, unknown> = {}): Promise<string> {
  const id = `t-${randomBytes(5).toString('hex')}`;
  const r = await s.call('POST', '/api/admin/threads', { id, title: 'Un billet', ...fields }, admin);
  if (r.status !== 201) throw new Error(`create thread: ${r.status} ${r.text}`);
  Thread.parse(r.json);
  return id;
}

/** A solved challenge for the thread, when it asks for one. */
export async function solved(s: TestServer, threadId: string): Promise<string | undefined> {
  const t = Thread.parse((await s.call('GET', `/api/threads/${threadId}`)).json);
  if (!t.challenge) return undefined;
  const r = await s.call('GET', `/api/threads/${threadId}/challenge`);
  assert.equal(r.status, 200, r.text);
  return solve(Challenge.parse(r.json));
}

/** POSTs a comment (a fresh idempotency key unless headers say otherwise); the raw answer. */
export async function postRaw(s: TestServer, threadId: string, body: Record<string, unknown> = {}, headers: Record<string, string> = key()): Promise<Answer> {
  const challenge = 'challenge' in body ? body.challenge : await solved(s, threadId);
  return s.call('POST', `/api/threads/${threadId}/comments`, { name: 'Marie-Ève', body: 'Bravo pour cette initiative !', challenge, ...body }, headers);
}

/** POSTs a comment that must be accepted; its CommentCreated. */
export async function post(s: TestServer, threadId: string, body: Record<string, unknown> = {}, headers?: Record<string, string>): Promise<CommentCreated> {
  const r = await postRaw(s, threadId, body, headers);
  assert.equal(r.status, 201, r.text);
  return CommentCreated.parse(r.json);
}

/** Every page of the thread's comments, in order. */
export async function allComments(s: TestServer, threadId: string, query = '') {
  const items = [];
  let cursor: string | null = null;
  let total = 0;
  do {
    const r = await s.call('GET', `/api/threads/${threadId}/comments?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    assert.equal(r.status, 200, r.text);
    const page = CommentPage.parse(r.json);
    items.push(...page.items);
    cursor = page.nextCursor;
    total = page.total;
  } while (cursor);
  return { items, total };
}

/* Polls ----------------------------------------------------------------------------------------- */

export const participantToken = () => randomBytes(16).toString('hex');

/** Creates a poll through the admin route; its id. */
export async function createPoll(s: TestServer, fields: Record<string, unknown> = {}): Promise<string> {
  const id = `poll-${randomBytes(5).toString('hex')}`;
  const r = await s.call(
    'POST',
    '/api/admin/polls',
    { id, kind: 'quick', title: 'Le Québec devrait-il se doter d’un ministère du Numérique ?', voteKind: 'single', options: [{ id: 'oui', label: 'Oui' }, { id: 'non', label: 'Non' }], ...fields },
    admin,
  );
  if (r.status !== 201) throw new Error(`create poll: ${r.status} ${r.text}`);
  return id;
}

/** Shared by the comment suites: threads, posting (with the challenge solved), reading pages. */
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { Challenge, CommentCreated, CommentPage, Thread } from '../../src/api/comments.js';
import { solve } from '../../server/comments/challenge.js';
import { admin, key, type Answer, type TestServer } from './helpers.js';

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

/**
 * Two servers on one PostgreSQL (each with its own pool and LISTEN connection, as two processes
 * have): a comment posted on one reaches the readers of the other live, and the counts and pages of
 * both agree at once. PGlite is one process's database, so this suite runs on PostgreSQL only.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { admin, ADMIN_TOKEN, call, EventReader, key, startTest, targets, type TestServer } from '../helpers.js';
import { createThread, post } from '../fixtures.js';
import { CommentEvent, CommentPage, Thread } from '../../../src/api/comments.js';
import { startServer, type RunningServer } from '../../../server/serve.js';

const [, postgres] = await targets();

describe('comments across two servers on one PostgreSQL', { skip: postgres!.skip }, () => {
  let a: TestServer;
  let b: RunningServer;
  before(async () => {
    a = await startTest(postgres!, { heartbeatMs: 200, comments: { challenge: false, rateLimit: false } });
    b = await startServer({
      port: 0,
      host: '127.0.0.1',
      database: { url: a.databaseUrl },
      adminToken: ADMIN_TOKEN,
      staticRoot: false,
      heartbeatMs: 200,
      comments: { challenge: false, rateLimit: false },
      log: () => undefined,
    });
  });
  after(async () => {
    await b.close();
    await a.close();
  });

  it('posted and approved on one, announced on both; the other’s cached thread and first page are dropped', async () => {
    const id = await createThread(a, { moderation: 'pre' });
    const onB = await EventReader.open(`${b.url}/api/threads/${id}/events`);
    const onA = await EventReader.open(`${a.url}/api/threads/${id}/events`);
    try {
      await onB.next();
      await onA.next();
      const warm = Thread.parse((await call(b.url, 'GET', `/api/threads/${id}`)).json);
      assert.equal(warm.commentCount, 0, 'B has the thread in its cache');
      assert.equal(CommentPage.parse((await call(b.url, 'GET', `/api/threads/${id}/comments`)).json).total, 0, 'B has the first page in its cache');
      const c = await post(a, id, { body: 'Depuis A' });
      const approved = await call(a.url, 'POST', `/api/admin/comments/${c.comment.id}/approve`, undefined, admin);
      assert.equal(approved.status, 200, approved.text);
      for (const reader of [onA, onB]) {
        const e = CommentEvent.parse(await reader.until((x) => x.type === 'created'));
        assert.deepEqual([e.comment?.body, e.commentCount], ['Depuis A', 1]);
      }
      assert.equal(Thread.parse((await call(b.url, 'GET', `/api/threads/${id}`)).json).commentCount, 1, 'B’s cache was dropped');
      const page = CommentPage.parse((await call(b.url, 'GET', `/api/threads/${id}/comments`)).json);
      assert.deepEqual([page.total, page.items.map((i) => i.body)], [1, ['Depuis A']], 'B’s first page was dropped too');
      const like = await call(b.url, 'POST', `/api/comments/${c.comment.id}/likes`, { reader: 'lecteur-0123456789abcdef' }, key());
      assert.equal(like.status, 200, like.text);
      assert.equal(CommentEvent.parse(await onA.until((x) => x.type === 'updated')).comment?.likeCount, 1);
    } finally {
      onA.close();
      onB.close();
    }
  });
});

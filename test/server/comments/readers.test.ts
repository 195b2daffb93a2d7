/** Comment threads for readers: posting, threading, pages and sorts, edits and deletes, likes, flags, live events. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { admin, EventReader, key, serverSuites, testClock } from '../helpers.js';
import { allComments, createThread, post, postRaw, reader } from '../fixtures.js';
import { Comment, CommentDeleted, CommentEvent, CommentList, CommentPage, FlagResult, LikeResult, Thread } from '../../../src/api/comments.js';
import { AdminComment } from '../../../src/api/admin.js';

/** The server's clock: the edit window passes when a test moves it on, not by waiting. */
const clock = testClock();

await serverSuites('comments', { heartbeatMs: 200, now: clock.now, comments: { challenge: { difficulty: 4 }, rateLimit: false } }, (s) => {
  const thread = async (id: string) => Thread.parse((await s.call('GET', `/api/threads/${id}`)).json);
  const page = async (id: string, query = '') => {
    const r = await s.call('GET', `/api/threads/${id}/comments${query}`);
    assert.equal(r.status, 200, r.text);
    return CommentPage.parse(r.json);
  };

  it('GET a thread answers the contract with the defaults', async () => {
    const id = await createThread(s, { title: 'Plan numérique', url: 'https://blogue.example/plan' });
    const t = await thread(id);
    assert.deepEqual(
      { ...t, createdAt: undefined },
      { id, url: 'https://blogue.example/plan', title: 'Plan numérique', status: 'open', moderation: 'post', commentCount: 0, mentionCount: 0, maxDepth: 3, editWindowSeconds: 900, challenge: true, createdAt: undefined },
    );
    assert.equal((await s.call('GET', '/api/threads/nope')).status, 404);
  });

  it('post: 201 with the comment, an edit token and the end of the edit window; counted and listed', async () => {
    const id = await createThread(s);
    const before = Date.now();
    const c = await post(s, id, { name: 'Caroline', website: 'https://musique.example', email: 'caro@example.org', body: 'Bonjour *Geneviève*' });
    assert.equal(c.comment.status, 'published');
    assert.deepEqual(c.comment.author, { name: 'Caroline', website: 'https://musique.example' });
    assert.equal(c.comment.body, 'Bonjour *Geneviève*', 'the markdown source, as it was sent');
    assert.ok(!JSON.stringify(c).includes('caro@example.org'), 'the email is never shown');
    assert.match(c.editToken, /^[\w-]{43}$/);
    const until = Date.parse(c.editableUntil) - Date.parse(c.comment.createdAt);
    assert.equal(until, 900_000);
    assert.ok(Date.parse(c.comment.createdAt) >= before - 1000);
    assert.equal((await thread(id)).commentCount, 1);
    const p = await page(id);
    assert.deepEqual(p.items.map((i) => i.id), [c.comment.id]);
    assert.equal(p.total, 1);
    assert.equal(p.nextCursor, null);
  });

  it('hostile text is kept as the text it is: never rewritten, never turned into HTML; only http(s) websites', async () => {
    const id = await createThread(s);
    const name = '<img src=x onerror=alert(1)>';
    const body = '<script>alert(1)</script> [x](javascript:alert(1)) <svg onload=alert(1)> ![a](data:text/html,<script>)';
    const c = await post(s, id, { name, body, website: 'https://ok.example/?q=<b>' });
    const listed = (await page(id)).items[0]!;
    assert.deepEqual([listed.author.name, listed.body, listed.author.website], [name, body, 'https://ok.example/?q=<b>']);
    assert.equal(c.comment.body, body);
    for (const website of ['javascript:alert(1)', 'data:text/html,x', 'JaVaScRiPt:alert(1)', 'vbscript:x', '//evil.example', 'https://', 'https://a b.example']) {
      const r = await postRaw(s, id, { website });
      assert.equal(r.status, 400, website);
      assert.equal(r.json.error.issues[0].path, 'website');
    }
  });

  it('the edit token is stored only as a hash', async () => {
    const id = await createThread(s);
    const c = await post(s, id);
    const rows = await s.db.query<{ edit_hash: string }>('SELECT edit_hash FROM comments WHERE id = $1::bigint', [c.comment.id]);
    assert.match(rows[0]!.edit_hash, /^[0-9a-f]{64}$/);
    assert.ok(!JSON.stringify(await s.db.query('SELECT * FROM comments WHERE id = $1::bigint', [c.comment.id])).includes(c.editToken));
  });

  it('the same Idempotency-Key posts once and answers the same comment and token', async () => {
    const id = await createThread(s);
    const headers = key();
    const a = await post(s, id, { body: 'Une fois' }, headers);
    const b = await post(s, id, { body: 'Une fois', challenge: undefined }, headers);
    assert.equal(b.comment.id, a.comment.id);
    assert.equal(b.editToken, a.editToken);
    assert.equal((await page(id)).items.length, 1);
    // Concurrent sends of one submission.
    const h2 = key();
    const both = await Promise.all([post(s, id, { body: 'Deux envois' }, h2), post(s, id, { body: 'Deux envois' }, h2)]);
    assert.equal(both[0].comment.id, both[1].comment.id);
    assert.equal(both[0].editToken, both[1].editToken);
    assert.equal((await page(id)).items.length, 2);
  });

  it('threading: replies depth-first, oldest first; deeper than maxDepth stays at the last level and names whom it answers', async () => {
    const id = await createThread(s, { maxDepth: 2 });
    const a = await post(s, id, { name: 'A' });
    const b = await post(s, id, { name: 'B' });
    const a1 = await post(s, id, { name: 'A1', parentId: a.comment.id });
    const a1x = await post(s, id, { name: 'A1x', parentId: a1.comment.id });
    const a1xy = await post(s, id, { name: 'A1xy', parentId: a1x.comment.id });
    const a2 = await post(s, id, { name: 'A2', parentId: a.comment.id });
    const b1 = await post(s, id, { name: 'B1', parentId: b.comment.id });
    assert.equal(a1xy.comment.depth, 2);
    assert.equal(a1xy.comment.replyToName, 'A1x');
    const { items, total } = await allComments(s, id);
    assert.equal(total, 7);
    assert.deepEqual(
      items.map((c) => [c.author.name, c.depth, c.replyToName, c.parentId]),
      [
        ['A', 0, null, null],
        ['A1', 1, null, a.comment.id],
        ['A1x', 2, null, a1.comment.id],
        ['A1xy', 2, 'A1x', a1x.comment.id],
        ['A2', 1, null, a.comment.id],
        ['B', 0, null, null],
        ['B1', 1, null, b.comment.id],
      ],
    );
    void a2;
    void b1;
    // maxDepth 0: a flat thread, every reply names whom it answers.
    const flat = await createThread(s, { maxDepth: 0 });
    const x = await post(s, flat, { name: 'X' });
    const y = await post(s, flat, { name: 'Y', parentId: x.comment.id });
    assert.deepEqual([y.comment.depth, y.comment.replyToName], [0, 'X']);
  });

  it('a reply to a comment of another thread, to a pending one or to nothing is 400 naming parentId', async () => {
    const id = await createThread(s);
    const other = await createThread(s);
    const o = await post(s, other);
    for (const parentId of [o.comment.id, '999999999', 'abc']) {
      const r = await postRaw(s, id, { parentId });
      assert.equal(r.status, 400, r.text);
      assert.equal(r.json.error.issues[0].path, 'parentId');
    }
    const pre = await createThread(s, { moderation: 'pre' });
    const held = await post(s, pre);
    assert.equal((await postRaw(s, pre, { parentId: held.comment.id })).json.error.issues[0].path, 'parentId');
  });

  it('pages: cursor pagination over top-level comments, each with all its replies; sorts oldest, newest and likes', async () => {
    const id = await createThread(s);
    const tops: string[] = [];
    for (let i = 0; i < 7; i++) tops.push((await post(s, id, { name: `T${i}` })).comment.id);
    await post(s, id, { name: 'R', parentId: tops[1] });
    // Likes: T3 three, T5 two, T0 one.
    for (const [i, n] of [[3, 3], [5, 2], [0, 1]] as const) {
      for (let k = 0; k < n; k++) assert.equal((await s.call('POST', `/api/comments/${tops[i]}/likes`, { reader: reader() }, key())).status, 200);
    }
    const names = async (sort: string) => (await allComments(s, id, `sort=${sort}&limit=3`)).items.map((c) => c.author.name);
    assert.deepEqual(await names('oldest'), ['T0', 'T1', 'R', 'T2', 'T3', 'T4', 'T5', 'T6']);
    assert.deepEqual(await names('newest'), ['T6', 'T5', 'T4', 'T3', 'T2', 'T1', 'R', 'T0']);
    assert.deepEqual(await names('likes'), ['T3', 'T5', 'T0', 'T1', 'R', 'T2', 'T4', 'T6']);
    const first = await page(id, '?limit=3');
    assert.equal(first.items.length, 4, 'three top-level comments and one reply');
    assert.equal(first.total, 8);
    assert.ok(first.nextCursor);
    const bad = await s.call('GET', `/api/threads/${id}/comments?sort=newest&cursor=${encodeURIComponent(first.nextCursor!)}`);
    assert.equal(bad.status, 400, 'a cursor is for the sort it came from');
    assert.equal(bad.json.error.issues[0].path, 'cursor');
  });

  it('pinned comments come first on the first page only', async () => {
    const id = await createThread(s);
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await post(s, id, { name: `T${i}` })).comment.id);
    const r = await s.call('POST', `/api/admin/comments/${ids[2]}/pin`, { pinned: true }, admin);
    assert.equal(r.status, 200, r.text);
    assert.equal(AdminComment.parse(r.json).pinned, true);
    const first = await page(id, '?limit=2&sort=newest');
    assert.deepEqual(first.items.map((c) => c.author.name), ['T2', 'T3', 'T1']);
    const second = await page(id, `?limit=2&sort=newest&cursor=${encodeURIComponent(first.nextCursor!)}`);
    assert.deepEqual(second.items.map((c) => c.author.name), ['T0']);
    const reply = await post(s, id, { parentId: ids[0] });
    const refused = await s.call('POST', `/api/admin/comments/${reply.comment.id}/pin`, { pinned: true }, admin);
    assert.equal(refused.status, 409, 'only top-level comments are pinned');
    assert.equal((await s.call('POST', `/api/admin/comments/${ids[2]}/pin`, { pinned: false }, admin)).json.pinned, false);
  });

  it('edit within the window: the body changes and editedAt is set; a wrong token is 403 naming editToken', async () => {
    const id = await createThread(s);
    const c = await post(s, id, { body: 'Premier jet' });
    const r = await s.call('PATCH', `/api/comments/${c.comment.id}`, { editToken: c.editToken, body: 'Version corrigée' }, key());
    assert.equal(r.status, 200, r.text);
    const edited = Comment.parse(r.json);
    assert.equal(edited.body, 'Version corrigée');
    assert.ok(edited.editedAt);
    assert.equal((await page(id)).items[0]!.body, 'Version corrigée');
    const wrong = await s.call('PATCH', `/api/comments/${c.comment.id}`, { editToken: 'x'.repeat(43), body: 'Pirate' }, key());
    assert.equal(wrong.status, 403);
    assert.equal(wrong.json.error.kind, 'forbidden');
    assert.equal(wrong.json.error.issues[0].path, 'editToken');
    const other = await post(s, id);
    const swapped = await s.call('PATCH', `/api/comments/${c.comment.id}`, { editToken: other.editToken, body: 'Pirate' }, key());
    assert.equal(swapped.status, 403, 'one comment’s token does not edit another');
  });

  it('edit and delete are refused once the window has passed', async () => {
    const id = await createThread(s, { editWindowSeconds: 1 });
    const c = await post(s, id);
    clock.advance(1200);
    for (const [method, body] of [['PATCH', { editToken: c.editToken, body: 'Trop tard' }], ['DELETE', { editToken: c.editToken }]] as const) {
      const r = await s.call(method, `/api/comments/${c.comment.id}`, body, key());
      assert.equal(r.status, 403, r.text);
      assert.equal(r.json.error.issues[0].path, 'editToken');
      assert.equal(r.json.error.issues[0].code, 'expired');
    }
    assert.equal((await page(id)).items[0]!.body, 'Bravo pour cette initiative !');
  });

  it('delete: gone without replies; a placeholder (no name, no text) when replies hang under it; a replay answers the same', async () => {
    const id = await createThread(s);
    const lone = await post(s, id, { name: 'Seul' });
    const parent = await post(s, id, { name: 'Parent', body: 'Secret' });
    await post(s, id, { name: 'Enfant', parentId: parent.comment.id });
    const headers = key();
    const d1 = await s.call('DELETE', `/api/comments/${lone.comment.id}`, { editToken: lone.editToken }, headers);
    assert.equal(d1.status, 200, d1.text);
    assert.deepEqual(CommentDeleted.parse(d1.json), { id: lone.comment.id, commentCount: 2 });
    const d2 = await s.call('DELETE', `/api/comments/${lone.comment.id}`, { editToken: lone.editToken }, headers);
    assert.deepEqual(d2.json, d1.json, 'the same answer');
    const d3 = await s.call('DELETE', `/api/comments/${parent.comment.id}`, { editToken: parent.editToken }, key());
    assert.equal(d3.json.commentCount, 1);
    const items = (await page(id)).items;
    assert.deepEqual(items.map((c) => [c.status, c.author.name, c.body]), [['deleted', '', ''], ['published', 'Enfant', 'Bravo pour cette initiative !']]);
    const [row] = await s.db.query<{ name: string; body: string; email: string | null }>('SELECT name, body, email FROM comments WHERE id = $1::bigint', [parent.comment.id]);
    assert.deepEqual(row, { name: '', body: '', email: null }, 'erased in the database too');
    assert.equal((await thread(id)).commentCount, 1);
  });

  it('like once per reader; take it back; a few per address; not on a closed thread', async () => {
    const id = await createThread(s);
    const c = await post(s, id);
    const like = (r: string, liked?: boolean, ip = '10.9.0.1') =>
      s.call('POST', `/api/comments/${c.comment.id}/likes`, { reader: r, ...(liked === undefined ? {} : { liked }) }, { ...key(), 'x-forwarded-for': ip });
    const me = reader();
    assert.deepEqual(LikeResult.parse((await like(me)).json), { liked: true, likeCount: 1 });
    assert.deepEqual((await like(me)).json, { liked: true, likeCount: 1 }, 'a second like by the same reader counts once');
    assert.deepEqual((await like(reader())).json, { liked: true, likeCount: 2 });
    assert.deepEqual((await like(me, false)).json, { liked: false, likeCount: 1 });
    assert.deepEqual((await like(me, false)).json, { liked: false, likeCount: 1 });
    assert.equal((await page(id)).items[0]!.likeCount, 1);
    const busy = await post(s, id);
    const likeBusy = (r: string) => s.call('POST', `/api/comments/${busy.comment.id}/likes`, { reader: r }, key());
    for (let i = 0; i < 5; i++) assert.equal((await likeBusy(reader())).status, 200);
    const sixth = await likeBusy(reader());
    assert.equal(sixth.status, 409, 'five likes of one comment from one address, no more');
    assert.equal(sixth.json.error.kind, 'conflict');
    const hidden = await s.call('POST', `/api/comments/999999/likes`, { reader: me }, key());
    assert.equal(hidden.status, 404);
    await s.call('PATCH', `/api/admin/threads/${id}`, { status: 'closed' }, admin);
    const closed = await like(reader());
    assert.equal(closed.status, 409);
    assert.equal(closed.json.error.kind, 'closed');
  });

  it('flag once per reader; moderators see it in the flagged queue; approving clears it', async () => {
    const id = await createThread(s);
    const c = await post(s, id, { body: 'Achetez des montres' });
    for (const r of [reader(), reader()]) {
      const f = await s.call('POST', `/api/comments/${c.comment.id}/flags`, { reader: r, reason: 'spam' }, key());
      assert.equal(f.status, 200, f.text);
      assert.deepEqual(FlagResult.parse(f.json), { flagged: true });
    }
    const same = reader();
    await s.call('POST', `/api/comments/${c.comment.id}/flags`, { reader: same }, key());
    await s.call('POST', `/api/comments/${c.comment.id}/flags`, { reader: same }, key());
    const q = await s.call('GET', `/api/admin/comments?status=flagged&thread=${id}`, undefined, admin);
    assert.equal(q.status, 200, q.text);
    assert.deepEqual(q.json.items.map((i: AdminComment) => [i.id, i.flagCount]), [[c.comment.id, 3]]);
    await s.call('POST', `/api/admin/comments/${c.comment.id}/approve`, undefined, admin);
    assert.deepEqual((await s.call('GET', `/api/admin/comments?status=flagged&thread=${id}`, undefined, admin)).json.items, []);
  });

  it('a closed thread refuses comments (409 closed) and still shows them', async () => {
    const id = await createThread(s);
    await post(s, id);
    await s.call('PATCH', `/api/admin/threads/${id}`, { status: 'closed' }, admin);
    const r = await postRaw(s, id);
    assert.equal(r.status, 409);
    assert.equal(r.json.error.kind, 'closed');
    assert.equal((await page(id)).items.length, 1);
    assert.equal((await thread(id)).status, 'closed');
  });

  it('mine: the author gets their comments back with their tokens, pending ones included', async () => {
    const id = await createThread(s, { moderation: 'pre' });
    const a = await post(s, id, { body: 'En attente' });
    const b = await post(s, id, { body: 'Aussi' });
    assert.equal(a.comment.status, 'pending');
    assert.deepEqual((await page(id)).items, [], 'nobody else sees it');
    const r = await s.call('POST', `/api/threads/${id}/comments/mine`, { tokens: [a.editToken, b.editToken, 'z'.repeat(43)] });
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(CommentList.parse(r.json).items.map((c) => [c.id, c.status]), [[a.comment.id, 'pending'], [b.comment.id, 'pending']]);
    const other = await createThread(s);
    assert.deepEqual((await s.call('POST', `/api/threads/${other}/comments/mine`, { tokens: [a.editToken] })).json.items, [], 'only this thread’s');
  });

  it('live: the thread on connect, then published, edited, liked and deleted comments; never a pending one', async () => {
    const id = await createThread(s, { moderation: 'first-time' });
    const events = await EventReader.open(`${s.url}/api/threads/${id}/events`);
    try {
      assert.equal(events.status, 200);
      assert.match(events.contentType, /^text\/event-stream/);
      const first = CommentEvent.parse(await events.next());
      assert.deepEqual(first, { type: 'thread', commentCount: 0, mentionCount: 0, status: 'open' });
      const held = await post(s, id, { email: 'nouvelle@example.org', body: 'Première fois' });
      assert.equal(held.comment.status, 'pending');
      const approved = await s.call('POST', `/api/admin/comments/${held.comment.id}/approve`, undefined, admin);
      assert.equal(approved.json.status, 'published');
      const created = CommentEvent.parse(await events.next());
      assert.equal(created.type, 'created');
      assert.equal(created.comment?.id, held.comment.id);
      assert.equal(created.commentCount, 1);
      await s.call('PATCH', `/api/comments/${held.comment.id}`, { editToken: held.editToken, body: 'Corrigé' }, key());
      const updated = CommentEvent.parse(await events.next());
      assert.deepEqual([updated.type, updated.comment?.body], ['updated', 'Corrigé']);
      await s.call('POST', `/api/comments/${held.comment.id}/likes`, { reader: reader() }, key());
      assert.equal(CommentEvent.parse(await events.next()).comment?.likeCount, 1);
      await s.call('DELETE', `/api/comments/${held.comment.id}`, { editToken: held.editToken }, key());
      const deleted = CommentEvent.parse(await events.next());
      assert.deepEqual([deleted.type, deleted.comment?.id, deleted.comment?.body, deleted.commentCount], ['deleted', held.comment.id, '', 0]);
      await s.call('PATCH', `/api/admin/threads/${id}`, { status: 'closed' }, admin);
      assert.deepEqual(CommentEvent.parse(await events.until((e) => e.type === 'thread')).status, 'closed');
    } finally {
      events.close();
    }
  });

  it('the event stream of an unknown thread is 404', async () => {
    const r = await s.call('GET', '/api/threads/nope/events');
    assert.equal(r.status, 404);
  });
});

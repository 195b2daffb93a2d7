/**
 * Comment moderation and spam: moderation modes, the admin routes and their token, blocks, the
 * honeypot, the link limit, the proof of work, the per-address limit, reply mails (only once the
 * reply is published) and their unsubscribe link, and bad input answered 4xx naming the field.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { admin, key, refused, serverSuites } from '../helpers.js';
import { createThread, post, postRaw, reader, solved } from '../fixtures.js';
import { AdminComment, BlockList } from '../../../src/api/admin.js';
import { ApiError } from '../../../src/api/common.js';
import { Challenge, CommentPage, Thread } from '../../../src/api/comments.js';
import { issueChallenge, solve } from '../../../server/comments/challenge.js';
import { Keys } from '../../../server/secrets.js';
import { countLinks } from '../../../server/comments/writing.js';


describe('countLinks', () => {
  it('counts what the widget shows as a link, each once', () => {
    const cases: [string, number][] = [
      ['voir [a](https://a.example) et [b](https://b.example)', 2],
      ['[a](https://a.example) [b](https://b.example) [c](https://c.example) [d](https://d.example)', 4],
      ['https://a.example, http://b.example/p?q=1. et <https://c.example>', 3],
      ['[https://a.example](https://a.example) et **https://b.example**', 2],
      ['- [a](https://a.example)\n  > https://b.example\n\n1. [m](mailto:ana@example.org)', 3],
      ['[x](javascript:alert(1)) [y](data:text/html,x) [z](/relatif) javascript:alert(1) www.a.example ftp://b.example', 0],
      ['`https://a.example` et\n```\nhttps://b.example\n```', 0],
      ['a\\[b](https://b.example) x https://c.example', 2],
    ];
    for (const [body, n] of cases) assert.equal(countLinks(body), n, body);
  });
});

await serverSuites('comment moderation', { trustProxy: true, comments: { challenge: { difficulty: 6 }, rateLimit: { capacity: 3, refillPerSecond: 0.01 } } }, (s) => {
  let ip = 0;
  /** A fresh client address: the per-address limit stays out of the way. */
  const from = (headers: Record<string, string> = key()) => ({ 'x-forwarded-for': `10.2.${ip >> 8}.${ip++ & 255}`, ...headers });
  const listed = async (id: string) => CommentPage.parse((await s.call('GET', `/api/threads/${id}/comments`)).json).items;
  const queue = async (query: string) => {
    const r = await s.call('GET', `/api/admin/comments?${query}`, undefined, admin);
    assert.equal(r.status, 200, r.text);
    return (r.json.items as unknown[]).map((i) => AdminComment.parse(i));
  };

  it('every admin route refuses a missing or wrong token with 401', async () => {
    const id = await createThread(s);
    const c = await post(s, id, {}, from());
    const routes: [string, string, unknown][] = [
      ['POST', '/api/admin/threads', { id: 'new-thread', title: 'T' }],
      ['PATCH', `/api/admin/threads/${id}`, { status: 'closed' }],
      ['GET', '/api/admin/comments', undefined],
      ['POST', `/api/admin/comments/${c.comment.id}/approve`, undefined],
      ['POST', `/api/admin/comments/${c.comment.id}/reject`, undefined],
      ['DELETE', `/api/admin/comments/${c.comment.id}`, undefined],
      ['POST', `/api/admin/comments/${c.comment.id}/pin`, { pinned: true }],
      ['GET', '/api/admin/blocks', undefined],
      ['POST', '/api/admin/blocks', { email: 'a@example.org' }],
      ['DELETE', '/api/admin/blocks/1', undefined],
    ];
    for (const [method, path, body] of routes) {
      for (const headers of [{}, { authorization: 'Bearer wrong' }] as Record<string, string>[]) {
        const r = await s.call(method, path, body, headers);
        assert.equal(r.status, 401, `${method} ${path}`);
        assert.equal(r.json.error.kind, 'unauthorized');
      }
    }
    assert.equal((await listed(id)).length, 1, 'nothing changed');
    assert.equal(Thread.parse((await s.call('GET', `/api/threads/${id}`)).json).status, 'open');
  });

  it('threads: create answers 201 and Location; the same id or URL again is 409 naming it; update changes only what is given', async () => {
    const r = await s.call('POST', '/api/admin/threads', { id: 'billet-1', title: '  Billet  ', url: 'https://blogue.example/billet-1/', moderation: 'pre', maxDepth: 5, editWindowSeconds: 600, locale: 'en' }, admin);
    assert.equal(r.status, 201, r.text);
    const t = Thread.parse(r.json);
    assert.deepEqual([t.title, t.moderation, t.maxDepth, t.editWindowSeconds], ['Billet', 'pre', 5, 600]);
    assert.match(r.headers.get('location') ?? '', /\/api\/threads\/billet-1$/);
    refused(await s.call('POST', '/api/admin/threads', { id: 'billet-1', title: 'B' }, admin), 409, 'conflict', ['id']);
    refused(await s.call('POST', '/api/admin/threads', { id: 'billet-2', title: 'B', url: 'https://blogue.example/billet-1/' }, admin), 409, 'conflict', ['url']);
    const u = await s.call('PATCH', '/api/admin/threads/billet-1', { moderation: 'post' }, admin);
    assert.equal(u.status, 200, u.text);
    assert.deepEqual([u.json.moderation, u.json.maxDepth, u.json.title], ['post', 5, 'Billet']);
    refused(await s.call('PATCH', '/api/admin/threads/nope', { moderation: 'post' }, admin), 404, 'not-found');
  });

  it('pre-moderation: held, shown to nobody, counted by nobody; approve publishes it, reject hides it', async () => {
    const id = await createThread(s, { moderation: 'pre' });
    const a = await post(s, id, { name: 'Attente' }, from());
    const b = await post(s, id, { name: 'Refus' }, from());
    assert.deepEqual([a.comment.status, b.comment.status], ['pending', 'pending']);
    assert.deepEqual(await listed(id), []);
    assert.equal(Thread.parse((await s.call('GET', `/api/threads/${id}`)).json).commentCount, 0);
    const pending = await queue(`thread=${id}`);
    assert.deepEqual(pending.map((c) => c.id).sort(), [a.comment.id, b.comment.id].sort());
    assert.equal((await s.call('POST', `/api/admin/comments/${a.comment.id}/approve`, undefined, admin)).json.status, 'published');
    assert.equal((await s.call('POST', `/api/admin/comments/${b.comment.id}/reject`, undefined, admin)).json.status, 'rejected');
    assert.deepEqual((await listed(id)).map((c) => c.author.name), ['Attente']);
    assert.deepEqual((await queue(`status=rejected&thread=${id}`)).map((c) => c.id), [b.comment.id]);
    assert.deepEqual(await queue(`thread=${id}`), []);
    refused(await s.call('POST', '/api/admin/comments/999999/approve', undefined, admin), 404, 'not-found');
  });

  it('pre-moderation: an approved comment edited in its window waits for approval again', async () => {
    const id = await createThread(s, { moderation: 'pre', editWindowSeconds: 900 });
    const a = await post(s, id, { name: 'Approuvée', body: 'Un propos sage.' }, from());
    await s.call('POST', `/api/admin/comments/${a.comment.id}/approve`, undefined, admin);
    assert.deepEqual((await listed(id)).map((c) => c.body), ['Un propos sage.']);
    const same = await s.call('PATCH', `/api/comments/${a.comment.id}`, { editToken: a.editToken, body: 'Un propos sage.' }, key());
    assert.equal(same.json.status, 'published', 'the same words stay published');
    const r = await s.call('PATCH', `/api/comments/${a.comment.id}`, { editToken: a.editToken, body: 'PUBLICITÉ : https://pourriel.example' }, key());
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.status, 'pending');
    assert.deepEqual(await listed(id), [], 'the new words are shown to nobody');
    assert.equal(Thread.parse((await s.call('GET', `/api/threads/${id}`)).json).commentCount, 0);
    assert.deepEqual((await queue(`thread=${id}`)).map((c) => c.body), ['PUBLICITÉ : https://pourriel.example']);
  });

  it('post-moderation: published at once; rejecting a published comment with replies leaves a placeholder', async () => {
    const id = await createThread(s);
    const a = await post(s, id, { name: 'Publié', body: 'Propos douteux' }, from());
    await post(s, id, { name: 'Réponse', parentId: a.comment.id }, from());
    await s.call('POST', `/api/admin/comments/${a.comment.id}/reject`, undefined, admin);
    assert.deepEqual((await listed(id)).map((c) => [c.status, c.author.name, c.body]), [['deleted', '', ''], ['published', 'Réponse', 'Bravo pour cette initiative !']]);
  });

  it('first-time moderation: an email never published waits; once one of its comments is approved, the next is published at once', async () => {
    const id = await createThread(s, { moderation: 'first-time' });
    const first = await post(s, id, { email: 'Nouvelle.Lectrice@example.org' }, from());
    assert.equal(first.comment.status, 'pending');
    const anonymous = await post(s, id, {}, from());
    assert.equal(anonymous.comment.status, 'pending', 'without an email, always held');
    await s.call('POST', `/api/admin/comments/${first.comment.id}/approve`, undefined, admin);
    const second = await post(s, id, { email: 'nouvelle.lectrice@example.org' }, from());
    assert.equal(second.comment.status, 'published', 'the same email, however written');
  });

  it('admin delete erases the comment; a deleted comment cannot be approved', async () => {
    const id = await createThread(s);
    const c = await post(s, id, { email: 'efface@example.org' }, from());
    const d = await s.call('DELETE', `/api/admin/comments/${c.comment.id}`, undefined, admin);
    assert.equal(d.status, 200, d.text);
    assert.deepEqual(d.json, { id: c.comment.id, commentCount: 0 });
    assert.deepEqual(await listed(id), []);
    const [row] = await s.db.query('SELECT name, email, body, status FROM comments WHERE id = $1::bigint', [c.comment.id]);
    assert.deepEqual(row, { name: '', email: null, body: '', status: 'deleted' });
    refused(await s.call('POST', `/api/admin/comments/${c.comment.id}/approve`, undefined, admin), 409, 'conflict');
  });

  it('blocks: an email, an address, or a comment’s email and address; stored hashed; lifted', async () => {
    const id = await createThread(s);
    const r = await s.call('POST', '/api/admin/blocks', { email: 'Spammeur@Example.org', note: 'pourriel' }, admin);
    assert.equal(r.status, 201, r.text);
    const blocks = BlockList.parse(r.json).items;
    assert.deepEqual(blocks.map((b) => [b.kind, b.note]), [['email', 'pourriel']]);
    refused(await postRaw(s, id, { email: 'spammeur@example.org' }, from()), 403, 'forbidden');
    const stored = await s.db.query<{ hash: string }>('SELECT hash FROM comment_blocks');
    assert.ok(!JSON.stringify(stored).toLowerCase().includes('spammeur'), 'only a hash is stored');
    // Block by comment: its address goes too.
    const c = await post(s, id, { email: 'troll@example.org' }, { ...key(), 'x-forwarded-for': '10.99.0.1' });
    const byComment = await s.call('POST', '/api/admin/blocks', { commentId: c.comment.id }, admin);
    assert.deepEqual(byComment.json.items.map((b: { kind: string }) => b.kind).sort(), ['email', 'email', 'ip']);
    refused(await postRaw(s, id, {}, { ...key(), 'x-forwarded-for': '10.99.0.1' }), 403, 'forbidden');
    await s.call('POST', '/api/admin/blocks', { ip: '10.98.0.1' }, admin);
    refused(await postRaw(s, id, {}, { ...key(), 'x-forwarded-for': '10.98.0.1' }), 403, 'forbidden');
    // A dual-stack socket writes IPv4 clients as ::ffff:a.b.c.d: either form blocks both.
    await s.call('POST', '/api/admin/blocks', { ip: '10.97.0.1' }, admin);
    refused(await postRaw(s, id, {}, { ...key(), 'x-forwarded-for': '::ffff:10.97.0.1' }), 403, 'forbidden');
    await s.call('POST', '/api/admin/blocks', { ip: '::FFFF:10.96.0.1' }, admin);
    refused(await postRaw(s, id, {}, { ...key(), 'x-forwarded-for': '10.96.0.1' }), 403, 'forbidden');
    refused(await s.call('POST', '/api/admin/blocks', {}, admin), 400, 'validation', ['body']);
    refused(await s.call('POST', '/api/admin/blocks', { commentId: '999999' }, admin), 404, 'not-found', ['commentId']);
    const all = BlockList.parse((await s.call('GET', '/api/admin/blocks', undefined, admin)).json).items;
    const ipBlock = all.find((b) => b.kind === 'ip' && b.note === '')!;
    for (const b of all) assert.equal((await s.call('DELETE', `/api/admin/blocks/${b.id}`, undefined, admin)).status, 200);
    void ipBlock;
    assert.equal((await postRaw(s, id, {}, { ...key(), 'x-forwarded-for': '10.98.0.1' })).status, 201, 'lifted');
    refused(await s.call('DELETE', '/api/admin/blocks/999999', undefined, admin), 404, 'not-found');
  });

  it('the honeypot: answered as a held comment, nothing kept', async () => {
    const id = await createThread(s);
    const r = await postRaw(s, id, { hp: 'http://spam.example' }, from());
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json.comment.status, 'pending');
    assert.equal((await s.db.query('SELECT 1 FROM comments WHERE thread_id = $1', [id])).length, 0);
  });

  it('the link limit: more than three links is 400 naming body, the limit and too_many_links; each link counts once', async () => {
    const id = await createThread(s);
    const body = 'Voyez https://a.example, [b](https://b.example), <https://c.example> et [d](https://d.example)';
    const r = await postRaw(s, id, { body }, from());
    refused(r, 400, 'validation', ['body']);
    assert.deepEqual(ApiError.parse(r.json).error.issues, [{ path: 'body', code: 'too_many_links', message: 'at most 3 links in a comment' }]);
    // The new reader's report: two ordinary markdown links were refused as four.
    assert.equal((await postRaw(s, id, { body: 'voir [a](https://a.example) et [b](https://b.example)' }, from())).status, 201);
    assert.equal((await postRaw(s, id, { body: 'Voyez https://a.example et [b](https://b.example)' }, from())).status, 201);
    // Targets shown as text (javascript:, data:, no scheme) are not links.
    const inert = '[a](https://a.example) [b](javascript:alert(1)) [c](data:text/html,x) [d](www.d.example) https://e.example https://f.example';
    assert.equal((await postRaw(s, id, { body: inert }, from())).status, 201);
    const c = await post(s, id, {}, from());
    refused(await s.call('PATCH', `/api/comments/${c.comment.id}`, { editToken: c.editToken, body }, key()), 400, 'validation', ['body']);
    assert.equal((await s.call('PATCH', `/api/comments/${c.comment.id}`, { editToken: c.editToken, body: '[a](https://a.example) [b](https://b.example)' }, key())).status, 200);
  });

  it('the challenge: required, bound to its thread, expiring, single-use, and a real solution', async () => {
    const id = await createThread(s);
    const other = await createThread(s);
    const c = Challenge.parse((await s.call('GET', `/api/threads/${id}/challenge`)).json);
    assert.equal(c.algorithm, 'SHA-256');
    assert.equal(c.difficulty, 6);
    assert.ok(Date.parse(c.expiresAt) > Date.now() + 29 * 60_000);
    refused(await postRaw(s, id, { challenge: undefined }, from()), 400, 'validation', ['challenge']);
    refused(await postRaw(s, id, { challenge: `${c.prefix}x` }, from()), 400, 'validation', ['challenge']);
    // An unsolved nonce (most nonces are not solutions at 6 bits; find one that is not).
    const { createHash } = await import('node:crypto');
    let n = 0;
    while (createHash('sha256').update(c.prefix + n).digest()[0]! < 4) n++;
    refused(await postRaw(s, id, { challenge: c.prefix + n }, from()), 400, 'validation', ['challenge']);
    refused(await postRaw(s, id, { challenge: c.prefix.replace(/.:$/, (m) => (m[0] === 'A' ? 'B:' : 'A:')) + '1' }, from()), 400, 'validation', ['challenge']);
    refused(await postRaw(s, other, { challenge: solve(c) }, from()), 400, 'validation', ['challenge']);
    const solution = solve(c);
    assert.equal((await postRaw(s, id, { challenge: solution }, from())).status, 201);
    const again = await postRaw(s, id, { challenge: solution }, from());
    refused(again, 400, 'validation', ['challenge']);
    assert.equal(again.json.error.issues[0].code, 'used');
    const old = await issueChallenge(new Keys(s.db, 'comments'), id, { difficulty: 6, ttlSeconds: 60 }, Date.now() - 120_000);
    const expired = await postRaw(s, id, { challenge: solve(old) }, from());
    refused(expired, 400, 'validation', ['challenge']);
    assert.equal(expired.json.error.issues[0].code, 'expired');
    // A refused post is not remembered under its key: the same key with a fresh solution is posted.
    const sameKey = key();
    refused(await postRaw(s, id, { challenge: solve(old) }, from(sameKey)), 400, 'validation', ['challenge']);
    const retried = await postRaw(s, id, {}, from(sameKey));
    assert.equal(retried.status, 201, retried.text);
    assert.equal((await postRaw(s, id, { challenge: undefined }, from(sameKey))).json.comment.id, retried.json.comment.id, 'and then replayed');
    // A comment refused for another reason leaves its challenge usable.
    const fresh = await solved(s, id);
    refused(await postRaw(s, id, { challenge: fresh, body: 'https://a.example https://b.example https://c.example https://d.example' }, from()), 400, 'validation', ['body']);
    assert.equal((await postRaw(s, id, { challenge: fresh }, from())).status, 201);
  });

  it('the per-address limit: a burst of three comments, then 429 with Retry-After', async () => {
    const id = await createThread(s);
    const same = () => ({ ...key(), 'x-forwarded-for': '10.77.0.1' });
    for (let i = 0; i < 3; i++) assert.equal((await postRaw(s, id, {}, same())).status, 201);
    const r = await postRaw(s, id, {}, same());
    refused(r, 429, 'rate-limited');
    assert.ok(Number(r.headers.get('retry-after')) >= 1);
    assert.equal((await postRaw(s, id, {}, from())).status, 201, 'others still may');
  });

  it('reply mail: to a parent author who asked, once the reply is published; never while it is held; with an unsubscribe link that works', async () => {
    const id = await createThread(s, { moderation: 'first-time', url: 'https://blogue.example/notifs', title: 'Notifications' });
    const parentEmail = 'parent@example.org';
    const parent = await post(s, id, { name: 'Parent', email: parentEmail, notifyReplies: true }, from());
    await s.call('POST', `/api/admin/comments/${parent.comment.id}/approve`, undefined, admin);
    await s.idle();
    const mails = () => s.outbox!.mails.filter((m) => m.to === parentEmail);
    assert.equal(mails().length, 0);

    const held = await post(s, id, { name: 'Inconnu', email: 'inconnu@example.org', parentId: parent.comment.id, body: 'Une réponse' }, from());
    assert.equal(held.comment.status, 'pending');
    await s.idle();
    assert.equal(mails().length, 0, 'nothing while the reply is held');
    await s.call('POST', `/api/admin/comments/${held.comment.id}/approve`, undefined, admin);
    await s.idle();
    assert.equal(mails().length, 1, 'mailed once published');
    const mail = mails()[0]!;
    assert.match(mail.subject, /Nouvelle réponse à votre commentaire : Notifications/);
    assert.match(mail.text, /Inconnu a répondu/);
    assert.match(mail.text, /Une réponse/);
    assert.match(mail.text, new RegExp(`https://blogue.example/notifs#comment-${held.comment.id}`));
    await s.call('POST', `/api/admin/comments/${held.comment.id}/approve`, undefined, admin);
    await s.idle();
    assert.equal(mails().length, 1, 'approving again sends nothing');

    await post(s, id, { name: 'Parent', email: 'PARENT@example.org', parentId: parent.comment.id }, from());
    await s.idle();
    assert.equal(mails().length, 1, 'not for one’s own reply');

    const link = /(http:\/\/[^\s]+\/comments\/unsubscribe\?token=[^\s]+)/.exec(mail.text)?.[1];
    assert.ok(link, mail.text);
    const page = await fetch(link);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /<form method="post"/);
    assert.equal((await post(s, id, { name: 'Autre', email: 'autre@example.org', parentId: parent.comment.id }, from())).comment.status, 'pending');
    const token = new URL(link).searchParams.get('token')!;
    const done = await fetch(link.replace(/\?.*$/, ''), { method: 'POST', body: new URLSearchParams({ token }), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(done.status, 200);
    assert.match(await done.text(), /vous ne recevrez plus/);
    const later = await queue(`thread=${id}`);
    for (const c of later) await s.call('POST', `/api/admin/comments/${c.id}/approve`, undefined, admin);
    await s.idle();
    assert.equal(mails().length, 1, 'no mail after unsubscribing');
    const forged = await fetch(`${link.replace(/\?.*$/, '')}?token=${parent.comment.id}.${'A'.repeat(43)}`);
    assert.equal(forged.status, 404);
  });

  it('notifyReplies without an email is 400 naming email', async () => {
    const id = await createThread(s);
    refused(await postRaw(s, id, { notifyReplies: true }, from()), 400, 'validation', ['email']);
  });

  it('bad input: 4xx naming each field, never 5xx', async () => {
    const id = await createThread(s);
    const c = await post(s, id, {}, from());
    const p = (body: unknown) => s.call('POST', `/api/threads/${id}/comments`, body, from());
    refused(await p({}), 400, 'validation', ['name', 'body']);
    refused(await p({ name: 42, body: ' ', email: 'pas-un-courriel', website: 'javascript:alert(1)', notifyReplies: 'oui', parentId: 5 }), 400, 'validation', [
      'name',
      'body',
      'email',
      'website',
      'notifyReplies',
      'parentId',
    ]);
    refused(await p({ name: 'A', body: 'x'.repeat(5001) }), 400, 'validation', ['body']);
    refused(await p({ name: 'x'.repeat(81), body: 'B' }), 400, 'validation', ['name']);
    refused(await p({ name: 'A', body: 'B', website: 'data:text/html,<script>alert(1)</script>' }), 400, 'validation', ['website']);
    refused(await p('{"name":'), 400, 'validation', ['body']);
    refused(await p([]), 400, 'validation', ['body']);
    refused(await s.call('POST', `/api/threads/${id}/comments`, { name: 'A', body: 'B' }, { ...from(), 'idempotency-key': 'é' }), 400, 'validation', ['Idempotency-Key']);
    refused(await s.call('POST', '/api/threads/bad id!/comments', { name: 'A', body: 'B' }, from()), 400, 'validation', ['id']);
    refused(await s.call('POST', '/api/threads/inconnu/comments', { name: 'A', body: 'B' }, from()), 404, 'not-found');
    for (const q of ['sort=best', 'limit=0', 'limit=101', 'limit=abc', 'cursor=%%%', `cursor=${'x'.repeat(201)}`]) {
      const r = await s.call('GET', `/api/threads/${id}/comments?${q}`);
      refused(r, 400, 'validation', [q.split('=')[0]!]);
    }
    const forged = Buffer.from(JSON.stringify(['oldest', '2026-13-45 99:99:99', 0, '1'])).toString('base64url');
    refused(await s.call('GET', `/api/threads/${id}/comments?cursor=${forged}`), 400, 'validation', ['cursor']);
    refused(await s.call('GET', `/api/threads/${id}/mentions?cursor=-1`), 400, 'validation', ['cursor']);
    refused(await s.call('PATCH', `/api/comments/abc`, { editToken: c.editToken, body: 'B' }, key()), 400, 'validation', ['id']);
    refused(await s.call('PATCH', `/api/comments/${c.comment.id}`, { editToken: 'court', body: '' }, key()), 400, 'validation', ['editToken', 'body']);
    refused(await s.call('DELETE', `/api/comments/${c.comment.id}`, {}, key()), 400, 'validation', ['editToken']);
    refused(await s.call('DELETE', `/api/comments/${c.comment.id}`, undefined, key()), 400, 'validation', ['body']);
    refused(await s.call('POST', `/api/comments/${c.comment.id}/likes`, { reader: 'x', liked: 'yes' }, key()), 400, 'validation', ['reader', 'liked']);
    refused(await s.call('POST', `/api/comments/${c.comment.id}/flags`, { reader: reader(), reason: 'boring' }, key()), 400, 'validation', ['reason']);
    refused(await s.call('POST', `/api/threads/${id}/comments/mine`, { tokens: Array(51).fill(c.editToken) }), 400, 'validation', ['tokens']);
    refused(await s.call('POST', `/api/threads/${id}/comments/mine`, { tokens: ['<script>'] }), 400, 'validation', ['tokens.0']);
    refused(await s.call('POST', '/api/admin/threads', { id: 'x', title: '', moderation: 'sometimes', maxDepth: 11, editWindowSeconds: -1, url: 'ftp://x' }, admin), 400, 'validation', [
      'title',
      'moderation',
      'maxDepth',
      'editWindowSeconds',
      'url',
    ]);
    refused(await s.call('PATCH', `/api/admin/threads/${id}`, { status: 'archived' }, admin), 400, 'validation', ['status']);
    refused(await s.call('POST', `/api/admin/comments/${c.comment.id}/pin`, { pinned: 'yes' }, admin), 400, 'validation', ['pinned']);
    refused(await s.call('GET', '/api/admin/comments?status=all', undefined, admin), 400, 'validation', ['status']);
    refused(await s.call('GET', '/api/admin/comments?cursor=x', undefined, admin), 400, 'validation', ['cursor']);
    refused(await s.call('POST', '/api/admin/blocks', { email: 'nope' }, admin), 400, 'validation', ['email']);
    refused(await s.call('POST', `/api/threads/${id}/comments`, { name: 'A\u0000', body: 'B', challenge: await solved(s, id) }, from()), 400, 'validation');
  });
});

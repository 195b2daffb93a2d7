/**
 * Commenters' emails: the address itself is kept only while its author wants reply mails, and erased
 * when they stop (unsubscribing, a rejected comment, a closed thread); its keyed hash otherwise. The
 * migration erases the addresses that earlier versions kept.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { admin, key, serverSuites } from '../helpers.js';
import { createThread, post } from '../fixtures.js';
import { openDb } from '../../../server/db/db.js';
import { migrate } from '../../../server/db/migrate.js';

await serverSuites('commenters’ emails', { trustProxy: true }, (s) => {
  let ip = 0;
  const from = () => ({ 'x-forwarded-for': `10.6.0.${ip++}`, ...key() });
  const stored = async (id: string) => {
    const [r] = await s.db.query<{ email: string | null; email_hash: string | null; notify_replies: boolean }>(
      'SELECT email, email_hash, notify_replies FROM comments WHERE id = $1::bigint',
      [id],
    );
    return r!;
  };

  it('without reply mails only the keyed hash is kept; with them the address too', async () => {
    const id = await createThread(s);
    const quiet = await post(s, id, { email: 'Discret@Example.org' }, from());
    const q = await stored(quiet.comment.id);
    assert.equal(q.email, null, 'no raw address');
    assert.match(q.email_hash ?? '', /^[0-9a-f]{64}$|^[\w-]{20,}$/, 'a keyed hash');
    assert.ok(!q.email_hash!.includes('example'), 'the hash does not show the address');
    const wants = await post(s, id, { email: 'reponses@example.org', notifyReplies: true }, from());
    assert.deepEqual([(await stored(wants.comment.id)).email, (await stored(wants.comment.id)).notify_replies], ['reponses@example.org', true]);
  });

  it('the same email hashes alike: blocking one comment’s author blocks the other, who gave no reply address', async () => {
    const id = await createThread(s);
    const a = await post(s, id, { email: 'meme@example.org' }, from());
    const b = await post(s, id, { email: 'MEME@example.org', notifyReplies: true }, from());
    assert.equal((await stored(a.comment.id)).email_hash, (await stored(b.comment.id)).email_hash);
    const r = await s.call('POST', '/api/admin/blocks', { commentId: a.comment.id }, admin);
    assert.equal(r.status, 201, r.text);
    const again = await s.call('POST', `/api/threads/${id}/comments`, { name: 'Même', body: 'Encore moi', email: 'meme@example.org' }, from());
    assert.equal(again.status, 403, again.text);
  });

  it('rejecting a comment erases its address; approving it again does not bring it back', async () => {
    const id = await createThread(s);
    const c = await post(s, id, { email: 'rejete@example.org', notifyReplies: true }, from());
    assert.equal((await s.call('POST', `/api/admin/comments/${c.comment.id}/reject`, undefined, admin)).status, 200);
    assert.deepEqual(await stored(c.comment.id), { email: null, email_hash: (await stored(c.comment.id)).email_hash, notify_replies: false });
    assert.ok((await stored(c.comment.id)).email_hash);
    assert.equal((await s.call('POST', `/api/admin/comments/${c.comment.id}/approve`, undefined, admin)).status, 200);
    assert.equal((await stored(c.comment.id)).email, null);
  });

  it('closing a thread erases the addresses of its comments, and only of its', async () => {
    const id = await createThread(s);
    const other = await createThread(s);
    const c = await post(s, id, { email: 'ferme@example.org', notifyReplies: true }, from());
    const o = await post(s, other, { email: 'ouvert@example.org', notifyReplies: true }, from());
    const r = await s.call('PATCH', `/api/admin/threads/${id}`, { status: 'closed' }, admin);
    assert.equal(r.status, 200, r.text);
    assert.deepEqual([(await stored(c.comment.id)).email, (await stored(c.comment.id)).notify_replies], [null, false]);
    assert.equal((await stored(o.comment.id)).email, 'ouvert@example.org');
  });

  it('the database refuses a raw address kept without reply mails', async () => {
    const id = await createThread(s);
    const c = await post(s, id, { email: 'x@example.org' }, from());
    await assert.rejects(s.db.query(`UPDATE comments SET email = 'x@example.org' WHERE id = $1::bigint`, [c.comment.id]), /comments_email_for_reply_mails/);
  });
});

describe('migration 006: the addresses earlier versions kept', () => {
  it('erases those no reply mail needs, keeps the others', async () => {
    const all = new URL('../../../server/migrations/', import.meta.url);
    const dir = mkdtempSync(join(tmpdir(), 'civic-migrations-'));
    try {
      for (const f of readdirSync(all).filter((f) => f < '006')) cpSync(new URL(f, all), join(dir, f));
      const db = await openDb({ dataDir: 'memory://' });
      try {
        await migrate(db, pathToFileURL(`${dir}/`));
        await db.exec(`INSERT INTO comment_threads (id, title) VALUES ('ouvert', 'Ouvert');
          INSERT INTO comment_threads (id, title, status) VALUES ('ferme', 'Fermé', 'closed');`);
        const rows: [string, string, string | null, boolean, string][] = [
          ['quiet', 'ouvert', 'quiet@example.org', false, 'published'],
          ['wants', 'ouvert', 'wants@example.org', true, 'published'],
          ['held', 'ouvert', 'held@example.org', true, 'pending'],
          ['rejected', 'ouvert', 'rejected@example.org', true, 'rejected'],
          ['noaddress', 'ouvert', null, true, 'published'],
          ['closed', 'ferme', 'closed@example.org', true, 'published'],
        ];
        for (const [name, thread, email, notify, status] of rows) {
          await db.query(`INSERT INTO comments (thread_id, level, name, email, email_hash, notify_replies, body, status) VALUES ($1, 0, $2, $3, $4, $5, 'x', $6)`, [
            thread, name, email, email && `hash-${name}`, notify, status,
          ]);
        }
        await migrate(db, all);
        const after = await db.query<{ name: string; email: string | null; email_hash: string | null; notify_replies: boolean }>(
          'SELECT name, email, email_hash, notify_replies FROM comments ORDER BY id',
        );
        assert.deepEqual(
          after.map((r) => [r.name, r.email, r.email_hash, r.notify_replies]),
          [
            ['quiet', null, 'hash-quiet', false],
            ['wants', 'wants@example.org', 'hash-wants', true],
            ['held', 'held@example.org', 'hash-held', true],
            ['rejected', null, 'hash-rejected', false],
            ['noaddress', null, null, false],
            ['closed', null, 'hash-closed', false],
          ],
        );
      } finally {
        await db.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

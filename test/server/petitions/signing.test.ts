/** Signing, confirming, withdrawing, counting, and the live stream: on PGlite and on PostgreSQL. */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { it } from 'node:test';
import { EventReader, key, serverSuites, tokenFrom, uniqueEmail } from '../helpers.js';
import { createPetition } from '../fixtures.js';
import { Petition, PetitionEvent, SignResult, TokenResult } from '../../../src/api/petition.js';
import { recount, signatureCount } from '../../../server/petitions/sql.js';
import { CHANNEL, COALESCE_MS } from '../../../server/bus.js';

await serverSuites('petitions', { heartbeatMs: 200 }, (s) => {
  const get = async (id: string) => {
    const r = await s.call('GET', `/api/petitions/${id}`);
    assert.equal(r.status, 200, r.text);
    return Petition.parse(r.json);
  };
  const sign = (id: string, body: Record<string, unknown>, headers: Record<string, string> = key()) =>
    s.call('POST', `/api/petitions/${id}/signatures`, { name: 'Marie-Ève Tremblay', email: uniqueEmail(), ...body }, headers);
  const mailTo = (to: string) => {
    const m = s.outbox!.last(to);
    assert.ok(m, `a mail to ${to}`);
    return m;
  };

  it('GET a petition answers the contract with the defaults', async () => {
    const id = await createPetition(s, { title: 'Plan numérique', goal: 500 });
    const p = await get(id);
    assert.equal(p.title, 'Plan numérique');
    assert.equal(p.signatureCount, 0);
    assert.equal(p.doubleOptIn, true);
    assert.equal(p.locale, 'fr');
    assert.equal(p.status, 'open');
    assert.deepEqual(p.recentSigners, []);
  });

  it('double opt-in: a pending signature is not counted until confirmed, and then shows its public name', async () => {
    const id = await createPetition(s);
    const email = uniqueEmail();
    const r = await sign(id, { email, city: 'Rimouski', showName: true });
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(SignResult.parse(r.json), { status: 'pending', signatureCount: 0 });
    assert.equal((await get(id)).signatureCount, 0, 'unconfirmed is not counted');

    const mail = mailTo(email);
    assert.match(mail.subject, /Confirmez votre signature/);
    const token = tokenFrom(mail.text, 'confirm');
    assert.ok(token.length >= 32);
    const c = await s.call('POST', '/api/signatures/confirm', { token });
    assert.equal(c.status, 200, c.text);
    assert.deepEqual(TokenResult.parse(c.json), { status: 'confirmed', petitionId: id, signatureCount: 1 });
    const p = await get(id);
    assert.equal(p.signatureCount, 1);
    assert.equal(p.recentSigners[0]?.name, 'Marie-Ève T.');
    assert.equal(p.recentSigners[0]?.city, 'Rimouski');

    const again = await s.call('POST', '/api/signatures/confirm', { token });
    assert.equal(again.status, 200, 'confirming twice is harmless');
    assert.equal(again.json.signatureCount, 1, 'and counts once');
  });

  it('tokens are stored only as hashes', async () => {
    const id = await createPetition(s);
    const email = uniqueEmail();
    await sign(id, { email });
    const text = mailTo(email).text;
    const rows = await s.db.query<{ confirm_hash: string; withdraw_hash: string }>('SELECT confirm_hash, withdraw_hash FROM signatures WHERE email = $1', [email]);
    assert.equal(rows.length, 1);
    for (const kind of ['confirm', 'withdraw'] as const) {
      const token = tokenFrom(text, kind);
      assert.ok(!JSON.stringify(rows).includes(token), `the ${kind} token is not stored`);
      assert.match(rows[0]![`${kind}_hash`], /^[0-9a-f]{64}$/);
    }
  });

  it('a name not shown stays out of the recent signers', async () => {
    const id = await createPetition(s, { doubleOptIn: false });
    await sign(id, { name: 'Caché Secret', showName: false });
    await sign(id, { name: 'Visible Personne', showName: true });
    const p = await get(id);
    assert.equal(p.signatureCount, 2);
    assert.deepEqual(p.recentSigners.map((r) => r.name), ['Visible P.']);
  });

  it('without double opt-in: counted at once, and a thank-you mail carries the withdraw link', async () => {
    const id = await createPetition(s, { doubleOptIn: false, locale: 'en' });
    const email = uniqueEmail();
    const r = await sign(id, { email });
    assert.deepEqual(r.json, { status: 'confirmed', signatureCount: 1 });
    const mail = mailTo(email);
    assert.match(mail.subject, /^Thank you for signing/);
    assert.doesNotMatch(mail.text, /\/petitions\/confirm/);
    tokenFrom(mail.text, 'withdraw');
  });

  it('withdraw deletes the signature and uncounts it; the email may sign again', async () => {
    const id = await createPetition(s, { doubleOptIn: false });
    const email = uniqueEmail();
    await sign(id, { email, showName: true });
    const other = await sign(id, {});
    assert.equal(other.json.signatureCount, 2);
    const token = tokenFrom(mailTo(email).text, 'withdraw');
    const w = await s.call('POST', '/api/signatures/withdraw', { token });
    assert.equal(w.status, 200, w.text);
    assert.deepEqual(TokenResult.parse(w.json), { status: 'withdrawn', petitionId: id, signatureCount: 1 });
    const rows = await s.db.query('SELECT 1 FROM signatures WHERE email = $1', [email]);
    assert.equal(rows.length, 0, 'the row is gone');
    assert.equal((await get(id)).signatureCount, 1);
    const twice = await s.call('POST', '/api/signatures/withdraw', { token });
    assert.equal(twice.status, 404);
    assert.equal(twice.json.error.kind, 'not-found');
    const again = await sign(id, { email });
    assert.equal(again.json.status, 'confirmed', 'the same email signs again');
    assert.equal(again.json.signatureCount, 2);
  });

  it('withdrawing a pending signature deletes it without touching the count', async () => {
    const id = await createPetition(s);
    const email = uniqueEmail();
    await sign(id, { email });
    const token = tokenFrom(mailTo(email).text, 'withdraw');
    const w = await s.call('POST', '/api/signatures/withdraw', { token });
    assert.deepEqual(w.json, { status: 'withdrawn', petitionId: id, signatureCount: 0 });
    const confirm = await s.call('POST', '/api/signatures/confirm', { token: tokenFrom(mailTo(email).text, 'confirm') });
    assert.equal(confirm.status, 404, 'its confirm link is dead');
  });

  it('unknown tokens are 404 not-found', async () => {
    for (const path of ['/api/signatures/confirm', '/api/signatures/withdraw']) {
      const r = await s.call('POST', path, { token: 'x'.repeat(43) });
      assert.equal(r.status, 404, path);
      assert.equal(r.json.error.kind, 'not-found');
    }
  });

  it('a second signature with the same email (another key) answers already-signed and reveals nothing else', async () => {
    const id = await createPetition(s, { doubleOptIn: false });
    const email = uniqueEmail();
    await sign(id, { email, name: 'Première Personne' });
    const local = email.split('@')[0]!;
    // the server trims what people typed; normaliseEmail: case and +tags do not make a new signer
    const r = await sign(id, { email: `  ${local.toUpperCase()}+autre@EXAMPLE.org `, name: 'Autre Nom' });
    assert.equal(r.status, 200);
    assert.deepEqual(r.json, { status: 'already-signed', signatureCount: 1 });
    assert.equal((await get(id)).signatureCount, 1);
  });

  it('replaying an Idempotency-Key answers the first result and counts once', async () => {
    const id = await createPetition(s, { doubleOptIn: false });
    const headers = key();
    const body = { email: uniqueEmail() };
    const first = await sign(id, body, headers);
    await sign(id, {}); // another signer in between
    const replay = await sign(id, body, headers);
    assert.deepEqual(first.json, { status: 'confirmed', signatureCount: 1 });
    assert.deepEqual(replay.json, first.json, 'the first answer, not already-signed');
    assert.equal((await get(id)).signatureCount, 2);
    const sent = s.outbox!.mails.filter((m) => m.to === body.email);
    assert.equal(sent.length, 1, 'one mail');
  });

  it('the honeypot answers like a success and stores nothing', async () => {
    const id = await createPetition(s, { doubleOptIn: false });
    const email = uniqueEmail();
    const r = await sign(id, { email, hp: 'http://spam.example' });
    assert.equal(r.status, 200);
    assert.equal(r.json.status, 'confirmed');
    const rows = await s.db.query('SELECT 1 FROM signatures WHERE petition_id = $1', [id]);
    assert.equal(rows.length, 0);
    assert.equal((await get(id)).signatureCount, 0);
    assert.equal(s.outbox!.last(email), undefined, 'no mail');
  });

  it('a closed petition (closed, or past closesAt) refuses signatures with 409 closed', async () => {
    const past = await createPetition(s, { closesAt: new Date(Date.now() - 60_000).toISOString() });
    assert.equal((await get(past)).status, 'closed');
    const r = await sign(past, {});
    assert.equal(r.status, 409);
    assert.equal(r.json.error.kind, 'closed');

    const id = await createPetition(s);
    const email = uniqueEmail();
    await sign(id, { email });
    const closed = await s.call('POST', `/api/admin/petitions/${id}/close`, undefined, { authorization: 'Bearer test-admin-token-0123456789' });
    assert.equal(closed.status, 200);
    assert.equal((await sign(id, {})).status, 409);
    const confirm = await s.call('POST', '/api/signatures/confirm', { token: tokenFrom(mailTo(email).text, 'confirm') });
    assert.equal(confirm.status, 409, 'a closed petition takes no confirmations either');
    assert.equal(confirm.json.error.kind, 'closed');
  });

  it('100 concurrent distinct signatures count exactly 100', async () => {
    const id = await createPetition(s, { doubleOptIn: false });
    const results = await Promise.all(Array.from({ length: 100 }, () => sign(id, {})));
    assert.deepEqual([...new Set(results.map((r) => r.status))], [200]);
    assert.ok(results.every((r) => r.json.status === 'confirmed'));
    assert.equal((await get(id)).signatureCount, 100);
    // Concurrent signers add to different slots of the count (no queue on one row): each answer counts
    // its own signature and those committed before it, so two may tell the same number, none a wrong one.
    const counts = results.map((r) => r.json.signatureCount as number);
    assert.ok(counts.every((n) => n >= 1 && n <= 100), `answers within 1..100: ${counts.join(' ')}`);
    const [row] = await s.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM signatures WHERE petition_id = $1 AND status = 'confirmed'`, [id]);
    assert.equal(row?.n, 100);
  });

  it('a burst of signatures is announced in few NOTIFYs, each after its commits: the last one reads the final count', async () => {
    const id = await createPetition(s, { doubleOptIn: false });
    // What another process does on a NOTIFY: read the petition again.
    const reads: Promise<number>[] = [];
    const stop = await s.db.listen(CHANNEL, (payload) => {
      if (payload && (JSON.parse(payload) as { topic?: string }).topic === `petition:${id}`) reads.push(signatureCount(s.db, id));
    });
    try {
      const started = Date.now();
      const results = await Promise.all(Array.from({ length: 60 }, () => sign(id, {})));
      assert.deepEqual([...new Set(results.map((r) => r.json.status))], ['confirmed']);
      // The last changes are announced at the end of a window at most: wait for it (not for longer).
      const deadline = Date.now() + 10_000;
      while (!(reads.length && (await reads.at(-1)) === 60) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      const elapsed = Date.now() - started;
      assert.equal(await reads.at(-1), 60, 'the last NOTIFY came after the last commit');
      assert.ok(reads.length <= Math.ceil(elapsed / COALESCE_MS) + 1, `${reads.length} NOTIFYs in ${elapsed} ms: at most one per ${COALESCE_MS} ms`);
      await new Promise((r) => setTimeout(r, 2 * COALESCE_MS));
      assert.equal(await reads.at(-1), 60, 'nothing announced once the burst is over');
    } finally {
      await stop();
    }
  });

  it('the count in slots: signing, confirming and withdrawing add to them; a recount folds them back, exactly', async () => {
    const id = await createPetition(s, { doubleOptIn: false });
    await Promise.all(Array.from({ length: 30 }, () => sign(id, {})));
    const pending = await createPetition(s);
    const email = uniqueEmail();
    await sign(pending, { email });
    await s.call('POST', '/api/signatures/confirm', { token: tokenFrom(mailTo(email).text, 'confirm') });
    const leaving = uniqueEmail();
    assert.equal((await sign(id, { email: leaving })).json.status, 'confirmed');
    const w = await s.call('POST', '/api/signatures/withdraw', { token: tokenFrom(mailTo(leaving).text, 'withdraw') });
    assert.equal(w.status, 200, w.text);
    const slots = async (petition: string) =>
      (await s.db.query<{ n: number }>('SELECT count(*)::int AS n FROM petition_count_slots WHERE petition_id = $1', [petition]))[0]!.n;
    assert.ok((await slots(id)) >= 1);
    assert.deepEqual([(await get(id)).signatureCount, (await get(pending)).signatureCount], [30, 1]);
    await s.db.transaction((tx) => recount(tx, id));
    assert.equal(await slots(id), 0, 'folded into the row');
    const [row] = await s.db.query<{ signature_count: number }>('SELECT signature_count FROM petitions WHERE id = $1', [id]);
    assert.equal(row!.signature_count, 30);
    assert.equal((await get(id)).signatureCount, 30);
  });

  it('20 concurrent submissions with one email count once', async () => {
    const id = await createPetition(s, { doubleOptIn: false });
    const email = uniqueEmail();
    const results = await Promise.all(Array.from({ length: 20 }, () => sign(id, { email })));
    const statuses = results.map((r) => r.json.status as string).sort();
    assert.equal(statuses.filter((x) => x === 'confirmed').length, 1);
    assert.equal(statuses.filter((x) => x === 'already-signed').length, 19);
    assert.equal((await get(id)).signatureCount, 1);
    assert.equal(s.outbox!.mails.filter((m) => m.to === email).length, 1, 'one mail');
  });

  it('20 concurrent replays of one Idempotency-Key count once and all answer the first result', async () => {
    const id = await createPetition(s, { doubleOptIn: false });
    const headers = key();
    const email = uniqueEmail();
    const results = await Promise.all(Array.from({ length: 20 }, () => sign(id, { email }, headers)));
    for (const r of results) assert.deepEqual(r.json, { status: 'confirmed', signatureCount: 1 });
  });

  it('links in mails never point where a Host header says (no PUBLIC_URL: localhost)', async () => {
    const id = await createPetition(s);
    const email = uniqueEmail();
    // fetch will not send another Host: node:http will.
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const u = new URL(`${s.url}/api/petitions/${id}/signatures`);
      const req = request(u, { method: 'POST', headers: { ...key(), host: 'evil.example', 'content-type': 'application/json' } }, (res) => {
        res.resume();
        resolve(res.statusCode);
      });
      req.on('error', reject);
      req.end(JSON.stringify({ name: 'Hôte', email }));
    });
    assert.equal(status, 200);
    const link = /https?:\/\/[^/\s]+\/petitions\/confirm\?token=/.exec(mailTo(email).text)?.[0] ?? '';
    assert.equal(new URL(link).hostname, 'localhost');
  });

  it('a pending signer who signs again later gets a fresh confirmation mail', async () => {
    const id = await createPetition(s);
    const email = uniqueEmail();
    await sign(id, { email });
    const firstToken = tokenFrom(mailTo(email).text, 'confirm');
    assert.equal((await sign(id, { email })).json.status, 'already-signed');
    assert.equal(s.outbox!.mails.filter((m) => m.to === email).length, 1, 'not within 10 minutes');
    await s.db.query(`UPDATE signatures SET mailed_at = now() - interval '1 hour' WHERE email = $1`, [email]);
    assert.equal((await sign(id, { email })).json.status, 'already-signed');
    const mails = s.outbox!.mails.filter((m) => m.to === email);
    assert.equal(mails.length, 2);
    const fresh = tokenFrom(mails[1]!.text, 'confirm');
    assert.notEqual(fresh, firstToken);
    assert.equal((await s.call('POST', '/api/signatures/confirm', { token: firstToken })).status, 404, 'the old link is replaced');
    assert.equal((await s.call('POST', '/api/signatures/confirm', { token: fresh })).json.signatureCount, 1);
  });

  it('the event stream sends the state on connect, then an event after a confirmation and after a withdrawal', async () => {
    const id = await createPetition(s, { goal: 10 });
    const events = await EventReader.open(`${s.url}/api/petitions/${id}/events`);
    try {
      assert.equal(events.status, 200);
      assert.match(events.contentType, /^text\/event-stream/);
      const initial = PetitionEvent.parse(await events.next());
      assert.deepEqual(initial, { type: 'petition', signatureCount: 0, goal: 10, status: 'open', recentSigners: [] });
      const email = uniqueEmail();
      await sign(id, { email, name: 'Luc Côté', city: 'Lévis', showName: true });
      await s.call('POST', '/api/signatures/confirm', { token: tokenFrom(mailTo(email).text, 'confirm') });
      const confirmed = PetitionEvent.parse(await events.next());
      assert.equal(confirmed.signatureCount, 1, 'the pending signature sent no event; the confirmation did');
      assert.deepEqual(confirmed.recentSigners.map((r) => [r.name, r.city]), [['Luc C.', 'Lévis']]);
      await s.call('POST', '/api/signatures/withdraw', { token: tokenFrom(mailTo(email).text, 'withdraw') });
      const withdrawn = PetitionEvent.parse(await events.next());
      assert.equal(withdrawn.signatureCount, 0);
      assert.deepEqual(withdrawn.recentSigners, []);
      await events.heartbeat();
      assert.ok(events.comments >= 1, 'a heartbeat comment keeps the stream open');
    } finally {
      events.close();
    }
  });

  it('the event stream of an unknown petition is a 404 JSON error', async () => {
    const r = await s.call('GET', '/api/petitions/nobody-here/events');
    assert.equal(r.status, 404);
    assert.equal(r.json.error.kind, 'not-found');
  });
});

/** The admin routes: the token, create, update, close, the CSV export. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { admin, call, EventReader, key, serverSuites, uniqueEmail } from '../helpers.js';
import { createPetition } from '../fixtures.js';
import { Petition, PetitionEvent } from '../../../src/api/petition.js';
import { csvCell } from '../../../server/csv.js';
import { startServer } from '../../../server/serve.js';

await serverSuites('admin', {}, (s) => {
  it('every admin route refuses a missing or wrong token with 401 unauthorized', async () => {
    const id = await createPetition(s);
    const routes: [string, string, unknown][] = [
      ['POST', '/api/admin/petitions', { id: 'new-one', title: 'T', summary: '', goal: 5 }],
      ['PATCH', `/api/admin/petitions/${id}`, { goal: 5 }],
      ['POST', `/api/admin/petitions/${id}/close`, undefined],
      ['GET', `/api/admin/petitions/${id}/signatures.csv`, undefined],
    ];
    for (const [method, path, body] of routes) {
      for (const headers of [{} as Record<string, string>, { authorization: 'Bearer wrong' }, { authorization: 'test-admin-token-0123456789' }, { authorization: 'Bearer test-admin-token-012345678' }]) {
        const r = await s.call(method, path, body, headers);
        assert.equal(r.status, 401, `${method} ${path} with ${JSON.stringify(headers)}`);
        assert.equal(r.json.error.kind, 'unauthorized');
        assert.equal(r.headers.get('www-authenticate'), 'Bearer');
        assert.ok(!r.text.includes('name,email'), 'no CSV');
      }
    }
    const p = Petition.parse((await s.call('GET', `/api/petitions/${id}`)).json);
    assert.equal(p.status, 'open', 'nothing changed');
    assert.equal(p.goal, 100);
  });

  it('guessing the token: past a burst of 30 wrong tokens a client gets 429 with Retry-After; the right token still works', async () => {
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 40 && !statuses.includes(429); i++) {
      last = await s.call('GET', '/api/admin/blocks', undefined, { authorization: `Bearer guess-${i}` });
      statuses.push(last.status);
    }
    assert.ok(statuses.length > 1 && statuses.slice(0, -1).every((x) => x === 401), statuses.join());
    assert.equal(last!.status, 429);
    assert.equal(last!.json.error.kind, 'rate-limited');
    assert.ok(Number(last!.headers.get('retry-after')) >= 1);
    assert.equal((await s.call('GET', '/api/admin/blocks', undefined, admin)).status, 200);
  });

  it('create answers 201 with the petition and its Location; the same id again is 409 conflict', async () => {
    const body = { id: 'plan-test', title: '  Un titre  ', summary: 'Résumé', goal: 250, url: 'https://example.org/p', locale: 'en', doubleOptIn: false, closesAt: '2030-01-01T12:00:00-05:00' };
    const r = await s.call('POST', '/api/admin/petitions', body, admin);
    assert.equal(r.status, 201, r.text);
    const p = Petition.parse(r.json);
    assert.equal(p.title, 'Un titre', 'trimmed by the schema');
    assert.equal(p.closesAt, '2030-01-01T17:00:00.000Z', 'UTC on the wire');
    assert.deepEqual([p.goal, p.url, p.locale, p.doubleOptIn, p.signatureCount], [250, 'https://example.org/p', 'en', false, 0]);
    assert.match(r.headers.get('location') ?? '', /\/api\/petitions\/plan-test$/);
    const again = await s.call('POST', '/api/admin/petitions', { ...body, title: 'Autre' }, admin);
    assert.equal(again.status, 409);
    assert.equal(again.json.error.kind, 'conflict');
    assert.equal(Petition.parse((await s.call('GET', '/api/petitions/plan-test')).json).title, 'Un titre');
  });

  it('update changes only the given fields and tells the event stream', async () => {
    const id = await createPetition(s, { title: 'Avant', goal: 100 });
    const events = await EventReader.open(`${s.url}/api/petitions/${id}/events`);
    try {
      assert.equal((await events.next()).goal, 100);
      const r = await s.call('PATCH', `/api/admin/petitions/${id}`, { goal: 1000, closesAt: null }, admin);
      assert.equal(r.status, 200, r.text);
      const p = Petition.parse(r.json);
      assert.deepEqual([p.title, p.goal, p.closesAt], ['Avant', 1000, null]);
      assert.ok(p.updatedAt >= p.createdAt);
      assert.equal(PetitionEvent.parse(await events.next()).goal, 1000);
      const empty = await s.call('PATCH', `/api/admin/petitions/${id}`, {}, admin);
      assert.equal(empty.status, 200, 'an empty change is allowed');
    } finally {
      events.close();
    }
  });

  it('close answers the closed petition and tells the event stream', async () => {
    const id = await createPetition(s);
    const events = await EventReader.open(`${s.url}/api/petitions/${id}/events`);
    try {
      assert.equal((await events.next()).status, 'open');
      const r = await s.call('POST', `/api/admin/petitions/${id}/close`, undefined, admin);
      assert.equal(r.status, 200, r.text);
      assert.equal(Petition.parse(r.json).status, 'closed');
      assert.equal((await events.next()).status, 'closed');
    } finally {
      events.close();
    }
  });

  it('the CSV export has a header row, quotes what needs it and defuses formulas', async () => {
    const id = await createPetition(s, { doubleOptIn: false });
    const sign = (body: Record<string, unknown>) => s.call('POST', `/api/petitions/${id}/signatures`, { email: uniqueEmail(), ...body }, key());
    await sign({ name: '=HYPERLINK("http://evil.example","clic")', city: '+1 514', comment: 'dit "bonjour", puis\nsalut' });
    await sign({ name: '@SUM(A1)', city: '-2', postalCode: 'H2X 1Y4', showName: true, acceptUpdates: true });
    await sign({ name: 'Élise Normale', city: 'Québec' });
    const r = await s.call('GET', `/api/admin/petitions/${id}/signatures.csv`, undefined, admin);
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type') ?? '', /^text\/csv/);
    assert.match(r.headers.get('content-disposition') ?? '', new RegExp(`attachment; filename="${id}-signatures.csv"`));
    assert.ok(r.text.startsWith('\uFEFF'), 'a BOM for spreadsheets');
    const lines = r.text.slice(1).split('\r\n');
    assert.equal(lines[0], 'name,email,postal_code,city,comment,show_name,accept_updates,status,signed_at,confirmed_at');
    assert.ok(lines[1]!.startsWith(`"'=HYPERLINK(""http://evil.example"",""clic"")",`), lines[1]);
    assert.ok(lines[1]!.includes(`,"'+1 514","dit ""bonjour"", puis`), lines[1]);
    assert.ok(r.text.includes(`"'@SUM(A1)",`));
    assert.ok(r.text.includes(`,H2X 1Y4,"'-2",,true,true,confirmed,`));
    assert.ok(r.text.includes('Élise Normale'));
    assert.equal(lines.filter(Boolean).length, 1 + 3, 'a header and 3 rows');
  });

  it('the CSV export streams every row of a large petition', async () => {
    const id = await createPetition(s, { doubleOptIn: false });
    await s.db.query(
      `INSERT INTO signatures (petition_id, name, email, email_norm, status, result_status, result_count, withdraw_hash)
       SELECT $1, 'N' || i, 'n' || i || '@example.org', 'n' || i || '@example.org', 'confirmed', 'confirmed', 0, md5($1 || i)
         FROM generate_series(1, 2500) i`,
      [id],
    );
    const r = await call(s.url, 'GET', `/api/admin/petitions/${id}/signatures.csv`, undefined, admin);
    const rows = r.text.split('\r\n').filter(Boolean);
    assert.equal(rows.length, 2501);
    assert.deepEqual(rows.slice(1).map((l) => Number(l.split(',')[0]!.slice(1))), Array.from({ length: 2500 }, (_, i) => i + 1), 'each row once, in signing order');
  });

  it('without CIVIC_ADMIN_TOKEN every admin request is refused, whatever the header says', async () => {
    // No rate limit: on PostgreSQL the limits live in the database, where the guessing test above
    // has used up this client's wrong-token allowance.
    const bare = await startServer({ db: s.db, port: 0, host: '127.0.0.1', staticRoot: false, adminToken: undefined, rateLimit: false });
    try {
      for (const authorization of ['Bearer ', 'Bearer undefined', 'Bearer null', '']) {
        const r = await call(bare.url, 'POST', '/api/admin/petitions', { id: 'x', title: 'T', summary: '', goal: 1 }, { authorization });
        assert.equal(r.status, 401);
        assert.match(r.json.error.message, /CIVIC_ADMIN_TOKEN/);
      }
    } finally {
      await bare.close();
    }
  });

  it('csvCell: plain, quoted and defused cells', () => {
    assert.equal(csvCell('plain'), 'plain');
    assert.equal(csvCell(null), '');
    assert.equal(csvCell(true), 'true');
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('=1+1'), `"'=1+1"`);
    assert.equal(csvCell('\t=1'), `"'\t=1"`);
    assert.equal(csvCell(new Date('2026-01-02T03:04:05Z')), '2026-01-02T03:04:05.000Z');
  });
});

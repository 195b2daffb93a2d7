/**
 * Poll integrity against ballot stuffing: the per-address limit of new participants (a script with
 * fresh tokens is stopped, a participant who voted changes their vote freely, another address or
 * poll is not affected, the period frees places, only keyed hashes are stored), the proof of work
 * of a new participant's first vote, and the modes in the poll's schema and admin routes.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { admin, key, refused, serverSuites, testClock } from '../helpers.js';
import { createPoll, participantToken } from '../fixtures.js';
import { AdminPoll } from '../../../src/api/admin.js';
import { Challenge } from '../../../src/api/challenge.js';
import { Poll } from '../../../src/api/poll.js';
import { solve } from '../../../server/challenge.js';
import { addressBlock } from '../../../server/polls/integrity.js';

it('an IPv6 address counts as its /64; an IPv4 address as itself', () => {
  assert.equal(addressBlock('2001:db8:1:2:aaaa::1'), '2001:db8:1:2::/64');
  assert.equal(addressBlock('2001:db8:1:2:bbbb:cccc:dddd:eeee'), '2001:db8:1:2::/64');
  assert.equal(addressBlock('2001:db8::1'), '2001:db8:0:0::/64');
  assert.equal(addressBlock('::1'), '0:0:0:0::/64');
  assert.equal(addressBlock('203.0.113.7'), '203.0.113.7');
});

const clock = testClock();
await serverSuites('poll integrity', { trustProxy: true, now: clock.now, polls: { challenge: { difficulty: 6 } } }, (s) => {
  let net = 0;
  /** A fresh network address. */
  const address = () => `10.7.${net >> 8}.${net++ & 255}`;
  const vote = (id: string, participant: string, from: string, body: Record<string, unknown> = { options: ['oui'] }) =>
    s.call('PUT', `/api/polls/${id}/votes/${participant}`, body, { 'x-forwarded-for': from, ...key() });

  it('new polls default to address-limit (30 new participants per address an hour); the mode is in the schema and admin routes', async () => {
    const id = await createPoll(s);
    const pub = await s.call('GET', `/api/polls/${id}`);
    assert.equal(Poll.parse(pub.json).challenge, false);
    assert.deepEqual(['integrity', 'addressLimit', 'addressPeriodMinutes'].filter((k) => k in pub.json), [], 'readers are not told the mode and limit');
    const changed = await s.call('PATCH', `/api/admin/polls/${id}`, { integrity: 'proof-of-work', addressLimit: 5, addressPeriodMinutes: 10 }, admin);
    assert.equal(changed.status, 200, changed.text);
    const p = AdminPoll.parse(changed.json);
    assert.deepEqual([p.integrity, p.challenge, p.addressLimit, p.addressPeriodMinutes], ['proof-of-work', true, 5, 10]);
    assert.equal(Poll.parse((await s.call('GET', `/api/polls/${id}`)).json).challenge, true, 'readers’ widgets know a challenge is asked');
    const created = await s.call('POST', '/api/admin/polls', { id: `${id}-2`, kind: 'quick', title: 'Q', voteKind: 'single', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] }, admin);
    assert.equal(created.status, 201, created.text);
    assert.deepEqual([created.json.integrity, created.json.addressLimit, created.json.addressPeriodMinutes], ['address-limit', 30, 60]);
    refused(await s.call('PATCH', `/api/admin/polls/${id}`, { integrity: 'captcha', addressLimit: 0, addressPeriodMinutes: 20_000 }, admin), 400, 'validation', ['integrity', 'addressLimit', 'addressPeriodMinutes']);
  });

  it('a script voting with fresh tokens from one address is stopped at the limit; the refusal names it and says when to retry', async () => {
    const id = await createPoll(s, { addressLimit: 3, addressPeriodMinutes: 60 });
    const from = address();
    for (let i = 0; i < 3; i++) assert.equal((await vote(id, participantToken(), from)).status, 200);
    const r = await vote(id, participantToken(), from);
    refused(r, 429, 'address-limit');
    assert.ok(r.json.error.retryAfter > 0 && r.json.error.retryAfter <= 3600, r.text);
    assert.ok(Number(r.headers.get('retry-after')) > 0);
    const results = await s.call('GET', `/api/polls/${id}/results`);
    assert.equal(results.json.participantCount, 3, 'the fourth vote was not counted');
    // Many at once: still exactly the limit.
    const other = await createPoll(s, { addressLimit: 5 });
    const burst = address();
    const answers = await Promise.all(Array.from({ length: 12 }, () => vote(other, participantToken(), burst)));
    assert.deepEqual(answers.map((a) => a.status).sort(), [...Array(5).fill(200), ...Array(7).fill(429)]);
  });

  it('a participant who voted changes and withdraws their vote past the limit; other addresses and polls are not affected', async () => {
    const id = await createPoll(s, { addressLimit: 2 });
    const from = address();
    const me = participantToken();
    assert.equal((await vote(id, me, from)).status, 200);
    assert.equal((await vote(id, participantToken(), from)).status, 200);
    refused(await vote(id, participantToken(), from), 429, 'address-limit');
    assert.equal((await vote(id, me, from, { options: ['non'] })).status, 200, 'a change is no new participant');
    const gone = await s.call('DELETE', `/api/polls/${id}/votes/${me}`, undefined, { 'x-forwarded-for': from, ...key() });
    assert.equal(gone.status, 200, gone.text);
    assert.equal((await vote(id, participantToken(), address())).status, 200, 'another address');
    const elsewhere = await createPoll(s, { addressLimit: 2 });
    assert.equal((await vote(elsewhere, participantToken(), from)).status, 200, 'another poll');
  });

  it('a refused vote takes no place; the next period frees them; open polls have no limit', async () => {
    const id = await createPoll(s, { addressLimit: 1, addressPeriodMinutes: 5 });
    const from = address();
    assert.equal((await vote(id, participantToken(), from, { options: ['peut-etre'] })).status, 400);
    assert.equal((await vote(id, participantToken(), from)).status, 200, 'the invalid vote took no place');
    refused(await vote(id, participantToken(), from), 429, 'address-limit');
    clock.advance(5 * 60_000);
    assert.equal((await vote(id, participantToken(), from)).status, 200, 'a new period');
    const open = await createPoll(s, { integrity: 'open', addressLimit: 1 });
    for (let i = 0; i < 4; i++) assert.equal((await vote(open, participantToken(), from)).status, 200);
  });

  it('only a keyed hash of the address is stored, different in each poll', async () => {
    const a = await createPoll(s);
    const b = await createPoll(s);
    const from = address();
    await vote(a, participantToken(), from);
    await vote(b, participantToken(), from);
    const rows = await s.db.query<{ poll_id: string; address_hash: string }>('SELECT poll_id, address_hash FROM poll_address_voters WHERE poll_id = ANY($1::text[]) ORDER BY poll_id', [[a, b]]);
    assert.equal(rows.length, 2);
    for (const r of rows) assert.ok(!r.address_hash.includes(from) && !r.address_hash.includes('10.7'), r.address_hash);
    assert.notEqual(rows[0]!.address_hash, rows[1]!.address_hash);
    const dump = JSON.stringify(await s.db.query('SELECT * FROM poll_address_voters'));
    assert.ok(!dump.includes(from), 'no raw address anywhere in the table');
  });

  it('proof of work: a new participant’s first vote needs a solved challenge, used once, of this poll; later votes do not', async () => {
    const id = await createPoll(s, { integrity: 'proof-of-work' });
    const from = address();
    const me = participantToken();
    refused(await vote(id, me, from), 400, 'validation', ['challenge']);
    const c = Challenge.parse((await s.call('GET', `/api/polls/${id}/challenge`)).json);
    assert.equal(c.difficulty, 6);
    refused(await vote(id, me, from, { options: ['oui'], challenge: `${c.prefix}x` }), 400, 'validation', ['challenge']);
    const solution = solve(c);
    assert.equal((await vote(id, me, from, { options: ['oui'], challenge: solution })).status, 200);
    refused(await vote(id, participantToken(), from, { options: ['oui'], challenge: solution }), 400, 'validation', ['challenge']);
    assert.equal((await vote(id, me, from, { options: ['non'] })).status, 200, 'a change needs none');
    // A challenge of another poll, or of a comment thread, is refused.
    const other = await createPoll(s, { integrity: 'proof-of-work' });
    const theirs = solve(Challenge.parse((await s.call('GET', `/api/polls/${other}/challenge`)).json));
    refused(await vote(id, participantToken(), from, { options: ['oui'], challenge: theirs }), 400, 'validation', ['challenge']);
    refused(await s.call('GET', '/api/polls/no-such-poll/challenge'), 404, 'not-found');
  });

  it('proof of work and the limit together: a solved challenge does not pass the limit', async () => {
    const id = await createPoll(s, { integrity: 'proof-of-work', addressLimit: 1 });
    const from = address();
    const first = solve(Challenge.parse((await s.call('GET', `/api/polls/${id}/challenge`)).json));
    assert.equal((await vote(id, participantToken(), from, { options: ['oui'], challenge: first })).status, 200);
    const second = solve(Challenge.parse((await s.call('GET', `/api/polls/${id}/challenge`)).json));
    refused(await vote(id, participantToken(), from, { options: ['oui'], challenge: second }), 429, 'address-limit');
    assert.equal((await vote(id, participantToken(), address(), { options: ['oui'], challenge: second })).status, 200, 'the refused vote did not spend its challenge');
  });
});

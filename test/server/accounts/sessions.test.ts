/** Signing in by mailed link, sessions (cookie, expiry, revocation, sign-out), and cookie writes from other origins. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { Me, SessionList } from '../../../src/api/accounts.js';
import { admin, refused, serverSuites, testClock, uniqueEmail } from '../helpers.js';
import { cookieOf, createAccount, linkToken, signIn, signedIn } from './helpers.js';

const clock = testClock();
const HOUR = 3600_000;
const many = { capacity: 10_000, refillPerSecond: 10_000 };

await serverSuites('console sessions', { now: clock.now, signInLimits: { perAddress: many, perEmail: many } }, (s) => {
  const me = (cookie: string) => s.call('GET', '/api/auth/me', undefined, { cookie });

  it('a mailed link signs in once: an HttpOnly, SameSite=Strict cookie; me answers the account and its role', async () => {
    const { email, accountId } = await createAccount(s, 'editor');
    const asked = await s.call('POST', '/api/auth/sign-in', { email, locale: 'fr' });
    assert.equal(asked.status, 202, asked.text);
    const mail = s.outbox!.last(email)!;
    assert.match(mail.subject, /connexion/);
    const token = linkToken(s, email);
    // The link's page shows a button (a scanner opening it signs no one in); the button posts.
    const page = await fetch(`${s.url}/admin/sign-in?token=${token}`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<form method="post" action="\/admin\/sign-in">/);
    // The form's POST must carry this site's Origin (a browser sends `null` under no-referrer).
    assert.equal(page.headers.get('referrer-policy'), 'same-origin');
    assert.equal((await fetch(`${s.url}/admin/sign-in`, { method: 'POST', headers: { origin: 'null', 'content-type': 'application/x-www-form-urlencoded' }, body: `token=${token}` })).status, 400);
    const r = await s.call('POST', '/api/auth/sign-in/link', { token }, { origin: s.url });
    assert.equal(r.status, 200, r.text);
    const set = r.headers.get('set-cookie') ?? '';
    assert.match(set, /^civic_session=[\w-]{43};/);
    assert.match(set, /HttpOnly/i);
    assert.match(set, /SameSite=Strict/i);
    assert.match(set, /Path=\//);
    const who = Me.parse(r.json);
    assert.equal(who.via, 'session');
    assert.equal(who.role, 'editor');
    assert.equal(who.account?.id, accountId);
    assert.equal(Me.parse((await me(cookieOf(r))).json).account?.email, email);
    refused(await s.call('POST', '/api/auth/sign-in/link', { token }, { origin: s.url }), 404, 'not-found', ['token']);
    assert.equal((await fetch(`${s.url}/admin/sign-in?token=${token}`)).status, 404, 'a used link shows that it is used');
  });

  it('an email without an account gets the same answer, and no mail', async () => {
    const email = uniqueEmail('nobody');
    const r = await s.call('POST', '/api/auth/sign-in', { email });
    assert.equal(r.status, 202);
    assert.deepEqual(r.json, { status: 'sent' });
    assert.equal(s.outbox!.last(email), undefined);
    refused(await s.call('POST', '/api/auth/sign-in', { email: 'not an email' }), 400, 'validation', ['email']);
  });

  it('a link expires after 15 minutes', async () => {
    const { email } = await createAccount(s, 'moderator');
    await s.call('POST', '/api/auth/sign-in', { email });
    const token = linkToken(s, email);
    clock.advance(15 * 60_000 + 1000);
    refused(await s.call('POST', '/api/auth/sign-in/link', { token }, { origin: s.url }), 404, 'not-found', ['token']);
  });

  it('a sign-in posted from another site is refused', async () => {
    const { email } = await createAccount(s, 'moderator');
    await s.call('POST', '/api/auth/sign-in', { email });
    const token = linkToken(s, email);
    refused(await s.call('POST', '/api/auth/sign-in/link', { token }, { origin: 'https://evil.example' }), 403, 'forbidden');
    assert.equal((await s.call('POST', '/api/auth/sign-in/link', { token }, { origin: s.url })).status, 200, 'the link still works from the console');
  });

  it('a session ends 12 hours after its last use, and 30 days after sign-in whatever its use', async () => {
    const a = await signedIn(s, 'editor');
    clock.advance(11 * HOUR);
    assert.equal((await me(a.cookie)).status, 200, 'used within 12 hours');
    clock.advance(11 * HOUR);
    assert.equal((await me(a.cookie)).status, 200, 'each use moves the idle expiry');
    clock.advance(12 * HOUR + 1000);
    refused(await me(a.cookie), 401, 'unauthorized');

    const b = await signedIn(s, 'editor');
    for (let hours = 10; hours < 30 * 24; hours += 10) {
      clock.advance(10 * HOUR);
      assert.equal((await me(b.cookie)).status, 200, `${hours} h after sign-in`);
    }
    clock.advance(10 * HOUR);
    refused(await me(b.cookie), 401, 'unauthorized');
  });

  it('sessions are listed and revocable by their owner; sign-out ends this one and clears the cookie', async () => {
    const { email } = await createAccount(s, 'owner');
    const first = await signIn(s, email);
    const second = await signIn(s, email);
    const list = SessionList.parse((await s.call('GET', '/api/auth/sessions', undefined, { cookie: second })).json);
    assert.equal(list.items.length, 2);
    assert.equal(list.items.filter((x) => x.current).length, 1);
    const other = list.items.find((x) => !x.current)!;
    // Another account cannot end it.
    const stranger = await signedIn(s, 'owner');
    refused(await s.call('DELETE', `/api/auth/sessions/${other.id}`, undefined, stranger.own), 404, 'not-found');
    const after = await s.call('DELETE', `/api/auth/sessions/${other.id}`, undefined, { cookie: second, origin: s.url });
    assert.equal(after.status, 200, after.text);
    assert.equal(SessionList.parse(after.json).items.length, 1);
    refused(await me(first), 401, 'unauthorized');
    const out = await s.call('POST', '/api/auth/sign-out', undefined, { cookie: second, origin: s.url });
    assert.equal(out.status, 200, out.text);
    assert.match(out.headers.get('set-cookie') ?? '', /civic_session=;.*Max-Age=0/i);
    refused(await me(second), 401, 'unauthorized');
  });

  it('a write with a valid cookie from another origin, or with no Origin, is refused whatever its content type', async () => {
    const a = await signedIn(s, 'owner');
    const body = { id: `p-${Date.now()}`, title: 'T', summary: 'S', goal: 10 };
    for (const headers of <Record<string, string>[]>[
      { cookie: a.cookie, origin: 'https://evil.example' },
      { cookie: a.cookie, origin: 'https://evil.example', 'content-type': 'text/plain' },
      { cookie: a.cookie, origin: 'null' },
      { cookie: a.cookie },
    ]) {
      refused(await s.call('POST', '/api/admin/petitions', JSON.stringify(body), headers), 403, 'forbidden');
    }
    assert.equal((await s.call('GET', '/api/admin/petitions', undefined, { cookie: a.cookie, origin: 'https://evil.example' })).status, 200, 'reads are not writes');
    const made = await s.call('POST', '/api/admin/petitions', body, a.own);
    assert.equal(made.status, 201, made.text);
  });

  it('no cookie and no token: 401; a wrong cookie is no session; the bearer token acts as an owner', async () => {
    refused(await s.call('GET', '/api/admin/petitions'), 401, 'unauthorized');
    refused(await me('civic_session=' + 'x'.repeat(43)), 401, 'unauthorized');
    const r = await s.call('GET', '/api/auth/me', undefined, admin);
    assert.deepEqual(Me.parse(r.json), { via: 'token', role: 'owner', account: null, session: null });
  });
});

await serverSuites('console sign-in limits', { signInLimits: { perAddress: { capacity: 3, refillPerSecond: 1e-6 }, perEmail: { capacity: 1, refillPerSecond: 1e-6 } } }, (s) => {
  it('links mailed per email are limited (the same answer, no mail); requests per address get 429', async () => {
    const { email } = await createAccount(s, 'editor');
    assert.equal((await s.call('POST', '/api/auth/sign-in', { email })).status, 202);
    assert.equal((await s.call('POST', '/api/auth/sign-in', { email })).status, 202);
    assert.equal(s.outbox!.mails.filter((m) => m.to === email).length, 1, 'one mail only');
    assert.equal((await s.call('POST', '/api/auth/sign-in', { email: uniqueEmail() })).status, 202);
    refused(await s.call('POST', '/api/auth/sign-in', { email: uniqueEmail() }), 429, 'rate-limited');
  });
});

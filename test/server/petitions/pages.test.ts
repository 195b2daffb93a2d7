/**
 * The pages behind the links in petition mails (GET shows a button, POST acts), the development
 * outbox that shows those mails, and the demo's petitions.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { Petition } from '../../../src/api/petition.js';
import { loadDemo } from '../../../server/demo.js';
import { admin, key, serverSuites, tokenFrom, uniqueEmail } from '../helpers.js';
import { createPetition } from '../fixtures.js';

const form = (token: string) => ({ body: new URLSearchParams({ token }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });

await serverSuites('petition pages and demo', { demo: true }, (s) => {
  const signPending = async (fields: Record<string, unknown> = {}) => {
    const id = await createPetition(s, fields);
    const email = uniqueEmail();
    const r = await s.call('POST', `/api/petitions/${id}/signatures`, { name: 'Anne Lavoie', email }, key());
    assert.equal(r.json.status, 'pending');
    const text = s.outbox!.last(email)!.text;
    return { id, email, confirm: tokenFrom(text, 'confirm'), withdraw: tokenFrom(text, 'withdraw') };
  };
  const count = async (id: string) => Petition.parse((await s.call('GET', `/api/petitions/${id}`)).json).signatureCount;
  const rows = async (email: string) => s.db.query<{ status: string }>('SELECT status FROM signatures WHERE email = $1', [email]);

  it('GET /petitions/confirm shows a form and confirms nothing (mail scanners); POST confirms', async () => {
    const { id, email, confirm } = await signPending();
    for (let i = 0; i < 3; i++) {
      const page = await fetch(`${s.url}/petitions/confirm?token=${confirm}`);
      assert.equal(page.status, 200);
      const html = await page.text();
      assert.match(html, /<html lang="fr">/);
      assert.match(html, /<h1>Confirmer votre signature<\/h1>/);
      assert.match(html, /<form method="post" action="confirm">/);
      assert.match(html, new RegExp(`<input type="hidden" name="token" value="${confirm}">`));
      assert.match(html, /<button type="submit">Confirmer ma signature<\/button>/);
      assert.doesNotMatch(html, /<script/i);
      assert.equal(page.headers.get('referrer-policy'), 'no-referrer');
      assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    }
    assert.deepEqual(await rows(email), [{ status: 'pending' }]);
    assert.equal(await count(id), 0);

    const done = await fetch(`${s.url}/petitions/confirm`, { method: 'POST', ...form(confirm) });
    assert.equal(done.status, 200);
    const html = await done.text();
    assert.match(html, /Votre signature est confirmée/);
    assert.match(html, /La pétition compte 1 signature\./);
    assert.deepEqual(await rows(email), [{ status: 'confirmed' }]);
    assert.equal(await count(id), 1);
    const again = await (await fetch(`${s.url}/petitions/confirm?token=${confirm}`)).text();
    assert.match(again, /déjà confirmée/);
  });

  it('GET /petitions/withdraw withdraws nothing; POST deletes the signature', async () => {
    const { id, email, withdraw } = await signPending({ doubleOptIn: true });
    const page = await (await fetch(`${s.url}/petitions/withdraw?token=${withdraw}`)).text();
    assert.match(page, /<form method="post" action="withdraw">/);
    assert.equal((await rows(email)).length, 1);
    const done = await fetch(`${s.url}/petitions/withdraw`, { method: 'POST', ...form(withdraw) });
    assert.equal(done.status, 200);
    assert.match(await done.text(), /retirée/);
    assert.equal((await rows(email)).length, 0);
    assert.equal(await count(id), 0);
    const gone = await fetch(`${s.url}/petitions/withdraw?token=${withdraw}`);
    assert.equal(gone.status, 404);
    assert.match(await gone.text(), /n’est plus valide/);
  });

  it('pages escape the petition title, speak the petition language, and refuse bad tokens', async () => {
    const { confirm } = await signPending({ title: `<script>alert("x")</script> & 'co'`, locale: 'en' });
    const html = await (await fetch(`${s.url}/petitions/confirm?token=${confirm}`)).text();
    assert.match(html, /<html lang="en">/);
    assert.match(html, /<h1>Confirm your signature<\/h1>/);
    assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;'));
    assert.doesNotMatch(html, /<script>/);
    const missing = await fetch(`${s.url}/petitions/confirm`, { headers: { 'accept-language': 'en-CA,en;q=0.9' } });
    assert.equal(missing.status, 400);
    assert.match(await missing.text(), /<html lang="en">[\s\S]*Invalid link/);
    const unknown = await fetch(`${s.url}/petitions/withdraw?token=${'z'.repeat(43)}`);
    assert.equal(unknown.status, 404);
    assert.match(await unknown.text(), /<html lang="fr">/);
    const inject = await fetch(`${s.url}/petitions/confirm?token=${encodeURIComponent('"><img src=x onerror=alert(1)>aaaaaaaa')}`);
    assert.doesNotMatch(await inject.text(), /<img/);
  });

  it('a confirmation page on a closed petition says so and counts nothing', async () => {
    const { id, confirm } = await signPending();
    await s.call('POST', `/api/admin/petitions/${id}/close`, undefined, admin);
    const r = await fetch(`${s.url}/petitions/confirm`, { method: 'POST', ...form(confirm) });
    assert.equal(r.status, 409);
    assert.match(await r.text(), /close/);
    assert.equal(await count(id), 0);
  });

  it('/dev/mail lists mails newest first with clickable, escaped links', async () => {
    const { confirm } = await signPending({ title: 'Titre <b>gras</b>' });
    const html = await (await fetch(`${s.url}/dev/mail`)).text();
    assert.match(html, /<h1>Development outbox<\/h1>/);
    assert.ok(html.includes(`<a href="${s.url}/petitions/confirm?token=${confirm}">`));
    assert.ok(html.includes('Titre &lt;b&gt;gras&lt;/b&gt;'));
    const subjects = [...html.matchAll(/<h2>(.*?)<\/h2>/g)].map((m) => m[1]);
    assert.equal(subjects[0], 'Confirmez votre signature : Titre &lt;b&gt;gras&lt;/b&gt;', 'newest first');
  });

  it('demo content: an open petition with confirmed signers and a closed one; loading again changes nothing', async () => {
    const plan = Petition.parse((await s.call('GET', '/api/petitions/plan-numerique')).json);
    assert.equal(plan.status, 'open');
    assert.equal(plan.goal, 500);
    assert.equal(plan.doubleOptIn, true);
    assert.equal(plan.locale, 'fr');
    assert.ok(plan.signatureCount >= 18 && plan.signatureCount <= 25, `${plan.signatureCount} signatures`);
    assert.equal(plan.recentSigners.length, 10);
    assert.equal(plan.recentSigners[0]?.name, 'Marie T.');
    const months = (Date.parse(plan.closesAt!) - Date.now()) / (30 * 86_400_000);
    assert.ok(months > 2.5 && months < 3.5, `closes in ${months} months`);
    const closed = Petition.parse((await s.call('GET', '/api/petitions/acces-internet-regions')).json);
    assert.equal(closed.status, 'closed');
    assert.ok(closed.signatureCount > 0);

    const snapshot = async () => JSON.stringify(await s.db.query('SELECT p.*, (SELECT count(*)::int FROM signatures WHERE petition_id = p.id) AS n FROM petitions p WHERE p.id IN ($1, $2) ORDER BY p.id', ['plan-numerique', 'acces-internet-regions']));
    const before = await snapshot();
    assert.equal(await loadDemo(s.db), false);
    assert.equal(await snapshot(), before);
  });
}, { allowLogs: true });

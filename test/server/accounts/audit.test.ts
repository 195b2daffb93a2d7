/** The audit log: who did what, when, to which item, with the change; personal data only as ids; filters and CSV. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { AuditPage } from '../../../src/api/accounts.js';
import { admin, key, serverSuites, uniqueEmail } from '../helpers.js';
import { signedIn } from './helpers.js';

await serverSuites('the audit log', {}, (s) => {
  const log = async (query: string, headers = admin) => {
    const r = await s.call('GET', `/api/admin/audit?${query}`, undefined, headers);
    assert.equal(r.status, 200, r.text);
    return AuditPage.parse(r.json);
  };

  it('records each organiser\u2019s write with its account, action, item and change, and the token as `token`', async () => {
    const editor = await signedIn(s, 'editor');
    const id = `audit-${Date.now()}`;
    assert.equal((await s.call('POST', '/api/admin/petitions', { id, title: 'Parc', summary: 'Un parc.', goal: 50 }, editor.own)).status, 201);
    assert.equal((await s.call('PATCH', `/api/admin/petitions/${id}`, { goal: 80 }, editor.own)).status, 200);
    assert.equal((await s.call('POST', `/api/admin/petitions/${id}/close`, undefined, admin)).status, 200);
    const { items } = await log(`itemType=petition&itemId=${id}`);
    assert.deepEqual(
      items.map((e) => [e.action, e.actor.kind, e.actor.id, e.actor.role, e.item]),
      [
        ['closePetition', 'token', null, 'owner', { type: 'petition', id }],
        ['updatePetition', 'account', editor.accountId, 'editor', { type: 'petition', id }],
        ['createPetition', 'account', editor.accountId, 'editor', { type: 'petition', id }],
      ],
    );
    assert.deepEqual(items[1]!.change, { goal: 80 });
    assert.ok(Date.now() - Date.parse(items[0]!.at) < 60_000);
    // Reads leave no entry.
    await s.call('GET', `/api/admin/petitions`, undefined, editor.own);
    assert.equal((await log(`actor=${editor.accountId}`)).items.filter((e) => e.action === 'listPetitions').length, 0);
  });

  it('names signers and new accounts by id only, never by their email', async () => {
    const owner = await signedIn(s, 'owner');
    const id = `erase-${Date.now()}`;
    await s.call('POST', '/api/admin/petitions', { id, title: 'T', summary: 'S', goal: 5, doubleOptIn: false }, admin);
    const email = uniqueEmail('signer');
    assert.equal((await s.call('POST', `/api/petitions/${id}/signatures`, { name: 'Zoé Gagnon', email }, key())).status, 200);
    const signers = await s.call('GET', `/api/admin/petitions/${id}/signatures?q=${encodeURIComponent(email)}`, undefined, owner.own);
    assert.equal(signers.status, 200, signers.text);
    const signer = signers.json.items[0];
    assert.equal(signer.email, email);
    const erased = await s.call('DELETE', `/api/admin/petitions/${id}/signatures/${signer.id}`, undefined, owner.own);
    assert.equal(erased.status, 200, erased.text);
    assert.equal(erased.json.signatureCount, 0);
    const invited = uniqueEmail('invited');
    assert.equal((await s.call('POST', '/api/admin/accounts', { email: invited, name: 'Invitée', role: 'moderator' }, owner.own)).status, 201);
    const { items } = await log(`actor=${owner.accountId}`);
    const del = items.find((e) => e.action === 'deleteSigner')!;
    assert.deepEqual(del.item, { type: 'signature', id: `${id}/${signer.id}` });
    const created = items.find((e) => e.action === 'createAccount')!;
    assert.equal(created.item.type, 'account');
    assert.match(created.item.id ?? '', /^\d+$/);
    assert.deepEqual(created.change, { email: true, name: true, role: 'moderator' });
    const csv = await s.call('GET', `/api/admin/audit.csv?actor=${owner.accountId}`, undefined, owner.own);
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
    for (const text of [JSON.stringify(items), csv.text]) {
      assert.doesNotMatch(text, new RegExp(email.replace(/[.+]/g, '\\$&')));
      assert.doesNotMatch(text, new RegExp(invited.replace(/[.+]/g, '\\$&')));
    }
    assert.match(csv.text, /^\uFEFFid,at,actor_kind,actor_id,actor_role,action,item_type,item_id,change\r?\n/);
    assert.match(csv.text, /deleteSigner,signature/);
    assert.match(csv.text, /signIn,session/, 'signing in is recorded');
    // An item's id finds the entries about the items under it too: the petition's erased signature.
    const about = await log(`itemId=${id}`);
    assert.deepEqual(about.items.map((e) => [e.action, e.item.id]), [['deleteSigner', `${id}/${signer.id}`], ['createPetition', id]]);
    assert.equal((await log(`itemId=${id}&itemType=petition`)).total, 1);
    // Not a longer id that merely starts alike.
    await s.call('POST', '/api/admin/petitions', { id: `${id}-bis`, title: 'T', summary: 'S', goal: 5 }, admin);
    assert.equal((await log(`itemId=${id}`)).total, 2);
  });

  it('filters by action and by dates, newest first, in pages', async () => {
    for (let i = 0; i < 3; i++) await s.call('POST', '/api/admin/threads', { id: `t-audit-${Date.now()}-${i}`, title: 'Billet' }, admin);
    const first = await log('action=createThread&limit=2');
    assert.equal(first.items.length, 2);
    assert.ok(first.total >= 3);
    assert.ok(first.nextCursor);
    const next = await log(`action=createThread&limit=2&cursor=${first.nextCursor}`);
    assert.ok(Number(next.items[0]!.id) < Number(first.items[1]!.id));
    const today = new Date().toISOString().slice(0, 10);
    assert.ok((await log(`action=createThread&from=${today}&to=${today}`)).total >= 3);
    assert.equal((await log('action=createThread&to=2000-01-01')).total, 0);
    const bad = await s.call('GET', '/api/admin/audit?from=yesterday', undefined, admin);
    assert.equal(bad.status, 400);
    assert.equal(bad.json.error.issues[0].path, 'from');
  });
});

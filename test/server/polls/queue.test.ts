/** The moderation queue across polls: participants' proposals and arguments held, oldest first, each with its poll; moderated from it, and audited. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { AuditPage } from '../../../src/api/accounts.js';
import { PollQueue } from '../../../src/api/lists.js';
import { admin, key, refused, serverSuites } from '../helpers.js';
import { signedIn } from '../accounts/helpers.js';
import { createPoll } from '../fixtures.js';

await serverSuites('poll moderation queue', { trustProxy: true }, (s) => {
  const queue = async (headers: Record<string, string> = admin) => {
    const r = await s.call('GET', '/api/admin/queue/proposals', undefined, headers);
    assert.equal(r.status, 200, r.text);
    return PollQueue.parse(r.json);
  };

  it('lists held proposals and arguments across polls, oldest first, and forgets them once moderated', async () => {
    const consultation = (title: string) => createPoll(s, { kind: 'consultation', title, voteKind: 'agreement', options: [], allowProposals: true, moderateProposals: true });
    const [a, b] = [await consultation('Vélo en ville'), await consultation('Budget participatif')];
    const own = await s.call('POST', `/api/admin/polls/${a}/proposals`, { title: 'Des pistes', body: 'Partout.', authorName: 'La ville' }, { ...admin, ...key() });
    assert.equal(own.status, 201, own.text);
    const held = await s.call('POST', `/api/polls/${b}/proposals`, { title: 'Un parc', body: 'Au centre.', authorName: 'Ana' }, key());
    assert.equal(held.json.status, 'pending', held.text);
    const arg = await s.call('POST', `/api/polls/${a}/proposals/${own.json.id}/arguments`, { side: 'against', body: 'Trop cher.', authorName: 'Béa' }, key());
    assert.equal(arg.json.status, 'pending', arg.text);

    const mine = (q: PollQueue) => q.items.filter((i) => i.poll.id === a || i.poll.id === b);
    const before = await queue();
    assert.deepEqual(
      mine(before).map((i) => [i.kind, i.poll.title, i.proposal.title, i.argument?.body ?? null]),
      [
        ['proposal', 'Budget participatif', 'Un parc', null],
        ['argument', 'Vélo en ville', 'Des pistes', 'Trop cher.'],
      ],
    );
    assert.ok(before.total >= 2);

    const moderator = await signedIn(s, 'moderator');
    assert.equal((await queue(moderator.own)).total, before.total, 'a moderator reads it');
    const editor = await signedIn(s, 'editor');
    refused(await s.call('GET', '/api/admin/queue/proposals', undefined, editor.own), 403, 'forbidden');

    const ok = await s.call('PATCH', `/api/admin/polls/${b}/proposals/${held.json.id}`, { status: 'published' }, moderator.own);
    assert.equal(ok.status, 200, ok.text);
    const no = await s.call('PATCH', `/api/admin/polls/${a}/arguments/${arg.json.id}`, { status: 'rejected' }, moderator.own);
    assert.equal(no.status, 200, no.text);
    assert.deepEqual(mine(await queue()), []);

    const log = await s.call('GET', `/api/admin/audit?actor=${moderator.accountId}`, undefined, admin);
    assert.deepEqual(
      AuditPage.parse(log.json).items.filter((e) => e.action.startsWith('moderate')).map((e) => [e.action, e.item, e.change]),
      [
        ['moderateArgument', { type: 'argument', id: `${a}/${arg.json.id}` }, { status: 'rejected' }],
        ['moderateProposal', { type: 'proposal', id: `${b}/${held.json.id}` }, { status: 'published' }],
      ],
    );
  });
});

/**
 * Organisers' bodies are strict: a key the contract does not know is refused with 400, an issue
 * `unrecognized_keys` at its path (nested ones too), rather than dropped. Readers' bodies stay lenient.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../../src/api/common.js';
import { operations } from '../../src/api/routes.js';
import { admin, key, refused, serverSuites, type Answer } from './helpers.js';
import { createPetition, createPoll, createThread, post } from './fixtures.js';

describe('admin body schemas', () => {
  it('every admin operation with a body refuses an unknown key', () => {
    const withBody = operations.filter((o) => o.role && o.role !== 'signed-in' && o.body);
    assert.ok(withBody.length >= 13, `${withBody.length} admin bodies`);
    for (const o of withBody) {
      const r = o.body!.safeParse({ notAField: 1 });
      assert.ok(!r.success && r.error.issues.some((i) => i.code === 'unrecognized_keys'), `${o.id} takes unknown keys`);
    }
  });
});

/** The codes of the issues at each path. */
const issues = (r: Answer) => Object.fromEntries((ApiError.parse(r.json).error.issues ?? []).map((i) => [i.path, i.code]));

await serverSuites('strict admin bodies', {}, (s) => {
  it('a proposal with an id is refused, naming id, instead of getting a generated id', async () => {
    const id = await createPoll(s, { kind: 'consultation', voteKind: 'support', options: undefined });
    const r = await s.call('POST', `/api/admin/polls/${id}/proposals`, { id: 'mon-id', title: 'Titre', body: 'Texte.', authorName: 'Org' }, { ...admin, ...key() });
    refused(r, 400, 'validation', ['id']);
    assert.deepEqual(issues(r), { id: 'unrecognized_keys' });
    assert.match(r.json.error.message, /^id: unknown field id/);
    const list = await s.call('GET', `/api/polls/${id}/proposals`);
    assert.equal(list.json.total, 0, 'nothing was created');
  });

  it('a PATCH with only unknown keys is refused, naming each; a PATCH with known keys still works', async () => {
    const id = await createPetition(s);
    const r = await s.call('PATCH', `/api/admin/petitions/${id}`, { titel: 'Typo', closeAt: null }, admin);
    refused(r, 400, 'validation', ['titel', 'closeAt']);
    assert.deepEqual(issues(r), { titel: 'unrecognized_keys', closeAt: 'unrecognized_keys' });
    const ok = await s.call('PATCH', `/api/admin/petitions/${id}`, { title: 'Nouveau titre' }, admin);
    assert.equal(ok.status, 200, ok.text);
    assert.equal(ok.json.title, 'Nouveau titre');
  });

  it('unknown keys of nested objects are named at their path, beside other problems', async () => {
    const poll = await createPoll(s);
    const r = await s.call('PATCH', `/api/admin/polls/${poll}`, { options: [{ id: 'oui', label: 'Oui', colour: '#f00' }, { id: 'non', label: 'Non' }], title: '' }, admin);
    refused(r, 400, 'validation', ['options.0.colour', 'title']);
    assert.equal(issues(r)['options.0.colour'], 'unrecognized_keys');
    const thread = await createThread(s);
    refused(await s.call('PATCH', `/api/admin/threads/${thread}`, { moderation: 'pre', maxReplies: 3 }, admin), 400, 'validation', ['maxReplies']);
    refused(await s.call('POST', '/api/admin/blocks', { email: 'a@example.org', reason: 'spam' }, admin), 400, 'validation', ['reason']);
    refused(
      await s.call('POST', '/api/admin/comparisons', { id: 'cmp-x', title: 'T', scale: 3, statements: [{ id: 's1', text: 'S', theme: 'T', extra: 1 }], parties: [], positions: [] }, admin),
      400,
      'validation',
      ['statements.0.extra'],
    );
  });

  it('readers\' bodies stay lenient: an unknown key is dropped', async () => {
    const thread = await createThread(s);
    const c = await post(s, thread, { futureField: true });
    assert.equal(c.comment.status, 'published');
  });
});

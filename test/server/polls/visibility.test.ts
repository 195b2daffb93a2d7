/**
 * What each answer of a poll shows of its results, by the rules of src/domain/results.ts: a ballot's
 * `visible` says whether it shows every result; a vote's answer (a replay too) shows the subject's
 * result when the participant has a vote on it, and says the state of that vote.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Ballot, PollResults, VoteResult } from '../../../src/api/poll.js';
import { buildResults, maySee, visibleResults } from '../../../src/domain/results.js';
import { admin, key, serverSuites } from '../helpers.js';
import { createPoll, participantToken } from '../fixtures.js';

describe('visibleResults: visible means every result is shown', () => {
  const open = { status: 'open' as const, opensAt: null, closesAt: null };
  const tally = { counts: { agree: 1 }, total: 1 };
  it('a quick poll, after-vote: hidden, then all of it once voted', () => {
    const full = buildResults('q', 'single', true, new Map([['', { counts: { oui: 2 }, total: 2 }]]), [], 2);
    const before = visibleResults(full, { ...open, resultsVisibility: 'after-vote' });
    assert.deepEqual([before.visible, before.poll], [false, null]);
    const after = visibleResults(full, { ...open, resultsVisibility: 'after-vote' }, ['']);
    assert.deepEqual([after.visible, after.poll], [true, full.poll]);
    assert.equal(visibleResults(full, { ...open, resultsVisibility: 'after-close' }, ['']).visible, false);
  });
  it('votes on each proposal, after-vote: visible once every proposal has the reader\'s vote', () => {
    const full = buildResults('c', 'agreement', false, new Map([['p1', tally]]), ['p1', 'p2'], 1);
    const one = visibleResults(full, { ...open, resultsVisibility: 'after-vote' }, ['p1']);
    assert.deepEqual([one.visible, Object.keys(one.proposals)], [false, ['p1']]);
    assert.equal(visibleResults(full, { ...open, resultsVisibility: 'after-vote' }, ['p1', 'p2']).visible, true);
  });
  it('the rule for one subject', () => {
    assert.equal(maySee('always', false, false), true);
    assert.equal(maySee('after-vote', false, true), true);
    assert.equal(maySee('after-vote', false, false), false);
    assert.equal(maySee('after-close', false, true), false);
    assert.equal(maySee('after-close', true, false), true);
  });
});

await serverSuites('poll results each answer shows', {}, (s) => {
  const path = (id: string, p: string) => `/api/polls/${id}/votes/${p}`;
  const ballot = async (id: string, p: string) => {
    const r = await s.call('GET', path(id, p));
    assert.equal(r.status, 200, r.text);
    return Ballot.parse(r.json).results;
  };
  const answer = async (r: Promise<{ status: number; text: string; json: unknown }>) => {
    const a = await r;
    assert.equal(a.status, 200, a.text);
    return VoteResult.parse(a.json);
  };

  it('after-vote: the ballot of a participant who voted shows every result, and says so', async () => {
    const id = await createPoll(s, { resultsVisibility: 'after-vote' });
    const me = participantToken();
    await answer(s.call('PUT', path(id, participantToken()), { options: ['non'] }, key()));
    assert.deepEqual(await ballot(id, me), { pollId: id, visible: false, participantCount: 1, poll: null, proposals: {} }, 'before voting: the count only');
    const v = await answer(s.call('PUT', path(id, me), { options: ['oui'] }, key()));
    assert.deepEqual(v.result?.tally, { counts: { oui: 1, non: 1 }, total: 2 });
    const mine = await ballot(id, me);
    assert.equal(mine.visible, true, 'the tally shown is every result there is');
    assert.deepEqual(mine.poll?.tally, { counts: { oui: 1, non: 1 }, total: 2 });
    const others = PollResults.parse((await s.call('GET', `/api/polls/${id}/results`)).json);
    assert.deepEqual([others.visible, others.poll], [false, null], 'still hidden from those who did not vote');
  });

  it('after-vote: votes on each proposal show those voted on; visible once all are', async () => {
    const id = await createPoll(s, { kind: 'consultation', voteKind: 'support', options: undefined, resultsVisibility: 'after-vote' });
    const proposals: string[] = [];
    for (const title of ['Un', 'Deux']) {
      const r = await s.call('POST', `/api/admin/polls/${id}/proposals`, { title, body: 'Texte.', authorName: 'Organisation' }, { ...admin, ...key() });
      assert.equal(r.status, 201, r.text);
      proposals.push(r.json.id);
    }
    const me = participantToken();
    await answer(s.call('PUT', `/api/polls/${id}/proposals/${proposals[0]}/votes/${me}`, { value: 'support' }, key()));
    let r = await ballot(id, me);
    assert.deepEqual([r.visible, Object.keys(r.proposals)], [false, [proposals[0]]]);
    await answer(s.call('PUT', `/api/polls/${id}/proposals/${proposals[1]}/votes/${me}`, { value: 'support' }, key()));
    r = await ballot(id, me);
    assert.deepEqual([r.visible, Object.keys(r.proposals).sort()], [true, [...proposals].sort()]);
  });

  it('a replayed vote says what the vote is now, and shows the result only while there is one', async () => {
    const id = await createPoll(s, { resultsVisibility: 'after-vote' });
    const me = participantToken();
    const first = key();
    assert.notEqual((await answer(s.call('PUT', path(id, me), { options: ['oui'] }, first))).result, null);
    const w = await answer(s.call('DELETE', path(id, me), undefined, key()));
    assert.deepEqual([w.status, w.result], ['withdrawn', null]);
    const replay = await answer(s.call('PUT', path(id, me), { options: ['oui'] }, first));
    assert.deepEqual([replay.status, replay.result], ['withdrawn', null], 'no vote now: no result shown to a replay');
    const withdrawal = key();
    await answer(s.call('DELETE', path(id, me), undefined, withdrawal));
    await answer(s.call('PUT', path(id, me), { options: ['non'] }, key()));
    const again = await answer(s.call('DELETE', path(id, me), undefined, withdrawal));
    assert.equal(again.status, 'counted', 'the replay changed nothing: the vote stands');
    assert.deepEqual([again.result?.tally.counts['non'], again.result?.tally.total], [1, 1], 'and the participant who has a vote may see its result');
  });

  it('after-close: votes and withdrawals show no result until the close, and say what they did', async () => {
    const id = await createPoll(s, { resultsVisibility: 'after-close' });
    const me = participantToken();
    const v = await answer(s.call('PUT', path(id, me), { options: ['oui'] }, key()));
    assert.deepEqual([v.status, v.result], ['counted', null]);
    assert.deepEqual([(await ballot(id, me)).visible, (await ballot(id, me)).poll], [false, null]);
    const w = await answer(s.call('DELETE', path(id, me), undefined, key()));
    assert.deepEqual([w.status, w.participantCount, w.result], ['withdrawn', 0, null]);
    await answer(s.call('PUT', path(id, me), { options: ['non'] }, key()));
    await s.call('POST', `/api/admin/polls/${id}/close`, undefined, admin);
    const r = await ballot(id, me);
    assert.deepEqual([r.visible, r.poll?.tally.counts['non'], r.poll?.tally.total], [true, 1, 1]);
  });
});

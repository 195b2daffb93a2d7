/** The consensus scores and the vote rules: pure code, checked on cases computed by hand. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { agreement, division, wilsonLower } from '../../../src/domain/consensus.js';
import { buildResults, visibleResults } from '../../../src/domain/results.js';
import { voteValues } from '../../../src/domain/votes.js';

const close = (actual: number, expected: number, message?: string) => assert.ok(Math.abs(actual - expected) < 5e-5, `${message ?? ''} ${actual} ≉ ${expected}`);
const tally = (agree: number, mixed: number, disagree: number) => ({ counts: { agree, mixed, disagree }, total: agree + mixed + disagree });

describe('consensus scores (Wilson lower bound, z = 1.96)', () => {
  it('wilsonLower on hand-computed cases', () => {
    // No votes: nothing to be confident of.
    assert.equal(wilsonLower(0, 0), 0);
    // 1 of 1: (1 + z²/2 − z·√(z²/4)) / (1 + z²) = (1 + 1.9208 − 1.9208) / 4.8416 = 1 / 4.8416.
    close(wilsonLower(1, 1), 0.206543);
    // k = n: n / (n + z²). 3 of 3: 3 / 6.8416; 3,000 of 3,000: 3000 / 3003.8416.
    close(wilsonLower(3, 3), 0.438494);
    close(wilsonLower(3000, 3000), 0.998721);
    // 2 of 4: (0.5 + 0.4802 − 1.96·√(0.0625 + 0.060025)) / 1.9604 = 0.294132 / 1.9604.
    close(wilsonLower(2, 4), 0.150037);
    // 0 of n: 0.
    assert.equal(wilsonLower(0, 50), 0);
  });

  it('three votes do not outrank three thousand', () => {
    assert.ok(agreement(tally(3, 0, 0)) < agreement(tally(2990, 5, 5)));
    assert.ok(agreement(tally(3, 0, 0)) < agreement(tally(80, 10, 10)), '80 % of 100 beats 100 % of 3');
    close(agreement(tally(3, 0, 0)), 0.4385, 'rounded to 4 decimals');
  });

  it('mixed votes weaken agreement; division wants two large camps', () => {
    assert.ok(agreement(tally(10, 10, 0)) < agreement(tally(10, 0, 0)));
    // 2 agree, 2 disagree: 2 · min(0.150037, 0.150037).
    close(division(tally(2, 0, 2)), 0.3001);
    assert.ok(division(tally(500, 0, 500)) > division(tally(2, 0, 2)), 'an even split of many is surer');
    assert.ok(division(tally(500, 0, 500)) > division(tally(900, 0, 100)), 'an even split beats a lopsided one');
    assert.equal(division(tally(10, 5, 0)), 0, 'nobody against: no division');
    assert.equal(division({ counts: {}, total: 0 }), 0);
  });

  it('results are built from tallies, and shown as the organiser chose', () => {
    const full = buildResults('c', 'agreement', false, new Map([['p1', tally(3, 0, 1)]]), ['p1', 'p2'], 4);
    assert.deepEqual(full.proposals['p2']?.tally, { counts: {}, total: 0 }, 'a proposal without votes has a zero result');
    close(full.proposals['p1']!.agreement, 0.3006);
    const open = { status: 'open' as const, opensAt: null, closesAt: null };
    assert.deepEqual(visibleResults(full, { ...open, resultsVisibility: 'after-vote' }, ['p2']).proposals, { p2: full.proposals['p2'] });
    assert.equal(visibleResults(full, { ...open, resultsVisibility: 'after-close' }, ['p1']).visible, false);
    assert.deepEqual(visibleResults(full, { ...open, resultsVisibility: 'after-close' }, ['p1']).proposals, {});
    assert.equal(visibleResults(full, { ...open, status: 'closed', resultsVisibility: 'after-close' }).visible, true);
    const past = new Date(Date.now() - 1000).toISOString();
    assert.equal(visibleResults(full, { ...open, closesAt: past, resultsVisibility: 'after-close' }).visible, true, 'closed by its date');
  });

  it('vote rules by kind', () => {
    const options = new Set(['a', 'b', 'c']);
    assert.deepEqual(voteValues({ voteKind: 'approval', maxChoices: 2 }, options, { options: ['c', 'a'] }), ['a', 'c']);
    assert.equal((voteValues({ voteKind: 'approval', maxChoices: 2 }, options, { options: ['a', 'b', 'c'] }) as { path: string }).path, 'options');
    assert.equal((voteValues({ voteKind: 'single', maxChoices: null }, options, { options: ['a', 'x'] }) as { code: string }).code, 'too_big');
    assert.equal((voteValues({ voteKind: 'single', maxChoices: null }, options, { options: ['x'] }) as { path: string }).path, 'options.0');
    assert.deepEqual(voteValues({ voteKind: 'support', maxChoices: null }, options, { value: 'support' }), ['support']);
    assert.equal((voteValues({ voteKind: 'agreement', maxChoices: null }, options, { value: 'support' }) as { path: string }).path, 'value');
  });
});

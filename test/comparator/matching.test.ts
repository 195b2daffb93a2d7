/**
 * The matching module on cases computed by hand (the arithmetic is in the comments), for each
 * method, with weights, skips, parties that gave no answer and parties that are neutral on
 * everything. Also the share fragment and the checks of a hand-written comparison.
 */
import { comparisonProblems, type Comparison } from '../../src/api/comparison.js';
import { decodeAnswers, encodeAnswers } from '../../src/comparator/fragment.js';
import { agreement, matchParties, type Answer, type PartyMatch } from '../../src/domain/matching.js';
import { expect } from '../helpers.js';

const ids = ['s1', 's2', 's3', 's4'];
/** party id → stances on s1..s4 (undefined: no position row at all). */
const comparison = (scale: number, parties: Record<string, (number | null | undefined)[]>) => ({
  scale,
  statements: ids.map((id) => ({ id })),
  parties: Object.keys(parties).map((id) => ({ id })),
  positions: Object.entries(parties).flatMap(([partyId, stances]) =>
    stances.flatMap((stance, i) => (stance === undefined ? [] : [{ partyId, statementId: ids[i]!, stance }])),
  ),
});
const by = (ranking: PartyMatch[]) => Object.fromEntries(ranking.map((m) => [m.partyId, m]));
const pct = (ranking: PartyMatch[]) => Object.fromEntries(ranking.map((m) => [m.partyId, m.match]));

describe('matching', () => {
  // 3 points. Reader: s1 agree, s2 disagree counting double, s3 neutral, s4 skipped. Maximum 2 + 4 + 2 = 8.
  const reader: Record<string, Answer> = { s1: { stance: 1, weight: 1 }, s2: { stance: -1, weight: 2 }, s3: { stance: 0, weight: 1 }, s4: { stance: null, weight: 1 } };
  const three = comparison(3, {
    p: [1, 1, -1, 1], // s1 same 2, s2 opposite 0, s3 one side neutral 1: 3/8
    q: [0, -1, null, -1], // s1 1, s2 same 2×2 = 4, s3 no answer: 0 (zero) or as neutral 2: 5/8 or 7/8
    n: [0, 0, 0, 0], // all neutral: s1 1, s2 1×2, s3 2: 5/8
  });

  it('Wahl-O-Mat points: 2 identical, 1 one side neutral, 0 opposite; importance doubles; skips leave score and maximum', () => {
    const r = matchParties(three, reader, 'wahl-o-mat', 'zero');
    expect(pct(r)).to.deep.equal({ p: 37.5, q: 62.5, n: 62.5 });
    expect(r.map((m) => m.partyId)).to.deep.equal(['q', 'n', 'p'], 'best first; a tie keeps the comparison’s order');
    const p = by(r)['p']!;
    expect([p.points, p.max, p.answered, p.covered]).to.deep.equal([3, 8, 3, 3]);
    expect(p.statements.map((s) => [s.statementId, s.reader, s.party, s.weight, s.points, s.max, s.added])).to.deep.equal([
      ['s1', 1, 1, 1, 2, 2, 25],
      ['s2', -1, 1, 2, 0, 4, 0],
      ['s3', 0, -1, 1, 1, 2, 12.5],
    ]);
    expect(p.statements.reduce((sum, s) => sum + s.added, 0)).to.equal(p.match, 'what each statement added sums to the match');
  });

  it('a missing party answer counts 0 points, or as neutral, as the organiser chose; it is never covered', () => {
    const zero = by(matchParties(three, reader, 'wahl-o-mat', 'zero'))['q']!;
    expect([zero.match, zero.covered, zero.answered]).to.deep.equal([62.5, 2, 3]);
    expect(zero.statements[2]).to.include({ party: null, points: 0, max: 2 });
    const neutral = by(matchParties(three, reader, 'wahl-o-mat', 'neutral'))['q']!;
    expect([neutral.match, neutral.covered]).to.deep.equal([87.5, 2]);
    expect(neutral.statements[2]).to.include({ party: null, points: 2 });
  });

  it('a position row that is missing altogether is "no answer" too', () => {
    const c = comparison(3, { q: [0, -1, undefined, -1] });
    expect(by(matchParties(c, reader, 'wahl-o-mat', 'zero'))['q']).to.include({ match: 62.5, covered: 2 });
  });

  it('city-block equals Wahl-O-Mat on a 3-point scale', () => {
    expect(pct(matchParties(three, reader, 'city-block', 'zero'))).to.deep.equal({ p: 37.5, q: 62.5, n: 62.5 });
  });

  it('hybrid on 3 points: agree and disagree as the ends of the 5-point table', () => {
    // p: s1 (1,1) 2; s2 (-1,1) ends 0; s3 (0,-1) ½: 2.5/8.
    // q: s1 (1,0) ½; s2 (-1,-1) 2×2 = 4; s3 none: 0, or (0,0) 2: 4.5/8 or 6.5/8.
    // n: s1 ½; s2 ½×2 = 1; s3 (0,0) 2: 3.5/8.
    expect(pct(matchParties(three, reader, 'hybrid', 'zero'))).to.deep.equal({ q: 56.25, n: 43.75, p: 31.25 });
    expect(by(matchParties(three, reader, 'hybrid', 'neutral'))['q']!.match).to.equal(81.25);
  });

  // 5 points. Reader: s1 +2, s2 +1 counting double, s3 -2 (s4 unanswered). Maximum 8.
  const reader5: Record<string, Answer> = { s1: { stance: 2, weight: 1 }, s2: { stance: 1, weight: 2 }, s3: { stance: -2, weight: 1 } };
  const five = comparison(5, { r: [1, 2, 1, 2], s: [0, 0, 0, 0], t: [2, 2, -2, null] });

  it('5 points, Wahl-O-Mat: only the direction counts', () => {
    // r: s1 2, s2 4, s3 0 = 6/8; s (all neutral): 1 + 2 + 1 = 4/8; t: 2 + 4 + 2 = 8/8.
    expect(pct(matchParties(five, reader5, 'wahl-o-mat', 'zero'))).to.deep.equal({ t: 100, r: 75, s: 50 });
  });

  it('5 points, city-block: 2 points minus half a point per step of distance', () => {
    // r: s1 d1 1.5, s2 d1 1.5×2 = 3, s3 d3 0.5 = 5/8; s: d2 1, d1 3, d2 1 = 5/8; t: 2 + 3 + 2 = 7/8.
    const r = matchParties(five, reader5, 'city-block', 'zero');
    expect(pct(r)).to.deep.equal({ t: 87.5, r: 62.5, s: 62.5 });
    expect(by(r)['r']!.statements.map((s) => s.points)).to.deep.equal([1.5, 3, 0.5]);
  });

  it('5 points, hybrid: Mendez\'s published table', () => {
    // r: s1 (2,1) 1.5; s2 (1,2) 1.5×2 = 3; s3 (-2,1) ½: 5/8. s: ½ + ½×2 + ½ = 2/8. t: 2 + 1.5×2 + 2 = 7/8.
    expect(pct(matchParties(five, reader5, 'hybrid', 'zero'))).to.deep.equal({ t: 87.5, r: 62.5, s: 25 });
    // The table as Mendez (2012) published it and OpenElectionCompass applies it: rows the reader's
    // stance, columns the party's, from strongly agree to strongly disagree; points out of 2.
    const published = [
      [2.0, 1.5, 0.5, 0.5, 0.0],
      [1.5, 2.0, 0.5, 0.5, 0.5],
      [0.5, 0.5, 2.0, 0.5, 0.5],
      [0.5, 0.5, 0.5, 2.0, 1.5],
      [0.0, 0.5, 0.5, 1.5, 2.0],
    ];
    const stances = [2, 1, 0, -1, -2];
    expect(stances.map((r) => stances.map((p) => 2 * agreement('hybrid', r, p, 2)))).to.deep.equal(published);
    // agree/agree 2 (not 1.625), strongly agree/neutral ½ (not 1).
    expect(2 * agreement('hybrid', 1, 1, 2)).to.equal(2);
    expect(2 * agreement('hybrid', 2, 0, 2)).to.equal(0.5);
  });

  it('nothing answered: no match (null) for anyone, and the order stays', () => {
    const r = matchParties(three, { s1: { stance: null, weight: 2 } }, 'wahl-o-mat', 'zero');
    expect(r.map((m) => [m.partyId, m.match, m.max, m.answered])).to.deep.equal([
      ['p', null, 0, 0],
      ['q', null, 0, 0],
      ['n', null, 0, 0],
    ]);
  });

  it('shares answers in a fragment: one letter per statement, upper case counts double, - skipped', () => {
    const hash = encodeAnswers('quebec-2012', ids, reader);
    expect(hash).to.equal('#civic:quebec-2012=dBc');
    expect(decodeAnswers(hash, 'quebec-2012', ids, 1)).to.deep.equal({ s1: { stance: 1, weight: 1 }, s2: { stance: -1, weight: 2 }, s3: { stance: 0, weight: 1 } });
    expect(encodeAnswers('x', ids, { s2: { stance: 2, weight: 1 } })).to.equal('#civic:x=-e');
    expect(decodeAnswers('#civic:x=-e', 'x', ids, 2)).to.deep.equal({ s2: { stance: 2, weight: 1 } });
    for (const bad of ['#civic:x=e', '#civic:x=dddddd', '#civic:x=z', '#civic:y=d', '#top', '']) expect(decodeAnswers(bad, 'x', ids, 1), bad).to.equal(undefined);
  });

  it('finds what a hand-written comparison gets wrong, naming each path', () => {
    const c: Comparison = {
      id: 'c',
      title: 'T',
      scale: 3,
      method: 'euclid' as never,
      statements: [{ id: 's1', text: 'A', theme: 'x' }, { id: 's1', text: 'B', theme: 'x' }],
      parties: [{ id: 'p', name: 'P', shortName: 'P', colour: 'red', logoUrl: 'javascript:alert(1)' }],
      positions: [
        { partyId: 'p', statementId: 's1', stance: 2, sourceDate: '2012-02-30', sourceUrl: 'ftp://x' },
        { partyId: 'zz', statementId: 's9', stance: 0.5 },
        { partyId: 'p', statementId: 's1', stance: null },
      ],
    };
    expect(comparisonProblems(c).map((i) => i.path)).to.deep.equal([
      'method',
      'statements.1.id',
      'parties.0.colour',
      'parties.0.logoUrl',
      'positions.0.stance',
      'positions.0.sourceUrl',
      'positions.0.sourceDate',
      'positions.1.partyId',
      'positions.1.statementId',
      'positions.1.stance',
      'positions.2.statementId',
    ]);
    expect(comparisonProblems({ ...c, scale: 4, method: 'hybrid', statements: [c.statements[0]!], parties: [], positions: [] }).map((i) => i.path)).to.deep.equal(['scale']);
  });
});

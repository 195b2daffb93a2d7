/**
 * How a reader's answers match each party's positions. Pure: no DOM, no I/O, nothing sent anywhere.
 *
 * Every method gives each statement the reader answered an agreement from 0 to 1, shown as points
 * out of 2 (Wahl-O-Mat's unit), times the statement's weight (2 when the reader marked it as more
 * important). A party's match is its points over the most it could have had, in percent. Skipped
 * statements count neither in the points nor in the maximum. Stances run from -h to h, where h is
 * 1 on a 3-point scale and 2 on a 5-point scale.
 *
 * - `wahl-o-mat` (default): only the direction counts (agree, neutral, disagree): 2 points when both
 *   sides agree, 1 when exactly one side is neutral, 0 when they are opposite. On a 5-point scale
 *   "strongly agree" and "agree" count alike.
 * - `city-block`: the distance between the two stances: 2 points when identical, 0 when at opposite
 *   ends, in equal steps between. On a 3-point scale it gives the same points as `wahl-o-mat`.
 * - `hybrid`: Mendez's hybrid model as published (Mendez 2012) and as OpenElectionCompass applies it,
 *   a table of points for each pair of stances on 5 points (HYBRID below): 2 for the same stance,
 *   1.5 on the same side when only one holds it strongly, 0 at opposite ends, ½ otherwise (either is
 *   neutral, or opposite sides without both being strong). On a 3-point scale, agree and disagree
 *   count as the ends of the scale (strongly agree, strongly disagree).
 *
 * A party's missing answer ("no answer") counts as 0 points (`zero`), or as a neutral stance
 * (`neutral`); either way it is not covered: coverage counts the statements the reader answered on
 * which the party took a stance.
 */
import type { MatchMethod, MissingAnswer } from '../api/comparison.js';

/** The reader's answer to one statement. `stance` null: skipped. */
export interface Answer {
  stance: number | null;
  /** 1, or 2 for "counts double". */
  weight: number;
}

/** One statement of one party's match. */
export interface StatementScore {
  statementId: string;
  /** The reader's stance. */
  reader: number;
  /** The party's stance; null when it gave no answer. */
  party: number | null;
  weight: number;
  /** Points earned, out of `max` (2 times the weight). */
  points: number;
  max: number;
  /** What this statement added to the match, in percentage points (a party's add up to its match). */
  added: number;
}

export interface PartyMatch {
  partyId: string;
  /** 0 to 100; null when the reader answered no statement. */
  match: number | null;
  points: number;
  max: number;
  /** How many of the reader's answered statements the party took a stance on. */
  covered: number;
  /** How many statements the reader answered (not skipped). */
  answered: number;
  statements: StatementScore[];
}

/** What matching needs of a comparison. */
export interface Matchable {
  scale: number;
  statements: readonly { id: string }[];
  parties: readonly { id: string }[];
  positions: readonly { partyId: string; statementId: string; stance: number | null }[];
}

/**
 * Mendez's hybrid model on 5 points, in points out of 2: rows and columns are the stances from
 * strongly agree (+2) to strongly disagree (−2); the table is symmetric.
 */
export const HYBRID: readonly (readonly number[])[] = [
  [2, 1.5, 0.5, 0.5, 0],
  [1.5, 2, 0.5, 0.5, 0.5],
  [0.5, 0.5, 2, 0.5, 0.5],
  [0.5, 0.5, 0.5, 2, 1.5],
  [0, 0.5, 0.5, 1.5, 2],
];

/** The agreement, from 0 to 1, of a reader's stance `r` and a party's stance `p` on a scale whose ends are ±h. */
export function agreement(method: MatchMethod, r: number, p: number, h: number): number {
  if (method === 'wahl-o-mat') return 1 - Math.abs(Math.sign(r) - Math.sign(p)) / 2;
  if (method === 'city-block') return 1 - Math.abs(r - p) / (2 * h);
  return HYBRID[2 - (r * 2) / h]![2 - (p * 2) / h]! / 2;
}

/**
 * Every party's match with `answers` (by statement id), best first; parties with equal matches keep
 * the comparison's order.
 */
export function matchParties(c: Matchable, answers: Readonly<Record<string, Answer | undefined>>, method: MatchMethod, missing: MissingAnswer): PartyMatch[] {
  const h = (c.scale - 1) / 2;
  const stances = new Map(c.positions.map((p) => [`${p.partyId} ${p.statementId}`, p.stance]));
  const asked = c.statements.flatMap(({ id }) => {
    const a = answers[id];
    return a && a.stance !== null ? [{ id, reader: a.stance, weight: a.weight }] : [];
  });
  const max = asked.reduce((sum, a) => sum + 2 * a.weight, 0);
  return c.parties
    .map(({ id: partyId }): PartyMatch => {
      let points = 0;
      let covered = 0;
      const statements = asked.map(({ id, reader, weight }): StatementScore => {
        const party = stances.get(`${partyId} ${id}`) ?? null;
        if (party !== null) covered++;
        const value = party === null && missing === 'zero' ? 0 : 2 * weight * agreement(method, reader, party ?? 0, h);
        points += value;
        return { statementId: id, reader, party, weight, points: value, max: 2 * weight, added: (100 * value) / max };
      });
      return { partyId, match: max ? (100 * points) / max : null, points, max, covered, answered: asked.length, statements };
    })
    .sort((a, b) => (b.match ?? 0) - (a.match ?? 0));
}

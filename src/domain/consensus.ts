/**
 * Consensus scores for agree / mixed / disagree votes, aware of how many voted: three votes out of
 * three must not outrank 2,990 out of 3,000. Each share is replaced by the lower bound of its Wilson
 * score interval at 95 % (z = 1.96), the share one can be confident of given the number of votes:
 *
 *   lower(k, n) = (p + z²/2n − z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n),  p = k/n
 *
 * - agreement = lower(agree, n): proposals most participants agree with, with the evidence to say so;
 * - division = 2 · min(lower(agree, n), lower(disagree, n)): proposals on which participants split
 *   in two large camps (1 for an even split of many votes; 0 when either camp is small).
 * `n` counts mixed votes too: they weaken both agreement and division. Pure; used by the server and
 * by MemoryBackend.
 */
import type { Proposal, SubjectResult, Tally } from '../api/poll.js';

const Z = 1.96;

/** The Wilson lower bound of the share `k / n` (0 when `n` is 0). */
export function wilsonLower(k: number, n: number, z = Z): number {
  if (n <= 0) return 0;
  const p = k / n;
  const z2 = z * z;
  return Math.max(0, (p + z2 / (2 * n) - z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n));
}

/** Rounded to 4 decimals, so that scores compare and serialise the same everywhere. */
const r4 = (x: number) => Math.round(x * 1e4) / 1e4;

/** How broadly and surely participants agree: see the module's comment. */
export function agreement(t: Tally): number {
  const n = (t.counts['agree'] ?? 0) + (t.counts['mixed'] ?? 0) + (t.counts['disagree'] ?? 0);
  return r4(wilsonLower(t.counts['agree'] ?? 0, n));
}

/** How evenly and surely participants are split: see the module's comment. */
export function division(t: Tally): number {
  const n = (t.counts['agree'] ?? 0) + (t.counts['mixed'] ?? 0) + (t.counts['disagree'] ?? 0);
  return r4(2 * Math.min(wilsonLower(t.counts['agree'] ?? 0, n), wilsonLower(t.counts['disagree'] ?? 0, n)));
}

/** A subject's result from its tally: scores for agreement votes, zeros otherwise. */
export function subjectResult(tally: Tally, scored: boolean): SubjectResult {
  return { tally, agreement: scored ? agreement(tally) : 0, division: scored ? division(tally) : 0 };
}

/**
 * The proposals where participants agree most (`agreement`) or are most divided (`division`), as the
 * widget lists them: best score first, newest first among equals, those scoring 0 left out, at most
 * `limit`.
 */
export function ranked<P extends Pick<Proposal, 'id' | 'createdAt'>>(proposals: readonly P[], results: Record<string, SubjectResult>, by: 'agreement' | 'division', limit = 3): P[] {
  const score = (p: P) => results[p.id]?.[by] ?? 0;
  return proposals
    .filter((p) => score(p) > 0)
    .sort((a, b) => score(b) - score(a) || b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))
    .slice(0, limit);
}

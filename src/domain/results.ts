/** Which results a reader may see, and a poll's full results from its votes. Pure; server and MemoryBackend. */
import { pollStatus, type Poll, type PollResults, type SubjectResult, type Tally } from '../api/poll.js';
import { subjectResult } from './consensus.js';

type Visibility = Pick<Poll, 'resultsVisibility' | 'status' | 'opensAt' | 'closesAt'>;

/** Whether everyone may see every result of `p` now. */
export const resultsPublic = (p: Visibility): boolean => p.resultsVisibility === 'always' || pollStatus(p) === 'closed';

/**
 * The part of `full` a reader may see: everything when results are public, else (after-vote) the
 * subjects in `voted` (`''`: the poll itself, else proposal ids), else nothing but the count.
 */
export function visibleResults(full: PollResults, p: Visibility, voted: Iterable<string> = []): PollResults {
  if (resultsPublic(p)) return { ...full, visible: true };
  const mine = new Set(p.resultsVisibility === 'after-vote' ? voted : []);
  const proposals: Record<string, SubjectResult> = {};
  for (const [id, r] of Object.entries(full.proposals)) if (mine.has(id)) proposals[id] = r;
  return { pollId: full.pollId, visible: false, participantCount: full.participantCount, poll: mine.has('') ? full.poll : null, proposals };
}

/**
 * Full results from tallies by subject (`''`: the poll). Every proposal in `proposalIds` gets a
 * result, zero when nobody voted on it; the poll gets one when its votes are on the poll.
 */
export function buildResults(
  pollId: string,
  voteKind: Poll['voteKind'],
  onPoll: boolean,
  tallies: Map<string, Tally>,
  proposalIds: Iterable<string>,
  participantCount: number,
): PollResults {
  const scored = voteKind === 'agreement';
  const of = (subject: string) => subjectResult(tallies.get(subject) ?? { counts: {}, total: 0 }, scored);
  const proposals: Record<string, SubjectResult> = {};
  if (!onPoll) for (const id of proposalIds) proposals[id] = of(id);
  return { pollId, visible: true, participantCount, poll: onPoll ? of('') : null, proposals };
}

/** Which results a reader may see, and a poll's full results from its votes. Pure; server and MemoryBackend. */
import { pollStatus, type Poll, type PollResults, type SubjectResult, type Tally } from '../api/poll.js';
import { subjectResult } from './consensus.js';

type Visibility = Pick<Poll, 'resultsVisibility' | 'status' | 'opensAt' | 'closesAt'>;

/**
 * The rule: whether a reader may see the result of a subject (the poll itself, or a proposal):
 * always, once the poll is closed, or (`after-vote`) once they have a vote on that subject.
 */
export const maySee = (resultsVisibility: Poll['resultsVisibility'], closed: boolean, votedOnIt: boolean): boolean =>
  resultsVisibility === 'always' || closed || (resultsVisibility === 'after-vote' && votedOnIt);

/** Whether everyone may see every result of `p` now. */
export const resultsPublic = (p: Visibility): boolean => maySee(p.resultsVisibility, pollStatus(p) === 'closed', false);

/**
 * The part of `full` a reader may see: everything when results are public, else (after-vote) the
 * subjects in `voted` (`''`: the poll itself, else proposal ids), else nothing but the count.
 * `visible` says whether this answer shows every result: true when results are public, and for a
 * reader who voted on every subject that has one (a quick poll, once they voted); false when any is withheld.
 */
export function visibleResults(full: PollResults, p: Visibility, voted: Iterable<string> = []): PollResults {
  if (resultsPublic(p)) return { ...full, visible: true };
  const mine = new Set(voted);
  const shown = (subject: string) => maySee(p.resultsVisibility, false, mine.has(subject));
  const proposals: Record<string, SubjectResult> = {};
  let withheld = false;
  for (const [id, r] of Object.entries(full.proposals)) {
    if (shown(id)) proposals[id] = r;
    else withheld = true;
  }
  const poll = full.poll && shown('') ? full.poll : null;
  if (full.poll && !poll) withheld = true;
  const any = poll !== null || Object.keys(proposals).length > 0;
  return { pollId: full.pollId, visible: any && !withheld, participantCount: full.participantCount, poll, proposals };
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

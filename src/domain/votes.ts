/** The rules of a vote, by vote kind. Pure; the server and MemoryBackend apply the same ones. */
import type { ApiIssue } from '../api/common.js';
import type { Poll, VoteInput } from '../api/poll.js';

const issue = (path: string, message: string, code = 'invalid_value'): ApiIssue => ({ path, code, message });

/**
 * The values a vote stores (`['agree']`, `['opt-a', 'opt-c']`…), or the problem with it. `allowed`
 * holds the ids one may choose with `single` and `approval` votes (options, or published proposals).
 */
export function voteValues(p: Pick<Poll, 'voteKind' | 'maxChoices'>, allowed: ReadonlySet<string>, input: VoteInput): string[] | ApiIssue {
  const { value, options } = input;
  if (p.voteKind === 'support' || p.voteKind === 'agreement') {
    const ok = p.voteKind === 'support' ? value === 'support' : value === 'agree' || value === 'mixed' || value === 'disagree';
    if (options !== undefined) return issue('options', `${p.voteKind} votes take a value, not options`, 'unrecognized_keys');
    return ok ? [value!] : issue('value', p.voteKind === 'support' ? 'expected "support"' : 'expected "agree", "mixed" or "disagree"');
  }
  if (value !== undefined) return issue('value', `${p.voteKind} votes take options, not a value`, 'unrecognized_keys');
  const max = p.voteKind === 'single' ? 1 : (p.maxChoices ?? 1);
  const chosen = options ?? [];
  if (!chosen.length) return issue('options', 'choose at least one option', 'too_small');
  if (chosen.length > max) return issue('options', `choose at most ${max} option${max > 1 ? 's' : ''}`, 'too_big');
  if (new Set(chosen).size !== chosen.length) return issue('options', 'an option is chosen twice');
  const unknown = chosen.findIndex((o) => !allowed.has(o));
  if (unknown >= 0) return issue(`options.${unknown}`, `no option ${chosen[unknown]} in this poll`);
  return [...chosen].sort();
}

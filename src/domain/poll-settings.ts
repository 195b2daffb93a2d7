/**
 * A poll's settings taken together (what a schema cannot say field by field): the server refuses a
 * poll that breaks them (400, each issue naming its field) and the console's editor shows the same
 * issues beside the fields as the organiser types.
 */
import type { PollCreate } from '../api/admin.js';
import type { ApiIssue } from '../api/common.js';

const issue = (path: string, message: string, code = 'invalid_value'): ApiIssue => ({ path, code, message });

/** What is wrong with a poll's settings taken together (each issue names its field). */
export function pollProblems(p: PollCreate): ApiIssue[] {
  const out: ApiIssue[] = [];
  const options = p.options ?? [];
  const themes = p.themes ?? [];
  const choices = p.voteKind === 'single' || p.voteKind === 'approval';
  for (const field of ['opensAt', 'closesAt'] as const) {
    const v = p[field];
    if (v && Number.isNaN(Date.parse(v))) out.push(issue(field, 'not a valid date-time', 'invalid_date'));
  }
  if (p.opensAt && p.closesAt && Date.parse(p.opensAt) >= Date.parse(p.closesAt)) out.push(issue('closesAt', 'must be after opensAt'));
  if (p.kind === 'quick' && choices && options.length < 2) out.push(issue('options', `a quick poll with ${p.voteKind} votes needs at least 2 options`, 'too_small'));
  if ((p.kind === 'consultation' || !choices) && options.length)
    out.push(issue('options', p.kind === 'consultation' ? 'a consultation chooses among its proposals, not options' : `${p.voteKind} votes take no options`));
  if (p.kind === 'quick' && themes.length) out.push(issue('themes', 'only consultations have themes'));
  if (p.kind === 'quick' && p.allowProposals) out.push(issue('allowProposals', 'only consultations take proposals'));
  if (p.voteKind === 'approval' && !p.maxChoices) out.push(issue('maxChoices', 'approval votes need maxChoices', 'required'));
  if (p.voteKind !== 'approval' && p.maxChoices) out.push(issue('maxChoices', 'only approval votes take maxChoices'));
  if (p.kind === 'quick' && p.maxChoices && p.maxChoices > options.length) out.push(issue('maxChoices', 'more than the number of options', 'too_big'));
  if (new Set(options.map((o) => o.id)).size !== options.length) out.push(issue('options', 'two options have the same id'));
  if (new Set(themes.map((t) => t.id)).size !== themes.length) out.push(issue('themes', 'two themes have the same id'));
  return out;
}


/**
 * A server's refusal of a field in the reader's words. The contract's checks (`too_big`,
 * `invalid_format`…, the same in the browser and on the server) are left to the form's fields
 * (core/form.ts `fieldErrors`); the comment routes' own codes (server/comments/*.ts `invalid(…)`)
 * are localised here; any other code is said in the server's words rather than "check this field".
 */
import type { ApiIssue } from '../api/common.js';
import type { Strings } from './host.js';

/** The codes of the contract's schemas (zod) and the generic ones, which the fields say themselves. */
const CHECKS = /^(invalid(_type|_format|_value)?|required|too_(big|small)|custom)$/;

/** The issue's message for the reader, or undefined when it is one of the contract's checks. */
export function issueText(t: Strings, i: ApiIssue): string | undefined {
  // The server's message names the link limit: "at most 3 links in a comment".
  const max = i.code === 'too_many_links' && /\d+/.exec(i.message);
  return max ? t.tooManyLinks(max[0]) : (t.issues[i.path === 'challenge' ? i.path : i.code] ?? (CHECKS.test(i.code) ? undefined : i.message || undefined));
}

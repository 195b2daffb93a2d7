/**
 * The comparison being edited (a draft held in the browser until it is saved), the body the contract
 * takes from it, and its problems: the contract's schema (`ComparisonCreate`), then what a schema
 * cannot say (`comparisonProblems`: unique ids, stances on the scale), then the colours' contrast,
 * each problem in words, keyed by the field it belongs to.
 */
import { ComparisonCreate } from '../../../api/admin.js';
import type { ApiIssue } from '../../../api/common.js';
import { LIMITS, comparisonProblems, half, type MatchMethod, type MissingAnswer } from '../../../api/comparison.js';
import { toIssues } from '../../../api/errors.js';
import type { ConsoleStrings } from '../../host.js';
import { colourFailure } from './contrast.js';

export type Strings = ConsoleStrings['comparisons'];
export interface DraftStatement { id: string; text: string; theme: string; explanation: string | null }
export interface DraftParty { id: string; name: string; shortName: string; colour: string | null; logoUrl: string | null }
export interface DraftPosition { partyId: string; statementId: string; stance: number | null; quote: string | null; sourceUrl: string | null; sourceDate: string | null }
export interface Draft {
  id: string;
  title: string;
  description: string;
  /** The language its texts are written in (the widget marks them with it). */
  locale: 'fr' | 'en';
  scale: 3 | 5;
  method: MatchMethod;
  allowMethodChoice: boolean;
  missingAnswer: MissingAnswer;
  collectAnswers: boolean;
  statements: DraftStatement[];
  parties: DraftParty[];
  positions: DraftPosition[];
}

export const emptyDraft = (): Draft => ({
  id: '', title: '', description: '', locale: 'fr', scale: 5, method: 'wahl-o-mat', allowMethodChoice: false, missingAnswer: 'zero', collectAnswers: false,
  statements: [], parties: [], positions: [],
});

const orNull = (v: string | null | undefined) => (v ? v : null);

/** A draft from a comparison (the server's, or an imported file's): every optional field filled in. */
export function toDraft(c: Partial<ComparisonCreate> & Pick<ComparisonCreate, 'id' | 'title' | 'scale' | 'statements' | 'parties' | 'positions'>): Draft {
  return {
    id: c.id, title: c.title, description: c.description ?? '', locale: c.locale ?? 'fr', scale: c.scale,
    method: c.method ?? 'wahl-o-mat', allowMethodChoice: c.allowMethodChoice ?? false, missingAnswer: c.missingAnswer ?? 'zero', collectAnswers: c.collectAnswers ?? false,
    statements: c.statements.map((s) => ({ id: s.id, text: s.text, theme: s.theme, explanation: orNull(s.explanation) })),
    parties: c.parties.map((p) => ({ id: p.id, name: p.name, shortName: p.shortName, colour: orNull(p.colour), logoUrl: orNull(p.logoUrl) })),
    positions: c.positions.map((p) => ({ partyId: p.partyId, statementId: p.statementId, stance: p.stance, quote: orNull(p.quote), sourceUrl: orNull(p.sourceUrl), sourceDate: orNull(p.sourceDate) })),
  };
}

/** Whether a position says anything: a stance, or a quote or source behind "no answer". */
const says = (p: DraftPosition) => p.stance !== null || !!p.quote || !!p.sourceUrl || !!p.sourceDate;

/**
 * The body the contract takes (and the static file the widget reads): texts trimmed, empty optional
 * fields null, positions in statement × party order, a cell that says nothing left out.
 */
export function toBody(d: Draft): ComparisonCreate {
  const cell = new Map(d.positions.map((p) => [`${p.partyId} ${p.statementId}`, p]));
  const positions = d.statements.flatMap((s) => d.parties.map((p) => cell.get(`${p.id} ${s.id}`)).filter((p): p is DraftPosition => !!p && says(p)));
  // Positions pointing to no statement or party stay, so that the check names them.
  const orphans = d.positions.filter((p) => says(p) && !positions.includes(p));
  return {
    id: d.id.trim(), title: d.title.trim(), description: d.description.trim(), locale: d.locale, scale: d.scale,
    method: d.method, allowMethodChoice: d.allowMethodChoice, missingAnswer: d.missingAnswer, collectAnswers: d.collectAnswers,
    statements: d.statements.map((s) => ({ id: s.id.trim(), text: s.text.trim(), theme: s.theme.trim(), explanation: orNull(s.explanation?.trim()) })),
    parties: d.parties.map((p) => ({ id: p.id.trim(), name: p.name.trim(), shortName: p.shortName.trim(), colour: orNull(p.colour?.trim()), logoUrl: orNull(p.logoUrl?.trim()) })),
    positions: [...positions, ...orphans].map((p) => ({ ...p, quote: orNull(p.quote?.trim()), sourceUrl: orNull(p.sourceUrl?.trim()), sourceDate: orNull(p.sourceDate?.trim()) })),
  };
}

/** The contract's issues of a body, then its colours' contrast (code `contrast`, the message `white` or `text` and the ratio). */
export function issuesOf(body: ComparisonCreate): ApiIssue[] {
  const parsed = ComparisonCreate.safeParse(body);
  const issues = parsed.success ? comparisonProblems({ ...body, description: body.description ?? '' }) : toIssues(parsed.error.issues);
  body.parties.forEach((p, i) => {
    const fail = p.colour && /^#[\da-f]{6}$/i.test(p.colour) ? colourFailure(p.colour) : undefined;
    if (fail) issues.push({ path: `parties.${i}.colour`, code: 'contrast', message: `${fail.against} ${fail.ratio.toFixed(2)}` });
  });
  return issues;
}

/** An issue in words. `value` is the field's value (empty: "Required"). */
export function describe(issue: ApiIssue, value: unknown, scale: number, t: Strings, n: (x: number) => string): string {
  const key = issue.path.split('.').pop() ?? '';
  if (issue.code === 'contrast') {
    const [against, ratio] = issue.message.split(' ');
    return t.contrast(String(Math.floor(Number(ratio) * 10) / 10), against === 'white');
  }
  if (issue.code === 'duplicate') return t.duplicate;
  if (issue.code === 'unknown') return t.unknown;
  if (key === 'stance') return t.offScale(scale, half(scale));
  if (value === '' || value === undefined || (value === null && key !== 'stance')) return t.required;
  if (issue.code === 'too_big') {
    const max = (LIMITS as Record<string, number>)[/^\d+$/.test(key) ? '' : key];
    return ['statements', 'parties', 'positions'].includes(key) ? t.tooMany(n(max ?? 0)) : t.tooLong(n(max ?? 0));
  }
  if (typeof value === 'string' && /\s$|^\s/.test(value) && !value.trim()) return t.required;
  if (/(^|\.)(id|partyId|statementId)$/.test(issue.path)) return t.badId;
  if (key === 'sourceUrl' || key === 'logoUrl') return t.badUrl;
  if (key === 'sourceDate') return t.badDate;
  if (key === 'colour') return t.badColour;
  return t.invalid;
}

/** The value at a dotted path of a body. */
export const valueAt = (body: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), body);

/**
 * The draft's problems in words, by field: `title`, `statements.<i>.text`, `parties.<i>.colour`, and
 * a cell's `cell.<partyId>.<statementId>.<field>` (a position's place in the body is not the draft's).
 */
export function problems(d: Draft, t: Strings, n: (x: number) => string): Map<string, string> {
  const body = toBody(d);
  const out = new Map<string, string>();
  for (const issue of issuesOf(body)) {
    const m = /^positions\.(\d+)\.(\w+)/.exec(issue.path);
    const pos = m ? body.positions[Number(m[1])] : undefined;
    const key = pos ? `cell.${pos.partyId}.${pos.statementId}.${m![2]}` : issue.path;
    if (!out.has(key)) out.set(key, describe(issue, valueAt(body, issue.path), d.scale, t, n));
  }
  return out;
}

/** Changes the scale: stances beyond the new one's ends move to its ends (5 → 3: ±2 becomes ±1). */
export function rescale(d: Draft, scale: 3 | 5): Draft {
  const h = half(scale);
  return { ...d, scale, positions: d.positions.map((p) => (p.stance === null ? p : { ...p, stance: Math.max(-h, Math.min(h, p.stance)) })) };
}

/** The next free id of the form `<prefix><n>`. */
export function freeId(prefix: string, taken: readonly { id: string }[]): string {
  let i = taken.length + 1;
  while (taken.some((x) => x.id === `${prefix}${i}`)) i++;
  return `${prefix}${i}`;
}

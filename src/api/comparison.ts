/**
 * The position-comparator resource: statements, parties (or candidates), their positions with a
 * source behind each, and readers' opt-in anonymous answers.
 *
 * A comparison comes from the server (`GET /comparisons/{id}`) or from a static JSON file that a
 * blogger writes by hand (`<civic-comparator src="comparison.json">`): both are checked with
 * `Comparison` and then with `comparisonProblems`, which checks what a schema cannot say cheaply
 * (stances within the scale, references between lists, unique ids, dates, colours), naming each
 * problem by its path. So the fields that a hand-written file may leave out are optional here, with
 * the defaults `withDefaults` gives; the server always writes every field.
 */
import * as z from 'zod/mini';
import type { ApiIssue } from './common.js';
import { Count, Id, Timestamp, oneOf } from './common.js';

/** The comparison's scale: 3 points (stances -1, 0, 1) or 5 points (-2 to 2). */
export const SCALES = [3, 5] as const;
export const METHODS = ['wahl-o-mat', 'city-block', 'hybrid'] as const;
/** How a party's missing answer counts: 0 points, or as if it were neutral. */
export const MISSING_ANSWERS = ['zero', 'neutral'] as const;

/** -1 (disagree) to 1 (agree) on 3 points, -2 to 2 on 5 points; `null`: no answer. */
export const Stance = z.nullable(z.number());
export type Stance = z.infer<typeof Stance>;
export const MatchMethod = /* @__PURE__ */ oneOf(METHODS);
export const MissingAnswer = /* @__PURE__ */ oneOf(MISSING_ANSWERS);
const maybe = <T extends z.ZodMiniType>(t: T) => z.optional(z.nullable(t));

export const Statement = z.object({
  /** Unique within the comparison. */
  id: Id,
  text: z.string(),
  theme: z.string(),
  /** Context shown beside the statement (what it means, why it matters). */
  explanation: maybe(z.string()),
});
export type Statement = z.infer<typeof Statement>;

export const Party = z.object({
  /** Unique within the comparison. */
  id: Id,
  name: z.string(),
  /** A short name for narrow places (column headings): `PQ`, `Marois`. */
  shortName: z.string(),
  /** `#rrggbb`, decorative only: stances are always shown by icon and text. */
  colour: maybe(z.string()),
  /** An http(s) URL of a small logo or portrait. */
  logoUrl: maybe(z.string()),
});
export type Party = z.infer<typeof Party>;

/** One party on one statement. A party × statement with no position is "no answer" too. */
export const Position = z.object({
  partyId: Id,
  statementId: Id,
  stance: Stance,
  /** The party's own words (or a faithful paraphrase) behind the stance. */
  quote: maybe(z.string()),
  /** Where the quote comes from: an http(s) URL. */
  sourceUrl: maybe(z.string()),
  /** When it was said: `YYYY-MM-DD`. */
  sourceDate: maybe(z.string()),
});
export type Position = z.infer<typeof Position>;

export const Comparison = z.object({
  id: Id,
  title: z.string(),
  description: z.optional(z.string()),
  /** The language of its texts (title, statements, quotes): the widget marks them with it for screen readers. */
  locale: z.optional(oneOf(['fr', 'en'])),
  /** 3 or 5. */
  scale: z.number(),
  /** The matching method (default `wahl-o-mat`). */
  method: z.optional(MatchMethod),
  /** Whether the reader may switch the matching method (default false). */
  allowMethodChoice: z.optional(z.boolean()),
  /** How a party's missing answer counts in the match (default `zero`). */
  missingAnswer: z.optional(MissingAnswer),
  /** Whether readers may opt in to send their answers anonymously for statistics (default false). */
  collectAnswers: z.optional(z.boolean()),
  statements: z.array(Statement),
  parties: z.array(Party),
  positions: z.array(Position),
  updatedAt: z.optional(Timestamp),
});
export type Comparison = z.infer<typeof Comparison>;

export type MatchMethod = (typeof METHODS)[number];
export type MissingAnswer = (typeof MISSING_ANSWERS)[number];
/** A comparison with every optional setting filled in. */
export type FullComparison = Comparison & Required<Pick<Comparison, 'method' | 'allowMethodChoice' | 'missingAnswer' | 'collectAnswers'>>;

/** The settings a comparison may leave out, filled in with their defaults. */
export const withDefaults = (c: Comparison): FullComparison => ({
  method: 'wahl-o-mat',
  allowMethodChoice: false,
  missingAnswer: 'zero',
  collectAnswers: false,
  ...c,
});

/**
 * The most a comparison may hold, the same for the server's (`ComparisonCreate`) and a static file's:
 * lengths in characters, list sizes, and the bytes of a file or a request.
 */
export const LIMITS = {
  title: 300,
  description: 5000,
  statements: 200,
  text: 1000,
  theme: 100,
  explanation: 2000,
  parties: 50,
  name: 200,
  shortName: 40,
  quote: 2000,
  positions: 200 * 50,
  bytes: 1024 * 1024,
} as const;

/** The largest stance of a scale: 1 on 3 points, 2 on 5. */
export const half = (scale: number): number => (scale - 1) / 2;

/** Whether `stance` is a stance of the scale (an integer from -half to half). */
export const onScale = (stance: unknown, scale: number): stance is number =>
  Number.isInteger(stance) && Math.abs(stance as number) <= half(scale);

/** Whether `s` is a calendar date `YYYY-MM-DD`. */
export const isDate = (s: string): boolean => /^\d{4}-\d\d-\d\d$/.test(s) && new Date(Date.parse(s) || 0).toISOString().startsWith(s);

/**
 * What the schema does not check, as issues naming their paths: the scale, the method, the stances,
 * unique ids, positions that point to a missing party or statement (or repeat one), URLs, dates and
 * colours. An empty list means the comparison is sound.
 */
export function comparisonProblems(c: Comparison): ApiIssue[] {
  const issues: ApiIssue[] = [];
  const bad = (path: string, message: string, code = 'invalid_value') => issues.push({ path, code, message });
  const over = (path: string, v: { length: number } | null | undefined, max: number) => (v?.length ?? 0) > max && bad(path, `at most ${max}`, 'too_big');
  const each = <T,>(list: T[], name: string, keys: readonly (keyof T & keyof typeof LIMITS)[]) =>
    list.forEach((x, i) => keys.forEach((k) => over(`${name}.${i}.${k}`, x[k] as string | undefined, LIMITS[k])));
  (['title', 'description', 'statements', 'parties', 'positions'] as const).forEach((k) => over(k, c[k], LIMITS[k]));
  each(c.statements, 'statements', ['text', 'theme', 'explanation']);
  each(c.parties, 'parties', ['name', 'shortName']);
  each(c.positions, 'positions', ['quote']);
  // A list over its limit is not checked further: its problems would be as many as its items.
  if (issues.length) return issues;
  if (!(SCALES as readonly number[]).includes(c.scale)) bad('scale', 'the scale is 3 or 5');
  if (c.method && !(METHODS as readonly string[]).includes(c.method)) bad('method', `the method is one of ${METHODS.join(', ')}`);
  if (c.missingAnswer && !(MISSING_ANSWERS as readonly string[]).includes(c.missingAnswer)) bad('missingAnswer', 'zero or neutral');
  const ids = (list: { id: string }[], name: string) => {
    const seen = new Set<string>();
    list.forEach(({ id }, i) => (seen.has(id) ? bad(`${name}.${i}.id`, `the id ${id} is used twice`, 'duplicate') : seen.add(id)));
    return seen;
  };
  const statements = ids(c.statements, 'statements');
  const parties = ids(c.parties, 'parties');
  const url = /^https?:\/\/\S+$/i;
  const F = 'invalid_format';
  c.parties.forEach((p, i) => {
    if (p.colour && !/^#[\da-f]{6}$/i.test(p.colour)) bad(`parties.${i}.colour`, 'a colour is #rrggbb', F);
    if (p.logoUrl && !url.test(p.logoUrl)) bad(`parties.${i}.logoUrl`, 'an http(s) URL', F);
  });
  const pairs = new Set<string>();
  c.positions.forEach((p, i) => {
    const at = `positions.${i}.`;
    const pair = `${p.partyId} ${p.statementId}`;
    if (!parties.has(p.partyId)) bad(`${at}partyId`, `no party ${p.partyId}`, 'unknown');
    if (!statements.has(p.statementId)) bad(`${at}statementId`, `no statement ${p.statementId}`, 'unknown');
    if (pairs.has(pair)) bad(`${at}statementId`, `a second position of ${p.partyId} on ${p.statementId}`, 'duplicate');
    pairs.add(pair);
    if (p.stance !== null && !onScale(p.stance, c.scale)) bad(`${at}stance`, `a whole number from ${-half(c.scale)} to ${half(c.scale)}, or null`, 'off_scale');
    if (p.sourceUrl && !url.test(p.sourceUrl)) bad(`${at}sourceUrl`, 'an http(s) URL', F);
    if (p.sourceDate && !isDate(p.sourceDate)) bad(`${at}sourceDate`, 'a date YYYY-MM-DD', F);
  });
  return issues;
}

/** The highest weight a reader can give a statement ("counts double"). */
export const MAX_WEIGHT = 2;

/** A reader's opt-in anonymous answers, sent only when the organiser collects them and the reader agrees. */
export const AnswersInput = /* @__PURE__ */ z.object({
  answers: /* @__PURE__ */ z
    .array(
      z.object({
        statementId: Id,
        /** The reader's stance on the comparison's scale; null: skipped. */
        stance: z.nullable(z.int().check(z.minimum(-2), z.maximum(2))),
        /** 1, or 2 when the reader marked the statement as more important. */
        weight: z.int().check(z.minimum(1), z.maximum(MAX_WEIGHT)),
      }),
    )
    .check(z.minLength(1), z.maxLength(500)),
});
export type AnswersInput = z.input<typeof AnswersInput>;

export const AnswersResult = z.object({
  /** How many readers have sent their answers so far. */
  respondentCount: Count,
});
export type AnswersResult = z.infer<typeof AnswersResult>;

/** What readers answered on one statement, for the organiser. */
export const StatementTally = z.object({
  statementId: Id,
  /** How many readers chose each stance, from the lowest to the highest (5 or 3 numbers). */
  stances: z.array(Count),
  skipped: Count,
  /** How many marked it as more important. */
  weighted: Count,
});

export const AnswerAggregate = z.object({
  comparisonId: Id,
  respondentCount: Count,
  statements: z.array(StatementTally),
});
export type AnswerAggregate = z.infer<typeof AnswerAggregate>;


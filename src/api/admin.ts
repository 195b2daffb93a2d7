/**
 * What organisers send through the admin routes (Authorization: Bearer CIVIC_ADMIN_TOKEN).
 * Kept apart from the public resources so that no widget bundle carries them.
 */
import * as z from 'zod/mini';
import { HttpUrl, Slug, line, optionalText } from './common.js';

/** A date-time an organiser sends: ISO 8601 with an offset. */
export const DateTimeInput = z.iso.datetime({ offset: true });
import { Moderation } from './comments.js';
import { PollKind, ResultsVisibility, VoteKind } from './poll.js';
import { MatchMethod, MissingAnswer, Party, Position, ScalePoints } from './comparison.js';

/** Admin: create a petition. */
export const PetitionCreate = z.object({
  id: Slug,
  title: line(200),
  summary: z.string().check(z.trim(), z.maxLength(5000)),
  url: z.optional(z.nullable(HttpUrl)),
  goal: z.int().check(z.positive(), z.maximum(100_000_000)),
  closesAt: z.optional(z.nullable(DateTimeInput)),
  doubleOptIn: z.optional(z.boolean()),
  locale: z.optional(z.enum(['fr', 'en'])),
});
/** Admin: change a petition (any subset of fields). */
export const PetitionUpdate = z.partial(z.omit(PetitionCreate, { id: true }));

export const ThreadCreate = z.object({
  id: Slug,
  url: z.optional(z.nullable(HttpUrl)),
  title: line(200),
  moderation: z.optional(Moderation),
  maxDepth: z.optional(z.int().check(z.minimum(1), z.maximum(10))),
  editWindowSeconds: z.optional(z.int().check(z.nonnegative(), z.maximum(86400))),
  description: optionalText(2000),
});

export const PollCreate = z.object({
  id: Slug,
  kind: PollKind,
  title: line(300),
  description: optionalText(5000),
  voteKind: VoteKind,
  opensAt: z.optional(z.nullable(DateTimeInput)),
  closesAt: z.optional(z.nullable(DateTimeInput)),
  resultsVisibility: z.optional(ResultsVisibility),
  allowProposals: z.optional(z.boolean()),
  moderateProposals: z.optional(z.boolean()),
  maxChoices: z.optional(z.nullable(z.int().check(z.positive()))),
  themes: z.optional(z.array(z.object({ id: Slug, title: line(200), description: optionalText(2000) }))),
  options: z.optional(z.array(z.object({ id: Slug, label: line(200) }))),
});

export const ComparisonCreate = z.object({
  id: Slug,
  title: line(300),
  description: optionalText(5000),
  scale: ScalePoints,
  method: z.optional(MatchMethod),
  allowMethodChoice: z.optional(z.boolean()),
  missingAnswer: z.optional(MissingAnswer),
  collectAnswers: z.optional(z.boolean()),
  statements: z.array(z.object({ id: Slug, text: line(1000), theme: line(100), explanation: z.optional(z.nullable(z.string())) })),
  parties: z.array(Party),
  positions: z.array(Position),
});


export type PetitionCreate = z.infer<typeof PetitionCreate>;
export type PetitionUpdate = z.infer<typeof PetitionUpdate>;

/** The position-comparator resource: statements, parties, positions, and opt-in anonymous answers. */
import * as z from 'zod/mini';
import { Count, Id, Timestamp } from './common.js';

/** A 3-point scale uses stances -1..1; a 5-point scale -2..2. `null` means "no answer". */
export const ScalePoints = z.union([z.literal(3), z.literal(5)]);
export const Stance = z.nullable(z.int().check(z.minimum(-2), z.maximum(2)));
export const MatchMethod = z.enum(['wahl-o-mat', 'city-block', 'hybrid']);
export const MissingAnswer = z.enum(['zero', 'neutral']);

export const Statement = z.object({
  id: Id,
  text: z.string(),
  theme: z.string(),
  explanation: z.nullable(z.string()),
});

export const Party = z.object({
  id: Id,
  name: z.string(),
  shortName: z.string(),
  /** A CSS colour, decorative only: stances are always shown by icon and text. */
  colour: z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/)),
  logoUrl: z.nullable(z.string()),
});

export const Position = z.object({
  partyId: Id,
  statementId: Id,
  stance: Stance,
  quote: z.nullable(z.string()),
  sourceUrl: z.nullable(z.string()),
  sourceDate: z.nullable(z.iso.date()),
});

export const Comparison = z.object({
  id: Id,
  title: z.string(),
  description: z.string(),
  scale: ScalePoints,
  method: MatchMethod,
  /** Whether the reader may switch the matching method. */
  allowMethodChoice: z.boolean(),
  /** How a party's missing answer counts in the match. */
  missingAnswer: MissingAnswer,
  /** Whether readers may opt in to send their answers anonymously for statistics. */
  collectAnswers: z.boolean(),
  statements: z.array(Statement),
  parties: z.array(Party),
  positions: z.array(Position),
  updatedAt: Timestamp,
});

/** The opt-in anonymous answers of one reader. */
export const AnswersInput = z.object({
  answers: z.array(
    z.object({ statementId: Id, stance: Stance, weight: z.int().check(z.minimum(1), z.maximum(3)) }),
  ),
});

export const AnswerAggregate = z.object({
  comparisonId: Id,
  respondentCount: Count,
  statements: z.array(z.object({ statementId: Id, counts: z.record(z.string(), Count) })),
});

export type Comparison = z.infer<typeof Comparison>;
export type Statement = z.infer<typeof Statement>;
export type Party = z.infer<typeof Party>;
export type Position = z.infer<typeof Position>;
export type MatchMethod = z.infer<typeof MatchMethod>;

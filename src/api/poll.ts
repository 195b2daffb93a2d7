/** The proposal-poll resource: polls, themes, options, proposals, arguments, votes and results. */
import * as z from 'zod/mini';
import { Count, Honeypot, Id, OpenStatus, Timestamp, line, optionalText, page } from './common.js';

export const PollKind = z.enum(['quick', 'consultation']);
/** support (+1); agree/mixed/disagree; single choice; approval (up to N). */
export const VoteKind = z.enum(['support', 'agreement', 'single', 'approval']);
export const ResultsVisibility = z.enum(['always', 'after-vote', 'after-close']);
export const ProposalStatus = z.enum(['published', 'pending', 'rejected']);
export const ProposalSort = z.enum(['newest', 'support', 'consensus', 'division']);
export const VoteValue = z.enum(['support', 'agree', 'mixed', 'disagree']);

export const Theme = z.object({ id: Id, title: z.string(), description: z.string() });
export const PollOption = z.object({ id: Id, label: z.string() });

/** Counts per value (`agree`, `mixed`, `disagree`, `support`, or an option id) and their total. */
export const Tally = z.object({ counts: z.record(z.string(), Count), total: Count });

export const Poll = z.object({
  id: Id,
  kind: PollKind,
  title: z.string(),
  description: z.string(),
  voteKind: VoteKind,
  status: OpenStatus,
  opensAt: z.nullable(Timestamp),
  closesAt: z.nullable(Timestamp),
  resultsVisibility: ResultsVisibility,
  allowProposals: z.boolean(),
  moderateProposals: z.boolean(),
  /** Approval polls: how many options one may choose. */
  maxChoices: z.nullable(z.int().check(z.positive())),
  themes: z.array(Theme),
  /** Quick polls: the organiser's options. */
  options: z.array(PollOption),
  participantCount: Count,
  createdAt: Timestamp,
});

export const Proposal = z.object({
  id: Id,
  pollId: Id,
  themeId: z.nullable(Id),
  title: z.string(),
  body: z.string(),
  authorName: z.string(),
  status: ProposalStatus,
  tally: Tally,
  argumentCount: Count,
  createdAt: Timestamp,
});

export const ProposalInput = z.object({
  themeId: z.optional(z.nullable(Id)),
  title: line(200),
  body: line(5000),
  authorName: line(80),
  hp: Honeypot,
});

export const Argument = z.object({
  id: Id,
  proposalId: Id,
  side: z.enum(['for', 'against']),
  body: z.string(),
  authorName: z.string(),
  likeCount: Count,
  createdAt: Timestamp,
});

export const ArgumentInput = z.object({
  side: z.enum(['for', 'against']),
  body: line(2000),
  authorName: line(80),
  hp: Honeypot,
});

/** A participant's vote: a value for proposals, option ids for quick polls. */
export const VoteInput = z.object({
  value: z.optional(VoteValue),
  options: z.optional(z.array(Id)),
});

export const PollResults = z.object({
  pollId: Id,
  visible: z.boolean(),
  /** Quick polls: the options' tally. */
  tally: z.nullable(Tally),
  /** Consultations: each proposal's tally and consensus scores. */
  proposals: z.array(
    z.object({ proposalId: Id, tally: Tally, agreement: z.number(), division: z.number() }),
  ),
  participantCount: Count,
});

export const ProposalPage = page(Proposal);
export const PollEvent = z.object({ type: z.literal('results'), results: PollResults });

export type Poll = z.infer<typeof Poll>;
export type Proposal = z.infer<typeof Proposal>;
export type Argument = z.infer<typeof Argument>;
export type PollResults = z.infer<typeof PollResults>;
export type VoteInput = z.infer<typeof VoteInput>;
export type Tally = z.infer<typeof Tally>;

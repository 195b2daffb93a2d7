/**
 * What organisers send through the admin routes (Authorization: Bearer CIVIC_ADMIN_TOKEN).
 * Kept apart from the public resources so that no widget bundle carries them.
 *
 * Every body an organiser sends is a strict object, nested ones included: a key the contract does
 * not know is refused (400, an issue `unrecognized_keys` at its path), not dropped, since a
 * misspelt setting that is silently ignored leaves a poll or a petition unlike what its organiser
 * asked for. What readers send (src/api/<resource>.ts) stays lenient: a widget newer than its
 * server may send a field the server does not know yet, and it is dropped.
 */
import * as z from 'zod/mini';
import { Count, Email, HttpUrl, Id, Slug, Timestamp, line, oneOf, optionalText, page } from './common.js';
import { Comment, Moderation, Thread } from './comments.js';
import { Petition } from './petition.js';
import { Argument, Poll, PollIntegrity, PollKind, PollResults, Proposal, ResultsVisibility, VoteKind } from './poll.js';
import { LIMITS, METHODS, MISSING_ANSWERS } from './comparison.js';

/** A date-time an organiser sends: ISO 8601 with an offset. */
export const DateTimeInput = z.iso.datetime({ offset: true });

/** Admin: create a petition. */
export const PetitionCreate = z.strictObject({
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

/** Admin: create a comment thread (one per page). */
export const ThreadCreate = /* @__PURE__ */ z.strictObject({
  id: Slug,
  /** The page of the thread: webmentions to it and imported posts with this link land here. */
  url: z.optional(z.nullable(HttpUrl)),
  title: line(200),
  /** Default `post`. */
  moderation: z.optional(z.enum(['post', 'pre', 'first-time'])),
  /** Default 3 (0: no nesting). */
  maxDepth: z.optional(z.int().check(z.minimum(0), z.maximum(10))),
  /** Default 900. */
  editWindowSeconds: z.optional(z.int().check(z.minimum(0), z.maximum(86400))),
  /** The language of reply-notification mails (default `fr`). */
  locale: z.optional(z.enum(['fr', 'en'])),
  status: z.optional(z.enum(['open', 'closed'])),
});
/** Admin: change a thread (any subset of fields). */
export const ThreadUpdate = /* @__PURE__ */ z.partial(z.omit(ThreadCreate, { id: true }));

/**
 * A comment as moderators see it: any status, the reports, and what is known of its author's email.
 * The address itself is not shown: the server keeps it only to send the reply mails its author
 * asked for (erased when they stop); blocks and first-time moderation work from its keyed hash.
 */
export const AdminComment = /* @__PURE__ */ z.extend(Comment, {
  status: oneOf(['published', 'pending', 'rejected', 'deleted']),
  /** The author gave an email (its keyed hash is kept: `POST /admin/blocks` with `commentId` blocks it). */
  emailGiven: z.boolean(),
  /** The author gets a mail for each reply, and has not stopped them. */
  replyMails: z.boolean(),
  flagCount: Count,
});
/** Admin: pin a top-level comment to the top of its thread, or unpin it. */
export const PinInput = /* @__PURE__ */ z.strictObject({ pinned: z.boolean() });
/**
 * Admin: block future comments from an email, an IP address, or the email and address a comment
 * was posted from (`commentId`). Only hashes are stored.
 */
export const BlockInput = /* @__PURE__ */ z.strictObject({
  email: z.optional(Email),
  ip: z.optional(line(64)),
  commentId: z.optional(Id),
  note: optionalText(200),
});
export const Block = z.object({ id: Id, kind: oneOf(['email', 'ip']), note: z.string(), createdAt: Timestamp });
export const BlockList = z.object({ items: z.array(Block) });

const PollTheme = z.strictObject({ id: Slug, title: line(200), description: optionalText(2000) });
const PollOptionInput = z.strictObject({ id: Slug, label: line(200) });

/**
 * Admin: create a poll. A quick poll with `single` or `approval` votes needs `options`; `approval`
 * needs `maxChoices`. Consultations may have `themes`; their proposals come from the organiser
 * (`POST /admin/polls/{id}/proposals`) and, with `allowProposals`, from participants.
 */
export const PollCreate = /* @__PURE__ */ z.strictObject({
  id: Slug,
  kind: /* @__PURE__ */ z.enum(['quick', 'consultation']),
  title: line(300),
  description: optionalText(5000),
  voteKind: /* @__PURE__ */ z.enum(['support', 'agreement', 'single', 'approval']),
  opensAt: z.optional(z.nullable(DateTimeInput)),
  closesAt: z.optional(z.nullable(DateTimeInput)),
  resultsVisibility: z.optional(/* @__PURE__ */ z.enum(['always', 'after-vote', 'after-close'])),
  allowProposals: z.optional(z.boolean()),
  moderateProposals: z.optional(z.boolean()),
  confirmEmail: z.optional(z.boolean()),
  /** Default `address-limit` (see `PollIntegrity`). */
  integrity: z.optional(/* @__PURE__ */ z.enum(['open', 'address-limit', 'proof-of-work'])),
  /** Default 30 new participants per address… */
  addressLimit: z.optional(/* @__PURE__ */ z.int().check(z.positive(), z.maximum(100_000))),
  /** …in 60 minutes (at most a week). */
  addressPeriodMinutes: z.optional(/* @__PURE__ */ z.int().check(z.positive(), z.maximum(10_080))),
  maxChoices: z.optional(z.nullable(/* @__PURE__ */ z.int().check(z.positive(), z.maximum(100)))),
  themes: z.optional(/* @__PURE__ */ z.array(PollTheme).check(z.maxLength(50))),
  options: z.optional(/* @__PURE__ */ z.array(PollOptionInput).check(z.maxLength(100))),
  locale: z.optional(/* @__PURE__ */ z.enum(['fr', 'en'])),
});
/**
 * Admin: change a poll (any subset of fields; `kind` is fixed). `themes` and `options` replace the
 * lists: an option or theme in use by votes or proposals cannot be removed, and `voteKind` cannot
 * change once votes are cast.
 */
export const PollUpdate = /* @__PURE__ */ z.extend(/* @__PURE__ */ z.partial(/* @__PURE__ */ z.omit(PollCreate, { id: true, kind: true })), {
  /** Refused: a quick poll stays one, and so does a consultation. */
  kind: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.never()),
});

/** Admin: a proposal from the organiser (published at once). */
export const AdminProposalCreate = /* @__PURE__ */ z.strictObject({
  themeId: z.optional(z.nullable(Slug)),
  title: line(200),
  body: line(5000),
  authorName: line(80),
});

/** Admin: moderate (publish, reject) or edit a proposal. */
export const ProposalModerate = /* @__PURE__ */ z.strictObject({
  status: z.optional(/* @__PURE__ */ z.enum(['published', 'pending', 'rejected'])),
  themeId: z.optional(z.nullable(Slug)),
  title: z.optional(line(200)),
  body: z.optional(line(5000)),
});

/** Admin: moderate an argument. */
export const ArgumentModerate = /* @__PURE__ */ z.strictObject({
  status: /* @__PURE__ */ z.enum(['published', 'pending', 'rejected']),
});

/**
 * A poll as its organiser sees it: with its integrity mode and limit (readers' widgets need only know
 * whether a challenge is asked, and a script need not be told the limit).
 */
export const AdminPoll = /* @__PURE__ */ z.extend(Poll, {
  /** Guards against ballot stuffing (see `PollIntegrity`). */
  integrity: PollIntegrity,
  /** New participants who may vote from one network address in `addressPeriodMinutes` (not with `integrity: 'open'`). */
  addressLimit: Count,
  addressPeriodMinutes: Count,
});
export type AdminPoll = z.infer<typeof AdminPoll>;

/** Admin: what waits for a moderator in a poll, oldest first. */
export const ModerationQueue = z.object({ proposals: z.array(Proposal), arguments: z.array(Argument) });

/** New participants in the hour that starts at `at` (UTC): those whose first counted vote was then. */
export const TimelinePoint = z.object({ at: Timestamp, participants: Count });

/** Admin: a poll's full results (whatever their visibility), with its published proposals. */
export const PollExport = z.object({
  poll: AdminPoll,
  results: PollResults,
  proposals: z.array(Proposal),
  /** Participants over time, by hour, oldest first (hours without a new participant left out). */
  timeline: z.array(TimelinePoint),
  exportedAt: Timestamp,
});

/** An optional text an organiser may also set to null, at most `max` characters. */
const maybeText = (max: number) => z.optional(z.nullable(z.string().check(z.maxLength(max))));

/** Admin: create a comparison. `comparisonProblems` then checks references between the lists and stances against the scale. */
export const ComparisonCreate = z.strictObject({
  id: Slug,
  title: line(LIMITS.title),
  description: optionalText(LIMITS.description),
  /** The language of its texts (default `fr`). */
  locale: z.optional(z.enum(['fr', 'en'])),
  scale: z.union([z.literal(3), z.literal(5)]),
  method: z.optional(z.enum(METHODS)),
  allowMethodChoice: z.optional(z.boolean()),
  missingAnswer: z.optional(z.enum(MISSING_ANSWERS)),
  collectAnswers: z.optional(z.boolean()),
  statements: z.array(z.strictObject({ id: Slug, text: line(LIMITS.text), theme: line(LIMITS.theme), explanation: maybeText(LIMITS.explanation) })).check(z.maxLength(LIMITS.statements)),
  parties: z
    .array(
      z.strictObject({
        id: Slug,
        name: line(LIMITS.name),
        shortName: line(LIMITS.shortName),
        colour: z.optional(z.nullable(z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, 'a colour is #rrggbb')))),
        logoUrl: z.optional(z.nullable(HttpUrl)),
      }),
    )
    .check(z.maxLength(LIMITS.parties)),
  positions: z.array(
    z.strictObject({
      partyId: Slug,
      statementId: Slug,
      stance: z.nullable(z.int().check(z.minimum(-2), z.maximum(2))),
      quote: maybeText(LIMITS.quote),
      sourceUrl: z.optional(z.nullable(HttpUrl)),
      sourceDate: z.optional(z.nullable(z.iso.date())),
    }),
  ).check(z.maxLength(LIMITS.positions)),
});
/** Admin: change a comparison (any subset of fields; a list given replaces the whole list). */
export const ComparisonUpdate = z.partial(z.omit(ComparisonCreate, { id: true }));


export type PetitionCreate = z.infer<typeof PetitionCreate>;
export type PetitionUpdate = z.infer<typeof PetitionUpdate>;
export type ThreadCreate = z.infer<typeof ThreadCreate>;
export type ThreadUpdate = z.infer<typeof ThreadUpdate>;
export type AdminComment = z.infer<typeof AdminComment>;
export type Block = z.infer<typeof Block>;
export type PollCreate = z.infer<typeof PollCreate>;
export type PollUpdate = z.infer<typeof PollUpdate>;
export type AdminProposalCreate = z.infer<typeof AdminProposalCreate>;
export type PollExport = z.infer<typeof PollExport>;
export type TimelinePoint = z.infer<typeof TimelinePoint>;
export type ProposalModerate = z.infer<typeof ProposalModerate>;
export type ComparisonCreate = z.infer<typeof ComparisonCreate>;
export type ComparisonUpdate = z.infer<typeof ComparisonUpdate>;

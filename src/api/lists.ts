/**
 * The console's lists: petitions, signers, threads, the moderation queue across threads, polls and
 * comparisons, as organisers see them. Apart from admin.ts (which the package's API exports) so that
 * no widget's file, not even the one with every widget, carries them.
 */
import * as z from 'zod/mini';
import { AdminComment } from './admin.js';
import { Count, Id, Slug, Timestamp, oneOf, optionalText, page } from './common.js';
import { Thread } from './comments.js';
import { Petition } from './petition.js';
import { Argument, Proposal } from './poll.js';

/** A petition in the organisers' list: its settings, its confirmed count and the signatures awaiting confirmation. */
export const AdminPetition = /* @__PURE__ */ z.extend(/* @__PURE__ */ z.omit(Petition, { recentSigners: true }), { pendingCount: Count });
export const PetitionList = /* @__PURE__ */ z.object({ items: z.array(AdminPetition) });

/** A signature as organisers see it (they may have to erase it on request). */
export const Signer = /* @__PURE__ */ z.object({
  id: Id,
  name: z.string(),
  email: z.string(),
  postalCode: z.nullable(z.string()),
  city: z.nullable(z.string()),
  comment: z.nullable(z.string()),
  showName: z.boolean(),
  acceptUpdates: z.boolean(),
  /** `pending`: not yet confirmed through the mailed link (not counted). */
  status: oneOf(['pending', 'confirmed']),
  signedAt: Timestamp,
  confirmedAt: z.nullable(Timestamp),
});
export const SignerPage = /* @__PURE__ */ page(Signer);
/** Signers: a search in names and emails, a confirmation state, a page. */
export const SignerQuery = /* @__PURE__ */ z.object({
  q: optionalText(200),
  status: z.optional(/* @__PURE__ */ z.enum(['pending', 'confirmed'])),
  cursor: z.optional(/* @__PURE__ */ z.string().check(z.regex(/^\d{1,18}$/, 'a cursor from nextCursor'))),
  limit: z.optional(/* @__PURE__ */ z.string().check(z.regex(/^([1-9]\d?|100)$/, 'a whole number from 1 to 100'))),
});
/** A signature erased: the petition's confirmed count after it. */
export const SignerDeleted = /* @__PURE__ */ z.object({ id: Id, petitionId: Id, signatureCount: Count });

/** A thread in the moderators' list: its settings and what waits in it. */
export const AdminThread = /* @__PURE__ */ z.extend(Thread, { pendingCount: Count, flaggedCount: Count });
export const ThreadList = /* @__PURE__ */ z.object({ items: z.array(AdminThread) });
/** Moderators: open or close a thread. */
export const ThreadStatusInput = /* @__PURE__ */ z.strictObject({ status: /* @__PURE__ */ z.enum(['open', 'closed']) });

/**
 * One comment of the moderation queue with what a moderator needs to decide: its thread, the
 * comment it answers, and the author's other comments (by the same email, else the same address;
 * newest first, at most 5, and how many there are).
 */
export const QueueItem = /* @__PURE__ */ z.object({
  comment: AdminComment,
  thread: z.object({ id: Id, title: z.string(), url: z.nullable(z.string()) }),
  parent: z.nullable(AdminComment),
  others: z.array(AdminComment),
  otherCount: Count,
});
export type QueueItem = z.infer<typeof QueueItem>;
export const CommentQueue = /* @__PURE__ */ page(QueueItem);
/** The queue: held comments (`pending`), reported ones (`flagged`) or both (default), in one thread or all. */
export const CommentQueueQuery = /* @__PURE__ */ z.object({
  kind: z.optional(/* @__PURE__ */ z.enum(['pending', 'flagged', 'all'])),
  thread: z.optional(Slug),
  cursor: z.optional(/* @__PURE__ */ z.string().check(z.regex(/^\d{1,9}$/, 'a cursor from nextCursor'))),
  limit: z.optional(/* @__PURE__ */ z.string().check(z.regex(/^([1-9]\d?|100)$/, 'a whole number from 1 to 100'))),
});

/** A poll in the organisers' list: its settings and counts, and what waits for a moderator. */
export const PollListItem = /* @__PURE__ */ z.object({
  id: Id,
  kind: oneOf(['quick', 'consultation']),
  title: z.string(),
  status: oneOf(['upcoming', 'open', 'closed']),
  voteKind: z.string(),
  participantCount: Count,
  proposalCount: Count,
  pendingCount: Count,
  locale: oneOf(['fr', 'en']),
  updatedAt: Timestamp,
});
export const PollList = /* @__PURE__ */ z.object({ items: z.array(PollListItem) });

/**
 * What waits for a moderator in the polls, oldest first: a participant's proposal, or an argument
 * (with the proposal it is about), each with its poll.
 */
export const PollQueueItem = /* @__PURE__ */ z.object({
  kind: oneOf(['proposal', 'argument']),
  poll: /* @__PURE__ */ z.object({ id: Id, title: z.string() }),
  proposal: Proposal,
  argument: z.nullable(Argument),
});
export const PollQueue = /* @__PURE__ */ z.object({ items: z.array(PollQueueItem), total: Count });

/** A comparison in the organisers' list, with the opt-in answers it collected. */
export const AdminComparison = /* @__PURE__ */ z.object({
  id: Id,
  title: z.string(),
  statementCount: Count,
  partyCount: Count,
  collectAnswers: z.boolean(),
  answerCount: Count,
  updatedAt: Timestamp,
});
export const ComparisonList = /* @__PURE__ */ z.object({ items: z.array(AdminComparison) });

export type AdminPetition = z.infer<typeof AdminPetition>;
export type Signer = z.infer<typeof Signer>;
export type AdminThread = z.infer<typeof AdminThread>;
export type PollListItem = z.infer<typeof PollListItem>;
export type PollQueueItem = z.infer<typeof PollQueueItem>;
export type PollQueue = z.infer<typeof PollQueue>;
export type AdminComparison = z.infer<typeof AdminComparison>;

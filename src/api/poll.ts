/**
 * The proposal-poll resource: polls (a quick poll's question and options, or a consultation's
 * themes), proposals, arguments for and against, votes and results.
 *
 * Votes are cast by an anonymous participant: a random token the widget keeps in the host page's
 * own storage. A vote is about a *subject*: the poll itself (quick polls; consultations whose
 * participants choose among the proposals) or one proposal (consultations voting on each proposal).
 * A participant has at most one vote per subject and may change or withdraw it until the poll
 * closes; sending the same vote again changes nothing.
 */
import * as z from 'zod/mini';
import { Count, Email, Honeypot, Id, Timestamp, line, oneOf, optionalText, page } from './common.js';

/** The language of the mails and pages the server sends (as petitions have). */
const Locale = /* @__PURE__ */ oneOf(['fr', 'en']);
/** `quick`: one question and the organiser's options. `consultation`: proposals by theme. */
export const PollKind = /* @__PURE__ */ oneOf(['quick', 'consultation']);
/**
 * How one votes: `support` (+1), `agreement` (agree / mixed / disagree), `single` (one option, or one
 * proposal), `approval` (up to `maxChoices` options or proposals).
 */
export const VoteKind = /* @__PURE__ */ oneOf(['support', 'agreement', 'single', 'approval']);
/** When results show: `always`, to a participant `after-vote` (on that subject), or `after-close`. */
export const ResultsVisibility = /* @__PURE__ */ oneOf(['always', 'after-vote', 'after-close']);
/**
 * How a poll guards against ballot stuffing (a script voting with fresh participant tokens): `open`,
 * the server's rate limit only; `address-limit` (the default), at most `addressLimit` new participants
 * vote from one network address in `addressPeriodMinutes` (see `AdminPoll`; a keyed hash of the address is counted,
 * never the address); `proof-of-work`, that limit and a solved challenge with a new participant's
 * first vote (`GET /polls/{id}/challenge`). `confirmEmail` is the strict mode on top of any of them.
 */
export const PollIntegrity = /* @__PURE__ */ oneOf(['open', 'address-limit', 'proof-of-work']);
/** `upcoming` until `opensAt`, `open`, then `closed` (by the organiser or at `closesAt`). */
export const PollStatus = /* @__PURE__ */ oneOf(['upcoming', 'open', 'closed']);
export const ProposalStatus = /* @__PURE__ */ oneOf(['published', 'pending', 'rejected']);
export const ArgumentSide = /* @__PURE__ */ oneOf(['for', 'against']);
/** Orders of a consultation's proposals. The last three need results that everyone may see. */
export const ProposalSort = /* @__PURE__ */ z.enum(['newest', 'support', 'consensus', 'division']);
/** The values of `support` and `agreement` votes. */
export const VoteValue = /* @__PURE__ */ z.enum(['support', 'agree', 'mixed', 'disagree']);

export const Theme = /* @__PURE__ */ z.object({ id: Id, title: z.string(), description: z.string() });
export const PollOption = /* @__PURE__ */ z.object({ id: Id, label: z.string() });

export const Poll = /* @__PURE__ */ z.object({
  id: Id,
  kind: PollKind,
  /** The question (quick poll) or the consultation's name. */
  title: z.string(),
  description: z.string(),
  voteKind: VoteKind,
  status: PollStatus,
  opensAt: z.nullable(Timestamp),
  closesAt: z.nullable(Timestamp),
  resultsVisibility: ResultsVisibility,
  /** Consultations: participants may submit proposals. */
  allowProposals: z.boolean(),
  /** Proposals and arguments from participants wait for a moderator before they are shown. */
  moderateProposals: z.boolean(),
  /** Votes count only once the participant has confirmed an email address (a link by mail), one per address. */
  confirmEmail: z.boolean(),
  /**
   * A new participant's first vote carries a solved challenge (`GET /polls/{id}/challenge`, see
   * `Challenge`): the poll's integrity is `proof-of-work` (see `PollIntegrity`, which organisers see).
   * Absent: no challenge (a backend written before it keeps working).
   */
  challenge: z.optional(z.boolean()),
  /** Approval votes: how many options (or proposals) one may choose; null otherwise. */
  maxChoices: z.nullable(Count),
  /** Consultations: the themes proposals belong to, in the organiser's order. */
  themes: z.array(Theme),
  /** Quick polls with `single` or `approval` votes: the options, in the organiser's order. */
  options: z.array(PollOption),
  /** Participants whose votes count. */
  participantCount: Count,
  /** Published proposals. */
  proposalCount: Count,
  /** The language of the mails and pages the server sends for this poll. */
  locale: Locale,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

/**
 * Counts per value (`support`; `agree`, `mixed`, `disagree`; or option and proposal ids) and `total`,
 * the participants who voted on the subject (with approval votes, less than the sum of the counts).
 */
export const Tally = /* @__PURE__ */ z.object({ counts: z.record(z.string(), Count), total: Count });

/** One subject's results. `agreement` and `division` (0 to 1) rank agreement votes; 0 for other kinds. */
export const SubjectResult = /* @__PURE__ */ z.object({
  tally: Tally,
  /** Wilson lower bound (95 %) of the share who agree: broad and well-attested agreement ranks first. */
  agreement: z.number(),
  /** Twice the smaller of the lower bounds of the shares who agree and who disagree: a large, even split ranks first. */
  division: z.number(),
});

/** A poll's results, as the reader may see them. */
export const PollResults = /* @__PURE__ */ z.object({
  pollId: Id,
  /**
   * Whether this answer shows every result: the results are public (`always`, or the poll is closed),
   * or (`after-vote`, a participant's ballot) they voted on every subject. Else some are withheld:
   * only those of the subjects this participant voted on are given.
   */
  visible: z.boolean(),
  participantCount: Count,
  /** The vote on the poll itself (quick polls; choices among proposals), when visible. */
  poll: z.nullable(SubjectResult),
  /** Each proposal's result, by proposal id, for the visible ones. */
  proposals: z.record(z.string(), SubjectResult),
});

export const Proposal = /* @__PURE__ */ z.object({
  id: Id,
  pollId: Id,
  themeId: z.nullable(Id),
  title: z.string(),
  /** Plain text; paragraphs separated by blank lines. Never rendered as HTML. */
  body: z.string(),
  authorName: z.string(),
  status: ProposalStatus,
  /** Published arguments for and against. */
  argumentCount: Count,
  createdAt: Timestamp,
});
export const ProposalPage = /* @__PURE__ */ page(Proposal);

/** The longest text each field accepts (the schemas below and the forms' counters). */
export const POLL_LIMITS = { title: 200, body: 5000, authorName: 80, argument: 2000 } as const;
const L = POLL_LIMITS;

export const Argument = /* @__PURE__ */ z.object({
  id: Id,
  proposalId: Id,
  side: ArgumentSide,
  body: z.string(),
  authorName: z.string(),
  status: ProposalStatus,
  likeCount: Count,
  createdAt: Timestamp,
});
/** A proposal's published arguments, most liked first. */
export const ArgumentList = /* @__PURE__ */ z.object({ items: z.array(Argument) });

export { LikeResult } from './common.js';

/**
 * A vote: `value` for `support` and `agreement` polls, `options` (option or proposal ids) for
 * `single` (exactly one) and `approval` (one to `maxChoices`) polls.
 */
export const VoteInput = /* @__PURE__ */ z.object({
  value: z.optional(VoteValue),
  options: z.optional(/* @__PURE__ */ z.array(/* @__PURE__ */ z.string().check(z.maxLength(64))).check(z.maxLength(100))),
  /** A solved challenge (see `Challenge`): a new participant's first vote in a `proof-of-work` poll. */
  challenge: z.optional(/* @__PURE__ */ z.string().check(z.maxLength(300))),
});

/** `counted`; `pending` until the participant confirms an email (polls with `confirmEmail`); `withdrawn`. */
export const VoteStatus = /* @__PURE__ */ oneOf(['counted', 'pending', 'withdrawn']);
export const VoteResult = /* @__PURE__ */ z.object({
  status: VoteStatus,
  participantCount: Count,
  /**
   * The subject's result right after this request, if the participant may see it: results public,
   * or `after-vote` while they have a vote on the subject (so never after a withdrawal).
   * `status` says what their vote on the subject is now (a replayed request's too).
   */
  result: z.nullable(SubjectResult),
});

/** A participant's own state in a poll. */
export const Ballot = /* @__PURE__ */ z.object({
  /** Their choices by subject (`''`: the poll itself; else a proposal id), counted or pending. */
  votes: z.record(z.string(), z.array(z.string())),
  /** The arguments they liked. */
  likes: z.array(Id),
  /** Polls with `confirmEmail`: whether their votes count (an email confirmed). Else true. */
  confirmed: z.boolean(),
  /** The results this participant may see. */
  results: PollResults,
});

/** Polls with `confirmEmail`: the address to send the confirmation link to. */
export const EmailInput = /* @__PURE__ */ z.object({ email: Email });
export const EmailResult = /* @__PURE__ */ z.object({ status: /* @__PURE__ */ oneOf(['sent', 'confirmed']) });
/** The answer to following the link from the mail. */
export const ParticipantConfirmed = /* @__PURE__ */ z.object({ status: /* @__PURE__ */ oneOf(['confirmed']), pollId: Id, participantCount: Count });

/** The live event sent on a poll's stream whenever its state or its public results change. */
export const PollEvent = /* @__PURE__ */ z.object({
  type: /* @__PURE__ */ oneOf(['poll']),
  status: PollStatus,
  participantCount: Count,
  proposalCount: Count,
  results: PollResults,
});

/** The participant token's form: 16 to 128 letters, digits, `-` and `_`. */
export const ParticipantToken = /* @__PURE__ */ z.string().check(z.regex(/^[\w-]{16,128}$/, 'invalid participant token'));

export type PollKind = z.infer<typeof PollKind>;
export type VoteKind = z.infer<typeof VoteKind>;
export type PollStatus = z.infer<typeof PollStatus>;
export type ResultsVisibility = z.infer<typeof ResultsVisibility>;
export type PollIntegrity = z.infer<typeof PollIntegrity>;
export type ProposalSort = z.infer<typeof ProposalSort>;
export type VoteValue = z.infer<typeof VoteValue>;
export type Theme = z.infer<typeof Theme>;
export type PollOption = z.infer<typeof PollOption>;
export type Poll = z.infer<typeof Poll>;
export type Tally = z.infer<typeof Tally>;
export type SubjectResult = z.infer<typeof SubjectResult>;
export type PollResults = z.infer<typeof PollResults>;
export type Proposal = z.infer<typeof Proposal>;
export type ProposalPage = z.infer<typeof ProposalPage>;
export type Argument = z.infer<typeof Argument>;
export type ArgumentList = z.infer<typeof ArgumentList>;
export type VoteInput = z.input<typeof VoteInput>;
export type VoteStatus = z.infer<typeof VoteStatus>;
export type VoteResult = z.infer<typeof VoteResult>;
export type Ballot = z.infer<typeof Ballot>;
export type EmailResult = z.infer<typeof EmailResult>;
export type ParticipantConfirmed = z.infer<typeof ParticipantConfirmed>;
export type PollEvent = z.infer<typeof PollEvent>;

/** The subject of a poll-level vote (quick polls, choices among proposals). */
export const POLL_SUBJECT = '';

/** Whether votes in `p` are about each proposal (`support`, `agreement` consultations) rather than the poll. */
export const votesOnProposals = (p: Pick<Poll, 'kind' | 'voteKind'>): boolean =>
  p.kind === 'consultation' && (p.voteKind === 'support' || p.voteKind === 'agreement');

/** The status of `p` at `now`, from its dates (`closed` by the organiser stays closed). */
export function pollStatus(p: Pick<Poll, 'status' | 'opensAt' | 'closesAt'>, now = Date.now()): PollStatus {
  if (p.status === 'closed' || (p.closesAt && Date.parse(p.closesAt) <= now)) return 'closed';
  return p.opensAt && Date.parse(p.opensAt) > now ? 'upcoming' : 'open';
}

/**
 * The plug: what a backend implements for the widgets.
 *
 * A backend is an object with one optional part per resource. A widget uses only its part and
 * shows an "unsupported" message if it is missing, so a site can write a backend for just the
 * widget it uses (the comments of a WordPress blog, a petition stored in an existing CRM…).
 *
 * Every method:
 * - returns data that satisfies the schemas in this folder (RestBackend checks; custom backends should),
 * - rejects with a CivicError whose `kind` says what went wrong (`validation` with `issues` naming
 *   fields, `not-found`, `closed`, `network`…),
 * - honours `signal` when given.
 * Writes take an `idempotencyKey`: the same key sent twice must have the effect of one call and
 * answer the same result, so a write can be retried (and replayed from the outbox) safely.
 */
import type { Petition, PetitionEvent, SignResult, SignatureInput } from './petition.js';
import type {
  Argument,
  ArgumentInput,
  ArgumentList,
  Ballot,
  EmailResult,
  LikeResult,
  Poll,
  PollEvent,
  PollResults,
  Proposal,
  ProposalInput,
  ProposalPage,
  ProposalSort,
  VoteInput,
  VoteResult,
} from './poll.js';
import type { AnswersInput, AnswersResult, Comparison } from './comparison.js';

export interface CallOptions {
  signal?: AbortSignal | undefined;
}
export interface WriteOptions extends CallOptions {
  /** One key per submission, reused on every retry of that submission. */
  idempotencyKey: string;
}

export interface PetitionBackend {
  get(id: string, options?: CallOptions): Promise<Petition>;
  sign(id: string, input: SignatureInput, options: WriteOptions): Promise<SignResult>;
  /** Live count and signers. Returns the function that stops listening. */
  subscribe?(id: string, listener: (event: PetitionEvent) => void): () => void;
}

/** Which proposals of a consultation, in which order; `cursor` from the previous page's `nextCursor`. */
export interface ProposalQuery {
  themeId?: string | undefined;
  /** Default `newest`. Orders by results need results everyone may see; otherwise `newest` is used. */
  sort?: ProposalSort | undefined;
  cursor?: string | undefined;
  /** Proposals per page (default 20, at most 100). */
  limit?: number | undefined;
}

/**
 * The proposal poll. `participant` is the anonymous token the widget keeps in the page's storage.
 * Votes, likes and withdrawals are idempotent by nature (they set a state); they also take a key.
 */
export interface PollBackend {
  get(pollId: string, options?: CallOptions): Promise<Poll>;
  /** The results anyone may see. */
  results(pollId: string, options?: CallOptions): Promise<PollResults>;
  /** The participant's votes and likes, and the results they may see. */
  ballot(pollId: string, participant: string, options?: CallOptions): Promise<Ballot>;
  /** Sets the participant's vote on the poll (`proposalId` null) or on a proposal. Rejects with `closed` outside the voting period. */
  vote(pollId: string, proposalId: string | null, participant: string, input: VoteInput, options: WriteOptions): Promise<VoteResult>;
  /** Withdraws that vote (answers `withdrawn` even when there was none). */
  withdraw(pollId: string, proposalId: string | null, participant: string, options: WriteOptions): Promise<VoteResult>;
  /** A page of published proposals. */
  proposals?(pollId: string, query?: ProposalQuery, options?: CallOptions): Promise<ProposalPage>;
  /** Submits a proposal: `published`, or `pending` a moderator. */
  propose?(pollId: string, input: ProposalInput, options: WriteOptions): Promise<Proposal>;
  /** A proposal's published arguments, most liked first. */
  arguments?(pollId: string, proposalId: string, options?: CallOptions): Promise<ArgumentList>;
  /** Adds an argument for or against a proposal: `published`, or `pending` a moderator. */
  argue?(pollId: string, proposalId: string, input: ArgumentInput, options: WriteOptions): Promise<Argument>;
  /** Likes an argument once per participant (`liked: false` takes the like back). */
  like?(pollId: string, argumentId: string, participant: string, liked: boolean, options: WriteOptions): Promise<LikeResult>;
  /** Polls with `confirmEmail`: mails the participant a link that makes their votes count. */
  confirmEmail?(pollId: string, participant: string, email: string, options: WriteOptions): Promise<EmailResult>;
  /** Live state and public results. Returns the function that stops listening. */
  subscribe?(pollId: string, listener: (event: PollEvent) => void): () => void;
}

/** Parts for the comment thread, poll and comparator are added by their widgets' modules. */
export interface CivicBackend {
  readonly petitions?: PetitionBackend;
  readonly polls?: PollBackend;
  readonly comparisons?: ComparisonBackend;
}

export interface ComparisonBackend {
  get(id: string, options?: CallOptions): Promise<Comparison>;
  /**
   * A reader's anonymous answers, sent only when the comparison collects them and the reader opted
   * in (optional: without it, the widget never offers to send). Rejects with `forbidden` when the
   * comparison does not collect answers.
   */
  submitAnswers?(id: string, input: AnswersInput, options: WriteOptions): Promise<AnswersResult>;
}

/** A fresh idempotency key. */
export const newKey = (): string => crypto.randomUUID();

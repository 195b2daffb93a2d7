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
import type { ArgumentInput, ProposalInput } from './poll-inputs.js';
import type { Petition, PetitionEvent, SignResult, SignatureInput } from './petition.js';
import type {
  Challenge,
  Comment,
  CommentCreated,
  CommentDelete,
  CommentDeleted,
  CommentEdit,
  CommentEvent,
  CommentInput,
  CommentPage,
  CommentSort,
  FlagInput,
  FlagResult,
  LikeInput,
  LikeResult,
  MentionPage,
  Thread,
} from './comments.js';
import type {
  Argument,
  ArgumentList,
  Ballot,
  EmailResult,
  Poll,
  PollEvent,
  PollResults,
  Proposal,
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

/** Which page of a thread's comments: `cursor` from the previous page's `nextCursor`. */
export interface CommentQuery {
  /** Order of the top-level comments (default `oldest`). Replies are always oldest first. */
  sort?: CommentSort | undefined;
  cursor?: string | undefined;
  /** Top-level comments per page (default 20, at most 100); each comes with all its replies. */
  limit?: number | undefined;
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
 * The comment thread. `get`, `list` and `post` are required; the rest are capabilities a backend
 * may lack (the WordPress backend has no likes, flags, edits or live events): a widget hides what
 * is missing rather than faking it.
 */
export interface CommentsBackend {
  /** The thread: title, status, moderation mode, counts, depth, edit window, whether posting needs a challenge. */
  get(threadId: string, options?: CallOptions): Promise<Thread>;
  /**
   * A page of published comments: top-level ones in `query.sort` order (pinned first on the first
   * page), each followed by its replies depth-first. Deleted comments with replies appear as
   * `deleted` placeholders. `total` counts the published comments of the whole thread.
   */
  list(threadId: string, query?: CommentQuery, options?: CallOptions): Promise<CommentPage>;
  /**
   * Posts a comment (or a reply: `input.parentId`). Answers it with its edit token: `published`, or
   * `pending` when it waits for a moderator (shown to its author only). The same idempotency key
   * answers the same comment and token. Rejects with `closed` (thread closed), `validation` (a
   * field: `body` with too many links, `challenge` missing, expired or wrong; `parentId` unknown),
   * `forbidden` (a blocked author), `rate-limited`.
   */
  post(threadId: string, input: CommentInput, options: WriteOptions): Promise<CommentCreated>;
  /** The comments the given edit tokens own, whatever their status (pending ones too), for their author. */
  mine?(threadId: string, tokens: string[], options?: CallOptions): Promise<Comment[]>;
  /** Changes a comment's body with its edit token, within the edit window (else `forbidden` naming `editToken`). */
  edit?(commentId: string, input: CommentEdit, options: WriteOptions): Promise<Comment>;
  /** Deletes a comment with its edit token, within the edit window (else `forbidden` naming `editToken`). */
  remove?(commentId: string, input: CommentDelete, options: WriteOptions): Promise<CommentDeleted>;
  /** Likes a comment once per reader token (or takes the like back with `liked: false`). */
  like?(commentId: string, input: LikeInput, options: WriteOptions): Promise<LikeResult>;
  /** Reports a comment to the moderators, once per reader token. */
  flag?(commentId: string, input: FlagInput, options: WriteOptions): Promise<FlagResult>;
  /** Pingbacks and webmentions of the thread's page, newest first. */
  mentions?(threadId: string, query?: { cursor?: string | undefined }, options?: CallOptions): Promise<MentionPage>;
  /** A fresh proof-of-work challenge for posting to the thread (see `Challenge`); only where `thread.challenge` is true. */
  challenge?(threadId: string, options?: CallOptions): Promise<Challenge>;
  /** Live events: the thread's state on connect, then published, edited and deleted comments. Returns the function that stops. */
  subscribe?(threadId: string, listener: (event: CommentEvent) => void): () => void;
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
  /** A fresh proof-of-work challenge for a new participant's first vote (polls with `integrity: 'proof-of-work'`). */
  challenge?(pollId: string, options?: CallOptions): Promise<Challenge>;
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

/** One part per widget; a backend may implement only the parts its site uses. */
export interface CivicBackend {
  readonly petitions?: PetitionBackend;
  readonly comments?: CommentsBackend;
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

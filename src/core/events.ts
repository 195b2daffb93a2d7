/** The widgets' events: one class per event, bubbling and composed, typed in the global event map. */
import type { SignStatus } from '../api/petition.js';
import type { VoteStatus } from '../api/poll.js';
import type { MatchMethod } from '../api/comparison.js';

const init = { bubbles: true, composed: true } as const;

/** A signature was accepted (counted, or waiting for its email confirmation). */
export class CivicSignedEvent extends Event {
  constructor(
    readonly petitionId: string,
    readonly status: Exclude<SignStatus, 'already-signed'>,
    readonly signatureCount: number,
  ) {
    super('civic-signed', init);
  }
}

/** A vote was accepted (counted, pending an email confirmation, or withdrawn: `choices` empty). */
export class CivicVotedEvent extends Event {
  constructor(
    readonly pollId: string,
    /** The proposal voted on; null for a vote on the poll itself. */
    readonly proposalId: string | null,
    /** The values or option ids chosen; empty when the vote was withdrawn. */
    readonly choices: readonly string[],
    readonly status: VoteStatus,
  ) {
    super('civic-voted', init);
  }
}

/** One party's place in a comparator's results. */
export interface RankedParty {
  partyId: string;
  /** 0 to 100; null when the reader answered no statement. */
  match: number | null;
  /** How many of the reader's answered statements the party took a stance on. */
  covered: number;
  /** How many statements the reader answered. */
  answered: number;
}

/** A comparator's results were computed (or recomputed with another method). The answers themselves are not in it. */
export class CivicComparedEvent extends Event {
  constructor(
    readonly comparisonId: string,
    readonly method: MatchMethod,
    /** Best match first. */
    readonly ranking: RankedParty[],
  ) {
    super('civic-compared', init);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'civic-signed': CivicSignedEvent;
    'civic-voted': CivicVotedEvent;
    'civic-compared': CivicComparedEvent;
  }
}

/** A comment or reply was accepted: `published`, or `pending` a moderator's approval. */
export class CivicCommentedEvent extends Event {
  constructor(
    readonly threadId: string,
    readonly commentId: string,
    readonly status: 'published' | 'pending',
    readonly parentId: string | null,
  ) {
    super('civic-commented', init);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'civic-commented': CivicCommentedEvent;
  }
}

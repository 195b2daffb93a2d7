/** The widgets' events: one class per event, bubbling and composed, typed in the global event map. */
import type { SignStatus } from '../api/petition.js';
import type { VoteStatus } from '../api/poll.js';

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

/** A proposal was submitted (published, or pending a moderator). */
export class CivicProposedEvent extends Event {
  constructor(
    readonly pollId: string,
    readonly proposalId: string,
    readonly status: 'published' | 'pending',
  ) {
    super('civic-proposed', init);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'civic-signed': CivicSignedEvent;
    'civic-voted': CivicVotedEvent;
    'civic-proposed': CivicProposedEvent;
  }
}

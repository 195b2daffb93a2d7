/** The widgets' events: one class per event, bubbling and composed, typed in the global event map. */
import type { SignStatus } from '../api/petition.js';

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

declare global {
  interface GlobalEventHandlersEventMap {
    'civic-signed': CivicSignedEvent;
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

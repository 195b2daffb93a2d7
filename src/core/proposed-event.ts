/**
 * The consultation's `civic-proposed` event, in a module of its own: only the consultation's chunk
 * dispatches it, so the poll's file does not carry it (events.ts has the others).
 */
const init = { bubbles: true, composed: true } as const;

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
    'civic-proposed': CivicProposedEvent;
  }
}

/**
 * `civic-widgets/api`: the REST contract (zod/mini schemas), the CivicBackend plug and its two
 * implementations, typed errors and the offline outbox. No element is defined by this entry.
 */
export * from './common.js';
export * from './petition.js';
export { normaliseEmail, publicName } from '../domain/people.js';
export * from './comments.js';
export * from './poll.js';
export * from './comparison.js';
export * from './admin.js';
export * from './errors.js';
export * from './backend.js';
export * from './rest.js';
export * from './rest-backend.js';
export * from './memory-backend.js';
export type { MemoryPolls, MemoryPollsData } from './memory-poll.js';
export * from './rest-poll.js';
export * from './outbox.js';
export * from './outbox-replay.js';
export * from './rest-comments.js';
export * from './rest-petitions.js';
export * from './memory-comments.js';

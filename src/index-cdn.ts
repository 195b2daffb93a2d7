/**
 * What `dist/cdn/civic-widgets.js` (the CDN file with every widget) exports of the API, in place of
 * src/api/index.ts (rollup.config.mjs): the contract the widgets speak (every resource's schemas,
 * typed errors, RestBackend, the outbox). The in-memory backends and the console's admin schemas,
 * which no widget loads, come from npm (`civic-widgets`, `civic-widgets/api`) and stay out of the file.
 */
export * from './api/common.js';
export * from './api/petition.js';
export { normaliseEmail, publicName } from './domain/people.js';
export * from './api/comments.js';
export * from './api/poll.js';
export * from './api/comparison.js';
export * from './api/errors.js';
export * from './api/backend.js';
export * from './api/rest.js';
export * from './api/rest-backend.js';
export * from './api/rest-poll.js';
export * from './api/outbox.js';
export * from './api/rest-comments.js';
export * from './api/rest-petitions.js';

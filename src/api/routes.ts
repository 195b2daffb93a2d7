/**
 * The REST operations, as one table: the reference server registers its JSON routes from it (parsing
 * params, queries and bodies with the operations' schemas), the OpenAPI document is generated from
 * it and the test mocks answer it, so none can drift from the contract. Paths are relative to the API
 * base (`https://example.org/api`) and use OpenAPI's `{param}` form.
 *
 * Each operation is a constant of its resource's module (`routes/<resource>.ts`, the organisers' in
 * `routes/admin.ts`), which RestBackend calls one by one (rest-call.ts). Widgets never import this
 * table: it would put every schema of the contract into every widget's file.
 */
import { accountOperations } from './routes/accounts.js';
import { adminCommentOperations, adminComparisonOperations, adminPetitionOperations, adminPollOperations } from './routes/admin.js';
import { commentOperations } from './routes/comments.js';
import { comparisonOperations } from './routes/comparisons.js';
import { consultationOperations } from './routes/consultations.js';
import { petitionOperations } from './routes/petitions.js';
import { getPollChallenge } from './routes/poll-challenge.js';
import { pollOperations } from './routes/polls.js';
import type { Operation } from './operation.js';

export type { Endpoint, Method, Operation } from './operation.js';

// The document lists a poll's proposals and arguments before the ballots, the email confirmation last.
const { getPoll, pollResults, pollEvents, ...ballots } = pollOperations;
const { requestParticipantEmail, confirmParticipant, ...proposals } = consultationOperations;

/** Every operation by its id, in the order of the OpenAPI document. */
export const routes = {
  ...petitionOperations,
  ...adminPetitionOperations,
  ...comparisonOperations,
  ...adminComparisonOperations,
  ...commentOperations,
  ...adminCommentOperations,
  getPoll,
  pollResults,
  pollEvents,
  ...proposals,
  getPollChallenge,
  ...ballots,
  requestParticipantEmail,
  confirmParticipant,
  ...adminPollOperations,
  ...accountOperations,
};

export type RouteName = keyof typeof routes;
/** Every operation, in table order. */
export const operations: readonly Operation[] = Object.values(routes);

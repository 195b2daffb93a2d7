/**
 * The REST operations, as one table: the reference server registers its JSON routes from it (parsing
 * params, queries and bodies with the operations' schemas), the OpenAPI document is generated from
 * it and the test mocks answer it, so none can drift from the contract. Paths are relative to the API
 * base (`https://example.org/api`) and use OpenAPI's `{param}` form.
 *
 * Each operation is a constant of its resource's module (`routes/<resource>.ts`); RestBackend calls
 * them one by one (rest-call.ts). Widgets never import this table: it would put every schema of the
 * contract into every widget's file.
 */
import { confirmSignature, getPetition, petitionEvents, signPetition, withdrawSignature } from './routes/petitions.js';
import { getComparison, submitAnswers } from './routes/comparisons.js';
import {
  deleteComment,
  editComment,
  flagComment,
  getChallenge,
  getThread,
  likeComment,
  listComments,
  listMentions,
  myComments,
  postComment,
  threadEvents,
} from './routes/comments.js';
import { getBallot, getPoll, pollEvents, pollResults, votePoll, voteProposal, withdrawPollVote, withdrawProposalVote } from './routes/polls.js';
import {
  confirmParticipant,
  likeArgument,
  listArguments,
  listProposals,
  requestParticipantEmail,
  submitArgument,
  submitProposal,
  unlikeArgument,
} from './routes/consultations.js';
import {
  adminComments,
  adminDeleteComment,
  approveComment,
  closePetition,
  closePoll,
  comparisonAnswers,
  createBlock,
  createComparison,
  createPetition,
  createPoll,
  createProposal,
  createThread,
  deleteBlock,
  exportPollCsv,
  exportPollJson,
  exportSignatures,
  listBlocks,
  moderateArgument,
  moderateProposal,
  moderationQueue,
  pinComment,
  rejectComment,
  updateComparison,
  updatePetition,
  updatePoll,
  updateThread,
} from './routes/admin.js';
import type { Operation } from './operation.js';

export type { Method, Operation } from './operation.js';

/** Every operation by its id, in the order of the OpenAPI document. */
export const routes = {
  // Petitions
  getPetition,
  signPetition,
  petitionEvents,
  confirmSignature,
  withdrawSignature,
  createPetition,
  updatePetition,
  closePetition,
  exportSignatures,
  // Comparisons
  getComparison,
  submitAnswers,
  createComparison,
  updateComparison,
  comparisonAnswers,
  // Comments
  getThread,
  listComments,
  postComment,
  myComments,
  getChallenge,
  listMentions,
  threadEvents,
  editComment,
  deleteComment,
  likeComment,
  flagComment,
  createThread,
  updateThread,
  adminComments,
  approveComment,
  rejectComment,
  adminDeleteComment,
  pinComment,
  listBlocks,
  createBlock,
  deleteBlock,
  // Polls
  getPoll,
  pollResults,
  pollEvents,
  listProposals,
  submitProposal,
  listArguments,
  submitArgument,
  likeArgument,
  unlikeArgument,
  getBallot,
  votePoll,
  withdrawPollVote,
  voteProposal,
  withdrawProposalVote,
  requestParticipantEmail,
  confirmParticipant,
  createPoll,
  updatePoll,
  closePoll,
  createProposal,
  moderationQueue,
  moderateProposal,
  moderateArgument,
  exportPollJson,
  exportPollCsv,
};

export type RouteName = keyof typeof routes;
/** Every operation, in table order. */
export const operations: readonly Operation[] = Object.values(routes);

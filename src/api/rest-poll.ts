/** The poll part of the REST contract: every poll's calls (rest-poll-core.ts), the challenge (rest-poll-challenge.ts) and the consultations'. */
import type { PollBackend } from './backend.js';
import { RestClient } from './rest.js';
import { call } from './rest-call.js';
import { restPollChallenge } from './rest-poll-challenge.js';
import { restPollCore } from './rest-poll-core.js';
import { likeArgument, listArguments, listProposals, requestParticipantEmail, submitArgument, submitProposal, unlikeArgument } from './routes/consultations.js';

type ConsultationCalls = Pick<Required<PollBackend>, 'proposals' | 'propose' | 'arguments' | 'argue' | 'like' | 'confirmEmail'>;

/** The consultations' calls: proposals, arguments, likes, the email confirmation. */
export function restConsultations(client: RestClient): ConsultationCalls {
  return {
    proposals: (id, q = {}, o) => call(client, listProposals, { id, theme: q.themeId, sort: q.sort, cursor: q.cursor, limit: q.limit }, o),
    propose: (id, body, o) => call(client, submitProposal, { id }, { ...o, body }),
    arguments: (id, proposalId, o) => call(client, listArguments, { id, proposalId }, o),
    argue: (id, proposalId, body, o) => call(client, submitArgument, { id, proposalId }, { ...o, body }),
    like: (id, argumentId, participant, liked, o) => call(client, liked ? likeArgument : unlikeArgument, { id, argumentId, participant }, o),
    confirmEmail: (id, participant, email, o) => call(client, requestParticipantEmail, { id, participant }, { ...o, body: { email } }),
  };
}

export const restPolls = (client: RestClient): PollBackend => ({ ...restPollCore(client), ...restPollChallenge(client), ...restConsultations(client) });

/**
 * `part` with the consultations' calls: its own where it has them, else the REST calls at `baseUrl`
 * (the `api` attribute of a <civic-poll>, which builds only the every-poll part).
 */
export const withConsultation = (part: PollBackend, baseUrl: string): PollBackend => ({ ...restConsultations(new RestClient({ baseUrl })), ...part });

/**
 * A poll's proof-of-work challenge over REST (`integrity: 'proof-of-work'`): only a new participant's
 * first vote in such a poll asks for one, so <civic-poll> loads this with its solver, not in its file.
 */
import type { PollBackend } from './backend.js';
import { RestClient } from './rest.js';
import { call } from './rest-call.js';
import { getPollChallenge } from './routes/poll-challenge.js';

export const restPollChallenge = (client: RestClient): Pick<Required<PollBackend>, 'challenge'> => ({
  challenge: (id, o) => call(client, getPollChallenge, { id }, o),
});

/** `part` with a challenge call: its own where it has one, else the REST call at `baseUrl` (the `api` attribute of a <civic-poll>). */
export const withChallenge = (part: PollBackend, baseUrl: string): PollBackend => ({ ...restPollChallenge(new RestClient({ baseUrl })), ...part });

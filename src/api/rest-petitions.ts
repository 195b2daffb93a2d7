/** The petition part of the REST contract. */
import type { PetitionBackend } from './backend.js';
import type { RestClient } from './rest.js';
import { call, listen } from './rest-call.js';
import { getPetition, petitionEvents, signPetition } from './routes/petitions.js';

export function restPetitions(client: RestClient): PetitionBackend {
  return {
    get: (id, o) => call(client, getPetition, { id }, o),
    sign: (id, body, o) => call(client, signPetition, { id }, { ...o, body }),
    subscribe: (id, listener) => listen(client, petitionEvents, { id }, listener),
  };
}

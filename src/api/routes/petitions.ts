/** The petitions' operations: reading and signing, the mail links and live events. */
import { IdParams, type Operation } from '../operation.js';
import { TokenInput } from '../common.js';
import { Petition, PetitionEvent, SignResult, SignatureInput, TokenResult } from '../petition.js';

export const getPetition = { id: 'getPetition', method: 'GET', path: '/petitions/{id}', params: IdParams, response: Petition,
  tags: ['petitions'], summary: 'A petition with its confirmed count and newest public signers', status: 200, errors: [400, 404] } as const satisfies Operation;

export const signPetition = { id: 'signPetition', method: 'POST', path: '/petitions/{id}/signatures', params: IdParams, body: SignatureInput, response: SignResult, idempotent: true,
  tags: ['petitions'], summary: 'Sign a petition (one signature per email; pending until confirmed by mail when double opt-in is on)', status: 200, errors: [400, 404, 409, 413, 422, 429] } as const satisfies Operation;

export const petitionEvents = { id: 'petitionEvents', method: 'GET', path: '/petitions/{id}/events', params: IdParams, response: PetitionEvent,
  tags: ['petitions'], summary: 'Server-sent events: the current state on connect, then one event per change', produces: 'text/event-stream', status: 200, errors: [400, 404] } as const satisfies Operation;

export const confirmSignature = { id: 'confirmSignature', method: 'POST', path: '/signatures/confirm', body: TokenInput, response: TokenResult,
  tags: ['petitions'], summary: 'Confirm a signature with the token from the mail', status: 200, errors: [400, 404, 409, 413, 429] } as const satisfies Operation;

export const withdrawSignature = { id: 'withdrawSignature', method: 'POST', path: '/signatures/withdraw', body: TokenInput, response: TokenResult,
  tags: ['petitions'], summary: 'Withdraw a signature with the token from the mail: the signature is deleted', status: 200, errors: [400, 404, 413, 429] } as const satisfies Operation;

/** The petitions' operations, in the order of the OpenAPI document (routes.ts merges them). */
export const petitionOperations = { getPetition, signPetition, petitionEvents, confirmSignature, withdrawSignature };

/** The petitions' operations: reading and signing, the mail links and live events. */
import { IdParams, type Operation } from '../operation.js';
import { TokenInput } from '../common.js';
import { Petition, PetitionEvent, SignResult, SignatureInput, TokenResult } from '../petition.js';

export const getPetition = {
  id: 'getPetition', method: 'GET', path: '/petitions/{id}', tags: ['petitions'],
  summary: 'A petition with its confirmed count and newest public signers',
  params: IdParams, response: Petition, status: 200, errors: [400, 404],
} as const satisfies Operation;

export const signPetition = {
  id: 'signPetition', method: 'POST', path: '/petitions/{id}/signatures', tags: ['petitions'],
  summary: 'Sign a petition (one signature per email; pending until confirmed by mail when double opt-in is on)',
  params: IdParams, body: SignatureInput, response: SignResult, status: 200, errors: [400, 404, 409, 413, 429], idempotent: true,
} as const satisfies Operation;

export const petitionEvents = {
  id: 'petitionEvents', method: 'GET', path: '/petitions/{id}/events', tags: ['petitions'],
  summary: 'Server-sent events: the current state on connect, then one event per change',
  params: IdParams, response: PetitionEvent, produces: 'text/event-stream', status: 200, errors: [400, 404],
} as const satisfies Operation;

export const confirmSignature = {
  id: 'confirmSignature', method: 'POST', path: '/signatures/confirm', tags: ['petitions'],
  summary: 'Confirm a signature with the token from the mail',
  body: TokenInput, response: TokenResult, status: 200, errors: [400, 404, 409, 413, 429],
} as const satisfies Operation;

export const withdrawSignature = {
  id: 'withdrawSignature', method: 'POST', path: '/signatures/withdraw', tags: ['petitions'],
  summary: 'Withdraw a signature with the token from the mail: the signature is deleted',
  body: TokenInput, response: TokenResult, status: 200, errors: [400, 404, 413, 429],
} as const satisfies Operation;

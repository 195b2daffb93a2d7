/**
 * The REST operations, as data: the reference server registers its JSON routes from this table
 * (parsing params and bodies with these schemas) and generates its OpenAPI document from it, so the
 * two cannot drift apart. Paths are relative to the API base (`https://example.org/api`) and use
 * OpenAPI's `{param}` form.
 */
import * as z from 'zod/mini';
import { Petition, PetitionEvent, SignResult, SignatureInput, TokenInput, TokenResult } from './petition.js';
import { ComparisonCreate, ComparisonUpdate, PetitionCreate, PetitionUpdate } from './admin.js';
import { AnswerAggregate, AnswersInput, AnswersResult, Comparison } from './comparison.js';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface Operation {
  /** Stable name of the operation (OpenAPI `operationId`). */
  readonly id: string;
  readonly method: Method;
  /** Under the API base, e.g. `/petitions/{id}`. */
  readonly path: string;
  readonly summary: string;
  readonly description?: string;
  readonly tags: readonly string[];
  /** The path parameters. */
  readonly params?: z.ZodMiniObject;
  /** The JSON body. */
  readonly body?: z.ZodMiniType;
  /** The JSON answer, or each event's `data` for `text/event-stream`. */
  readonly response?: z.ZodMiniType;
  readonly produces: 'application/json' | 'text/event-stream' | 'text/csv';
  /** The status of a success. */
  readonly status: number;
  /** The statuses of the failures it can answer (each with an `ApiError` body). 429: rate-limited per client. */
  readonly errors: readonly number[];
  /** Needs `Authorization: Bearer <admin token>`. */
  readonly admin?: boolean;
  /** Honours an `Idempotency-Key` header: the same key replayed answers the first result. */
  readonly idempotent?: boolean;
  /** The largest body accepted, in bytes (default 64 kB). */
  readonly maxBody?: number;
}

const op = <const O extends Operation>(o: O): O => o;
/** A path id is checked as the organiser's id was when the resource was created. */
const IdParams = z.object({ id: PetitionCreate.shape.id });
const ComparisonParams = z.object({ id: ComparisonCreate.shape.id });
/** A comparison of 12 parties on 40 statements, each position with a quote and a source, is about 150 kB. */
const COMPARISON_BODY = 1024 * 1024;

export const routes = {
  getPetition: op({
    id: 'getPetition',
    method: 'GET',
    path: '/petitions/{id}',
    summary: 'A petition with its confirmed count and newest public signers',
    tags: ['petitions'],
    params: IdParams,
    response: Petition,
    produces: 'application/json',
    status: 200,
    errors: [400, 404],
  }),
  signPetition: op({
    id: 'signPetition',
    method: 'POST',
    path: '/petitions/{id}/signatures',
    summary: 'Sign a petition (one signature per email; pending until confirmed by mail when double opt-in is on)',
    tags: ['petitions'],
    params: IdParams,
    body: SignatureInput,
    response: SignResult,
    produces: 'application/json',
    status: 200,
    errors: [400, 404, 409, 413, 429],
    idempotent: true,
  }),
  petitionEvents: op({
    id: 'petitionEvents',
    method: 'GET',
    path: '/petitions/{id}/events',
    summary: 'Server-sent events: the current state on connect, then one event per change',
    tags: ['petitions'],
    params: IdParams,
    response: PetitionEvent,
    produces: 'text/event-stream',
    status: 200,
    errors: [400, 404],
  }),
  confirmSignature: op({
    id: 'confirmSignature',
    method: 'POST',
    path: '/signatures/confirm',
    summary: 'Confirm a signature with the token from the mail',
    tags: ['petitions'],
    body: TokenInput,
    response: TokenResult,
    produces: 'application/json',
    status: 200,
    errors: [400, 404, 409, 413, 429],
  }),
  withdrawSignature: op({
    id: 'withdrawSignature',
    method: 'POST',
    path: '/signatures/withdraw',
    summary: 'Withdraw a signature with the token from the mail: the signature is deleted',
    tags: ['petitions'],
    body: TokenInput,
    response: TokenResult,
    produces: 'application/json',
    status: 200,
    errors: [400, 404, 413, 429],
  }),
  createPetition: op({
    id: 'createPetition',
    method: 'POST',
    path: '/admin/petitions',
    summary: 'Create a petition',
    tags: ['admin'],
    body: PetitionCreate,
    response: Petition,
    produces: 'application/json',
    status: 201,
    errors: [400, 401, 409, 413],
    admin: true,
  }),
  updatePetition: op({
    id: 'updatePetition',
    method: 'PATCH',
    path: '/admin/petitions/{id}',
    summary: 'Change a petition (any subset of fields)',
    tags: ['admin'],
    params: IdParams,
    body: PetitionUpdate,
    response: Petition,
    produces: 'application/json',
    status: 200,
    errors: [400, 401, 404, 413],
    admin: true,
  }),
  closePetition: op({
    id: 'closePetition',
    method: 'POST',
    path: '/admin/petitions/{id}/close',
    summary: 'Close a petition: it no longer accepts signatures',
    tags: ['admin'],
    params: IdParams,
    response: Petition,
    produces: 'application/json',
    status: 200,
    errors: [400, 401, 404],
    admin: true,
  }),
  exportSignatures: op({
    id: 'exportSignatures',
    method: 'GET',
    path: '/admin/petitions/{id}/signatures.csv',
    summary: 'Every signature of a petition as CSV (UTF-8 with BOM, header row)',
    tags: ['admin'],
    params: IdParams,
    produces: 'text/csv',
    status: 200,
    errors: [400, 401, 404],
    admin: true,
  }),
  getComparison: op({
    id: 'getComparison',
    method: 'GET',
    path: '/comparisons/{id}',
    summary: 'A comparison: its statements, parties, and each party’s position with its source',
    tags: ['comparisons'],
    params: ComparisonParams,
    response: Comparison,
    produces: 'application/json',
    status: 200,
    errors: [400, 404],
  }),
  submitAnswers: op({
    id: 'submitAnswers',
    method: 'POST',
    path: '/comparisons/{id}/answers',
    summary: 'A reader’s anonymous answers, for statistics (only when the comparison collects them and the reader opted in)',
    description: 'Nothing identifies the reader: no name, no address, no cookie, and the client address is not stored.',
    tags: ['comparisons'],
    params: ComparisonParams,
    body: AnswersInput,
    response: AnswersResult,
    produces: 'application/json',
    status: 200,
    errors: [400, 403, 404, 413, 429],
    idempotent: true,
  }),
  createComparison: op({
    id: 'createComparison',
    method: 'POST',
    path: '/admin/comparisons',
    summary: 'Create a comparison (statements, parties, positions with their sources)',
    tags: ['admin'],
    body: ComparisonCreate,
    response: Comparison,
    produces: 'application/json',
    status: 201,
    errors: [400, 401, 409, 413],
    admin: true,
    maxBody: COMPARISON_BODY,
  }),
  updateComparison: op({
    id: 'updateComparison',
    method: 'PATCH',
    path: '/admin/comparisons/{id}',
    summary: 'Change a comparison (any subset of fields; a list given replaces the whole list)',
    tags: ['admin'],
    params: ComparisonParams,
    body: ComparisonUpdate,
    response: Comparison,
    produces: 'application/json',
    status: 200,
    errors: [400, 401, 404, 413],
    admin: true,
    maxBody: COMPARISON_BODY,
  }),
  comparisonAnswers: op({
    id: 'comparisonAnswers',
    method: 'GET',
    path: '/admin/comparisons/{id}/answers',
    summary: 'What readers answered, statement by statement (the opt-in anonymous answers, aggregated)',
    tags: ['admin'],
    params: ComparisonParams,
    response: AnswerAggregate,
    produces: 'application/json',
    status: 200,
    errors: [400, 401, 404],
    admin: true,
  }),
};

export type RouteName = keyof typeof routes;
/** Every operation, in table order. */
export const operations: readonly Operation[] = Object.values(routes);

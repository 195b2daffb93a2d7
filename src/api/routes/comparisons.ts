/** The comparisons' operations: reading one, and readers' opt-in anonymous answers. */
import { AnswersInput, AnswersResult, Comparison } from '../comparison.js';
import { IdParams, type Operation } from '../operation.js';

export const getComparison = { id: 'getComparison', method: 'GET', path: '/comparisons/{id}', params: IdParams, response: Comparison,
  tags: ['comparisons'], summary: 'A comparison: its statements, parties, and each party’s position with its source', status: 200, errors: [400, 404] } as const satisfies Operation;

export const submitAnswers = { id: 'submitAnswers', method: 'POST', path: '/comparisons/{id}/answers', params: IdParams, body: AnswersInput, response: AnswersResult, idempotent: true,
  description: 'Nothing identifies the reader: no name, no address, no cookie, and the client address is not stored.',
  tags: ['comparisons'], summary: 'A reader’s anonymous answers, for statistics (only when the comparison collects them and the reader opted in)', status: 200, errors: [400, 403, 404, 413, 422, 429] } as const satisfies Operation;

/** The comparisons' operations, in the order of the OpenAPI document (routes.ts merges them). */
export const comparisonOperations = { getComparison, submitAnswers };

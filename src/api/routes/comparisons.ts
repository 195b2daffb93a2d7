/** The comparisons' operations: reading one, and readers' opt-in anonymous answers. */
import { AnswersInput, AnswersResult, Comparison } from '../comparison.js';
import { IdParams, type Operation } from '../operation.js';

export const getComparison = {
  id: 'getComparison', method: 'GET', path: '/comparisons/{id}', tags: ['comparisons'],
  summary: 'A comparison: its statements, parties, and each party’s position with its source',
  params: IdParams, response: Comparison, status: 200, errors: [400, 404],
} as const satisfies Operation;

export const submitAnswers = {
  id: 'submitAnswers', method: 'POST', path: '/comparisons/{id}/answers', tags: ['comparisons'],
  summary: 'A reader’s anonymous answers, for statistics (only when the comparison collects them and the reader opted in)',
  description: 'Nothing identifies the reader: no name, no address, no cookie, and the client address is not stored.',
  params: IdParams, body: AnswersInput, response: AnswersResult, status: 200, errors: [400, 403, 404, 413, 429], idempotent: true,
} as const satisfies Operation;

/** The comparator part of the REST contract. */
import type { ComparisonBackend } from './backend.js';
import { AnswersResult, Comparison } from './comparison.js';
import type { RestClient } from './rest.js';

const seg = encodeURIComponent;

export function restComparisons(client: RestClient): ComparisonBackend {
  return {
    get: (id, o) => client.request('GET', `/comparisons/${seg(id)}`, Comparison, { signal: o?.signal }),
    submitAnswers: (id, input, o) =>
      client.request('POST', `/comparisons/${seg(id)}/answers`, AnswersResult, { body: input, idempotencyKey: o.idempotencyKey, signal: o.signal }),
  };
}

/** The comparator part of the REST contract. */
import type { ComparisonBackend } from './backend.js';
import type { RestClient } from './rest.js';
import { call } from './rest-call.js';
import { getComparison, submitAnswers } from './routes/comparisons.js';

export function restComparisons(client: RestClient): ComparisonBackend {
  return {
    get: (id, o) => call(client, getComparison, { id }, o),
    submitAnswers: (id, body, o) => call(client, submitAnswers, { id }, { ...o, body }),
  };
}

/**
 * A poll's proof-of-work challenge (`integrity: 'proof-of-work'`). A module of its own, not in
 * polls.ts: the poll's file loads it only with its solver, for a new participant's first vote.
 */
import { Challenge } from '../challenge.js';
import { IdParams, type Operation } from '../operation.js';

export const getPollChallenge = { id: 'getPollChallenge', method: 'GET', path: '/polls/{id}/challenge', params: IdParams, response: Challenge,
  tags: ['polls'], summary: 'A proof-of-work challenge to solve before a new participant\'s first vote (polls with `integrity: proof-of-work`; see the Challenge schema)', status: 200, errors: [400, 404, 429] } as const satisfies Operation;

/**
 * The proof-of-work challenge, shared by comment threads and polls. A module of its own so that a
 * widget's file carries it only in the chunk that solves one (loaded on demand).
 */
import * as z from 'zod/mini';
import { Count, Timestamp, oneOf } from './common.js';

/**
 * The proof-of-work hand-shake (`challenge()` when a thread says `challenge: true`, or a poll
 * `integrity: 'proof-of-work'` before a new participant's first vote):
 * find a non-negative integer `n` such that the SHA-256 of the UTF-8 bytes of `prefix + n` (n in
 * decimal, no leading zeros) starts with `difficulty` zero bits, and post `challenge: prefix + n`.
 * About 2^difficulty hashes on average (a worker or the main thread, `crypto.subtle.digest`).
 * The prefix is signed by the server, bound to the thread or poll, expires at `expiresAt` and is accepted
 * once: an expired, used or wrong solution is refused with 400 naming `challenge`, and the widget
 * asks for a new one (a comment or vote kept offline solves a fresh one when it is sent again).
 */
export const Challenge = z.object({
  algorithm: /* @__PURE__ */ oneOf(['SHA-256']),
  prefix: z.string(),
  difficulty: Count,
  expiresAt: Timestamp,
});
export type Challenge = z.infer<typeof Challenge>;

/**
 * What a participant of a consultation writes: a proposal, an argument. Apart from poll.ts so that
 * a quick poll's file does not carry them (the consultation's chunk and the server do).
 */
import * as z from 'zod/mini';
import { Honeypot, Id, line } from './common.js';
import { POLL_LIMITS as L } from './poll.js';

/** A participant's proposal. */
export const ProposalInput = /* @__PURE__ */ z.object({
  themeId: z.optional(z.nullable(Id)),
  title: /* @__PURE__ */ line(L.title),
  body: /* @__PURE__ */ line(L.body),
  authorName: /* @__PURE__ */ line(L.authorName),
  hp: Honeypot,
});

export const ArgumentInput = /* @__PURE__ */ z.object({
  side: /* @__PURE__ */ z.enum(['for', 'against']),
  body: /* @__PURE__ */ line(L.argument),
  authorName: /* @__PURE__ */ line(L.authorName),
  hp: Honeypot,
});

export type ProposalInput = z.input<typeof ProposalInput>;
export type ArgumentInput = z.input<typeof ArgumentInput>;

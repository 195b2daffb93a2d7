/** The petition resource: a petition, its signatures and its live count. */
import * as z from 'zod/mini';
import { Count, Email, Honeypot, Id, OpenStatus, Timestamp, line, oneOf, optionalText } from './common.js';

export const Locale = oneOf(['fr', 'en']);
export type Locale = z.infer<typeof Locale>;

/** A signer who agreed to be shown: first name and initial, city. */
export const PublicSigner = z.object({
  name: z.string(),
  city: z.nullable(z.string()),
  signedAt: Timestamp,
});
export type PublicSigner = z.infer<typeof PublicSigner>;

export const Petition = z.object({
  id: Id,
  title: z.string(),
  summary: z.string(),
  /** The petition's own page, if it has one (shared by the share links). */
  url: z.nullable(z.string()),
  /** The organiser's goal. Widgets raise the displayed goal once it is reached. */
  goal: Count,
  /** Confirmed signatures. */
  signatureCount: Count,
  status: OpenStatus,
  /** After this instant the petition no longer accepts signatures. */
  closesAt: z.nullable(Timestamp),
  /** Signatures count only once confirmed through the emailed link. */
  doubleOptIn: z.boolean(),
  /** The language of the emails and pages the server sends for this petition. */
  locale: Locale,
  /** The newest confirmed signers who agreed to be shown, newest first (at most 10). */
  recentSigners: z.array(PublicSigner),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Petition = z.infer<typeof Petition>;

/** The longest text each field of a signature accepts (the schema below and the form's counters). */
export const SIGNATURE_LIMITS = { name: 100, email: 254, postalCode: 12, city: 100, comment: 1000 } as const;
const L = SIGNATURE_LIMITS;

/** What a person submits to sign. */
export const SignatureInput = z.object({
  name: line(L.name),
  email: Email,
  postalCode: optionalText(L.postalCode),
  city: optionalText(L.city),
  comment: optionalText(L.comment),
  /** Show my first name, initial and city among the signers. */
  showName: z.optional(z.boolean()),
  /** Receive updates from the organiser. */
  acceptUpdates: z.optional(z.boolean()),
  /** Honeypot: people leave it empty. */
  hp: Honeypot,
});
export type SignatureInput = z.input<typeof SignatureInput>;

export const SignStatus = oneOf(['pending', 'confirmed', 'already-signed']);
export type SignStatus = z.infer<typeof SignStatus>;
export const SignResult = z.object({
  /** `pending`: check your email; `confirmed`: counted; `already-signed`: this email has signed before. */
  status: SignStatus,
  signatureCount: Count,
});
export type SignResult = z.infer<typeof SignResult>;

export const TokenResult = z.object({
  status: oneOf(['confirmed', 'withdrawn']),
  petitionId: Id,
  signatureCount: Count,
});
export type TokenResult = z.infer<typeof TokenResult>;

/** The live event sent on a petition's stream whenever its count or signers change. */
export const PetitionEvent = z.object({
  type: oneOf(['petition']),
  signatureCount: Count,
  goal: Count,
  status: OpenStatus,
  recentSigners: z.array(PublicSigner),
});
export type PetitionEvent = z.infer<typeof PetitionEvent>;

/** Whether a petition accepts signatures at `now`. */
export function isOpen(p: Pick<Petition, 'status' | 'closesAt'>, now = Date.now()): boolean {
  return p.status === 'open' && (p.closesAt === null || Date.parse(p.closesAt) > now);
}

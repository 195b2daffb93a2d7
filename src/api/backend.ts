/**
 * The plug: what a backend implements for the widgets.
 *
 * A backend is an object with one optional part per resource. A widget uses only its part and
 * shows an "unsupported" message if it is missing, so a site can write a backend for just the
 * widget it uses (the comments of a WordPress blog, a petition stored in an existing CRM…).
 *
 * Every method:
 * - returns data that satisfies the schemas in this folder (RestBackend checks; custom backends should),
 * - rejects with a CivicError whose `kind` says what went wrong (`validation` with `issues` naming
 *   fields, `not-found`, `closed`, `network`…),
 * - honours `signal` when given.
 * Writes take an `idempotencyKey`: the same key sent twice must have the effect of one call and
 * answer the same result, so a write can be retried (and replayed from the outbox) safely.
 */
import type { Petition, PetitionEvent, SignResult, SignatureInput } from './petition.js';
import type { AnswersInput, AnswersResult, Comparison } from './comparison.js';

export interface CallOptions {
  signal?: AbortSignal | undefined;
}
export interface WriteOptions extends CallOptions {
  /** One key per submission, reused on every retry of that submission. */
  idempotencyKey: string;
}

export interface PetitionBackend {
  get(id: string, options?: CallOptions): Promise<Petition>;
  sign(id: string, input: SignatureInput, options: WriteOptions): Promise<SignResult>;
  /** Live count and signers. Returns the function that stops listening. */
  subscribe?(id: string, listener: (event: PetitionEvent) => void): () => void;
}

/** Parts for the comment thread, poll and comparator are added by their widgets' modules. */
export interface CivicBackend {
  readonly petitions?: PetitionBackend;
  readonly comparisons?: ComparisonBackend;
}

export interface ComparisonBackend {
  get(id: string, options?: CallOptions): Promise<Comparison>;
  /**
   * A reader's anonymous answers, sent only when the comparison collects them and the reader opted
   * in (optional: without it, the widget never offers to send). Rejects with `forbidden` when the
   * comparison does not collect answers.
   */
  submitAnswers?(id: string, input: AnswersInput, options: WriteOptions): Promise<AnswersResult>;
}

/** A fresh idempotency key. */
export const newKey = (): string => crypto.randomUUID();

/** Typed failures: every failure a backend reports is a CivicError with a kind the widgets can localise. */
import type { ApiIssue, ErrorKind } from './common.js';

export type CivicErrorKind =
  | ErrorKind
  /** The request never reached the server (offline, DNS, CORS, connection reset). */
  | 'network'
  /** The server took longer than the timeout. */
  | 'timeout'
  /** The server answered something the contract does not allow. */
  | 'invalid-response'
  /** The caller aborted the request. */
  | 'aborted'
  /** The backend does not implement this part of the contract. */
  | 'unsupported';

/** What marks a CivicError of any copy of this module (each CDN file carries its own). */
const MARK = Symbol.for('civic-error');

export class CivicError extends Error {
  // The fields are `declare`d and set in the constructor: no class-field declarations in the
  // emitted code, which the widgets' CDN files would carry for nothing.
  /** What went wrong. */
  declare readonly kind: CivicErrorKind;
  /** HTTP status when the server answered. */
  declare readonly status: number | undefined;
  /** Field problems, each naming its field by path. */
  declare readonly issues: readonly ApiIssue[];
  /** Seconds to wait before trying again (rate limits). */
  declare readonly retryAfter: number | undefined;

  constructor(
    kind: CivicErrorKind,
    message: string,
    init: { status?: number; issues?: readonly ApiIssue[]; retryAfter?: number | undefined; cause?: unknown } = {},
  ) {
    super(message, { cause: init.cause });
    this.kind = kind;
    this.name = 'CivicError';
    this.status = init.status;
    this.issues = init.issues ?? [];
    this.retryAfter = init.retryAfter;
    (this as unknown as Record<symbol, boolean>)[MARK] = true;
  }

  /**
   * `e instanceof CivicError` holds for a CivicError of any copy of this class: a widget given its
   * backend by a provider from another CDN file gets that file's errors, and must still know a network
   * failure (to keep the write) from a refusal. A subclass (`FileError`) checks as classes do.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return this === CivicError ? typeof value === 'object' && value !== null && MARK in value : Function.prototype[Symbol.hasInstance].call(this, value);
  }

  /** Whether the write may have not arrived and is worth sending again later with the same key. */
  get transient(): boolean {
    return this.kind === 'network' || this.kind === 'timeout';
  }
}

/** Turns zod issues into contract issues (dotted paths; `body` for the whole body). */
export const toIssues = (issues: readonly { path: readonly PropertyKey[]; code: string; message: string }[]): ApiIssue[] =>
  issues.map((i) => ({ path: i.path.join('.') || 'body', code: i.code, message: i.message }));

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
  }

  /** Whether the write may have not arrived and is worth sending again later with the same key. */
  get transient(): boolean {
    return this.kind === 'network' || this.kind === 'timeout';
  }
}

/** Turns zod issues into contract issues (dotted paths; `body` for the whole body). */
export const toIssues = (issues: readonly { path: readonly PropertyKey[]; code: string; message: string }[]): ApiIssue[] =>
  issues.map((i) => ({ path: i.path.join('.') || 'body', code: i.code, message: i.message }));

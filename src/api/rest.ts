/**
 * The REST transport: fetch with a timeout, retries with backoff (network failures, 5xx, 429 with
 * Retry-After), the Idempotency-Key header of a write, and every answer checked with its schema.
 * The contract's operations are called through it by `call` and `listen` (rest-call.ts).
 */
import type * as z from 'zod/mini';
import { ApiError, type ApiIssue } from './common.js';
import { CivicError, toIssues, type CivicErrorKind } from './errors.js';

export interface RestOptions {
  /** Where the API lives, e.g. `https://example.org/api`. */
  baseUrl: string;
  /** Per-attempt timeout in milliseconds (default 10 000). */
  timeoutMs?: number;
  /** How many times a failed attempt is retried (default 3). */
  retries?: number;
  /** First backoff delay in milliseconds, doubled at each retry (default 400). */
  backoffMs?: number;
  /** The longest Retry-After waited for; longer ones fail with `rate-limited` (default 30 000). */
  maxRetryAfterMs?: number;
  /** A fetch to use instead of the global one. */
  fetch?: typeof fetch;
}

export interface RequestOptions {
  body?: unknown;
  /** Sent as the Idempotency-Key header, the same on every retry. */
  idempotencyKey?: string | undefined;
  signal?: AbortSignal | undefined;
}

const kinds: Record<number, CivicErrorKind> = { 401: 'unauthorized', 403: 'forbidden', 404: 'not-found', 409: 'conflict', 410: 'closed', 413: 'payload-too-large', 429: 'rate-limited' };

/** Seconds from a Retry-After header (delta-seconds or an HTTP date). */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const s = +value;
  const at = Date.parse(value);
  return s >= 0 ? s : at ? Math.max(0, (at - now) / 1000) : undefined;
}

/** `data` checked with `schema`, or a CivicError `invalid-response` naming what is wrong. */
export function check<S extends z.ZodMiniType>(schema: S, data: unknown): z.infer<S> {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  throw new CivicError('invalid-response', 'the server answered outside the contract', { issues: toIssues(r.error.issues) });
}

export class RestClient {
  // Declared, not defined as fields: the constructor sets them (and a widget's file is smaller).
  declare readonly baseUrl: string;
  declare readonly options: RestOptions;

  constructor(options: RestOptions) {
    this.options = options;
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  /** The URL of a path of the API (fetch and EventSource resolve it against the page). */
  url(path: string): string {
    return this.baseUrl + path;
  }

  /** One request; `schema` checks the answer. An idempotent one carries an Idempotency-Key: `o.idempotencyKey`, else a new one. */
  async request<S extends z.ZodMiniType>(method: string, path: string, schema: S, o: RequestOptions = {}, idempotent?: boolean): Promise<z.infer<S>> {
    const { timeoutMs = 1e4, retries = 3, backoffMs = 400, maxRetryAfterMs = 3e4, fetch: f = fetch } = this.options;
    const headers: Record<string, string> = { accept: 'application/json' };
    // JSON.stringify(undefined) is undefined: no body.
    const body = JSON.stringify(o.body) as string | undefined;
    if (body) headers['content-type'] = 'application/json';
    if (idempotent) headers['idempotency-key'] = o.idempotencyKey ?? crypto.randomUUID();
    const url = this.url(path);
    for (let attempt = 0; ; attempt++) {
      let error: CivicError;
      const timeout = AbortSignal.timeout(timeoutMs);
      try {
        const res = await f(url, {
          method,
          headers,
          body,
          signal: o.signal ? AbortSignal.any([o.signal, timeout]) : timeout,
          credentials: 'omit',
        });
        // An empty answer (204) fails to parse, as does one that is not JSON: undefined.
        const data: unknown = await res.json().catch(() => undefined);
        if (res.ok) return check(schema, data);
        const answer = ApiError.safeParse(data);
        const e: { kind: CivicErrorKind; message: string; issues?: ApiIssue[] | undefined; retryAfter?: number | undefined } = answer.success
          ? answer.data.error
          : { kind: kinds[res.status] ?? (res.status < 500 ? 'validation' : 'server'), message: `HTTP ${res.status}` };
        error = new CivicError(e.kind, e.message, { status: res.status, issues: e.issues, retryAfter: e.retryAfter || parseRetryAfter(res.headers.get('retry-after')) });
      } catch (e) {
        if (o.signal?.aborted) throw new CivicError('aborted', 'aborted', { cause: e });
        if (e instanceof CivicError) throw e;
        error = new CivicError(timeout.aborted ? 'timeout' : 'network', `${method} ${url} failed`, { cause: e });
      }
      const wait = Math.max(backoffMs * 2 ** attempt * (0.75 + Math.random() / 2), (error.retryAfter ?? 0) * 1000);
      // Only what may not have arrived, or what the server asked to send again later (a 429 with a
      // Retry-After): a refusal is an answer, not a failure (WordPress's 400 comment_flood is
      // `rate-limited` too, without a Retry-After, and sending it again is flooding).
      if (attempt >= retries || !(error.transient || error.kind === 'server' || error.retryAfter! >= 0) || wait > maxRetryAfterMs) throw error;
      await new Promise((r) => setTimeout(r, wait));
      if (o.signal?.aborted) throw new CivicError('aborted', 'aborted');
    }
  }
}

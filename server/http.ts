/**
 * What every route shares: typed failures and their JSON form, bounded body reading, the client's
 * address, the per-client rate limit and the admin check.
 */
import { isIP } from 'node:net';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiError, ApiIssue, ErrorKind } from '../src/api/common.js';
import { sameText, sha256 } from './secrets.js';

/** A failure the client caused or should know about; `onError` turns it into an `ApiError` body. */
export class ApiFailure extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly kind: ErrorKind,
    message: string,
    readonly extra: { issues?: ApiIssue[]; retryAfter?: number } = {},
  ) {
    super(message);
    this.name = 'ApiFailure';
  }

  get body(): ApiError {
    return { error: { kind: this.kind, message: this.message, ...this.extra } };
  }
}

/** A 400 with these issues, each naming its field. */
export const invalidIssues = (issues: ApiIssue[]) => new ApiFailure(400, 'validation', issues.map((i) => `${i.path}: ${i.message}`).join('; '), { issues });

export const invalid = (path: string, message: string, code = 'invalid') =>
  new ApiFailure(400, 'validation', message, { issues: [{ path, code, message }] });
export const notFound = (message: string) => new ApiFailure(404, 'not-found', message);

/** A 409 naming the field in conflict (`issue`: what its issue says, by default the message). */
export const conflict = (path: string, message: string, issue = message) => new ApiFailure(409, 'conflict', message, { issues: [{ path, code: 'conflict', message: issue }] });

/** Creating what exists already: a 409 naming `id`. */
export const idTaken = (what: string, id: string) => conflict('id', `a ${what} ${id} exists already`, 'this id is taken');

/** Sets the Location of what a POST created, at `path` on this server. */
export const setLocation = (c: Context, path: string) => c.header('Location', `${new URL(c.req.url).origin}${path}`);

/** The value, once there; a 404 saying there is no `what` when it is undefined. */
export async function found<T>(value: T | undefined | Promise<T | undefined>, what: string): Promise<T> {
  const v = await value;
  if (v === undefined) throw notFound(`no ${what}`);
  return v;
}

/** The longest JSON body accepted. */
export const MAX_BODY = 64 * 1024;

/** The body as text, refused with 413 past `limit` bytes (whether or not Content-Length says so). */
export async function readText(req: Request, limit = MAX_BODY): Promise<string> {
  const tooLarge = () => new ApiFailure(413, 'payload-too-large', `the body exceeds ${limit} bytes`, {
    issues: [{ path: 'body', code: 'too_big', message: `at most ${limit} bytes` }],
  });
  const declared = Number(req.headers.get('content-length'));
  if (declared > limit) throw tooLarge();
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw invalid('body', 'the body is not UTF-8', 'invalid_encoding');
  }
}

/**
 * The body parsed as JSON; 400 naming `body` when it is missing or not JSON. It must be sent as
 * application/json (415 otherwise): a form or text/plain POST from another site needs no CORS
 * preflight, so without this check `--origin` would not keep other sites' pages from writing.
 */
export async function readJson(req: Request, limit = MAX_BODY): Promise<unknown> {
  const text = await readText(req, limit);
  if (!text.trim()) throw invalid('body', 'a JSON body is required', 'required');
  if (!/^application\/([\w.-]+\+)?json\s*(;|$)/i.test(req.headers.get('content-type') ?? '')) {
    const message = 'the body must be sent with Content-Type: application/json';
    throw new ApiFailure(415, 'validation', message, { issues: [{ path: 'content-type', code: 'invalid_type', message }] });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw invalid('body', 'the body is not valid JSON', 'invalid_json');
  }
}

const MAX_DEPTH = 32;

/**
 * Every string of a JSON body, trimmed: what people type is trimmed before the schemas check it
 * (the contract's text schemas have no trim step). Deeper than 32 levels is refused as malformed;
 * a NUL character (which PostgreSQL cannot store in text) is refused naming its field.
 */
export function trimStrings(value: unknown, path: string[] = []): unknown {
  if (typeof value === 'string') {
    if (value.includes('\0')) throw invalid(path.join('.') || 'body', 'contains a NUL character', 'invalid_string');
    return value.trim();
  }
  if (value === null || typeof value !== 'object') return value;
  if (path.length >= MAX_DEPTH) throw invalid('body', `the body is nested deeper than ${MAX_DEPTH} levels`, 'too_deep');
  if (Array.isArray(value)) return value.map((v, i) => trimStrings(v, [...path, `${i}`]));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = trimStrings(v, [...path, k]);
  return out;
}

/** The eight 16-bit groups of an IPv6 address (`isIP` says 6), an IPv4 tail and a zone read too. */
export function ipv6Groups(address: string): number[] {
  let s = address.replace(/%.*$/, ''); // a zone
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(s);
  if (v4) s = `${s.slice(0, v4.index)}${((+v4[1]! << 8) | +v4[2]!).toString(16)}:${((+v4[3]! << 8) | +v4[4]!).toString(16)}`;
  const [head, tail] = s.split('::') as [string, string | undefined];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const all = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  return all.map((x) => parseInt(x, 16));
}

/** The first four groups of an IPv6 address (its /64), written out; the address itself if it is not one. */
export const ipv6Prefix64 = (ip: string): string =>
  isIP(ip) === 6 ? `${ipv6Groups(ip).slice(0, 4).map((g) => g.toString(16)).join(':')}::/64` : ip;

/** An address as one form: IPv4 clients of a dual-stack socket (`::ffff:192.0.2.1`) as IPv4. */
export const normalIp = (ip: string): string => ip.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '').toLowerCase();

/**
 * The client's address: the socket's, or with `trustProxy` (the number of proxies in front, `true`
 * meaning one) the address that the outermost trusted proxy saw, read from X-Forwarded-For.
 */
export function clientIp(c: Context, trustProxy: boolean | number = false): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  const socket = normalIp(env?.incoming?.socket?.remoteAddress ?? 'unknown');
  const hops = trustProxy === true ? 1 : trustProxy || 0;
  if (!hops) return socket;
  const chain = (c.req.header('x-forwarded-for') ?? '').split(',').map(normalIp).filter(Boolean);
  return chain[chain.length - hops] ?? chain[0] ?? socket;
}

export interface RateLimitOptions {
  /** Requests a client may make in a burst. */
  capacity: number;
  /** Requests added back per second. */
  refillPerSecond: number;
}

/**
 * Where a limit keeps its buckets when not in this process's memory (server/rate-buckets.ts: in
 * PostgreSQL, shared by every process on it).
 */
export interface Buckets {
  /** Takes a token for `key`: 0 when allowed, else the seconds to wait. */
  take(key: string): Promise<number>;
  /** Forgets the buckets that have filled up again. */
  sweep(): Promise<void>;
}

/**
 * A token bucket per client: in this process's memory, or in `shared` buckets (PostgreSQL: every
 * process behind a balancer counts a client together; see `rateLimiter`).
 */
export class RateLimiter {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();
  readonly #sweep: NodeJS.Timeout;

  constructor(
    readonly options: RateLimitOptions,
    readonly shared?: Buckets,
  ) {
    // Forget clients whose bucket has filled up again, so the map (or the table) does not grow without end.
    this.#sweep = setInterval(() => {
      if (shared) return void shared.sweep().catch(() => undefined);
      const now = Date.now();
      for (const [key, b] of this.#buckets) if (this.#level(b, now) >= options.capacity) this.#buckets.delete(key);
    }, 60_000);
    this.#sweep.unref();
  }

  #level(b: { tokens: number; at: number }, now: number) {
    return Math.min(this.options.capacity, b.tokens + ((now - b.at) / 1000) * this.options.refillPerSecond);
  }

  /**
   * Takes a token for `key` (a client address): 0 when allowed, else the seconds to wait. An IPv6
   * client counts by its /64, the block one subscriber is given: else each of its addresses would
   * have a bucket of its own. `now` is for tests of the in-memory buckets (shared ones count on the
   * database's clock).
   */
  async take(client: string, now = Date.now()): Promise<number> {
    const key = client.includes(':') ? ipv6Prefix64(client) : client;
    if (this.shared) return this.shared.take(key);
    const b = this.#buckets.get(key) ?? { tokens: this.options.capacity, at: now };
    const tokens = this.#level(b, now);
    if (tokens < 1) {
      this.#buckets.set(key, { tokens, at: now });
      return Math.max(1, Math.ceil((1 - tokens) / this.options.refillPerSecond));
    }
    this.#buckets.set(key, { tokens: tokens - 1, at: now });
    return 0;
  }

  close() {
    clearInterval(this.#sweep);
  }
}

export const rateLimited = (seconds: number) =>
  new ApiFailure(429, 'rate-limited', `too many requests; retry in ${seconds} s`, { retryAfter: seconds });

/** Checks `Authorization: Bearer <token>` in constant time; every request fails when no token is set. */
export function checkAdmin(c: Context, adminToken: string | undefined): void {
  const given = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1]?.trim();
  const ok = !!adminToken && !!given && sameText(sha256(given), sha256(adminToken));
  if (!ok) {
    c.header('WWW-Authenticate', 'Bearer');
    throw new ApiFailure(401, 'unauthorized', adminToken ? 'a valid admin token is required' : 'admin routes are disabled (CIVIC_ADMIN_TOKEN is not set)');
  }
}

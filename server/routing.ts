/**
 * Registers JSON routes from the operations table (src/api/routes.ts): the path, the caller and its
 * role (an organiser's operation: a session cookie or the bearer token, the least role the table
 * names, a cookie's write only from the server's own origin), the rate limit (operations that list
 * 429), the Idempotency-Key, the params and body parsed with the table's schemas, and an audit entry
 * for each organiser's write that succeeded. Handlers get typed input and return the answer (or a
 * Response).
 */
import type { Context, Hono } from 'hono';
import * as z from 'zod/mini';
import type { Operation } from '../src/api/routes.js';
import { allows, itemOf, redact, sameOrigin, type AuditLog, type Authenticator, type Principal } from './auth.js';
import { fingerprint, type IdempotencyKeys } from './idempotency.js';
import { ApiFailure, checkAdmin, clientIp, invalid, rateLimited, readJson, requestIssues, trimStrings, type RateLimiter } from './http.js';

type Out<S> = S extends z.ZodMiniType ? z.output<S> : undefined;

export interface Input<O extends Operation> {
  params: O['params'] extends z.ZodMiniType ? z.output<O['params']> : Record<string, never>;
  query: O['query'] extends z.ZodMiniType ? z.output<O['query']> : Record<string, never>;
  body: Out<O['body']>;
  /** The Idempotency-Key header, if the operation honours one and the client sent it. */
  idempotencyKey: string | null;
  ip: string;
  /** The caller of an organiser's operation (undefined for the readers'). */
  principal: O['role'] extends string ? Principal : undefined;
  /** What the audit entry of an organiser's write says, where the handler knows better than the path. */
  audit: { id?: string; change?: Record<string, unknown> | null };
}

/** JSON operations answer their response (or a Response); event streams and CSV answer a Response. */
type Answer<O extends Operation> = O['produces'] extends string ? Response : z.input<NonNullable<O['response']>> | Response;

export interface RouterOptions {
  adminToken: string | undefined;
  limiter: RateLimiter | undefined;
  trustProxy: boolean | number;
  /** Check every JSON answer against its schema (a 500 instead of an answer outside the contract). */
  checkResponses: boolean;
  /** Counts wrong admin tokens per client: past its burst they are 429. */
  adminFailures?: RateLimiter | undefined;
  /** Where the Idempotency-Keys are kept with their requests' fingerprints (a key reused for another request is 422). */
  idempotencyKeys?: IdempotencyKeys | undefined;
  /** Finds the account of a session cookie (none: only the bearer token is accepted). */
  auth?: Authenticator | undefined;
  /** Where organisers' writes are recorded. */
  audit?: AuditLog | undefined;
  /** The public origin (PUBLIC_URL): a cookie's write must come from it. */
  publicUrl?: string | undefined;
}

// Full English messages ("expected string, received number"); widget bundles skip them, the server need not.
z.config(z.locales.en());

const honoPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');
const KEY = /^[\x21-\x7e]{1,200}$/;

function parse<S extends z.ZodMiniType>(schema: S, data: unknown, prefix = ''): z.output<S> {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  const issues = requestIssues(r.error.issues).map((i) => (prefix && i.path === 'body' ? i : { ...i, path: prefix + i.path }));
  throw new ApiFailure(400, 'validation', issues.map((i) => `${i.path}: ${i.message}`).join('; '), { issues });
}

export class Router {
  constructor(
    readonly app: Hono,
    readonly base: string,
    readonly options: RouterOptions,
  ) {}

  on<const O extends Operation>(op: O, handler: (input: Input<O>, c: Context) => Promise<Answer<O>>): void {
    const { adminToken, limiter, adminFailures, trustProxy, checkResponses } = this.options;
    this.app.on(op.method, this.base + honoPath(op.path), async (c) => {
      const ip = clientIp(c, trustProxy);
      const principal = op.role ? await this.#caller(c, op, ip) : undefined;
      if (limiter && op.errors.includes(429)) {
        const wait = await limiter.take(ip);
        if (wait) throw rateLimited(wait);
      }
      const params = op.params ? parse(op.params, c.req.param()) : {};
      const query = op.query ? parse(op.query, c.req.query()) : {};
      const body = op.body ? parse(op.body, trimStrings(await readJson(c.req.raw, op.maxBody))) : undefined;
      let idempotencyKey: string | null = null;
      if (op.idempotent) {
        idempotencyKey = c.req.header('idempotency-key') ?? null;
        if (idempotencyKey !== null && !KEY.test(idempotencyKey)) {
          throw invalid('Idempotency-Key', 'the Idempotency-Key header must be 1 to 200 visible ASCII characters');
        }
      }
      const keys = idempotencyKey === null ? undefined : this.options.idempotencyKeys;
      const print = fingerprint(op.method, body);
      const scope = new URL(c.req.url).pathname;
      const claimed = keys ? await keys.claim(scope, idempotencyKey!, print) : false;
      const audit: Input<O>['audit'] = {};
      let answer: Awaited<ReturnType<typeof handler>>;
      try {
        answer = await handler({ params, query, body, idempotencyKey, ip, principal, audit } as Input<O>, c);
      } catch (e) {
        if (claimed) await keys!.release(scope, idempotencyKey!, print);
        throw e;
      }
      if (claimed && answer instanceof Response && answer.status >= 400) await keys!.release(scope, idempotencyKey!, print);
      if (principal && op.method !== 'GET' && this.options.audit) {
        const change = audit.change !== undefined ? audit.change : body === undefined ? null : (redact(body) as Record<string, unknown>);
        await this.options.audit.record({ actor: principal, action: op.id, item: itemOf(op, params as Record<string, string>, body, audit.id), change });
      }
      if (answer instanceof Response) return answer;
      if (checkResponses && op.response) {
        const r = op.response.safeParse(answer);
        if (!r.success) throw new Error(`${op.id} answered outside the contract: ${JSON.stringify(r.error.issues)}`);
      }
      return c.json(answer as object, op.status as 200);
    });
  }

  /**
   * The caller of an organiser's operation, allowed by its role: the session cookie's account when
   * the request carries no Authorization header (its writes must come from this server's pages),
   * else the bearer token (wrong ones past a burst are 429). 401 without either, 403 for a role
   * that may not.
   */
  async #caller(c: Context, op: Operation, ip: string): Promise<Principal> {
    const { adminToken, adminFailures, auth, publicUrl } = this.options;
    let principal = !c.req.header('authorization') && auth ? await auth.fromCookie(c) : undefined;
    if (principal) {
      if (op.method !== 'GET' && !sameOrigin(c, publicUrl)) throw new ApiFailure(403, 'forbidden', 'a write with a session cookie must come from this server\u2019s own pages (Origin)');
    } else {
      // No session: the bearer token (a 401 that asks for it, naming CIVIC_ADMIN_TOKEN when it is unset).
      try {
        checkAdmin(c, adminToken);
      } catch (e) {
        // Wrong tokens count towards the limit on guessing; a request without any does not.
        const wait = c.req.header('authorization') ? await adminFailures?.take(ip) : undefined;
        throw wait ? rateLimited(wait) : e;
      }
      principal = { kind: 'token', role: 'owner' };
    }
    if (!allows(principal.role, op.role!)) throw new ApiFailure(403, 'forbidden', `this needs the ${op.role} role`);
    return principal;
  }
}

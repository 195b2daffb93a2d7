/**
 * Registers JSON routes from the operations table (src/api/routes.ts): the path, the admin check,
 * the rate limit (operations that list 429), the Idempotency-Key, and the params and body parsed
 * with the table's schemas. Handlers get typed input and return the answer (or a Response).
 */
import type { Context, Hono } from 'hono';
import * as z from 'zod/mini';
import type { Operation } from '../src/api/routes.js';
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
      if (op.admin) {
        try {
          checkAdmin(c, adminToken);
        } catch (e) {
          const wait = await adminFailures?.take(ip);
          throw wait ? rateLimited(wait) : e;
        }
      }
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
      let answer: Awaited<ReturnType<typeof handler>>;
      try {
        answer = await handler({ params, query, body, idempotencyKey, ip } as Input<O>, c);
      } catch (e) {
        if (claimed) await keys!.release(scope, idempotencyKey!, print);
        throw e;
      }
      if (claimed && answer instanceof Response && answer.status >= 400) await keys!.release(scope, idempotencyKey!, print);
      if (answer instanceof Response) return answer;
      if (checkResponses && op.response) {
        const r = op.response.safeParse(answer);
        if (!r.success) throw new Error(`${op.id} answered outside the contract: ${JSON.stringify(r.error.issues)}`);
      }
      return c.json(answer as object, op.status as 200);
    });
  }
}

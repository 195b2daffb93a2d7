/** The application: storage, events, mail, and every route, ready to be served. */
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { join } from 'node:path';
import type { ApiError } from '../src/api/common.js';
import { Bus } from './bus.js';
import type { Log, ServerContext } from './context.js';
import { openDb, sqlState, type Db, type OpenDbOptions } from './db/db.js';
import { migrate } from './db/migrate.js';
import { loadDemo } from './demo.js';
import { ApiFailure, clientIp, type RateLimitOptions } from './http.js';
import { rateLimiter } from './rate-buckets.js';
import { DevOutbox, type Mailer } from './mail.js';
import { openApiDocument } from './openapi.js';
import { migrationsDir, packageRoot } from './paths.js';
import { Accounts } from './accounts/sessions.js';
import { DEMO_OWNER } from './accounts/demo.js';
import { accountRoutes, type SignInLimits } from './accounts/routes.js';
import { commentRoutes, type CommentOptions } from './comments/routes.js';
import { petitionRoutes } from './petitions/routes.js';
import { pollRoutes, type PollOptions } from './polls/routes.js';
import { comparisonRoutes } from './comparisons/routes.js';
import { IdempotencyKeys } from './idempotency.js';
import { Router } from './routing.js';
import { cdnCaching, pageCaching, serveFile } from './static.js';
import { systemClock, type Clock } from './time.js';

export interface AppOptions {
  /** An open database; else one is opened from `database` (and closed with the app). */
  db?: Db;
  database?: OpenDbOptions;
  /** Default: a DevOutbox. */
  mailer?: Mailer;
  /**
   * Show a DevOutbox's mail at /dev/mail (default true). The page shows confirmation tokens, so the
   * CLI turns it on only for the demo (`--demo`) or on request (`--dev-mail`).
   */
  devMailPage?: boolean;
  /** The token of the admin routes; unset, they refuse every request. */
  adminToken?: string | undefined;
  /** The public origin for links in mails (default: the origin of the request). */
  publicUrl?: string | undefined;
  /**
   * This server's own origin (`http://localhost:8787`), which `startServer` sets once it listens:
   * the demo blog's page is under it, unless `publicUrl` says where readers find the server.
   */
  origin?: string | undefined;
  /** Origins allowed by CORS; default any (the widgets send no credentials). */
  origins?: string[] | undefined;
  /** Per-client limit on writes; `false` turns it off. Default: bursts of 20, then one every 3 s. */
  rateLimit?: RateLimitOptions | false;
  /** Read the client address from X-Forwarded-For behind this many proxies (`true`: one). */
  trustProxy?: boolean | number;
  /** Milliseconds between heartbeats on event streams (default 25 000). */
  heartbeatMs?: number;
  /** The folder holding examples/ and dist/cdn/ (default: this package); `false`: serve no files. */
  staticRoot?: string | false;
  /** Load the demo content at start. */
  demo?: boolean;
  /** Comments: the proof of work, the posting limit, links, likes, webmention fetching. */
  comments?: CommentOptions;
  /** Polls: the proof of work of `proof-of-work` polls. */
  polls?: PollOptions;
  /** The limits on asking for sign-in links (per address, per email); default: server/accounts/routes.ts. */
  signInLimits?: SignInLimits;
  /** The clock (default the system's); tests pass one they can move forward. */
  now?: Clock;
  /** Check every JSON answer against the contract (default true). */
  checkResponses?: boolean;
  log?: Log;
}

export interface CivicApp {
  app: Hono;
  db: Db;
  bus: Bus;
  mailer: Mailer;
  /** The mailer when it is the development outbox (the default). */
  outbox: DevOutbox | undefined;
  /** Resolves when mail being sent in the background has gone. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export const defaultLog: Log = (level, message, error) => {
  const line = `civic-server ${level}: ${message}`;
  if (level === 'info') console.log(line);
  else console.error(line, ...(error === undefined ? [] : [error]));
};

export async function createApp(options: AppOptions = {}): Promise<CivicApp> {
  const log = options.log ?? defaultLog;
  const db = options.db ?? (await openDb(options.database));
  await migrate(db, migrationsDir);
  if (options.demo && (await loadDemo(db, options.publicUrl ?? options.origin))) log('info', 'demo content loaded');
  const bus = await Bus.start(db);
  const mailer: Mailer = options.mailer ?? new DevOutbox();
  const outbox = mailer instanceof DevOutbox ? mailer : undefined;
  const rate = options.rateLimit ?? { capacity: 20, refillPerSecond: 1 / 3 };
  const limiter = rate ? rateLimiter(db, 'writes', rate) : undefined;
  // Wrong admin tokens: a burst of 30 per client, then one every 2 s (guessing stays hopeless).
  const adminFailures = rate ? rateLimiter(db, 'admin', { capacity: 30, refillPerSecond: 0.5 }) : undefined;
  const trustProxy = options.trustProxy ?? false;
  const closing = new AbortController();
  const pending = new Set<Promise<unknown>>();

  const ctx: ServerContext = {
    db,
    bus,
    mailer,
    publicUrl: options.publicUrl,
    log,
    limiter,
    trustProxy,
    now: options.now ?? systemClock,
    heartbeatMs: options.heartbeatMs ?? 25_000,
    closing: closing.signal,
    onClose: (fn) => closing.signal.addEventListener('abort', fn, { once: true }),
    background(work) {
      const p = work.catch((e: unknown) => log('error', 'background work failed', e)).finally(() => pending.delete(p));
      pending.add(p);
    },
  };

  const app = new Hono();
  app.use(async (c, next) => {
    await next();
    try {
      c.res.headers.set('x-content-type-options', 'nosniff');
    } catch {
      /* a response whose headers are fixed */
    }
  });
  app.use(
    '/api/*',
    cors({
      origin: options.origins?.length ? options.origins : '*',
      allowHeaders: ['Content-Type', 'Idempotency-Key', 'Authorization'],
      allowMethods: ['GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'OPTIONS'],
      exposeHeaders: ['Retry-After', 'Location'],
      maxAge: 600,
    }),
  );

  // Sessions and the audit log, which the Router checks and writes for every organiser's route.
  const accounts = new Accounts(db, ctx.now, options.publicUrl);
  const router = new Router(app, '/api', {
    auth: accounts,
    audit: accounts,
    publicUrl: options.publicUrl,
    adminToken: options.adminToken || undefined,
    limiter,
    adminFailures,
    trustProxy,
    checkResponses: options.checkResponses ?? true,
    idempotencyKeys: new IdempotencyKeys(db),
  });
  petitionRoutes(router, ctx);
  commentRoutes(router, ctx, options.comments);
  pollRoutes(router, ctx, options.polls);
  comparisonRoutes(router, ctx);
  accountRoutes(router, ctx, accounts, { limits: options.signInLimits, demoOwner: options.demo ? DEMO_OWNER : undefined });

  app.get('/openapi.json', (c) => c.json(openApiDocument()));
  // The unsent mail holds every signer's address and confirmation link: only for this machine's
  // own browser, not for the network the demo happens to listen on.
  if (outbox && options.devMailPage !== false)
    app.get('/dev/mail', (c, next) =>
      /^(127\.|::1$|unknown$)/.test(clientIp(c)) ? c.html(outbox.html(), 200, { 'cache-control': 'no-store' }) : next(),
    );

  const root = options.staticRoot === false ? undefined : (options.staticRoot ?? packageRoot());
  if (root) {
    app.get('/', (c) => c.redirect('/blog/'));
    // Any blog loads the widgets from here: `<script type="module">` from another origin is a CORS
    // request, so the files say any origin may use them (they are public, and carry no credentials).
    app.use('/cdn/*', cors({ origin: '*', allowMethods: ['GET', 'HEAD'] }));
    // Compressed, with entity tags; hashed chunks kept for good, entry files 5 minutes (server/static.ts).
    app.get('/cdn/*', async (c, next) => (await serveFile(c, join(root, 'dist', 'cdn'), c.req.path.slice('/cdn'.length), cdnCaching)) ?? next());
    app.get('/*', async (c, next) => (await serveFile(c, join(root, 'examples'), c.req.path, pageCaching)) ?? next());
  }

  const error = (kind: ApiError['error']['kind'], message: string) => ({ error: { kind, message } }) satisfies ApiError;
  app.notFound((c) => c.json(error('not-found', `no route for ${c.req.method} ${c.req.path}`), 404));
  app.onError((e, c) => {
    if (e instanceof ApiFailure) {
      if (e.extra.retryAfter !== undefined) c.header('Retry-After', String(e.extra.retryAfter));
      // The rest of a refused body is left unread: the connection cannot carry another request.
      if (e.status === 413) c.header('Connection', 'close');
      return c.json(e.body, e.status);
    }
    // Data exceptions (class 22: a NUL byte in text, a number out of range…) are bad input, not our fault.
    const state = sqlState(e);
    if (state?.startsWith('22')) {
      return c.json({ error: { kind: 'validation', message: 'the database refused a value', issues: [{ path: 'body', code: 'invalid_value', message: 'a value is not acceptable' }] } } satisfies ApiError, 400);
    }
    log('error', `${c.req.method} ${c.req.path} failed`, e);
    return c.json(error('server', 'unexpected server error'), 500);
  });

  let closed = false;
  return {
    app,
    db,
    bus,
    mailer,
    outbox,
    idle: async () => void (await Promise.all([...pending])),
    async close() {
      if (closed) return;
      closed = true;
      closing.abort();
      limiter?.close();
      adminFailures?.close();
      await Promise.race([Promise.all([...pending]), new Promise((r) => setTimeout(r, 5000).unref())]);
      await bus.close();
      await mailer.close?.();
      if (!options.db) await db.close();
    },
  };
}

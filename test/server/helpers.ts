/**
 * Shared by the server suites: every suite runs once on PGlite (in memory) and once on a real
 * PostgreSQL in a fresh database of its own. PostgreSQL comes from TEST_DATABASE_URL, else the
 * local socket; when none answers its suite is skipped, except with CI=true, where that fails.
 * `serverSuites` starts a server for each; `refused` checks an error answer; `testClock` is a clock
 * a test moves on instead of waiting. What a suite creates (petitions, threads, polls) is in fixtures.ts.
 */
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import { after, before, describe } from 'node:test';
import pg from 'pg';
import { ApiError } from '../../src/api/common.js';
import { openDb, type Db } from '../../server/db/db.js';
import { startServer, type RunningServer, type ServerOptions } from '../../server/serve.js';

export const LOCAL_PG = `postgresql://${encodeURIComponent(userInfo().username)}@/postgres?host=%2Fvar%2Frun%2Fpostgresql`;

export interface Target {
  name: 'pglite' | 'postgres';
  /** A reason to skip this target's suites, or false. */
  skip: string | false;
  /** A fresh, empty database; `drop` removes it. `url` is set for PostgreSQL (for child processes). */
  freshDb(): Promise<{ db: Db; url: string | undefined; drop(): Promise<void> }>;
}

async function probe(url: string): Promise<string | undefined> {
  const pool = new pg.Pool({ connectionString: url, connectionTimeoutMillis: 3000, max: 1 });
  try {
    await pool.query('SELECT 1');
    return undefined;
  } catch (e) {
    return (e as Error).message;
  } finally {
    await pool.end().catch(() => undefined);
  }
}

/** The URL of database `name` on the server that `base` points to. */
function withDatabase(base: string, name: string): string {
  // Not `new URL`: socket URLs (`postgresql://user@/db?host=/run/postgresql`) have an empty host.
  const m = /^([a-z]+:\/\/[^/?]*)(\/[^?]*)?(\?.*)?$/i.exec(base);
  if (!m) throw new Error(`cannot read the database URL ${base}`);
  return `${m[1]}/${name}${m[3] ?? ''}`;
}

let cached: Promise<Target[]> | undefined;

/** The two targets. Call once at the top of a test file: `for (const t of await targets()) describe(...)`. */
export function targets(): Promise<Target[]> {
  return (cached ??= (async () => {
    const base = process.env.TEST_DATABASE_URL || LOCAL_PG;
    const problem = await probe(base);
    if (problem && process.env.CI === 'true') {
      throw new Error(`CI=true but no PostgreSQL answers at ${base.replace(/:[^:@/]*@/, ':***@')}: ${problem}`);
    }
    if (problem) {
      console.log(`PostgreSQL suites skipped: no server at ${base.replace(/:[^:@/]*@/, ':***@')} (${problem}). Set TEST_DATABASE_URL or start PostgreSQL.`);
    }
    const pglite: Target = {
      name: 'pglite',
      skip: false,
      async freshDb() {
        const db = await openDb({ dataDir: 'memory://' });
        return { db, url: undefined, drop: () => db.close() };
      },
    };
    const postgres: Target = {
      name: 'postgres',
      skip: problem ? `no PostgreSQL: ${problem}` : false,
      async freshDb() {
        const name = `civic_test_${randomBytes(6).toString('hex')}`;
        const admin = new pg.Pool({ connectionString: base, max: 1 });
        await admin.query(`CREATE DATABASE ${name}`);
        const url = withDatabase(base, name);
        const db = await openDb({ url });
        return {
          db,
          url,
          async drop() {
            await db.close();
            await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
            await admin.end();
          },
        };
      },
    };
    return [pglite, postgres];
  })());
}

export type TestOptions = ServerOptions & { wrapDb?: (db: Db) => Db };

/**
 * Runs `body` as a suite on each target, with a server of its own (started with `options`) that its
 * tests share as `s`. The server is closed after the suite, which fails if it logged a warning or an
 * error, unless `allowLogs` (a suite that makes the server fail on purpose).
 */
export async function serverSuites(title: string, options: TestOptions, body: (s: TestServer, target: Target) => void, { allowLogs = false } = {}): Promise<void> {
  for (const target of await targets()) {
    describe(`${title} on ${target.name}`, { skip: target.skip }, () => {
      const s = {} as TestServer;
      before(async () => {
        Object.assign(s, await startTest(target, options));
      });
      after(async () => {
        if (!allowLogs) assert.deepEqual(s.logged, [], 'nothing logged as a warning or an error');
        await s.close();
      });
      body(s, target);
    });
  }
}

/** Asserts a JSON ApiError of `status` and `kind` with no stack in it, whose issues name `paths` (all of them, in any order). */
export function refused(r: Answer, status: number, kind: string, paths?: string[]) {
  assert.equal(r.status, status, r.text);
  assert.match(r.headers.get('content-type') ?? '', /^application\/json/);
  const body = ApiError.parse(r.json);
  assert.equal(body.error.kind, kind, r.text);
  if (paths) assert.deepEqual([...new Set((body.error.issues ?? []).map((i) => i.path))].sort(), [...paths].sort(), r.text);
  assert.doesNotMatch(r.text, /at .*\.ts:\d+/, 'no stack');
}

/** A clock for the server (`now` option) that starts at the real time and moves on only when told. */
export function testClock() {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    /** Moves the clock `ms` forward. */
    advance(ms: number) {
      offset += ms;
    },
  };
}

export interface TestServer extends RunningServer {
  /** Every line logged at warn or error (tests that expect none can check it is empty). */
  logged: string[];
  /** The database URL for PostgreSQL (undefined on PGlite). */
  databaseUrl: string | undefined;
  /** `fetch` under the server's URL; JSON bodies are serialised. */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON (undefined when it is not JSON). */
  json: any;
}

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

/** Starts a server on 127.0.0.1 and a free port, on a fresh database of `target`; `close` drops it. */
export async function startTest(target: Target, options: TestOptions = {}): Promise<TestServer> {
  const fresh = await target.freshDb();
  const logged: string[] = [];
  const { wrapDb, ...rest } = options;
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    adminToken: ADMIN_TOKEN,
    rateLimit: { capacity: 100_000, refillPerSecond: 100_000 },
    staticRoot: false,
    log: (level, message, error) => {
      if (level !== 'info') logged.push(`${level}: ${message}${error ? ` ${String(error)}` : ''}`);
    },
    ...rest,
    db: wrapDb ? wrapDb(fresh.db) : fresh.db,
  });
  return {
    ...server,
    logged,
    databaseUrl: fresh.url,
    call: (method, path, body, headers) => call(server.url, method, path, body, headers),
    async close() {
      await server.close();
      await fresh.drop();
    },
  };
}

export async function call(base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
  }
  const res = await fetch(base + path, init);
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

export const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
export const uniqueEmail = (tag = 'signer') => `${tag}-${randomUUID().slice(0, 12)}@example.org`;
export const key = () => ({ 'idempotency-key': randomUUID() });

/** The token in a link `/petitions/<kind>?token=` of a mail text. */
export function tokenFrom(text: string, kind: 'confirm' | 'withdraw'): string {
  const m = new RegExp(`/petitions/${kind}\\?token=([\\w%-]+)`).exec(text);
  if (!m?.[1]) throw new Error(`no ${kind} link in:\n${text}`);
  return decodeURIComponent(m[1]);
}

/** Reads a server-sent-events stream; `next()` resolves with the next `data:` parsed as JSON. */
export class EventReader {
  readonly #controller = new AbortController();
  readonly #events: unknown[] = [];
  readonly #waiters: ((e: unknown) => void)[] = [];
  readonly #heartbeats: (() => void)[] = [];
  /** Comment lines seen (heartbeats). */
  comments = 0;
  status = 0;
  contentType = '';

  static async open(url: string): Promise<EventReader> {
    const r = new EventReader();
    const res = await fetch(url, { signal: r.#controller.signal, headers: { accept: 'text/event-stream' } });
    r.status = res.status;
    r.contentType = res.headers.get('content-type') ?? '';
    if (res.body) void r.#read(res.body);
    return r;
  }

  async #read(body: ReadableStream<Uint8Array>) {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trimStart());
          if (block.startsWith(':')) {
            this.comments++;
            for (const w of this.#heartbeats.splice(0)) w();
          }
          if (data.length) this.#push(JSON.parse(data.join('\n')));
        }
      }
    } catch {
      /* closed */
    }
  }

  #push(e: unknown) {
    const w = this.#waiters.shift();
    if (w) w(e);
    else this.#events.push(e);
  }

  next(timeoutMs = 5000): Promise<any> {
    if (this.#events.length) return Promise.resolve(this.#events.shift());
    return new Promise((resolve, reject) => {
      const waiter = (e: unknown) => {
        clearTimeout(t);
        resolve(e);
      };
      const t = setTimeout(() => {
        this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
        reject(new Error(`no event within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#waiters.push(waiter);
    });
  }

  /** Resolves at the next comment line (a heartbeat). */
  heartbeat(timeoutMs = 5000): Promise<void> {
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no heartbeat within ${timeoutMs} ms`)), timeoutMs);
      this.#heartbeats.push(() => {
        clearTimeout(t);
        resolve();
      });
    });
  }

  /** The next event that satisfies `test`, skipping others. */
  async until(test: (e: any) => boolean, timeoutMs = 5000): Promise<any> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const e = await this.next(Math.max(1, deadline - Date.now()));
      if (test(e)) return e;
    }
  }

  close() {
    this.#controller.abort();
  }
}

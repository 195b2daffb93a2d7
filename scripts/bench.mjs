// `npm run bench`: autocannon against the reference server (started as `node --import tsx
// server/cli.ts`), on PGlite and, when one answers, on PostgreSQL. Scenarios: read a petition, sign
// it (a unique email per request, double opt-in off, rate limit off); read the first page of a
// 2,000-comment thread (shared per process) and a later page (read from the database), and post
// comments to it (a third of them replies; proof of work off); vote in a quick poll (a new
// participant per request), change votes (1,000 participants switching between options, so every
// vote moves two counters), and read the poll's results while they are fresh.
//
// Environment: BENCH_SECONDS (default 10 per scenario), BENCH_CONNECTIONS (default 10),
// TEST_DATABASE_URL (PostgreSQL server to create a scratch database on; default the local socket),
// BENCH_ONLY (a comma-separated choice of `petition`, `comments`, `poll`; default all), BENCH_DB
// (`pglite` or `postgres`; default both), BENCH_NODE_ARGS (options for the server's node, e.g.
// `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile it).
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';

const root = fileURLToPath(new URL('../', import.meta.url));
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const token = randomBytes(16).toString('hex');
const only = new Set((process.env.BENCH_ONLY ?? 'petition,comments,poll').split(','));
const databases = new Set((process.env.BENCH_DB ?? 'pglite,postgres').split(','));
const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
const pgBase = process.env.TEST_DATABASE_URL || `postgresql://${encodeURIComponent(userInfo().username)}@/postgres?host=%2Fvar%2Frun%2Fpostgresql`;

function startServer(env, args) {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'server/cli.ts', '--port', '0', '--host', '127.0.0.1', '--rate-limit', '0', '--challenge', '0', ...args], {
    cwd: root,
    env: { ...process.env, CIVIC_ADMIN_TOKEN: token, SMTP_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60_000);
    const read = (c) => {
      out += c;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], child });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${out}`)));
  });
}

async function stopServer(child) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

const run = (opts) =>
  new Promise((resolve, reject) => autocannon({ connections, duration: seconds, ...opts }, (e, r) => (e ? reject(e) : resolve(r))));

/** The server's resident memory in MB (Linux; NaN elsewhere). */
const rssMb = (pid) => {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
  } catch {
    return NaN;
  }
};
const memory = [];

async function bench(label, env, args) {
  const { url, child } = await startServer(env, args);
  const rows = [];
  await new Promise((r) => setTimeout(r, 2000));
  const rss = { label, idle: rssMb(child.pid), peak: 0 };
  const sampler = setInterval(() => (rss.peak = Math.max(rss.peak, rssMb(child.pid) || 0)), 200);
  memory.push(rss);
  try {
    const created = await fetch(`${url}/api/admin/petitions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'bench', title: 'Bench', summary: '', goal: 1_000_000, doubleOptIn: false }),
    });
    if (created.status !== 201) throw new Error(`create: ${created.status} ${await created.text()}`);

    if (only.has('petition')) rows.push(...(await benchPetition(label, url)));
    if (only.has('comments')) rows.push(...(await benchComments(label, url)));
    if (only.has('poll')) rows.push(...(await benchPoll(label, url)));
  } finally {
    clearInterval(sampler);
    await stopServer(child);
  }
  return rows;
}

/** POSTs for the scenario's time, the n-th with `body(n)` and an idempotency key of its own. */
function postEach(url, body) {
  let n = 0;
  return run({
    url,
    method: 'POST',
    requests: [{ setupRequest: (req) => ({ ...req, headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() }, body: JSON.stringify(body(++n)) }) }],
  });
}

/** Reading the petition, then signing it (a unique email and key per request). */
async function benchPetition(label, url) {
  const rows = [];
  const read = await run({ url: `${url}/api/petitions/bench` });
  rows.push({ label, scenario: 'read petition', r: read });

  const sign = await postEach(`${url}/api/petitions/bench/signatures`, (n) => ({
    name: `Bench Signer ${n}`, email: `bench-${n}-${randomUUID().slice(0, 8)}@example.org`, city: 'Québec', showName: n % 2 === 0,
  }));
  rows.push({ label, scenario: 'sign (no opt-in)', r: sign });
  const after = await (await fetch(`${url}/api/petitions/bench`)).json();
  // Requests still in flight when autocannon stops are counted by the server, not by autocannon.
  const ok = sign['2xx'];
  if (after.signatureCount < ok || after.signatureCount > ok + connections) {
    console.warn(`! ${label}: ${ok} signatures answered 2xx but the count is ${after.signatureCount}`);
  }
  return rows;
}

/** A thread of 2,000 comments (a quarter of them replies), posted through the API. */
async function seedThread(url, size = 2000) {
  const created = await fetch(`${url}/api/admin/threads`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ id: 'bench', title: 'Bench' }),
  });
  if (created.status !== 201) throw new Error(`create thread: ${created.status} ${await created.text()}`);
  const ids = [];
  let n = 0;
  const worker = async () => {
    while (n < size) {
      const i = n++;
      const parentId = i % 4 === 3 && ids.length ? ids[(i * 7919) % ids.length] : undefined;
      const r = await fetch(`${url}/api/threads/bench/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        body: JSON.stringify({ name: `Lectrice ${i}`, body: `Commentaire ${i} : *bravo* pour cette initiative, et voici mon avis.`, parentId }),
      });
      if (r.status !== 201) throw new Error(`seed comment: ${r.status} ${await r.text()}`);
      ids.push((await r.json()).comment.id);
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: connections }, worker));
  return { ids, seconds: (Date.now() - started) / 1000 };
}

async function benchComments(label, url) {
  const rows = [];
  const { ids, seconds: seeded } = await seedThread(url);
  console.log(`${label}: seeded a thread of ${ids.length} comments in ${seeded.toFixed(1)} s`);
  const first = await (await fetch(`${url}/api/threads/bench/comments`)).json();
  console.log(`${label}: its first page holds ${first.items.length} comments (${JSON.stringify(first).length} bytes) of ${first.total}`);
  rows.push({ label, scenario: 'read thread', r: await run({ url: `${url}/api/threads/bench` }) });
  rows.push({ label, scenario: 'read first page', r: await run({ url: `${url}/api/threads/bench/comments?sort=newest` }) });
  // Later pages are read from the database each time (the first is shared until the thread changes).
  const second = (await (await fetch(`${url}/api/threads/bench/comments?sort=newest`)).json()).nextCursor;
  rows.push({ label, scenario: 'read a later page', r: await run({ url: `${url}/api/threads/bench/comments?sort=newest&cursor=${encodeURIComponent(second)}` }) });
  const post = await postEach(`${url}/api/threads/bench/comments`, (n) => ({
    name: `Bench ${n}`, body: `Un commentaire de banc d’essai, numéro ${n}.`, parentId: n % 3 === 0 ? ids[n % ids.length] : undefined,
  }));
  rows.push({ label, scenario: 'post comment', r: post });
  return rows;
}

const participant = () => randomUUID().replaceAll('-', '');

async function benchPoll(label, url) {
  const rows = [];
  const options = ['oui', 'non', 'nsp'];
  const created = await fetch(`${url}/api/admin/polls`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    // Every bench voter comes from this machine's one address: an open poll, with no per-address limit.
    body: JSON.stringify({ id: 'bench-poll', kind: 'quick', title: 'Bench ?', voteKind: 'single', integrity: 'open', options: options.map((id) => ({ id, label: id })) }),
  });
  if (created.status !== 201) throw new Error(`create poll: ${created.status} ${await created.text()}`);
  const put = (who, n) => ({
    method: 'PUT',
    path: `/api/polls/bench-poll/votes/${who}`,
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify({ options: [options[n % 3]] }),
  });

  let n = 0;
  const vote = await run({ url, requests: [{ setupRequest: (req) => ({ ...req, ...put(participant(), n++) }) }] });
  rows.push({ label, scenario: 'vote (new voter)', r: vote });
  // autocannon stops at the deadline with up to `connections` requests still in the server: let
  // them finish before counting, or they are counted in the next scenario's total.
  const results = async () => {
    await new Promise((r) => setTimeout(r, 1000));
    return (await (await fetch(`${url}/api/polls/bench-poll/results`)).json()).participantCount;
  };
  const voters = await results();
  if (voters < vote['2xx'] || voters > vote['2xx'] + connections) console.warn(`! ${label}: ${vote['2xx']} votes answered 2xx but ${voters} participants counted`);

  const pool = Array.from({ length: 1000 }, participant);
  let m = 0;
  const change = await run({ url, requests: [{ setupRequest: (req) => ({ ...req, ...put(pool[m % pool.length], Math.floor(m++ / pool.length) + m) }) }] });
  rows.push({ label, scenario: 'change vote', r: change });
  const total = await results();
  if (total > voters + pool.length) console.warn(`! ${label}: ${total} participants after changes, at most ${voters + pool.length} expected`);

  const read = await run({ url: `${url}/api/polls/bench-poll/results` });
  rows.push({ label, scenario: 'read poll results', r: read });
  return rows;
}

async function pgAvailable() {
  const pool = new pg.Pool({ connectionString: pgBase, connectionTimeoutMillis: 3000, max: 1 });
  try {
    await pool.query('SELECT 1');
    return pool;
  } catch (e) {
    await pool.end().catch(() => {});
    console.log(`PostgreSQL skipped: ${e.message}`);
    return undefined;
  }
}

const results = [];
const dataDir = mkdtempSync(join(tmpdir(), 'civic-bench-'));
try {
  console.log(`civic-server bench: ${seconds} s per scenario, ${connections} connections`);
  if (databases.has('pglite')) results.push(...(await bench('PGlite', { DATABASE_URL: '' }, ['--data', dataDir])));
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
const admin = databases.has('postgres') ? await pgAvailable() : undefined;
if (admin) {
  const name = `civic_bench_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const m = /^([a-z]+:\/\/[^/?]*)(\/[^?]*)?(\?.*)?$/i.exec(pgBase);
    results.push(...(await bench('PostgreSQL', { DATABASE_URL: `${m[1]}/${name}${m[3] ?? ''}` }, [])));
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

const pad = (s, n) => String(s).padEnd(n);
const padl = (s, n) => String(s).padStart(n);
console.log(`\n${pad('database', 11)} ${pad('scenario', 18)} ${padl('req/s', 8)} ${padl('p99 ms', 7)} ${padl('requests', 9)} ${padl('non-2xx', 8)} ${padl('errors', 7)}`);
for (const { label, scenario, r } of results) {
  console.log(`${pad(label, 11)} ${pad(scenario, 18)} ${padl(Math.round(r.requests.average), 8)} ${padl(r.latency.p99, 7)} ${padl(r.requests.total, 9)} ${padl(r.non2xx, 8)} ${padl(r.errors, 7)}`);
}
// The server runs through tsx, which holds about 60 MB of its own: the built server (bin/civic-server.js) uses that much less.
for (const { label, idle, peak } of memory) console.log(`${pad(label, 11)} RSS ${Math.round(idle)} MB idle after its start, ${Math.round(peak)} MB at most under load (through tsx)`);

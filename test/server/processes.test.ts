/**
 * Real server processes, started as `node --import tsx server/cli.ts`. Two on one PostgreSQL: events
 * cross between them through LISTEN/NOTIFY (PGlite is one process's database, so that suite runs on
 * PostgreSQL only). One on a PGlite directory killed with SIGKILL: nothing it acknowledged is lost,
 * and a first start on a new directory does not hold initdb's memory.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { admin, ADMIN_TOKEN, call, EventReader, key, targets, tokenFrom, uniqueEmail } from './helpers.js';
import { participantToken } from './fixtures.js';
import { fileURLToPath } from 'node:url';
import { PetitionEvent } from '../../src/api/petition.js';
import { PollResults, VoteResult } from '../../src/api/poll.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

interface Child {
  process: ChildProcess;
  url: string;
  output: string[];
}

/** Starts the CLI and resolves with its URL once it listens. */
function startCli(databaseUrl: string, args: string[] = [], seconds = 30): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', '--port', '0', '--host', '127.0.0.1', '--rate-limit', '0', '--dev-mail', ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, CIVIC_ADMIN_TOKEN: ADMIN_TOKEN, SMTP_URL: '', PUBLIC_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start within ${seconds} s:\n${output.join('')}`)), seconds * 1000);
    const read = (chunk: Buffer) => {
      output.push(chunk.toString());
      const m = /listening on (http:\/\/\S+)/.exec(output.join(''));
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ process: child, url: m[1], output });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code}:\n${output.join('')}`));
    });
  });
}

async function stop(child: Child | undefined) {
  if (!child || child.process.exitCode !== null) return;
  const exited = new Promise((resolve) => child.process.once('exit', resolve));
  child.process.kill('SIGTERM');
  const timer = setTimeout(() => child.process.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

const [, postgres] = await targets();

/**
 * Two CLI processes with `args` on a fresh PostgreSQL database, started before the suite's tests
 * (both at once: the migration lock must let them); stopped, and the database dropped, after them.
 */
function twoProcesses(args: string[] = []): { a?: Child; b?: Child; url?: string } {
  let fresh: Awaited<ReturnType<NonNullable<typeof postgres>['freshDb']>>;
  const two: { a?: Child; b?: Child; url?: string } = {};
  before(async () => {
    fresh = await postgres!.freshDb();
    two.url = fresh.url!;
    await fresh.db.close(); // the children open their own
    [two.a, two.b] = await Promise.all([startCli(fresh.url!, args), startCli(fresh.url!, args)]);
  });
  after(async () => {
    await Promise.all([stop(two.a), stop(two.b)]);
    await fresh.drop();
  });
  return two;
}

describe('two server processes on one PostgreSQL', { skip: postgres!.skip }, () => {
  const two = twoProcesses();

  it('a signature confirmed through one appears in the other one’s event stream, and back', async () => {
    const created = await call(two.a!.url, 'POST', '/api/admin/petitions', { id: 'two-procs', title: 'Deux processus', summary: '', goal: 50 }, admin);
    assert.equal(created.status, 201, created.text);
    const onB = await EventReader.open(`${two.b!.url}/api/petitions/two-procs/events`);
    const onA = await EventReader.open(`${two.a!.url}/api/petitions/two-procs/events`);
    try {
      assert.equal((await onB.next()).signatureCount, 0);
      assert.equal((await onA.next()).signatureCount, 0);
      assert.equal((await call(two.b!.url, 'GET', '/api/petitions/two-procs')).json.signatureCount, 0, 'B has read (and cached) it');

      const email = uniqueEmail();
      const signed = await call(two.a!.url, 'POST', '/api/petitions/two-procs/signatures', { name: 'Jean Gagnon', email, showName: true }, key());
      assert.equal(signed.json.status, 'pending');
      // The mail sits in A's development outbox.
      const outbox = await (await fetch(`${two.a!.url}/dev/mail`)).text();
      const token = tokenFrom(outbox.replaceAll('&amp;', '&'), 'confirm');
      const confirmed = await call(two.a!.url, 'POST', '/api/signatures/confirm', { token });
      assert.equal(confirmed.json.signatureCount, 1);

      const seenByB = await onB.next(10_000);
      assert.equal(seenByB.signatureCount, 1);
      assert.deepEqual(seenByB.recentSigners.map((s: { name: string }) => s.name), ['Jean G.']);
      assert.equal((await onA.next()).signatureCount, 1, 'and in its own');
      assert.equal((await call(two.b!.url, 'GET', '/api/petitions/two-procs')).json.signatureCount, 1, 'B’s cached state was dropped by the event');

      const withdraw = tokenFrom(outbox.replaceAll('&amp;', '&'), 'withdraw');
      assert.equal((await call(two.b!.url, 'POST', '/api/signatures/withdraw', { token: withdraw })).json.signatureCount, 0);
      assert.equal((await onA.next(10_000)).signatureCount, 0, 'B’s withdrawal reaches A');
      assert.equal((await call(two.b!.url, 'GET', '/api/petitions/two-procs')).json.signatureCount, 0);
    } finally {
      onA.close();
      onB.close();
    }
  });

  it('a change through one drops the other one’s cached state at once (no stream open)', async () => {
    await call(two.a!.url, 'POST', '/api/admin/petitions', { id: 'cached', title: 'Cache', summary: '', goal: 5, doubleOptIn: false }, admin);
    assert.equal((await call(two.b!.url, 'GET', '/api/petitions/cached')).json.signatureCount, 0);
    assert.equal((await call(two.a!.url, 'POST', '/api/petitions/cached/signatures', { name: 'Ann', email: uniqueEmail() }, key())).json.signatureCount, 1);
    const started = Date.now();
    let seen = 0;
    while (Date.now() - started < 1500 && seen !== 1) {
      seen = (await call(two.b!.url, 'GET', '/api/petitions/cached')).json.signatureCount;
      if (seen !== 1) await new Promise((r) => setTimeout(r, 20));
    }
    assert.equal(seen, 1, 'within 1.5 s, well before the 5 s time-to-live');
  });

  it('one killed (SIGKILL) just after a burst of signatures: the other counts every acknowledged one, and its stream ends on it', async () => {
    await call(two.a!.url, 'POST', '/api/admin/petitions', { id: 'killed', title: 'Tué', summary: '', goal: 100, doubleOptIn: false }, admin);
    const events = await EventReader.open(`${two.b!.url}/api/petitions/killed/events`);
    try {
      assert.equal(PetitionEvent.parse(await events.next()).signatureCount, 0);
      const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => call(two.a!.url, 'POST', '/api/petitions/killed/signatures', { name: `S ${i}`, email: uniqueEmail() }, key())));
      // At once: the announcement its last signatures were waiting for (bus.ts) is lost with it.
      two.a!.process.kill('SIGKILL');
      await new Promise((resolve) => two.a!.process.once('exit', resolve));
      assert.equal(answers.filter((r) => r.status === 200 && r.json.status === 'confirmed').length, 40);
      two.a = await startCli(two.url!);
      assert.equal((await call(two.a.url, 'GET', '/api/petitions/killed')).json.signatureCount, 40, 'counted exactly, by a new process');
      // A lost NOTIFY is made up for by the time-to-live (5 s): the other's stream ends on the count.
      let last = 0;
      while (last !== 40) last = PetitionEvent.parse(await events.next(10_000)).signatureCount;
    } finally {
      events.close();
      if (two.a!.process.exitCode !== null || two.a!.process.signalCode !== null) two.a = await startCli(two.url!);
    }
  });
  it('one killed (SIGKILL) just after a burst of votes and changes: the other counts every acknowledged one', async () => {
    const poll = { id: 'killed-poll', kind: 'quick', title: 'Tué ?', voteKind: 'single', integrity: 'open', options: [{ id: 'oui', label: 'Oui' }, { id: 'non', label: 'Non' }] };
    const created = await call(two.a!.url, 'POST', '/api/admin/polls', poll, admin);
    assert.equal(created.status, 201, created.text);
    const people = Array.from({ length: 40 }, participantToken);
    const put = (who: string, option: string) => call(two.a!.url, 'PUT', `/api/polls/killed-poll/votes/${who}`, { options: [option] }, key());
    try {
      const votes = await Promise.all(people.map((p) => put(p, 'oui')));
      // Half change their minds at once, and the process dies as soon as they are answered.
      const changes = await Promise.all(people.slice(0, 20).map((p) => put(p, 'non')));
      two.a!.process.kill('SIGKILL');
      await new Promise((resolve) => two.a!.process.once('exit', resolve));
      for (const r of [...votes, ...changes]) assert.equal(VoteResult.parse(r.json).status, 'counted', r.text);
      const results = PollResults.parse((await call(two.b!.url, 'GET', '/api/polls/killed-poll/results')).json);
      assert.deepEqual([results.participantCount, results.poll?.tally], [40, { counts: { oui: 20, non: 20 }, total: 40 }], 'counted exactly, read by the other process');
    } finally {
      if (two.a!.process.exitCode !== null || two.a!.process.signalCode !== null) two.a = await startCli(two.url!);
    }
  });
});

describe('rate limits of two server processes on one PostgreSQL', { skip: postgres!.skip }, () => {
  // 4 writes a minute per client: a token back every 15 s, none during the test.
  const two = twoProcesses(['--rate-limit', '4']);

  it('a client gets its limit once across both processes, not once from each', async () => {
    const created = await call(two.a!.url, 'POST', '/api/admin/petitions', { id: 'limits', title: 'Limites', summary: '', goal: 50, doubleOptIn: false }, admin);
    assert.equal(created.status, 201, created.text);
    const answers = [];
    for (let i = 0; i < 8; i++) {
      const r = await call(i % 2 ? two.b!.url : two.a!.url, 'POST', '/api/petitions/limits/signatures', { name: 'Ann', email: uniqueEmail() }, key());
      answers.push(r.status);
      if (r.status === 429) {
        assert.equal(r.json.error.kind, 'rate-limited');
        assert.ok(Number(r.headers.get('retry-after')) >= 1, 'Retry-After');
      }
    }
    assert.deepEqual(answers, [200, 200, 200, 200, 429, 429, 429, 429], 'four writes in all, two through each process, then none through either');
    assert.equal((await call(two.b!.url, 'GET', '/api/petitions/limits')).json.signatureCount, 4);
  });
});

describe('two server processes on PGlite', () => {
  it('is not a setup the server supports (one PGlite per process)', { skip: 'PGlite is embedded in one process; several processes need PostgreSQL' }, () => {});
});

describe('a server on a PGlite directory, killed', () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'civic-kill-')), 'data');
  after(() => rmSync(dirname(dir), { recursive: true, force: true }));
  const rssMb = (child: Child) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.process.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

  it('keeps every acknowledged signature after SIGKILL; a first start does not keep initdb\'s memory', async () => {
    // A first start makes the directory (initdb: 3 s on a quiet machine, much more on a busy one).
    const first = await startCli('', ['--data', dir], 120);
    let signed = 0;
    try {
      // initdb made the directory in a child process: this one opened it as on any later start.
      // Through tsx, which holds about 60 MB of its own (the built server: about 135 MB). With
      // TurboFan's tier-up of PGlite (what --liftoff-only in server/cli.ts turns off): 240-255.
      if (process.platform === 'linux') assert.ok(rssMb(first) < 240, `${rssMb(first).toFixed(0)} MB after a first start (initdb alone grows to 800 MB)`);
      const created = await call(first.url, 'POST', '/api/admin/petitions', { id: 'kill', title: 'Tuer', summary: '', goal: 100, doubleOptIn: false }, admin);
      assert.equal(created.status, 201, created.text);
      const answers = await Promise.all(
        Array.from({ length: 30 }, (_, i) => call(first.url, 'POST', '/api/petitions/kill/signatures', { name: `Signataire ${i}`, email: uniqueEmail(), showName: false }, key())),
      );
      signed = answers.filter((a) => a.status === 200 && a.json.status === 'confirmed').length;
      assert.equal(signed, 30);
    } finally {
      // At once, with no chance to flush or close.
      first.process.kill('SIGKILL');
      await new Promise((resolve) => first.process.once('exit', resolve));
    }
    const second = await startCli('', ['--data', dir], 60);
    try {
      if (process.platform === 'linux') assert.ok(rssMb(second) < 240, `${rssMb(second).toFixed(0)} MB after a restart`);
      assert.equal((await call(second.url, 'GET', '/api/petitions/kill')).json.signatureCount, signed);
    } finally {
      await stop(second);
    }
  });
});

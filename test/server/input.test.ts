/**
 * Bad input never gets a 5xx: every route answers 4xx JSON naming the field. Also the rate limit,
 * CORS, unknown routes, and what an unexpected failure looks like.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { admin, key, refused, serverSuites, uniqueEmail, type Answer } from './helpers.js';
import { createPetition } from './fixtures.js';
import { ApiError } from '../../src/api/common.js';
import type { Db } from '../../server/db/db.js';
import { startServer } from '../../server/serve.js';


/** Set by the test of an unexpected failure: every query then fails. */
let failing = false;
const wrapDb = (db: Db): Db => ({
  ...db,
  query: (sql, params) => (failing ? Promise.reject(new Error('disk on fire at secret.ts:12')) : db.query(sql, params)),
});

// The client address comes from X-Forwarded-For here, so each rate-limit test has its own.
await serverSuites('bad input', { wrapDb, trustProxy: true, rateLimit: { capacity: 3, refillPerSecond: 0.2 } }, (s) => {
  let id: string;
  before(async () => {
    id = await createPetition(s);
  });

  let ip = 0;
  /** A fresh client address for each request: the rate limit stays out of the way. */
  const from = (headers: Record<string, string> = {}) => ({ 'x-forwarded-for': `10.1.${ip >> 8}.${ip++ & 255}`, ...headers });
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) => s.call('POST', path, body, from(headers));

  it('sign: wrong types and missing fields are 400 naming each field', async () => {
    refused(await post(`/api/petitions/${id}/signatures`, {}), 400, 'validation', ['name', 'email']);
    refused(await post(`/api/petitions/${id}/signatures`, { name: 42, email: 'nope', showName: 'yes' }), 400, 'validation', ['name', 'email', 'showName']);
    refused(await post(`/api/petitions/${id}/signatures`, { name: 'A', email: uniqueEmail(), comment: 'x'.repeat(1001) }), 400, 'validation', ['comment']);
    refused(await post(`/api/petitions/${id}/signatures`, { name: '   ', email: uniqueEmail() }), 400, 'validation', ['name']);
    refused(await post(`/api/petitions/${id}/signatures`, [1, 2]), 400, 'validation', ['body']);
    refused(await post(`/api/petitions/${id}/signatures`, 'null'), 400, 'validation', ['body']);
  });

  it('invalid JSON, an empty body and bytes that are not UTF-8 are 400 on path body', async () => {
    refused(await post(`/api/petitions/${id}/signatures`, '{"name": "A",'), 400, 'validation', ['body']);
    refused(await post(`/api/petitions/${id}/signatures`, ''), 400, 'validation', ['body']);
    const res = await fetch(`${s.url}/api/signatures/confirm`, { method: 'POST', body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), headers: from({ 'content-type': 'application/json' }) });
    refused({ status: res.status, headers: res.headers, text: await res.clone().text(), json: await res.json() }, 400, 'validation', ['body']);
  });

  it('a body nested absurdly deep is 400 on path body', async () => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    refused(await post(`/api/petitions/${id}/signatures`, deep), 400, 'validation', ['body']);
    refused(await post(`/api/petitions/${id}/signatures`, `{"name":${deep},"email":"a@b.ca"}`), 400, 'validation', ['body']);
  });

  it('a 1 MB body is 413 payload-too-large on path body, with or without Content-Length', async () => {
    const big = JSON.stringify({ name: 'A', email: uniqueEmail(), comment: 'x'.repeat(1024 * 1024) });
    refused(await post(`/api/petitions/${id}/signatures`, big), 413, 'payload-too-large', ['body']);
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < 16; i++) c.enqueue(new TextEncoder().encode(big.slice(i * 65536, (i + 1) * 65536)));
        c.close();
      },
    });
    const res = await fetch(`${s.url}/api/admin/petitions`, { method: 'POST', body: stream, duplex: 'half', headers: { ...admin, 'content-type': 'application/json' } } as RequestInit);
    refused({ status: res.status, headers: res.headers, text: '', json: await res.json() }, 413, 'payload-too-large', ['body']);
  });

  it('confirm and withdraw: a missing, short or non-string token is 400 naming token', async () => {
    for (const path of ['/api/signatures/confirm', '/api/signatures/withdraw']) {
      refused(await post(path, {}), 400, 'validation', ['token']);
      refused(await post(path, { token: 'short' }), 400, 'validation', ['token']);
      refused(await post(path, { token: 12345678901234567890 }), 400, 'validation', ['token']);
    }
  });

  it('admin create and update: each bad field is named; calendar-impossible dates are 400 too', async () => {
    refused(await s.call('POST', '/api/admin/petitions', { id: 'has space', title: '', goal: -1, url: 'javascript:alert(1)', locale: 'de' }, admin), 400, 'validation', ['id', 'title', 'goal', 'url', 'locale', 'summary']);
    refused(await s.call('POST', '/api/admin/petitions', { id: 'ok-id', title: 'T', summary: '', goal: 1.5 }, admin), 400, 'validation', ['goal']);
    refused(await s.call('POST', '/api/admin/petitions', { id: 'ok-id', title: 'T', summary: '', goal: 5, closesAt: '2026-02-31T25:61Z' }, admin), 400, 'validation', ['closesAt']);
    refused(await s.call('PATCH', `/api/admin/petitions/${id}`, { goal: 'lots', doubleOptIn: 'no' }, admin), 400, 'validation', ['goal', 'doubleOptIn']);
    refused(await s.call('PATCH', `/api/admin/petitions/${id}`, { closesAt: 'tomorrow' }, admin), 400, 'validation', ['closesAt']);
  });

  it('text the database cannot store (a NUL byte) is 400 naming its field, not 500', async () => {
    refused(await post(`/api/petitions/${id}/signatures`, { name: 'Nul\u0000Byte', email: uniqueEmail() }, key()), 400, 'validation', ['name']);
    refused(await post(`/api/admin/petitions`, { id: 'nul', title: 'T', summary: 'S', goal: 1, locale: 'fr\u0000' }, admin), 400, 'validation', ['locale']);
  });

  it('a body not sent as JSON is 415 naming content-type (another site’s form or text/plain POST needs no CORS preflight)', async () => {
    const body = JSON.stringify({ name: 'Texte', email: uniqueEmail() });
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', undefined]) {
      const res = await fetch(`${s.url}/api/petitions/${id}/signatures`, { method: 'POST', body, headers: from({ ...key(), ...(type ? { 'content-type': type } : {}) }) });
      if (!type) assert.match(res.headers.get('content-type') ?? '', /json/); // fetch labels a string body text/plain
      refused({ status: res.status, headers: res.headers, text: await res.clone().text(), json: await res.json() }, 415, 'validation', ['content-type']);
    }
    const ok = await post(`/api/petitions/${id}/signatures`, JSON.parse(body), { ...key(), 'content-type': 'application/json; charset=utf-8' });
    assert.equal(ok.status, 200, ok.text);
  });

  it('an unknown petition is 404 not-found on every petition route', async () => {
    refused(await s.call('GET', '/api/petitions/no-such-thing'), 404, 'not-found');
    refused(await post('/api/petitions/no-such-thing/signatures', { name: 'A', email: uniqueEmail() }), 404, 'not-found');
    refused(await s.call('GET', '/api/petitions/no-such-thing/events'), 404, 'not-found');
    refused(await s.call('PATCH', '/api/admin/petitions/no-such-thing', { goal: 5 }, admin), 404, 'not-found');
    refused(await s.call('POST', '/api/admin/petitions/no-such-thing/close', undefined, admin), 404, 'not-found');
    refused(await s.call('GET', '/api/admin/petitions/no-such-thing/signatures.csv', undefined, admin), 404, 'not-found');
  });

  it('an id that fails the Id schema is 400 naming id', async () => {
    refused(await s.call('GET', '/api/petitions/-starts-with-dash'), 400, 'validation', ['id']);
    refused(await s.call('GET', `/api/petitions/${'x'.repeat(65)}`), 400, 'validation', ['id']);
    refused(await post('/api/petitions/bad%20id/signatures', { name: 'A', email: uniqueEmail() }), 400, 'validation', ['id']);
  });

  it('a bad Idempotency-Key is 400 naming it', async () => {
    refused(await post(`/api/petitions/${id}/signatures`, { name: 'A', email: uniqueEmail() }, { 'idempotency-key': 'x'.repeat(201) }), 400, 'validation', ['Idempotency-Key']);
  });

  it('unknown routes and methods are 404 JSON', async () => {
    refused(await s.call('GET', '/api/nothing'), 404, 'not-found');
    refused(await s.call('DELETE', `/api/petitions/${id}`), 404, 'not-found');
    refused(await s.call('GET', '/not/a/page'), 404, 'not-found');
  });

  it('the rate limit answers 429 rate-limited with Retry-After, per client', async () => {
    const headers = { 'x-forwarded-for': '192.0.2.77' };
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await s.call('POST', '/api/signatures/confirm', { token: 'y'.repeat(43) }, headers)).status);
    assert.deepEqual(codes.slice(0, 3), [404, 404, 404], 'a burst of 3 goes through');
    const r = await s.call('POST', '/api/signatures/confirm', { token: 'y'.repeat(43) }, headers);
    refused(r, 429, 'rate-limited');
    const retryAfter = Number(r.headers.get('retry-after'));
    assert.ok(retryAfter >= 1 && retryAfter <= 5, `Retry-After ${retryAfter}`);
    assert.equal(r.json.error.retryAfter, retryAfter);
    assert.equal((await s.call('POST', '/api/signatures/confirm', { token: 'y'.repeat(43) }, { 'x-forwarded-for': '192.0.2.78' })).status, 404, 'another client is not limited');
    assert.equal((await s.call('GET', `/api/petitions/${id}`, undefined, headers)).status, 200, 'reads are not limited');
  });

  it('CORS: any origin by default, with the headers the client sends and reads', async () => {
    const pre = await fetch(`${s.url}/api/petitions/${id}/signatures`, {
      method: 'OPTIONS',
      headers: { origin: 'https://blog.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,idempotency-key' },
    });
    assert.ok(pre.status === 204 || pre.status === 200);
    assert.equal(pre.headers.get('access-control-allow-origin'), '*');
    assert.match(pre.headers.get('access-control-allow-headers') ?? '', /Idempotency-Key/i);
    const get = await fetch(`${s.url}/api/petitions/${id}`, { headers: { origin: 'https://blog.example' } });
    assert.equal(get.headers.get('access-control-allow-origin'), '*');
    assert.match(get.headers.get('access-control-expose-headers') ?? '', /Retry-After/i);
  });

  it('CORS with --origin: only the listed origins are allowed', async () => {
    const strict = await startServer({ db: s.db, port: 0, host: '127.0.0.1', staticRoot: false, origins: ['https://blog.example'] });
    try {
      const ask = async (origin: string) => (await fetch(`${strict.url}/api/petitions/${id}`, { headers: { origin } })).headers.get('access-control-allow-origin');
      assert.equal(await ask('https://blog.example'), 'https://blog.example');
      assert.equal(await ask('https://evil.example'), null);
    } finally {
      await strict.close();
    }
  });

  it('an unexpected failure is 500 kind server, logged, with no stack or detail for the client', async () => {
    failing = true;
    let r: Answer;
    try {
      r = await s.call('GET', '/api/petitions/never-read-before'); // not in the cache: the database is asked
    } finally {
      failing = false;
    }
    refused(r, 500, 'server');
    assert.doesNotMatch(r.text, /disk on fire|secret\.ts/);
    assert.ok(s.logged.some((l) => l.includes('disk on fire')), 'logged on the server');
    s.logged.length = 0;
  });
}, { allowLogs: true });

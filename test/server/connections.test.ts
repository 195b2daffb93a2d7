/**
 * Slow and greedy clients: a client that trickles its headers is cut off after the header time-out,
 * and a client that opens too many connections at once has the extra ones closed, while others are
 * served. (PGlite only: nothing here touches the database.)
 */
import { connect, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTest, targets, type TestServer } from './helpers.js';

const [pglite] = await targets();

/** A socket to the server that has connected. */
function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });
}

/** When `s` closes (ms after `since`), or undefined if it is still open after `ms`. */
const closedWithin = (s: Socket, ms: number, since = Date.now()) =>
  new Promise<number | undefined>((resolve) => {
    if (s.destroyed || s.readyState === 'closed') return resolve(0);
    const t = setTimeout(() => resolve(undefined), ms);
    s.once('close', () => (clearTimeout(t), resolve(Date.now() - since)));
    s.resume(); // read (and drop) a 408 answer if one comes
  });

describe('slow and greedy clients', () => {
  let s: TestServer;
  before(async () => {
    s = await startTest(pglite!, { headersTimeoutMs: 1000, requestTimeoutMs: 2000, maxConnectionsPerClient: 150 });
  });
  after(() => s.close());

  it('cuts off 100 clients that send their headers slowly, and still serves others', async () => {
    const started = Date.now();
    const sockets = await Promise.all(Array.from({ length: 100 }, () => open(s.port)));
    const drips = sockets.map((sock, i) => {
      sock.on('error', () => undefined);
      sock.write(`GET /api/petitions/p${i} HTTP/1.1\r\nHost: 127.0.0.1\r\n`);
      // One more header line every 300 ms, never the blank line that ends them.
      return setInterval(() => sock.writable && sock.write(`X-Slow-${Date.now()}: 1\r\n`), 300);
    });
    try {
      const closed = await Promise.all(sockets.map((sock) => closedWithin(sock, 5000, started)));
      assert.equal(closed.filter((t) => t === undefined).length, 0, 'every slow client is cut off within 5 s');
      assert.ok(Math.max(...(closed as number[])) < 4000, `all closed within 4 s (slowest: ${Math.max(...(closed as number[]))} ms)`);
      const ok = await s.call('GET', '/openapi.json');
      assert.equal(ok.status, 200);
    } finally {
      drips.forEach(clearInterval);
      sockets.forEach((sock) => sock.destroy());
    }
  });

  it('closes a client\'s connections past the cap at once; closing some makes room', async () => {
    const sockets = await Promise.all(Array.from({ length: 160 }, () => open(s.port)));
    sockets.forEach((sock) => sock.on('error', () => undefined));
    try {
      const closed = await Promise.all(sockets.map((sock) => closedWithin(sock, 500)));
      // (A keep-alive connection of an earlier fetch may hold one place.)
      const cut = closed.filter((t) => t !== undefined).length;
      assert.ok(cut >= 10 && cut <= 11, `the ones past 150 are closed (${cut})`);
      const extra = await open(s.port);
      assert.notEqual(await closedWithin(extra, 500), undefined, 'no room for one more from the same address');
      sockets.slice(0, 20).forEach((sock) => sock.destroy());
      await new Promise((r) => setTimeout(r, 100));
      assert.equal((await s.call('GET', '/openapi.json')).status, 200);
    } finally {
      sockets.forEach((sock) => sock.destroy());
    }
  });
});

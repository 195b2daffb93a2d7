/** The small pure parts of the server, without a database. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Hono } from 'hono';
import { escapeHtml } from '../../server/html.js';
import { getEventListeners } from 'node:events';
import { RateLimiter, checkAdmin, clientIp, ipv6Prefix64, normalIp } from '../../server/http.js';
import { newToken, sha256 } from '../../server/secrets.js';
import { untilClosed } from '../../server/sse.js';

describe('server units', () => {
  it('RateLimiter: a burst of `capacity`, then Retry-After seconds until a token is back', async () => {
    const limiter = new RateLimiter({ capacity: 3, refillPerSecond: 0.5 });
    try {
      const t = 1_000_000;
      assert.deepEqual([await limiter.take('a', t), await limiter.take('a', t), await limiter.take('a', t)], [0, 0, 0]);
      assert.equal(await limiter.take('a', t), 2, 'one token takes 2 s at 0.5/s');
      assert.equal(await limiter.take('b', t), 0, 'per client');
      assert.equal(await limiter.take('a', t + 1000), 1);
      assert.equal(await limiter.take('a', t + 2100), 0, 'refilled');
      assert.ok((await limiter.take('a', t + 2100)) > 0);
    } finally {
      limiter.close();
    }
  });

  it('clientIp: the socket, or X-Forwarded-For only when proxies are trusted', async () => {
    const app = new Hono();
    let trust: boolean | number = false;
    app.get('/', (c) => c.text(clientIp(c, trust)));
    const env = { incoming: { socket: { remoteAddress: '127.0.0.9' } } };
    const ask = async (xff?: string) => (await app.request('/', { headers: xff ? { 'x-forwarded-for': xff } : {} }, env)).text();
    assert.equal(await ask('6.6.6.6'), '127.0.0.9', 'spoofed header ignored by default');
    trust = true;
    assert.equal(await ask('6.6.6.6, 203.0.113.5'), '203.0.113.5', 'the address our proxy saw');
    trust = 2;
    assert.equal(await ask('6.6.6.6, 203.0.113.5, 10.0.0.2'), '203.0.113.5');
    assert.equal(await ask(), '127.0.0.9');
  });

  it('checkAdmin: refuses without a configured token, a missing or a wrong one', async () => {
    const app = new Hono();
    let token: string | undefined = 'right';
    app.get('/', (c) => {
      try {
        checkAdmin(c, token);
        return c.text('ok');
      } catch {
        return c.text('no', 401);
      }
    });
    const ask = async (authorization?: string) => (await app.request('/', { headers: authorization ? { authorization } : {} })).status;
    assert.deepEqual([await ask('Bearer right'), await ask('bearer right'), await ask('Bearer wrong'), await ask('right'), await ask()], [200, 200, 401, 401, 401]);
    token = undefined;
    assert.equal(await ask('Bearer right'), 401);
    assert.equal(await ask('Bearer undefined'), 401);
  });

  it('tokens are long and random; hashes are SHA-256 hex', () => {
    const a = newToken();
    assert.ok(a.length >= 32 && /^[\w-]+$/.test(a));
    assert.notEqual(a, newToken());
    assert.match(sha256(a), /^[0-9a-f]{64}$/);
  });

  it('untilClosed: an event stream that ends leaves no listener on the server’s closing signal', async () => {
    const closing = new AbortController();
    for (let i = 0; i < 50; i++) {
      let abort = () => {};
      const done = untilClosed({ onAbort: (fn) => (abort = fn) }, closing.signal);
      abort();
      await done;
    }
    assert.equal(getEventListeners(closing.signal, 'abort').length, 0);
    const open = untilClosed({ onAbort: () => {} }, closing.signal);
    closing.abort();
    await open;
    await untilClosed({ onAbort: () => {} }, closing.signal); // already closed: at once
  });

  it('RateLimiter: an IPv6 client counts by its /64', async () => {
    assert.equal(ipv6Prefix64('2001:db8:0:1::5'), '2001:db8:0:1::/64');
    assert.equal(ipv6Prefix64('2001:DB8:0000:0001:aaaa:bbbb:cccc:dddd'), '2001:db8:0:1::/64');
    assert.equal(ipv6Prefix64('::1'), '0:0:0:0::/64');
    assert.equal(ipv6Prefix64('192.0.2.1'), '192.0.2.1');
    const limiter = new RateLimiter({ capacity: 2, refillPerSecond: 0.001 });
    try {
      const t = 1_000_000;
      assert.deepEqual([await limiter.take('2001:db8:0:1::1', t), await limiter.take('2001:db8:0:1::2', t)], [0, 0]);
      assert.ok((await limiter.take('2001:db8:0:1:ffff::3', t)) > 0, 'another address of the same /64 waits');
      assert.equal(await limiter.take('2001:db8:0:2::1', t), 0, 'another /64 does not');
    } finally {
      limiter.close();
    }
  });

  it('normalIp: IPv4 clients of a dual-stack socket read as IPv4', () => {
    assert.equal(normalIp('::ffff:192.0.2.1'), '192.0.2.1');
    assert.equal(normalIp('::FFFF:10.0.0.1'), '10.0.0.1');
    assert.equal(normalIp('2001:DB8::1'), '2001:db8::1');
    assert.equal(normalIp('::ffff:abcd'), '::ffff:abcd');
  });

  it('escapeHtml escapes the five characters', () => {
    assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

/**
 * Webmentions and pingbacks, verified against real HTTP pages served on 127.0.0.1: a source that
 * links to the thread's page becomes a mention; one that does not is rejected; one that stops
 * linking or is gone is hidden again. Also the address guard and the page readers.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { after, before, describe, it } from 'node:test';
import { EventReader, serverSuites } from '../helpers.js';
import { createThread } from '../fixtures.js';
import { CommentEvent, MentionPage, Thread } from '../../../src/api/comments.js';
import { isPrivateAddress, PrivateAddressError, publicLookup } from '../../../server/comments/source-fetch.js';
import { linksTo, pageDate, pageTitle, verifySource } from '../../../server/comments/webmention.js';

/** A small site: each path answers the HTML (or status) set for it; `stall` sends headers and then nothing. */
async function site() {
  const pages = new Map<string, { status?: number; html?: string; location?: string; stall?: boolean }>();
  const requested: string[] = [];
  const server: Server = createServer((req, res) => {
    requested.push(req.url ?? '');
    const p = pages.get(req.url ?? '');
    if (p?.stall) return void res.writeHead(200, { 'content-type': 'text/html' }).write('<p>');
    if (!p) return void res.writeHead(404).end('not found');
    res.writeHead(p.status ?? 200, { 'content-type': 'text/html; charset=utf-8', ...(p.location ? { location: p.location } : {}) }).end(p.html ?? '');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, pages, requested, close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))) };
}

/** About a megabyte of `unit`. */
const megabyte = (unit: string) => unit.repeat(Math.ceil(1_000_000 / unit.length));

/** Milliseconds `f` takes. */
const time = (f: () => unknown) => {
  const t = performance.now();
  f();
  return performance.now() - t;
};

/** Pages made to take a backtracking reader quadratic (or cubic) time: none may take it more than a pass. */
const hostile = (post: string): Record<string, string> => ({
  '<title': megabyte('<title'),
  '<title>': `<title>${megabyte('<title>')}`,
  '<meta ': megabyte('<meta '),
  '<meta property': megabyte('<meta property="article:published_time" '),
  '<time ': megabyte('<time '),
  '<time class': megabyte('<time class="dt-published '),
  ' href="': megabyte(' href="'),
  "<a href='": megabyte("<a href='"),
  '<a x=': `<a ${megabyte('x=')}`,
  '<!--': megabyte('<!--'),
  'a link to a run of slashes': `<a href="${post}${megabyte('/')}x">`,
  'many links': megabyte('<a href=/p?q>'),
  'many dates': megabyte('<time class=dt-published datetime=2020-01-01>'),
});

const page = (title: string, body: string) => `<!doctype html><html><head><title>${title}</title><meta property="article:published_time" content="2012-11-20T10:00:00Z"></head><body>${body}</body></html>`;

await serverSuites('mentions', { heartbeatMs: 200, comments: { webmention: { allowPrivate: true, timeoutMs: 2000 } } }, (s) => {
  let web: Awaited<ReturnType<typeof site>>;
  let threadId: string;
  let post: string;
  before(async () => {
    web = await site();
    post = `${web.url}/2012/11/plan-numerique/`;
    threadId = await createThread(s, { url: post });
  });
  after(() => web.close());

  const send = (body: Record<string, string>) =>
    s.call('POST', '/webmention', new URLSearchParams(body).toString(), { 'content-type': 'application/x-www-form-urlencoded' });
  const mentions = async () => MentionPage.parse((await s.call('GET', `/api/threads/${threadId}/mentions`)).json);
  const status = async (location: string) => (await fetch(location)).json() as Promise<{ status: string; reason: string | null }>;

  it('a source that links to the thread’s page: 202 at once, then verified and listed with its title, site and date; announced live', async () => {
    web.pages.set('/cite', { html: page('Mario &amp; le numérique', `<p>Lire <a href="${post}">le billet</a>.</p>`) });
    const events = await EventReader.open(`${s.url}/api/threads/${threadId}/events`);
    try {
      await events.next();
      const r = await send({ source: `${web.url}/cite`, target: post });
      assert.equal(r.status, 202, r.text);
      const location = r.headers.get('location')!;
      assert.match(location, /\/webmention\/\d+$/);
      await s.idle();
      assert.equal((await status(location)).status, 'verified');
      const m = await mentions();
      assert.equal(m.total, 1);
      assert.deepEqual(
        m.items.map((i) => [i.kind, i.sourceUrl, i.title, i.site, i.publishedAt]),
        [['webmention', `${web.url}/cite`, 'Mario & le numérique', '127.0.0.1', '2012-11-20T10:00:00.000Z']],
      );
      const e = CommentEvent.parse(await events.until((x) => x.type === 'mention'));
      assert.equal(e.mention?.sourceUrl, `${web.url}/cite`);
      assert.equal(e.mentionCount, 1);
      assert.equal(Thread.parse((await s.call('GET', `/api/threads/${threadId}`)).json).mentionCount, 1);
    } finally {
      events.close();
    }
  });

  it('a source that does not link to the target is rejected and not listed', async () => {
    web.pages.set('/silent', { html: page('Rien', `<p>Un autre sujet, et <a href="${web.url}/ailleurs/">un lien ailleurs</a>. ${post} en texte ne compte pas.</p>`) });
    const r = await send({ source: `${web.url}/silent`, target: post });
    assert.equal(r.status, 202);
    await s.idle();
    const st = await status(r.headers.get('location')!);
    assert.equal(st.status, 'rejected');
    assert.match(st.reason ?? '', /does not link/);
    assert.ok(!(await mentions()).items.some((i) => i.sourceUrl.endsWith('/silent')));
  });

  it('relative links, entities in the address and redirects are followed; a 404 source is rejected', async () => {
    web.pages.set('/relative', { html: page('Relatif', `<a href='/2012/11/plan-numerique/#commentaires'>ici</a>`) });
    web.pages.set('/moved', { status: 301, location: '/relative' });
    web.pages.set('/entity', { html: page('Entités', `<a href="${post.replace(/\//g, '&#x2F;')}">ici</a>`) });
    for (const path of ['/moved', '/entity']) {
      const r = await send({ source: `${web.url}${path}`, target: post });
      await s.idle();
      assert.equal((await status(r.headers.get('location')!)).status, 'verified', path);
    }
    const missing = await send({ source: `${web.url}/missing`, target: post });
    await s.idle();
    assert.equal((await status(missing.headers.get('location')!)).status, 'rejected');
  });

  it('a source that stops linking, or is gone, is hidden when mentioned again', async () => {
    web.pages.set('/changing', { html: page('Avant', `<a href="${post}">lien</a>`) });
    await send({ source: `${web.url}/changing`, target: post });
    await s.idle();
    assert.ok((await mentions()).items.some((i) => i.title === 'Avant'));
    web.pages.set('/changing', { html: page('Après', 'plus de lien') });
    await send({ source: `${web.url}/changing`, target: post });
    await s.idle();
    assert.ok(!(await mentions()).items.some((i) => i.sourceUrl.endsWith('/changing')));
    web.pages.set('/gone', { html: page('Gone', `<a href="${post}">lien</a>`) });
    await send({ source: `${web.url}/gone`, target: post });
    await s.idle();
    web.pages.set('/gone', { status: 410 });
    await send({ source: `${web.url}/gone`, target: post });
    await s.idle();
    assert.ok(!(await mentions()).items.some((i) => i.sourceUrl.endsWith('/gone')));
  });

  it('bad requests are 400 naming source or target: missing, not http(s), the same page, a target with no thread', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ target: post }, 'source'],
      [{ source: `${web.url}/cite` }, 'target'],
      [{ source: 'javascript:alert(1)', target: post }, 'source'],
      [{ source: `${web.url}/cite`, target: 'not a url' }, 'target'],
      [{ source: post, target: `${post}#x` }, 'source'],
      [{ source: `${web.url}/cite`, target: `${web.url}/pas-un-fil/` }, 'target'],
    ];
    for (const [body, path] of cases) {
      const r = await send(body);
      assert.equal(r.status, 400, `${JSON.stringify(body)}: ${r.text}`);
      assert.equal(r.json.error.issues[0].path, path);
    }
    const json = await s.call('POST', '/webmention', { source: `${web.url}/cite`, target: post });
    assert.equal(json.status, 400, 'form-encoded only');
    assert.equal((await s.call('GET', '/webmention/999999')).status, 404);
  });

  it('pingback over XML-RPC: registered when the source links; fault 17 when it does not; 48 when registered already', async () => {
    web.pages.set('/ping', { html: page('Ping : un blogue ami', `<a href="${post}">le billet</a>`) });
    const ping = (source: string, target = post) =>
      fetch(`${s.url}/xmlrpc`, {
        method: 'POST',
        headers: { 'content-type': 'text/xml' },
        body: `<?xml version="1.0"?><methodCall><methodName>pingback.ping</methodName><params><param><value><string>${source}</string></value></param><param><value><string>${target}</string></value></param></params></methodCall>`,
      }).then((r) => r.text());
    assert.match(await ping(`${web.url}/ping`), /Pingback registered/);
    assert.ok((await mentions()).items.some((i) => i.kind === 'pingback' && i.title === 'Ping : un blogue ami'));
    assert.match(await ping(`${web.url}/ping`), /<int>48<\/int>/);
    assert.match(await ping(`${web.url}/silent`), /<int>17<\/int>/);
    assert.match(await ping(`${web.url}/ping`, `${web.url}/autre/`), /<int>33<\/int>/);
    const other = await fetch(`${s.url}/xmlrpc`, { method: 'POST', body: '<methodCall><methodName>system.listMethods</methodName></methodCall>' }).then((r) => r.text());
    assert.match(other, /<int>-32601<\/int>/);
  });

  it('a hostile source page of a megabyte does not stall the server while it is verified', async () => {
    const html = `<a href="${post}">lien</a>${megabyte('<time class="dt-published <meta property="article:published_time" ')}`;
    web.pages.set('/hostile', { html });
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const started = performance.now();
    const r = await send({ source: `${web.url}/hostile`, target: post });
    assert.equal(r.status, 202);
    let slowest = 0;
    for (let i = 0; i < 10; i++) {
      const t = performance.now();
      assert.equal((await s.call('GET', `/api/threads/${threadId}`)).status, 200);
      slowest = Math.max(slowest, performance.now() - t);
    }
    await s.idle();
    delay.disable();
    const stall = delay.max / 1e6;
    assert.equal((await status(r.headers.get('location')!)).status, 'verified');
    assert.ok(stall < 500 && slowest < 500, `the event loop stalled ${stall.toFixed(0)} ms, a request took ${slowest.toFixed(0)} ms (verified in ${(performance.now() - started).toFixed(0)} ms)`);
  });

  it('XML-RPC calls padded with blanks are answered at once', async () => {
    for (const body of [`<methodCall><methodName>${' '.repeat(16_000)}`, `<methodCall><methodName>pingback.ping</methodName><params><param><value>${' '.repeat(16_000)}`]) {
      const t = performance.now();
      const text = await fetch(`${s.url}/xmlrpc`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body }).then((x) => x.text());
      assert.match(text, /<fault>/);
      assert.ok(performance.now() - t < 500, `${(performance.now() - t).toFixed(0)} ms`);
    }
  });

  it('the mentions of an unknown thread are 404', async () => {
    assert.equal((await s.call('GET', '/api/threads/nope/mentions')).status, 404);
  });
});

describe('webmention verification units', () => {
  it('private, loopback and link-local addresses are refused unless allowed', async () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '192.168.0.1', '172.20.0.1', '169.254.169.254', '::1', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '0.0.0.0']) assert.ok(isPrivateAddress(a), a);
    for (const a of ['93.184.216.34', '2606:4700::1111', '8.8.8.8']) assert.ok(!isPrivateAddress(a), a);
    const v = await verifySource('http://127.0.0.1:9/x', 'https://blogue.example/');
    assert.deepEqual([v.ok, !v.ok && v.reason], [false, 'the source is not on a public address']);
    const ftp = await verifySource('ftp://example.org/x', 'https://blogue.example/');
    assert.equal(ftp.ok, false);
  });

  it('IPv6 addresses that carry a private IPv4 address, and special ranges, are private', () => {
    const private_ = [
      '::ffff:7f00:1', '::ffff:10.0.0.1', '::7f00:1', '::', // mapped, IPv4-compatible, unspecified
      '64:ff9b::7f00:1', '64:ff9b::a9fe:a9fe', '64:ff9b::192.168.1.1', '64:ff9b:1::808:808', // NAT64: well-known prefix, local use
      '2002:7f00:1::1', '2002:c0a8:101::', '2002:a9fe:a9fe::1', // 6to4
      '2001::1', '2001:db8::1', '3fff::1', '100::1', 'fec0::1', 'ff02::1', 'fe80::1%eth0', // Teredo, documentation, discard, site-local, multicast
      '192.0.2.1', '198.51.100.7', '203.0.113.9', '192.88.99.1', '240.0.0.1', '255.255.255.255', '100.64.0.1', 'not an address',
    ];
    for (const a of private_) assert.ok(isPrivateAddress(a), a);
    for (const a of ['::ffff:8.8.8.8', '64:ff9b::808:808', '2002:808:808::1', '2a00:1450:4007::1', '2001:4860::8888', '1.1.1.1']) assert.ok(!isPrivateAddress(a), a);
  });

  it('the address is checked when connecting: a name that resolves to a private address is refused, and nothing is sent', async () => {
    const refused = (options: { all?: boolean }) =>
      new Promise<Error | null>((resolve) => publicLookup('localhost', options, (err) => resolve(err)));
    for (const all of [true, false]) {
      const err = await refused({ all });
      assert.ok(err instanceof PrivateAddressError, String(err));
    }
    const web = await site();
    try {
      web.pages.set('/cite', { html: '<a href="https://blogue.example/">x</a>' });
      const local = web.url.replace('127.0.0.1', 'localhost');
      const v = await verifySource(`${local}/cite`, 'https://blogue.example/');
      assert.deepEqual([v.ok, !v.ok && v.reason], [false, 'the source is not on a public address']);
      assert.deepEqual(web.requested, []);
      const allowed = await verifySource(`${local}/cite`, 'https://blogue.example/', { allowPrivate: true });
      assert.equal(allowed.ok, true);
    } finally {
      await web.close();
    }
  });

  it('a source that stalls is given up at the timeout; only maxBytes of a page are read', async () => {
    const web = await site();
    try {
      web.pages.set('/slow', { stall: true });
      const t = performance.now();
      const v = await verifySource(`${web.url}/slow`, 'https://blogue.example/', { allowPrivate: true, timeoutMs: 300 });
      assert.equal(v.ok, false);
      assert.match(!v.ok ? v.reason : '', /could not be read/);
      assert.ok(performance.now() - t < 2000);
      web.pages.set('/long', { html: `${'<p>bla</p>'.repeat(2000)}<a href="https://blogue.example/">x</a>` });
      assert.equal((await verifySource(`${web.url}/long`, 'https://blogue.example/', { allowPrivate: true, maxBytes: 10_000 })).ok, false);
      assert.equal((await verifySource(`${web.url}/long`, 'https://blogue.example/', { allowPrivate: true })).ok, true);
    } finally {
      await web.close();
    }
  });

  it('reads links, titles and dates from HTML (titles and dates as a browser finds them)', () => {
    assert.ok(linksTo('<a class=x href=https://b.example/p/>x</a>', 'https://b.example/p', 'https://a.example/'));
    assert.ok(linksTo('<img src="/p#top">', 'https://a.example/p', 'https://a.example/q'));
    assert.ok(!linksTo('<p>https://b.example/p</p><a data-href="https://b.example/p">', 'https://b.example/p', 'https://a.example/'));
    const titles: [string, string][] = [
      ['<title>\n Un  &laquo; titre &raquo; <b>gras</b></title>', 'Un « titre » gras'],
      ['<p>sans titre</p>', ''],
      // The first <title>, whatever its case or what holds it (as a browser reads them).
      ['<svg><title>Icône</title></svg><title>Plus tard</title>', 'Icône'],
      ['<TITLE lang=fr>Majuscules</TITLE >', 'Majuscules'],
    ];
    const dates: [string, string | undefined][] = [
      ['<time class="dt-published h" datetime="2020-01-02T03:04:05Z">', '2020-01-02T03:04:05.000Z'],
      ['<p>', undefined],
      ['<time class="dt-published" datetime="2020-01-02"><meta content="2012-11-20T10:00:00Z" property="Article:Published_Time">', '2012-11-20T10:00:00.000Z'],
      ['<time class="x-dt-published" datetime="2020-01-02">', undefined],
    ];
    for (const [html, title] of titles) assert.equal(pageTitle(html), title, html);
    for (const [html, date] of dates) assert.equal(pageDate(html), date, html);
  });

  it('reads tags as a browser would: quoted `>`, comments, script text, case; an unterminated quote ends at the tag', () => {
    const p = 'https://b.example/p';
    /** [html, whether it links to p, why] */
    const cases: [string, boolean, string?][] = [
      [`<IMG ALT="a > b" SRC='${p}'>`, true],
      [`<a title="x>y" href=${p}>`, true],
      [`<!-- <a href="${p}"> -->`, false],
      [`<script>document.write('<a href="${p}">')</script>`, false],
      [`<script>if (a<b) x = "</div>"</script><a href="${p}">`, true],
      [`<a title="unterminated><a href='${p}'>`, true],
      [`<a title="spans>< a href="${p}">`, false, 'a quote closed further on spans the `>`, as in a browser'],
      [`<a href="${p}" href="https://c.example/">`, true],
      [`<a href="${p}`, false, 'a tag that never closes is not read'],
    ];
    for (const [html, links, why] of cases) assert.equal(linksTo(html, p, 'https://a.example/'), links, why ?? html);
  });

  it('hostile pages of a megabyte are each read in well under a second', () => {
    const post = 'https://b.example/p';
    const times: string[] = [];
    for (const [name, html] of Object.entries(hostile(post))) {
      const readers = { linksTo: () => linksTo(html, post, 'https://a.example/'), pageTitle: () => pageTitle(html), pageDate: () => pageDate(html) };
      for (const [reader, f] of Object.entries(readers)) {
        const ms = time(f);
        times.push(`${reader}(${name}) ${ms.toFixed(0)} ms`);
        assert.ok(ms < 500, `${reader} on ${name}: ${ms.toFixed(0)} ms`);
      }
    }
    if (process.env.SHOW_TIMES) console.log(times.join('\n'));
  });
});

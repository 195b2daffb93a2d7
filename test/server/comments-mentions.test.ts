/**
 * Webmentions and pingbacks, verified against real HTTP pages served on 127.0.0.1: a source that
 * links to the thread's page becomes a mention; one that does not is rejected; one that stops
 * linking or is gone is hidden again. Also the address guard and the page readers.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { CommentEvent, MentionPage, Thread } from '../../src/api/comments.js';
import { isPrivateAddress, linksTo, pageDate, pageTitle, verifySource } from '../../server/comments/webmention.js';
import { EventReader, startTest, targets, type TestServer } from './helpers.js';
import { createThread } from './comments-helpers.js';

/** A small site: each path answers the HTML (or status) set for it. */
async function site() {
  const pages = new Map<string, { status?: number; html?: string; location?: string }>();
  const server: Server = createServer((req, res) => {
    const p = pages.get(req.url ?? '');
    if (!p) return void res.writeHead(404).end('not found');
    res.writeHead(p.status ?? 200, { 'content-type': 'text/html; charset=utf-8', ...(p.location ? { location: p.location } : {}) }).end(p.html ?? '');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, pages, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const page = (title: string, body: string) => `<!doctype html><html><head><title>${title}</title><meta property="article:published_time" content="2012-11-20T10:00:00Z"></head><body>${body}</body></html>`;

for (const target of await targets()) {
  describe(`mentions on ${target.name}`, { skip: target.skip }, () => {
    let s: TestServer;
    let web: Awaited<ReturnType<typeof site>>;
    let threadId: string;
    let post: string;
    before(async () => {
      web = await site();
      s = await startTest(target, { heartbeatMs: 200, comments: { webmention: { allowPrivate: true, timeoutMs: 2000 } } });
      post = `${web.url}/2012/11/plan-numerique/`;
      threadId = await createThread(s, { url: post });
    });
    after(async () => {
      assert.deepEqual(s.logged, [], 'nothing logged as a warning or an error');
      await s.close();
      await web.close();
    });

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

    it('the mentions of an unknown thread are 404', async () => {
      assert.equal((await s.call('GET', '/api/threads/nope/mentions')).status, 404);
    });
  });
}

describe('webmention verification units', () => {
  it('private, loopback and link-local addresses are refused unless allowed', async () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '192.168.0.1', '172.20.0.1', '169.254.169.254', '::1', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '0.0.0.0']) assert.ok(isPrivateAddress(a), a);
    for (const a of ['93.184.216.34', '2606:4700::1111', '8.8.8.8']) assert.ok(!isPrivateAddress(a), a);
    const v = await verifySource('http://127.0.0.1:9/x', 'https://blogue.example/');
    assert.deepEqual([v.ok, !v.ok && v.reason], [false, 'the source is not on a public address']);
    const ftp = await verifySource('ftp://example.org/x', 'https://blogue.example/');
    assert.equal(ftp.ok, false);
  });

  it('reads links, titles and dates from HTML', () => {
    assert.ok(linksTo('<a class=x href=https://b.example/p/>x</a>', 'https://b.example/p', 'https://a.example/'));
    assert.ok(linksTo('<img src="/p#top">', 'https://a.example/p', 'https://a.example/q'));
    assert.ok(!linksTo('<p>https://b.example/p</p><a data-href="https://b.example/p">', 'https://b.example/p', 'https://a.example/'));
    assert.equal(pageTitle('<title>\n Un  &laquo; titre &raquo; <b>gras</b></title>'), 'Un « titre » gras');
    assert.equal(pageTitle('<p>sans titre</p>'), '');
    assert.equal(pageDate('<time class="dt-published h" datetime="2020-01-02T03:04:05Z">'), '2020-01-02T03:04:05.000Z');
    assert.equal(pageDate('<p>'), undefined);
  });
});

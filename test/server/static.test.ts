/**
 * Static files (server/static.ts) as a browser, a proxy or a CDN sees them: the encoding negotiated
 * from Accept-Encoding (the build's compressed copies, else copies made in memory), entity tags and
 * 304, the cache lifetime of hashed chunks and of entry files. No database: a bare Hono app.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { compressFile } from '../../scripts/cdn-output.mjs';
import { acceptance, cdnCaching, IMMUTABLE, pageCaching, serveFile, SHORT } from '../../server/static.js';

const dir = mkdtempSync(join(tmpdir(), 'civic-static-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const entry = `export const strings = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `chaîne ${i}`))};\n`;
const chunk = `export const fr = ${JSON.stringify(Array.from({ length: 300 }, (_, i) => `mot ${i}`))};\n`;
const page = `<!doctype html><title>Blogue</title>${'<p>Un billet de blogue, assez long pour être compressé. </p>'.repeat(40)}`;
writeFileSync(join(dir, 'civic-petition.js'), entry);
writeFileSync(join(dir, 'fr.0123abcd.js'), chunk);
writeFileSync(join(dir, 'tiny.js'), 'export {};');
writeFileSync(join(dir, 'index.html'), page);
writeFileSync(join(dir, 'logo.png'), Buffer.alloc(4096, 7));
await compressFile(join(dir, 'civic-petition.js'));
await compressFile(join(dir, 'fr.0123abcd.js'));

const app = new Hono();
app.get('/cdn/*', async (c, next) => (await serveFile(c, dir, c.req.path.slice('/cdn'.length), cdnCaching)) ?? next());
app.get('/*', async (c, next) => (await serveFile(c, dir, c.req.path, pageCaching)) ?? next());
const get = (path: string, headers: Record<string, string> = {}, method = 'GET') => app.request(path, { method, headers });
const bytes = async (r: Response) => Buffer.from(await r.arrayBuffer());
const decoded = async (r: Response) => {
  const body = await bytes(r);
  const enc = r.headers.get('content-encoding');
  return (enc === 'br' ? brotliDecompressSync(body) : enc === 'gzip' ? gunzipSync(body) : body).toString();
};

describe('static files', () => {
  it('sends brotli, gzip or the file as it is, as Accept-Encoding asks, and says the answer varies with it', async () => {
    const cases: [string | undefined, string | null][] = [
      ['gzip, deflate, br', 'br'],
      ['br;q=0.5, gzip', 'br'], // the smaller one the client takes
      ['gzip', 'gzip'],
      ['gzip, br;q=0', 'gzip'],
      ['*', 'br'],
      ['*, br;q=0', 'gzip'],
      ['identity', null],
      ['deflate', null],
      ['gzip;q=0, br;q=0', null],
      [undefined, null],
    ];
    for (const [accept, encoding] of cases) {
      const r = await get('/cdn/civic-petition.js', accept === undefined ? {} : { 'accept-encoding': accept });
      assert.equal(r.status, 200, accept);
      assert.equal(r.headers.get('content-encoding'), encoding, accept);
      assert.equal(r.headers.get('vary'), 'Accept-Encoding', accept);
      assert.match(r.headers.get('content-type') ?? '', /^text\/javascript/);
      const body = await bytes(r.clone());
      assert.equal(Number(r.headers.get('content-length')), body.length, accept);
      assert.equal(await decoded(r), entry, accept);
    }
    const br = await bytes(await get('/cdn/civic-petition.js', { 'accept-encoding': 'br' }));
    const gz = await bytes(await get('/cdn/civic-petition.js', { 'accept-encoding': 'gzip' }));
    assert.ok(br.length < gz.length && gz.length <= gzipSync(entry, { level: 9 }).length, `br ${br.length}, gzip ${gz.length}`);
  });

  it('answers If-None-Match with 304, each encoding having its own entity tag', async () => {
    const tags = new Set<string>();
    for (const accept of ['br', 'gzip', 'identity']) {
      const first = await get('/cdn/civic-petition.js', { 'accept-encoding': accept });
      const etag = first.headers.get('etag')!;
      assert.match(etag, /^"[\w-]+"$/, 'a strong tag');
      tags.add(etag);
      for (const inm of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
        const again = await get('/cdn/civic-petition.js', { 'accept-encoding': accept, 'if-none-match': inm });
        assert.equal(again.status, 304, `${accept} ${inm}`);
        assert.equal((await again.arrayBuffer()).byteLength, 0);
        assert.equal(again.headers.get('etag'), etag);
        assert.equal(again.headers.get('cache-control'), SHORT);
        assert.equal(again.headers.get('vary'), 'Accept-Encoding');
      }
      assert.equal((await get('/cdn/civic-petition.js', { 'accept-encoding': accept, 'if-none-match': '"other"' })).status, 200);
    }
    assert.equal(tags.size, 3);
    // A tag of another encoding is another representation: sent in full.
    const brTag = (await get('/cdn/civic-petition.js', { 'accept-encoding': 'br' })).headers.get('etag')!;
    assert.equal((await get('/cdn/civic-petition.js', { 'accept-encoding': 'gzip', 'if-none-match': brTag })).status, 200);
  });

  it('lets hashed chunks be kept for good and entry files, source maps and pages only briefly', async () => {
    assert.equal((await get('/cdn/fr.0123abcd.js')).headers.get('cache-control'), IMMUTABLE);
    assert.equal(IMMUTABLE, 'public, max-age=31536000, immutable');
    assert.equal((await get('/cdn/civic-petition.js')).headers.get('cache-control'), SHORT);
    assert.match(SHORT, /^public, max-age=300\b/);
    assert.equal(cdnCaching('fr.0123abcd.js.map'), SHORT);
    assert.equal(cdnCaching('civic-comments.js'), SHORT, 'an entry whose name ends in 8 letters is no chunk');
    assert.equal((await get('/index.html')).headers.get('cache-control'), 'no-cache');
  });

  it('compresses in memory what has no compressed copy beside it, and leaves small files and images alone', async () => {
    const html = await get('/index.html', { 'accept-encoding': 'gzip, br' });
    assert.equal(html.headers.get('content-encoding'), 'br');
    assert.equal(await decoded(html), page);
    const tiny = await get('/cdn/tiny.js', { 'accept-encoding': 'gzip, br' });
    assert.equal(tiny.headers.get('content-encoding'), null);
    assert.equal(tiny.headers.get('vary'), null, 'one representation only');
    assert.ok(tiny.headers.get('etag'));
    const png = await get('/logo.png', { 'accept-encoding': 'gzip, br' });
    assert.equal(png.headers.get('content-encoding'), null);
    assert.equal((await bytes(png)).length, 4096);
  });

  it('sends a changed file, not a stale copy, with a new tag', async () => {
    const file = join(dir, 'civic-poll.js');
    writeFileSync(file, entry);
    await compressFile(file);
    const before = await get('/cdn/civic-poll.js', { 'accept-encoding': 'br' });
    assert.equal(await decoded(before.clone()), entry);
    const changed = entry.replace('chaîne 1"', 'chaîne 1 modifiée"');
    writeFileSync(file, changed); // its .br and .gz now hold the old text
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    for (const accept of ['br', 'gzip', 'identity']) {
      const r = await get('/cdn/civic-poll.js', { 'accept-encoding': accept, 'if-none-match': before.headers.get('etag')! });
      assert.equal(r.status, 200, accept);
      assert.notEqual(r.headers.get('etag'), before.headers.get('etag'));
      assert.equal(await decoded(r), changed, accept);
    }
  });

  it('answers HEAD with the headers and no body', async () => {
    const r = await get('/cdn/civic-petition.js', { 'accept-encoding': 'br' }, 'HEAD');
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('content-encoding'), 'br');
    assert.ok(Number(r.headers.get('content-length')) > 0);
    assert.equal((await r.arrayBuffer()).byteLength, 0);
  });

  it('reads q-values as RFC 9110 says', () => {
    assert.equal(acceptance('gzip;q=0.8, br', 'gzip'), 0.8);
    assert.equal(acceptance('GZIP ; Q=0', 'gzip'), 0);
    assert.equal(acceptance('', 'br'), 0);
    assert.equal(acceptance('', 'identity'), 1);
    assert.equal(acceptance('*;q=0.1', 'br'), 0.1);
  });
});

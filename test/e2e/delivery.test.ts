/**
 * The widgets' files on the wire, as the built server sends them (`dist/server/cli.js`) and as
 * README's nginx block sends them (Debian's nginx with its brotli_static module): each entry file and
 * every chunk it loads in brotli, gzip and as it is, never more bytes on the wire than the size
 * report's gzip -9 (scripts/size.mjs), 304 for a known ETag, hashed chunks immutable, entry files
 * briefly cached, CORS. Needs `npm run build` first (npm test builds before this step). nginx is
 * skipped, saying so, where it is not installed (CI installs it: .ci/run).
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { budgets, chunksOf, firstLoad, gz } from '../../scripts/size.mjs';

const cdn = resolve('dist/cdn');
const entries = Object.keys(budgets);
/** The shared build's widget files (dist/cdn/shared/), which people paste too. */
assert.ok(existsSync(join(cdn, 'shared')), 'dist/cdn/shared/ is missing: run `npm run build` (a build with CDN_FILES leaves it out)');
const sharedEntries = readdirSync(join(cdn, 'shared')).filter((f) => /^civic-[\w-]+\.js$/.test(f));
/** The shared build's core chunk, and the name README's sizes table gives it. */
const sharedCore = `shared/${readdirSync(join(cdn, 'shared')).find((f) => /^core\.[0-9a-f]{8}\.js$/.test(f))}`;
const files = [
  ...new Set([
    ...entries.flatMap((e) => [e, ...chunksOf(cdn, e)]),
    ...sharedEntries.flatMap((e) => [e, ...chunksOf(join(cdn, 'shared'), e)]).map((f) => `shared/${f}`),
  ]),
];
const temp = mkdtempSync(join(tmpdir(), 'civic-delivery-'));
const children: ChildProcess[] = [];
after(() => {
  for (const c of children) c.kill();
  rmSync(temp, { recursive: true, force: true });
});

const freePort = () =>
  new Promise<number>((done) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });

/** A GET whose body is what came on the wire (fetch would decompress it). */
const get = (url: string, headers: Record<string, string>) =>
  new Promise<{ status: number; headers: Headers; body: Buffer }>((done, fail) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const h = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) h.set(k, Array.isArray(v) ? v.join(', ') : v);
        done({ status: res.statusCode!, headers: h, body: Buffer.concat(chunks) });
      });
    })
      .on('error', fail)
      .end();
  });

/** What every file of dist/cdn must look like on the wire from `base`. */
async function checkDelivery(base: string, label: string) {
  assert.ok(files.length > entries.length, 'the entries load chunks');
  let wire = 0;
  for (const f of files) {
    const original = readFileSync(join(cdn, f));
    const hashed = !entries.includes(f) && !sharedEntries.map((e) => `shared/${e}`).includes(f);
    for (const [accept, encoding] of [['gzip, deflate, br', 'br'], ['gzip', 'gzip'], ['identity', null]] as const) {
      const r = await get(`${base}/cdn/${f}`, { 'accept-encoding': accept, origin: 'https://blogue.example' });
      const what = `${label} ${f} (${accept})`;
      assert.equal(r.status, 200, what);
      assert.equal(r.headers.get('content-encoding'), encoding, what);
      assert.match(r.headers.get('vary') ?? '', /accept-encoding/i, what);
      assert.equal(r.headers.get('access-control-allow-origin'), '*', what);
      assert.match(r.headers.get('content-type') ?? '', /javascript/, what);
      assert.equal(
        r.headers.get('cache-control'),
        hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=300, must-revalidate',
        what,
      );
      const body = r.body;
      const decoded = encoding === 'br' ? brotliDecompressSync(body) : encoding === 'gzip' ? gunzipSync(body) : body;
      assert.ok(decoded.equals(original), `${what}: the file's bytes`);
      if (encoding) assert.ok(body.length <= gz(join(cdn, f)), `${what}: ${body.length} B on the wire, more than gzip -9's ${gz(join(cdn, f))}`);
      if (encoding === 'br') wire += body.length;
      const etag = r.headers.get('etag');
      assert.ok(etag, what);
      const again = await get(`${base}/cdn/${f}`, { 'accept-encoding': accept, 'if-none-match': etag });
      assert.equal(again.status, 304, `${what}: If-None-Match`);
      assert.equal(again.body.length, 0);
      assert.equal(again.headers.get('etag'), etag, what);
    }
  }
  return wire;
}

describe('the CDN files load in two round trips', () => {
  it('an entry asks for each chunk it loads on demand together with the chunks that one imports', () => {
    const imported = (f: string, re: RegExp) => [...readFileSync(join(cdn, f), 'utf8').matchAll(re)].map((m) => m[1]!);
    let checked = 0;
    for (const entry of entries) {
      const onDemand = new Set(imported(entry, /\bimport\(\s*["']\.\/([\w.-]+\.js)["']\s*\)/g));
      for (const chunk of onDemand)
        for (const dep of imported(chunk, /\bfrom\s*["']\.\/([\w.-]+\.js)["']/g).filter((d) => d !== entry)) {
          assert.ok(onDemand.has(dep), `${entry}: ${chunk} imports ${dep}, which the entry does not ask for with it (a round trip more)`);
          checked++;
        }
    }
    assert.ok(checked, "some chunk loaded on demand imports another (the comments' rendering imports markdown)");
  });
});

describe('delivery of the CDN files', () => {
  describe('by civic-server', () => {
    let base = '';
    before(async () => {
      const child = spawn('node', ['dist/server/cli.js', '--port', '0', '--host', '127.0.0.1', '--data', join(temp, 'data')], { stdio: ['ignore', 'pipe', 'inherit'] });
      children.push(child);
      base = await new Promise<string>((done, fail) => {
        let out = '';
        child.stdout!.on('data', (b: Buffer) => {
          out += String(b);
          const m = /listening on (http:\/\/\S+)/.exec(out);
          if (m) done(m[1]!);
        });
        child.once('exit', (code) => fail(new Error(`server exited with ${code}: ${out}`)));
      });
    });

    it('sends brotli, gzip or the file, never more than gzip -9, with ETag, 304 and cache lifetimes', async () => {
      const wire = await checkDelivery(base, 'civic-server');
      const gzipped = files.reduce((n, f) => n + gz(join(cdn, f)), 0);
      console.log(`  ${files.length} files: ${(wire / 1024).toFixed(1)} kB in brotli, ${(gzipped / 1024).toFixed(1)} kB in gzip -9`);
    });

    it("sends each entry's first load in fewer bytes than gzip -9, as README's sizes table says", async () => {
      const readme = readFileSync('README.md', 'utf8');
      const kB = (n: number) => (n / 1024).toFixed(2);
      for (const entry of [...entries, sharedCore]) {
        const named = entry === sharedCore ? 'shared/core.<hash>.js' : entry;
        const row = new RegExp(`^\\| \`${named.replace(/[.<>]/g, '\\$&')}\`[^|]*\\| ([\\d.]+) kB[^|]*\\| ([\\d.]+) kB \\| [\\d.]+ kB \\|$`, 'm').exec(readme);
        assert.ok(row, `README's sizes table has a row for ${entry} (| File | Size | On the wire | Budget |)`);
        const [size, onWire] = [Number(row[1]) * 1024, Number(row[2]) * 1024];
        let wire = 0;
        let gzipped = 0;
        for (const f of firstLoad(cdn, entry)) {
          const r = await get(`${base}/cdn/${f}`, { 'accept-encoding': 'gzip, deflate, br' });
          assert.equal(r.status, 200, f);
          wire += r.body.length;
          gzipped += gz(join(cdn, f));
        }
        assert.ok(wire <= gzipped, `${entry}: ${wire} B on the wire, more than gzip -9's ${gzipped}`);
        assert.ok(wire <= size, `${entry}: ${kB(wire)} kB on the wire, more than the table's ${row[1]} kB of gzip -9`);
        // The table is kept to within a quarter of a kB of the files (update it when this fails).
        assert.ok(Math.abs(gzipped - size) <= 256, `${entry}: README's table says ${row[1]} kB, the build's gzip -9 is ${kB(gzipped)} kB`);
        assert.ok(Math.abs(wire - onWire) <= 256, `${entry}: README's table says ${row[2]} kB on the wire, the server sends ${kB(wire)} kB`);
      }
    });

    it('sends the demo page compressed, revalidated each time', async () => {
      const r = await get(`${base}/blog/`, { 'accept-encoding': 'br, gzip' });
      assert.equal(r.status, 200);
      assert.equal(r.headers.get('content-encoding'), 'br');
      assert.equal(r.headers.get('cache-control'), 'no-cache');
      assert.match(brotliDecompressSync(r.body).toString(), /<civic-petition/);
      const again = await get(`${base}/blog/`, { 'accept-encoding': 'br, gzip', 'if-none-match': r.headers.get('etag')! });
      assert.equal(again.status, 304);
    });
  });

  const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].find(existsSync);
  const brotli = ['/usr/lib/nginx/modules/ngx_http_brotli_static_module.so'].find(existsSync);
  const missing = !nginx || !brotli ? "Debian's nginx and libnginx-mod-http-brotli-static are not installed" : false;
  if (missing && process.env.CI === 'true') throw new Error(`CI=true: ${missing} (.ci/run installs them)`);

  describe("by nginx with README's block", { skip: missing }, () => {
    let base = '';
    before(async () => {
      const readme = readFileSync('README.md', 'utf8');
      const block = /```nginx\n([\s\S]*?)```/.exec(readme)?.[1];
      assert.ok(block, 'README has an nginx block');
      const port = await freePort();
      const dir = join(temp, 'nginx');
      spawnSync('mkdir', ['-p', dir]);
      writeFileSync(
        join(dir, 'nginx.conf'),
        `load_module ${brotli};
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events {}
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path ${dir}; proxy_temp_path ${dir}; fastcgi_temp_path ${dir}; uwsgi_temp_path ${dir}; scgi_temp_path ${dir};
  server {
    listen 127.0.0.1:${port};
${block.replace('/srv/civic-widgets/dist/cdn/', `${cdn}/`)}
  }
}
`,
      );
      const child = spawn(nginx!, ['-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')], { stdio: ['ignore', 'inherit', 'inherit'] });
      children.push(child);
      base = `http://127.0.0.1:${port}`;
      for (let i = 0; ; i++) {
        if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}: ${readFileSync(join(dir, 'error.log'), 'utf8')}`);
        if (await fetch(`${base}/cdn/civic-widgets.js`).then(() => true, () => false)) break;
        if (i > 100) throw new Error('nginx did not answer');
        await new Promise((r) => setTimeout(r, 100));
      }
    });

    it('sends the same headers and bytes', async () => {
      await checkDelivery(base, 'nginx');
    });
  });
});

// `npm run bench:ttfc` (and the first part of `npm run bench`): time to first content of each widget
// in Chromium as a phone on a mobile network sees it: the CPU slowed 4× and a 150 ms round trip at
// 1.6 Mbit/s down (Lighthouse's mobile profile; CDP Emulation.setCPUThrottlingRate and
// Network.emulateNetworkConditions), a fresh cache each time. The built server (dist/server) with its
// demo content serves a page with the one widget, its files from dist/cdn/ ("after") and from a build
// of the same sources without preloadImports() (scripts/cdn-output.mjs), made aside at the start
// ("before": a chunk loaded on demand fetches the chunks it imports only once it has arrived).
//
// Time to first content: navigation start → the first frame in which the widget shows what it loaded
// (the petition's count, the poll's choices or a consultation's proposals, the comparator's table,
// the first comment's text). Also: the JavaScript files and bytes the page took on the wire, and the
// JavaScript round trips (a file asked for only once another has arrived is one more).
//
// Then a post with a poll and comments, their files from dist/cdn/ (each with its own Lit, zod and
// REST client), from dist/cdn/shared/ (one core chunk for both) and civic-widgets.js: time until both
// show their first content.
//
// Each page is loaded once unmeasured first. Needs `npm run build` first. Environment: BENCH_RUNS (default 5; medians), BENCH_BEFORE=0 skips
// the "before" build, BENCH_PROFILE=desktop measures with the CPU as it is, a 40 ms round trip and 10 Mbit/s.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { chromeArgs, findChrome } from './chrome.mjs';

const runs = Number(process.env.BENCH_RUNS ?? 5);
/** The conditions: a phone on a mobile network (Lighthouse's), or a desktop on a good line. */
const profile =
  process.env.BENCH_PROFILE === 'desktop'
    ? { name: 'CPU as it is, 40 ms round trip, 10 Mbit/s', cpu: 1, rtt: 40, down: 10e6, up: 5e6 }
    : { name: 'CPU 4× slower, 150 ms round trip, 1.6 Mbit/s', cpu: 4, rtt: 150, down: 1.6384e6, up: 675e3 };
const withBefore = process.env.BENCH_BEFORE !== '0';
const root = resolve('.');
if (!existsSync(join(root, 'dist/server/index.js')) || !existsSync(join(root, 'dist/cdn/civic-petition.js'))) {
  console.error('bench-ttfc: run `npm run build` first');
  process.exit(1);
}

/** The widgets measured: a page each, and what in its shadow root is its first content. */
const widgets = [
  { name: 'petition', file: 'civic-petition', tag: '<civic-petition api="/api" petition="plan-numerique">', content: '[part~=count]' },
  { name: 'poll', file: 'civic-poll', tag: '<civic-poll api="/api" poll="ministere-numerique">', content: '[part~=choices]' },
  { name: 'consultation', file: 'civic-poll', tag: '<civic-poll api="/api" poll="contribuez">', content: '[part~=proposal]' },
  { name: 'comparator', file: 'civic-comparator', tag: '<civic-comparator api="/api" comparison="chefs-numerique-2012">', content: '[part~=matrix]' },
  { name: 'comments', file: 'civic-comments', tag: '<civic-comments api="/api" thread="groupe-plan-numerique">', content: '[part~=body]' },
];

// The server's static root: dist/cdn/ at /cdn/ ("after"), and pages (and the "before" files at
// /before/cdn/) in its examples/ folder.
const temp = mkdtempSync(join(tmpdir(), 'civic-ttfc-'));
process.on('exit', () => rmSync(temp, { recursive: true, force: true }));
mkdirSync(join(temp, 'dist'));
symlinkSync(join(root, 'dist/cdn'), join(temp, 'dist/cdn'));
const variants = [{ name: 'after', cdn: '/cdn' }];
if (withBefore) {
  const out = join(temp, 'examples/before/cdn');
  console.log('building the widgets without preloadImports() aside…');
  const files = [...new Set(widgets.map((w) => w.file))].join(',');
  const r = spawnSync(join(root, 'node_modules/.bin/rollup'), ['-c', '--silent'], {
    stdio: 'inherit',
    env: { ...process.env, BUILD: 'cdn', CDN_FILES: files, CDN_DIR: out, CIVIC_PRELOAD: '0' },
  });
  if (r.status !== 0) process.exit(1);
  variants.unshift({ name: 'before', cdn: '/before/cdn' });
}
/** Writes a page (`folder/name.html` in the static root) loading `scripts` and showing `shown` widgets. */
function writePage(folder, name, scripts, shown) {
  mkdirSync(join(temp, 'examples', folder), { recursive: true });
  writeFileSync(
    join(temp, 'examples', folder, `${name}.html`),
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${name}</title>${scripts.map((src) => `<script type="module" src="${src}"></script>`).join('')}</head>
<body><main>${shown.map((w) => `${w.tag}<a href="#">…</a>${w.tag.replace(/^<([\w-]+).*/, '</$1>')}`).join('')}</main></body></html>`,
  );
}
for (const v of variants) for (const w of widgets) writePage(v.name, w.name, [`${v.cdn}/${w.file}.js`], [w]);

/** A post with two widgets, their files from each folder: the page's name, and its scripts' folder. */
const mix = ['poll', 'comments'].map((n) => widgets.find((w) => w.name === n));
const mixes = [
  { name: 'own files', page: 'own-files', scripts: mix.map((w) => `/cdn/${w.file}.js`) },
  { name: 'shared', page: 'shared', scripts: mix.map((w) => `/cdn/shared/${w.file}.js`) },
  { name: 'all-widgets', page: 'all-widgets', scripts: ['/cdn/civic-widgets.js'] },
];
for (const m of mixes) writePage('mix', m.page, m.scripts, mix);

const { startServer } = await import(join(root, 'dist/server/index.js'));
const server = await startServer({
  port: 0,
  host: '127.0.0.1',
  database: { dataDir: join(temp, 'data') },
  demo: true,
  staticRoot: temp,
  rateLimit: false,
  log: (level, message, error) => level !== 'info' && console.error(message, error ?? ''),
});

const browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs });

/** One load of a page: its time to first content, and the JavaScript it took. */
async function measure(url, shows) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: profile.rtt, downloadThroughput: (profile.down / 8) | 0, uploadThroughput: (profile.up / 8) | 0 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  const js = new Map();
  let navigated = 0;
  cdp.on('Network.requestWillBeSent', (e) => {
    if (e.type === 'Document') navigated ||= e.timestamp;
    if (e.type === 'Script') js.set(e.requestId, { url: e.request.url, start: e.timestamp, bytes: 0 });
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = js.get(e.requestId);
    if (r) Object.assign(r, { bytes: e.encodedDataLength, end: e.timestamp });
  });
  await page.addInitScript((all) => {
    const look = () => {
      if (all.every(([selector, tag]) => document.querySelector(tag)?.shadowRoot?.querySelector(selector))) window.__ttfc = performance.now();
      else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  }, shows);
  await page.goto(url);
  const ttfc = await page.waitForFunction(() => window.__ttfc, undefined, { timeout: 60_000, polling: 100 }).then((h) => h.jsonValue());
  await context.close();
  // Round trips: a file whose request left after another file had arrived waited for it.
  const files = [...js.values()].filter((r) => r.end && r.start <= navigated + ttfc / 1000);
  let trips = 0;
  for (let left = [...files].sort((a, b) => a.start - b.start); left.length; trips++) {
    const firstEnd = Math.min(...left.map((r) => r.end));
    left = left.filter((r) => r.start >= firstEnd);
  }
  return { ttfc, files: files.length, bytes: files.reduce((n, r) => n + r.bytes, 0), trips };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
/** What a widget's page waits for: its first content in its element. */
const shows = (w) => [w.content, w.tag.slice(1, w.tag.indexOf(' '))];
const results = {};
const mixed = {};
try {
  // One load of each page unmeasured first: the server's first answers (its caches, PGlite's) are not the widgets'.
  for (const v of variants) for (const w of widgets) await measure(`${server.url}/${v.name}/${w.name}.html`, [shows(w)]);
  for (const m of mixes) await measure(`${server.url}/mix/${m.page}.html`, mix.map(shows));
  for (let i = 0; i < runs; i++)
    for (const w of widgets)
      // Alternate which variant goes first, so that neither always meets a busier machine.
      for (const v of i % 2 ? [...variants].reverse() : variants) {
        const r = await measure(`${server.url}/${v.name}/${w.name}.html`, [shows(w)]);
        ((results[w.name] ??= {})[v.name] ??= []).push(r);
      }
  for (let i = 0; i < runs; i++)
    for (const m of i % 2 ? [...mixes].reverse() : mixes) (mixed[m.name] ??= []).push(await measure(`${server.url}/mix/${m.page}.html`, mix.map(shows)));
} finally {
  await browser.close();
  await server.close();
}

console.log(`\ntime to first content (${profile.name}; median of ${runs}):`);
console.log(`  ${'widget'.padEnd(13)}${variants.map((v) => `${v.name.padStart(9)}  JS files, kB, round trips`.padEnd(40)).join('')}`);
for (const w of widgets) {
  const cells = variants.map((v) => {
    const rs = results[w.name][v.name];
    const m = (k) => median(rs.map((r) => r[k]));
    return `${`${Math.round(m('ttfc'))} ms`.padStart(9)}  ${m('files')} files, ${(m('bytes') / 1024).toFixed(1)} kB, ${m('trips')} trips`.padEnd(40);
  });
  console.log(`  ${w.name.padEnd(13)}${cells.join('')}`);
}
console.log(`\na post with ${mix.map((w) => w.name).join(' and ')}, until both show (same conditions; median of ${runs}):`);
for (const m of mixes) {
  const at = (k) => median(mixed[m.name].map((r) => r[k]));
  console.log(`  ${m.name.padEnd(13)}${`${Math.round(at('ttfc'))} ms`.padStart(9)}  ${at('files')} files, ${(at('bytes') / 1024).toFixed(1)} kB, ${at('trips')} trips`);
}
process.exit(0);

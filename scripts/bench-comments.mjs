// `npm run bench:comments`: <civic-comments> on a 2,000-comment thread, in Chromium (production
// Lit, the widget's own code bundled with esbuild, data from a MemoryBackend so the network does
// not blur the numbers). Measures, each run BENCH_RUNS times (default 5), medians reported:
//
//   first screen   mount → the first page (20 top-level comments and their replies) painted
//   next page      "show more" → the next page painted (median over pages, and the last one, with
//                  all 2,000 shown)
//   largest page   mount with page-size 100 (the contract's most) → painted
//   live like      a like from elsewhere applied with all 2,000 comments shown
//   scroll         all 2,000 shown, scrolled top to bottom at 120 px per frame: frame times
//                  (median, p95, max) and long frames (> 50 ms), with content-visibility on (as
//                  shipped) and off (every comment laid out), to show what it saves.
//
// Prints a table; exits non-zero if the first screen takes more than BENCH_FIRST_SCREEN_MS (1000).
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { chromeArgs, findChrome } from './chrome.mjs';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const limit = Number(process.env.BENCH_FIRST_SCREEN_MS ?? 1000);
const dir = mkdtempSync(join(tmpdir(), 'civic-bench-'));

const root = process.cwd();
const entry = `
import '${root}/src/define/civic-comments.ts';
import { MemoryBackend } from '${root}/src/api/memory-backend.ts';
import { bigThread, threadData } from '${root}/test/comments/fixtures.ts';

const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
const until = async (test) => { while (!test()) await new Promise((r) => setTimeout(r, 0)); };
const comments = bigThread(2000);

async function mount(pageSize) {
  const backend = new MemoryBackend();
  backend.comments.seed({ threads: [threadData()], comments });
  document.body.innerHTML = '';
  const el = document.createElement('civic-comments');
  el.setAttribute('lang', 'fr');
  el.setAttribute('thread', 'plan-numerique');
  el.setAttribute('page-size', String(pageSize));
  el.backend = backend;
  const started = performance.now();
  document.body.append(el);
  await until(() => el.shadowRoot?.querySelector('[part~=comments] article'));
  await frame();
  return { el, backend, ms: performance.now() - started };
}

async function scroll(el, contentVisibility) {
  if (!contentVisibility) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('[part~=comments] > li { content-visibility: visible !important }');
    el.shadowRoot.adoptedStyleSheets = [...el.shadowRoot.adoptedStyleSheets, sheet];
    await frame();
  }
  scrollTo(0, 0);
  await frame();
  const times = [];
  let last = performance.now();
  while (scrollY + innerHeight < document.documentElement.scrollHeight - 2) {
    scrollBy(0, 120);
    await new Promise((r) => requestAnimationFrame(r));
    const now = performance.now();
    times.push(now - last);
    last = now;
  }
  times.sort((a, b) => a - b);
  const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  return { frames: times.length, median: q(0.5), p95: q(0.95), max: times.at(-1), long: times.filter((t) => t > 50).length };
}

window.bench = async () => {
  const out = {};
  const first = await mount(20);
  out.firstScreen = first.ms;
  out.firstScreenComments = first.el.shadowRoot.querySelectorAll('article').length;
  const pages = [];
  for (let more; (more = first.el.shadowRoot.querySelector('[part~=more]')); ) {
    const n = first.el.shadowRoot.querySelectorAll('article').length;
    const started = performance.now();
    more.click();
    await until(() => first.el.shadowRoot.querySelectorAll('article').length > n);
    await frame();
    pages.push(performance.now() - started);
  }
  out.pages = pages.length + 1;
  out.lastPage = pages.at(-1);
  pages.sort((a, b) => a - b);
  out.nextPage = pages[Math.floor(pages.length / 2)];
  out.allComments = first.el.shadowRoot.querySelectorAll('article').length;
  const started = performance.now();
  await first.backend.comments.like('5', { reader: 'bench-reader-0001' }, { idempotencyKey: 'bench' });
  await until(() => first.el.shadowRoot.querySelector('#like-5')?.textContent.includes(String(comments[4].likeCount + 1)));
  await frame();
  out.liveUpdate = performance.now() - started;
  out.scrollOn = await scroll(first.el, true);
  out.scrollOff = await scroll(first.el, false);
  const big = await mount(100);
  out.bigPage = big.ms;
  out.bigPageComments = big.el.shadowRoot.querySelectorAll('article').length;
  return out;
};
`;

try {
  writeFileSync(join(dir, 'bench.js'), entry);
  await build({
    entryPoints: { entry: join(dir, 'bench.js') },
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    conditions: ['browser', 'production'],
    outdir: dir,
    splitting: true,
    absWorkingDir: root,
    nodePaths: [join(root, 'node_modules')],
    logLevel: 'error',
  });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="fr"><meta charset="utf-8"><body style="margin:0;font:16px/1.5 system-ui"><script type="module" src="entry.js"></script></body></html>');
  const server = createServer((req, res) => {
    const path = join(dir, new URL(req.url, 'http://x').pathname.replace(/^\/$/, '/index.html'));
    let body;
    try {
      body = readFileSync(path);
    } catch {
      return res.writeHead(404).end();
    }
    res.writeHead(200, { 'content-type': path.endsWith('.html') ? 'text/html' : 'text/javascript' }).end(body);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs });
  const results = [];
  for (let i = 0; i < runs; i++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction(() => typeof window.bench === 'function');
    results.push(await page.evaluate(() => window.bench()));
    await page.close();
  }
  await browser.close();
  server.close();

  const median = (pick) => {
    const v = results.map(pick).sort((a, b) => a - b);
    return v[Math.floor(v.length / 2)];
  };
  const ms = (v) => `${v.toFixed(0)} ms`;
  const r0 = results[0];
  const rows = [
    ['first screen', `${ms(median((r) => r.firstScreen))} (${r0.firstScreenComments} comments of 2,000)`],
    ['next page', `${ms(median((r) => r.nextPage))} median, ${ms(median((r) => r.lastPage))} for the last (${r0.pages} pages to show all ${r0.allComments})`],
    ['largest page at once', `${ms(median((r) => r.bigPage))} (page-size 100, the contract's most: ${r0.bigPageComments} comments)`],
    ['live like, 2,000 shown', ms(median((r) => r.liveUpdate))],
  ];
  for (const [key, label] of [
    ['scrollOn', 'scroll, content-visibility'],
    ['scrollOff', 'scroll, every comment laid out'],
  ])
    rows.push([
      label,
      `frames median ${ms(median((r) => r[key].median))}, p95 ${ms(median((r) => r[key].p95))}, max ${ms(median((r) => r[key].max))}, ` +
        `long (>50 ms) ${median((r) => r[key].long)} of ${r0[key].frames}`,
    ]);
  console.log(`<civic-comments>, 2,000-comment thread, Chromium headless, medians of ${runs} runs:`);
  for (const [k, v] of rows) console.log(`  ${k.padEnd(32)} ${v}`);
  const first = median((r) => r.firstScreen);
  if (first > limit) {
    console.error(`first screen ${ms(first)} is over ${limit} ms`);
    process.exitCode = 1;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

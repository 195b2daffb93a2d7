// Opens every story of the built Storybook (storybook-static/) in Chromium, waits for it to render
// (and for its play function), fails on a render error, a page error, or an axe violation (WCAG 2.2
// AA rules, shadow DOM included), in French and English, light and dark.
import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromeArgs, findChrome } from './chrome.mjs';

const dir = 'storybook-static';
const types = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.svg': 'image/svg+xml', '.woff2': 'font/woff2' };
const server = createServer((req, res) => {
  let path = join(dir, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
  if (!existsSync(path)) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream', 'service-worker-allowed': '/' }).end(readFileSync(path));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;
const axe = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
const stories = Object.values(JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')).entries).filter((e) => e.type === 'story');

const browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs });
const failures = [];
let checked = 0;
const variants = [
  { locale: 'fr', theme: 'light' },
  { locale: 'en', theme: 'dark' },
];
for (const story of stories) {
  for (const { locale, theme } of variants) {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${base}/iframe.html?id=${story.id}&viewMode=story&globals=locale:${locale};theme:${theme}`);
    try {
      await page.waitForFunction(
        () => {
          const phase = window.__STORYBOOK_PREVIEW__?.currentRender?.phase;
          return ['finished', 'completed', 'errored', 'aborted'].includes(phase) || document.body.classList.contains('sb-show-errordisplay');
        },
        null,
        { timeout: 20000 },
      );
      await page.waitForTimeout(300);
      const phase = await page.evaluate(() => window.__STORYBOOK_PREVIEW__?.currentRender?.phase);
      if (phase !== 'finished' && phase !== 'completed') errors.push(`render ${phase}: ${await page.evaluate(() => document.querySelector('#error-stack, .sb-errordisplay')?.textContent?.slice(0, 500))}`);
      await page.addScriptTag({ content: axe });
      const violations = await page.evaluate(async () => {
        const r = await window.axe.run(document.querySelector('#storybook-root'), { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
        return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      errors.push(...violations);
    } catch (e) {
      errors.push(String(e).split('\n')[0]);
    }
    checked++;
    if (errors.length) failures.push(`${story.id} [${locale}, ${theme}]\n    ${errors.join('\n    ')}`);
    await page.close();
  }
}
await browser.close();
server.close();
console.log(`storybook: ${checked} story renders checked (${stories.length} stories × ${variants.length} locale/theme), ${failures.length} failed`);
for (const f of failures) console.log(`  ✗ ${f}`);
process.exit(failures.length ? 1 : 0);

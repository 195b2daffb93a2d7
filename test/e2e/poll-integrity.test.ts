/**
 * A proof-of-work poll end to end: the built server (`dist/server/cli.js`, fresh PGlite, port 0)
 * and the minified CDN file of the poll, pasted into a page on another origin. The organiser makes
 * the poll `proof-of-work` through the admin API; a reader votes in Chromium: the widget loads its
 * solver chunk only then, solves the server's challenge (16 bits) and the vote counts. Needs the
 * build (npm test builds before this step).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launch, startBlog, startServer, type RunningServer } from './harness.js';

const token = 'e2e-admin-token-0123456789';
let server: RunningServer;
let base = '';
let browser: Browser;
let blog: Awaited<ReturnType<typeof startBlog>>;
let blogUrl = '';

before(async () => {
  server = await startServer([], { CIVIC_ADMIN_TOKEN: token });
  base = server.base;
  // A blog on another origin, serving only its own page: the widget and its chunks come from the server.
  blog = await startBlog(
    () => `<script type="module" src="${base}/cdn/civic-poll.js"></script>
      <civic-poll api="${base}/api" poll="sondage-pow"></civic-poll>`,
  );
  blogUrl = blog.url;
  browser = await launch();
});

after(async () => {
  await browser?.close();
  blog?.server.close();
  server?.stop();
});

/** The solver's chunk, whatever its content hash (`/cdn/pow.<hash>.js`). */
const SOLVER = /^GET \/cdn\/pow\.[0-9a-f]+\.js$/;

describe('a proof-of-work poll', () => {
  it('a reader votes: the solver chunk loads, the challenge is solved, the vote counts', async () => {
    const created = await fetch(`${base}/api/admin/polls`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        id: 'sondage-pow',
        kind: 'quick',
        title: 'Faut-il ouvrir les données municipales ?',
        voteKind: 'single',
        resultsVisibility: 'always',
        integrity: 'proof-of-work',
        options: [
          { id: 'oui', label: 'Oui' },
          { id: 'non', label: 'Non' },
        ],
      }),
    });
    assert.equal(created.status, 201, await created.text());

    const page = await browser.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (r) => requests.push(`${r.method()} ${new URL(r.url()).pathname}`));
    try {
      await page.goto(blogUrl);
      const poll = page.locator('civic-poll');
      await poll.locator('[part~=choices]').waitFor({ timeout: 15_000 });
      assert.ok(!requests.some((r) => SOLVER.test(r)), 'no solver before a vote');
      await poll.locator('input[value=oui]').check();
      await poll.locator('[part~=submit]').click();
      await poll.locator('[part~=notice]').getByText('votre vote est compté').waitFor({ timeout: 20_000 });
      const text = await poll.evaluate((el) => (el.shadowRoot?.textContent ?? '').replace(/[\s\u202f]+/g, ' '));
      assert.match(text, /Oui \(votre choix\) 100 % · 1 vote/);
      assert.ok(requests.some((r) => SOLVER.test(r)), requests.join('\n'));
      assert.ok(requests.includes('GET /api/polls/sondage-pow/challenge'), requests.join('\n'));
      const results = (await (await fetch(`${base}/api/polls/sondage-pow/results`)).json()) as { participantCount: number };
      assert.equal(results.participantCount, 1);
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });
});

/**
 * The demo, end to end, as a user gets it: the built server (`dist/server/cli.js --demo`, on a
 * fresh PGlite) serves the blog post with the petition pasted as plain HTML and loaded from the
 * minified CDN build; a reader signs in Chromium, opens the confirmation link from the development
 * outbox, presses the button, and the blog page's count goes up live. Also: axe on the page, and
 * the page usable 320 px wide. Needs `npm run build` first (npm test builds before this step).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { axe, launch, pageErrors, startBlog, startServer, type RunningServer } from './harness.js';

let server: RunningServer;
let base = '';
let browser: Browser;

/** Text of the petition widget's shadow root, whitespace collapsed. */
const widgetText = (page: Page) =>
  page.evaluate(() => (document.querySelector('civic-petition')?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' '));
const count = async (page: Page) => Number((await page.locator('civic-petition strong').first().textContent())?.replace(/\D/g, ''));
/** The page does not scroll sideways (the tests that call it set a 320 px viewport). */
async function fitsIn320(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px at 320px`);
}
/**
 * A blog on another origin, serving only its own page (`body` in it), opened in Chromium: `watch`
 * before it loads, `check` after; no page error nor console error either way.
 */
async function onBlog(body: string, watch: (page: Page) => void, check: (page: Page) => Promise<void>) {
  const blog = await startBlog(() => body);
  const page = await browser.newPage();
  const errors = pageErrors(page);
  // Chromium logs each request a test's offline spell stops; those are not the page's errors.
  page.on('console', (m) => m.type() === 'error' && !/net::ERR_INTERNET_DISCONNECTED/.test(m.text()) && errors.push(m.text()));
  watch(page);
  try {
    await page.goto(blog.url);
    await check(page);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
    blog.server.close();
  }
}

/** The demo's widgets by name, as a post embeds them. */
const demoWidgets = {
  poll: '<civic-poll poll="ministere-numerique"></civic-poll>',
  comments: '<civic-comments thread="groupe-plan-numerique"></civic-comments>',
  petition: '<civic-petition petition="plan-numerique"></civic-petition>',
};
/** A post loading `files` (under /cdn/, without `.js`) with `widgets` inside one provider. */
const inProvider = (files: string[], widgets: (keyof typeof demoWidgets)[]) =>
  `${files.map((f) => `<script type="module" src="${base}/cdn/${f}.js"></script>`).join('\n')}
  <civic-provider api="${base}/api">${widgets.map((w) => demoWidgets[w]).join('')}</civic-provider>`;

before(async () => {
  server = await startServer(['--demo']);
  base = server.base;
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.stop();
});

describe('the demo blog', () => {
  it('a reader signs, confirms from the emailed link, and the count goes up live', async () => {
    const page = await browser.newPage();
    const errors = pageErrors(page);
    await page.goto(`${base}/blog/`);
    await page.locator('civic-petition form').waitFor();
    const before = await count(page);
    assert.match(await widgetText(page), /Pour un plan numérique pour le Québec/);

    await page.locator('civic-petition [name=name]').fill('Geneviève Lapointe');
    await page.locator('civic-petition [name=email]').fill('genevieve.lapointe@example.org');
    await page.locator('civic-petition [name=city]').fill('Trois-Rivières');
    await page.locator('civic-petition [name=showName]').check();
    await page.locator('civic-petition [part~=submit]').click();
    await page.locator('civic-petition #done').waitFor();
    assert.match(await widgetText(page), /Presque fini/);
    assert.equal(await count(page), before, 'not counted before confirmation');

    // The confirmation mail, in the development outbox.
    const mail = await browser.newPage();
    await mail.goto(`${base}/dev/mail`);
    const link = mail.locator('a[href*="/petitions/confirm?token="]').first();
    await link.click();
    await mail.waitForLoadState();
    await mail.locator('form[method=post] button, form[method=post] [type=submit]').first().click();
    await mail.waitForLoadState();
    assert.match(await mail.locator('body').innerText(), /confirm/i);

    // The blog page, still open, hears it through the event stream.
    await page.waitForFunction((n) => Number(document.querySelector('civic-petition')?.shadowRoot?.querySelector('strong')?.textContent?.replace(/\D/g, '')) === n, before + 1, { timeout: 10000 });
    assert.match(await widgetText(page), /Geneviève L\., Trois-Rivières/);
    assert.deepEqual(errors, []);
  });

  it('is accessible (axe, WCAG 2.2 AA) and usable 320 px wide', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    await page.goto(`${base}/blog/`);
    await page.locator('civic-petition form').waitFor();
    await page.locator('civic-poll[poll=ministere-numerique] [part~=choices]').waitFor();
    await page.locator('civic-poll[poll=contribuez]').scrollIntoViewIfNeeded();
    await page.locator('civic-poll[poll=contribuez] [part~=proposal]').first().waitFor();
    await page.locator('civic-poll[poll=contribuez] [part~=proposal] button[aria-expanded]').first().click();
    await page.locator('civic-poll[poll=contribuez] [part~=arguments]').first().waitFor();
    await fitsIn320(page);
    const fields = await page.locator('civic-petition input:not([type=checkbox]):not([tabindex="-1"])').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
    assert.ok(fields.every((w) => w >= 200), `fields too narrow: ${fields}`);
    assert.deepEqual(await axe(page), []);
  });

  it('a reader answers the quick poll, sees the results, and finds the vote again after a reload', async () => {
    const page = await browser.newPage();
    const errors = pageErrors(page);
    await page.goto(`${base}/blog/`);
    const poll = page.locator('civic-poll[poll=ministere-numerique]');
    await poll.locator('[part~=choices]').waitFor();
    const text = () => poll.evaluate((el) => (el.shadowRoot?.textContent ?? '').replace(/[\s\u202f]+/g, ' '));
    assert.match(await text(), /Le Québec devrait-il se doter d’un ministère du Numérique \?/);
    assert.match(await text(), /Les résultats s’affichent une fois que vous avez voté/);
    await poll.locator('input[value=oui]').check();
    await poll.locator('[part~=submit]').click();
    await poll.locator('[part~=notice]').getByText('votre vote est compté').waitFor();
    assert.match(await text(), /Oui \(votre choix\) 69 % · 215 votes/);
    // The participant token lives in the blog's own storage: the vote is still there after a reload.
    assert.match((await page.evaluate(() => localStorage.getItem('civic-participant'))) ?? '', /^[\w-]{16,}$/);
    await page.reload();
    await poll.getByText('Votre vote :').waitFor();
    assert.match(await text(), /Votre vote : Oui/);

    // The consultation further down loads when it nears the viewport.
    const consultation = page.locator('civic-poll[poll=contribuez]');
    await consultation.scrollIntoViewIfNeeded();
    await consultation.locator('[part~=consensus]').waitFor();
    const consensus = await consultation.locator('[part~=consensus]').innerText();
    assert.match(consensus, /Où les participants s’accordent[\s\S]*Des données ouvertes/);
    assert.match(consensus, /Où ils sont partagés/);
    const proposal = consultation.locator('[part~=proposal]', { hasText: 'Un outil de participation' });
    await proposal.getByRole('button', { name: 'D’accord', exact: true }).click();
    await proposal.getByText('100 % d’accord · 0 % mitigé · 0 % pas d’accord · 4 votes').waitFor();
    assert.equal(await proposal.getByRole('button', { name: 'D’accord', exact: true }).getAttribute('aria-pressed'), 'true');
    assert.deepEqual(errors, []);
  });

  it('a proposal written offline is kept and sent when the network returns', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = pageErrors(page);
    try {
      await page.goto(`${base}/blog/`);
      const consultation = page.locator('civic-poll[poll=contribuez]');
      await consultation.scrollIntoViewIfNeeded();
      await consultation.locator('[part~=consensus]').waitFor();
      await consultation.getByRole('button', { name: 'Faire une proposition' }).click();
      await consultation.locator('[name=p-title]').fill('Un accès Wi-Fi public dans chaque bibliothèque');
      await consultation.locator('[name=p-body]').fill('Les bibliothèques sont le premier point d’accès au numérique en région.');
      await consultation.locator('[name=p-authorName]').fill('Hélène');
      // Offline, the code that sends kept texts cannot load either: it must be tried again later.
      await context.setOffline(true);
      await consultation.locator('form[aria-labelledby=propose] [part~=submit]').click();
      await consultation.getByText('Vous semblez hors ligne').first().waitFor();
      await context.setOffline(false);
      await consultation.locator('#proposed').getByText('Merci !').waitFor({ timeout: 15000 });
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  it('the comparator: the leaders’ table, a cell’s source, the questionnaire and its results, with no request carrying the answers', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    const errors = pageErrors(page);
    const posted: string[] = [];
    page.on('request', (r) => r.method() !== 'GET' && posted.push(`${r.method()} ${r.url()}`));
    await page.goto(`${base}/blog/`);
    const cmp = page.locator('civic-comparator');
    await cmp.locator('table').waitFor();
    assert.deepEqual(await cmp.locator('thead th').allTextContents(), ['Énoncé', 'Marois', 'Charest', 'Legault', 'Khadir', 'Aussant']);
    await cmp.locator('tbody tr').first().locator('button').nth(3).click();
    assert.match(await cmp.locator('dialog').innerText(), /Sans réponse[\s\S]*Pas de position/);
    await page.keyboard.press('Escape');
    await cmp.getByRole('button', { name: 'Questionnaire' }).click();
    for (const choice of ['Tout à fait d’accord', 'Plutôt d’accord', 'Neutre', 'Tout à fait d’accord', 'Plutôt d’accord', 'Plutôt en désaccord']) {
      await cmp.getByRole('radio', { name: choice, exact: true }).check();
      await cmp.locator('[part~=submit]').click();
    }
    await cmp.locator('[part~=ranking]').waitFor();
    assert.match(await cmp.locator('[part~=ranking] > li').first().innerText(), /Jean-Martin Aussant[\s\S]*de correspondance/);
    await fitsIn320(page);
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(posted, [], 'the answers stayed in the browser');
    assert.deepEqual(errors, []);
  });

  it('comments: a reader posts (solving the proof of work), markdown renders safely, a script does not run', async () => {
    const page = await browser.newPage();
    const errors = pageErrors(page);
    page.on('dialog', (d) => (errors.push(`dialog: ${d.message()}`), void d.dismiss()));
    await page.goto(`${base}/blog/`);
    const thread = page.locator('civic-comments');
    await thread.locator('form [name=text]').waitFor();
    const before = await thread.locator('article, [part~=comment]').count();
    await thread.locator('[name=name]').fill('Hélène <img src=x onerror=alert(1)>');
    await thread.locator('[name=text]').fill('Je propose **un atelier ouvert** à Rimouski, voir [le plan](https://example.org/plan) <script>alert(2)</script>');
    await thread.locator('form [part~=submit]').click();
    const posted = thread.locator('[part~=comment]', { hasText: 'un atelier ouvert' });
    await posted.waitFor({ timeout: 20000 });
    assert.equal(await posted.locator('strong', { hasText: 'un atelier ouvert' }).count(), 1);
    const link = posted.locator('a[href="https://example.org/plan"]');
    assert.match((await link.getAttribute('rel')) ?? '', /nofollow.*ugc|ugc.*nofollow/);
    assert.match(await posted.innerText(), /<script>alert\(2\)<\/script>/, 'the script shows as text');
    assert.equal(await page.evaluate(() => document.querySelectorAll('script:not([src]):not([type])').length), 0);
    assert.ok((await thread.locator('article, [part~=comment]').count()) > before);
    assert.deepEqual(errors, []);
  });

  it('a post with comments and a poll from /cdn/shared/ (through a provider) loads the core they share once', async () => {
    const scripts: string[] = [];
    await onBlog(
      inProvider(['shared/civic-provider', 'shared/civic-poll', 'shared/civic-comments'], ['poll', 'comments']),
      (page) => page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname)),
      async (page) => {
        await page.locator('civic-poll [part~=choices]').waitFor({ timeout: 15000 });
        await page.locator('civic-comments form [name=text]').waitFor({ timeout: 15000 });
        assert.match(await page.locator('civic-poll').evaluate((el) => el.shadowRoot?.textContent ?? ''), /ministère du Numérique/);
        assert.equal(scripts.filter((s) => /^\/cdn\/shared\/core\.[0-9a-f]{8}\.js$/.test(s)).length, 1, scripts.join(' '));
        assert.deepEqual(scripts.filter((s) => !s.startsWith('/cdn/shared/')), []);
        assert.equal(new Set(scripts).size, scripts.length, `a file was loaded twice: ${scripts.join(' ')}`);
        // One Lit for the page: both widgets' classes extend the same LitElement.
        const lits = await page.evaluate(() => new Set(['civic-poll', 'civic-comments'].map((t) => Object.getPrototypeOf(Object.getPrototypeOf(customElements.get(t)!)))).size);
        assert.equal(lits, 1);
        // In English: the core's strings and each widget's own, in that language.
        await page.evaluate(() => document.documentElement.setAttribute('lang', 'en'));
        await page.locator('civic-poll').getByText('Results show once you have voted.').waitFor();
        await page.locator('civic-comments').getByText(/Write a comment/i).first().waitFor();
      },
    );
  });

  it('a provider gives its backend to widgets whichever file each came from', async () => {
    // The provider's own file, a poll's own file and a petition from shared/: three copies of the widgets' core.
    await onBlog(
      inProvider(['civic-provider', 'civic-poll', 'shared/civic-petition'], ['poll', 'petition']),
      () => {},
      async (page) => {
        await page.locator('civic-poll [part~=choices]').waitFor({ timeout: 15000 });
        await page.locator('civic-petition form').waitFor({ timeout: 15000 });
        assert.match(await widgetText(page), /Pour un plan numérique pour le Québec/);
        // The provider's errors are its own file's: a signature sent offline is still kept, not refused.
        await page.locator('civic-petition [name=name]').fill('Geneviève Lapointe');
        await page.locator('civic-petition [name=email]').fill('genevieve.lapointe@example.org');
        await page.context().setOffline(true);
        await page.locator('civic-petition [part~=submit]').click();
        await page.locator('civic-petition').getByText('Vous semblez hors ligne').first().waitFor();
        await page.context().setOffline(false);
      },
    );
  });

  it('the README’s snippet pasted into a page on another site loads the widget from this server', async () => {
    await onBlog(
      `<script type="module" src="${base}/cdn/civic-petition.js"></script>
        <civic-petition api="${base}/api" petition="plan-numerique"><a href="${base}/blog/">Signer la pétition</a></civic-petition>`,
      () => {},
      async (page) => {
        await page.locator('civic-petition form').waitFor({ timeout: 10000 });
        assert.match(await widgetText(page), /Pour un plan numérique pour le Québec/);
      },
    );
  });

  it('serves the OpenAPI document generated from the schemas', async () => {
    const doc = (await (await fetch(`${base}/openapi.json`)).json()) as { openapi: string; paths: Record<string, unknown> };
    assert.match(doc.openapi, /^3\.1/);
    assert.ok(doc.paths['/petitions/{id}/signatures']);
    assert.ok(doc.paths['/polls/{id}/votes/{participant}']);
  });
});

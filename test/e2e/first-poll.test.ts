/**
 * A blogger's first poll, end to end from a fresh `npm start` (scripts/start.mjs, on a new data
 * folder): she opens the printed sign-in link, signs in, creates a quick poll in the console, copies
 * its snippet, pastes it into her blog's editor (another origin), publishes, and votes on her post.
 * Every act is charged simulated user time (reading a screen, a click, each character typed, a
 * paste); the whole path must take under two minutes of it, and the test prints its steps.
 *
 * Then each kind of poll made in the editor behaves in the widget as configured: an approval poll's
 * maximum, results after the vote or only after closing, opening and closing dates; and a
 * consultation's held proposal and argument are moderated from the queue by keyboard. Axe (WCAG 2.2
 * AA) in the console's states. Needs the build (npm test builds before this step).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { announced, axe, organiserRun, startServer } from './harness.js';

/** What the blogger's editor saved: her post's HTML. */
let post = '';

/**
 * Simulated user time: reading a screen to find the next control (3 s), a click or key (1 s), a
 * character typed (0.3 s: 40 words a minute), a paste (2 s), going to another page or tab (4 s).
 */
const COST = { read: 3, click: 1, char: 0.3, paste: 2, go: 4 };
const steps: { what: string; seconds: number }[] = [];
const step = async (what: string, seconds: number, act: () => Promise<unknown>) => {
  steps.push({ what, seconds });
  await act();
};
const typing = (text: string) => COST.read + COST.click + text.length * COST.char;

const said = announced;

/** A page of the blog showing `<civic-poll>` for `id`, as a pasted snippet would. */
const widgetPage = (id: string) => `${run.blogUrl}p/${encodeURIComponent(id)}`;

// `npm start` is `node scripts/start.mjs`: it builds if the build is missing or stale, then serves the demo.
// The blog, on another origin: an editor whose form saves the post's HTML, the post, and pages with a poll.
const run = organiserRun(
  () => startServer([], {}, 'scripts/start.mjs'),
  (req, res) => {
    const html = (body: string) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="fr"><meta charset="utf-8"><title>Mon blogue</title>${body}`);
    };
    if (req.method === 'POST' && req.url === '/edit') {
      let body = '';
      req.on('data', (c: Buffer) => (body += String(c)));
      req.on('end', () => {
        post = new URLSearchParams(body).get('html') ?? '';
        res.writeHead(303, { location: '/post' });
        res.end();
      });
      return;
    }
    if (req.url === '/edit')
      return html(`<main><h1>Nouveau billet</h1><form method="post" action="/edit"><label for="html">HTML du billet</label><textarea id="html" name="html" rows="8"></textarea><button>Publier</button></form></main>`);
    if (req.url === '/post') return html(`<main><h1>Mon billet</h1><p>Votre avis compte :</p>\n${post}\n</main>`);
    const id = /^\/p\/([\w-]+)$/.exec(req.url ?? '')?.[1];
    if (id) return html(`<main><h1>Un billet</h1><script type="module" src="${run.base}/cdn/civic-poll.js"></script><civic-poll poll="${id}" api="${run.base}/api"></civic-poll></main>`);
    res.writeHead(404);
    res.end();
  },
);

describe('a blogger\u2019s first poll', () => {
  it('from the printed link to a vote on her blog, in under two minutes of user time', async () => {
    const page = await run.owner.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await step('open the sign-in link printed by npm start', COST.go, () => page.goto(run.ownerLink));
    await step('click “Sign me in”', COST.read + COST.click, async () => {
      await page.getByRole('button', { name: 'Sign me in' }).click();
      await page.waitForURL(`${run.base}/admin/`);
    });
    await step('click “Polls” in the navigation', COST.read + COST.click, () => page.getByRole('link', { name: 'Polls', exact: true }).click());
    await step('click “New quick poll”', COST.read + COST.click, async () => {
      await page.getByRole('link', { name: 'New quick poll' }).click();
      await page.getByRole('heading', { name: 'New quick poll', level: 1 }).waitFor();
    });
    const question = 'Quel sujet pour mon prochain billet ?';
    await step('type the question', typing(question), () => page.getByLabel('Question').fill(question));
    await step('type the first option', typing('Le vélo'), () => page.getByRole('textbox', { name: 'Option 1', exact: true }).fill('Le vélo'));
    await step('type the second option', typing('Le tramway'), () => page.getByRole('textbox', { name: 'Option 2', exact: true }).fill('Le tramway'));
    await step('click “Create the poll”', COST.read + COST.click, async () => {
      await page.getByRole('button', { name: 'Create the poll' }).click();
      await page.getByRole('heading', { name: `Publish “${question}”` }).waitFor();
    });
    await said(page, `Poll “${question}” created.`);
    assert.deepEqual(await axe(page), []);
    let snippet = '';
    await step('click “Copy the code”', COST.read + COST.click, async () => {
      await page.getByRole('button', { name: 'Copy the code' }).click();
      await said(page, 'Code copied.');
      snippet = await page.evaluate(() => navigator.clipboard.readText());
    });
    assert.match(snippet, /<civic-poll poll="quel-sujet-pour-mon-prochain-billet" api="http:\/\/[^"]+\/api"><\/civic-poll>/);
    // The preview in the console is the widget itself.
    await page.locator('civic-console-publish civic-poll').getByRole('radio', { name: 'Le vélo' }).waitFor();

    const blogger = await run.browser.newPage();
    await step('open her blog’s editor in another tab', COST.go, () => blogger.goto(`${run.blogUrl}edit`));
    await step('paste the code into the post', COST.read + COST.paste, () => blogger.getByLabel('HTML du billet').fill(snippet));
    await step('click “Publier”', COST.read + COST.click, () => blogger.getByRole('button', { name: 'Publier' }).click());
    await step('choose “Le tramway” on her post', COST.read + COST.click, () => blogger.locator('civic-poll').getByRole('radio', { name: 'Le tramway' }).check());
    await step('click “Voter”', COST.click, () => blogger.locator('civic-poll').getByRole('button', { name: 'Voter' }).click());
    await step('read the thanks and the results', COST.read, async () => {
      await blogger.locator('civic-poll').locator('#notice').getByText('Merci, votre vote est compté.').waitFor();
      await blogger.locator('civic-poll').getByText('100 % · 1 vote').waitFor();
    });
    assert.equal(new URL(blogger.url()).origin, new URL(run.blogUrl).origin);
    assert.notEqual(new URL(run.blogUrl).origin, new URL(run.base).origin, 'another origin');
    await blogger.close();

    const total = steps.reduce((s, x) => s + x.seconds, 0);
    console.log(`a blogger's first poll: ${steps.length} steps, ${total.toFixed(1)} s of simulated user time`);
    for (const [i, s] of steps.entries()) console.log(`  ${String(i + 1).padStart(2)}. ${s.what} (${s.seconds.toFixed(1)} s)`);
    assert.ok(total < 120, `${total} s of user time`);
    assert.deepEqual(errors, []);
  });
});

describe('each kind of poll made in the editor, in the widget', () => {
  /** A quick poll as the editor takes it; times in milliseconds from now. */
  interface QuickPoll {
    question: string;
    vote?: string;
    options?: string[];
    maxChoices?: number;
    results?: string;
    opensIn?: number;
    closesIn?: number;
  }
  /** Fills the editor for a new quick poll with what `poll` sets (the editor's defaults for the rest) and creates it; returns its id. */
  async function create(page: Page, poll: QuickPoll): Promise<string> {
    await page.goto(`${run.base}/admin/#/polls/new`);
    await page.getByRole('heading', { name: 'New quick poll', level: 1 }).waitFor();
    await page.getByLabel('Question').fill(poll.question);
    if (poll.vote) await page.getByLabel('How people vote').selectOption(poll.vote);
    for (const [i, option] of (poll.options ?? []).entries()) {
      if (i >= 2) await page.getByRole('button', { name: 'Add an option' }).click();
      await page.getByRole('textbox', { name: `Option ${i + 1}`, exact: true }).fill(option);
    }
    if (poll.maxChoices) await page.getByLabel('Most choices one person may make').fill(String(poll.maxChoices));
    if (poll.results) await page.getByLabel('Who sees the results, and when').selectOption(poll.results);
    if (poll.opensIn !== undefined) await page.getByLabel('Opens at').fill(local(poll.opensIn));
    if (poll.closesIn !== undefined) await page.getByLabel('Closes at').fill(local(poll.closesIn));
    await page.getByRole('button', { name: 'Create the poll' }).click();
    await page.getByRole('heading', { name: /^Publish “/ }).waitFor();
    return decodeURIComponent(page.url().split('/').pop()!);
  }
  /** A reader's page of the blog showing the poll `id`, and the widget in it. */
  async function reading(id: string): Promise<{ reader: Page; w: Locator }> {
    const reader = await run.browser.newPage();
    await reader.goto(widgetPage(id));
    return { reader, w: reader.locator('civic-poll') };
  }
  /** Waits until the widget thanks the reader for the vote. */
  const thanked = (w: Locator) => w.locator('#notice').getByText('Merci, votre vote est compté.').waitFor();
  const local = (ms: number) => {
    const d = new Date(Date.now() + ms);
    const p = (x: number) => String(x).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
  };

  it('approval: at most the maximum, results for everyone at any time', async () => {
    const page = run.owner.pages()[0]!;
    const id = await create(page, { question: 'Quels quartiers desservir ?', vote: 'approval', options: ['Limoilou', 'Saint-Roch', 'Sillery'], maxChoices: 2, results: 'always' });
    const { reader, w } = await reading(id);
    await w.getByText('Choisissez jusqu’à 2 réponses.').waitFor();
    await w.getByText('0 % · 0 vote').first().waitFor();
    await w.getByRole('checkbox', { name: 'Limoilou' }).check();
    await w.getByRole('checkbox', { name: 'Saint-Roch' }).check();
    await w.getByRole('checkbox', { name: 'Sillery' }).click();
    assert.equal(await w.getByRole('checkbox', { name: 'Sillery' }).isChecked(), false, 'a third choice is refused');
    await w.getByRole('button', { name: 'Voter' }).click();
    await thanked(w);
    await reader.close();
  });

  it('support, results after closing: hidden until the organiser closes it from the editor', async () => {
    const page = run.owner.pages()[0]!;
    const id = await create(page, { question: 'Appuyez-vous le projet de parc ?', vote: 'support', results: 'after-close' });
    const { reader, w } = await reading(id);
    await w.getByRole('button', { name: 'J’appuie' }).click();
    await thanked(w);
    await w.getByText('Les résultats s’afficheront à la clôture du sondage.').waitFor();
    await page.goto(`${run.base}/admin/#/polls/${id}`);
    await page.getByRole('button', { name: 'Close the poll now' }).click();
    await said(page, 'The poll is closed');
    await reader.reload();
    await w.getByText('Ce sondage est clos : voici ses résultats définitifs.').waitFor();
    await w.getByText('1 appui').waitFor();
    await reader.close();
  });

  it('dates: an agreement poll opening tomorrow waits; a single-choice one open until tonight shows results after the vote', async () => {
    const page = run.owner.pages()[0]!;
    const later = await create(page, { question: 'Faut-il piétonniser la rue ?', vote: 'agreement', opensIn: 24 * 3600_000 });
    const now = await create(page, { question: 'Quel jour pour le marché ?', options: ['Samedi', 'Dimanche'], opensIn: -3600_000, closesIn: 6 * 3600_000 });
    const { reader, w } = await reading(later);
    await w.getByText('Ce sondage n’est pas encore ouvert.').waitFor();
    await w.getByText(/^Ouvert à partir du /).waitFor();
    assert.equal(await w.getByRole('button', { name: 'D’accord' }).count(), 0, 'no vote before it opens');
    await reader.goto(widgetPage(now));
    await w.getByText(/^Ouvert jusqu’au /).waitFor();
    await w.getByText('Les résultats s’affichent une fois que vous avez voté.').waitFor();
    await w.getByRole('radio', { name: 'Dimanche' }).check();
    await w.getByRole('button', { name: 'Voter' }).click();
    await w.getByText('100 % · 1 vote').waitFor();
    await reader.close();
  });

  it('a consultation: its held proposal and argument moderated from the queue by keyboard; its results', async () => {
    const page = run.owner.pages()[0]!;
    await page.goto(`${run.base}/admin/#/polls/new/consultation`);
    await page.getByRole('heading', { name: 'New consultation', level: 1 }).waitFor();
    await page.getByLabel('Name of the consultation').fill('Mobilité 2030');
    await page.getByLabel('How people vote').selectOption('agreement');
    await page.getByRole('button', { name: 'Add a theme' }).click();
    await page.getByRole('textbox', { name: 'Theme 1', exact: true }).fill('Transports');
    await page.getByLabel('Participants may propose').check();
    assert.equal(await page.getByLabel('Participants’ proposals and arguments wait for a moderator').isChecked(), true);
    assert.deepEqual(await axe(page), []);
    await page.getByRole('button', { name: 'Create the poll' }).click();
    await page.getByRole('heading', { name: 'Publish “Mobilité 2030”' }).waitFor();
    const id = decodeURIComponent(page.url().split('/').pop()!);
    // Its own proposal, from the editor.
    await page.goto(`${run.base}/admin/#/polls/${id}`);
    await page.getByRole('heading', { name: 'Add a proposal of your own' }).waitFor();
    await page.getByLabel('Title of the proposal').fill('Un tramway jusqu’à Charlesbourg');
    await page.getByLabel('The proposal', { exact: true }).fill('Une ligne de tramway vers le nord.');
    await page.getByRole('button', { name: 'Publish the proposal' }).click();
    await said(page, 'Proposal “Un tramway jusqu’à Charlesbourg” published.');
    const [own] = ((await (await fetch(`${run.base}/api/polls/${id}/proposals`)).json()) as { items: { id: string }[] }).items;

    // A participant proposes and argues (held for a moderator).
    const send = (path: string, body: object) => fetch(`${run.base}/api${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() }, body: JSON.stringify(body) });
    assert.equal((await send(`/polls/${id}/proposals`, { title: 'Des pistes cyclables', body: 'Protégées, partout.', authorName: 'Ana', themeId: 'transports' })).status, 201);
    assert.equal((await send(`/polls/${id}/proposals/${own!.id}/arguments`, { side: 'against', body: 'Trop cher pour la ville.', authorName: 'Béa' })).status, 201);

    await page.getByRole('link', { name: 'Moderation' }).click();
    await page.getByRole('heading', { name: 'To moderate', level: 1 }).waitFor();
    await page.getByRole('heading', { name: /^Proposal by Ana/ }).waitFor();
    assert.deepEqual(await axe(page), []);
    const article = (name: string) => page.locator('civic-console-moderation article', { hasText: name });
    await article('Proposal by Ana').focus();
    await page.keyboard.press('a');
    await said(page, 'Proposal by Ana published.');
    await article('Argument against, by Béa').focus();
    await page.keyboard.press('r');
    await said(page, 'Argument by Béa rejected.');
    const published = (await (await fetch(`${run.base}/api/polls/${id}/proposals`)).json()) as { items: { title: string }[] };
    assert.deepEqual(published.items.map((p) => p.title).sort(), ['Des pistes cyclables', 'Un tramway jusqu’à Charlesbourg']);
    const args = (await (await fetch(`${run.base}/api/polls/${id}/proposals/${own!.id}/arguments`)).json()) as { items: unknown[] };
    assert.deepEqual(args.items, [], 'the rejected argument is not shown');

    // A vote in the widget, then the results screen: every count, the stacked bars with their numbers.
    const { reader, w } = await reading(id);
    await w.getByRole('group', { name: 'Votre vote sur : Des pistes cyclables' }).getByRole('button', { name: 'D’accord', exact: true }).click();
    await thanked(w);
    await reader.close();
    await page.goto(`${run.base}/admin/#/polls/${id}/results`);
    await page.getByRole('heading', { name: 'Results of “Mobilité 2030”' }).waitFor();
    await page.getByText('Agree 1 (100%) · Mixed 0 (0%) · Disagree 0 (0%) — 1 votes').waitFor();
    await page.getByRole('img', { name: /^Participants over time: 1 in all/ }).waitFor();
    assert.deepEqual(await axe(page), []);
    const csv = await page.evaluate(async (href) => (await fetch(href)).text(), (await page.getByRole('link', { name: /CSV/ }).getAttribute('href'))!);
    assert.match(csv, /Des pistes cyclables,agree,agree,1,1,100\.0/);
  });
});

/**
 * The comparisons editor end to end, keyboard only, against the built server (`dist/server/cli.js
 * --demo`, fresh PGlite): the demo's owner builds a 5-point comparison of 3 parties × 4 statements
 * (settings, statements, parties, the stance grid), saves it, exports the JSON file and imports it
 * back identical, previews it in the real widget (loaded from the server's CDN files) and answers its
 * questionnaire, sees a reader's opt-in answers in the aggregate, and imports a CSV with two errors,
 * both named. Axe (WCAG 2.2 AA) in each state. Needs the build (npm test builds before this step).
 */
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { announced as said, axe, launch, organiser, pageErrors, startServer, type RunningServer } from './harness.js';

let server: RunningServer;
let browser: Browser;
let page: Page;
let base = '';
const id = `chefs-${Date.now()}`;
let errors: string[] = [];

/** Waits until the console's live region says `text`. */
const announced = (text: string) => said(page, text);

interface Focused { tag: string; id: string; text: string; label: string; type: string }
/** What has the focus, through the shadow roots. */
const focused = (): Promise<Focused> =>
  page.evaluate(() => {
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    const el = a as HTMLInputElement | null;
    return { tag: el?.localName ?? '', id: el?.id ?? '', text: el?.textContent?.trim() ?? '', label: el?.labels?.[0]?.textContent?.trim() ?? el?.getAttribute('aria-label') ?? '', type: el?.type ?? '' };
  });

/** Presses Tab until what has the focus matches (keyboard only), or fails saying where the focus went. */
async function tabTo(match: (f: Focused) => boolean, what: string): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < 80; i++) {
    const f = await focused();
    if (match(f)) return;
    seen.push(f.id || f.text.slice(0, 20) || f.tag);
    await page.keyboard.press('Tab');
  }
  assert.fail(`no focus on ${what}; went through ${seen.join(' | ')}`);
}
const byId = (x: string) => (f: Focused) => f.id === x;
const byText = (x: string) => (f: Focused) => f.text === x && (f.tag === 'a' || f.tag === 'button');
/** The element the comparisons screen shows, for reading (never for acting). */
const inScreen = (selector: string) => page.locator(`civic-console civic-console-comparisons ${selector}`);

before(async () => {
  server = await startServer(['--demo']);
  base = server.base;
  const link = server.ownerLink;
  browser = await launch();
  const context = await organiser(browser, base);
  page = await context.newPage();
  errors = pageErrors(page);
  await page.goto(link);
  await page.getByRole('button', { name: 'Sign me in' }).click();
  await page.waitForURL(`${base}/admin/`);
  await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
});

after(async () => {
  await browser?.close();
  server?.stop();
});

describe('the comparisons editor', () => {
  it('builds a 5-point comparison of 3 parties × 4 statements by keyboard only, and saves it', async () => {
    await tabTo(byText('Comparisons'), 'the navigation');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Comparisons', level: 1 }).waitFor();
    assert.deepEqual(await axe(page), []);
    await tabTo(byText('New comparison'), 'New comparison');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'New comparison', level: 1 }).waitFor();
    await tabTo(byId('f-id'), 'the id');
    await page.keyboard.type(id);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Les chefs et le numérique');
    // 5 points is the default scale; answers are collected.
    assert.equal(await inScreen('input[name=scale][value="5"]').isChecked(), true);
    await tabTo((f) => f.type === 'checkbox' && f.label.startsWith('Collect readers'), 'the collection');
    await page.keyboard.press('Space');
    assert.deepEqual(await axe(page), []);

    const statements = [
      ['Le Québec devrait créer un ministère du numérique.', 'Gouvernance'],
      ['L’État devrait faire une place au logiciel libre.', 'Logiciel libre'],
      ['Le gouvernement devrait ouvrir ses données.', 'Gouvernement ouvert'],
      ['Toutes les régions devraient avoir la haute vitesse.', 'Accès à Internet'],
    ];
    await tabTo(byText('Statements'), 'the Statements part');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Statements', level: 2 }).waitFor();
    for (const [i, [text, theme]] of statements.entries()) {
      await tabTo(byId('statements-add'), 'Add a statement');
      await page.keyboard.press('Enter');
      await page.waitForFunction((n) => document.querySelector('civic-console')?.shadowRoot?.querySelector('civic-console-comparisons')?.shadowRoot?.activeElement?.id === `f-statements-${n}-text`, i);
      await page.keyboard.type(text!);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Control+A');
      await page.keyboard.type(theme!);
    }
    assert.deepEqual(await axe(page), []);

    const parties = [
      ['Pauline Marois (Parti québécois)', 'Marois', '#2f6fd0'],
      ['Jean Charest (Parti libéral du Québec)', 'Charest', '#d71920'],
      ['François Legault (Coalition avenir Québec)', 'Legault', '#00a3c7'],
    ];
    await tabTo(byText('Parties'), 'the Parties part');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Parties', level: 2 }).waitFor();
    for (const [i, [name, short, colour]] of parties.entries()) {
      await tabTo(byId('parties-add'), 'Add a party');
      await page.keyboard.press('Enter');
      await page.waitForFunction((n) => document.querySelector('civic-console')?.shadowRoot?.querySelector('civic-console-comparisons')?.shadowRoot?.activeElement?.id === `f-parties-${n}-name`, i);
      await page.keyboard.type(name!);
      await page.keyboard.press('Tab');
      await page.keyboard.type(short!);
      await page.keyboard.press('Tab');
      await page.keyboard.type(colour!);
    }
    // The CAQ's cyan is too light on white: refused, with the reason, then a darker one.
    await inScreen('#f-parties-2-colour-e').getByText('Refused: its contrast is 2.9:1 against white').waitFor();
    assert.deepEqual(await axe(page), []);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('#00897b');
    await inScreen('#f-parties-2-colour-e').waitFor({ state: 'detached' });

    await tabTo(byText('Stances'), 'the Stances part');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Stances', level: 2 }).waitFor();
    await tabTo(byId('cell-0-0'), 'the grid');
    // Row by row, 1 (strongly disagree) to 5 (strongly agree), 0 for no answer.
    const grid = ['153', '244', '045', '505'];
    for (const [r, keys] of grid.entries()) {
      for (const [c, key] of [...keys].entries()) {
        await page.keyboard.press(key);
        if (c < keys.length - 1) await page.keyboard.press('ArrowRight');
      }
      if (r < grid.length - 1) {
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('Home');
      }
    }
    await announced('Legault: Strongly agree. Legault has a stance on 4 of 4 statements.');
    assert.deepEqual(await inScreen('tfoot td').allInnerTexts(), ['3 of 4', '3 of 4', '4 of 4']);
    // The quote, source and date of Marois on the first statement.
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    await page.keyboard.type('Il n’y aura pas de ministère du numérique.');
    await page.keyboard.press('Tab');
    await page.keyboard.type('https://www.michelleblanc.com/');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2012-08-31');
    assert.deepEqual(await axe(page), []);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    assert.equal((await focused()).id, 'cell-0-0');
    assert.deepEqual(await axe(page), []);

    await tabTo(byText('Save'), 'Save');
    await page.keyboard.press('Enter');
    await announced('Comparison “Les chefs et le numérique” created.');
    await page.waitForURL(`${base}/admin/#/comparisons/${id}`);
    const saved = await (await page.request.get(`${base}/api/comparisons/${id}`)).json();
    assert.equal(saved.scale, 5);
    assert.deepEqual(saved.statements.map((s: { theme: string }) => s.theme), statements.map(([, theme]) => theme));
    assert.deepEqual(saved.parties.map((p: { colour: string }) => p.colour), ['#2f6fd0', '#d71920', '#00897b']);
    assert.equal(saved.positions.length, 10);
    assert.deepEqual(saved.positions[0], { partyId: 'p1', statementId: 's1', stance: -2, quote: 'Il n’y aura pas de ministère du numérique.', sourceUrl: 'https://www.michelleblanc.com/', sourceDate: '2012-08-31' });
    assert.deepEqual(errors, []);
  });

  it('exports the JSON file and imports it back identical; a CSV with two errors has both named', async () => {
    await tabTo(byText('Import and export'), 'the Import and export part');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Export', level: 3 }).waitFor();
    assert.deepEqual(await axe(page), []);
    const download = async (label: string) => {
      await tabTo(byText(label), label);
      const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
      return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
    };
    const json = await download('Download the JSON file');
    assert.equal(json.name, `${id}.json`);
    const fromServer = await (await page.request.get(`${base}/api/comparisons/${id}`)).json();
    delete fromServer.updatedAt;
    assert.deepEqual(JSON.parse(json.text), fromServer);
    // A file picker is the browser's own window: the test chooses the file for it.
    await inScreen('#import-file').setInputFiles({ name: `${id}.json`, mimeType: 'application/json', buffer: Buffer.from(json.text) });
    await announced('Imported 4 statements and 3 parties. Review, then save.');
    assert.equal((await download('Download the JSON file')).text, json.text);

    const csv = await download('Download the CSV file');
    const lines = csv.text.split('\r\n');
    assert.equal(lines.length, 1 + 12 + 1);
    lines[4] = lines[4]!.replace(/,Marois,-1,/, ',Marois,-4,');
    lines[6] = lines[6]!.replace(',Legault,', ',,');
    await inScreen('#import-file').setInputFiles({ name: 'chefs.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n')) });
    await inScreen('#import-problems').waitFor();
    assert.deepEqual(await inScreen('#import-problems li').allInnerTexts(), [
      'Row 5, column stance: “-4” is not a stance of the 5-point scale (a whole number from -2 to 2, or empty for no answer)',
      'Row 7, column short_name: differs from row 4 for the same id',
    ]);
    assert.deepEqual(await axe(page), []);
    assert.equal((await download('Download the JSON file')).text, json.text, 'nothing imported');
  });

  it('previews it in the real widget and answers its questionnaire by keyboard; a reader’s answers show in the aggregate', async () => {
    // A reader somewhere answered and opted in.
    const sent = await page.request.post(`${base}/api/comparisons/${id}/answers`, {
      headers: { 'idempotency-key': `e2e-${Date.now()}` },
      data: { answers: [{ statementId: 's1', stance: 2, weight: 2 }, { statementId: 's2', stance: null, weight: 1 }] },
    });
    assert.equal(sent.status(), 200, await sent.text());
    await tabTo(byText('Preview'), 'the Preview part');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Preview', level: 2 }).waitFor();
    const widget = page.locator('civic-console civic-console-comparisons civic-comparator');
    await widget.locator('[part=matrix]').waitFor();
    await page.getByText('One reader sent their answers.').waitFor();
    const s1 = inScreen('#answers tbody tr').first();
    assert.deepEqual(await s1.getByRole('cell').allInnerTexts(), ['0', '0', '0', '0', '1', '0', '1']);
    assert.deepEqual(await axe(page), []);

    await tabTo((f) => f.text === 'Questionnaire', 'the questionnaire');
    await page.keyboard.press('Enter');
    for (let i = 0; i < 4; i++) {
      await widget.getByText(`Statement ${i + 1} of 4`).or(widget.locator(`progress[aria-label="Statement ${i + 1} of 4"]`)).first().waitFor({ state: 'attached' });
      await tabTo((f) => f.type === 'radio', 'the stances');
      await page.keyboard.press('Space');
      await tabTo((f) => f.text === (i === 3 ? 'See my results' : 'Next'), 'next');
      await page.keyboard.press('Enter');
    }
    await widget.locator('[part=ranking]').waitFor();
    const first = (await widget.locator('[part=ranking] > li').first().innerText()).split('\n')[0]!;
    assert.match(first, /Pauline Marois|François Legault|Jean Charest/);
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(errors, []);
  });
});

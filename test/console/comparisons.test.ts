/**
 * The comparisons screens in Chromium over msw: the list, the editor of settings, statements and
 * parties checked as one types (errors beside the fields, in words; a colour refused for its
 * contrast), saving; axe in each state.
 */
import { http, HttpResponse } from 'msw';
import { createComparison, listComparisons, updateComparison } from '../../src/api/routes/admin.js';
import { getComparison } from '../../src/api/routes/comparisons.js';
import type { CivicConsole } from '../../src/console/civic-console.js';
import '../../src/define/civic-console.js';
import { expect, sendKeys, type, waitUntil } from '../helpers.js';
import { worker } from '../mocks/worker.js';
import { leaders } from './comparisons-fixtures.js';
import { answer, consoleSuite, openConsole, refuse, route, said, screen, signedIn } from './console-helpers.js';

const tag = 'civic-console-comparisons';
const active = (root: ShadowRoot) => root.activeElement as HTMLElement | null;
/** Presses Tab until the focus is on `selector` (keyboard only). */
async function tabTo(root: ShadowRoot, selector: string): Promise<void> {
  for (let i = 0; i < 40 && !active(root)?.matches(selector); i++) await sendKeys({ press: 'Tab' });
  expect(active(root)?.matches(selector), `focus on ${selector}`).to.equal(true);
}
/**
 * Opens the new comparison's `section` (statements, parties), adds its first item by keyboard (the
 * focus moves to its `first` field) and types `values` into its fields, Tab between them.
 */
async function addFirst(el: CivicConsole, section: string, first: string, values: string[]): Promise<ShadowRoot> {
  location.hash = `#/comparisons/new/${section}`;
  const root = await screen(el, tag, `#${section}-add`);
  root.querySelector<HTMLButtonElement>(`#${section}-add`)!.focus();
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => active(root)?.id === `f-${section}-0-${first}`);
  for (const [i, value] of values.entries()) {
    if (i > 0) await sendKeys({ press: 'Tab' });
    await sendKeys({ type: value });
  }
  return root;
}
const errorOf = (root: ShadowRoot, id: string) => {
  const input = root.querySelector(`#${id}`)!;
  const e = root.querySelector(`#${id}-e`);
  if (e) expect(input.getAttribute('aria-invalid')).to.equal('true');
  if (e) expect(input.getAttribute('aria-describedby')).to.contain(`${id}-e`);
  return e?.textContent ?? '';
};

describe('<civic-console> comparisons', () => {
  consoleSuite();

  it('lists the comparisons with their size and answers; an editor sees Comparisons in the navigation', async () => {
    signedIn(
      'editor',
      http.get(route(listComparisons), () =>
        HttpResponse.json({ items: [{ id: 'chefs-2012', title: 'Les chefs et le numérique', statementCount: 4, partyCount: 3, collectAnswers: true, answerCount: 1, updatedAt: new Date().toISOString() }] }),
      ),
    );
    const el = await openConsole('en', '#/comparisons');
    const root = await screen(el, tag, 'table');
    expect([...el.shadowRoot!.querySelectorAll('nav a')].map((a) => a.textContent)).to.deep.equal(['Dashboard', 'Petitions', 'Polls', 'Comparisons', 'Threads', 'Accounts']);
    expect(el.shadowRoot!.querySelector('nav a[aria-current=page]')!.textContent).to.equal('Comparisons');
    const row = root.querySelector('tbody tr')!.textContent!.replace(/\s+/g, ' ');
    expect(row).to.contain('Les chefs et le numérique').and.contain('4 statements × 3 parties').and.contain('1 answer');
    await expect(el).to.be.accessible();
  });

  it('creates a comparison: each field checked as one types, a colour refused for its contrast and why, then saved whole', async function () {
    // A long keyboard flow: many round trips to the test runner, slow on a busy machine.
    this.timeout(30_000);
    let sent: unknown;
    signedIn(
      'editor',
      http.post(route(createComparison), async ({ request }) => ((sent = await request.json()), HttpResponse.json({ ...(sent as object), updatedAt: new Date().toISOString() }, { status: 201 }))),
      ...refuse(404, 'not-found', 'no', getComparison),
    );
    const el = await openConsole('en', '#/comparisons/new');
    let root = await screen(el, tag, '#f-id');
    expect(root.querySelector('h1')!.textContent).to.equal('New comparison');
    await expect(el).to.be.accessible();
    // A wrong id says what an id is, beside the field, as one types.
    await type(root.querySelector<HTMLInputElement>('#f-id')!, 'Chefs 2012');
    await waitUntil(() => errorOf(root, 'f-id'));
    expect(errorOf(root, 'f-id')).to.equal('Letters, digits, dashes or underscores, starting with a letter or digit (at most 64)');
    root.querySelector<HTMLInputElement>('#f-id')!.select();
    await sendKeys({ type: 'chefs-2012' });
    await waitUntil(() => !errorOf(root, 'f-id'));
    // Saving too early lists every problem and focuses the first field that has one.
    await tabTo(root, 'button.primary');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root.querySelector('#problems'));
    expect(root.querySelector('#problems li')!.textContent).to.equal('Title: Required');
    await waitUntil(() => active(root)?.id === 'f-title');
    expect(errorOf(root, 'f-title')).to.equal('Required');
    await expect(el).to.be.accessible();
    await sendKeys({ type: 'Les chefs' });
    await waitUntil(() => !root.querySelector('#problems'));

    // Statements: added by keyboard, the focus in the new statement's text.
    root = await addFirst(el, 'statements', 'text', ['Créer un ministère du numérique.', 'Gouvernance']);
    await tabTo(root, '#statements-add');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => active(root)?.id === 'f-statements-1-text');
    await waitUntil(() => said(el) === 'Statement 2 added.');
    // A theme left empty: "Required", once touched.
    await sendKeys({ press: 'Tab' });
    root.querySelector<HTMLInputElement>('#f-statements-1-theme')!.select();
    await sendKeys({ press: 'Backspace' });
    await waitUntil(() => errorOf(root, 'f-statements-1-theme') === 'Required');
    await expect(el).to.be.accessible();
    await tabTo(root, '#statements-1-remove');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => said(el) === 'Statement 2 removed.');
    expect(root.querySelectorAll('.items > li')).to.have.length(1);

    // Parties: a colour too light against white is refused, and the message says why.
    root = await addFirst(el, 'parties', 'name', ['François Legault (CAQ)', 'Legault', '#00a3c7']);
    await waitUntil(() => errorOf(root, 'f-parties-0-colour'));
    expect(errorOf(root, 'f-parties-0-colour')).to.equal(
      'Refused: its contrast is 2.9:1 against white; a party’s colour needs at least 3:1 against white and against black text, or its swatch and bar cannot be told apart (WCAG AA).',
    );
    await expect(el).to.be.accessible();
    root.querySelector<HTMLInputElement>('#f-parties-0-colour')!.select();
    await sendKeys({ type: '#5b2c83' });
    await waitUntil(() => errorOf(root, 'f-parties-0-colour').includes('black text;'));
    root.querySelector<HTMLInputElement>('#f-parties-0-colour')!.select();
    await sendKeys({ type: '#00897b' });
    await waitUntil(() => !errorOf(root, 'f-parties-0-colour'));

    await tabTo(root, 'button.primary');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => said(el) === 'Comparison “Les chefs” created.', `said: ${said(el)}`);
    expect(sent).to.deep.equal({
      id: 'chefs-2012', title: 'Les chefs', description: '', locale: 'fr', scale: 5, method: 'wahl-o-mat', allowMethodChoice: false, missingAnswer: 'zero', collectAnswers: false,
      statements: [{ id: 's1', text: 'Créer un ministère du numérique.', theme: 'Gouvernance', explanation: null }],
      parties: [{ id: 'p1', name: 'François Legault (CAQ)', shortName: 'Legault', colour: '#00897b', logoUrl: null }],
      positions: [],
    });
    await waitUntil(() => location.hash === '#/comparisons/chefs-2012');
    root = await screen(el, tag, 'h1');
    await waitUntil(() => root.querySelector('h1')!.textContent === 'Edit “Les chefs”');
  });

  it('edits a saved comparison in French and saves its changes with the update route', async () => {
    let sent: Record<string, unknown> | undefined;
    signedIn(
      'owner',
      answer(getComparison, { ...leaders, updatedAt: new Date().toISOString() }),
      http.patch(route(updateComparison), async ({ request }) => ((sent = (await request.json()) as Record<string, unknown>), HttpResponse.json({ ...leaders, ...sent, updatedAt: new Date().toISOString() }))),
    );
    const el = await openConsole('fr', '#/comparisons/chefs-2012');
    const root = await screen(el, tag, '#f-title');
    await waitUntil(() => root.querySelector<HTMLInputElement>('#f-title')!.value === leaders.title);
    expect(root.querySelector('#f-id')).to.equal(null);
    expect(root.querySelector('h1')!.textContent).to.equal('Modifier « Les chefs et le numérique »');
    root.querySelector<HTMLInputElement>('input[name=scale][value="3"]')!.click();
    await type(root.querySelector<HTMLInputElement>('#f-title')!, ' (2012)');
    await expect(el).to.be.accessible();
    root.querySelector<HTMLButtonElement>('button.primary')!.click();
    await waitUntil(() => said(el) === 'Comparateur « Les chefs et le numérique (2012) » enregistré.', `said: ${said(el)}`);
    expect(sent!['id']).to.equal(undefined);
    expect(sent!['scale']).to.equal(3);
    // On 3 points, the 5-point ends move to the 3-point ends.
    expect((sent!['positions'] as { stance: number }[]).map((p) => p.stance)).to.deep.equal([-1, 0, 1, 1, 1, 1, 1]);
  });
});

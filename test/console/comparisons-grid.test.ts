/**
 * The stance grid in Chromium over msw, by keyboard only: arrow keys move, a digit sets the stance,
 * 0 sets "no answer", Enter opens the quote, source and date (checked as one types), Escape undoes;
 * each party's coverage follows; axe with the grid and with the dialog open.
 */
import { http, HttpResponse } from 'msw';
import { updateComparison } from '../../src/api/routes/admin.js';
import { getComparison } from '../../src/api/routes/comparisons.js';
import '../../src/define/civic-console.js';
import { setViewport } from '@web/test-runner-commands';
import { expect, sendKeys, waitUntil } from '../helpers.js';
import { worker } from '../mocks/worker.js';
import { leaders } from './comparisons-fixtures.js';
import { answer, consoleSuite, openConsole, route, said, signedIn } from './console-helpers.js';

const cellText = (root: ShadowRoot, r: number, c: number) => root.querySelector(`#cell-${r}-${c}`)!.textContent!.replace(/\s+/g, ' ').trim();
const coverage = (root: ShadowRoot) => [...root.querySelectorAll('tfoot td')].map((td) => td.textContent!.trim());

describe('<civic-console> comparisons: the stance grid', () => {
  consoleSuite();

  it('is edited by keyboard: move, set stances, no answer, the details dialog; coverage as one goes', async function () {
    // A long keyboard flow: many round trips to the test runner, slow on a busy machine.
    this.timeout(30_000);
    let sent: { positions: unknown[] } | undefined;
    signedIn(
      'editor',
      answer(getComparison, { ...leaders, updatedAt: new Date().toISOString() }),
      http.patch(route(updateComparison), async ({ request }) => ((sent = (await request.json()) as typeof sent), HttpResponse.json({ ...leaders, ...sent }))),
    );
    const el = await openConsole('en', '#/comparisons/chefs-2012/grid');
    await waitUntil(() => el.shadowRoot!.querySelector('civic-console-comparisons')?.shadowRoot?.querySelector('#cell-0-0'), 'the grid', { timeout: 4000 });
    const root = el.shadowRoot!.querySelector('civic-console-comparisons')!.shadowRoot!;
    expect(root.querySelector('#section-title')!.textContent).to.equal('Stances');
    expect(cellText(root, 0, 0)).to.equal('Strongly disagree (with source)');
    expect(cellText(root, 1, 0)).to.equal('No answer');
    expect(coverage(root)).to.deep.equal(['1 of 4', '3 of 4', '3 of 4']);
    // One cell in the tab order.
    expect(root.querySelectorAll('[role=gridcell][tabindex="0"]')).to.have.length(1);
    await expect(el).to.be.accessible();

    root.querySelector<HTMLElement>('#cell-0-0')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(root.activeElement!.id).to.equal('cell-1-0');
    // 5: strongly agree on a 5-point scale.
    await sendKeys({ press: '5' });
    await waitUntil(() => cellText(root, 1, 0) === 'Strongly agree');
    expect(said(el)).to.satisfy((s: string) => s === '' || s.startsWith('Marois'));
    await waitUntil(() => said(el) === 'Marois: Strongly agree. Marois has a stance on 2 of 4 statements.');
    expect(coverage(root)).to.deep.equal(['2 of 4', '3 of 4', '3 of 4']);
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    expect(root.activeElement!.id).to.equal('cell-1-2');
    await sendKeys({ press: '0' });
    await waitUntil(() => cellText(root, 1, 2) === 'No answer');
    expect(coverage(root)).to.deep.equal(['2 of 4', '3 of 4', '2 of 4']);
    await sendKeys({ press: '2' });
    await waitUntil(() => cellText(root, 1, 2) === 'Disagree');
    // A key beyond the scale does nothing.
    await sendKeys({ press: '7' });
    expect(cellText(root, 1, 2)).to.equal('Disagree');

    // Enter: the quote, source and date, checked as one types.
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root.querySelector('dialog')?.open);
    expect(root.querySelector('dialog h2')!.textContent).to.equal('Legault on “Faire une place au logiciel libre.”');
    await waitUntil(() => root.activeElement?.tagName === 'TEXTAREA');
    await sendKeys({ type: 'Ouvert aux solutions open source.' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'michelleblanc.com' });
    await waitUntil(() => root.querySelector('dialog .error'));
    expect(root.querySelector('dialog .error')!.textContent).to.equal('An address starting with https:// or http://');
    await expect(el).to.be.accessible();
    const url = root.querySelector<HTMLInputElement>('dialog input[type=url]')!;
    url.select();
    await sendKeys({ type: 'https://www.michelleblanc.com/' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '2012-08-31' });
    await waitUntil(() => !root.querySelector('dialog .error'));
    await sendKeys({ press: 'Tab' });
    expect(root.activeElement!.textContent).to.equal('Apply');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !root.querySelector('dialog')!.open);
    await waitUntil(() => root.activeElement?.id === 'cell-1-2', 'the focus back on the cell');
    expect(cellText(root, 1, 2)).to.equal('Disagree (with source)');

    // Escape undoes what the dialog changed.
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root.querySelector('dialog')?.open && root.activeElement?.tagName === 'TEXTAREA');
    await sendKeys({ type: 'Rien.' });
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !root.querySelector('dialog')!.open);
    await waitUntil(() => root.activeElement?.id === 'cell-0-2');
    expect(cellText(root, 0, 2)).to.equal('Agree');

    root.querySelector<HTMLButtonElement>('button.primary')!.click();
    await waitUntil(() => said(el).endsWith('saved.'));
    expect(sent!.positions).to.deep.include({ partyId: 'p3', statementId: 's2', stance: -1, quote: 'Ouvert aux solutions open source.', sourceUrl: 'https://www.michelleblanc.com/', sourceDate: '2012-08-31' });
    expect(sent!.positions).to.deep.include({ partyId: 'p1', statementId: 's2', stance: 2, quote: null, sourceUrl: null, sourceDate: null });
    expect(sent!.positions).to.have.length(8);
  });

  it('is usable 320 px wide: every part fits, the grid scrolls in its own box', async function () {
    this.timeout(30_000);
    signedIn(
      'editor',
      answer(getComparison, { ...leaders, updatedAt: new Date().toISOString() }),
    );
    await setViewport({ width: 320, height: 640 });
    try {
      const el = await openConsole('fr', '#/comparisons/chefs-2012/parties');
      await waitUntil(() => el.shadowRoot!.querySelector('civic-console-comparisons')?.shadowRoot?.querySelector('#f-parties-0-name'), 'the parties', { timeout: 4000 });
      const root = el.shadowRoot!.querySelector('civic-console-comparisons')!.shadowRoot!;
      for (const part of ['', 'statements', 'parties', 'grid', 'transfer', 'publish']) {
        location.hash = `#/comparisons/chefs-2012${part ? `/${part}` : ''}`;
        await waitUntil(() => root.querySelector('.sections a[aria-current]')?.getAttribute('href') === location.hash);
        await el.updateComplete;
        expect(document.documentElement.scrollWidth, `#/${part} fits 320 px`).to.be.at.most(320);
      }
      await expect(el).to.be.accessible();
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});

/**
 * The preview in Chromium over msw: the real <civic-comparator> showing the draft (unsaved changes
 * included) as readers will see it, its questionnaire answered; under it, the readers' answers per
 * statement (comparisonAnswers); and the Publish part's code. Axe in each state.
 */
import { http, HttpResponse } from 'msw';
import { comparisonAnswers } from '../../src/api/routes/admin.js';
import { getComparison } from '../../src/api/routes/comparisons.js';
import '../../src/define/civic-comparator.js';
import '../../src/define/civic-console.js';
import '../../src/define/civic-provider.js';
import { expect, waitUntil } from '../helpers.js';
import { worker } from '../mocks/worker.js';
import { leaders } from './comparisons-fixtures.js';
import { answer, consoleSuite, openConsole, route, signedIn } from './console-helpers.js';

const tally = (statementId: string, stances: number[], skipped = 0, weighted = 0) => ({ statementId, stances, skipped, weighted });

describe('<civic-console> comparisons: preview and publish', () => {
  consoleSuite();

  it('shows the draft in the real widget, whose questionnaire answers; then the readers’ answers per statement', async function () {
    // A long keyboard flow: many round trips to the test runner, slow on a busy machine.
    this.timeout(30_000);
    let answersSent = 0;
    signedIn(
      'editor',
      answer(getComparison, { ...leaders, updatedAt: new Date().toISOString() }),
      http.get(route(comparisonAnswers), () =>
        HttpResponse.json({ comparisonId: 'chefs-2012', respondentCount: 3, statements: [tally('s1', [1, 0, 0, 1, 1]), tally('s2', [0, 0, 0, 0, 2], 1, 2)] }),
      ),
      http.post('/api/comparisons/:id/answers', () => ((answersSent += 1), HttpResponse.json({ respondentCount: 4 }))),
    );
    const el = await openConsole('en', '#/comparisons/chefs-2012');
    await waitUntil(() => el.shadowRoot!.querySelector('civic-console-comparisons')?.shadowRoot?.querySelector<HTMLInputElement>('#f-title')?.value, 'the editor', { timeout: 4000 });
    const root = el.shadowRoot!.querySelector('civic-console-comparisons')!.shadowRoot!;
    // An unsaved change shows in the preview.
    const title = root.querySelector<HTMLInputElement>('#f-title')!;
    title.value = 'Les chefs (brouillon)';
    title.dispatchEvent(new Event('input'));
    location.hash = '#/comparisons/chefs-2012/preview';
    await waitUntil(() => root.querySelector('civic-comparator')?.shadowRoot?.querySelector('[part=matrix]'), 'the matrix', { timeout: 4000 });
    const widget = root.querySelector('civic-comparator')!.shadowRoot!;
    expect(widget.querySelector('[part=heading]')!.textContent).to.contain('Les chefs (brouillon)');
    expect([...widget.querySelectorAll('[part=matrix] thead th')].map((th) => th.textContent!.trim()).slice(-3)).to.deep.equal(['Marois', 'Charest', 'Legault']);
    await waitUntil(() => root.querySelector('tbody th')?.textContent === 'Créer un ministère du numérique.', 'the answers', { timeout: 4000 });
    expect(root.textContent).to.contain('3 readers sent their answers.');
    const s2 = [...root.querySelectorAll('tbody tr')].find((tr) => tr.textContent!.includes('logiciel libre'))!;
    expect([...s2.querySelectorAll('td')].map((td) => td.textContent)).to.deep.equal(['0', '0', '0', '0', '2', '1', '2']);
    await expect(el).to.be.accessible();

    // The questionnaire, as a reader answers it.
    [...widget.querySelectorAll<HTMLButtonElement>('[part=views] button')].find((b) => b.textContent === 'Questionnaire')!.click();
    for (let i = 0; i < 4; i++) {
      await waitUntil(() => widget.querySelector('[part=question]'), 'a question', { timeout: 4000 });
      const agree = widget.querySelector<HTMLInputElement>('input[name=stance][value="1"]')!;
      agree.click();
      await waitUntil(() => agree.checked);
      widget.querySelector<HTMLButtonElement>('[part=submit]')!.click();
      await new Promise((r) => setTimeout(r, 50));
    }
    await waitUntil(() => widget.querySelector('[part=ranking]'), 'the results', { timeout: 4000 });
    const ranking = [...widget.querySelectorAll('[part=ranking] > li .row span')].map((s) => s.textContent!.trim());
    expect(ranking[0]).to.equal('François Legault (CAQ)');
    await expect(el).to.be.accessible();
    // The preview's answers never reach the server's statistics.
    const send = [...widget.querySelectorAll<HTMLButtonElement>('button')].find((b) => /send/i.test(b.textContent!));
    send?.click();
    await new Promise((r) => setTimeout(r, 100));
    expect(answersSent).to.equal(0);

    location.hash = '#/comparisons/chefs-2012/publish';
    await waitUntil(() => root.querySelector<HTMLTextAreaElement>('#snippet'));
    expect(root.querySelector<HTMLTextAreaElement>('#snippet')!.value).to.equal(
      `<script type="module" src="${location.origin}/cdn/civic-comparator.js"></script>\n<civic-comparator comparison="chefs-2012" api="${location.origin}/api"></civic-comparator>`,
    );
    root.querySelector<HTMLInputElement>('input[name=code][value=file]')!.click();
    await waitUntil(() => root.querySelector<HTMLTextAreaElement>('#snippet')!.value.includes('src="chefs-2012.json"'));
    await expect(el).to.be.accessible();
  });
});

/** Alone in its page: a questionnaire whose code cannot load (offline) says so, with a retry button, and the table stays usable. */
import { html } from 'lit';
import { http, HttpResponse } from 'msw';
import type { Comparison } from '../../src/api/comparison.js';
import { MemoryBackend } from '../../src/api/memory-backend.js';
import type { CivicComparator } from '../../src/comparator/civic-comparator.js';
import '../../src/define/civic-comparator.js';
import { quebec2012 } from '../../server/comparisons/demo-data.js';
import { expect, mount, text, waitUntil } from '../helpers.js';
import { startWorker, worker } from '../mocks/worker.js';

describe('<civic-comparator> offline', () => {
  before(startWorker);
  after(() => worker.resetHandlers());

  it('says the network is unreachable when the questionnaire cannot load, and the table still works', async () => {
    worker.use(http.get('*/src/comparator/quiz.ts', () => HttpResponse.error()));
    const backend = new MemoryBackend({ comparisons: [structuredClone(quebec2012) as Comparison] });
    const el = await mount<CivicComparator>(html`<civic-comparator lang="fr" comparison="chefs-numerique-2012" .backend=${backend}></civic-comparator>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~=views]'));
    el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~=views] button')[1]!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('[role=alert]'), 'an error');
    expect(text(el)).to.contain('Le réseau est injoignable').and.contain('Réessayer');
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~=views] button')[0]!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('table'));
  });
});

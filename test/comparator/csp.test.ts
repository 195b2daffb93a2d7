/**
 * Under a strict Content-Security-Policy (`style-src 'self'`, no 'unsafe-inline'), which blocks
 * `style` attributes: the parties' swatches and the match bars keep their colour and width. The
 * policy is added to this test file's page before anything renders.
 */
import { html } from 'lit';
import { MemoryBackend } from '../../src/api/memory-backend.js';
import type { CivicComparator } from '../../src/comparator/civic-comparator.js';
import '../../src/define/civic-comparator.js';
import { quebec2012 } from '../../server/comparisons/demo-data.js';
import { expect, mount, strictCsp, waitUntil } from '../helpers.js';

const blocked = strictCsp();

describe('<civic-comparator> under a strict CSP (style-src without unsafe-inline)', () => {
  it('swatches and match bars keep their colour and width, set through the CSSOM', async () => {
    const backend = new MemoryBackend({ comparisons: [structuredClone(quebec2012)] });
    const el = await mount<CivicComparator>(
      html`<civic-comparator lang="fr" comparison="chefs-numerique-2012" view="questionnaire" .backend=${backend}></civic-comparator>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('[part~=question]'), 'questionnaire shown');
    for (let i = 0; i < quebec2012.statements.length; i++) {
      el.shadowRoot!.querySelector<HTMLInputElement>('[name=stance][value="1"]')!.click();
      el.shadowRoot!.querySelector<HTMLElement>('[part~=submit]')!.click();
      await el.updateComplete;
    }
    await waitUntil(() => el.shadowRoot!.querySelector('[part~=ranking]'), 'results shown');
    // Marois's #2f6fd0.
    const swatches = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.swatch')];
    expect(swatches.length).to.be.greaterThan(0);
    expect(swatches.map((s) => getComputedStyle(s).backgroundColor)).to.include('rgb(47, 111, 208)');
    const fills = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.bar span')];
    expect(fills.length).to.be.greaterThan(0);
    expect(fills.some((f) => f.getBoundingClientRect().width > 0), 'bars have their width').to.equal(true);
    expect(fills.map((f) => getComputedStyle(f).backgroundColor)).to.include('rgb(47, 111, 208)');
    expect(el.shadowRoot!.querySelectorAll('style')).to.have.length(0);
    expect(blocked).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });
});

/**
 * One heading scale for every widget: the title, then its section headings, the same size and weight
 * in the petition, the poll, the comments and the comparator, set by the documented tokens.
 */
import { html } from 'lit';
import { MemoryBackend } from '../../src/api/memory-backend.js';
import '../../src/define/civic-comments.js';
import '../../src/define/civic-comparator.js';
import '../../src/define/civic-petition.js';
import '../../src/define/civic-poll.js';
import { quebec2012 } from '../../server/comparisons/demo-data.js';
import { seeded } from '../comments/fixtures.js';
import { quickPoll } from '../poll/data.js';
import { expect, mount, petitionData, waitUntil } from '../helpers.js';

async function headings(style = '') {
  const page = await mount<HTMLElement>(html`<div style=${style}>
    <civic-petition lang="fr" petition="plan-numerique" .backend=${new MemoryBackend({ petitions: [petitionData()] })}></civic-petition>
    <civic-poll lang="fr" poll="ministere" .backend=${new MemoryBackend({ polls: { polls: [quickPoll()] } })}></civic-poll>
    <civic-comments lang="fr" thread="plan-numerique" .backend=${seeded()}></civic-comments>
    <civic-comparator lang="fr" comparison="chefs-numerique-2012" view="questionnaire" .backend=${new MemoryBackend({ comparisons: [structuredClone(quebec2012)] })}></civic-comparator>
  </div>`);
  const [petition, poll, comments, comparator] = [...page.children] as HTMLElement[];
  const pick = (el: HTMLElement, selector: string) => el.shadowRoot!.querySelector(selector);
  const pairs: [HTMLElement, string][] = [
    [petition!, '#sign'],
    [poll!, '#res'],
    [comments!, '#compose'],
    [comparator!, '#q'],
  ];
  await waitUntil(() => pairs.every(([el, s]) => pick(el, s) && pick(el, '[part~=heading]')), 'every widget rendered', { timeout: 8000 });
  const look = (n: Element | null) => {
    const s = getComputedStyle(n!);
    return `${s.fontSize} ${s.fontWeight}`;
  };
  return {
    titles: pairs.map(([el]) => look(pick(el, '[part~=heading]'))),
    sections: pairs.map(([el, s]) => look(pick(el, s))),
    page,
  };
}

describe('headings', () => {
  it('share one scale across the widgets: title, then section headings', async function () {
    this.timeout(20_000); // four widgets, a lazy module, axe on each
    const { titles, sections, page } = await headings('font-size: 16px');
    expect(titles).to.deep.equal(Array(4).fill('20px 700'));
    expect(sections).to.deep.equal(Array(4).fill('16px 700'));
    for (const el of page.children) await expect(el).to.be.accessible();
  });

  it('follow --civic-heading-size and --civic-heading-weight', async function () {
    this.timeout(20_000);
    const { titles, sections } = await headings('font-size: 16px; --civic-heading-size: 2em; --civic-heading-weight: 400');
    expect(titles).to.deep.equal(Array(4).fill('32px 400'));
    expect(sections).to.deep.equal(Array(4).fill('16px 400'));
  });
});

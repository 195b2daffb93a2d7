/**
 * A consultation's proposals, compact: one stacked bar per proposal (agree, mixed, disagree, with
 * their numbers written beside) and the votes as one segmented group, so that ten proposals take at
 * most half the height they took (measured at 704 px wide).
 */
import { setViewport } from '@web/test-runner-commands';
import { MemoryBackend } from '../../src/api/memory-backend.js';
import type { Proposal } from '../../src/api/poll.js';
import { expect, sendKeys, waitUntil } from '../helpers.js';
import { mountPoll } from './mount.js';
import { consultation, proposals } from './data.js';

/** Ten proposals of the demo's length, each with votes on all three sides. */
async function tenProposals() {
  const base = proposals();
  const list: Proposal[] = Array.from({ length: 10 }, (_, i) => ({ ...base[i % 4]!, id: `p${i}`, title: `${base[i % 4]!.title} (${i + 1})` }));
  const backend = new MemoryBackend({ polls: { polls: [consultation()], proposals: list } });
  for (const [i, x] of list.entries()) {
    await backend.polls.seed('contribuez', x.id, { value: 'agree' }, 5 + i);
    await backend.polls.seed('contribuez', x.id, { value: 'mixed' }, 3);
    await backend.polls.seed('contribuez', x.id, { value: 'disagree' }, 2 + i);
  }
  return backend;
}

/** The height from the first proposal's top to the last one's bottom. */
function height(el: Element) {
  const items = [...el.shadowRoot!.querySelectorAll('[part~=proposal]')];
  return items.at(-1)!.getBoundingClientRect().bottom - items[0]!.getBoundingClientRect().top;
}

describe('<civic-poll> consultation, compact', () => {
  before(() => setViewport({ width: 704, height: 900 }));
  after(() => setViewport({ width: 800, height: 600 }));

  it('ten proposals at 704 px take at most half the height they took, with the same content', async function () {
    this.timeout(20_000);
    const el = await mountPoll(await tenProposals(), 'contribuez');
    await waitUntil(() => el.shadowRoot!.querySelectorAll('[part~=proposal] [part~=bar]').length === 10, 'ten proposals with results', { timeout: 5000 });
    // Measured here before this layout (three bars, each on its own lines, and three separate buttons
    // per proposal): 3,704.5 px. After: about 1,675 px.
    const before = 3704.5;
    expect(height(el), 'ten proposals at most half as tall').to.be.at.most(before / 2);
    const first = el.shadowRoot!.querySelector('[part~=proposal]')!;
    const text = (n: Element | null) => (n?.textContent ?? '').replace(/[\s\u202f]+/g, ' ').trim();
    // Proposal 1 of the list (the newest) has 14 votes: 5 + 9 agree, 3 mixed, 2 + 9 disagree.
    expect([...first.querySelectorAll('[part~=bar] span')].map((s) => s.className)).to.deep.equal(['agree', 'mixed', 'disagree']);
    expect(text(first.querySelector('.stack p'))).to.match(/^\d+ % d’accord · \d+ % mitigé · \d+ % pas d’accord · \d+ votes$/);
    const group = first.querySelector('[part~=vote]')!;
    expect(group.getAttribute('role')).to.equal('group');
    const votes = [...group.querySelectorAll('button')];
    expect(votes.map((b) => [text(b), b.getAttribute('aria-pressed')])).to.deep.equal([
      ['D’accord', 'false'],
      ['Mitigé', 'false'],
      ['Pas d’accord', 'false'],
    ]);
    // One group: the buttons touch, on one line.
    const [a, b] = votes.map((v) => v.getBoundingClientRect());
    expect(b!.left - a!.right).to.be.at.most(0);
    expect(b!.top).to.equal(a!.top);
    await expect(el).to.be.accessible();
    votes[1]!.focus();
    await sendKeys({ press: 'Space' });
    await waitUntil(() => votes[1]!.getAttribute('aria-pressed') === 'true' || group.querySelector('[aria-pressed=true]'), 'voted with the keyboard');
    expect(text(group.querySelector('[aria-pressed=true]'))).to.equal('Mitigé');
    await expect(el).to.be.accessible();
  });
});

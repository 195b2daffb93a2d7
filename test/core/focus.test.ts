/**
 * The focus ring of every filled button (the widgets' submit buttons, a pressed toggle) stays visible
 * on the host page's themes: computed from the styles the browser applies, not judged by eye. The
 * ring must be a solid line at least 2 px wide whose colour contrasts at least 3:1 with what
 * surrounds it (WCAG 2.4.7, 1.4.11), and be set apart from the button's own fill (an offset gap, or
 * 3:1 against the fill).
 */
import { html, type TemplateResult } from 'lit';
import { MemoryBackend } from '../../src/api/memory-backend.js';
import '../../src/define/civic-comments.js';
import '../../src/define/civic-comparator.js';
import '../../src/define/civic-petition.js';
import '../../src/define/civic-poll.js';
import { quebec2012 } from '../../server/comparisons/demo-data.js';
import { seeded } from '../comments/fixtures.js';
import { consultation, proposals, quickPoll } from '../poll/data.js';
import { emulateMedia } from '@web/test-runner-commands';
import { ring } from './contrast.js';
import { expect, mount, petitionData, waitUntil } from '../helpers.js';

/** Host pages: Storybook's themes and the demo blog's (examples/blog/blog.css), light and dark. */
const themes: Record<string, string> = {
  light: 'background:#fff;color:#1a1a1a',
  dark: 'background:#121417;color:#e8eaed',
  accent: 'background:#fbfaf7;color:#22201c;--civic-color-accent:#0b57d0;--civic-color-on-accent:#fff',
  blog: 'background:#fbf8f2;color:#23211d;--civic-color-accent:#8a3b12;--civic-color-on-accent:#fbf8f2',
  'blog dark': 'background:#1c1b19;color:#ece6da;--civic-color-accent:#f0a36f;--civic-color-on-accent:#1c1b19',
};

async function wait(el: Element, selector: string): Promise<HTMLElement> {
  await waitUntil(() => el.shadowRoot!.querySelector(selector), `waiting for ${selector}`, { timeout: 5000 });
  return el.shadowRoot!.querySelector<HTMLElement>(selector)!;
}

/** Each widget, put in the state where its filled buttons show; returns them. */
const cases: [string, () => TemplateResult, (el: HTMLElement) => Promise<HTMLElement[]>][] = [
  [
    'petition: Signer',
    () => html`<civic-petition lang="fr" petition="plan-numerique" .backend=${new MemoryBackend({ petitions: [petitionData()] })}></civic-petition>`,
    async (el) => [await wait(el, '[part~=submit]')],
  ],
  [
    'poll: Voter',
    () => html`<civic-poll lang="fr" poll="ministere" .backend=${new MemoryBackend({ polls: { polls: [quickPoll()] } })}></civic-poll>`,
    async (el) => [await wait(el, '[part~=submit]')],
  ],
  [
    'poll: a pressed support toggle',
    () => html`<civic-poll lang="fr" poll="ministere" .backend=${new MemoryBackend({ polls: { polls: [quickPoll({ voteKind: 'support', options: [] })] } })}></civic-poll>`,
    async (el) => {
      const b = await wait(el, '[part~=submit]');
      b.click();
      await waitUntil(() => el.shadowRoot!.querySelector('[aria-pressed=true]'), 'pressed', { timeout: 5000 });
      return [el.shadowRoot!.querySelector<HTMLElement>('[aria-pressed=true]')!];
    },
  ],
  [
    'consultation: Proposer and a pressed vote',
    () => html`<civic-poll lang="fr" poll="contribuez" .backend=${new MemoryBackend({ polls: { polls: [consultation()], proposals: proposals() } })}></civic-poll>`,
    async (el) => {
      const vote = await wait(el, '[part~=proposal] [aria-pressed]');
      vote.click();
      await waitUntil(() => el.shadowRoot!.querySelector('[aria-pressed=true]'), 'pressed', { timeout: 5000 });
      return [el.shadowRoot!.querySelector<HTMLElement>('[part~=submit]')!, el.shadowRoot!.querySelector<HTMLElement>('[aria-pressed=true]')!];
    },
  ],
  [
    'comments: Publier',
    () => html`<civic-comments lang="fr" thread="plan-numerique" .backend=${seeded()}></civic-comments>`,
    async (el) => [await wait(el, 'form [part~=submit]')],
  ],
  [
    'comparator: Suivant',
    () => html`<civic-comparator lang="fr" comparison="chefs-numerique-2012" view="questionnaire" .backend=${new MemoryBackend({ comparisons: [structuredClone(quebec2012)] })}></civic-comparator>`,
    async (el) => [await wait(el, '[part~=question] [part~=submit]')],
  ],
];

describe('the focus ring of filled buttons', () => {
  for (const [name, render, buttons] of cases)
    it(`${name}: visible, ≥ 3:1 against the page, apart from the fill, on every host theme`, async function () {
      this.timeout(30_000); // five host pages, each rendered and checked with axe
      const found: string[] = [];
      for (const [theme, style] of Object.entries(themes)) {
        const page = await mount<HTMLElement>(html`<div style=${style}>${render()}</div>`);
        const el = page.firstElementChild as HTMLElement;
        for (const b of await buttons(el)) {
          const r = ring(b);
          if (!r.visible || r.againstPage < 3 || !r.apart || r.label < 4.5) found.push(`${theme}, ${b.textContent!.trim()}: ${JSON.stringify(r)}`);
        }
        await expect(el).to.be.accessible();
      }
      expect(found).to.deep.equal([]);
    });
});

describe('filled buttons in forced colours', () => {
  after(() => emulateMedia({ forcedColors: 'none' }));
  it('keep a legible label and a visible ring on a themed page', async function () {
    this.timeout(30_000);
    await emulateMedia({ forcedColors: 'active' });
    const found: string[] = [];
    for (const [name, render, buttons] of cases) {
      const page = await mount<HTMLElement>(html`<div style=${themes['blog']}>${render()}</div>`);
      for (const b of await buttons(page.firstElementChild as HTMLElement)) {
        const r = ring(b);
        if (!r.visible || r.againstPage < 3 || r.label < 4.5) found.push(`${name}, ${b.textContent!.trim()}: ${JSON.stringify(r)}`);
      }
    }
    expect(found).to.deep.equal([]);
  });
});

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
import { expect, mount, petitionData, waitUntil } from '../helpers.js';

/** Host pages: Storybook's themes and the demo blog's (examples/blog/blog.css), light and dark. */
const themes: Record<string, string> = {
  light: 'background:#fff;color:#1a1a1a',
  dark: 'background:#121417;color:#e8eaed',
  accent: 'background:#fbfaf7;color:#22201c;--civic-color-accent:#0b57d0;--civic-color-on-accent:#fff',
  blog: 'background:#fbf8f2;color:#23211d;--civic-color-accent:#8a3b12;--civic-color-on-accent:#fbf8f2',
  'blog dark': 'background:#1c1b19;color:#ece6da;--civic-color-accent:#f0a36f;--civic-color-on-accent:#1c1b19',
};

type RGBA = [number, number, number, number];
/** A computed colour (`rgb()`, `rgba()` or `color(srgb …)`) as 0-255 channels and alpha. */
function rgba(value: string): RGBA {
  const srgb = /color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)(?: \/ ([\d.]+))?\)/.exec(value);
  if (srgb) return [+srgb[1]! * 255, +srgb[2]! * 255, +srgb[3]! * 255, srgb[4] ? +srgb[4] : 1];
  const n = value.match(/[\d.]+/g)!.map(Number);
  return [n[0]!, n[1]!, n[2]!, n[3] ?? 1];
}
const over = (top: RGBA, below: RGBA): RGBA => [0, 1, 2].map((i) => top[i]! * top[3] + below[i]! * (1 - top[3])).concat(1) as RGBA;
const luminance = ([r, g, b]: RGBA) =>
  [r, g, b].map((c) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)).reduce((s, c, i) => s + c * [0.2126, 0.7152, 0.0722][i]!, 0);
/** The WCAG contrast ratio of two opaque colours. */
export function contrast(a: RGBA, b: RGBA): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
const parentOf = (n: Element) => n.parentElement ?? ((n.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;
/** The colour painted behind an element: its ancestors' backgrounds (across shadow roots), blended. */
function backdrop(el: Element): RGBA {
  const layers: RGBA[] = [];
  for (let n = parentOf(el); n; n = parentOf(n)) {
    const c = rgba(getComputedStyle(n).backgroundColor);
    if (c[3] > 0) layers.push(c);
    if (c[3] === 1) break;
  }
  return layers.reduceRight<RGBA>((below, top) => over(top, below), [255, 255, 255, 1]);
}

/** What the focused button's ring measures on its page. */
export function ring(button: HTMLElement) {
  button.focus();
  const s = getComputedStyle(button);
  const around = backdrop(button);
  const colour = over(rgba(s.outlineColor), around);
  const fill = over(rgba(s.backgroundColor), around);
  return {
    visible: button.matches(':focus-visible') && s.outlineStyle === 'solid' && parseFloat(s.outlineWidth) >= 2,
    againstPage: contrast(colour, around),
    apart: parseFloat(s.outlineOffset) >= 1 || contrast(colour, fill) >= 3,
    label: contrast(over(rgba(s.webkitTextFillColor), fill), fill),
  };
}

async function wait(el: Element, selector: string): Promise<HTMLElement> {
  await waitUntil(() => el.shadowRoot!.querySelector(selector), `waiting for ${selector}`);
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
      await waitUntil(() => el.shadowRoot!.querySelector('[aria-pressed=true]'), 'pressed');
      return [el.shadowRoot!.querySelector<HTMLElement>('[aria-pressed=true]')!];
    },
  ],
  [
    'consultation: Proposer and a pressed vote',
    () => html`<civic-poll lang="fr" poll="contribuez" .backend=${new MemoryBackend({ polls: { polls: [consultation()], proposals: proposals() } })}></civic-poll>`,
    async (el) => {
      const vote = await wait(el, '[part~=proposal] [aria-pressed]');
      vote.click();
      await waitUntil(() => el.shadowRoot!.querySelector('[aria-pressed=true]'), 'pressed');
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
    it(`${name}: visible, ≥ 3:1 against the page, apart from the fill, on every host theme`, async () => {
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
  it('keep a legible label and a visible ring on a themed page', async () => {
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

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { delay, http, HttpResponse } from 'msw';
import { expect, waitFor } from 'storybook/test';
import type { Comparison, MatchMethod } from '../../src/api/comparison.js';
import { MemoryBackend } from '../../src/api/memory-backend.js';
import '../../src/define/civic-comparator.js';
import { quebec2012 } from '../../server/comparisons/demo-data.js';
import { restHandlers } from '../../test/mocks/rest.js';

const demo = (over: Partial<Comparison> = {}): Comparison => ({ ...structuredClone(quebec2012), ...over });

/** 12 parties on 40 statements, for the table's worst case. */
function large(): Comparison {
  const themes = ['Économie', 'Santé', 'Éducation', 'Environnement', 'Numérique', 'Culture', 'Régions', 'Démocratie'];
  const names = ['Parti bleu', 'Parti rouge', 'Parti vert', 'Parti orange', 'Parti mauve', 'Parti jaune', 'Parti gris', 'Parti turquoise', 'Parti brun', 'Parti rose', 'Parti indigo', 'Parti olive'];
  const colours = ['#1b4f9c', '#d71920', '#2e7d32', '#ff6a13', '#5b2c83', '#f9a825', '#616161', '#00838f', '#6d4c41', '#d81b60', '#3949ab', '#827717'];
  const statements = Array.from({ length: 40 }, (_, i) => ({ id: `s${i + 1}`, theme: themes[i % themes.length]!, text: `Énoncé ${i + 1} : le gouvernement devrait agir sur ce ${themes[i % themes.length]!.toLowerCase()} sans tarder.` }));
  const parties = names.map((name, i) => ({ id: `p${i + 1}`, name, shortName: name.split(' ')[1]!, colour: colours[i]! }));
  const positions = parties.flatMap((p, i) =>
    statements.map((s, j) => {
      const k = (i * 7 + j * 3) % 11;
      return { partyId: p.id, statementId: s.id, stance: k === 10 ? null : (k % 5) - 2, quote: k === 10 ? null : `Position du ${p.name.toLowerCase()} sur l’énoncé ${j + 1}.`, sourceUrl: 'https://example.org/programme', sourceDate: '2022-09-15' };
    }),
  );
  return { id: 'grand-tableau', title: 'Douze partis, quarante énoncés', scale: 5, statements, parties, positions };
}

const backed = (c: Comparison) => restHandlers(new MemoryBackend({ comparisons: [c] }));
const root = (canvas: HTMLElement) => canvas.querySelector('civic-comparator')!.shadowRoot!;
const click = (canvas: HTMLElement, selector: string) => root(canvas).querySelector<HTMLElement>(selector)!.click();
const tick = () => new Promise((r) => setTimeout(r, 30));

/** Opens the questionnaire and answers `stances` in turn (null: skip). */
async function answer(canvas: HTMLElement, stances: (number | null)[]) {
  await waitFor(() => expect(root(canvas).querySelector('[part~=views]')).toBeTruthy());
  root(canvas).querySelectorAll<HTMLButtonElement>('[part~=views] button')[1]!.click();
  await waitFor(() => expect(root(canvas).querySelector('[part~=question]')).toBeTruthy());
  for (const [i, stance] of stances.entries()) {
    if (stance === null) [...root(canvas).querySelectorAll<HTMLButtonElement>('[part~=question] .nav button')].at(-2)!.click();
    else {
      click(canvas, `[name=stance][value="${stance}"]`);
      if (i % 3 === 0) click(canvas, '[name=weight]');
      await tick();
      click(canvas, '[part~=submit]');
    }
    await tick();
  }
}
const toResults = (stances: (number | null)[]) => async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  await answer(canvasElement, stances);
  await waitFor(() => expect(root(canvasElement).querySelector('[part~=results]')).toBeTruthy());
};
const ANSWERS = [2, 1, null, 2, 1, -1];
const methodStory = (method: MatchMethod): Story => ({
  beforeEach: ({ msw }) => msw.use(...backed(demo({ method, allowMethodChoice: false }))),
  play: toResults(ANSWERS),
});

const meta: Meta = {
  title: 'Widgets/Comparator',
  component: 'civic-comparator',
  render: () =>
    html`<civic-comparator api="/api" comparison="chefs-numerique-2012"><a href="https://example.org/positions">Le tableau des positions des chefs</a></civic-comparator>`,
  parameters: {
    docs: { description: { component: 'Paste `<script type="module" src=".../cdn/civic-comparator.js">` and the tag below on any page, or give it `src="comparison.json"` and no server.' } },
  },
};
export default meta;
type Story = StoryObj;

export const Matrix: Story = { beforeEach: ({ msw }) => msw.use(...backed(demo())) };

export const CellDetails: Story = {
  beforeEach: ({ msw }) => msw.use(...backed(demo())),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(root(canvasElement).querySelector('tbody button')).toBeTruthy());
    root(canvasElement).querySelectorAll<HTMLButtonElement>('tbody tr')[0]!.querySelectorAll('button')[2]!.click();
    await waitFor(() => expect(root(canvasElement).querySelector<HTMLDialogElement>('dialog')!.open).toBe(true));
  },
};

export const QuestionnaireStart: Story = { beforeEach: ({ msw }) => msw.use(...backed(demo())), play: ({ canvasElement }) => answer(canvasElement, []) };
export const QuestionnaireMiddle: Story = { beforeEach: ({ msw }) => msw.use(...backed(demo())), play: ({ canvasElement }) => answer(canvasElement, [2, -1, null]) };
export const QuestionnaireEnd: Story = { beforeEach: ({ msw }) => msw.use(...backed(demo())), play: ({ canvasElement }) => answer(canvasElement, [2, -1, null, 1, 0]) };

/** The results with every party's explanation open. */
export const ResultsExplained: Story = {
  beforeEach: ({ msw }) => msw.use(...backed(demo())),
  play: async (ctx) => {
    await toResults(ANSWERS)(ctx);
    root(ctx.canvasElement).querySelectorAll('details').forEach((d) => (d.open = true));
  },
};

export const MethodWahlOMat: Story = methodStory('wahl-o-mat');
export const MethodCityBlock: Story = methodStory('city-block');
export const MethodHybrid: Story = methodStory('hybrid');
/** A missing party answer counted as neutral. */
export const MissingAsNeutral: Story = {
  beforeEach: ({ msw }) => msw.use(...backed(demo({ missingAnswer: 'neutral', allowMethodChoice: false }))),
  play: toResults(ANSWERS),
};

export const AnswersSent: Story = {
  beforeEach: ({ msw }) => msw.use(...backed(demo())),
  play: async (ctx) => {
    await toResults(ANSWERS)(ctx);
    [...root(ctx.canvasElement).querySelectorAll<HTMLButtonElement>('[part~=notice] button')].at(-1)!.click();
    await waitFor(() => expect(root(ctx.canvasElement).querySelector('[part~=notice] button')).toBeNull());
  },
};

export const StaticJson: Story = {
  render: () => html`<civic-comparator src="/comparaison.json"><a href="https://example.org/positions">Le tableau des positions</a></civic-comparator>`,
  beforeEach: ({ msw }) => msw.use(http.get('/comparaison.json', () => HttpResponse.json(demo()))),
};

export const InvalidJson: Story = {
  render: () => html`<civic-comparator src="/comparaison.json"><a href="https://example.org/positions">Le tableau des positions</a></civic-comparator>`,
  beforeEach: ({ msw }) => {
    const bad = demo();
    bad.positions[0]!.partyId = 'duplessis';
    bad.positions[1]!.stance = 7;
    msw.use(http.get('/comparaison.json', () => HttpResponse.json({ ...bad, scale: '5' })));
  },
};

export const ManyPartiesAndStatements: Story = {
  render: () => html`<civic-comparator api="/api" comparison="grand-tableau"></civic-comparator>`,
  beforeEach: ({ msw }) => msw.use(...backed(large())),
};

export const ManyPartiesResults: Story = {
  render: () => html`<civic-comparator api="/api" comparison="grand-tableau"></civic-comparator>`,
  beforeEach: ({ msw }) => msw.use(...backed(large())),
  play: toResults(Array.from({ length: 40 }, (_, i) => ((i * 5) % 7) - 3).map((x) => (Math.abs(x) > 2 ? null : x))),
};

export const Dark: Story = { beforeEach: ({ msw }) => msw.use(...backed(demo())), globals: { theme: 'dark' } };
export const English: Story = { beforeEach: ({ msw }) => msw.use(...backed(demo())), globals: { locale: 'en' }, play: toResults(ANSWERS) };

/** A phone 320 px wide: the table scrolls in its own region, the questionnaire reflows. */
export const NarrowPhone: Story = {
  render: () => html`<div style="max-inline-size:320px"><civic-comparator api="/api" comparison="chefs-numerique-2012"></civic-comparator></div>`,
  beforeEach: ({ msw }) => msw.use(...backed(demo())),
};
export const NarrowPhoneQuestionnaire: Story = {
  render: NarrowPhone.render!,
  beforeEach: ({ msw }) => msw.use(...backed(demo())),
  play: ({ canvasElement }) => answer(canvasElement, [1]),
};

export const Loading: Story = {
  beforeEach: ({ msw }) => msw.use(http.get('/api/comparisons/:id', async () => (await delay('infinite'), HttpResponse.json({})))),
};

export const LoadError: Story = {
  beforeEach: ({ msw }) => msw.use(http.get('/api/comparisons/:id', () => HttpResponse.json({ error: { kind: 'not-found', message: 'no comparison' } }, { status: 404 }))),
};

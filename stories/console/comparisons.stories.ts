import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { http, HttpResponse } from 'msw';
import { expect, waitFor } from 'storybook/test';
import type { ComparisonCreate } from '../../src/api/admin.js';
import { quebec2012 } from '../../server/comparisons/demo-data.js';
import '../../src/define/civic-comparator.js';
import '../../src/define/civic-provider.js';
import { consoleMeta, consoleStory, me, part, signedIn } from './console-story.js';

const at = new Date(Date.now() - 3600_000).toISOString();
/** The demo's comparison: the five leaders of the 2012 Québec election on digital issues (from the seeds). */
const demo = (over: Partial<ComparisonCreate> = {}) => ({ ...structuredClone(quebec2012), updatedAt: at, ...over });
const tally = (statementId: string, stances: number[], skipped: number, weighted: number) => ({ statementId, stances, skipped, weighted });

/** The console's API, mocked: who is signed in, the comparisons, and what readers answered. */
const api = (comparison = demo()) => [
  signedIn(me('editor')),
  http.get('/api/admin/comparisons', () =>
    HttpResponse.json({
      items: [
        { id: quebec2012.id, title: quebec2012.title, statementCount: 6, partyCount: 5, collectAnswers: true, answerCount: 128, updatedAt: at },
        { id: 'municipales-2025', title: 'Les candidats à la mairie et le transport', statementCount: 12, partyCount: 3, collectAnswers: false, answerCount: 0, updatedAt: at },
      ],
    }),
  ),
  http.get('/api/comparisons/:id', () => HttpResponse.json(comparison)),
  http.get('/api/admin/comparisons/:id/answers', () =>
    HttpResponse.json({
      comparisonId: quebec2012.id,
      respondentCount: 128,
      statements: [tally('ministere-numerique', [10, 14, 30, 40, 30], 4, 21), tally('logiciel-libre', [2, 6, 20, 50, 48], 2, 40), tally('donnees-ouvertes', [1, 3, 12, 52, 58], 2, 33)],
    }),
  ),
];

const screen = (canvas: HTMLElement) => part(canvas, 'civic-console-comparisons');
/** A story at the console's location `hash`, the API answering with `comparison`. */
const shows = (hash: string, comparison?: ReturnType<typeof demo>) => consoleStory(hash, () => api(comparison));

const meta: Meta = {
  title: 'Console/Comparisons',
  component: 'civic-console',
  ...consoleMeta(
    'The comparisons (voting advice) screens of the console: the list, and the editor of a comparison in parts (settings, statements, parties, the stance grid, import and export, preview, publish), checked with the contract as one types.',
  ),
};
export default meta;
type Story = StoryObj;

/** The comparisons, with their size and the answers they collected. */
export const List: Story = {
  ...shows('#/comparisons'),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(screen(canvasElement)?.querySelectorAll('tbody tr').length).toBe(2));
  },
};

/** A new comparison's settings, empty. */
export const NewComparison: Story = {
  ...shows('#/comparisons/new'),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(screen(canvasElement)?.querySelector('#f-id')).toBeTruthy());
  },
};

/** The demo's statements, each with its theme. */
export const Statements: Story = {
  ...shows(`#/comparisons/${quebec2012.id}/statements`),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(screen(canvasElement)?.querySelectorAll('.items > li').length).toBe(6));
  },
};

/** Saving with a party colour too light on white: refused beside the field, with the ratio and the reason, and listed under the form. */
export const ColourRefused: Story = {
  ...shows(`#/comparisons/${quebec2012.id}/parties`, demo({ parties: quebec2012.parties.map((p, i) => (i === 2 ? { ...p, colour: '#00a3c7' } : p)) })),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(screen(canvasElement)?.querySelectorAll('.items > li').length).toBe(5));
    screen(canvasElement)!.querySelector<HTMLButtonElement>('.save button')!.click();
    await waitFor(() => expect(screen(canvasElement)?.querySelector('#f-parties-2-colour-e')).toBeTruthy());
  },
};

/** The stance grid: a row per statement, a column per leader, "no answer" explicit, coverage under each column. */
export const StanceGrid: Story = {
  ...shows(`#/comparisons/${quebec2012.id}/grid`),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(screen(canvasElement)?.querySelector('#cell-5-4')).toBeTruthy());
  },
};

/** A CSV from a spreadsheet with two mistakes: both named by row and column, nothing imported. */
export const ImportProblems: Story = {
  ...shows(`#/comparisons/${quebec2012.id}/transfer`),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(screen(canvasElement)?.querySelector('#import-file')).toBeTruthy());
    const csv = [
      'statement_id,theme,statement,party_id,party,short_name,stance',
      'ministere-numerique,Gouvernance,Créer un ministère du numérique.,marois,Pauline Marois,Marois,-3',
      'ministere-numerique,Gouvernance,Créer un ministère du numérique.,charest,Jean Charest,Charest,0',
      'logiciel-libre,Logiciel libre,Faire une place au logiciel libre.,marois,Pauline Marois,PQ,1',
    ].join('\n');
    const files = new DataTransfer();
    files.items.add(new File([csv], 'positions.csv', { type: 'text/csv' }));
    const input = screen(canvasElement)!.querySelector<HTMLInputElement>('#import-file')!;
    input.files = files.files;
    input.dispatchEvent(new Event('change'));
    await waitFor(() => expect(screen(canvasElement)?.querySelectorAll('#import-problems li').length).toBe(2));
  },
};

/** The preview: the real widget with the draft, and what readers answered, statement by statement. */
export const Preview: Story = {
  ...shows(`#/comparisons/${quebec2012.id}/preview`),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(screen(canvasElement)?.querySelector('civic-comparator')?.shadowRoot?.querySelector('[part=matrix]')).toBeTruthy(), { timeout: 5000 });
    await waitFor(() => expect(screen(canvasElement)?.querySelector('#answers')).toBeTruthy());
  },
};

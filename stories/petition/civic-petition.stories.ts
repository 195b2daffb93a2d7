import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { delay, http, HttpResponse } from 'msw';
import { expect, waitFor } from 'storybook/test';
import { MemoryBackend } from '../../src/api/memory-backend.js';
import type { Petition } from '../../src/api/petition.js';
import '../../src/define/civic-petition.js';
import { restHandlers } from '../../test/mocks/rest.js';

const now = Date.now();
const petition = (over: Partial<Petition> = {}): Petition => ({
  id: 'plan-numerique',
  title: 'Pour un plan numérique pour le Québec',
  summary:
    'Nous, citoyennes et citoyens, demandons au gouvernement du Québec une stratégie numérique cohérente, construite avec la société civile.\n\nLe numérique est un levier de développement économique, social, culturel et démocratique : donnons-nous un plan.',
  url: 'https://example.org/plan-numerique',
  goal: 500,
  signatureCount: 342,
  status: 'open',
  closesAt: new Date(now + 60 * 86400_000).toISOString(),
  doubleOptIn: true,
  locale: 'fr',
  recentSigners: [
    { name: 'Marie T.', city: 'Rimouski', signedAt: new Date(now - 4 * 60_000).toISOString() },
    { name: 'Jean-François G.', city: 'Montréal', signedAt: new Date(now - 3 * 3600_000).toISOString() },
    { name: 'Sylvie B.', city: null, signedAt: new Date(now - 2 * 86400_000).toISOString() },
  ],
  createdAt: new Date(now - 30 * 86400_000).toISOString(),
  updatedAt: new Date(now).toISOString(),
  ...over,
});

/** A REST backend mocked by msw: the contract's handlers over a MemoryBackend holding `p`. */
const backed = (p: Petition) => restHandlers(new MemoryBackend({ petitions: [p] }));
const root = (canvas: HTMLElement) => canvas.querySelector('civic-petition')!.shadowRoot!;
async function sign(canvas: HTMLElement, email = 'helene.pare@example.org') {
  await waitFor(() => expect(root(canvas).querySelector('form')).toBeTruthy());
  const r = root(canvas);
  const set = (name: string, value: string) => {
    const input = r.querySelector<HTMLInputElement>(`[name=${name}]`)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  set('name', 'Hélène Paré');
  set('email', email);
  set('city', 'Sherbrooke');
  r.querySelector<HTMLButtonElement>('[part~=submit]')!.click();
}

const meta: Meta = {
  title: 'Widgets/Petition',
  component: 'civic-petition',
  render: () => html`<civic-petition api="/api" petition="plan-numerique"><a href="https://example.org/plan-numerique">Signer la pétition sur notre site</a></civic-petition>`,
  parameters: { docs: { description: { component: 'Paste `<script type="module" src=".../cdn/civic-petition.js">` and the tag below on any page.' } } },
};
export default meta;
type Story = StoryObj;

export const Open: Story = { beforeEach: ({ msw }) => msw.use(...backed(petition())) };

export const Loading: Story = {
  beforeEach: ({ msw }) => msw.use(http.get('/api/petitions/:id', async () => (await delay('infinite'), HttpResponse.json({})))),
};

export const AwaitingConfirmation: Story = {
  beforeEach: ({ msw }) => msw.use(...backed(petition())),
  play: async ({ canvasElement }) => {
    await sign(canvasElement);
    await waitFor(() => expect(root(canvasElement).textContent).toContain('Merci'));
  },
};

export const Signed: Story = {
  beforeEach: ({ msw }) => msw.use(...backed(petition({ doubleOptIn: false }))),
  play: async ({ canvasElement }) => {
    await sign(canvasElement);
    await waitFor(() => expect(root(canvasElement).textContent).toMatch(/comptée|counted/));
  },
};

export const AlreadySigned: Story = {
  beforeEach: ({ msw }) => {
    const memory = new MemoryBackend({ petitions: [petition()] });
    void memory.petitions.sign('plan-numerique', { name: 'Hélène Paré', email: 'helene.pare@example.org' }, { idempotencyKey: 'earlier' });
    msw.use(...restHandlers(memory));
  },
  play: async ({ canvasElement }) => {
    await sign(canvasElement);
    await waitFor(() => expect(root(canvasElement).querySelector('[role=alert]')).toBeTruthy());
  },
};

export const GoalReached: Story = { beforeEach: ({ msw }) => msw.use(...backed(petition({ signatureCount: 1_284, goal: 1_000 }))) };

export const Closed: Story = {
  beforeEach: ({ msw }) => msw.use(...backed(petition({ status: 'closed', closesAt: new Date(now - 86400_000).toISOString(), signatureCount: 1_873 }))),
};

export const LoadError: Story = {
  beforeEach: ({ msw }) => msw.use(http.get('/api/petitions/:id', () => HttpResponse.json({ error: { kind: 'server', message: 'boom' } }, { status: 500 }))),
};

export const OfflineQueued: Story = {
  beforeEach: ({ msw }) => {
    localStorage.removeItem('civic-outbox');
    msw.use(http.post('/api/petitions/:id/signatures', () => HttpResponse.error()), ...backed(petition()));
  },
  play: async ({ canvasElement }) => {
    await sign(canvasElement, 'hors.ligne@example.org');
    await waitFor(() => expect(root(canvasElement).textContent).toMatch(/hors ligne|offline/), { timeout: 8000 });
  },
};

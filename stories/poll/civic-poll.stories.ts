import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { delay, http, HttpResponse } from 'msw';
import { expect, waitFor } from 'storybook/test';
import { MemoryBackend } from '../../src/api/memory-backend.js';
import type { Poll, VoteInput } from '../../src/api/poll.js';
import '../../src/define/civic-poll.js';
import { argumentsOf, consultation, proposals, quickPoll } from '../../test/poll/data.js';
import { restHandlers } from '../../test/mocks/rest.js';

type Seed = [proposalId: string | null, input: VoteInput, count: number];
/** A REST backend mocked by msw: the contract's handlers over a MemoryBackend holding `poll`, with others' votes. */
async function backed(poll: Poll, seeds: Seed[] = []) {
  const memory = new MemoryBackend({ polls: { polls: [poll], proposals: poll.kind === 'consultation' ? proposals() : [], arguments: argumentsOf() } });
  for (const [proposalId, input, count] of seeds) await memory.polls.seed(poll.id, proposalId, input, count);
  return restHandlers(memory);
}
const quickVotes: Seed[] = [
  [null, { options: ['oui'] }, 214],
  [null, { options: ['non'] }, 61],
  [null, { options: ['sans-avis'] }, 37],
];
/** Votes that make some proposals agreed on, and others divisive. */
const consultationVotes: Seed[] = [
  ['education', { value: 'agree' }, 121],
  ['education', { value: 'mixed' }, 17],
  ['education', { value: 'disagree' }, 7],
  ['champions', { value: 'agree' }, 41],
  ['champions', { value: 'mixed' }, 22],
  ['champions', { value: 'disagree' }, 47],
  ['agents', { value: 'agree' }, 69],
  ['agents', { value: 'disagree' }, 12],
  ['journees', { value: 'agree' }, 3],
];

const root = (canvas: HTMLElement) => canvas.querySelector('civic-poll')!.shadowRoot!;
const button = (canvas: HTMLElement, label: string) =>
  [...root(canvas).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === label || b.textContent?.trim() === label.replace('Voter', 'Vote'));
/** Chooses the `index`th answer of a quick poll and votes. */
const voteFor = (...indexes: number[]) => async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  await waitFor(() => expect(root(canvasElement).querySelector('[part~=choices]')).toBeTruthy());
  for (const i of indexes) root(canvasElement).querySelectorAll<HTMLInputElement>('[part~=choices] input')[i]!.click();
  await new Promise((r) => setTimeout(r, 30));
  root(canvasElement).querySelector<HTMLButtonElement>('[part~=submit]')!.click();
  await waitFor(() => expect(root(canvasElement).querySelector('[part~=choices]')).toBeFalsy(), { timeout: 8000 });
};
const proposalsShown = async ({ canvasElement }: { canvasElement: HTMLElement }) =>
  waitFor(() => expect(root(canvasElement).querySelector('[part~=proposal]')).toBeTruthy(), { timeout: 8000 });

const meta: Meta = {
  title: 'Widgets/Poll',
  component: 'civic-poll',
  render: (_, { parameters }) =>
    html`<civic-poll api="/api" poll=${parameters['poll'] ?? 'ministere'}><a href="https://example.org/sondage">Répondre au sondage sur notre site</a></civic-poll>`,
  beforeEach: () => localStorage.removeItem('civic-outbox'),
  parameters: { docs: { description: { component: 'Paste `<script type="module" src=".../cdn/civic-poll.js">` and the tag below on any page.' } } },
};
export default meta;
type Story = StoryObj;
const consultationStory = (s: Story): Story => ({ ...s, parameters: { poll: 'contribuez', ...s.parameters } });

/* Quick polls. */

export const QuickPollBeforeVoting: Story = { beforeEach: async ({ msw }) => msw.use(...(await backed(quickPoll(), quickVotes))) };

export const QuickPollAfterVoting: Story = {
  beforeEach: async ({ msw }) => msw.use(...(await backed(quickPoll(), quickVotes))),
  play: voteFor(0),
};

export const ResultsHiddenUntilVote: Story = {
  name: 'Results hidden until one votes',
  beforeEach: async ({ msw }) => msw.use(...(await backed(quickPoll({ resultsVisibility: 'after-vote' }), quickVotes))),
};

export const ResultsAfterClose: Story = {
  name: 'Results hidden until the close (voted)',
  beforeEach: async ({ msw }) => msw.use(...(await backed(quickPoll({ resultsVisibility: 'after-close' }), quickVotes))),
  play: voteFor(1),
};

export const SingleChoice: Story = { beforeEach: async ({ msw }) => msw.use(...(await backed(quickPoll({ resultsVisibility: 'always' }), quickVotes))) };

export const Approval: Story = {
  name: 'Approval (up to 2)',
  beforeEach: async ({ msw }) =>
    msw.use(
      ...(await backed(
        quickPoll({
          title: 'Quelles priorités pour un ministère du Numérique ?',
          voteKind: 'approval',
          maxChoices: 2,
          resultsVisibility: 'always',
          options: [
            { id: 'donnees', label: 'Les données ouvertes' },
            { id: 'libre', label: 'Le logiciel libre dans l’État' },
            { id: 'regions', label: 'Internet haute vitesse en région' },
            { id: 'ecole', label: 'L’éducation au numérique' },
          ],
        }),
        [[null, { options: ['donnees', 'regions'] }, 40], [null, { options: ['ecole'] }, 12], [null, { options: ['libre', 'donnees'] }, 23]],
      )),
    ),
  play: voteFor(0, 3),
};

export const Agreement: Story = {
  name: 'Agree / mixed / disagree',
  beforeEach: async ({ msw }) =>
    msw.use(
      ...(await backed(quickPoll({ voteKind: 'agreement', options: [], resultsVisibility: 'always' }), [
        [null, { value: 'agree' }, 120],
        [null, { value: 'mixed' }, 45],
        [null, { value: 'disagree' }, 30],
      ])),
    ),
};

export const Support: Story = {
  name: 'Support (+1)',
  beforeEach: async ({ msw }) =>
    msw.use(...(await backed(quickPoll({ title: 'J’appuie la création d’un ministère du Numérique', voteKind: 'support', options: [], resultsVisibility: 'always' }), [[null, { value: 'support' }, 87]]))),
};

export const Upcoming: Story = {
  beforeEach: async ({ msw }) => msw.use(...(await backed(quickPoll({ opensAt: new Date(Date.now() + 5 * 86_400_000).toISOString() })))),
};

export const Closed: Story = {
  beforeEach: async ({ msw }) =>
    msw.use(...(await backed(quickPoll({ status: 'closed', closesAt: new Date(Date.now() - 86_400_000).toISOString(), resultsVisibility: 'after-close' }), quickVotes))),
};

export const EmailToConfirm: Story = {
  name: 'Email-confirmed poll, vote pending',
  beforeEach: async ({ msw }) => msw.use(...(await backed(quickPoll({ confirmEmail: true, resultsVisibility: 'always' }), quickVotes))),
  play: async (ctx) => {
    await voteFor(0)(ctx);
    await waitFor(() => expect(root(ctx.canvasElement).querySelector('[name=e-email]')).toBeTruthy());
  },
};

export const OfflineQueued: Story = {
  name: 'Offline: the vote is kept',
  beforeEach: async ({ msw }) => msw.use(http.put('/api/polls/:id/votes/:participant', () => HttpResponse.error()), ...(await backed(quickPoll(), quickVotes))),
  play: async ({ canvasElement }) => {
    await voteFor(1)({ canvasElement });
    await waitFor(() => expect(root(canvasElement).textContent).toMatch(/hors ligne|offline/), { timeout: 8000 });
  },
};

export const Loading: Story = {
  beforeEach: ({ msw }) => msw.use(http.get('/api/polls/:id', async () => (await delay('infinite'), HttpResponse.json({})))),
};

export const LoadError: Story = {
  name: 'Error',
  beforeEach: ({ msw }) => msw.use(http.get('/api/polls/:id', () => HttpResponse.json({ error: { kind: 'server', message: 'boom' } }, { status: 500 }))),
};

export const Dark: Story = { beforeEach: async ({ msw }) => msw.use(...(await backed(quickPoll(), quickVotes))), globals: { theme: 'dark' }, play: voteFor(0) };

export const English: Story = {
  beforeEach: async ({ msw }) => msw.use(...(await backed(quickPoll({ title: 'Should Québec have a ministry of digital affairs?', description: '', options: [{ id: 'oui', label: 'Yes' }, { id: 'non', label: 'No' }, { id: 'sans-avis', label: 'No opinion' }] }), quickVotes))),
  globals: { locale: 'en' },
  play: voteFor(0),
};

/* Consultations. */

export const Consultation: Story = consultationStory({ beforeEach: async ({ msw }) => msw.use(...(await backed(consultation(), consultationVotes))), play: proposalsShown });

export const ConsensusView: Story = consultationStory({
  name: 'Consensus: where participants agree, where they are divided',
  beforeEach: async ({ msw }) => msw.use(...(await backed(consultation(), consultationVotes))),
  play: async ({ canvasElement }) => waitFor(() => expect(root(canvasElement).querySelector('[part~=consensus]')).toBeTruthy(), { timeout: 8000 }),
});

export const VotedWithArguments: Story = consultationStory({
  name: 'Voted, arguments open',
  beforeEach: async ({ msw }) => msw.use(...(await backed(consultation(), consultationVotes))),
  play: async ({ canvasElement }) => {
    await proposalsShown({ canvasElement });
    const champions = [...root(canvasElement).querySelectorAll('[part~=proposal]')].find((a) => a.textContent?.includes('Un champion numérique'))!;
    [...champions.querySelectorAll<HTMLButtonElement>('button')].find((b) => /^(D’accord|Agree)$/.test(b.textContent!.trim()))!.click();
    [...champions.querySelectorAll<HTMLButtonElement>('button')].find((b) => /Arguments/.test(b.textContent!))!.click();
    await waitFor(() => expect(champions.querySelector('[part~=arguments]')).toBeTruthy());
  },
});

export const SubmissionModerated: Story = consultationStory({
  name: 'Submission with moderation',
  beforeEach: async ({ msw }) => msw.use(...(await backed(consultation(), consultationVotes))),
  play: async ({ canvasElement }) => {
    await proposalsShown({ canvasElement });
    button(canvasElement, 'Faire une proposition')?.click() ?? button(canvasElement, 'Make a proposal')?.click();
    await waitFor(() => expect(root(canvasElement).querySelector('[name=p-title]')).toBeTruthy());
    const set = (name: string, value: string) => {
      const el = root(canvasElement).querySelector<HTMLInputElement>(`[name=${name}]`)!;
      el.value = value;
      el.dispatchEvent(new Event('input'));
    };
    set('p-title', 'Des données ouvertes par défaut');
    set('p-body', 'Publier les données de l’État dans des formats ouverts, sauf raison contraire.');
    set('p-authorName', 'Cyrille');
    await new Promise((r) => setTimeout(r, 30));
    root(canvasElement).querySelector<HTMLButtonElement>('form[aria-labelledby=propose] [part~=submit]')!.click();
    // The thanks take the form's place, with a button that leads to the pending proposal.
    await waitFor(() => expect(root(canvasElement).querySelector('#proposed')).toBeTruthy(), { timeout: 8000 });
  },
});

export const ArgumentModerated: Story = consultationStory({
  name: 'Argument sent, waiting for moderation',
  beforeEach: async ({ msw }) => msw.use(...(await backed(consultation(), consultationVotes))),
  play: async ({ canvasElement }) => {
    await proposalsShown({ canvasElement });
    const champions = [...root(canvasElement).querySelectorAll('[part~=proposal]')].find((a) => a.textContent?.includes('Un champion numérique'))!;
    [...champions.querySelectorAll<HTMLButtonElement>('button')].find((b) => /Arguments/.test(b.textContent!))!.click();
    await waitFor(() => expect(champions.querySelector('form textarea')).toBeTruthy(), { timeout: 8000 });
    const set = (selector: string, value: string) => {
      const el = champions.querySelector<HTMLInputElement>(selector)!;
      el.value = value;
      el.dispatchEvent(new Event('input'));
    };
    set('form textarea', 'Une locomotive régionale attire aussi les talents.');
    set('form input[name$=authorName]', 'Mario');
    await new Promise((r) => setTimeout(r, 30));
    champions.querySelector<HTMLButtonElement>('form [part~=submit]')!.click();
    // The thanks show in the argument's own form, not at the top of the consultation.
    await waitFor(() => expect(champions.querySelector('form [part~=notice]')).toBeTruthy(), { timeout: 8000 });
  },
});

export const SubmissionErrors: Story = consultationStory({
  name: 'Submission with errors',
  beforeEach: async ({ msw }) => msw.use(...(await backed(consultation()))),
  play: async ({ canvasElement }) => {
    await proposalsShown({ canvasElement });
    (button(canvasElement, 'Faire une proposition') ?? button(canvasElement, 'Make a proposal'))!.click();
    await waitFor(() => expect(root(canvasElement).querySelector('form[aria-labelledby=propose]')).toBeTruthy());
    root(canvasElement).querySelector<HTMLButtonElement>('form[aria-labelledby=propose] [part~=submit]')!.click();
    await waitFor(() => expect(root(canvasElement).querySelector('[aria-invalid=true]')).toBeTruthy());
  },
});

export const ChoiceAmongProposals: Story = consultationStory({
  name: 'Approval among proposals',
  beforeEach: async ({ msw }) =>
    msw.use(...(await backed(consultation({ voteKind: 'approval', maxChoices: 2, allowProposals: false }), [[null, { options: ['education', 'agents'] }, 30], [null, { options: ['champions'] }, 11]]))),
  play: proposalsShown,
});

export const ConsultationClosed: Story = consultationStory({
  name: 'Consultation closed',
  beforeEach: async ({ msw }) => msw.use(...(await backed(consultation({ status: 'closed', closesAt: new Date(Date.now() - 86_400_000).toISOString() }), consultationVotes))),
  play: proposalsShown,
});

export const ConsultationEnglish: Story = consultationStory({
  name: 'Consultation in English',
  beforeEach: async ({ msw }) => msw.use(...(await backed(consultation(), consultationVotes))),
  globals: { locale: 'en' },
  play: proposalsShown,
});

export const ConsultationDark: Story = consultationStory({
  name: 'Consultation, dark page',
  beforeEach: async ({ msw }) => msw.use(...(await backed(consultation(), consultationVotes))),
  globals: { theme: 'dark' },
  play: proposalsShown,
});

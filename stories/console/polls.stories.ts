import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { http, HttpResponse } from 'msw';
import { expect } from 'storybook/test';
import type { Me } from '../../src/api/accounts.js';
import type { AdminPoll, PollExport } from '../../src/api/admin.js';
import type { PollListItem, PollQueueItem } from '../../src/api/lists.js';
import type { Proposal } from '../../src/api/poll.js';
import { at, consoleMeta, consoleStory, me, part, signedIn } from './console-story.js';

const now = Date.now();
const poll = (over: Partial<AdminPoll>): AdminPoll => ({
  id: 'budget-2027', kind: 'quick', title: 'Quelle priorité pour le budget 2027 ?', description: '', voteKind: 'single', status: 'open', opensAt: null, closesAt: null,
  resultsVisibility: 'after-vote', allowProposals: false, moderateProposals: true, confirmEmail: false, maxChoices: null, themes: [],
  options: [{ id: 'ecoles', label: 'Les écoles' }, { id: 'transports', label: 'Les transports' }, { id: 'sante', label: 'La santé' }],
  participantCount: 0, proposalCount: 0, locale: 'fr', createdAt: at(9000), updatedAt: at(60), integrity: 'address-limit', addressLimit: 30, addressPeriodMinutes: 60, ...over,
});
const proposal = (id: string, title: string, authorName: string, minutes: number): Proposal => ({
  id, pollId: 'mobilite', themeId: 'transports', title, body: `${title} : le détail de la proposition.`, authorName, status: 'published', argumentCount: 2, createdAt: at(minutes),
});
const consultation = poll({
  id: 'mobilite', kind: 'consultation', title: 'Mobilité 2030', voteKind: 'agreement', options: [], allowProposals: true, resultsVisibility: 'always',
  themes: [{ id: 'transports', title: 'Transports', description: 'Bus, tramway, vélo.' }], participantCount: 214, proposalCount: 3,
});
const proposals = [proposal('tram', 'Un tramway jusqu’à Charlesbourg', 'La ville', 9000), proposal('pistes', 'Des pistes cyclables protégées', 'Ana', 5000), proposal('gratuit', 'Le bus gratuit', 'Luc', 3000)];
const tally = (agree: number, mixed: number, disagree: number, agreement: number, division: number) => ({ tally: { counts: { agree, mixed, disagree }, total: agree + mixed + disagree }, agreement, division });
const exported: PollExport = {
  poll: consultation,
  results: { pollId: 'mobilite', visible: true, participantCount: 214, poll: null, proposals: { tram: tally(120, 30, 40, 0.56, 0.36), pistes: tally(150, 20, 10, 0.77, 0.07), gratuit: tally(80, 15, 85, 0.38, 0.76) } },
  proposals,
  timeline: Array.from({ length: 8 }, (_, i) => ({ at: new Date(Math.floor(now / 86400_000) * 86400_000 - (7 - i) * 86400_000).toISOString(), participants: [40, 35, 22, 30, 18, 25, 24, 20][i]! })),
  exportedAt: at(0),
};
const list: PollListItem[] = [
  { id: 'budget-2027', kind: 'quick', title: 'Quelle priorité pour le budget 2027 ?', status: 'open', voteKind: 'single', participantCount: 57, proposalCount: 0, pendingCount: 0, locale: 'fr', updatedAt: at(60) },
  { id: 'mobilite', kind: 'consultation', title: 'Mobilité 2030', status: 'open', voteKind: 'agreement', participantCount: 214, proposalCount: 3, pendingCount: 2, locale: 'fr', updatedAt: at(10) },
];
const queue: PollQueueItem[] = [
  { kind: 'proposal', poll: { id: 'mobilite', title: 'Mobilité 2030' }, proposal: { ...proposal('navette', 'Une navette fluviale', 'Chloé', 40), status: 'pending' }, argument: null },
  { kind: 'argument', poll: { id: 'mobilite', title: 'Mobilité 2030' }, proposal: proposals[2]!, argument: { id: 'a9', proposalId: 'gratuit', side: 'against', body: 'Qui paiera ?', authorName: 'Dan', status: 'pending', likeCount: 0, createdAt: at(20) } },
];

const api = (role: Me['role'], votes = 0) => [
  signedIn(me(role)),
  http.get('/api/admin/polls', () => HttpResponse.json({ items: list })),
  http.get('/api/admin/polls/budget-2027/results.json', () =>
    HttpResponse.json({ ...exported, poll: poll({ participantCount: votes }), results: { pollId: 'budget-2027', visible: true, participantCount: votes, poll: { tally: { counts: { ecoles: votes }, total: votes }, agreement: 0, division: 0 }, proposals: {} }, proposals: [], timeline: [] }),
  ),
  http.get('/api/admin/polls/mobilite/results.json', () => HttpResponse.json(exported)),
  http.get('/api/admin/queue/comments', () => HttpResponse.json({ items: [], nextCursor: null, total: 0 })),
  http.get('/api/admin/queue/proposals', () => HttpResponse.json({ items: queue, total: queue.length })),
  http.get('/api/polls/budget-2027', () => HttpResponse.json(poll({}))),
];

/** A story at `hash` for an organiser of `role` (`votes` on the quick poll), shown once `ready(canvas)` is there. */
const story = (hash: string, role: Me['role'], ready: (canvas: HTMLElement) => unknown, votes = 0): StoryObj =>
  consoleStory(hash, () => api(role, votes), (c) => expect(ready(c)).toBeTruthy(), 4000);

const meta: Meta = {
  title: 'Console/Polls',
  component: 'civic-console',
  ...consoleMeta('Polls and consultations in the console: the list, the editors (checked as one types), the results, moderation of proposals and arguments.'),
};
export default meta;
type Story = StoryObj;

/** Every poll and consultation, with participants and what waits for moderation. */
export const List: Story = story('#/polls', 'editor', (c) => part(c, 'civic-console-polls')?.querySelector('table'));
/** A new quick poll: two empty options to start, the time zone beside the dates. */
export const NewQuickPoll: Story = story('#/polls/new', 'editor', (c) => part(c, 'civic-console-polls', 'civic-console-poll-editor')?.querySelector('#f-options-1-label'));
/** A poll with votes: its vote kind and voted option are locked, and say why. */
export const EditWithVotes: Story = story('#/polls/budget-2027', 'editor', (c) => part(c, 'civic-console-polls', 'civic-console-poll-editor')?.querySelector('#f-options-0-label-u'), 12);
/** A consultation: themes, participants' proposals (pre-moderated), and the organiser's own proposals. */
export const Consultation: Story = story('#/polls/mobilite', 'editor', (c) => part(c, 'civic-console-polls', 'civic-console-poll-editor')?.querySelector('#proposal-form'));
/** A consultation's results: consensus and division, stacked bars with their numbers, participants over time, exports. */
export const Results: Story = story('#/polls/mobilite/results', 'editor', (c) => part(c, 'civic-console-polls', 'civic-console-poll-results')?.querySelector('svg'));
/** Publish a poll: its snippet and the copy button. */
export const Publish: Story = story('#/publish/poll/budget-2027', 'editor', (c) => part(c, 'civic-console-publish')?.querySelector('textarea'));
/** Proposals and arguments held for moderation, in the same queue as comments, with bulk actions. */
export const ModerationQueue: Story = story('#/moderation', 'moderator', (c) => part(c, 'civic-console-moderation')?.querySelectorAll('article').length === 2);

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { http, HttpResponse, sse } from 'msw';
import { expect } from 'storybook/test';
import type { AuditEntry, Me } from '../../src/api/accounts.js';
import type { AdminComparison, AdminPetition, AdminThread, PollListItem, Signer } from '../../src/api/lists.js';
import { accounts, at, clickThrough, consoleMeta, consoleStory, me, part, signedIn } from './console-story.js';
const petitions: AdminPetition[] = [
  { id: 'plan-numerique', title: 'Pour un plan numérique pour le Québec', summary: 'Une stratégie numérique.', url: null, goal: 500, signatureCount: 342, status: 'open', closesAt: null, doubleOptIn: true, locale: 'fr', createdAt: at(40_000), updatedAt: at(5), pendingCount: 4 },
  { id: 'parc-riverain', title: 'Un parc au bord du fleuve', summary: 'Un parc public.', url: null, goal: 50, signatureCount: 12, status: 'closed', closesAt: null, doubleOptIn: false, locale: 'fr', createdAt: at(90_000), updatedAt: at(9000), pendingCount: 0 },
];
const thread = (id: string, title: string, over: Partial<AdminThread> = {}): AdminThread => ({
  id, url: `https://blogue.example/${id}`, title, status: 'open', moderation: 'post', commentCount: 18, mentionCount: 1, maxDepth: 3, editWindowSeconds: 900,
  challenge: false, createdAt: at(3000), pendingCount: 0, flaggedCount: 0, ...over,
});
const threads = [thread('groupe-plan-numerique', 'Un plan numérique', { pendingCount: 2, flaggedCount: 1 }), thread('budget-2027', 'Le budget participatif', { moderation: 'pre', status: 'closed', commentCount: 64 })];
const polls: PollListItem[] = [
  { id: 'budget-2027', kind: 'consultation', title: 'Budget participatif 2027', status: 'open', voteKind: 'approval', participantCount: 87, proposalCount: 14, pendingCount: 3, locale: 'fr', updatedAt: at(60) },
];
const comparisons: AdminComparison[] = [{ id: 'municipales', title: 'Municipales : qui pense quoi ?', statementCount: 20, partyCount: 5, collectAnswers: true, answerCount: 230, updatedAt: at(9000) }];
const signer = (id: string, name: string, over: Partial<Signer> = {}): Signer => ({
  id, name, email: `${name.toLowerCase().normalize('NFD').replace(/[^a-z ]/g, '').replace(/ /g, '.')}@example.org`, postalCode: 'G1R 2B5', city: 'Québec', comment: null,
  showName: true, acceptUpdates: false, status: 'confirmed', signedAt: at(Number(id) * 7), confirmedAt: at(Number(id) * 7 - 1), ...over,
});
const signers = [signer('9', 'Jeanne Ouellet'), signer('8', 'Luc Tremblay', { status: 'pending', confirmedAt: null }), signer('7', 'Zoé Gagnon')];
const audit: AuditEntry[] = [
  { id: '31', at: at(2), actor: { kind: 'account', id: '1', role: 'owner' }, action: 'updatePetition', item: { type: 'petition', id: 'plan-numerique' }, change: { goal: 500 } },
  { id: '30', at: at(40), actor: { kind: 'account', id: '2', role: 'moderator' }, action: 'setThreadStatus', item: { type: 'thread', id: 'budget-2027' }, change: { status: 'closed' } },
  { id: '29', at: at(300), actor: { kind: 'token', id: null, role: 'owner' }, action: 'deleteSigner', item: { type: 'signature', id: 'plan-numerique/12' }, change: null },
];

/** The console's API, mocked: who is signed in, the lists, the event streams. */
const api = (who: Me, empty = false) => [
  signedIn(who),
  http.get('/api/admin/petitions', () => HttpResponse.json({ items: empty ? [] : petitions })),
  http.get('/api/admin/threads', () => HttpResponse.json({ items: empty ? [] : threads })),
  http.get('/api/admin/polls', () => HttpResponse.json({ items: empty ? [] : polls })),
  http.get('/api/admin/comparisons', () => HttpResponse.json({ items: empty ? [] : comparisons })),
  sse('/api/petitions/:id/events', ({ client }) => client.send({ data: JSON.stringify({ type: 'petition', signatureCount: 343, goal: 500, status: 'open', recentSigners: [] }) })),
  sse('/api/threads/:id/events', ({ client }) => client.send({ data: JSON.stringify({ type: 'thread', commentCount: 19, mentionCount: 1, status: 'open' }) })),
  sse('/api/polls/:id/events', () => undefined),
  http.get('/api/petitions/:id', () => HttpResponse.json({ ...petitions[0]!, recentSigners: [] })),
  http.get('/api/admin/petitions/:id/signatures', () => HttpResponse.json({ items: signers, nextCursor: '7', total: 41 })),
  http.get('/api/threads/:id', () => HttpResponse.json(threads[0])),
  accounts(),
  http.get('/api/admin/audit', () => HttpResponse.json({ items: audit, nextCursor: '29', total: 212 })),
];


const meta: Meta = {
  title: 'Console/Screens',
  component: 'civic-console',
  ...consoleMeta('The console\u2019s screens in their states: the dashboard, a petition\u2019s signers, comment threads, Publish, the audit log.'),
};
export default meta;

/** The home screen: every item with its count (the recent ones live), and what waits for moderation. */
export const Dashboard = consoleStory('#/dashboard', () => api(me('owner')), (c) => expect(part(c, 'civic-console-dashboard')?.querySelectorAll('table').length).toBe(4));

/** A console with nothing in it yet. */
export const DashboardEmpty = consoleStory('#/dashboard', () => api(me('editor'), true), (c) => expect(part(c, 'civic-console-dashboard')?.querySelectorAll('h2').length).toBe(5));

/** A petition's signers: search, confirmation state, pages, CSV. */
export const Signers = consoleStory('#/signers/plan-numerique', () => api(me('editor')), (c) => expect(part(c, 'civic-console-signers')?.querySelectorAll('tbody tr').length).toBe(3));

/** Erasing a signature is asked again, in place. */
export const SignersConfirmErase: StoryObj = {
  ...consoleStory('#/signers/plan-numerique', () => api(me('editor'))),
  play: ({ canvasElement }) => clickThrough(canvasElement, 'civic-console-signers', '[data-erase="9"]', '[data-erase="9"]', '#confirm-erase'),
};

/** Comment threads as a moderator sees them: what waits, open and close. */
export const Threads = consoleStory('#/threads', () => api(me('moderator')), (c) => expect(part(c, 'civic-console-threads')?.querySelectorAll('tbody tr').length).toBe(2));

/** A new thread sent empty: each error beside its field, the focus on the first. */
export const ThreadErrors: StoryObj = {
  ...consoleStory('#/threads/new', () => api(me('editor'))),
  play: ({ canvasElement }) => clickThrough(canvasElement, 'civic-console-threads', 'form', 'button.primary', '#f-id-e'),
};

/** Editing a thread: its settings, close, Publish. */
export const ThreadEdit = consoleStory('#/threads/groupe-plan-numerique', () => api(me('owner')), (c) => expect(part(c, 'civic-console-threads')?.querySelector<HTMLInputElement>('[name=title]')?.value).toBe('Un plan numérique'));

/** Publish a petition: the code to paste, the copy button, the preview (the widget's CDN file is not served here). */
export const PublishPetition = consoleStory('#/publish/plan-numerique', () => api(me('editor')), (c) => expect(part(c, 'civic-console-publish')?.querySelector('textarea')?.value).toContain('<civic-petition petition="plan-numerique"'));

/** Publish a comment thread. */
export const PublishThread = consoleStory('#/publish/thread/groupe-plan-numerique', () => api(me('editor')), (c) => expect(part(c, 'civic-console-publish')?.querySelector('textarea')?.value).toContain('<civic-comments thread="groupe-plan-numerique"'));

/** The audit log: filters, entries in words, pages, CSV. */
export const AuditLog = consoleStory('#/audit', () => api(me('owner')), (c) => expect(part(c, 'civic-console-audit')?.querySelectorAll('tbody tr').length).toBe(3));

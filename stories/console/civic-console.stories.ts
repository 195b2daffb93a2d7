import type { Meta } from '@storybook/web-components-vite';
import { http, HttpResponse } from 'msw';
import { expect } from 'storybook/test';
import type { Me } from '../../src/api/accounts.js';
import type { AdminPetition, QueueItem } from '../../src/api/lists.js';
import { accounts, at, consoleMeta, consoleStory, me, part, session, signedIn } from './console-story.js';
const petition = (over: Partial<AdminPetition>): AdminPetition => ({
  id: 'plan-numerique', title: 'Pour un plan numérique pour le Québec', summary: 'Une stratégie numérique cohérente.', url: null, goal: 500,
  signatureCount: 342, status: 'open', closesAt: null, doubleOptIn: true, locale: 'fr', createdAt: at(40_000), updatedAt: at(60), pendingCount: 4, ...over,
});
const comment = (id: string, name: string, body: string, status: 'pending' | 'published', flagCount = 0) => ({
  id, threadId: 'plan-numerique', parentId: null, depth: 0, replyToName: null, author: { name, website: null }, body, status, likeCount: 0, pinned: false,
  createdAt: at(Number(id) * 10), editedAt: null, emailGiven: false, replyMails: false, flagCount,
});
const queue: QueueItem[] = [
  { comment: comment('41', 'Luc Tremblay', 'Est-ce qu’il y aura une rencontre en ligne ?', 'pending'), thread: { id: 'plan-numerique', title: 'Un plan numérique', url: null }, parent: null, others: [], otherCount: 0 },
  { comment: comment('42', 'Promo Rapide', 'Gagnez de l’argent vite !', 'published', 3), thread: { id: 'plan-numerique', title: 'Un plan numérique', url: null }, parent: null, others: [], otherCount: 2 },
];

/** The console's API, mocked: who is signed in, and the lists its screens show. */
const api = (who: Me | null) => [
  who ? signedIn(who) : http.get('/api/auth/me', () => HttpResponse.json({ error: { kind: 'unauthorized', message: 'sign in' } }, { status: 401 })),
  http.post('/api/auth/sign-in', () => HttpResponse.json({ status: 'sent' }, { status: 202 })),
  http.get('/api/admin/petitions', () => HttpResponse.json({ items: [petition({}), petition({ id: 'parc-riverain', title: 'Un parc au bord du fleuve', signatureCount: 12, goal: 50, status: 'closed', pendingCount: 0 })] })),
  http.get('/api/admin/queue/comments', () => HttpResponse.json({ items: queue, nextCursor: null, total: queue.length })),
  http.get('/api/admin/queue/proposals', () => HttpResponse.json({ items: [], total: 0 })),
  http.post('/api/admin/comments/:id/:action', () => HttpResponse.json({ error: { kind: 'forbidden', message: 'role' } }, { status: 403 })),
  http.get('/api/auth/sessions', () => HttpResponse.json({ items: [session] })),
  accounts(),
];

const meta: Meta = {
  title: 'Console/Console',
  component: 'civic-console',
  ...consoleMeta('The organisers\u2019 console, served by the reference server at `/admin/`. Each screen is a chunk loaded when first shown.'),
};
export default meta;

/** No session: the sign-in screen. */
export const SignIn = consoleStory('', () => api(null), (c) => expect(part(c, 'civic-console-sign-in')?.querySelector('form [name=email]')).toBeTruthy());

/** An owner's petitions. */
export const Petitions = consoleStory('#/petitions', () => api(me('owner')), (c) => expect(part(c, 'civic-console-petitions')?.querySelector('table')).toBeTruthy());

/** A moderator's queue; the actions are refused here (the mock answers 403), showing how a refusal looks. */
export const Moderation = consoleStory('#/moderation', () => api(me('moderator')), (c) => expect(part(c, 'civic-console-moderation')?.querySelectorAll('article').length).toBe(2));

/** An owner's accounts and sessions. */
export const Accounts = consoleStory('#/accounts', () => api(me('owner')), (c) => expect(part(c, 'civic-console-accounts')?.querySelector('table')).toBeTruthy());

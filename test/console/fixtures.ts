/** Data and helpers the console's msw tests share: the signed-in account, polls as the server writes them. */
import type { Me } from '../../src/api/accounts.js';
import type { AdminPoll, PollExport } from '../../src/api/admin.js';
import type { Endpoint } from '../../src/api/operation.js';
import type { Argument, Proposal } from '../../src/api/poll.js';
import type { CivicConsole } from '../../src/console/civic-console.js';
import { waitUntil } from '../helpers.js';

/** An msw route for an operation of the table. */
export const route = (op: Endpoint) => `/api${op.path.replace(/\{(\w+)\}/g, ':$1')}`;
export const at = new Date(Date.now() - 3600_000).toISOString();

export const who = (role: Me['role']): Me => ({
  via: 'session',
  role,
  account: { id: '1', email: 'org@example.org', name: 'Organisatrice', role, createdAt: at, lastSignInAt: at, passkeyCount: 0 },
  session: { id: '3', current: true, createdAt: at, lastSeenAt: at, expiresAt: at, userAgent: 'Chrome', method: 'link' },
});

export const adminPoll = (over: Partial<AdminPoll> = {}): AdminPoll => ({
  id: 'budget-2027', kind: 'quick', title: 'Quelle priorité pour le budget 2027 ?', description: '', voteKind: 'single', status: 'open',
  opensAt: null, closesAt: null, resultsVisibility: 'after-vote', allowProposals: false, moderateProposals: true, confirmEmail: false,
  maxChoices: null, themes: [], options: [{ id: 'ecoles', label: 'Les écoles' }, { id: 'transports', label: 'Les transports' }],
  participantCount: 0, proposalCount: 0, locale: 'fr', createdAt: at, updatedAt: at,
  integrity: 'address-limit', addressLimit: 30, addressPeriodMinutes: 60, challenge: false,
  ...over,
});

export const proposal = (id: string, title: string, over: Partial<Proposal> = {}): Proposal => ({
  id, pollId: 'consult', themeId: null, title, body: `Le texte de ${title}.`, authorName: 'Ana', status: 'published', argumentCount: 0, createdAt: at, ...over,
});

export const argument = (id: string, proposalId: string, over: Partial<Argument> = {}): Argument => ({
  id, proposalId, side: 'for', body: 'Un argument.', authorName: 'Béa', status: 'pending', likeCount: 0, createdAt: at, ...over,
});

export const exported = (poll: AdminPoll, over: Partial<PollExport> = {}): PollExport => ({
  poll,
  results: { pollId: poll.id, visible: true, participantCount: poll.participantCount, poll: null, proposals: {} },
  proposals: [],
  timeline: [],
  exportedAt: at,
  ...over,
});

/** The screen (or a part inside it) the console shows, once `selector` is there in it. */
export async function screen(el: CivicConsole, path: string[], selector: string, timeout = 4000): Promise<ShadowRoot> {
  const find = () => {
    let root: ShadowRoot | null | undefined = el.shadowRoot;
    for (const tag of path) root = root?.querySelector(tag)?.shadowRoot;
    return root;
  };
  await waitUntil(() => find()?.querySelector(selector), `waiting for ${path.join(' > ')} ${selector}`, { timeout });
  return find()!;
}
export const said = (el: CivicConsole) => el.shadowRoot!.querySelector('div.sr-only[role=status]')!.textContent ?? '';

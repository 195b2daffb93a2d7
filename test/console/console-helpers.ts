/** What the console's screen tests share: msw routes from the table, signed-in accounts, list items, finding a screen. */
import type { Me } from '../../src/api/accounts.js';
import type { AdminComparison, AdminPetition, AdminThread, PollListItem, Signer } from '../../src/api/lists.js';
import type { Endpoint } from '../../src/api/operation.js';
import type { CivicConsole } from '../../src/console/civic-console.js';
import { http, HttpResponse, type RequestHandler } from 'msw';
import { me } from '../../src/api/routes/accounts.js';
import { waitUntil } from '../helpers.js';
import { startWorker, worker } from '../mocks/worker.js';

/** An msw route for an operation of the table. */
export const route = (op: Pick<Endpoint, 'path'>) => `/api${op.path.replace(/\{(\w+)\}/g, ':$1')}`;
/** An instant `minutes` ago. */
export const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

export const who = (role: Me['role']): Me => ({
  via: 'session',
  role,
  account: { id: '1', email: 'camille@example.org', name: 'Camille', role, createdAt: ago(9000), lastSignInAt: ago(60), passkeyCount: 0 },
  session: { id: '3', current: true, createdAt: ago(60), lastSeenAt: ago(1), expiresAt: ago(-600), userAgent: 'Chrome', method: 'link' },
});

export const petition = (over: Partial<AdminPetition> = {}): AdminPetition => ({
  id: 'plan-numerique', title: 'Pour un plan numérique', summary: 'Une stratégie.', url: null, goal: 500, signatureCount: 342,
  status: 'open', closesAt: null, doubleOptIn: true, locale: 'fr', createdAt: ago(40_000), updatedAt: ago(60), pendingCount: 4, ...over,
});

export const thread = (over: Partial<AdminThread> = {}): AdminThread => ({
  id: 'billet-parc', url: 'https://blogue.example/parc', title: 'Un parc au bord du fleuve', status: 'open', moderation: 'post',
  commentCount: 12, mentionCount: 0, maxDepth: 3, editWindowSeconds: 900, challenge: false, createdAt: ago(3000), pendingCount: 0, flaggedCount: 0, ...over,
});

export const poll = (over: Partial<PollListItem> = {}): PollListItem => ({
  id: 'budget-2027', kind: 'consultation', title: 'Budget participatif 2027', status: 'open', voteKind: 'approval',
  participantCount: 87, proposalCount: 14, pendingCount: 0, locale: 'fr', updatedAt: ago(500), ...over,
});

export const comparison = (over: Partial<AdminComparison> = {}): AdminComparison => ({
  id: 'municipales', title: 'Municipales : qui pense quoi ?', statementCount: 20, partyCount: 5, collectAnswers: true, answerCount: 230, updatedAt: ago(9000), ...over,
});

export const signer = (id: string, name: string, over: Partial<Signer> = {}): Signer => ({
  id, name, email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.org`, postalCode: null, city: 'Québec', comment: null, showName: true,
  acceptUpdates: false, status: 'confirmed', signedAt: ago(Number(id) * 10), confirmedAt: ago(Number(id) * 10 - 1), ...over,
});

/** The screen the console shows (or a part inside it: a path of tags), once `selector` is there in it. */
export async function screen(el: CivicConsole, tags: string | string[], selector: string, timeout = 4000): Promise<ShadowRoot> {
  const path = typeof tags === 'string' ? [tags] : tags;
  const find = () => {
    let root: ShadowRoot | null | undefined = el.shadowRoot;
    for (const tag of path) root = root?.querySelector(tag)?.shadowRoot;
    return root;
  };
  await waitUntil(() => find()?.querySelector(selector), `waiting for ${path.join(' > ')} ${selector}`, { timeout });
  return find()!;
}

/** The hooks of a describe block of console tests: msw's worker started, its handlers and the hash reset after each. */
export function consoleSuite(): void {
  before(startWorker);
  afterEach(() => {
    worker.resetHandlers();
    location.hash = '';
  });
}

/** Answers `me` as an account of `role`, with the `handlers` a test adds. */
export const signedIn = (role: Me['role'], ...handlers: RequestHandler[]) =>
  worker.use(http.get(route(me), () => HttpResponse.json(who(role))), ...handlers);

/** What the console's live region says. */
export const said = (el: CivicConsole) => el.shadowRoot!.querySelector('div.sr-only[role=status]')!.textContent ?? '';

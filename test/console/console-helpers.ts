/** What the console's screen tests share: msw routes from the table, signed-in accounts, list items, finding a screen. */
import type { Me } from '../../src/api/accounts.js';
import type { AdminComparison, AdminPetition, AdminThread, PollListItem, Signer } from '../../src/api/lists.js';
import type { Endpoint, Method } from '../../src/api/operation.js';
import type { CivicConsole } from '../../src/console/civic-console.js';
import { html } from 'lit';
import { http, HttpResponse, type JsonBodyType, type RequestHandler } from 'msw';
import { me } from '../../src/api/routes/accounts.js';
import { mount, sendKeys, waitUntil } from '../helpers.js';
import { startWorker, worker } from '../mocks/worker.js';

/** An msw route for an operation of the table. */
export const route = (op: Pick<Endpoint, 'path'>) => `/api${op.path.replace(/\{(\w+)\}/g, ':$1')}`;
/** An msw handler answering the operation `op` with `body` as JSON (with `init`'s status). */
export const answer = (op: Pick<Endpoint, 'method' | 'path'>, body: JsonBodyType, init?: ResponseInit) =>
  http[op.method.toLowerCase() as Lowercase<Method>](route(op), () => HttpResponse.json(body, init));
/** msw handlers refusing the operations `ops` as the server does: `status` and `{ error: { kind, message } }`. */
export const refuse = (status: number, kind: string, message: string, ...ops: Pick<Endpoint, 'method' | 'path'>[]) =>
  ops.map((op) => answer(op, { error: { kind, message } }, { status }));
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
  worker.use(answer(me, who(role)), ...handlers);

/** The console mounted in `lang` over msw's `/api`, showing the screen of `hash` (e.g. `#/polls/new`) if given. */
export async function openConsole(lang: 'en' | 'fr', hash?: string): Promise<CivicConsole> {
  if (hash !== undefined) location.hash = hash;
  return mount<CivicConsole>(html`<civic-console lang=${lang} api="/api"></civic-console>`);
}

/** What the console's live region says. */
export const said = (el: CivicConsole) => el.shadowRoot!.querySelector('div.sr-only[role=status]')!.textContent ?? '';

/** A key pressed in the moderation queue, then the heading the item with the focus starts with, and what is announced. */
export type QueueStep = [key: string, focus?: string, announced?: string];

/** Puts the focus on the first item of the queue in `root`, then plays `steps`: each key, then waits for what it announces and for the focus. */
export async function byKeyboard(el: CivicConsole, root: ShadowRoot, steps: QueueStep[]): Promise<void> {
  const focused = () => root.activeElement?.querySelector('h2')?.textContent ?? '';
  root.querySelector<HTMLElement>('article')!.focus();
  for (const [key, focus, announced] of steps) {
    await sendKeys({ press: key });
    if (announced) await waitUntil(() => said(el) === announced, `announced: ${announced} (said: ${said(el)})`);
    if (focus) await waitUntil(() => focused().startsWith(focus), `the focus on ${focus} (it is on ${focused()})`);
  }
}

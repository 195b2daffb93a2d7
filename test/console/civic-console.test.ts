/**
 * <civic-console> in Chromium over msw: the handlers answer the route table's operations (their
 * paths taken from the table). Signing in, the moderation queue by keyboard, a role refused, and
 * axe in each state.
 */
import { html } from 'lit';
import { http, HttpResponse } from 'msw';
import type { QueueItem } from '../../src/api/lists.js';
import { me, requestSignIn } from '../../src/api/routes/accounts.js';
import { approveComment, commentQueue, listPetitions, pollQueue, rejectComment } from '../../src/api/routes/admin.js';
import type { CivicConsole } from '../../src/console/civic-console.js';
import '../../src/define/civic-console.js';
import { expect, mount, sendKeys, type, waitUntil } from '../helpers.js';
import { worker } from '../mocks/worker.js';
import { ago, consoleSuite, route, said, screen, signedIn } from './console-helpers.js';

const at = ago(60);
const item = (id: string, name: string): QueueItem => ({
  comment: { id, threadId: 'billet', parentId: null, depth: 0, replyToName: null, author: { name, website: null }, body: `Le commentaire de ${name}.`, status: 'pending', likeCount: 0, pinned: false, createdAt: at, editedAt: null, emailGiven: false, replyMails: false, flagCount: 0 },
  thread: { id: 'billet', title: 'Un billet', url: null },
  parent: null,
  others: [],
  otherCount: 0,
});


describe('<civic-console>', () => {
  consoleSuite();

  it('without a session shows the sign-in screen, checks the email, and says a link is on its way', async () => {
    let asked: unknown;
    worker.use(
      http.get(route(me), () => HttpResponse.json({ error: { kind: 'unauthorized', message: 'sign in' } }, { status: 401 })),
      http.post(route(requestSignIn), async ({ request }) => ((asked = await request.json()), HttpResponse.json({ status: 'sent' }, { status: 202 }))),
    );
    const el = await mount<CivicConsole>(html`<civic-console lang="en" api="/api"></civic-console>`);
    const root = await screen(el, 'civic-console-sign-in', 'form');
    expect(root.querySelector('h1')!.textContent).to.equal('Sign in to the console');
    await expect(el).to.be.accessible();
    root.querySelector<HTMLButtonElement>('button')!.click();
    await waitUntil(() => root.querySelector('.error'));
    expect(root.querySelector('.error')!.textContent).to.equal('Required');
    expect(root.activeElement?.getAttribute('name')).to.equal('email');
    await type(root.querySelector<HTMLInputElement>('[name=email]')!, 'modo@example.org');
    root.querySelector<HTMLButtonElement>('button')!.click();
    await waitUntil(() => root.querySelector('[role=status] p'));
    expect(root.querySelector('[role=status] p')!.textContent).to.contain('If modo@example.org has an account');
    expect(asked).to.deep.equal({ email: 'modo@example.org', locale: 'en' });
    await expect(el).to.be.accessible();
  });

  it('a moderator works the queue by keyboard: j/k move, a approves, r rejects; focus moves on, outcomes announced', async () => {
    const acted: string[] = [];
    signedIn(
      'moderator',
      http.get(route(commentQueue), () => HttpResponse.json({ items: [item('1', 'Ana'), item('2', 'Béa'), item('3', 'Chloé')], nextCursor: null, total: 3 })),
      http.get(route(pollQueue), () => HttpResponse.json({ items: [], total: 0 })),
      http.post(route(approveComment), ({ params }) => (acted.push(`approve ${params['id']}`), HttpResponse.json({ ...item(String(params['id']), '').comment, status: 'published' }))),
      http.post(route(rejectComment), ({ params }) => (acted.push(`reject ${params['id']}`), HttpResponse.json({ ...item(String(params['id']), '').comment, status: 'rejected' }))),
    );
    location.hash = '#/moderation';
    const el = await mount<CivicConsole>(html`<civic-console lang="en" api="/api"></civic-console>`);
    const root = await screen(el, 'civic-console-moderation', 'article');
    // A moderator's navigation has no Accounts for owners only... but has its own screens.
    const nav = [...el.shadowRoot!.querySelectorAll('nav a')].map((a) => a.textContent);
    expect(nav).to.deep.equal(['Dashboard', 'Petitions', 'Polls', 'Threads', 'Moderation', 'Accounts']);
    expect(el.shadowRoot!.querySelector('nav a[aria-current=page]')!.textContent).to.equal('Moderation');
    await expect(el).to.be.accessible();
    const focused = () => root.activeElement?.querySelector('h2')?.textContent ?? '';
    root.querySelector<HTMLElement>('article')!.focus();
    await sendKeys({ press: 'j' });
    await waitUntil(() => focused().startsWith('Béa'));
    await sendKeys({ press: 'j' });
    await waitUntil(() => focused().startsWith('Chloé'));
    await sendKeys({ press: 'k' });
    await sendKeys({ press: 'a' });
    await waitUntil(() => said(el) === 'Comment by Béa approved.', 'approved');
    await waitUntil(() => focused().startsWith('Chloé'), 'the next comment has the focus');
    await sendKeys({ press: 'r' });
    await waitUntil(() => said(el) === 'Comment by Chloé rejected.', 'rejected');
    await waitUntil(() => focused().startsWith('Ana'), 'the last one gone, the one before has the focus');
    expect(acted).to.deep.equal(['approve 2', 'reject 3']);
    expect(root.querySelectorAll('article')).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('shows the server\u2019s refusal of a role, and an owner\u2019s petitions in French', async () => {
    signedIn(
      'editor',
      http.get(route(commentQueue), () => HttpResponse.json({ error: { kind: 'forbidden', message: 'this needs the moderator role' } }, { status: 403 })),
      http.get(route(pollQueue), () => HttpResponse.json({ error: { kind: 'forbidden', message: 'this needs the moderator role' } }, { status: 403 })),
      http.get(route(listPetitions), () => HttpResponse.json({ items: [] })),
    );
    location.hash = '#/moderation';
    const el = await mount<CivicConsole>(html`<civic-console lang="fr" api="/api"></civic-console>`);
    const root = await screen(el, 'civic-console-moderation', '[role=alert]');
    expect(root.querySelector('[role=alert]')!.textContent).to.equal('Votre rôle ne permet pas cette action. Demandez à un propriétaire de la console.');
    // An editor's navigation does not offer moderation (but offers comparisons).
    expect([...el.shadowRoot!.querySelectorAll('nav a')].map((a) => a.textContent)).to.deep.equal(['Tableau de bord', 'Pétitions', 'Sondages', 'Comparateurs', 'Fils', 'Comptes']);
    await expect(el).to.be.accessible();
    location.hash = '#/petitions';
    const list = await screen(el, 'civic-console-petitions', 'p:not([role])');
    await waitUntil(() => list.textContent?.includes('Aucune pétition pour l’instant.'));
  });
});

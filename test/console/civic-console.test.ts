/**
 * <civic-console> in Chromium over msw: the handlers answer the route table's operations (their
 * paths taken from the table). Signing in, the moderation queue by keyboard, a role refused, and
 * axe in each state.
 */
import { http, HttpResponse } from 'msw';
import type { QueueItem } from '../../src/api/lists.js';
import { me, requestSignIn } from '../../src/api/routes/accounts.js';
import { approveComment, commentQueue, listPetitions, pollQueue, rejectComment } from '../../src/api/routes/admin.js';
import '../../src/define/civic-console.js';
import { expect, type, waitUntil } from '../helpers.js';
import { worker } from '../mocks/worker.js';
import { ago, answer, byKeyboard, consoleSuite, openConsole, refuse, route, screen, signedIn } from './console-helpers.js';

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
      ...refuse(401, 'unauthorized', 'sign in', me),
      http.post(route(requestSignIn), async ({ request }) => ((asked = await request.json()), HttpResponse.json({ status: 'sent' }, { status: 202 }))),
    );
    const el = await openConsole('en');
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
      answer(commentQueue, { items: [item('1', 'Ana'), item('2', 'Béa'), item('3', 'Chloé')], nextCursor: null, total: 3 }),
      answer(pollQueue, { items: [], total: 0 }),
      http.post(route(approveComment), ({ params }) => (acted.push(`approve ${params['id']}`), HttpResponse.json({ ...item(String(params['id']), '').comment, status: 'published' }))),
      http.post(route(rejectComment), ({ params }) => (acted.push(`reject ${params['id']}`), HttpResponse.json({ ...item(String(params['id']), '').comment, status: 'rejected' }))),
    );
    const el = await openConsole('en', '#/moderation');
    const root = await screen(el, 'civic-console-moderation', 'article');
    // A moderator's navigation has no Accounts for owners only... but has its own screens.
    const nav = [...el.shadowRoot!.querySelectorAll('nav a')].map((a) => a.textContent);
    expect(nav).to.deep.equal(['Dashboard', 'Petitions', 'Polls', 'Threads', 'Moderation', 'Accounts']);
    expect(el.shadowRoot!.querySelector('nav a[aria-current=page]')!.textContent).to.equal('Moderation');
    await expect(el).to.be.accessible();
    await byKeyboard(el, root, [
      ['j', 'Béa'],
      ['j', 'Chloé'],
      ['k'],
      // Approved: the next comment has the focus.
      ['a', 'Chloé', 'Comment by Béa approved.'],
      // Rejected: the last one gone, the one before has the focus.
      ['r', 'Ana', 'Comment by Chloé rejected.'],
    ]);
    expect(acted).to.deep.equal(['approve 2', 'reject 3']);
    expect(root.querySelectorAll('article')).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('shows the server\u2019s refusal of a role, and an owner\u2019s petitions in French', async () => {
    signedIn(
      'editor',
      ...refuse(403, 'forbidden', 'this needs the moderator role', commentQueue, pollQueue),
      answer(listPetitions, { items: [] }),
    );
    const el = await openConsole('fr', '#/moderation');
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

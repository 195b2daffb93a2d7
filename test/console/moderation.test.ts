/**
 * The moderation queue over msw with proposals and arguments beside comments: the same keys moderate
 * them, several items are approved or rejected at once (a checkbox each, "select all shown"), the
 * outcome is announced and the focus kept on the list. Axe in each state.
 */
import { http, HttpResponse } from 'msw';
import type { PollQueueItem, QueueItem } from '../../src/api/lists.js';
import { approveComment, commentQueue, moderateArgument, moderateProposal, pollQueue, rejectComment } from '../../src/api/routes/admin.js';
import '../../src/define/civic-console.js';
import { expect, sendKeys, waitUntil } from '../helpers.js';
import { worker } from '../mocks/worker.js';
import { argument, proposal } from './fixtures.js';
import { answer, byKeyboard, consoleSuite, openConsole, route, said, screen, signedIn } from './console-helpers.js';

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();
const comment = (id: string, name: string, age: number): QueueItem => ({
  comment: { id, threadId: 'billet', parentId: null, depth: 0, replyToName: null, author: { name, website: null }, body: `Le commentaire de ${name}.`, status: 'pending', likeCount: 0, pinned: false, createdAt: minutesAgo(age), editedAt: null, emailGiven: false, replyMails: false, flagCount: 0 },
  thread: { id: 'billet', title: 'Un billet', url: null },
  parent: null,
  others: [],
  otherCount: 0,
});
const poll = { id: 'consult', title: 'Mobilité 2030' };
const held = (id: string, name: string, age: number): PollQueueItem => ({ kind: 'proposal', poll, proposal: proposal(id, `Idée de ${name}`, { authorName: name, status: 'pending', createdAt: minutesAgo(age) }), argument: null });
const arg = (id: string, name: string, age: number): PollQueueItem => ({
  kind: 'argument', poll, proposal: proposal('p0', 'Des pistes cyclables'), argument: argument(id, 'p0', { authorName: name, side: 'against', body: `L’argument de ${name}.`, createdAt: minutesAgo(age) }),
});

describe('<civic-console> moderation of proposals and arguments', () => {
  consoleSuite();

  function serve(acted: string[], failing = new Set<string>()) {
    const acting = (what: string, body: object) => (failing.has(what) ? HttpResponse.json({ error: { kind: 'not-found', message: 'no proposal p2' } }, { status: 404 }) : (acted.push(what), HttpResponse.json(body)));
    signedIn(
      'moderator',
      answer(commentQueue, { items: [comment('c1', 'Ana', 50), comment('c2', 'Béa', 10)], nextCursor: null, total: 2 }),
      answer(pollQueue, { items: [held('p1', 'Chloé', 40), arg('a1', 'Dan', 30), held('p2', 'Eve', 20)], total: 3 }),
      http.post(route(approveComment), ({ params }) => acting(`approve comment ${params['id']}`, { ...comment(String(params['id']), '', 1).comment, status: 'published' })),
      http.post(route(rejectComment), ({ params }) => acting(`reject comment ${params['id']}`, { ...comment(String(params['id']), '', 1).comment, status: 'rejected' })),
      http.patch(route(moderateProposal), async ({ params, request }) => {
        const { status } = (await request.json()) as { status: string };
        return acting(`${status} proposal ${params['id']}/${params['proposalId']}`, proposal(String(params['proposalId']), 'x', { status: status as 'published' }));
      }),
      http.patch(route(moderateArgument), async ({ params, request }) => {
        const { status } = (await request.json()) as { status: string };
        return acting(`${status} argument ${params['id']}/${params['argumentId']}`, argument(String(params['argumentId']), 'p0', { status: status as 'published' }));
      }),
    );
  }

  it('one list oldest first; a proposal and an argument moderated by keyboard, with the comments\u2019 keys', async () => {
    const acted: string[] = [];
    serve(acted);
    const el = await openConsole('en', '#/moderation');
    const root = await screen(el, ['civic-console-moderation'], 'article');
    const headings = () => [...root.querySelectorAll('article h2')].map((h) => h.textContent!.split(' · ')[0]);
    expect(headings()).to.deep.equal(['Ana', 'Proposal by Chloé', 'Argument against, by Dan', 'Proposal by Eve', 'Béa']);
    expect(root.querySelector('article[data-index="2"] .context')!.textContent).to.contain('On the proposal “Des pistes cyclables”');
    expect(root.querySelector('article[data-index="1"]')!.textContent).to.contain('In “Mobilité 2030”');
    // No spam button for what keeps no author to block.
    expect(root.querySelectorAll('article[data-index="1"] button')).to.have.length(2);
    await expect(el).to.be.accessible();

    // Each outcome announced, the next item with the focus.
    await byKeyboard(el, root, [
      ['j', 'Proposal by Chloé'],
      ['a', 'Argument against, by Dan', 'Proposal by Chloé published.'],
      ['r', 'Proposal by Eve', 'Argument by Dan rejected.'],
    ]);
    expect(acted).to.deep.equal(['published proposal consult/p1', 'rejected argument consult/a1']);
    await expect(el).to.be.accessible();
  });

  it('bulk: x and the checkboxes select, "select all shown" follows the filter, one action for all, outcome announced', async () => {
    const acted: string[] = [];
    serve(acted, new Set(['rejected proposal consult/p2']));
    const el = await openConsole('fr', '#/moderation');
    const root = await screen(el, ['civic-console-moderation'], 'article');
    const approve = () => [...root.querySelectorAll<HTMLButtonElement>('.bulk button')][0]!;
    const reject = () => [...root.querySelectorAll<HTMLButtonElement>('.bulk button')][1]!;
    expect(approve().disabled).to.equal(true);

    // x selects the focused item; its checkbox says so.
    root.querySelector<HTMLElement>('article')!.focus();
    await sendKeys({ press: 'x' });
    await waitUntil(() => root.querySelector<HTMLInputElement>('article[data-index="0"] input')!.checked);
    expect(approve().textContent).to.equal('Approuver la sélection (1)');
    // A second by its checkbox, then approve both.
    root.querySelector<HTMLInputElement>('article[data-index="4"] input')!.click();
    await waitUntil(() => approve().textContent === 'Approuver la sélection (2)');
    await expect(el).to.be.accessible();
    approve().click();
    await waitUntil(() => said(el) === '2 éléments approuvés.', 'the outcome is announced');
    expect(acted).to.deep.equal(['approve comment c1', 'approve comment c2']);
    await waitUntil(() => root.activeElement?.getAttribute('data-index') === '0', 'the item now first has the focus');
    expect(root.activeElement!.querySelector('h2')!.textContent).to.match(/^Proposition de Chloé/);

    // Only proposals and arguments shown; select them all, reject: one fails and stays selected.
    const filter = root.querySelector<HTMLSelectElement>('#filter')!;
    filter.value = 'polls';
    filter.dispatchEvent(new Event('change'));
    const all = root.querySelector<HTMLInputElement>('.bulk input[type=checkbox]')!;
    await waitUntil(() => all.parentElement!.textContent!.includes('Tout sélectionner (3 affichés)'));
    all.click();
    await waitUntil(() => reject().textContent === 'Rejeter la sélection (3)');
    reject().click();
    await waitUntil(() => said(el).startsWith('2 éléments rejetés.'), `announced: ${said(el)}`);
    expect(said(el)).to.contain('1 n’a pas pu être modéré ; il reste sélectionné.');
    expect(root.querySelector('[role=alert]')!.textContent).to.contain('il reste sélectionné');
    expect([...root.querySelectorAll('article h2')].map((h) => h.textContent!.split(' · ')[0])).to.deep.equal(['Proposition de Eve']);
    expect(root.querySelector<HTMLInputElement>('article input')!.checked).to.equal(true);
    await waitUntil(() => root.activeElement?.getAttribute('data-index') === '0');
    await expect(el).to.be.accessible();
  });
});

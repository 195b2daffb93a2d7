/**
 * The dashboard (the console's home) over msw: every list with its count, what waits for
 * moderation with where to go, the open items changed last following their event stream (at most
 * three streams, however long the lists), axe in each state.
 */
import { http, HttpResponse, sse } from 'msw';
import { listComparisons, listPetitions, listPolls, listThreads } from '../../src/api/routes/admin.js';
import { threadEvents } from '../../src/api/routes/comments.js';
import { petitionEvents } from '../../src/api/routes/petitions.js';
import { pollEvents } from '../../src/api/routes/polls.js';
import '../../src/define/civic-console.js';
import { expect, waitUntil } from '../helpers.js';
import { worker } from '../mocks/worker.js';
import { ago, answer, comparison, consoleSuite, openConsole, petition, poll, refuse, route, screen, signedIn, thread } from './console-helpers.js';

const cell = (root: ShadowRoot, key: string) => root.querySelector(`[data-count="${key}"]`)?.textContent ?? '';

describe('console dashboard', () => {
  consoleSuite();

  it('is the home screen: every item with its count, what waits and where to go; three items follow their stream', async () => {
    const streams: string[] = [];
    const sends: Record<string, (n: number) => void> = {};
    signedIn(
      'owner',
      http.get(route(listPetitions), () =>
        HttpResponse.json({
          items: [
            petition({ id: 'p-new', title: 'Pétition récente', updatedAt: ago(1), signatureCount: 10 }),
            petition({ id: 'p-old', title: 'Pétition ancienne', updatedAt: ago(9000), signatureCount: 20 }),
            petition({ id: 'p-closed', title: 'Pétition close', status: 'closed', updatedAt: ago(0) }),
          ],
        }),
      ),
      answer(listThreads, { items: [thread({ id: 't-1', createdAt: ago(2), pendingCount: 2, flaggedCount: 1 }), thread({ id: 't-2', title: 'Autre billet', createdAt: ago(8000) })] }),
      answer(listPolls, { items: [poll({ updatedAt: ago(3), pendingCount: 5 })] }),
      answer(listComparisons, { items: [comparison()] }),
      sse(route(petitionEvents), ({ client, params }) => {
        streams.push(`petition:${params['id']}`);
        sends[`petition:${params['id']}`] = (n) => client.send({ data: JSON.stringify({ type: 'petition', signatureCount: n, goal: 500, status: 'open', recentSigners: [] }) });
        sends[`petition:${params['id']}`]!(10);
      }),
      sse(route(threadEvents), ({ client, params }) => {
        streams.push(`thread:${params['id']}`);
        client.send({ data: JSON.stringify({ type: 'thread', commentCount: 13, mentionCount: 0, status: 'open' }) });
      }),
      sse(route(pollEvents), ({ params }) => void streams.push(`poll:${params['id']}`)),
    );
    const el = await openConsole('en');
    const root = await screen(el, 'civic-console-dashboard', 'table');
    expect(root.querySelector('h1')!.textContent).to.equal('Dashboard');
    expect(el.shadowRoot!.querySelector('nav a[aria-current=page]')!.textContent).to.equal('Dashboard');
    expect([...root.querySelectorAll('h2')].map((h) => h.textContent)).to.deep.equal(['Waiting for moderation', 'Petitions', 'Comment threads', 'Polls and consultations', 'Comparisons']);
    // What waits, each with where to go.
    const waiting = root.querySelector('h2 + ul')!;
    expect(waiting.textContent!.replace(/\s+/g, ' ')).to.contain('Comments: 2 held, 1 reported.');
    expect(waiting.querySelector('a[href="#/moderation"]')!.textContent).to.equal('Open the moderation queue');
    expect(waiting.querySelector('a[href="#/polls/budget-2027"]')!.getAttribute('aria-label')).to.equal('Open “Budget participatif 2027”');
    // Each item links to its screen.
    expect(root.querySelector('a[href="#/threads/t-1"]')).to.exist;
    expect(root.querySelector('a[href="#/signers/p-new"]')).to.exist;
    expect(root.querySelector('a[href="#/comparisons/municipales"]')).to.exist;
    expect(cell(root, 'comparison:municipales') || root.textContent).to.contain('230');
    // The three open items changed last follow their stream: the recent petition, thread and poll.
    await waitUntil(() => streams.length === 3, 'three streams');
    expect([...streams].sort()).to.deep.equal(['petition:p-new', 'poll:budget-2027', 'thread:t-1']);
    await waitUntil(() => cell(root, 'thread:t-1') === '13', 'the thread’s stream count');
    sends['petition:p-new']!(11);
    await waitUntil(() => cell(root, 'petition:p-new') === '11', 'the petition’s count rises live');
    expect(cell(root, 'petition:p-old')).to.equal('20');
    expect(root.querySelectorAll('.hint')).to.have.length.greaterThan(3);
    await expect(el).to.be.accessible();
  });

  it('an editor sees what waits without the queue’s link; an empty console says so, in French', async () => {
    signedIn(
      'editor',
      answer(listPetitions, { items: [] }),
      answer(listThreads, { items: [thread({ status: 'closed', pendingCount: 1 })] }),
      answer(listPolls, { items: [] }),
      answer(listComparisons, { items: [] }),
    );
    const el = await openConsole('fr');
    const root = await screen(el, 'civic-console-dashboard', 'table');
    expect(root.querySelector('h1')!.textContent).to.equal('Tableau de bord');
    expect(root.textContent).to.contain('Commentaires : 1 retenus, 0 signalés.');
    expect(root.querySelector('a[href="#/moderation"]')).to.equal(null);
    expect(root.textContent).to.contain('Aucune pétition pour l’instant.');
    expect(root.textContent).to.contain('Aucun sondage pour l’instant.');
    await expect(el).to.be.accessible();
  });

  it('a moderator is shown the queue, not the signers (an editor\u2019s)', async () => {
    signedIn(
      'moderator',
      answer(listPetitions, { items: [petition({ status: 'closed' })] }),
      answer(listThreads, { items: [thread({ status: 'closed', flaggedCount: 3 })] }),
      answer(listPolls, { items: [] }),
      answer(listComparisons, { items: [] }),
    );
    const el = await openConsole('en');
    const root = await screen(el, 'civic-console-dashboard', 'table');
    expect(root.querySelector('a[href="#/moderation"]')).to.exist;
    expect(root.querySelector('a[href^="#/signers/"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('a failed list is said in words', async () => {
    signedIn(
      'owner',
      ...refuse(500, 'server', 'down', listPetitions),
      answer(listThreads, { items: [] }),
      answer(listPolls, { items: [] }),
      answer(listComparisons, { items: [] }),
    );
    const el = await openConsole('en');
    const root = await screen(el, 'civic-console-dashboard', '[role=alert]');
    expect(root.querySelector('[role=alert]')!.textContent).to.not.equal('');
    await expect(el).to.be.accessible();
  });
});

/**
 * A petition's signers over msw: search and confirmation state sent as the route's query, pages by
 * cursor and back, erasing a signature after a confirmation in place (announced, the count down),
 * the CSV link, the live count; axe in each state.
 */
import { http, HttpResponse, sse } from 'msw';
import { deleteSigner, listSigners } from '../../src/api/routes/admin.js';
import { getPetition, petitionEvents } from '../../src/api/routes/petitions.js';
import '../../src/define/civic-console.js';
import { expect, type, waitUntil } from '../helpers.js';
import { worker } from '../mocks/worker.js';
import { answer, consoleSuite, openConsole, petition, refuse, route, said, screen, signedIn, signer } from './console-helpers.js';

describe('console signers', () => {
  consoleSuite();

  it('searches, pages, erases a signature after asking, links the CSV, and shows the count live', async () => {
    const queries: string[] = [];
    const erased: string[] = [];
    let send: ((n: number) => void) | undefined;
    const p = petition({ id: 'parc', title: 'Un parc', signatureCount: 3, goal: 50 });
    signedIn(
      'editor',
      answer(getPetition, { ...p, recentSigners: [] }),
      sse(route(petitionEvents), ({ client }) => {
        send = (n) => client.send({ data: JSON.stringify({ type: 'petition', signatureCount: n, goal: 50, status: 'open', recentSigners: [] }) });
      }),
      http.get(route(listSigners), ({ request }) => {
        const q = new URL(request.url).searchParams;
        queries.push(q.toString());
        if (q.get('cursor') === '7')
          return HttpResponse.json({ items: [signer('5', 'Zoé Roy', { status: 'pending', confirmedAt: null })], nextCursor: null, total: 3 });
        return HttpResponse.json({ items: [signer('9', 'Jeanne Ouellet'), signer('8', 'Luc Tremblay')].filter((s) => !erased.includes(s.id)), nextCursor: '7', total: 3 - erased.length });
      }),
      http.delete(route(deleteSigner), ({ params }) => (erased.push(String(params['signatureId'])), HttpResponse.json({ id: params['signatureId'], petitionId: 'parc', signatureCount: 2 }))),
    );
    const el = await openConsole('en', '#/signers/parc');
    const root = await screen(el, 'civic-console-signers', 'table');
    await waitUntil(() => root.querySelector('h1')!.textContent === 'Signers of “Un parc”');
    expect(el.shadowRoot!.querySelector('nav a[aria-current=page]')!.textContent).to.equal('Petitions');
    expect(root.querySelector('#results')!.textContent).to.equal('3 signers found, page 1');
    expect(root.querySelector<HTMLAnchorElement>('a[download]')!.getAttribute('href')).to.equal('/api/admin/petitions/parc/signatures.csv');
    expect(queries[0]).to.equal('limit=20');
    await expect(el).to.be.accessible();

    // The live count.
    await waitUntil(() => send, 'the stream');
    send!(4);
    await waitUntil(() => root.textContent!.includes('4 confirmed signatures of 50'));

    // Search, then the next page and back.
    await type(root.querySelector<HTMLInputElement>('#q')!, 'tremblay');
    const state = root.querySelector<HTMLSelectElement>('#state')!;
    state.value = 'confirmed';
    root.querySelector<HTMLButtonElement>('form button')!.click();
    await waitUntil(() => queries.includes('q=tremblay&status=confirmed&limit=20'), 'the search is sent');
    [...root.querySelectorAll<HTMLButtonElement>('nav button')].find((b) => b.textContent === 'Next page')!.click();
    await waitUntil(() => root.querySelector('tbody th')?.textContent === 'Zoé Roy', 'page 2');
    expect(queries.at(-1)).to.equal('q=tremblay&status=confirmed&cursor=7&limit=20');
    expect(root.querySelector('#results')!.textContent).to.equal('3 signers found, page 2');
    expect(root.querySelector('tbody')!.textContent).to.contain('awaiting confirmation');
    expect(root.activeElement?.id).to.equal('results');
    root.querySelector<HTMLButtonElement>('nav button')!.click();
    await waitUntil(() => root.querySelector('tbody th')?.textContent === 'Jeanne Ouellet', 'back on page 1');

    // Erase: asked first; Keep puts the focus back; Erase erases.
    root.querySelector<HTMLButtonElement>('[aria-label="Erase the signature of Jeanne Ouellet"]')!.click();
    await waitUntil(() => root.activeElement?.id === 'confirm-erase', 'the confirmation has the focus');
    expect(root.querySelector('[role=group]')!.getAttribute('aria-label')).to.equal('Erase the signature of Jeanne Ouellet for good?');
    await expect(el).to.be.accessible();
    [...root.querySelectorAll<HTMLButtonElement>('[role=group] button')].find((b) => b.textContent === 'Keep')!.click();
    await waitUntil(() => root.activeElement?.getAttribute('data-erase') === '9', 'focus back on its button');
    expect(erased).to.deep.equal([]);
    root.querySelector<HTMLButtonElement>('[data-erase="9"]')!.click();
    await waitUntil(() => root.querySelector('#confirm-erase'));
    root.querySelector<HTMLButtonElement>('#confirm-erase')!.click();
    await waitUntil(() => said(el) === 'Signature of Jeanne Ouellet erased.', 'announced');
    expect(erased).to.deep.equal(['9']);
    await waitUntil(() => !root.textContent!.includes('Jeanne Ouellet'), 'gone from the list');
    expect(root.textContent).to.contain('2 confirmed signatures of 50');
    await expect(el).to.be.accessible();
  });

  it('a moderator is refused, in words', async () => {
    signedIn(
      'moderator',
      answer(getPetition, { ...petition(), recentSigners: [] }),
      ...refuse(403, 'forbidden', 'editor', listSigners),
      sse(route(petitionEvents), () => undefined),
    );
    const el = await openConsole('fr', '#/signers/plan-numerique');
    const root = await screen(el, 'civic-console-signers', '[role=alert]');
    expect(root.querySelector('[role=alert]')!.textContent).to.equal('Votre rôle ne permet pas cette action. Demandez à un propriétaire de la console.');
    await expect(el).to.be.accessible();
  });
});

/**
 * The threads screen over msw: an editor creates a thread (checked before sending, errors in words
 * beside their fields, the focus on the first), lands on its Publish screen with the comments'
 * code; edits one; a moderator closes one from the list. Axe in each state.
 */
import { http, HttpResponse } from 'msw';
import { createThread, listThreads, setThreadStatus, updateThread } from '../../src/api/routes/admin.js';
import { getThread } from '../../src/api/routes/comments.js';
import '../../src/define/civic-console.js';
import { expect, type, waitUntil } from '../helpers.js';
import { worker } from '../mocks/worker.js';
import { answer, consoleSuite, openConsole, route, said, screen, signedIn, thread } from './console-helpers.js';

const field = (root: ShadowRoot, name: string) => root.querySelector<HTMLInputElement>(`[name=${name}]`)!;
const errorOf = (root: ShadowRoot, name: string) => root.querySelector(`#f-${name}-e`)?.textContent ?? '';
const { pendingCount: _p, flaggedCount: _f, ...plain } = thread();

describe('console threads', () => {
  consoleSuite();

  it('an editor creates a thread: errors beside their fields, then its Publish screen', async () => {
    const sent: unknown[] = [];
    signedIn(
      'editor',
      answer(listThreads, { items: [thread({ pendingCount: 2 })] }),
      http.post(route(createThread), async ({ request }) => {
        const body = (await request.json()) as { id: string; title: string };
        sent.push(body);
        return HttpResponse.json({ ...plain, ...body }, { status: 201 });
      }),
      http.get(route(getThread), ({ params }) => HttpResponse.json({ ...plain, id: params['id'], title: 'Un billet' })),
    );
    const el = await openConsole('en', '#/threads');
    let root = await screen(el, 'civic-console-threads', 'table');
    expect(el.shadowRoot!.querySelector('nav a[aria-current=page]')!.textContent).to.equal('Threads');
    expect(root.querySelector('tbody')!.textContent).to.contain('2 held, 0 reported');
    expect(root.querySelector('a[href="#/publish/thread/billet-parc"]')).to.exist;
    // An editor does not open or close threads (a moderator's act).
    expect([...root.querySelectorAll('tbody button')]).to.have.length(0);
    await expect(el).to.be.accessible();

    root.querySelector<HTMLAnchorElement>('a[href="#/threads/new"]')!.click();
    root = await screen(el, 'civic-console-threads', 'form');
    expect(root.querySelector('h1')!.textContent).to.equal('New thread');
    root.querySelector<HTMLButtonElement>('button.primary')!.click();
    await waitUntil(() => errorOf(root, 'id'));
    expect(errorOf(root, 'id')).to.equal('Required');
    expect(errorOf(root, 'title')).to.equal('Required');
    expect(root.activeElement?.getAttribute('name')).to.equal('id');
    expect(field(root, 'id').getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();

    await type(field(root, 'id'), 'billet-velo');
    await type(field(root, 'title'), 'Des pistes cyclables');
    await type(field(root, 'url'), 'javascript:alert(1)');
    field(root, 'maxDepth').value = '';
    await type(field(root, 'maxDepth'), '12');
    root.querySelector<HTMLButtonElement>('button.primary')!.click();
    await waitUntil(() => errorOf(root, 'url'));
    expect(errorOf(root, 'url')).to.equal('Enter a web address starting with https:// or http://');
    expect(errorOf(root, 'maxDepth')).to.equal('Enter a whole number from 0 to 10');
    expect(errorOf(root, 'id')).to.equal('');
    expect(root.activeElement?.getAttribute('name')).to.equal('url');
    expect(sent).to.deep.equal([]);

    field(root, 'url').value = '';
    await type(field(root, 'url'), 'https://blogue.example/velo');
    field(root, 'maxDepth').value = '';
    await type(field(root, 'maxDepth'), '2');
    const mode = root.querySelector<HTMLSelectElement>('#f-moderation')!;
    mode.value = 'pre';
    mode.dispatchEvent(new Event('change'));
    root.querySelector<HTMLButtonElement>('button.primary')!.click();
    await waitUntil(() => said(el) === 'Thread “Des pistes cyclables” created.', 'announced');
    expect(sent).to.deep.equal([{ id: 'billet-velo', locale: 'fr', title: 'Des pistes cyclables', url: 'https://blogue.example/velo', moderation: 'pre', maxDepth: 2, editWindowSeconds: 900 }]);
    const publish = await screen(el, 'civic-console-publish', 'textarea');
    await waitUntil(() => location.hash === '#/publish/thread/billet-velo');
    const code = publish.querySelector('textarea')!.value;
    expect(code).to.equal(`<script type="module" src="${location.origin}/cdn/civic-comments.js"></script>\n<civic-comments thread="billet-velo" api="${location.origin}/api"></civic-comments>`);
    expect(publish.querySelector('a[href="#/threads"]')).to.exist;
    const provider = publish.querySelector<HTMLInputElement>('input[value=provider]')!;
    provider.click();
    await waitUntil(() => publish.querySelector('textarea')!.value.includes('<civic-provider'));
    expect(publish.querySelector('textarea')!.value).to.contain('  <civic-comments thread="billet-velo"></civic-comments>');
    await expect(el).to.be.accessible();
  });

  it('an owner changes a thread’s edit window, then closes the thread from the list (in French)', async () => {
    const sent: unknown[] = [];
    signedIn(
      'owner',
      answer(getThread, plain),
      http.patch(route(updateThread), async ({ request }) => {
        const body = (await request.json()) as object;
        sent.push(body);
        return HttpResponse.json({ ...plain, ...body });
      }),
      answer(listThreads, { items: [thread()] }),
      http.put(route(setThreadStatus), async ({ request }) => {
        const body = (await request.json()) as { status: 'open' | 'closed' };
        sent.push(body);
        return HttpResponse.json({ ...plain, ...body });
      }),
    );
    const el = await openConsole('fr', '#/threads/billet-parc');
    const root = await screen(el, 'civic-console-threads', 'form');
    await waitUntil(() => field(root, 'title')?.value === 'Un parc au bord du fleuve', 'the thread loaded');
    expect(field(root, 'editWindow').value).to.equal('15');
    expect(root.querySelector('#f-locale')).to.equal(null);
    field(root, 'editWindow').value = '';
    await type(field(root, 'editWindow'), '30');
    root.querySelector<HTMLButtonElement>('button.primary')!.click();
    await waitUntil(() => said(el) === 'Fil « Un parc au bord du fleuve » enregistré.', 'announced');
    expect(sent[0]).to.deep.equal({ title: 'Un parc au bord du fleuve', url: 'https://blogue.example/parc', moderation: 'post', maxDepth: 3, editWindowSeconds: 1800 });
    await expect(el).to.be.accessible();

    location.hash = '#/threads';
    await waitUntil(() => root.querySelector('table'), 'the list');
    root.querySelector<HTMLButtonElement>('button[aria-label="Fermer: Un parc au bord du fleuve"]')!.click();
    await waitUntil(() => said(el) === 'Fil « Un parc au bord du fleuve » fermé : plus de nouveaux commentaires.', 'closed');
    expect(sent[1]).to.deep.equal({ status: 'closed' });
    await expect(el).to.be.accessible();
  });
});

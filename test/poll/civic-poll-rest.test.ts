import { html } from 'lit';
import { http, HttpResponse } from 'msw';
import { MemoryBackend } from '../../src/api/memory-backend.js';
import '../../src/define/civic-poll.js';
import type { CivicPoll } from '../../src/poll/civic-poll.js';
import { $, expect, mount, text, type, waitForText, waitUntil } from '../helpers.js';
import { restHandlers } from '../mocks/rest.js';
import { startWorker, worker } from '../mocks/worker.js';
import { argumentsOf, consultation, proposals, quickPoll } from './data.js';

const button = (root: ParentNode, label: string) => {
  const b = [...root.querySelectorAll<HTMLButtonElement>('button')].find((x) => x.textContent?.trim() === label);
  if (!b) throw new Error(`no button ${label}`);
  return b;
};

describe('<civic-poll> over REST (RestBackend + msw)', () => {
  before(startWorker);
  afterEach(() => worker.resetHandlers());

  const mountRest = async (id: string) => {
    const el = await mount<CivicPoll>(html`<civic-poll lang="fr" api="/api" poll=${id}></civic-poll>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~=base]'), 'poll rendered');
    return el;
  };

  it('votes through the api attribute alone, and changes the vote', async () => {
    const memory = new MemoryBackend({ polls: { polls: [quickPoll()] } });
    worker.use(...restHandlers(memory));
    const el = await mountRest('ministere');
    el.shadowRoot!.querySelectorAll<HTMLInputElement>('[part~=choices] input')[0]!.click();
    button(el.shadowRoot!, 'Voter').click();
    await waitForText(el, 'Votre vote : Oui');
    expect(text(el)).to.contain('Oui (votre choix) 100 % · 1 vote');
    await expect(el).to.be.accessible();
    button(el.shadowRoot!, 'Changer mon vote').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~=choices]'));
    el.shadowRoot!.querySelectorAll<HTMLInputElement>('[part~=choices] input')[1]!.click();
    button(el.shadowRoot!, 'Voter').click();
    await waitForText(el, 'Votre vote : Non');
    expect((await memory.polls.results('ministere')).participantCount).to.equal(1);
  });

  it('a reader who only looks gets no token and sends none: no ballot is asked for until they vote', async () => {
    const memory = new MemoryBackend({ polls: { polls: [quickPoll({ resultsVisibility: 'always' }), consultation()], proposals: proposals(), arguments: argumentsOf() } });
    await memory.polls.seed('ministere', null, { options: ['oui'] }, 2);
    worker.use(...restHandlers(memory));
    const sent: string[] = [];
    const log = ({ request }: { request: Request }) => void sent.push(`${request.method} ${new URL(request.url).pathname}`);
    worker.events.on('request:start', log);
    try {
      const quick = await mountRest('ministere');
      await waitForText(quick, 'Oui 100 % · 2 votes');
      const consult = await mountRest('contribuez');
      await waitUntil(() => consult.shadowRoot!.querySelectorAll('[part~=proposal]').length === 4, 'proposals over REST');
      expect(localStorage.getItem('civic-participant'), 'nothing stored').to.equal(null);
      expect(sent.filter((r) => r.includes('/votes/')), 'no request names a participant').to.deep.equal([]);
      expect(sent).to.include('GET /api/polls/ministere/results');

      quick.shadowRoot!.querySelectorAll<HTMLInputElement>('[part~=choices] input')[1]!.click();
      button(quick.shadowRoot!, 'Voter').click();
      await waitForText(quick, 'Votre vote : Non');
      const token = localStorage.getItem('civic-participant');
      expect(token, 'made at the first vote').to.match(/^[\w-]{16,}$/);
      expect(sent).to.include(`PUT /api/polls/ministere/votes/${token}`);
      const again = await mountRest('ministere');
      await waitForText(again, 'Votre vote : Non');
      expect(sent, 'their ballot is asked for once they have one').to.include(`GET /api/polls/ministere/votes/${token}`);
    } finally {
      worker.events.removeListener('request:start', log);
    }
  });

  it('a vote whose answer was lost is kept, and counts once when sent again', async () => {
    const memory = new MemoryBackend({ polls: { polls: [quickPoll({ resultsVisibility: 'always' })] } });
    let down = true;
    worker.use(
      http.put('/api/polls/:id/votes/:participant', async ({ params, request }) => {
        if (!down) return undefined;
        // The server got it and counted it, but the answer never came back.
        await memory.polls.vote('ministere', null, String(params['participant']), (await request.json()) as never, { idempotencyKey: request.headers.get('idempotency-key')! });
        return HttpResponse.error();
      }),
      ...restHandlers(memory),
    );
    const el = await mountRest('ministere');
    el.shadowRoot!.querySelectorAll<HTMLInputElement>('[part~=choices] input')[2]!.click();
    button(el.shadowRoot!, 'Voter').click();
    await waitForText(el, 'hors ligne', undefined, 8000);
    down = false;
    window.dispatchEvent(new Event('online'));
    await waitForText(el, 'Votre vote gardé a été envoyé.');
    const r = await memory.polls.results('ministere');
    expect(r.participantCount).to.equal(1);
    expect(r.poll?.tally.counts['sans-avis']).to.equal(1);
  });

  it('a consultation gets its own calls from the api attribute, and shows the server’s field errors', async () => {
    const memory = new MemoryBackend({ polls: { polls: [consultation()], proposals: proposals(), arguments: argumentsOf() } });
    worker.use(
      http.post('/api/polls/:id/proposals', () =>
        HttpResponse.json({ error: { kind: 'validation', message: 'bad', issues: [{ path: 'title', code: 'too_big', message: 'x' }] } }, { status: 400 }),
      ),
      ...restHandlers(memory),
    );
    const el = await mountRest('contribuez');
    await waitUntil(() => el.shadowRoot!.querySelectorAll('[part~=proposal]').length === 4, 'proposals over REST');
    const champions = [...el.shadowRoot!.querySelectorAll('[part~=proposal]')].find((a) => a.textContent?.includes('Un champion numérique'))!;
    button(champions, 'D’accord').click();
    await waitUntil(() => button(champions, 'D’accord').getAttribute('aria-pressed') === 'true');
    button(champions, 'Arguments (2)').click();
    await waitUntil(() => champions.querySelector('[part~=arguments]'));
    button(el.shadowRoot!, 'Faire une proposition').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[name=p-title]'));
    await type($(el, '[name=p-title]'), 'Des données ouvertes');
    await type($(el, '[name=p-body]'), 'Par défaut.');
    await type($(el, '[name=p-authorName]'), 'Cyrille');
    button(el.shadowRoot!, 'Proposer').click();
    await waitForText(el, 'caractères au maximum');
    expect($(el, '[name=p-title]').getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.activeElement?.getAttribute('name')).to.equal('p-title');
    await expect(el).to.be.accessible();
  });
});

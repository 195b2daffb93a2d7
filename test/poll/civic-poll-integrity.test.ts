/**
 * Poll integrity in the widget, over REST (RestBackend + msw answering with a MemoryBackend, which
 * checks the proof of work for real): in a `proof-of-work` poll a new participant's first vote is
 * sent with a solved challenge (the solver loaded then), a change of vote is not; a poll that asks
 * for none never asks for a challenge; the per-address limit's refusal is said in the reader's language.
 */
import { html } from 'lit';
import { http, HttpResponse, type HttpHandler } from 'msw';
import { MemoryBackend } from '../../src/api/memory-backend.js';
import '../../src/define/civic-poll.js';
import type { CivicPoll } from '../../src/poll/civic-poll.js';
import { announced, expect, mount, text, waitForText, waitUntil } from '../helpers.js';
import { restHandlers } from '../mocks/rest.js';
import { startWorker, worker } from '../mocks/worker.js';
import { quickPoll } from './data.js';

const button = (el: Element, label: string) => {
  const b = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((x) => x.textContent?.trim() === label);
  if (!b) throw new Error(`no button ${label} in: ${text(el)}`);
  return b;
};
const choose = (el: Element, i: number) => el.shadowRoot!.querySelectorAll<HTMLInputElement>('[part~=choices] input')[i]!.click();

describe('<civic-poll> poll integrity', () => {
  before(startWorker);
  afterEach(() => worker.resetHandlers());

  /** Mounts the poll over REST; the requests it sends (method, path and, for votes, whether a challenge was in the body). */
  const mountRest = async (memory: MemoryBackend, lang = 'fr', ...first: HttpHandler[]) => {
    const sent: string[] = [];
    worker.use(
      http.all('/api/*', async ({ request }) => {
        const path = new URL(request.url).pathname;
        const body = request.method === 'PUT' ? ((await request.clone().json()) as { challenge?: string }) : undefined;
        sent.push(`${request.method} ${path.replace(/votes\/[\w-]+/, 'votes/me')}${body ? (body.challenge ? ' +challenge' : ' -challenge') : ''}`);
        return undefined;
      }),
      ...first,
      ...restHandlers(memory),
    );
    const el = await mount<CivicPoll>(html`<civic-poll lang=${lang} api="/api" poll="ministere"></civic-poll>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~=base]'), 'poll rendered', { timeout: 8000 });
    return { el, sent };
  };

  it('votes in a proof-of-work poll: the first vote carries a solved challenge, a change does not', async () => {
    const memory = new MemoryBackend({ polls: { polls: [quickPoll({ challenge: true, resultsVisibility: 'always' })] } });
    const { el, sent } = await mountRest(memory);
    choose(el, 0);
    button(el, 'Voter').click();
    await waitForText(el, 'Merci, votre vote est compté.', undefined, 10_000);
    expect(text(el)).to.contain('Votre vote : Oui');
    expect(sent.filter((r) => !r.startsWith('GET /api/polls/ministere/events'))).to.include.members(['GET /api/polls/ministere/challenge', 'PUT /api/polls/ministere/votes/me +challenge']);
    expect((await memory.polls.results('ministere')).participantCount).to.equal(1);
    await expect(el).to.be.accessible();

    sent.length = 0;
    button(el, 'Changer mon vote').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~=choices]'));
    choose(el, 1);
    button(el, 'Voter').click();
    await waitForText(el, 'Votre vote : Non');
    expect(sent.filter((r) => r.includes('challenge')), 'a change of vote is not a first vote').to.deep.equal(['PUT /api/polls/ministere/votes/me -challenge']);
  });

  it('without a solved challenge the first vote is refused: the MemoryBackend checks it for real', async () => {
    const memory = new MemoryBackend({ polls: { polls: [quickPoll({ challenge: true })] } });
    let error: unknown;
    try {
      await memory.polls.vote('ministere', null, 'participant-token-0123456789', { options: ['oui'], challenge: 'ministere:forged:1' }, { idempotencyKey: 'k' });
    } catch (e) {
      error = e;
    }
    expect((error as { issues?: { path: string }[] })?.issues?.map((i) => i.path)).to.deep.equal(['challenge']);
  });

  it('a poll that asks for no proof of work never asks for a challenge', async () => {
    const memory = new MemoryBackend({ polls: { polls: [quickPoll()] } });
    const { el, sent } = await mountRest(memory);
    choose(el, 2);
    button(el, 'Voter').click();
    await waitForText(el, 'Votre vote : Sans opinion');
    expect(sent.filter((r) => r.includes('challenge'))).to.deep.equal(['PUT /api/polls/ministere/votes/me -challenge']);
  });

  for (const [lang, words] of [
    ['fr', 'Trop de personnes ont participé depuis votre réseau'],
    ['en', 'Too many people have taken part from your network'],
  ] as const) {
    it(`says in ${lang} that the poll’s limit of new participants from this network is reached`, async () => {
      const memory = new MemoryBackend({ polls: { polls: [quickPoll()] } });
      const limited = http.put('/api/polls/:id/votes/:participant', () =>
        HttpResponse.json({ error: { kind: 'address-limit', message: '30 people have voted in this poll from this network', retryAfter: 1800 } }, { status: 429, headers: { 'retry-after': '1800' } }),
      );
      const { el } = await mountRest(memory, lang, limited);
      choose(el, 0);
      button(el, lang === 'fr' ? 'Voter' : 'Vote').click();
      await waitForText(el, words);
      expect(el.shadowRoot!.querySelector('[role=alert]')?.textContent).to.contain(words);
      expect(announced(el)).to.contain(words);
      expect(text(el)).not.to.contain(lang === 'fr' ? 'Votre vote : Oui' : 'Your vote: Yes');
      expect((await memory.polls.results('ministere')).participantCount).to.equal(0);
      await expect(el).to.be.accessible();
    });
  }
});

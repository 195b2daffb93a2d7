/**
 * Where the comparison comes from (a static JSON file, the REST backend) and where the answers go:
 * nowhere, unless the reader opts in where the organiser collects them. Also the share fragment,
 * English, and a 320 px wide screen.
 */
import { html } from 'lit';
import { http, HttpResponse } from 'msw';
import { setViewport } from '@web/test-runner-commands';
import type { Comparison } from '../../src/api/comparison.js';
import { MemoryBackend } from '../../src/api/memory-backend.js';
import { outbox } from '../../src/api/outbox.js';
import type { CivicComparator } from '../../src/comparator/civic-comparator.js';
import { encodeAnswers } from '../../src/comparator/fragment.js';
import { matchParties } from '../../src/domain/matching.js';
import '../../src/define/civic-comparator.js';
import { quebec2012 } from '../../server/comparisons/demo-data.js';
import { $, announced, expect, mount, text, waitForText, waitUntil } from '../helpers.js';
import { restHandlers } from '../mocks/rest.js';
import { startWorker, worker } from '../mocks/worker.js';

const demo = (over: Partial<Comparison> = {}): Comparison => ({ ...structuredClone(quebec2012), ...over });
const all = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const button = (el: Element, label: string) => all<HTMLButtonElement>(el, 'button').find((b) => b.textContent!.trim() === label)!;
const rendered = (el: Element) => waitUntil(() => el.shadowRoot!.querySelector('[part~=base], [role=alert]'), 'rendered');

/** Answers every statement with the stances given (null: skip), through the questionnaire. */
async function answerAll(el: CivicComparator, stances: (number | null)[]) {
  button(el, el.lang.startsWith('en') ? 'Questionnaire' : 'Questionnaire').click();
  await waitUntil(() => el.shadowRoot!.querySelector('[part~=question]'), 'questionnaire');
  for (const stance of stances) {
    if (stance === null) all<HTMLButtonElement>(el, '[part~=question] .nav button').at(-2)!.click();
    else {
      all<HTMLInputElement>(el, '[name=stance]').find((r) => r.value === String(stance))!.click();
      $(el, '[part~=submit]').click();
    }
    await el.updateComplete;
  }
  await waitUntil(() => el.shadowRoot!.querySelector('[part~=results]'), 'results');
}

describe('<civic-comparator> data and privacy', () => {
  before(startWorker);
  afterEach(() => worker.resetHandlers());

  it('loads a static JSON file (src) checked by the same schema, with no backend at all', async () => {
    worker.use(http.get('/data/comparaison.json', () => HttpResponse.json(demo({ collectAnswers: true }))));
    const el = await mount<CivicComparator>(html`<civic-comparator lang="fr" src="/data/comparaison.json"></civic-comparator>`);
    await rendered(el);
    expect(all(el, 'tbody tr')).to.have.length(6);
    await answerAll(el, [2, 2, null, 1, 1, 0]);
    expect(el.shadowRoot!.querySelector('[part~=ranking]')).to.not.equal(null);
    expect(text(el), 'no backend: nothing to send to, so no opt-in').to.not.contain('Envoyer mes réponses');
    await expect(el).to.be.accessible();
  });

  it('a file that is not JSON, not a comparison, or not there gives a clear error naming what is wrong', async () => {
    const bad = demo();
    (bad.statements[0] as { theme?: string }).theme = undefined;
    bad.positions[0]!.partyId = 'duplessis';
    bad.positions[1]!.stance = 3;
    worker.use(
      http.get('/data/pas-du-json.json', () => new HttpResponse('{ "title": "oups",', { headers: { 'content-type': 'application/json' } })),
      http.get('/data/incomplet.json', () => HttpResponse.json(bad)),
      http.get('/data/incoherent.json', () => HttpResponse.json({ ...demo(), positions: bad.positions })),
      http.get('/data/absent.json', () => new HttpResponse('nope', { status: 404 })),
    );
    const load = async (src: string) => {
      const el = await mount<CivicComparator>(html`<civic-comparator lang="fr" src=${src}><a href="/tableau.html">Le tableau des positions</a></civic-comparator>`);
      await waitUntil(() => el.shadowRoot!.querySelector('[role=alert]'), `an error for ${src}`);
      return el;
    };
    const notJson = await load('/data/pas-du-json.json');
    expect(text(notJson)).to.contain('Le fichier de comparaison /data/pas-du-json.json ne peut pas être utilisé : ce n’est pas du JSON valide.');
    expect(notJson.shadowRoot!.querySelector('slot'), 'the page’s own fallback shows').to.not.equal(null);
    await expect(notJson).to.be.accessible();
    const incomplete = await load('/data/incomplet.json');
    expect(all(incomplete, '[role=alert] li').map((li) => li.textContent)).to.deep.equal(['statements.0.theme : absent, ou du mauvais type']);
    const incoherent = await load('/data/incoherent.json');
    expect(all(incoherent, '[role=alert] li').map((li) => li.textContent)).to.deep.equal([
      'positions.0.partyId : aucun parti ou énoncé de ce nom',
      'positions.1.stance : pas une position de l’échelle',
    ]);
    await expect(incoherent).to.be.accessible();
    expect(text(await load('/data/absent.json'))).to.contain('il n’a pas pu être chargé (HTTP 404)');
  });

  it('holds a file to the server\'s limits: long texts, too many statements, too many bytes', async () => {
    const c = demo();
    const statements = Array.from({ length: 4504 }, (_, i) => ({ id: `e${i}`, text: `Énoncé ${i}`, theme: 'Thème' }));
    worker.use(
      http.get('/data/long.json', () => HttpResponse.json({ ...c, description: 'x'.repeat(6000), statements: [{ ...c.statements[0]!, text: 'y'.repeat(1001) }, ...c.statements.slice(1)] })),
      http.get('/data/nombreux.json', () => HttpResponse.json({ ...c, statements, positions: [] })),
      http.get('/data/lourd.json', () => HttpResponse.json({ ...c, description: 'z'.repeat(5 * 1024 * 1024) })),
    );
    const load = async (src: string) => {
      const el = await mount<CivicComparator>(html`<civic-comparator lang="fr" src=${src}></civic-comparator>`);
      await waitUntil(() => el.shadowRoot!.querySelector('[role=alert]'), `an error for ${src}`, { timeout: 5000 });
      expect(all(el, 'tbody tr'), 'nothing of it is shown').to.have.length(0);
      return all(el, '[role=alert] li').map((li) => li.textContent);
    };
    const limit = 'au-delà de la limite (la même que celle du serveur)';
    expect(await load('/data/long.json')).to.deep.equal([`description : ${limit}`, `statements.0.text : ${limit}`]);
    expect(await load('/data/nombreux.json')).to.deep.equal([`statements : ${limit}`]);
    expect(await load('/data/lourd.json')).to.deep.equal([`/data/lourd.json : ${limit}`]);
  });

  it('loads from the backend through the api attribute; no request ever carries the answers until the reader opts in', async () => {
    const memory = new MemoryBackend({ comparisons: [demo()] });
    worker.use(...restHandlers(memory));
    const requests: { method: string; url: string; body: string }[] = [];
    const record = async ({ request }: { request: Request }) => requests.push({ method: request.method, url: request.url, body: await request.clone().text() });
    worker.events.on('request:start', record);
    const beacon = navigator.sendBeacon;
    navigator.sendBeacon = (url) => (requests.push({ method: 'BEACON', url: String(url), body: '' }), true);
    let copied = '';
    const clipboard = navigator.clipboard.writeText;
    navigator.clipboard.writeText = async (t: string) => void (copied = t);
    try {
      const el = await mount<CivicComparator>(html`<civic-comparator lang="fr" api="/api" comparison="chefs-numerique-2012"></civic-comparator>`);
      await rendered(el);
      expect(requests.filter((r) => r.url.includes('/api/')).map((r) => `${r.method} ${new URL(r.url).pathname}`)).to.deep.equal(['GET /api/comparisons/chefs-numerique-2012']);
      const stances = [2, -1, null, 2, 1, -2];
      await answerAll(el, stances);
      const select = $<HTMLSelectElement>(el, '[part~=results] select');
      select.value = 'hybrid';
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      button(el, 'Copier le lien de mes résultats').click();
      await waitUntil(() => copied, 'copied');
      const ids = quebec2012.statements.map((s) => s.id);
      const answers = Object.fromEntries(ids.map((id, i) => [id, { stance: stances[i]!, weight: 1 }]));
      expect(copied).to.equal(`${location.href.split('#')[0]}${encodeAnswers('chefs-numerique-2012', ids, answers)}`);
      await waitUntil(() => announced(el).includes('Lien copié'), 'the copy is announced');
      expect(text(el)).to.contain('Vos réponses restent dans votre navigateur');
      await new Promise((r) => setTimeout(r, 100));
      // Every request so far: none has a body, none but the comparison's read goes to the API, no URL holds the answer code.
      const code = copied.split('=')[1]!;
      expect(requests.filter((r) => r.body || r.method !== 'GET' || r.url.includes(code) || (r.url.includes('/api/') && !r.url.endsWith('/api/comparisons/chefs-numerique-2012')))).to.deep.equal([]);
      expect(memory.comparisons.answers.size).to.equal(0);
      expect(performance.getEntriesByType('resource').filter((e) => e.name.includes(code))).to.deep.equal([]);

      // The organiser collects answers and the reader opts in: exactly one request carries them.
      memory.comparisons.data.get('chefs-numerique-2012')!.collectAnswers = true;
      const el2 = await mount<CivicComparator>(html`<civic-comparator lang="fr" api="/api" comparison="chefs-numerique-2012"></civic-comparator>`);
      await rendered(el2);
      await answerAll(el2, stances);
      expect(text(el2)).to.contain('sans nom, adresse ni témoin');
      const before = requests.length;
      button(el2, 'Envoyer mes réponses anonymement').click();
      await waitForText(el2, 'vos réponses ont été envoyées anonymement');
      const sent = requests.slice(before).filter((r) => r.url.includes('/api/'));
      expect(sent.map((r) => `${r.method} ${new URL(r.url).pathname}`)).to.deep.equal(['POST /api/comparisons/chefs-numerique-2012/answers']);
      expect(JSON.parse(sent[0]!.body)).to.deep.equal({ answers: ids.map((statementId, i) => ({ statementId, stance: stances[i], weight: 1 })) });
      expect([...memory.comparisons.answers.values()].map((a) => a.answers.length)).to.deep.equal([6]);
      await expect(el2).to.be.accessible();
    } finally {
      worker.events.removeListener('request:start', record);
      navigator.sendBeacon = beacon;
      navigator.clipboard.writeText = clipboard;
    }
  });

  it('takes its backend from a <civic-provider>', async () => {
    worker.use(...restHandlers(new MemoryBackend({ comparisons: [demo()] })));
    await import('../../src/define/civic-provider.js');
    const wrapper = await mount<HTMLElement>(html`<civic-provider api="/api" lang="en"><civic-comparator comparison="chefs-numerique-2012"></civic-comparator></civic-provider>`);
    const el = wrapper.querySelector('civic-comparator')!;
    await rendered(el);
    expect(text(el)).to.contain('Les chefs et le numérique').and.contain('Positions table');
  });

  it('keeps opted-in answers on the device when offline and sends them once the network returns', async () => {
    const backend = new MemoryBackend({ comparisons: [demo({ collectAnswers: true })] });
    const el = await mount<CivicComparator>(html`<civic-comparator lang="fr" comparison="chefs-numerique-2012" .backend=${backend}></civic-comparator>`);
    await rendered(el);
    await answerAll(el, [1, 1, 1, 1, 1, 1]);
    backend.online = false;
    button(el, 'Envoyer mes réponses anonymement').click();
    await waitForText(el, 'Vos réponses sont gardées sur cet appareil');
    expect(outbox.entries('comparison.answers', 'chefs-numerique-2012')).to.have.length(1);
    await expect(el).to.be.accessible();
    backend.online = true;
    dispatchEvent(new Event('online'));
    await waitForText(el, 'vos réponses ont été envoyées anonymement');
    expect(backend.comparisons.answers.size).to.equal(1);
    expect(outbox.entries('comparison.answers', 'chefs-numerique-2012')).to.have.length(0);
  });

  it('opens on the results when the URL fragment holds shared answers', async () => {
    const c = demo();
    const ids = c.statements.map((s) => s.id);
    const answers = { [ids[0]!]: { stance: -2, weight: 2 }, [ids[3]!]: { stance: 2, weight: 1 } };
    const hash = location.hash;
    history.replaceState(null, '', encodeAnswers(c.id, ids, answers));
    try {
      const el = await mount<CivicComparator>(html`<civic-comparator lang="fr" comparison="chefs-numerique-2012" .backend=${new MemoryBackend({ comparisons: [c] })}></civic-comparator>`);
      await waitUntil(() => el.shadowRoot!.querySelector('[part~=ranking]'), 'results from the fragment');
      const best = matchParties(c, answers, 'wahl-o-mat', 'zero')[0]!;
      expect(all(el, '[part~=ranking] > li')[0]!.textContent).to.contain(c.parties.find((p) => p.id === best.partyId)!.name);
      expect(all(el, '[part~=ranking] details li')[0]!.textContent).to.contain('compte double');
    } finally {
      history.replaceState(null, '', hash || location.pathname + location.search);
    }
  });

  it('spaces the results’ actions (Modifier, Recommencer, Copier le lien) evenly, at 704 and 320 px', async () => {
    const el = await mount<CivicComparator>(html`<civic-comparator lang="fr" comparison="chefs-numerique-2012" .backend=${new MemoryBackend({ comparisons: [demo()] })}></civic-comparator>`);
    await rendered(el);
    await answerAll(el, [2, 1, null, -1, 0, 1]);
    try {
      for (const width of [704, 320]) {
        await setViewport({ width, height: 640 });
        const row = button(el, 'Copier le lien de mes résultats').parentElement!;
        const gap = parseFloat(getComputedStyle(row).columnGap);
        const boxes = [...row.children].map((b) => b.getBoundingClientRect());
        expect(boxes).to.have.length(3);
        for (const [i, b] of boxes.entries()) {
          const before = boxes[i - 1];
          // Beside the one before it, one gap apart; or first on its line, at the row's start.
          if (before && Math.abs(before.top - b.top) < 1) expect(b.left - before.right, `${width} px, button ${i + 1}`).to.be.closeTo(gap, 0.5);
          else expect(b.left, `${width} px, button ${i + 1} starts its line`).to.be.closeTo(row.getBoundingClientRect().left, 0.5);
        }
      }
      await expect(el).to.be.accessible();
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('speaks English, and stays usable 320 px wide', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const el = await mount<CivicComparator>(html`<civic-comparator lang="en" comparison="chefs-numerique-2012" .backend=${new MemoryBackend({ comparisons: [demo()] })}></civic-comparator>`);
      await rendered(el);
      expect(text(el)).to.contain('Positions table').and.contain('Strongly disagree').and.contain('No answer');
      const wide = () => document.documentElement.scrollWidth - document.documentElement.clientWidth;
      expect(wide(), 'the page does not scroll sideways: the table scrolls in its own region').to.be.at.most(0);
      expect($(el, '.scroll').getAttribute('tabindex')).to.equal('0');
      await expect(el).to.be.accessible();
      await answerAll(el, [2, 1, null, -1, 0, 1]);
      expect(text(el)).to.contain('Your results').and.contain('match').and.contain('For each statement you answered');
      expect(wide()).to.be.at.most(0);
      for (const b of all(el, 'button')) expect(b.getBoundingClientRect().right, b.textContent!).to.be.at.most(320);
      await expect(el).to.be.accessible();
      button(el, 'Change my answers').click();
      await waitForText(el, 'Statement 1 of 6');
      expect(wide()).to.be.at.most(0);
      await expect(el).to.be.accessible();
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});

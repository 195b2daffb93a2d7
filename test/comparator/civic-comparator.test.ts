import { html } from 'lit';
import { setViewport } from '@web/test-runner-commands';
import type { Comparison } from '../../src/api/comparison.js';
import { MemoryBackend } from '../../src/api/memory-backend.js';
import type { CivicComparator } from '../../src/comparator/civic-comparator.js';
import { matchParties } from '../../src/domain/matching.js';
import '../../src/define/civic-comparator.js';
import { quebec2012 } from '../../server/comparisons/demo-data.js';
import { $, announced, expect, mount, recorded, sendKeys, text, waitForText, waitUntil } from '../helpers.js';

const demo = (): Comparison => structuredClone(quebec2012);

async function comparator(backend = new MemoryBackend({ comparisons: [demo()] }), lang = 'fr', view = 'matrix') {
  const el = await mount<CivicComparator>(html`<civic-comparator lang=${lang} comparison="chefs-numerique-2012" view=${view} .backend=${backend}></civic-comparator>`);
  await waitUntil(() => el.shadowRoot!.querySelector('[part~=base]'), 'comparator rendered');
  return el;
}
const all = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const focused = (el: Element) => el.shadowRoot!.activeElement as HTMLElement | null;
/** Presses Tab until `test` holds for the focused element (at most 40 times). */
async function tabTo(el: Element, test: (f: HTMLElement) => boolean, what: string) {
  for (let i = 0; i < 40; i++) {
    const f = focused(el);
    if (f && test(f)) return f;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached ${what}`);
}
const checkedStance = (el: Element) => all<HTMLInputElement>(el, '[name=stance]').find((r) => r.checked)?.value;
const openQuestionnaire = async (el: CivicComparator) => {
  all(el, '[part~=views] button')[1]!.click();
  await waitUntil(() => el.shadowRoot!.querySelector('[part~=question]'), 'questionnaire shown');
};

const openQuestionnaireAfterClose = async (el: CivicComparator) => {
  el.shadowRoot!.querySelector('dialog')?.close();
  await el.updateComplete;
  await openQuestionnaire(el);
};

describe('<civic-comparator> matrix', () => {
  it('shows statements × parties, each stance by icon and text, "no answer" as such, accessibly', async () => {
    const el = await comparator();
    expect($(el, '[part~=heading]').textContent).to.contain('Les chefs et le numérique');
    expect(all(el, 'thead th').map((th) => th.textContent!.trim())).to.deep.equal(['Énoncé', 'Marois', 'Charest', 'Legault', 'Khadir', 'Aussant']);
    expect(all(el, 'tbody tr')).to.have.length(6);
    const first = all(el, 'tbody tr')[0]!;
    expect([...first.querySelectorAll('td')].map((td) => td.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
      '✘✘ Pas du tout d’accord',
      '– Neutre',
      '✔ Plutôt d’accord',
      '? Sans réponse',
      '✔✔ Tout à fait d’accord',
    ]);
    expect(first.querySelector('[aria-hidden]')?.textContent, 'the icon is hidden from screen readers: the text says it').to.equal('✘✘');
    await expect(el).to.be.accessible();
  });

  it('320 px wide (or 200 % zoom): one card per statement with every party in view, nothing scrolls sideways', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const el = await comparator();
      const region = $(el, '.scroll');
      expect(region.scrollWidth - region.clientWidth, 'the table does not hide parties in a sideways scroll').to.be.at.most(0);
      const right = region.getBoundingClientRect().right;
      const first = all(el, 'tbody tr')[0]!;
      const cells = [...first.querySelectorAll<HTMLElement>('td')];
      expect(cells.map((td) => td.getBoundingClientRect().right <= right + 0.5)).to.deep.equal([true, true, true, true, true]);
      expect(cells.map((td) => getComputedStyle(td, '::before').content)).to.deep.equal(['"Marois" / ""', '"Charest" / ""', '"Legault" / ""', '"Khadir" / ""', '"Aussant" / ""']);
      await expect(el).to.be.accessible();
      await setViewport({ width: 1000, height: 640 });
      await waitUntil(() => getComputedStyle(first).display === 'table-row', 'a table again when wide');
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('names each cell by its stance, party and statement', async () => {
    const el = await comparator();
    const cell = all(el, 'tbody tr')[0]!.querySelectorAll('button')[1]!;
    const label = cell.getAttribute('aria-label')!;
    expect(label.startsWith('Neutre'), 'the visible words first').to.equal(true);
    expect(label).to.contain('Jean Charest').and.contain(demo().statements[0]!.text);
  });

  it('marks the comparison\'s own texts with its language, and only them (WCAG 3.1.2)', async () => {
    const el = await comparator(undefined, 'en');
    const langOf = (node: Element) => (node.closest('[lang]') ?? el).getAttribute('lang');
    expect(langOf($(el, '[part~=heading]')), 'the French title on an English widget').to.equal('fr');
    expect(all(el, 'tbody th').map(langOf)).to.deep.equal(Array(6).fill('fr'));
    expect(langOf($(el, 'caption')), 'the widget\'s own words stay in its language').to.equal('en');
    all(el, 'tbody button.cell')[0]!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('blockquote'), 'details open');
    expect(langOf($(el, 'blockquote'))).to.equal('fr');
    await openQuestionnaireAfterClose(el);
    expect(langOf($(el, '[part~=question] h3'))).to.equal('fr');
    await expect(el).to.be.accessible();
  });

  it('filters by theme', async () => {
    const el = await comparator();
    const select = $<HTMLSelectElement>(el, '[part~=filter] select');
    expect([...select.options].map((o) => o.textContent)).to.deep.equal(['Tous les thèmes', 'Gouvernance', 'Logiciel libre', 'Gouvernement ouvert', 'Accès à Internet', 'Contrats publics']);
    select.value = 'Gouvernement ouvert';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => all(el, 'tbody tr').length === 2);
    expect(text(el)).to.contain('ouvrir ses données').and.contain('rapport Gautrin').and.not.contain('ministère consacré');
    await expect(el).to.be.accessible();
  });

  it('a cell opens its quote, source and date; Escape closes it and focus returns to the cell', async () => {
    const el = await comparator();
    const cell = all(el, 'tbody tr')[0]!.querySelectorAll('button')[4]!;
    cell.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = $<HTMLDialogElement>(el, 'dialog');
    await waitUntil(() => dialog.open, 'dialog open');
    expect(dialog.textContent).to.contain('Jean-Martin Aussant (Option nationale)').and.contain('Tout à fait d’accord').and.contain('excellente idée').and.contain('31 août 2012');
    const link = dialog.querySelector('a')!;
    expect([link.href, link.rel]).to.deep.equal(['https://www.michelleblanc.com/', 'nofollow ugc noopener']);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'dialog closed');
    expect(focused(el)).to.equal(cell);
  });

  it('a party with no position: the cell says "no answer" and shows why', async () => {
    const el = await comparator();
    all(el, 'tbody tr')[0]!.querySelectorAll('button')[3]!.click();
    const dialog = $<HTMLDialogElement>(el, 'dialog');
    await waitUntil(() => dialog.open);
    expect(dialog.textContent).to.contain('Sans réponse').and.contain('la réflexion doit d’abord venir de la base');
    dialog.querySelector<HTMLButtonElement>('form button')!.click();
    await waitUntil(() => !dialog.open);
  });
});

/** Answers the statement on screen with the keyboard only: a stance (0 = the first, "strongly agree") or skip, and "counts double". */
async function answerByKeyboard(el: CivicComparator, choice: number | 'skip', double = false) {
  expect(focused(el)?.id, 'the statement has focus').to.equal('q');
  if (choice === 'skip') {
    await tabTo(el, (f) => f.textContent === 'Passer', 'Skip');
  } else {
    const radio = await tabTo(el, (f) => f.getAttribute('name') === 'stance', 'a stance');
    const radios = all<HTMLInputElement>(el, '[name=stance]');
    let i = radios.indexOf(radio as HTMLInputElement);
    if (!radios[i]!.checked) await sendKeys({ press: 'Space' });
    for (; i < choice; i++) await sendKeys({ press: 'ArrowDown' });
    for (; i > choice; i--) await sendKeys({ press: 'ArrowUp' });
    if ($<HTMLInputElement>(el, '[name=weight]').checked !== double) {
      await tabTo(el, (f) => f.getAttribute('name') === 'weight', 'counts double');
      await sendKeys({ press: 'Space' });
    }
    await tabTo(el, (f) => f.getAttribute('part') === 'submit', 'Next');
  }
  const before = el.shadowRoot!.querySelector('progress')!.value;
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => (el.shadowRoot!.querySelector('progress')?.value ?? 0) !== before || el.shadowRoot!.querySelector('[part~=results]'), 'moved on');
  await waitUntil(() => ['q', 'res'].includes(focused(el)?.id ?? ''), `focus on the next statement or the results, not ${focused(el)?.outerHTML}`);
}

const pct = (x: number | null, lang = 'fr') => (Math.round(x ?? 0) / 100).toLocaleString(lang, { style: 'percent' });
/** [party name, match text] of the ranking on screen. */
const ranking = (el: Element) => all(el, '[part~=ranking] > li').map((li) => [li.querySelector('.row span')!.textContent!.trim(), li.querySelector('strong')!.textContent!.trim()]);
const expectedRanking = (c: Comparison, answers: Parameters<typeof matchParties>[1], method: 'wahl-o-mat' | 'city-block' | 'hybrid' = 'wahl-o-mat', lang = 'fr') =>
  matchParties(c, answers, method, 'zero').map((m) => [c.parties.find((p) => p.id === m.partyId)!.name, `${pct(m.match, lang)} ${lang === 'fr' ? 'de correspondance' : 'match'}`]);

describe('<civic-comparator> questionnaire', () => {
  it('goes through the whole questionnaire by keyboard only: answer, weight, skip, back and change; results match the module', async () => {
    const el = await comparator();
    const events = recorded(el, 'civic-compared');
    const tab = all(el, '[part~=views] button')[1]!;
    tab.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused(el)?.id === 'q', 'the first statement has focus');
    expect(text(el)).to.contain('Énoncé 1 sur 6').and.contain('ministère consacré au numérique');
    expect(tab.getAttribute('aria-pressed')).to.equal('true');
    await expect(el).to.be.accessible();
    await answerByKeyboard(el, 0, true); // ministère: strongly agree, counts double
    await answerByKeyboard(el, 1); // logiciel libre: agree (changed below)
    expect(text(el)).to.contain('Énoncé 3 sur 6');
    await expect(el).to.be.accessible();
    await answerByKeyboard(el, 'skip'); // données ouvertes
    // Back twice to the second statement: its answer is still there; change it to "strongly disagree".
    for (const _ of [1, 2]) {
      await tabTo(el, (f) => f.textContent === 'Précédent', 'Back');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => focused(el)?.id === 'q');
    }
    expect(text(el)).to.contain('Énoncé 2 sur 6');
    expect(checkedStance(el)).to.equal('1');
    await answerByKeyboard(el, 4);
    expect(checkedStance(el), 'the skipped statement has no answer').to.equal(undefined);
    await answerByKeyboard(el, 'skip');
    await answerByKeyboard(el, 0); // haute vitesse: strongly agree
    await answerByKeyboard(el, 2); // contrats: neutral
    expect(text(el)).to.contain('Énoncé 6 sur 6').and.contain('Voir mes résultats');
    await answerByKeyboard(el, 3); // Gautrin: disagree
    expect(focused(el)?.id).to.equal('res');

    const answers = {
      'ministere-numerique': { stance: 2, weight: 2 },
      'logiciel-libre': { stance: -2, weight: 1 },
      'donnees-ouvertes': { stance: null, weight: 1 },
      'haute-vitesse-regions': { stance: 2, weight: 1 },
      'contrats-informatiques': { stance: 0, weight: 1 },
      'rapport-gautrin': { stance: -1, weight: 1 },
    };
    const c = demo();
    expect(ranking(el)).to.deep.equal(expectedRanking(c, answers));
    const best = matchParties(c, answers, 'wahl-o-mat', 'zero')[0]!;
    expect(announced(el)).to.contain(`Meilleure correspondance : Jean-Martin Aussant (Option nationale), ${pct(best.match)}`);
    expect(events.at(-1)!.ranking).to.deep.equal(matchParties(c, answers, 'wahl-o-mat', 'zero').map(({ partyId, match, covered, answered }) => ({ partyId, match, covered, answered })));
    expect(events.at(-1)!.method).to.equal('wahl-o-mat');
    await expect(el).to.be.accessible();
  });

  it('a party that took no stance on any of the reader’s statements is not shown as a 0 % match (when missing answers count zero)', async () => {
    const results = async (missingAnswer: Comparison['missingAnswer']) => {
      const c = demo();
      const silent = c.parties[0]!;
      c.positions = c.positions.filter((p) => p.partyId !== silent.id);
      c.missingAnswer = missingAnswer;
      const el = await comparator(new MemoryBackend({ comparisons: [c] }), 'fr', 'questionnaire');
      for (let i = 0; i < c.statements.length; i++) {
        await waitUntil(() => el.shadowRoot!.querySelector('[name=stance]'), 'a statement');
        all<HTMLInputElement>(el, '[name=stance]')[0]!.click();
        $(el, '[part~=submit]').click();
        await el.updateComplete;
      }
      await waitUntil(() => el.shadowRoot!.querySelector('[part~=ranking]'), 'results');
      const row = all(el, '[part~=ranking] > li').find((li) => li.textContent!.includes(silent.name))!;
      expect(row.querySelector('.hint')!.textContent).to.equal(`A pris position sur 0 de vos ${c.statements.length} énoncés`);
      return { el, said: row.querySelector('strong')!.textContent!, bar: row.querySelector<HTMLElement>('.bar span')!.style.inlineSize };
    };
    const zero = await results('zero');
    expect([zero.said, zero.bar]).to.deep.equal(['aucune position à comparer', '0%']);
    await expect(zero.el).to.be.accessible();
    // Counted as neutral, the organiser's rule gives it a match: the words agree with its bar and rank.
    const neutral = await results('neutral');
    expect(neutral.said).to.equal(`${neutral.bar.replace('%', '\u00a0%')} de correspondance`);
  });

  it('explains the results: the method in plain words, coverage, and what each statement added, as the module computed', async () => {
    const el = await comparator(undefined, 'fr', 'questionnaire');
    await waitUntil(() => el.shadowRoot!.querySelector('[part~=question]'));
    const answers: Record<string, { stance: number; weight: number }> = {};
    const choose = async (stance: number, double = false) => {
      const radio = all<HTMLInputElement>(el, '[name=stance]').find((r) => r.value === String(stance))!;
      radio.click();
      if (double) $<HTMLInputElement>(el, '[name=weight]').click();
      const id = c.statements[el.shadowRoot!.querySelector('progress')!.value - 1]!.id;
      answers[id] = { stance, weight: double ? 2 : 1 };
      $(el, '[part~=submit]').click();
      await el.updateComplete;
    };
    const c = demo();
    await choose(1, true);
    await choose(2);
    await choose(2);
    await choose(-1);
    await choose(2, true);
    await choose(0);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~=results]'));
    expect($(el, '[part~=method]').textContent).to.contain('2 points s’il est du même côté que vous').and.contain('compte double vaut deux fois plus').and.contain('obtient 0 point');
    const ranked = matchParties(c, answers, 'wahl-o-mat', 'zero');
    expect(ranking(el)).to.deep.equal(expectedRanking(c, answers));
    const items = all(el, '[part~=ranking] > li');
    for (const [i, m] of ranked.entries()) {
      const li = items[i]!;
      expect(li.querySelector('.hint')!.textContent).to.equal(`A pris position sur ${m.covered} de vos 6 énoncés`);
      const lines = [...li.querySelectorAll('details li')].map((x) => x.textContent!.replace(/\s+/g, ' '));
      expect(lines).to.have.length(6);
      for (const [j, s] of m.statements.entries()) {
        const num = (x: number) => x.toLocaleString('fr', { maximumFractionDigits: 1 });
        expect(lines[j]).to.contain(`sur ${num(s.max)} (ajoute ${num(s.added)} %)`);
      }
    }
    const marois = items.find((li) => li.textContent!.includes('Pauline Marois'))!;
    const details = marois.querySelector('details')!;
    details.querySelector('summary')!.click();
    expect(details.open).to.equal(true);
    expect(details.textContent!.replace(/\s+/g, ' '))
      .to.contain('Vous : Plutôt d’accord (compte double) · Marois : Pas du tout d’accord')
      .and.contain('Il n’y aura pas de ministère du numérique')
      .and.contain('Marois : Sans réponse');
    await expect(el).to.be.accessible();
  });

  it('each method gives the ranking the module gives, stated in words, and fires civic-compared again', async () => {
    const el = await comparator(undefined, 'fr', 'questionnaire');
    await waitUntil(() => el.shadowRoot!.querySelector('[part~=question]'));
    for (const stance of ['2', '1', '0', '-2', '1', '-1']) {
      all<HTMLInputElement>(el, '[name=stance]').find((r) => r.value === stance)!.click();
      $(el, '[part~=submit]').click();
      await el.updateComplete;
    }
    await waitUntil(() => el.shadowRoot!.querySelector('[part~=results]'));
    const c = demo();
    const answers = Object.fromEntries(c.statements.map((s, i) => [s.id, { stance: [2, 1, 0, -2, 1, -1][i]!, weight: 1 }]));
    const events = recorded(el, 'civic-compared');
    const select = $<HTMLSelectElement>(el, '[part~=results] select');
    for (const [method, words] of [
      ['city-block', 'par paliers égaux'],
      ['hybrid', 'modèle hybride publié par Mendez'],
      ['wahl-o-mat', 'seul le côté compte'],
    ] as const) {
      select.value = method;
      select.dispatchEvent(new Event('change'));
      await waitUntil(() => events.at(-1)?.method === method, `civic-compared for ${method}`);
      expect(ranking(el), method).to.deep.equal(expectedRanking(c, answers, method));
      expect($(el, '[part~=method]').textContent).to.contain(words);
      await expect(el).to.be.accessible();
    }
  });

  it('with nothing answered, says so instead of ranking', async () => {
    const el = await comparator(undefined, 'fr', 'questionnaire');
    await waitUntil(() => el.shadowRoot!.querySelector('[part~=question]'));
    for (let i = 0; i < 6; i++) {
      [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Passer')!.click();
      await el.updateComplete;
    }
    await waitForText(el, 'Vous n’avez encore répondu à aucun énoncé');
    expect(el.shadowRoot!.querySelector('[part~=ranking]')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});

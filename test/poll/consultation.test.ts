import { MemoryBackend } from '../../src/api/memory-backend.js';
import type { Poll, Proposal } from '../../src/api/poll.js';
import { CivicProposedEvent } from '../../src/core/proposed-event.js';
import type { CivicPoll } from '../../src/poll/civic-poll.js';
import { $, announced, expect, recorded, sendKeys, text, type, waitForText, waitUntil } from '../helpers.js';
import { mountPoll } from './mount.js';
import { argumentsOf, consultation, proposals } from './data.js';

const backendWith = (poll: Poll = consultation(), list: Proposal[] = proposals()) =>
  new MemoryBackend({ polls: { polls: [poll], proposals: list, arguments: argumentsOf() } });
const mountConsultation = async (backend: MemoryBackend, lang = 'fr') => {
  const el = await mountPoll(backend, 'contribuez', lang);
  await waitUntil(() => el.shadowRoot!.querySelectorAll('[part~=proposal]').length, 'proposals shown');
  return el;
};
/** Seeds votes on proposals: `{ agents: { agree: 60, disagree: 55 } }`. */
async function seedVotes(backend: MemoryBackend, votes: Record<string, Partial<Record<'agree' | 'mixed' | 'disagree', number>>>) {
  for (const [proposal, counts] of Object.entries(votes))
    for (const [value, n] of Object.entries(counts)) await backend.polls.seed('contribuez', proposal, { value: value as 'agree' }, n);
}
const articles = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~=proposal]')];
const article = (el: Element, title: string) => {
  const a = articles(el).find((x) => x.querySelector('h3')?.textContent === title);
  if (!a) throw new Error(`no proposal ${title} in: ${text(el)}`);
  return a;
};
const buttonIn = (root: ParentNode, label: string | RegExp) => {
  const b = [...root.querySelectorAll<HTMLButtonElement>('button')].find((x) => (typeof label === 'string' ? x.textContent?.trim() === label : label.test(x.textContent ?? '')));
  if (!b) throw new Error(`no button ${label}`);
  return b;
};
const titles = (root: ParentNode) => [...root.querySelectorAll('li strong, [part~=proposal] h3')].map((h) => h.textContent);
const squash = (s: string | null | undefined) => (s ?? '').replace(/[\s\u202f]+/g, ' ').trim();

describe('<civic-poll> consultation', () => {
  it('lists proposals by theme with their authors, and filters by theme', async () => {
    const el = await mountConsultation(backendWith());
    expect(titles(el.shadowRoot!)).to.deep.equal([
      'Des journées des usages et solutions en région',
      'Former chaque agent de l’État au numérique',
      'Une éducation civique numérique dès l’école',
      'Un champion numérique par région',
    ]);
    expect(squash(article(el, 'Un champion numérique par région').textContent)).to.contain('Par Fabrice').and.contain('Croissance et innovation');
    expect(text(el)).to.contain('4 propositions');
    const theme = $<HTMLSelectElement>(el, '[part~=filters] select');
    expect(theme.labels?.[0]?.textContent).to.contain('Thème');
    theme.value = 'loyaute';
    theme.dispatchEvent(new Event('change'));
    await waitUntil(() => articles(el).length === 1);
    expect(titles(el.shadowRoot!)).to.deep.equal(['Une éducation civique numérique dès l’école']);
    await expect(el).to.be.accessible();
  });

  it('a vote on a proposal keeps the focus, and the reader’s place, on the button pressed', async () => {
    const backend = backendWith();
    backend.latencyMs = 150; // the button is disabled while the vote is sent: Chromium drops its focus
    const el = await mountConsultation(backend);
    const a = () => article(el, 'Un champion numérique par région');
    const agree = () => buttonIn(a(), 'D’accord');
    agree().focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => agree().getAttribute('aria-pressed') === 'true');
    await el.updateComplete;
    await waitUntil(() => el.shadowRoot!.activeElement === agree(), 'focus back on the button pressed');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => agree().getAttribute('aria-pressed') === 'false');
    await waitUntil(() => el.shadowRoot!.activeElement === agree(), 'and after withdrawing');
  });

  it('votes agree / mixed / disagree with toggle buttons, from the keyboard; pressing again withdraws', async () => {
    const backend = backendWith();
    const el = await mountConsultation(backend);
    const events = recorded(el, 'civic-voted');
    const a = () => article(el, 'Un champion numérique par région');
    const group = a().querySelector('[part~=vote]')!;
    expect(group.getAttribute('role')).to.equal('group');
    expect(group.getAttribute('aria-label')).to.equal('Votre vote sur : Un champion numérique par région');
    const agree = () => buttonIn(a(), 'D’accord');
    expect(agree().getAttribute('aria-pressed')).to.equal('false');
    agree().focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => agree().getAttribute('aria-pressed') === 'true');
    expect(squash(a().textContent)).to.contain('100 % d’accord · 0 % mitigé · 0 % pas d’accord · 1 vote');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.textContent?.trim()).to.equal('Mitigé');
    await sendKeys({ press: 'Space' });
    await waitUntil(() => buttonIn(a(), 'Mitigé').getAttribute('aria-pressed') === 'true');
    expect(agree().getAttribute('aria-pressed'), 'one value at a time').to.equal('false');
    expect(squash(a().textContent)).to.contain('0 % d’accord · 100 % mitigé · 0 % pas d’accord · 1 vote');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Space' });
    await waitUntil(() => buttonIn(a(), 'Mitigé').getAttribute('aria-pressed') === 'false');
    expect(events.map((e) => [e.proposalId, e.choices.join(), e.status])).to.deep.equal([
      ['champions', 'agree', 'counted'],
      ['champions', 'mixed', 'counted'],
      ['champions', '', 'withdrawn'],
    ]);
    expect((await backend.polls.ballot('contribuez', el.participant)).votes).to.deep.equal({});
  });

  it('ranks where participants agree and where they are divided, confidence-aware', async () => {
    const backend = backendWith();
    await seedVotes(backend, {
      // 3 of 3 agree: a perfect share, too few votes to lead. 290 of 300 agree: leads.
      education: { agree: 3 },
      champions: { agree: 290, disagree: 10 },
      // An even split of many: the most divided. A split of four: less so.
      agents: { agree: 60, disagree: 55 },
      journees: { agree: 2, disagree: 2 },
    });
    const el = await mountConsultation(backend);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~=consensus]'), 'consensus shown');
    const consensus = $(el, '[part~=consensus]');
    const [agree, divided] = [...consensus.querySelectorAll('section')];
    expect(agree!.querySelector('h3')!.textContent).to.equal('Où les participants s’accordent');
    expect(getComputedStyle(agree!.querySelector('li strong')!).fontWeight).to.equal('700', 'titles look strong despite the reset');
    // Lower bounds: 290/300 → 0.94; 3/3 → 0.44; 60/115 → 0.43; 2/4 → 0.15 (fourth, left out).
    expect(titles(agree!)).to.deep.equal(['Un champion numérique par région', 'Une éducation civique numérique dès l’école', 'Former chaque agent de l’État au numérique']);
    expect(squash(agree!.textContent)).to.contain('97 % d’accord, 300 votes');
    expect(divided!.querySelector('h3')!.textContent).to.equal('Où ils sont partagés');
    expect(titles(divided!).slice(0, 2)).to.deep.equal(['Former chaque agent de l’État au numérique', 'Des journées des usages et solutions en région']);

    const sort = [...el.shadowRoot!.querySelectorAll<HTMLSelectElement>('[part~=filters] select')].find((s) => s.labels?.[0]?.textContent?.includes('Ordre'))!;
    expect([...sort.options].map((o) => o.textContent)).to.deep.equal(['Les plus récentes', 'Les plus appuyées', 'Les plus consensuelles', 'Les plus partagées']);
    sort.value = 'consensus';
    sort.dispatchEvent(new Event('change'));
    await waitUntil(() => articles(el)[0]?.textContent?.includes('Un champion numérique par région'));
    sort.value = 'division';
    sort.dispatchEvent(new Event('change'));
    await waitUntil(() => articles(el)[0]?.textContent?.includes('Former chaque agent'));
    await expect(el).to.be.accessible();
  });

  it('shows arguments for and against in two columns, likes them, and adds one', async () => {
    const backend = backendWith(consultation({ moderateProposals: false }));
    const el = await mountConsultation(backend);
    const a = () => article(el, 'Un champion numérique par région');
    const toggle = buttonIn(a(), 'Arguments (2)');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await waitUntil(() => a().querySelector('[part~=arguments]'));
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(el.shadowRoot!.getElementById(toggle.getAttribute('aria-controls')!)?.querySelector('[part~=arguments]')).to.exist;
    const [pour, contre] = [...a().querySelectorAll('[part~=arguments] section')];
    expect(pour!.querySelector('h4')!.textContent).to.equal('Pour');
    expect(squash(pour!.textContent)).to.contain('Une locomotive entraîne tout un écosystème.');
    expect(contre!.querySelector('h4')!.textContent).to.equal('Contre');
    expect(squash(contre!.textContent)).to.contain('Choisir un seul champion');
    const like = buttonIn(pour!, /J’aime/);
    expect(like.getAttribute('aria-pressed')).to.equal('false');
    expect(squash(like.textContent), 'its name says whose argument it is').to.equal('J’aime · 4 (l’argument de Sylvain)');
    like.click();
    await waitUntil(() => like.getAttribute('aria-pressed') === 'true' && like.textContent!.includes('5'));
    await expect(el).to.be.accessible();

    const form = a().querySelector('form')!;
    [...form.querySelectorAll<HTMLInputElement>('[type=radio]')][1]!.click();
    await type(form.querySelector<HTMLTextAreaElement>('textarea')!, 'Les autres régions seraient laissées pour compte.');
    await type(form.querySelector<HTMLInputElement>('input[name$=authorName]')!, 'Mario');
    buttonIn(form, 'Envoyer').click();
    await waitUntil(() => a().querySelectorAll('[part~=arguments] section')[1]?.textContent?.includes('laissées pour compte'));
    expect(announced(el)).to.contain('Merci, votre argument est publié.');
    await expect(el).to.be.accessible();
  });

  it('takes a proposal that waits for moderation: errors beside fields, then shown to its author as pending', async () => {
    const backend = backendWith();
    const el = await mountConsultation(backend);
    const proposed = recorded(el, 'civic-proposed');
    const open = buttonIn(el.shadowRoot!, 'Faire une proposition');
    open.click();
    await waitUntil(() => el.shadowRoot!.querySelector('form[aria-labelledby=propose]'));
    const form = $<HTMLFormElement>(el, 'form[aria-labelledby=propose]');
    expect(form.textContent).to.contain('Les propositions paraissent après leur lecture par un modérateur.');
    await type(form.querySelector<HTMLInputElement>('[name=p-title]')!, 'Des données ouvertes par défaut');
    buttonIn(form, 'Proposer').click();
    await waitForText(el, 'Entrez votre texte');
    expect(text(el)).to.contain('Entrez votre nom').and.not.contain('Obligatoire');
    expect(el.shadowRoot!.activeElement?.getAttribute('name')).to.equal('p-body');
    expect(form.querySelector('[name=p-body]')!.getAttribute('aria-invalid')).to.equal('true');
    expect(announced(el)).to.contain('2 champs sont à corriger');
    await expect(el).to.be.accessible();
    const theme = form.querySelector<HTMLSelectElement>('select')!;
    theme.value = 'action-publique';
    theme.dispatchEvent(new Event('change'));
    await type(form.querySelector<HTMLTextAreaElement>('[name=p-body]')!, 'Publier les données de l’État dans des formats ouverts.');
    await type(form.querySelector<HTMLInputElement>('[name=p-authorName]')!, 'Cyrille');
    buttonIn(form, 'Proposer').click();
    await waitForText(el, 'Votre proposition paraîtra après sa lecture par un modérateur.');
    expect(proposed).to.have.length(1);
    expect(proposed[0]).to.be.instanceOf(CivicProposedEvent);
    expect(proposed[0]!.status).to.equal('pending');
    const mine = article(el, 'Des données ouvertes par défaut');
    expect(squash(mine.textContent)).to.contain('En attente de modération').and.contain('Transformation numérique de l’action publique');
    expect(mine.querySelector('[part~=vote]'), 'no votes on a pending proposal').to.equal(null);
    await expect(el).to.be.accessible();
    const list = await backend.polls.proposals('contribuez');
    expect(list.total, 'not published').to.equal(4);
    await backend.polls.moderate(proposed[0]!.proposalId, 'published');
    expect((await backend.polls.proposals('contribuez')).total).to.equal(5);
  });

  it('moves focus into the proposal form and back on Annuler, which clears its errors', async () => {
    const el = await mountConsultation(backendWith());
    const focused = () => el.shadowRoot!.activeElement;
    buttonIn(el.shadowRoot!, 'Faire une proposition').click();
    await waitUntil(() => focused()?.getAttribute('name') === 'p-themeId', `focus on the form's first field, not ${focused()?.outerHTML}`);
    const form = () => $<HTMLFormElement>(el, 'form[aria-labelledby=propose]');
    await type(form().querySelector<HTMLInputElement>('[name=p-title]')!, 'Des données ouvertes');
    buttonIn(form(), 'Proposer').click();
    await waitForText(el, 'Entrez votre texte');
    buttonIn(form(), 'Annuler').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused()?.textContent?.trim() === 'Faire une proposition', 'focus back on the button that opened the form');
    expect(document.activeElement).to.equal(el);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot!.querySelector('form[aria-labelledby=propose]'));
    expect(form().querySelectorAll('[aria-invalid=true], .error')).to.have.length(0);
    expect(form().querySelector<HTMLInputElement>('[name=p-title]')!.value, 'what was typed stays').to.equal('Des données ouvertes');
    await expect(el).to.be.accessible();
  });

  it('says where participants are divided with both sides in words, mixed votes included', async () => {
    const backend = backendWith();
    await seedVotes(backend, { agents: { agree: 40, mixed: 45, disagree: 15 }, journees: { agree: 30, disagree: 30 } });
    const el = await mountConsultation(backend);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~=consensus]'), 'consensus shown');
    const divided = $(el, '[part~=consensus]').querySelectorAll('section')[1]!;
    const lines = [...divided.querySelectorAll('li')].map((li) => squash(li.textContent));
    expect(lines).to.include('Former chaque agent de l’État au numérique — 40 % d’accord, 45 % mitigé, 15 % pas d’accord, 100 votes');
    expect(lines).to.include('Des journées des usages et solutions en région — 50 % d’accord, 50 % pas d’accord, 60 votes');
    await expect(el).to.be.accessible();
  });

  it('confirms an argument beside its form, with focus on the confirmation', async () => {
    const el = await mountConsultation(backendWith());
    const a = () => article(el, 'Un champion numérique par région');
    buttonIn(a(), 'Arguments (2)').click();
    await waitUntil(() => a().querySelector('form'));
    const form = a().querySelector('form')!;
    await type(form.querySelector<HTMLTextAreaElement>('textarea')!, 'Les autres régions seraient laissées pour compte.');
    await type(form.querySelector<HTMLInputElement>('input[name$=authorName]')!, 'Mario');
    buttonIn(form, 'Envoyer').focus();
    await sendKeys({ press: 'Enter' });
    await waitForText(el, 'Votre argument paraîtra après sa lecture');
    const notice = form.querySelector('[part~=notice]');
    expect(squash(notice?.textContent), 'in the form that was used').to.equal('Merci ! Votre argument paraîtra après sa lecture par un modérateur.');
    await waitUntil(() => el.shadowRoot!.activeElement === notice, 'focus on the confirmation');
    expect(squash($(el, '[part~=base]').querySelector(':scope > [part~=notice]')?.textContent), 'not at the top, far from the form').to.equal('');
    expect(form.querySelector<HTMLTextAreaElement>('textarea')!.value, 'the form is cleared').to.equal('');
    await expect(el).to.be.accessible();
  });

  it('confirms a proposal where its form was, and leads to the pending proposal', async () => {
    const el = await mountConsultation(backendWith());
    const theme = $<HTMLSelectElement>(el, '[part~=filters] select');
    theme.value = 'loyaute';
    theme.dispatchEvent(new Event('change'));
    await waitUntil(() => articles(el).length === 1);
    buttonIn(el.shadowRoot!, 'Faire une proposition').click();
    await waitUntil(() => el.shadowRoot!.querySelector('form[aria-labelledby=propose]'));
    const form = $<HTMLFormElement>(el, 'form[aria-labelledby=propose]');
    await type(form.querySelector<HTMLInputElement>('[name=p-title]')!, 'Des données ouvertes par défaut');
    await type(form.querySelector<HTMLTextAreaElement>('[name=p-body]')!, 'Publier les données de l’État dans des formats ouverts.');
    await type(form.querySelector<HTMLInputElement>('[name=p-authorName]')!, 'Cyrille');
    buttonIn(form, 'Proposer').focus();
    await sendKeys({ press: 'Enter' });
    await waitForText(el, 'Votre proposition paraîtra après sa lecture par un modérateur.');
    const notice = $(el, '#proposed');
    expect(squash(notice.textContent)).to.equal('Merci ! Votre proposition paraîtra après sa lecture par un modérateur.');
    expect(notice.nextElementSibling?.textContent, 'where the form was: after the proposals, by its button').to.contain('Faire une proposition');
    expect(articles(el).at(-1)!.compareDocumentPosition(notice) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    await waitUntil(() => el.shadowRoot!.activeElement === notice, 'focus on the confirmation');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.textContent?.trim()).to.equal('Voir votre proposition');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot!.activeElement?.getAttribute('part') === 'proposal', 'focus on the proposal');
    const mine = el.shadowRoot!.activeElement as HTMLElement;
    expect(mine.querySelector('h3')!.textContent).to.equal('Des données ouvertes par défaut');
    expect(squash(mine.textContent)).to.contain('En attente de modération');
    expect(theme.value, 'the theme filter that hid it is cleared').to.equal('');
    await expect(el).to.be.accessible();
  });

  it('choices among proposals (approval): Choose toggles, up to N', async () => {
    const backend = backendWith(consultation({ voteKind: 'approval', maxChoices: 2, allowProposals: false }));
    const el = await mountConsultation(backend);
    const choose = (title: string) => buttonIn(article(el, title), 'Choisir');
    choose('Un champion numérique par région').click();
    await waitUntil(() => choose('Un champion numérique par région').getAttribute('aria-pressed') === 'true');
    choose('Former chaque agent de l’État au numérique').click();
    await waitUntil(() => choose('Former chaque agent de l’État au numérique').getAttribute('aria-pressed') === 'true');
    expect(text(el)).to.contain('2 sur 2 choisies');
    choose('Une éducation civique numérique dès l’école').click();
    await waitUntil(() => announced(el).includes('au plus 2'));
    expect(choose('Une éducation civique numérique dès l’école').getAttribute('aria-pressed')).to.equal('false');
    expect((await backend.polls.ballot('contribuez', el.participant)).votes).to.deep.equal({ '': ['agents', 'champions'] });
    expect(squash(article(el, 'Un champion numérique par région').textContent)).to.contain('100 % · 1 vote');
    await expect(el).to.be.accessible();
  });

  it('support consultations: one toggle per proposal with its count', async () => {
    const backend = backendWith(consultation({ voteKind: 'support' }));
    await backend.polls.seed('contribuez', 'journees', { value: 'support' }, 7);
    const el = await mountConsultation(backend);
    const a = () => article(el, 'Des journées des usages et solutions en région');
    expect(squash(a().textContent)).to.contain('7 appuis');
    buttonIn(a(), /J’appuie/).click();
    await waitUntil(() => squash(a().textContent).includes('8 appuis'));
    expect(buttonIn(a(), /J’appuie/).getAttribute('aria-pressed')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('speaks English', async () => {
    const el = await mountConsultation(backendWith(), 'en');
    expect(text(el)).to.contain('4 proposals').and.contain('Make a proposal').and.contain('Arguments (2)');
    expect(buttonIn(article(el, 'Un champion numérique par région'), 'Agree')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('a closed consultation shows final results and no vote buttons or forms', async () => {
    const backend = backendWith(consultation({ status: 'closed', closesAt: new Date(Date.now() - 86_400_000).toISOString() }));
    await backend.polls.seed('contribuez', 'champions', { value: 'agree' }, 5);
    const el: CivicPoll = await mountConsultation(backend);
    expect(text(el)).to.contain('Ce sondage est clos');
    expect(el.shadowRoot!.querySelector('[part~=vote]')).to.equal(null);
    expect(() => buttonIn(el.shadowRoot!, 'Faire une proposition')).to.throw();
    await expect(el).to.be.accessible();
  });
});

import { html } from 'lit';
import { emulateMedia } from '@web/test-runner-commands';
import { MemoryBackend } from '../../src/api/memory-backend.js';
import type { Poll } from '../../src/api/poll.js';
import '../../src/define/civic-poll.js';
import '../../src/define/civic-provider.js';
import type { CivicPoll } from '../../src/poll/civic-poll.js';
import { $, announced, expect, mount, recorded, sendKeys, text, waitForText, waitUntil } from '../helpers.js';
import { quickPoll } from './data.js';
import { mountPoll } from './mount.js';

const backendWith = (...polls: Poll[]) => new MemoryBackend({ polls: { polls } });
/** The radios or checkboxes of a quick poll. */
const choices = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('[part~=choices] input')];
const button = (el: Element, label: string | RegExp) => {
  const b = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((x) => (typeof label === 'string' ? x.textContent?.trim() === label : label.test(x.textContent ?? '')));
  if (!b) throw new Error(`no button ${label} in: ${text(el)}`);
  return b;
};
/** Votes for the first choice and waits until the widget says `said` (the vote as counted, or what it awaits). */
async function voteFirst(el: Element, said: string) {
  choices(el)[0]!.click();
  button(el, 'Voter').click();
  await waitForText(el, said);
}
const focused = (el: Element) => el.shadowRoot!.activeElement as HTMLElement | null;
const results = (el: Element) => el.shadowRoot!.querySelector('[part~=results]')?.textContent?.replace(/[\s\u202f]+/g, ' ').trim() ?? '';

describe('<civic-poll> quick poll', () => {
  it('shows opening and closing dates with their time, unless midnight', async () => {
    const inAnHour = new Date(Date.now() + 3_600_000);
    const midnight = new Date();
    midnight.setHours(0, 0, 0, 0);
    midnight.setDate(midnight.getDate() + 30);
    const time = (d: Date) => d.toLocaleTimeString('fr', { timeStyle: 'short' });
    const upcoming = await mountPoll(backendWith(quickPoll({ status: 'upcoming', opensAt: inAnHour.toISOString(), closesAt: midnight.toISOString() })));
    expect(text(upcoming)).to.contain(`Ouvert à partir du ${inAnHour.toLocaleDateString('fr', { dateStyle: 'long' }).replace(/^1 /, '1er ')} à ${time(inAnHour)}`);
    const evening = new Date(midnight);
    evening.setHours(18, 30);
    const open = await mountPoll(backendWith(quickPoll({ closesAt: evening.toISOString() })));
    expect(text(open)).to.contain(`à ${time(evening)}`);
    const later = await mountPoll(backendWith(quickPoll({ closesAt: midnight.toISOString() })));
    expect(text(later), 'a date at midnight, far off: the day alone').to.match(new RegExp(`Ouvert jusqu’au [^·]*${midnight.getFullYear()} \\d`));
    expect(text(later)).to.not.contain(' à 00:00');
    await expect(later).to.be.accessible();
  });

  it('votes with the keyboard alone: Tab into the radio group, arrows choose, Enter votes', async () => {
    const backend = backendWith(quickPoll());
    await backend.polls.seed('ministere', null, { options: ['oui'] }, 3);
    const el = await mountPoll(backend);
    expect($(el, '[part~=heading]').textContent).to.equal('Le Québec devrait-il se doter d’un ministère du Numérique ?');
    expect(choices(el).map((c) => c.type)).to.deep.equal(['radio', 'radio', 'radio']);
    expect(results(el)).to.contain('Les résultats s’affichent une fois que vous avez voté');
    await expect(el).to.be.accessible();
    const events = recorded(el, 'civic-voted');

    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(choices(el)[0]);
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(el)).to.equal(choices(el)[1]);
    expect(choices(el).map((c) => c.checked)).to.deep.equal([false, true, false], 'the arrow moves the choice, as in any radio group');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowUp' });
    expect(choices(el)[1]!.checked).to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.textContent?.trim()).to.equal('Voter');
    await sendKeys({ press: 'Enter' });

    await waitForText(el, 'Merci, votre vote est compté.');
    expect(announced(el)).to.contain('Merci, votre vote est compté.');
    expect(text(el)).to.contain('Votre vote : Non');
    expect(results(el)).to.match(/Oui 75 % · 3 votes/).and.match(/Non \(votre choix\) 25 % · 1 vote/).and.match(/Sans opinion 0 % · 0 vote/);
    expect(text(el)).to.contain('4 participants');
    expect(events).to.have.length(1);
    expect([events[0]!.pollId, events[0]!.proposalId, events[0]!.choices, events[0]!.status]).to.deep.equal(['ministere', null, ['non'], 'counted']);
    await expect(el).to.be.accessible();
  });

  it('changes and withdraws a vote until the poll closes', async () => {
    const backend = backendWith(quickPoll());
    const el = await mountPoll(backend);
    await voteFirst(el, 'Votre vote : Oui');

    button(el, 'Changer mon vote').click();
    await waitUntil(() => choices(el).length === 3);
    expect(choices(el)[0]!.checked, 'the form shows the current vote').to.equal(true);
    choices(el)[2]!.click();
    button(el, 'Voter').click();
    await waitForText(el, 'Votre vote : Sans opinion');
    expect(results(el)).to.contain('Sans opinion (votre choix) 100 % · 1 vote').and.contain('Oui 0 %');
    const ballot = await backend.polls.ballot('ministere', el.participant);
    expect(ballot.votes).to.deep.equal({ '': ['sans-avis'] });

    button(el, 'Retirer mon vote').click();
    await waitForText(el, 'Votre vote est retiré.');
    expect(results(el), 'after-vote results hide again').to.contain('une fois que vous avez voté');
    expect(choices(el)).to.have.length(3);
    expect((await backend.polls.results('ministere')).participantCount).to.equal(0);
    await expect(el).to.be.accessible();

    await backend.polls.close('ministere');
    const closed = await mountPoll(backend);
    expect(closed.shadowRoot!.querySelector('form')).to.equal(null);
    expect(text(closed)).to.contain('Ce sondage est clos');
  });

  it('keeps keyboard focus when voting, changing, cancelling and withdrawing replace the pressed button', async () => {
    const el = await mountPoll(backendWith(quickPoll()));
    const notice = () => el.shadowRoot!.querySelector('[part~=notice]');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.textContent?.trim()).to.equal('Voter');
    await sendKeys({ press: 'Enter' });
    await waitForText(el, 'Merci, votre vote est compté.');
    await waitUntil(() => focused(el) === notice(), 'focus on the notice that replaced the form');
    expect(document.activeElement, 'not lost to the page').to.equal(el);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(button(el, 'Changer mon vote'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused(el) === choices(el)[0], 'focus on the current choice');
    expect(choices(el)[0]!.checked).to.equal(true);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.textContent?.trim()).to.equal('Annuler');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused(el) === button(el, 'Changer mon vote'), 'focus back on the button that opened the form');
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(button(el, 'Retirer mon vote'));
    await sendKeys({ press: 'Enter' });
    await waitForText(el, 'Votre vote est retiré.');
    await waitUntil(() => focused(el) === notice(), 'focus on the notice after a withdrawal');
    expect(document.activeElement).to.equal(el);
    await sendKeys({ press: 'Tab' });
    expect(focused(el), 'the next Tab enters the form again').to.equal(choices(el)[0]);
    await expect(el).to.be.accessible();
  });

  it('forced colours: a bar is an outlined Canvas track with a Highlight fill, so 0 % reads as empty', async () => {
    const backend = backendWith(quickPoll({ resultsVisibility: 'always' }));
    await backend.polls.seed('ministere', null, { options: ['oui'] }, 1);
    await emulateMedia({ forcedColors: 'active' });
    try {
      const el = await mountPoll(backend);
      const probe = document.createElement('span');
      document.body.append(probe);
      const system = (c: string) => ((probe.style.color = c), getComputedStyle(probe).color);
      const [canvas, text, highlight] = [system('Canvas'), system('CanvasText'), system('Highlight')];
      probe.remove();
      const [full, empty] = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~=bar]')].map((b) => getComputedStyle(b));
      for (const bar of [full!, empty!]) {
        expect(bar.borderTopStyle).to.equal('solid');
        expect(bar.borderTopWidth).to.equal('1px');
        expect(bar.borderTopColor).to.equal(text);
      }
      expect(empty!.backgroundImage, 'the track is Canvas').to.contain(canvas).and.contain(highlight);
      await expect(el).to.be.accessible();
    } finally {
      await emulateMedia({ forcedColors: 'none' });
    }
  });

  it('approval: up to N choices, a further one refused in words, all sent at once', async () => {
    const backend = backendWith(quickPoll({ voteKind: 'approval', maxChoices: 2, resultsVisibility: 'always' }));
    const el = await mountPoll(backend);
    expect(choices(el).map((c) => c.type)).to.deep.equal(['checkbox', 'checkbox', 'checkbox']);
    expect(text(el)).to.contain('Choisissez jusqu’à 2 réponses.');
    expect($(el, '[part~=choices]').getAttribute('aria-describedby')).to.equal('upto');
    choices(el)[0]!.click();
    choices(el)[1]!.click();
    choices(el)[2]!.click();
    await waitUntil(() => announced(el).includes('au plus 2'));
    expect(choices(el).map((c) => c.checked)).to.deep.equal([true, true, false]);
    button(el, 'Voter').click();
    await waitForText(el, 'Votre vote : Oui, Non');
    expect(results(el)).to.contain('Oui (votre choix) 100 % · 1 vote').and.contain('Non (votre choix) 100 %');
    await expect(el).to.be.accessible();
  });

  it('says so when voting without a choice', async () => {
    const el = await mountPoll(backendWith(quickPoll()));
    button(el, 'Voter').click();
    await waitForText(el, 'Choisissez d’abord une réponse.');
    expect(el.shadowRoot!.querySelector('[role=alert]')).to.not.equal(null);
  });

  it('agreement: D’accord, Mitigé, Pas d’accord as a radio group', async () => {
    const backend = backendWith(quickPoll({ voteKind: 'agreement', options: [], resultsVisibility: 'always' }));
    await backend.polls.seed('ministere', null, { value: 'disagree' }, 1);
    const el = await mountPoll(backend);
    expect(choices(el).map((c) => c.parentElement!.textContent!.trim())).to.deep.equal(['D’accord', 'Mitigé', 'Pas d’accord']);
    expect(results(el), 'always: shown before voting').to.contain('Pas d’accord 100 % · 1 vote');
    await voteFirst(el, 'Votre vote : D’accord');
    expect(results(el)).to.contain('D’accord (votre choix) 50 % · 1 vote');
    await expect(el).to.be.accessible();
  });

  it('support: one toggle button, pressed to support and again to withdraw', async () => {
    const backend = backendWith(quickPoll({ voteKind: 'support', options: [], resultsVisibility: 'always' }));
    await backend.polls.seed('ministere', null, { value: 'support' }, 41);
    const el = await mountPoll(backend);
    const support = () => button(el, /J’appuie/);
    expect(support().getAttribute('aria-pressed')).to.equal('false');
    expect(results(el)).to.contain('41 appuis');
    support().focus();
    await sendKeys({ press: 'Space' });
    await waitUntil(() => support().getAttribute('aria-pressed') === 'true');
    expect(results(el)).to.contain('42 appuis');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => support().getAttribute('aria-pressed') === 'false');
    await waitForText(el, 'Votre vote est retiré.');
    expect(results(el)).to.contain('41 appuis');
  });

  it('results after the close: hidden even after voting, final once closed', async () => {
    const backend = backendWith(quickPoll({ resultsVisibility: 'after-close' }));
    const el = await mountPoll(backend);
    await voteFirst(el, 'Votre vote : Oui');
    expect(results(el)).to.contain('Les résultats s’afficheront à la clôture du sondage.');
    await backend.polls.close('ministere');
    await waitUntil(() => results(el).includes('Oui (votre choix) 100 %'), 'the close reaches the widget live');
    expect(text(el)).to.contain('Ce sondage est clos : voici ses résultats définitifs.');
    expect(el.shadowRoot!.querySelector('form, [part~=choices]')).to.equal(null);
    expect(() => button(el, 'Changer mon vote')).to.throw();
    await expect(el).to.be.accessible();
  });

  it('a poll not open yet shows its opening date and no form', async () => {
    const opens = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const el = await mountPoll(backendWith(quickPoll({ opensAt: opens })));
    expect(text(el)).to.contain('Ce sondage n’est pas encore ouvert.').and.contain('Ouvert à partir du');
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('updates results live and announces them politely', async () => {
    const backend = backendWith(quickPoll({ resultsVisibility: 'always' }));
    const el = await mountPoll(backend);
    expect(results(el)).to.contain('Oui 0 % · 0 vote');
    await backend.polls.seed('ministere', null, { options: ['oui'] }, 2);
    await waitUntil(() => results(el).includes('Oui 100 % · 2 votes'));
    expect(text(el)).to.contain('2 participants');
    const status = el.shadowRoot!.querySelector('[role=status]')!;
    expect(status.textContent).to.contain('Résultats mis à jour : 2 participants.');
    expect(status.getAttribute('aria-live') ?? 'polite', 'role=status is polite').to.equal('polite');
  });

  it('after-vote: results others add arrive live once one has voted', async () => {
    const backend = backendWith(quickPoll());
    const el = await mountPoll(backend);
    await voteFirst(el, 'Votre vote : Oui');
    await backend.polls.seed('ministere', null, { options: ['non'] }, 3);
    await waitUntil(() => results(el).includes('Non 75 % · 3 votes'), `live: ${results(el)}`);
  });

  it('speaks English, with Intl numbers', async () => {
    const backend = backendWith(quickPoll({ resultsVisibility: 'always', title: 'Should Québec have a digital ministry?' }));
    await backend.polls.seed('ministere', null, { options: ['oui'] }, 1234);
    const el = await mountPoll(backend, 'ministere', 'en-CA');
    expect(text(el)).to.contain('1,234 participants').and.contain('Open until');
    expect(results(el)).to.contain('100% · 1,234 votes');
    expect(button(el, 'Vote')).to.exist;
    await expect(el).to.be.accessible();
    el.setAttribute('lang', 'fr-CA');
    await waitForText(el, '1 234 participants');
  });

  it('keeps a vote made offline and sends it once when the network returns', async () => {
    const backend = backendWith(quickPoll());
    const el = await mountPoll(backend);
    backend.online = false;
    choices(el)[1]!.click();
    button(el, 'Voter').click();
    await waitForText(el, 'hors ligne');
    expect(text(el)).to.contain('Votre vote : Non');
    await expect(el).to.be.accessible();
    backend.online = true;
    window.dispatchEvent(new Event('online'));
    await waitForText(el, 'Votre vote gardé a été envoyé.');
    expect(results(el)).to.contain('Non (votre choix) 100 % · 1 vote');
    expect((await backend.polls.results('ministere')).participantCount).to.equal(1);
  });

  it('takes its backend from a <civic-provider>', async () => {
    const backend = backendWith(quickPoll({ resultsVisibility: 'always' }));
    const wrap = await mount<HTMLElement>(html`<civic-provider lang="fr" .backend=${backend}><civic-poll poll="ministere"></civic-poll></civic-provider>`);
    const el = wrap.querySelector('civic-poll')!;
    await waitUntil(() => el.shadowRoot!.querySelector('[part~=choices]'), 'poll rendered');
    await voteFirst(el, 'Votre vote : Oui');
    expect((await backend.polls.results('ministere')).participantCount).to.equal(1);
  });

  it('shows a load error with a retry button', async () => {
    const backend = backendWith(quickPoll());
    backend.online = false;
    const el = await mount<CivicPoll>(html`<civic-poll lang="fr" poll="ministere" .backend=${backend}><a href="/sondage">Voter sur notre site</a></civic-poll>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[role=alert]'));
    expect(text(el)).to.contain('Le réseau est injoignable');
    await expect(el).to.be.accessible();
    backend.online = true;
    button(el, 'Réessayer').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~=base]'));
  });

  it('email-confirmed polls: a vote is pending until the email is confirmed, then counts', async () => {
    const backend = backendWith(quickPoll({ confirmEmail: true, resultsVisibility: 'always' }));
    const el = await mountPoll(backend);
    expect(el.shadowRoot!.querySelector('[name=e-email]'), 'no email asked before a vote').to.equal(null);
    await voteFirst(el, 'il comptera une fois votre courriel confirmé');
    await waitForText(el, 'Confirmez votre courriel');
    expect(results(el), 'not counted yet').to.contain('Oui (votre choix) 0 % · 0 vote');
    const email = $<HTMLInputElement>(el, '[name=e-email]');
    email.focus();
    await sendKeys({ type: 'pas-un-courriel' });
    button(el, 'Envoyer le lien').click();
    await waitForText(el, 'Entrez une adresse courriel');
    expect(el.shadowRoot!.activeElement).to.equal(email);
    email.value = '';
    await sendKeys({ type: 'lea@example.org' });
    button(el, 'Envoyer le lien').click();
    await waitForText(el, 'Ouvrez le courriel reçu');
    await expect(el).to.be.accessible();
    await backend.polls.confirm(el.participant);
    await waitUntil(() => results(el).includes('Oui (votre choix) 100 % · 1 vote'), `counted once confirmed: ${results(el)}`);
    await waitUntil(() => announced(el).includes('Merci, votre vote est compté.'));
    expect(el.shadowRoot!.querySelector('[aria-labelledby=confirm]'), 'the email form is gone').to.equal(null);
  });

  it('email-confirmed polls: an address given offline is kept and sent when the network returns', async () => {
    const backend = backendWith(quickPoll({ confirmEmail: true, resultsVisibility: 'always' }));
    const el = await mountPoll(backend);
    await voteFirst(el, 'Confirmez votre courriel');
    backend.online = false;
    $<HTMLInputElement>(el, '[name=e-email]').focus();
    await sendKeys({ type: 'lea@example.org' });
    button(el, 'Envoyer le lien').click();
    await waitUntil(() => announced(el).includes('Votre texte est gardé sur cet appareil'), 'kept offline');
    backend.online = true;
    window.dispatchEvent(new Event('online'));
    await waitForText(el, 'Ouvrez le courriel reçu');
    await backend.polls.confirm(el.participant);
    await waitUntil(() => results(el).includes('Oui (votre choix) 100 % · 1 vote'), `counted once confirmed: ${results(el)}`);
  });
});

import { html } from 'lit';
import { MemoryBackend } from '../../src/api/memory-backend.js';
import { CivicSignedEvent } from '../../src/core/events.js';
import '../../src/define/civic-petition.js';
import '../../src/define/civic-provider.js';
import type { CivicPetition } from '../../src/petition/civic-petition.js';
import { $, announced, expect, mount, petitionData, sendKeys, text, type, waitForText, waitUntil } from '../helpers.js';

async function petition(backend: MemoryBackend, lang = 'fr', id = 'plan-numerique') {
  const el = await mount<CivicPetition>(html`<civic-petition lang=${lang} petition=${id} .backend=${backend}></civic-petition>`);
  await waitUntil(() => el.shadowRoot!.querySelector('[part~=base]'), 'petition rendered');
  return el;
}
const field = (el: Element, name: string) => $<HTMLInputElement>(el, `[name=${name}]`);
async function fill(el: Element, values: Record<string, string>) {
  for (const [name, value] of Object.entries(values)) await type(field(el, name), value);
}
/** The name (or id) of what has focus inside the widget: strings, so a failure prints readably. */
const focused = (el: Element) => el.shadowRoot!.activeElement?.getAttribute('name') ?? el.shadowRoot!.activeElement?.id;
const submit = (el: Element) => $<HTMLButtonElement>(el, '[part~=submit]').click();
/** Fills the form with `values`, sends it, and waits until the widget says `expected`. */
async function sign(el: Element, values: Record<string, string>, expected: string) {
  await fill(el, values);
  submit(el);
  await waitForText(el, expected);
}

/**
 * Ana Roy signs a petition (with `doubleOptIn` or not; the widget says `first`), then signs again as
 * `again.email` in a second widget in `again.lang`: that widget, once it says `again.says`.
 */
async function signTwice(doubleOptIn: boolean, first: string, again: { email: string; lang?: string; says: string }) {
  const backend = new MemoryBackend({ petitions: [petitionData({ doubleOptIn })] });
  await sign(await petition(backend), { name: 'Ana Roy', email: 'ana@example.org' }, first);
  const el = await petition(backend, again.lang);
  await sign(el, { name: 'Ana Roy', email: again.email }, again.says);
  return el;
}

/** A petition whose reader signs while the network is down: the signature is kept, the widget says so. */
async function signedOffline() {
  const backend = new MemoryBackend({ petitions: [petitionData({ doubleOptIn: false })] });
  const el = await petition(backend);
  backend.online = false;
  await sign(el, { name: 'Luc Côté', email: 'luc@example.org' }, 'hors ligne');
  return { backend, el };
}

describe('<civic-petition>', () => {
  it('shows the petition, its count against the goal and who signed lately, accessibly', async () => {
    const el = await petition(new MemoryBackend({ petitions: [petitionData()] }));
    expect($(el, '[part~=heading]').textContent).to.equal('Pour un plan numérique pour le Québec');
    expect($(el, '[part~=heading]').localName).to.equal('h2');
    expect(text(el)).to.contain('120 signatures').and.contain('Objectif : 500');
    const bar = $<HTMLProgressElement>(el, 'progress');
    expect([bar.value, bar.max]).to.deep.equal([120, 500]);
    const today = new Date().toLocaleDateString('fr', { dateStyle: 'medium' });
    expect(text(el)).to.contain(`Marie T., Rimouski · ${today}`);
    expect($(el, '[part~=summary]').querySelectorAll('p')).to.have.length(2);
    await expect(el).to.be.accessible();
  });

  it('speaks English when its lang (or the page’s) says so, with Intl numbers', async () => {
    const el = await petition(new MemoryBackend({ petitions: [petitionData({ signatureCount: 1234, goal: 1000 })] }), 'en-CA');
    expect(text(el)).to.contain('1,234 signatures').and.contain('Goal: 2,000').and.contain('Goal of 1,000 reached! Next goal: 2,000');
    expect(field(el, 'email').labels?.[0]?.textContent).to.contain('Email');
    submit(el);
    await waitForText(el, 'Enter your name');
    expect(text(el)).to.contain('Enter your email address');
    el.setAttribute('lang', 'fr-CA');
    await waitForText(el, '1 234 signatures');
  });

  it('shows every validation error beside its field, focuses the first and keeps what was typed', async () => {
    const backend = new MemoryBackend({ petitions: [petitionData()] });
    const el = await petition(backend);
    await sign(el, { city: 'Québec', email: 'pas-un-courriel' }, 'Entrez votre nom');
    expect(text(el), 'says what to enter, not just "Obligatoire"').to.not.contain('Obligatoire');
    expect(field(el, 'name').getAttribute('aria-invalid')).to.equal('true');
    expect(focused(el)).to.equal('name');
    const emailError = el.shadowRoot!.getElementById(field(el, 'email').getAttribute('aria-describedby')!.split(' ').pop()!);
    expect(emailError?.textContent).to.contain('adresse courriel');
    expect(field(el, 'city').value).to.equal('Québec');
    expect(announced(el)).to.contain('2 champs sont à corriger');
    expect(backend.calls.filter(([c]) => c === 'petitions.sign')).to.have.length(0);
    await expect(el).to.be.accessible();
    await fill(el, { name: 'Jean Tremblay' });
    field(el, 'email').value = '';
    await fill(el, { email: 'jean@example.org' });
    const comment = field(el, 'comment');
    comment.value = 'x'.repeat(1003);
    comment.dispatchEvent(new Event('input'));
    await type(comment, 'yy');
    submit(el);
    await waitForText(el, '1 000 caractères au maximum');
    expect(focused(el)).to.equal('comment');
    expect(text(el)).to.contain('5 caractères en trop');
  });

  it('signs: asks to confirm by email, fires civic-signed, then counts when confirmed, live', async () => {
    const backend = new MemoryBackend({ petitions: [petitionData()] });
    const el = await petition(backend);
    const events: CivicSignedEvent[] = [];
    document.addEventListener('civic-signed', (e) => events.push(e), { once: true });
    await fill(el, { name: 'Jean Tremblay', email: 'Jean.Tremblay@example.org', city: 'Gaspé' });
    field(el, 'showName').click();
    submit(el);
    await waitForText(el, 'Presque fini');
    expect(focused(el)).to.equal('done');
    // Fired once the share module (which brings the event's class) is there.
    await waitUntil(() => events.length, 'civic-signed fired');
    expect(events[0]).to.be.instanceOf(CivicSignedEvent);
    expect([events[0]!.petitionId, events[0]!.status]).to.deep.equal(['plan-numerique', 'pending']);
    expect(text(el)).to.contain('120 signatures');
    const share = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part~=share] a')];
    expect(share.map((a) => a.textContent)).to.deep.equal(['Courriel', 'Mastodon', 'Bluesky', 'Facebook', 'LinkedIn']);
    expect(share.every((a) => a.rel.includes('noopener'))).to.equal(true);
    expect(share[2]!.href).to.match(/^https:\/\/bsky\.app\/intent\/compose\?text=Pour%20un%20plan/);
    // The share module brings its own styles (adopted): the links are drawn as buttons, side by side.
    expect(getComputedStyle(share[0]!).display).to.equal('inline-flex');
    expect(getComputedStyle(share[0]!.closest('ul')!).display).to.equal('flex');
    await expect(el).to.be.accessible();
    backend.confirm('plan-numerique');
    await waitForText(el, '121 signatures');
    expect(text(el)).to.contain('Jean T., Gaspé');
  });

  it('after a failed attempt then a signature, the status region no longer asks to fix a field', async () => {
    const el = await petition(new MemoryBackend({ petitions: [petitionData()] }));
    await sign(el, { email: 'jean@example.org' }, 'Entrez votre nom');
    expect(announced(el)).to.equal('Un champ est à corriger.');
    await sign(el, { name: 'Jean Tremblay' }, 'Presque fini');
    expect(focused(el), 'focus carries the thanks').to.equal('done');
    expect(announced(el)).to.not.contain('corriger');
    await expect(el).to.be.accessible();
  });

  it('says so when the email has already signed, and keeps the form', async () => {
    const again = await signTwice(false, 'Votre signature est comptée', { email: 'ANA+petition@example.org', says: 'déjà signé' });
    expect(again.shadowRoot!.querySelector('[role=alert]')?.textContent).to.contain('déjà signé');
    expect(field(again, 'email').value).to.equal('ANA+petition@example.org');
    expect(text(again)).to.contain('121 signatures');
    expect(text(again)).to.not.contain('confirmation');
    await expect(again).to.be.accessible();
  });

  it('with double opt-in, signing again tells a signer who lost the mail that a new link is on its way', async () => {
    const again = await signTwice(true, 'Presque fini', { email: 'ana@example.org', lang: 'en', says: 'a new confirmation link is on its way' });
    expect(again.shadowRoot!.querySelector('[role=alert]')?.textContent).to.contain('already signed');
    await expect(again).to.be.accessible();
  });

  it('shows a closed petition without a form', async () => {
    const past = new Date(Date.now() - 86400_000).toISOString();
    const el = await petition(new MemoryBackend({ petitions: [petitionData({ closesAt: past })] }));
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
    expect(text(el)).to.contain('Cette pétition est close').and.contain('Close depuis le');
    await expect(el).to.be.accessible();
  });

  it('is refused with a clear message when the petition closed meanwhile', async () => {
    const backend = new MemoryBackend({ petitions: [petitionData()] });
    const el = await petition(backend);
    backend.petitionData.get('plan-numerique')!.status = 'closed';
    await sign(el, { name: 'Léa Gagnon', email: 'lea@example.org' }, 'Cette pétition est close');
  });

  it('keeps a signature made offline and sends it once when the network returns', async () => {
    const { backend, el } = await signedOffline();
    expect($<HTMLButtonElement>(el, '[part~=submit]').disabled).to.equal(true);
    expect(field(el, 'name').value).to.equal('Luc Côté');
    await expect(el).to.be.accessible();
    backend.online = true;
    window.dispatchEvent(new Event('online'));
    await waitForText(el, 'Votre signature est comptée');
    await waitForText(el, '121 signatures');
    expect(announced(el)).to.contain('Votre signature gardée a été envoyée');
    expect(backend.signatures.filter((s) => s.email === 'luc@example.org')).to.have.length(1);
  });

  it('sends a kept signature when the page is opened again, once', async () => {
    const { backend, el } = await signedOffline();
    el.remove();
    backend.online = true;
    const reopened = await petition(backend);
    await waitForText(reopened, 'Votre signature gardée a été envoyée', 'announced');
    expect(text(reopened)).to.contain('121 signatures').and.contain('Votre signature est comptée');
    expect(localStorage.getItem('civic-outbox')).to.equal('[]');
    expect(backend.petitionData.get('plan-numerique')!.signatureCount).to.equal(121);
  });

  it('keeps its live count when moved elsewhere in the page', async () => {
    const backend = new MemoryBackend({ petitions: [petitionData({ doubleOptIn: false })] });
    const el = await petition(backend);
    const aside = document.createElement('aside');
    el.parentElement!.after(aside);
    aside.append(el);
    await el.updateComplete;
    // Someone else signs: the count still comes live to the moved widget.
    await backend.petitions.sign('plan-numerique', { name: 'Ana', email: 'ana@example.org', showName: false, acceptUpdates: false }, { idempotencyKey: 'elsewhere' });
    await waitForText(el, '121 signatures');
    aside.remove();
  });

  it('can be signed with the keyboard alone', async () => {
    const backend = new MemoryBackend({ petitions: [petitionData({ doubleOptIn: false })] });
    const el = await petition(backend);
    field(el, 'name').focus();
    await sendKeys({ type: 'Zoé Bouchard' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'zoe@example.org' });
    for (let i = 0; i < 4; i++) await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal('showName');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('submit');
    await sendKeys({ press: 'Enter' });
    await waitForText(el, 'Votre signature est comptée');
    expect(backend.signatures[0]).to.include({ name: 'Zoé Bouchard', showName: true });
  });

  it('gets its backend from a <civic-provider> and its language from it', async () => {
    const backend = new MemoryBackend({ petitions: [petitionData()] });
    const wrapper = await mount<HTMLElement>(
      html`<civic-provider lang="en" .backend=${backend}><civic-petition petition="plan-numerique"></civic-petition></civic-provider>`,
    );
    const el = wrapper.querySelector('civic-petition')!;
    await waitForText(el, '120 signatures');
    expect(text(el)).to.contain('Sign this petition');
  });

  it('shows its light-DOM fallback until it loads, and with a load error', async () => {
    const el = await mount<CivicPetition>(
      html`<civic-petition lang="en" petition="nope" .backend=${new MemoryBackend()}><a href="/p">Sign on our site</a></civic-petition>`,
    );
    await waitForText(el, 'could not be found');
    const slot = $<HTMLSlotElement>(el, 'slot');
    expect(slot.assignedElements()[0]?.textContent).to.equal('Sign on our site');
    await expect(el).to.be.accessible();
  });

  it('with loading="lazy", asks nothing until it nears the viewport', async () => {
    const backend = new MemoryBackend({ petitions: [petitionData()] });
    const wrapper = await mount<HTMLElement>(
      html`<div><div style="height: 5000px"></div><civic-petition loading="lazy" petition="plan-numerique" .backend=${backend}></civic-petition></div>`,
    );
    const el = wrapper.querySelector('civic-petition')!;
    await new Promise((r) => setTimeout(r, 200));
    expect(backend.calls).to.deep.equal([]);
    el.scrollIntoView();
    await waitForText(el, 'Goal: 500');
    expect(backend.calls[0]).to.deep.equal(['petitions.get', 'plan-numerique']);
  });
});

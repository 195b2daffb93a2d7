/**
 * Organisers' content carries its own language (WCAG 3.1.2): an English reader of a French petition
 * or poll gets its titles, texts, options, themes and proposals marked `lang="fr"` (the item's
 * `locale`), while the widget's own words stay in the reader's language.
 */
import { html } from 'lit';
import { MemoryBackend } from '../../src/api/memory-backend.js';
import '../../src/define/civic-petition.js';
import '../../src/define/civic-poll.js';
import { argumentsOf, consultation, proposals, quickPoll } from '../poll/data.js';
import { $, expect, mount, petitionData, waitUntil } from '../helpers.js';

/** The language each piece of `text` is read in: the nearest `lang` above it, across the shadow root. */
function langOf(el: Element, text: string): string | undefined {
  const walker = document.createTreeWalker(el.shadowRoot!, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.textContent!.trim() !== text) continue;
    const p = n.parentElement!.closest('[lang]');
    return p ? p.getAttribute('lang')! : el.closest('[lang]')?.getAttribute('lang') ?? undefined;
  }
  throw new Error(`no text "${text}"`);
}

describe('organisers’ content in its own language', () => {
  it('petition: title and text in the petition’s locale, the widget’s words in the reader’s', async () => {
    const el = await mount<HTMLElement>(html`<civic-petition lang="en" petition="plan-numerique" .backend=${new MemoryBackend({ petitions: [petitionData()] })}></civic-petition>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~=base]'));
    expect(langOf(el, 'Pour un plan numérique pour le Québec')).to.equal('fr');
    expect(langOf(el, 'Signez pour appuyer la démarche.')).to.equal('fr');
    expect(langOf(el, 'Sign this petition')).to.equal('en');
    await expect(el).to.be.accessible();
  });

  it('quick poll: title, description and options (in the form and the results)', async () => {
    const backend = new MemoryBackend({ polls: { polls: [quickPoll({ resultsVisibility: 'always' })] } });
    const el = await mount<HTMLElement>(html`<civic-poll lang="en" poll="ministere" .backend=${backend}></civic-poll>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~=results] li'));
    expect(langOf(el, quickPoll().title)).to.equal('fr');
    expect(langOf(el, quickPoll().description)).to.equal('fr');
    for (const label of [...el.shadowRoot!.querySelectorAll('label.check')]) expect(label.getAttribute('lang')).to.equal('fr');
    expect([...el.shadowRoot!.querySelectorAll('[part~=results] li > span:first-child > span')].map((s) => s.getAttribute('lang'))).to.deep.equal(['fr', 'fr', 'fr']);
    expect(langOf(el, 'Results')).to.equal('en');
    await expect(el).to.be.accessible();
  });

  it('consultation: proposals, themes and arguments; agreement values stay the widget’s', async () => {
    const backend = new MemoryBackend({ polls: { polls: [consultation()], proposals: proposals(), arguments: argumentsOf() } });
    const el = await mount<HTMLElement>(html`<civic-poll lang="en" poll="contribuez" .backend=${backend}></civic-poll>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~=proposal]'), 'proposals', { timeout: 5000 });
    expect(langOf(el, 'Un champion numérique par région')).to.equal('fr');
    expect(langOf(el, proposals()[0]!.body)).to.equal('fr');
    expect(langOf(el, 'Croissance et innovation')).to.equal('fr');
    expect(langOf(el, 'Agree')).to.equal('en');
    const a = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~=proposal]')].find((x) => x.textContent!.includes('Un champion'))!;
    [...a.querySelectorAll('button')].find((b) => b.textContent!.startsWith('Arguments'))!.click();
    await waitUntil(() => a.querySelector('[part~=arguments] li'), 'arguments', { timeout: 5000 });
    expect(langOf(el, 'Une locomotive entraîne tout un écosystème.')).to.equal('fr');
    expect($(el, '[part~=filters] option[value=croissance]').getAttribute('lang')).to.equal('fr');
    await expect(el).to.be.accessible();
  });
});

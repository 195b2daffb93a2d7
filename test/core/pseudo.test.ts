/**
 * Every widget's main states in the pseudo-locale (accented, about 40 % longer strings in brackets)
 * at 320 px: any plain a-z word that is not the data's (organisers' and people's text) or a date's
 * is text the widget did not take from its strings, and nothing may stick out or be cut off.
 */
import { html } from 'lit';
import { MemoryBackend } from '../../src/api/memory-backend.js';
import type { CivicComments } from '../../src/comments/civic-comments.js';
import '../../src/define/civic-comments.js';
import '../../src/define/civic-comparator.js';
import type { CivicComparator } from '../../src/comparator/civic-comparator.js';
import { quebec2012 } from '../../server/comparisons/demo-data.js';
import '../../src/define/civic-petition.js';
import '../../src/define/civic-poll.js';
import type { Poll } from '../../src/api/poll.js';
import type { CivicPetition } from '../../src/petition/civic-petition.js';
import type { CivicPoll } from '../../src/poll/civic-poll.js';
import { conversation, mentions, seeded, threadData } from '../comments/fixtures.js';
import { argumentsOf, consultation, proposals, quickPoll } from '../poll/data.js';
import { $, expect, mount, petitionData, type, waitUntil } from '../helpers.js';
import { PSEUDO, brokenLayout, expectPseudo, hardCoded, pseudoPage } from './pseudo.js';

before(pseudoPage);

describe('the pseudo-locale checks', () => {
  it('find text not taken from the strings, but not the data, dates or numbers', async () => {
    const host = await mount<HTMLElement>(html`<div></div>`);
    host.attachShadow({ mode: 'open' }).innerHTML =
      '<p>[Šîîĝñ] Sign now</p><p>[Ĝööååļ: 1,234] · Marie T. · November 3, 2026</p><button aria-label="Close">×</button><style>p { color: red }</style>';
    expect(hardCoded(host, { name: 'Marie T.' })).to.deep.equal(['"[Šîîĝñ] Sign now" in p (Sign, now)', 'aria-label="Close" on button (Close)']);
  });

  it('find what sticks out of the widget or cuts its text off, not a box that scrolls', async () => {
    const host = await mount<HTMLElement>(html`<div style="width: 200px"></div>`);
    host.attachShadow({ mode: 'open' }).innerHTML =
      '<button style="width: 260px">wide</button><p style="overflow: hidden; white-space: nowrap; width: 50px">cut off, cut off</p><div style="overflow-x: auto"><table style="width: 400px"><tr><td>ok</td></tr></table></div>';
    const found = brokenLayout(host);
    expect(found).to.have.length(2);
    expect(found[0]).to.equal('button sticks out of the widget (0 to 260 px of 200)');
    expect(found[1]).to.match(/^p cuts its text off \(\d+ px in 50\)$/);
  });
});

const shows = (el: Element, selector: string) => waitUntil(() => el.shadowRoot!.querySelector(selector), `waiting for ${selector}`, { timeout: 4000 });

describe('<civic-petition> in the pseudo-locale', () => {
  const data = petitionData({ closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString() });
  const open = async (backend: MemoryBackend) => {
    const el = await mount<CivicPetition>(html`<civic-petition lang=${PSEUDO} petition="plan-numerique" .backend=${backend}></civic-petition>`);
    await shows(el, '[part~=base], [part~=error]');
    return el;
  };
  const submit = (el: Element) => $<HTMLButtonElement>(el, '[part~=submit]').click();

  it('open, with field errors, signed and shared', async () => {
    const backend = new MemoryBackend({ petitions: [data] });
    const el = await open(backend);
    await expectPseudo(el, data, 'open');
    await type($(el, '[name=email]'), 'pas-un-courriel');
    submit(el);
    await shows(el, '[part~=field-error]');
    await expectPseudo(el, data, 'field errors');
    await type($(el, '[name=name]'), 'Jean Tremblay');
    $<HTMLInputElement>(el, '[name=email]').value = '';
    await type($(el, '[name=email]'), 'jean@example.org');
    submit(el);
    await shows(el, '[part~=share]');
    await expectPseudo(el, [data, 'Jean Tremblay'], 'signed, waiting for the confirmation');
  });

  it('loading, goal reached, closed, offline and load error', async () => {
    const waiting = { petitions: { get: () => new Promise<never>(() => {}) } };
    const loading = await mount<CivicPetition>(html`<civic-petition lang=${PSEUDO} petition="plan-numerique" .backend=${waiting}></civic-petition>`);
    await shows(loading, '[part~=loading]');
    await expectPseudo(loading, [], 'loading');
    const reached = petitionData({ signatureCount: 1_284, goal: 1_000 });
    await expectPseudo(await open(new MemoryBackend({ petitions: [reached] })), reached, 'goal reached');
    const closed = petitionData({ status: 'closed', closesAt: new Date(Date.now() - 86_400_000).toISOString() });
    await expectPseudo(await open(new MemoryBackend({ petitions: [closed] })), closed, 'closed');
    const offline = new MemoryBackend({ petitions: [petitionData({ doubleOptIn: false })] });
    const el = await open(offline);
    offline.online = false;
    await type($(el, '[name=name]'), 'Luc Gagnon');
    await type($(el, '[name=email]'), 'luc@example.org');
    submit(el);
    await shows(el, '[part~=notice]');
    await expectPseudo(el, [data, 'Luc Gagnon'], 'kept offline');
    const missing = await open(new MemoryBackend({ petitions: [] }));
    await shows(missing, '[part~=error]');
    await expectPseudo(missing, [], 'load error');
  });
});

describe('<civic-comments> in the pseudo-locale', () => {
  const content = [threadData(), conversation, mentions, 'Léa Gagnon', 'Premier jet', 'Hors ligne'];
  const open = async (backend: MemoryBackend, thread = 'plan-numerique') => {
    const el = await mount<CivicComments>(html`<civic-comments lang=${PSEUDO} thread=${thread} .backend=${backend}></civic-comments>`);
    await shows(el, '[part~=base], [part~=error]');
    return el;
  };
  const click = (el: Element, selector: string) => $<HTMLButtonElement>(el, selector).click();
  const post = async (el: Element, text: string) => {
    await type($(el, 'form [name=name]'), 'Léa Gagnon');
    await type($(el, 'form [name=text]'), text);
    click(el, 'form [part~=submit]');
  };

  it('a conversation with mentions, a reply form three deep, the form’s errors', async () => {
    const el = await open(seeded({}, conversation, mentions));
    await expectPseudo(el, content, 'conversation');
    click(el, '#reply-3');
    await shows(el, 'li:has(> #c-3) > form');
    await expectPseudo(el, content, 'reply form three deep');
    click(el, 'li:has(> #c-3) > form [part~=submit]');
    await shows(el, '[part~=field-error]');
    await expectPseudo(el, content, 'reply form’s errors');
    click(el, '#flag-5');
    await shows(el, '#back-5');
    await expectPseudo(el, content, 'report confirmation');
  });

  it('the reader’s own comment: awaiting moderation, editable, being deleted, kept offline', async () => {
    const backend = seeded({ moderation: 'pre' });
    const el = await open(backend);
    await post(el, 'Premier jet');
    await shows(el, '[part~=pending]');
    await expectPseudo(el, content, 'awaiting moderation, editable');
    const id = el.shadowRoot!.querySelector('[part~=pending]')!.id.slice(2);
    click(el, `#edit-${id}`);
    await shows(el, `#e-${id}`);
    await expectPseudo(el, content, 'editing');
    click(el, `#c-${id} form button[type=button]`);
    await shows(el, `#delete-${id}`);
    click(el, `#delete-${id}`);
    await shows(el, `#keep-${id}`);
    await expectPseudo(el, content, 'delete confirmation');
    backend.online = false;
    await type($(el, 'form [name=text]'), 'Hors ligne');
    click(el, 'form [part~=submit]');
    await waitUntil(() => el.shadowRoot!.textContent!.includes('Hors ligne'), 'kept comment shown');
    await expectPseudo(el, content, 'kept offline');
  });

  it('pinned, a page at a time, new comments arriving live', async () => {
    const backend = seeded({}, conversation.map((c) => (c.id === '5' ? { ...c, pinned: true } : c)));
    const el = await mount<CivicComments>(html`<civic-comments lang=${PSEUDO} thread="plan-numerique" page-size="2" .backend=${backend}></civic-comments>`);
    await shows(el, 'article');
    await expectPseudo(el, content, 'pinned, a page at a time');
    await backend.comments.post('plan-numerique', { name: 'Léa Gagnon', body: 'Premier jet' }, { idempotencyKey: 'live' });
    await shows(el, '[part~=fresh]');
    await expectPseudo(el, content, 'new comments arriving');
  });

  it('closed, empty, load error', async () => {
    await expectPseudo(await open(seeded({ status: 'closed' })), content, 'closed');
    await expectPseudo(await open(seeded({}, [])), content, 'empty');
    const missing = await open(new MemoryBackend(), 'nope');
    await shows(missing, '[part~=error]');
    await expectPseudo(missing, [], 'load error');
  });
});

describe('<civic-poll> in the pseudo-locale', () => {
  const polls = (...list: Poll[]) => new MemoryBackend({ polls: { polls: list, proposals: proposals(), arguments: argumentsOf() } });
  const content = [quickPoll(), consultation(), proposals(), argumentsOf(), 'Des données ouvertes par défaut'];
  const open = async (backend: MemoryBackend, id = 'ministere') => {
    const el = await mount<CivicPoll>(html`<civic-poll lang=${PSEUDO} poll=${id} .backend=${backend}></civic-poll>`);
    await shows(el, '[part~=base], [part~=error]');
    return el;
  };
  const choose = (el: Element, i: number) => el.shadowRoot!.querySelectorAll<HTMLInputElement>('[part~=choices] input')[i]!.click();
  const vote = (el: Element) => $<HTMLButtonElement>(el, '[part~=form] [part~=submit]').click();

  it('a quick poll: open, voted without a choice, voted, its results', async () => {
    const backend = polls(quickPoll());
    await backend.polls.seed('ministere', null, { options: ['oui'] }, 3);
    const el = await open(backend);
    await expectPseudo(el, content, 'open, results after the vote');
    vote(el);
    await shows(el, '[role=alert]');
    await expectPseudo(el, content, 'voted without a choice');
    choose(el, 2);
    vote(el);
    await shows(el, '[part~=results] [part~=bar]');
    await expectPseudo(el, content, 'voted, with results');
  });

  it('approval, email confirmation, upcoming, closed, load error', async () => {
    const approval = quickPoll({ voteKind: 'approval', maxChoices: 2, resultsVisibility: 'always' });
    await expectPseudo(await open(polls(approval)), content, 'approval');
    const el = await open(polls(quickPoll({ confirmEmail: true })));
    choose(el, 0);
    vote(el);
    await shows(el, '[name=e-email]');
    await expectPseudo(el, content, 'asking to confirm an email');
    const later = new Date(Date.now() + 86_400_000).toISOString();
    await expectPseudo(await open(polls(quickPoll({ status: 'upcoming', opensAt: later }))), content, 'upcoming');
    await expectPseudo(await open(polls(quickPoll({ status: 'closed', resultsVisibility: 'after-close' }))), content, 'closed');
    await expectPseudo(await open(polls(), 'nope'), [], 'load error');
  });

  it('a consultation: proposals, arguments and their form, a proposal’s form and errors, a pending proposal', async () => {
    const el = await open(polls(consultation()), 'contribuez');
    await shows(el, '[part~=proposal]');
    await expectPseudo(el, content, 'proposals');
    $<HTMLButtonElement>(el, '#proposal-champions button[aria-expanded]').click();
    await shows(el, '#proposal-champions [part~=arguments]');
    await expectPseudo(el, content, 'arguments and their form');
    $<HTMLButtonElement>(el, 'button[aria-expanded][part~=submit]').click();
    await shows(el, 'form[aria-labelledby=propose]');
    await type($(el, '[name=p-title]'), 'Des données ouvertes par défaut');
    $<HTMLButtonElement>(el, 'form[aria-labelledby=propose] [part~=submit]').click();
    await shows(el, 'form[aria-labelledby=propose] [aria-invalid=true]');
    await expectPseudo(el, content, 'a proposal’s errors');
    await type($(el, '[name=p-body]'), 'Des données ouvertes par défaut');
    await type($(el, '[name=p-authorName]'), 'Des');
    $<HTMLButtonElement>(el, 'form[aria-labelledby=propose] [part~=submit]').click();
    await waitUntil(() => el.shadowRoot!.querySelectorAll('[part~=proposal] [part~=notice]').length, 'pending proposal shown');
    await expectPseudo(el, content, 'a pending proposal');
  });

  it('a consultation’s consensus, and closed', async () => {
    const backend = polls(consultation());
    await backend.polls.seed('contribuez', 'champions', { value: 'agree' }, 290);
    await backend.polls.seed('contribuez', 'champions', { value: 'disagree' }, 10);
    await backend.polls.seed('contribuez', 'agents', { value: 'agree' }, 60);
    await backend.polls.seed('contribuez', 'agents', { value: 'mixed' }, 55);
    const el = await open(backend, 'contribuez');
    await shows(el, '[part~=consensus]');
    await expectPseudo(el, content, 'consensus');
    const closed = await open(polls(consultation({ status: 'closed' })), 'contribuez');
    await shows(closed, '[part~=proposal]');
    await expectPseudo(closed, content, 'closed consultation');
  });
});

describe('<civic-comparator> in the pseudo-locale', () => {
  const data = quebec2012;
  const open = async (view = 'matrix', id = data.id) => {
    const backend = new MemoryBackend({ comparisons: [structuredClone(data)] });
    const el = await mount<CivicComparator>(html`<civic-comparator lang=${PSEUDO} comparison=${id} view=${view} .backend=${backend}></civic-comparator>`);
    await shows(el, '[part~=base], [part~=error]');
    return el;
  };

  it('the table of positions and a position’s details', async () => {
    const el = await open();
    await shows(el, '[part~=matrix]');
    await expectPseudo(el, data, 'table');
    el.shadowRoot!.querySelectorAll('tbody tr')[0]!.querySelectorAll('button')[4]!.click();
    await waitUntil(() => el.shadowRoot!.querySelector<HTMLDialogElement>('dialog')?.open, 'details open');
    await expectPseudo(el, data, 'a position’s details');
  });

  it('the questionnaire, the results explained, the answers sent', async () => {
    const el = await open('questionnaire');
    await shows(el, '[part~=question]');
    await expectPseudo(el, data, 'a statement');
    for (const stance of [2, 1, -1, -2, 0, 1]) {
      el.shadowRoot!.querySelector<HTMLInputElement>(`[name=stance][value="${stance}"]`)!.click();
      $(el, '[part~=submit]').click();
      await el.updateComplete;
    }
    await shows(el, '[part~=ranking]');
    el.shadowRoot!.querySelectorAll('details').forEach((d) => (d.open = true));
    await expectPseudo(el, data, 'results explained');
    const send = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~=results] button')].at(-1)!;
    send.click();
    await waitUntil(() => !el.shadowRoot!.contains(send), 'answers sent');
    await expectPseudo(el, data, 'answers sent');
  });

  it('load error, a hand-written file that is not usable', async () => {
    await expectPseudo(await open('matrix', 'nope'), [], 'load error');
    const bad = structuredClone(data);
    bad.positions[0]!.partyId = 'duplessis';
    bad.positions[1]!.stance = 3;
    (bad.statements[0] as { theme?: string }).theme = undefined;
    const src = URL.createObjectURL(new Blob([JSON.stringify(bad)], { type: 'application/json' }));
    const el = await mount<CivicComparator>(html`<civic-comparator lang=${PSEUDO} src=${src}></civic-comparator>`);
    await shows(el, '[role=alert] li');
    await expectPseudo(el, [src], 'a file that is not usable (its address is the organiser’s)');
  });
});

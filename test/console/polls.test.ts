/**
 * The console's polls over msw: the list, the quick poll editor (errors beside the fields as one
 * types, options reordered by keyboard, the body the contract takes), what a poll with votes may no
 * longer change, and Publish for a poll. Axe in each state.
 */
import { http, HttpResponse } from 'msw';
import type { PollCreate, PollUpdate } from '../../src/api/admin.js';
import { createPoll, createProposal, exportPollJson, listPolls, updatePoll } from '../../src/api/routes/admin.js';
import { getPoll } from '../../src/api/routes/polls.js';
import '../../src/define/civic-console.js';
import { expect, sendKeys, type, waitUntil } from '../helpers.js';
import { worker } from '../mocks/worker.js';
import { adminPoll, exported, proposal } from './fixtures.js';
import { answer, consoleSuite, openConsole, route, said, screen, signedIn } from './console-helpers.js';

const EDITOR = ['civic-console-polls', 'civic-console-poll-editor'];

describe('<civic-console> polls', () => {
  consoleSuite();

  it('lists the polls with their participants and what waits for moderation', async () => {
    signedIn(
      'editor',
      http.get(route(listPolls), () =>
        HttpResponse.json({
          items: [
            { id: 'budget-2027', kind: 'quick', title: 'Quelle priorité ?', status: 'open', voteKind: 'single', participantCount: 1234, proposalCount: 0, pendingCount: 0, locale: 'fr', updatedAt: new Date().toISOString() },
            { id: 'consult', kind: 'consultation', title: 'Consultation', status: 'upcoming', voteKind: 'agreement', participantCount: 0, proposalCount: 3, pendingCount: 2, locale: 'fr', updatedAt: new Date().toISOString() },
          ],
        }),
      ),
    );
    const el = await openConsole('en', '#/polls');
    const root = await screen(el, ['civic-console-polls'], 'table');
    expect([...el.shadowRoot!.querySelectorAll('nav a')].map((a) => a.textContent)).to.deep.equal(['Dashboard', 'Petitions', 'Polls', 'Comparisons', 'Threads', 'Accounts']);
    const rows = [...root.querySelectorAll('tbody tr')].map((r) => r.textContent!.replace(/\s+/g, ' ').trim());
    expect(rows[0]).to.contain('Quick poll').and.contain('1,234').and.contain('open');
    expect(rows[1]).to.contain('Consultation').and.contain('2 to moderate').and.contain('upcoming');
    expect(root.querySelector('a[href="#/publish/poll/budget-2027"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('creates a quick poll: errors beside the fields as one types, options reordered by keyboard, then Publish', async () => {
    let sent: PollCreate | undefined;
    signedIn(
      'editor',
      http.post(route(createPoll), async ({ request }) => {
        sent = (await request.json()) as PollCreate;
        return HttpResponse.json(adminPoll({ ...sent, options: sent.options ?? [], maxChoices: sent.maxChoices ?? null } as never), { status: 201 });
      }),
      answer(getPoll, adminPoll({ voteKind: 'approval', maxChoices: 2 })),
    );
    const el = await openConsole('en', '#/polls/new');
    const root = await screen(el, EDITOR, 'form');
    expect(root.querySelector('h1')!.textContent).to.equal('New quick poll');
    await expect(el).to.be.accessible();

    // Saving at once: every error shows beside its field, the first takes the focus.
    root.querySelector<HTMLButtonElement>('button.primary')!.click();
    await waitUntil(() => root.querySelector('#f-title-e'), 'the question says it is required');
    expect(root.querySelector('#f-title-e')!.textContent).to.equal('Required');
    expect(root.querySelector('#f-options-0-label-e')!.textContent).to.equal('Required');
    expect(root.activeElement?.id).to.equal('f-title');
    await expect(el).to.be.accessible();

    // The question gives the id; an error goes as soon as it is mended.
    await type(root.querySelector<HTMLInputElement>('#f-title')!, 'Budget 2027 : quelle priorité ?');
    await waitUntil(() => !root.querySelector('#f-title-e'));
    expect(root.querySelector<HTMLInputElement>('#f-id')!.value).to.equal('budget-2027-quelle-priorite');
    await type(root.querySelector<HTMLInputElement>('#f-options-0-label')!, 'Les écoles');
    await type(root.querySelector<HTMLInputElement>('#f-options-1-label')!, 'Les transports');
    root.querySelector<HTMLButtonElement>('#options-add')!.click();
    await waitUntil(() => root.activeElement?.id === 'f-options-2-label', 'the new option has the focus');
    await sendKeys({ type: 'La santé' });

    // Approval votes: the maximum is asked for, and checked against the options.
    const kind = root.querySelector<HTMLSelectElement>('#f-voteKind')!;
    kind.value = 'approval';
    kind.dispatchEvent(new Event('change'));
    await waitUntil(() => root.querySelector('#f-maxChoices'));
    await type(root.querySelector<HTMLInputElement>('#f-maxChoices')!, '4');
    await waitUntil(() => root.querySelector('#f-maxChoices-e')?.textContent === 'More than the number of options');
    root.querySelector<HTMLInputElement>('#f-maxChoices')!.select();
    await sendKeys({ type: '2' });
    await waitUntil(() => !root.querySelector('#f-maxChoices-e'));

    // The closing date must follow the opening one (the time zone is said).
    expect(root.querySelector('#f-closesAt-h')!.textContent).to.contain(Intl.DateTimeFormat().resolvedOptions().timeZone);
    const opens = root.querySelector<HTMLInputElement>('#f-opensAt')!;
    const closes = root.querySelector<HTMLInputElement>('#f-closesAt')!;
    opens.value = '2027-03-10T09:00';
    opens.dispatchEvent(new Event('input'));
    closes.value = '2027-03-01T09:00';
    closes.dispatchEvent(new Event('input'));
    await waitUntil(() => root.querySelector('#f-closesAt-e')?.textContent === 'Must be after the opening');
    await expect(el).to.be.accessible();
    closes.value = '2027-03-31T18:00';
    closes.dispatchEvent(new Event('input'));
    await waitUntil(() => !root.querySelector('#f-closesAt-e'));

    // La santé first, by keyboard: its Up button twice; the focus stays on the moved row.
    const up = () => root.querySelector<HTMLButtonElement>('li:nth-child(3) button[data-move=up]')!;
    up().focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => said(el).includes('“La santé” moved to position 2 of 3.'));
    expect(root.activeElement?.getAttribute('aria-label')).to.equal('Move “La santé” up');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => said(el).includes('position 1 of 3'));
    expect(root.activeElement?.getAttribute('aria-label')).to.equal('Move “La santé” down', 'at the top, its Down button has the focus');
    expect([...root.querySelectorAll<HTMLInputElement>('.rows input')].map((i) => i.value)).to.deep.equal(['La santé', 'Les écoles', 'Les transports']);

    root.querySelector<HTMLButtonElement>('button.primary')!.click();
    await waitUntil(() => sent, 'the poll was sent');
    expect(sent).to.deep.include({
      id: 'budget-2027-quelle-priorite', kind: 'quick', title: 'Budget 2027 : quelle priorité ?', voteKind: 'approval', maxChoices: 2, resultsVisibility: 'after-vote', confirmEmail: false,
      options: [{ id: 'la-sante', label: 'La santé' }, { id: 'les-ecoles', label: 'Les écoles' }, { id: 'les-transports', label: 'Les transports' }],
    });
    expect(sent!.opensAt).to.equal(new Date('2027-03-10T09:00').toISOString());
    // Then Publish, with the poll's snippet.
    const publish = await screen(el, ['civic-console-publish'], 'textarea');
    await waitUntil(() => publish.querySelector('textarea')!.value.includes('<civic-poll poll="budget-2027-quelle-priorite"'));
    expect(publish.querySelector('textarea')!.value).to.contain('/cdn/civic-poll.js');
    expect(el.shadowRoot!.querySelector('nav a[aria-current=page]')!.textContent).to.equal('Polls');
    expect(said(el)).to.contain('created');
  });

  it('a poll with votes: its vote kind and voted options are locked, and say why before saving', async () => {
    let sent: PollUpdate | undefined;
    const poll = adminPoll({ participantCount: 12 });
    signedIn(
      'owner',
      http.get(route(exportPollJson), () =>
        HttpResponse.json(exported(poll, { results: { pollId: poll.id, visible: true, participantCount: 12, poll: { tally: { counts: { ecoles: 12 }, total: 12 }, agreement: 0, division: 0 }, proposals: {} } })),
      ),
      http.patch(route(updatePoll), async ({ request }) => {
        sent = (await request.json()) as PollUpdate;
        return HttpResponse.json({ ...poll, ...sent });
      }),
    );
    const el = await openConsole('fr', '#/polls/budget-2027');
    const root = await screen(el, EDITOR, '#f-options-0-label-u');
    expect(root.querySelector<HTMLSelectElement>('#f-voteKind')!.disabled).to.equal(true);
    expect(root.querySelector('#f-voteKind-h')!.textContent).to.equal('12 personnes ont voté : la façon de voter ne peut plus changer.');
    expect(root.querySelector<HTMLButtonElement>('button[aria-label="Retirer « Les écoles »"]')!.disabled).to.equal(true);
    expect(root.querySelector('#f-options-0-label-u')!.textContent).to.equal('12 votes : cette option ne peut pas être retirée.');
    expect(root.querySelector<HTMLButtonElement>('button[aria-label="Retirer « Les transports »"]')!.disabled).to.equal(false);
    await expect(el).to.be.accessible();
    const title = root.querySelector<HTMLInputElement>('#f-title')!;
    title.select();
    await sendKeys({ type: 'Quelle priorité ?' });
    root.querySelector<HTMLButtonElement>('button.primary')!.click();
    await waitUntil(() => sent);
    expect(sent).to.not.have.property('id');
    expect(sent).to.include({ title: 'Quelle priorité ?', voteKind: 'single' });
    await waitUntil(() => said(el) === 'Sondage « Quelle priorité ? » enregistré.');
  });

  it('the server\u2019s refusal of a change lands beside its field', async () => {
    const poll = adminPoll();
    signedIn(
      'editor',
      answer(exportPollJson, exported(poll)),
      http.patch(route(updatePoll), () =>
        HttpResponse.json({ error: { kind: 'conflict', message: 'option ecoles has votes', issues: [{ path: 'options', code: 'conflict', message: 'option ecoles has votes and cannot be removed' }] } }, { status: 409 }),
      ),
    );
    const el = await openConsole('en', '#/polls/budget-2027');
    const root = await screen(el, EDITOR, '#f-options-1-label');
    await waitUntil(() => root.querySelector<HTMLInputElement>('#f-title')!.value, 'the poll is loaded');
    root.querySelector<HTMLButtonElement>('button.primary')!.click();
    await waitUntil(() => root.querySelector('#options-e'));
    expect(root.querySelector('#options-e')!.textContent).to.equal('An option with votes cannot be removed');
    await expect(el).to.be.accessible();
  });
  it('a consultation: themes reordered, its rules, and a proposal of the organiser\u2019s own checked as typed', async () => {
    let sent: PollUpdate | undefined;
    let proposed: unknown;
    const poll = adminPoll({
      id: 'consult', kind: 'consultation', title: 'Mobilité 2030', voteKind: 'agreement', options: [], allowProposals: true,
      themes: [{ id: 'transports', title: 'Transports', description: '' }, { id: 'logement', title: 'Logement', description: '' }],
    });
    signedIn(
      'editor',
      answer(exportPollJson, exported(poll, { proposals: [proposal('tram', 'Un tramway')] })),
      http.patch(route(updatePoll), async ({ request }) => ((sent = (await request.json()) as PollUpdate), HttpResponse.json({ ...poll, ...sent }))),
      http.post(route(createProposal), async ({ request }) => ((proposed = await request.json()), HttpResponse.json(proposal('velo', 'Des pistes'), { status: 201 }))),
    );
    const el = await openConsole('en', '#/polls/consult');
    const root = await screen(el, EDITOR, '#f-themes-1-title');
    await waitUntil(() => root.querySelector<HTMLInputElement>('#f-themes-1-title')!.value === 'Logement');
    expect(root.querySelector('h1')!.textContent).to.equal('Edit “Mobilité 2030”');
    expect(root.querySelector('#proposals-h + ul')!.textContent).to.contain('Un tramway');
    await expect(el).to.be.accessible();
    root.querySelector<HTMLButtonElement>('button[aria-label="Move “Logement” up"]')!.click();
    await waitUntil(() => said(el).includes('“Logement” moved to position 1 of 2.'));
    // A theme added then removed: the focus goes back to the row before it.
    root.querySelector<HTMLButtonElement>('#themes-add')!.click();
    await waitUntil(() => root.activeElement?.id === 'f-themes-2-title');
    await sendKeys({ type: 'Culture' });
    root.querySelector<HTMLButtonElement>('button[aria-label="Remove “Culture”"]')!.click();
    await waitUntil(() => said(el).includes('“Culture” removed.'));
    await waitUntil(() => root.activeElement?.id === 'f-themes-1-title', 'the row before has the focus');
    root.querySelector<HTMLInputElement>('#f-moderateProposals')!.click();
    root.querySelector<HTMLButtonElement>('form:not(#proposal-form) button.primary')!.click();
    await waitUntil(() => sent);
    expect(sent).to.deep.include({ allowProposals: true, moderateProposals: false, options: [] });
    expect(sent!.themes!.map((t) => t.id)).to.deep.equal(['logement', 'transports']);

    // The organiser's own proposal: errors beside its fields, then published.
    const form = root.querySelector('#proposal-form')!;
    form.querySelector<HTMLButtonElement>('button')!.click();
    await waitUntil(() => root.querySelector('#p-title-e'));
    expect(root.querySelector('#p-title-e')!.textContent).to.equal('Required');
    expect(root.activeElement?.id).to.equal('p-title');
    await type(root.querySelector<HTMLInputElement>('#p-title')!, 'Des pistes');
    await type(root.querySelector<HTMLTextAreaElement>('#p-body')!, 'Partout.');
    form.querySelector<HTMLButtonElement>('button')!.click();
    await waitUntil(() => proposed);
    expect(proposed).to.deep.equal({ themeId: null, title: 'Des pistes', body: 'Partout.', authorName: 'Camille' });
    await waitUntil(() => said(el) === 'Proposal “Des pistes” published.');
    await expect(el).to.be.accessible();
  });

  it('results: every count, consensus and division as the widget ranks them, stacked bars written out, participants over time', async () => {
    const poll = adminPoll({ id: 'consult', kind: 'consultation', title: 'Mobilité 2030', voteKind: 'agreement', options: [], participantCount: 30, resultsVisibility: 'after-close' });
    const t = (agree: number, mixed: number, disagree: number, agreement: number, division: number) => ({ tally: { counts: { agree, mixed, disagree }, total: agree + mixed + disagree }, agreement, division });
    const day = (n: number) => new Date(Date.UTC(2026, 10, n, 9)).toISOString();
    signedIn(
      'editor',
      http.get(route(exportPollJson), () =>
        HttpResponse.json(
          exported(poll, {
            proposals: [proposal('a', 'Tramway'), proposal('b', 'Pistes'), proposal('c', 'Bus gratuit'), proposal('d', 'Rien encore')],
            results: { pollId: 'consult', visible: true, participantCount: 30, poll: null, proposals: { a: t(20, 5, 5, 0.5, 0.2), b: t(25, 3, 2, 0.66, 0.05), c: t(12, 2, 14, 0.27, 0.58) } },
            timeline: [{ at: day(1), participants: 10 }, { at: day(3), participants: 15 }, { at: day(6), participants: 5 }],
          }),
        ),
      ),
    );
    const el = await openConsole('en', '#/polls/consult/results');
    const root = await screen(el, ['civic-console-polls', 'civic-console-poll-results'], 'svg');
    expect(root.querySelector('h1')!.textContent).to.equal('Results of “Mobilité 2030”');
    expect(root.textContent).to.contain('Readers see the results: everyone, once the poll is closed. Here you see every count.');
    const list = (id: string) => [...root.querySelectorAll(`#${id} + ol li`)].map((li) => li.textContent);
    expect(list('agree-h')).to.deep.equal(['Pistes', 'Tramway', 'Bus gratuit']);
    expect(list('divided-h')).to.deep.equal(['Bus gratuit', 'Tramway', 'Pistes']);
    const bars = [...root.querySelectorAll('.bars > li')];
    expect(bars[0]!.textContent).to.contain('Agree 20 (67%) · Mixed 5 (17%) · Disagree 5 (17%) — 30 votes');
    expect(bars[3]!.textContent).to.contain('Agree 0 (0%)');
    expect(root.querySelector('svg')!.getAttribute('aria-label')).to.match(/^Participants over time: 30 in all, from /);
    expect([...root.querySelectorAll('details tbody td:last-child')].map((td) => td.textContent)).to.deep.equal(['10', '25', '30']);
    expect(root.querySelector('a[download$=".csv"]')!.getAttribute('href')).to.match(/\/api\/admin\/polls\/consult\/results\.csv$/);
    await expect(el).to.be.accessible();
  });
});

/**
 * The console's polls over msw: the list, the quick poll editor (errors beside the fields as one
 * types, options reordered by keyboard, the body the contract takes), what a poll with votes may no
 * longer change, and Publish for a poll. Axe in each state.
 */
import { html } from 'lit';
import { http, HttpResponse } from 'msw';
import type { PollCreate, PollUpdate } from '../../src/api/admin.js';
import { me } from '../../src/api/routes/accounts.js';
import { createPoll, exportPollJson, listPolls, updatePoll } from '../../src/api/routes/admin.js';
import { getPoll } from '../../src/api/routes/polls.js';
import type { CivicConsole } from '../../src/console/civic-console.js';
import '../../src/define/civic-console.js';
import { expect, mount, sendKeys, type, waitUntil } from '../helpers.js';
import { startWorker, worker } from '../mocks/worker.js';
import { adminPoll, exported, route, said, screen, who } from './fixtures.js';

const EDITOR = ['civic-console-polls', 'civic-console-poll-editor'];

describe('<civic-console> polls', () => {
  before(startWorker);
  afterEach(() => {
    worker.resetHandlers();
    location.hash = '';
  });

  it('lists the polls with their participants and what waits for moderation', async () => {
    worker.use(
      http.get(route(me), () => HttpResponse.json(who('editor'))),
      http.get(route(listPolls), () =>
        HttpResponse.json({
          items: [
            { id: 'budget-2027', kind: 'quick', title: 'Quelle priorité ?', status: 'open', voteKind: 'single', participantCount: 1234, proposalCount: 0, pendingCount: 0, locale: 'fr', updatedAt: new Date().toISOString() },
            { id: 'consult', kind: 'consultation', title: 'Consultation', status: 'upcoming', voteKind: 'agreement', participantCount: 0, proposalCount: 3, pendingCount: 2, locale: 'fr', updatedAt: new Date().toISOString() },
          ],
        }),
      ),
    );
    location.hash = '#/polls';
    const el = await mount<CivicConsole>(html`<civic-console lang="en" api="/api"></civic-console>`);
    const root = await screen(el, ['civic-console-polls'], 'table');
    expect([...el.shadowRoot!.querySelectorAll('nav a')].map((a) => a.textContent)).to.deep.equal(['Petitions', 'Polls', 'Accounts']);
    const rows = [...root.querySelectorAll('tbody tr')].map((r) => r.textContent!.replace(/\s+/g, ' ').trim());
    expect(rows[0]).to.contain('Quick poll').and.contain('1,234').and.contain('open');
    expect(rows[1]).to.contain('Consultation').and.contain('2 to moderate').and.contain('upcoming');
    expect(root.querySelector('a[href="#/publish/poll/budget-2027"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('creates a quick poll: errors beside the fields as one types, options reordered by keyboard, then Publish', async () => {
    let sent: PollCreate | undefined;
    worker.use(
      http.get(route(me), () => HttpResponse.json(who('editor'))),
      http.post(route(createPoll), async ({ request }) => {
        sent = (await request.json()) as PollCreate;
        return HttpResponse.json(adminPoll({ ...sent, options: sent.options ?? [], maxChoices: sent.maxChoices ?? null } as never), { status: 201 });
      }),
      http.get(route(getPoll), () => HttpResponse.json(adminPoll({ voteKind: 'approval', maxChoices: 2 }))),
    );
    location.hash = '#/polls/new';
    const el = await mount<CivicConsole>(html`<civic-console lang="en" api="/api"></civic-console>`);
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
    worker.use(
      http.get(route(me), () => HttpResponse.json(who('owner'))),
      http.get(route(exportPollJson), () =>
        HttpResponse.json(exported(poll, { results: { pollId: poll.id, visible: true, participantCount: 12, poll: { tally: { counts: { ecoles: 12 }, total: 12 }, agreement: 0, division: 0 }, proposals: {} } })),
      ),
      http.patch(route(updatePoll), async ({ request }) => {
        sent = (await request.json()) as PollUpdate;
        return HttpResponse.json({ ...poll, ...sent });
      }),
    );
    location.hash = '#/polls/budget-2027';
    const el = await mount<CivicConsole>(html`<civic-console lang="fr" api="/api"></civic-console>`);
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
    worker.use(
      http.get(route(me), () => HttpResponse.json(who('editor'))),
      http.get(route(exportPollJson), () => HttpResponse.json(exported(poll))),
      http.patch(route(updatePoll), () =>
        HttpResponse.json({ error: { kind: 'conflict', message: 'option ecoles has votes', issues: [{ path: 'options', code: 'conflict', message: 'option ecoles has votes and cannot be removed' }] } }, { status: 409 }),
      ),
    );
    location.hash = '#/polls/budget-2027';
    const el = await mount<CivicConsole>(html`<civic-console lang="en" api="/api"></civic-console>`);
    const root = await screen(el, EDITOR, '#f-options-1-label');
    await waitUntil(() => root.querySelector<HTMLInputElement>('#f-title')!.value, 'the poll is loaded');
    root.querySelector<HTMLButtonElement>('button.primary')!.click();
    await waitUntil(() => root.querySelector('#options-e'));
    expect(root.querySelector('#options-e')!.textContent).to.equal('An option with votes cannot be removed');
    await expect(el).to.be.accessible();
  });
});

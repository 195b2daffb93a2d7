/**
 * The audit log screen over msw: entries in words (an account by its email, the token, a removed
 * account), the filters sent as the route's query (local days as instants), pages by cursor, the
 * CSV link with the same filters; axe in each state.
 */
import { http, HttpResponse } from 'msw';
import type { AuditEntry } from '../../src/api/accounts.js';
import { auditLog, listAccounts } from '../../src/api/routes/accounts.js';
import { dayInstant } from '../../src/console/screens/audit-screen.js';
import '../../src/define/civic-console.js';
import { expect, type, waitUntil } from '../helpers.js';
import { worker } from '../mocks/worker.js';
import { ago, answer, consoleSuite, openConsole, refuse, route, screen, signedIn, who } from './console-helpers.js';

const entry = (id: string, over: Partial<AuditEntry> = {}): AuditEntry => ({
  id, at: ago(Number(id)), actor: { kind: 'account', id: '1', role: 'owner' }, action: 'updatePetition',
  item: { type: 'petition', id: 'plan-numerique' }, change: { goal: 800 }, ...over,
});

describe('console audit log', () => {
  consoleSuite();

  it('shows who did what to which item, filters, pages, and links the CSV with the same filters', async () => {
    const queries: URLSearchParams[] = [];
    signedIn(
      'owner',
      answer(listAccounts, { items: [who('owner').account, { ...who('editor').account!, id: '2', email: 'edith@example.org' }] }),
      http.get(route(auditLog), ({ request }) => {
        const q = new URL(request.url).searchParams;
        queries.push(q);
        if (q.get('cursor') === '2') return HttpResponse.json({ items: [entry('1', { actor: { kind: 'account', id: '9', role: 'editor' }, action: 'createPetition', change: null })], nextCursor: null, total: 3 });
        return HttpResponse.json({
          items: [entry('3'), entry('2', { actor: { kind: 'token', id: null, role: 'owner' }, action: 'deleteSigner', item: { type: 'signature', id: 'plan-numerique/12' }, change: null })],
          nextCursor: '2',
          total: 3,
        });
      }),
    );
    const el = await openConsole('en', '#/audit');
    const root = await screen(el, 'civic-console-audit', 'tbody tr');
    expect(el.shadowRoot!.querySelector('nav a[aria-current=page]')!.textContent).to.equal('Audit log');
    const rows = () => [...root.querySelectorAll('tbody tr')].map((r) => [...r.querySelectorAll('td')].slice(1).map((c) => c.textContent!.replace(/\s+/g, ' ').trim()));
    await waitUntil(() => rows()[0]![0] === 'camille@example.org (owner)', 'the account by its email');
    expect(rows()).to.deep.equal([
      ['camille@example.org (owner)', 'updatePetition', 'petition plan-numerique', '{"goal":800}'],
      ['the API token (owner)', 'deleteSigner', 'signature plan-numerique/12', '—'],
    ]);
    expect(root.querySelector('#results')!.textContent).to.equal('3 entries, page 1');
    expect(root.querySelector('a[download]')!.getAttribute('href')).to.equal('/api/admin/audit.csv');
    await expect(el).to.be.accessible();

    // The next page, and back.
    root.querySelector<HTMLButtonElement>('nav button')!.click();
    await waitUntil(() => rows().length === 1, 'page 2');
    expect(rows()[0]![0]).to.equal('removed account #9 (editor)');
    expect(queries.at(-1)!.get('cursor')).to.equal('2');
    root.querySelector<HTMLButtonElement>('nav button')!.click();
    await waitUntil(() => rows().length === 2, 'page 1 again');

    // Filters: who, kind of item, item, days.
    const select = (name: string, value: string) => {
      root.querySelector<HTMLSelectElement>(`[name=${name}]`)!.value = value;
    };
    select('actor', '2');
    select('itemType', 'petition');
    await type(root.querySelector<HTMLInputElement>('[name=itemId]')!, 'plan-numerique');
    root.querySelector<HTMLInputElement>('[name=from]')!.value = '2026-12-01';
    root.querySelector<HTMLInputElement>('[name=to]')!.value = '2026-12-06';
    root.querySelector<HTMLButtonElement>('form button')!.click();
    await waitUntil(() => queries.at(-1)!.get('actor') === '2', 'the filters are sent');
    const q = queries.at(-1)!;
    expect(Object.fromEntries(q)).to.deep.equal({
      actor: '2', itemType: 'petition', itemId: 'plan-numerique',
      from: new Date(2026, 11, 1).toISOString(), to: new Date(2026, 11, 7).toISOString(), limit: '50',
    });
    const csv = new URL(root.querySelector<HTMLAnchorElement>('a[download]')!.href);
    expect(csv.pathname).to.equal('/api/admin/audit.csv');
    expect(csv.searchParams.get('actor')).to.equal('2');
    expect(csv.searchParams.get('to')).to.equal(dayInstant('2026-12-06', true));
    expect(csv.searchParams.has('limit')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('is no navigation entry for an editor; a refusal is said in words', async () => {
    signedIn(
      'editor',
      ...refuse(403, 'forbidden', 'owner', listAccounts, auditLog),
    );
    const el = await openConsole('en', '#/audit');
    const root = await screen(el, 'civic-console-audit', '[role=alert]');
    expect(root.querySelector('[role=alert]')!.textContent).to.equal('Your role does not allow this. Ask an owner of the console.');
    expect([...el.shadowRoot!.querySelectorAll('nav a')].map((a) => a.textContent)).to.deep.equal(['Dashboard', 'Petitions', 'Polls', 'Comparisons', 'Threads', 'Accounts']);
    await expect(el).to.be.accessible();
  });
});

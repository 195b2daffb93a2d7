/**
 * A session that ends while the console is open (idle expiry, revoked elsewhere): the next call
 * answers 401, the console asks once who is signed in, shows the sign-in screen and says why.
 */
import { http, HttpResponse } from 'msw';
import { me } from '../../src/api/routes/accounts.js';
import { listComparisons, listPetitions, listPolls, listThreads } from '../../src/api/routes/admin.js';
import '../../src/define/civic-console.js';
import { expect, waitUntil } from '../helpers.js';
import { worker } from '../mocks/worker.js';
import { consoleSuite, openConsole, route, said, screen, who } from './console-helpers.js';

describe('console session', () => {
  consoleSuite();

  it('a session gone between two calls: asked once, the sign-in screen, and why it shows', async () => {
    let ended = false;
    let asked = 0;
    const gone = () => HttpResponse.json({ error: { kind: 'unauthorized', message: 'sign in' } }, { status: 401 });
    const list = () => (ended ? gone() : HttpResponse.json({ items: [] }));
    worker.use(
      http.get(route(me), () => (asked++, ended ? gone() : HttpResponse.json(who('owner')))),
      http.get(route(listPetitions), list),
      http.get(route(listThreads), list),
      http.get(route(listPolls), list),
      http.get(route(listComparisons), list),
    );
    const el = await openConsole('en');
    await screen(el, 'civic-console-dashboard', 'h2');
    expect(asked).to.equal(1);
    ended = true;
    location.hash = '#/petitions';
    await screen(el, 'civic-console-sign-in', 'form');
    await waitUntil(() => said(el) === 'Your session has ended: sign in again.', 'said why');
    await new Promise((r) => setTimeout(r, 300));
    expect(asked).to.equal(2);
    await expect(el).to.be.accessible();
  });
});

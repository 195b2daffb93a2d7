import { html } from 'lit';
import { http, HttpResponse } from 'msw';
import { MemoryBackend } from '../../src/api/memory-backend.js';
import '../../src/define/civic-petition.js';
import type { CivicPetition } from '../../src/petition/civic-petition.js';
import { $, expect, mount, petitionData, text, type, waitForText } from '../helpers.js';
import { restHandlers } from '../mocks/rest.js';
import { startWorker, worker } from '../mocks/worker.js';

describe('<civic-petition> over REST (RestBackend + msw)', () => {
  before(startWorker);
  afterEach(() => worker.resetHandlers());

  const mountRest = async () => {
    const el = await mount<CivicPetition>(html`<civic-petition lang="fr" api="/api" petition="plan-numerique"></civic-petition>`);
    await waitForText(el, 'Signer cette pétition');
    return el;
  };
  const fill = async (el: Element, values: Record<string, string>) => {
    for (const [k, v] of Object.entries(values)) await type($(el, `[name=${k}]`), v);
  };

  it('signs through the api attribute alone', async () => {
    const memory = new MemoryBackend({ petitions: [petitionData({ doubleOptIn: false })] });
    worker.use(...restHandlers(memory));
    const el = await mountRest();
    await fill(el, { name: 'Hélène Paré', email: 'helene@example.org' });
    $(el, '[part~=submit]').click();
    await waitForText(el, 'Votre signature est comptée');
    expect(text(el)).to.contain('121 signatures');
    expect(memory.signatures).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('shows the server’s field errors beside the fields and keeps what was typed', async () => {
    // worker.use: the first handler given wins.
    worker.use(
      http.post('/api/petitions/:id/signatures', () =>
        HttpResponse.json({ error: { kind: 'validation', message: 'bad', issues: [{ path: 'postalCode', code: 'invalid_format', message: 'x' }] } }, { status: 400 }),
      ),
      ...restHandlers(new MemoryBackend({ petitions: [petitionData()] })),
    );
    const el = await mountRest();
    await fill(el, { name: 'Hélène Paré', email: 'helene@example.org', postalCode: 'ZZZ' });
    $(el, '[part~=submit]').click();
    await waitForText(el, 'Vérifiez ce champ');
    expect($(el, '[name=postalCode]').getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.activeElement?.getAttribute('name')).to.equal('postalCode');
    expect($<HTMLInputElement>(el, '[name=name]').value).to.equal('Hélène Paré');
    await expect(el).to.be.accessible();
  });

  it('keeps a signature whose answer was lost, and counts it once when sent again', async () => {
    const memory = new MemoryBackend({ petitions: [petitionData({ doubleOptIn: false })] });
    let down = true;
    worker.use(
      http.post('/api/petitions/:id/signatures', async ({ request }) => {
        if (!down) return undefined; // fall through to the contract's handler
        // The server got it and counted it, but the answer never came back.
        await memory.petitions.sign('plan-numerique', (await request.json()) as never, { idempotencyKey: request.headers.get('idempotency-key')! });
        return HttpResponse.error();
      }),
      ...restHandlers(memory),
    );
    const el = await mountRest();
    await fill(el, { name: 'Marc Lévesque', email: 'marc@example.org' });
    $(el, '[part~=submit]').click();
    // The client retries with backoff (about 3 s) before keeping it for later.
    await waitForText(el, 'hors ligne', undefined, 8000);
    down = false;
    window.dispatchEvent(new Event('online'));
    await waitForText(el, 'Votre signature est comptée');
    expect(memory.signatures).to.have.length(1);
    expect(memory.petitionData.get('plan-numerique')!.signatureCount).to.equal(121);
  });

  it('shows a load error in words, with a retry, when the server fails', async () => {
    let fail = true;
    worker.use(
      http.get('/api/petitions/:id', () => (fail ? HttpResponse.json({ error: { kind: 'server', message: 'boom' } }, { status: 500 }) : undefined)),
      ...restHandlers(new MemoryBackend({ petitions: [petitionData()] })),
    );
    const el = await mount<CivicPetition>(html`<civic-petition lang="en" api="/api" petition="plan-numerique"></civic-petition>`);
    el.backend = undefined;
    await waitForText(el, 'Something went wrong on the server');
    await expect(el).to.be.accessible();
    fail = false;
    $(el, '[role=alert] button').click();
    await waitForText(el, 'Sign this petition');
  });
});

/**
 * The console end to end, as an organiser gets it: the built server (`dist/server/cli.js --demo`,
 * on a fresh PGlite) prints a one-time sign-in link for the demo's owner; in Chromium the owner
 * signs in, creates a petition, copies its embed code, pastes it into a page of another origin
 * where a reader signs, and watches the count rise live in the console's preview; moderates the
 * demo's held comments by keyboard only; invites a moderator, who signs in from the mailed link and
 * is refused creating a petition. Axe (WCAG 2.2 AA) in each state. Needs the build (npm test builds
 * before this step).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { announced, axe, organiserRun, pageErrors, startServer } from './harness.js';

let snippet = '';
const id = `parc-${Date.now()}`;

// The demo (and its owner's printed link), and a blog on another origin, where the copied code is pasted.
const run = organiserRun(() => startServer(['--demo']), () => snippet);

describe('the console', () => {
  it('signs the demo owner in by the printed link (a page whose button posts), once', async () => {
    assert.match(run.server.out, new RegExp(`the console: ${run.base.replace(/[.]/g, '\\.')}/admin/`));
    const page = await run.owner.newPage();
    const errors = pageErrors(page);
    await page.goto(run.ownerLink);
    await page.getByRole('button', { name: 'Sign me in' }).click();
    await page.waitForURL(`${run.base}/admin/`);
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    assert.match(await page.locator('civic-console header').innerText(), /Camille \(démo\) \(owner\)/);
    // The demo's items, and its held comments with the way to the queue.
    await page.getByRole('link', { name: 'Open the moderation queue' }).waitFor();
    assert.deepEqual(await axe(page), []);
    // The link served once.
    const again = await run.owner.newPage();
    assert.equal((await again.goto(run.ownerLink))?.status(), 404);
    await again.close();
    assert.deepEqual(errors, []);
  });

  it('shows the sign-in screen to a browser without a session, axe-clean', async () => {
    const context = await run.browser.newContext({ locale: 'fr-CA', bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${run.base}/admin/`);
    await page.getByRole('heading', { name: 'Connexion à la console' }).waitFor();
    await page.getByLabel('Adresse courriel').fill('personne@example.org');
    await page.getByRole('button', { name: 'M’envoyer un lien de connexion' }).click();
    await page.getByText('Si personne@example.org a un compte').waitFor();
    assert.deepEqual(await axe(page), []);
    await context.close();
  });

  it('creates a petition, copies its code; pasted on another origin, a signature shows live in the preview', async () => {
    const page = run.owner.pages()[0]!;
    await page.getByRole('link', { name: 'Petitions', exact: true }).click();
    await page.getByRole('link', { name: 'New petition' }).click();
    await page.getByRole('heading', { name: 'New petition', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    // Checked before sending: the first field in error has the focus.
    assert.equal(await page.getByLabel('Identifier (in the embed code)').evaluate((el) => el.matches(':focus')), true);
    assert.deepEqual(await axe(page), []);
    await page.getByLabel('Identifier (in the embed code)').fill(id);
    await page.getByLabel('Title').fill('Un parc au bord du fleuve');
    await page.getByLabel('Summary').fill('Pour un parc public sur les terrains riverains.');
    await page.getByLabel('Goal (signatures)').fill('50');
    await page.getByLabel('Signers confirm by email before being counted').uncheck();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Publish “Un parc au bord du fleuve”' }).waitFor();
    await announced(page, 'Petition “Un parc au bord du fleuve” created.');

    const code = page.getByLabel('HTML to paste');
    assert.equal(
      await code.inputValue(),
      `<script type="module" src="${run.base}/cdn/civic-petition.js"></script>\n<civic-petition petition="${id}" api="${run.base}/api"></civic-petition>`,
    );
    await page.getByRole('button', { name: 'Copy the code' }).click();
    await announced(page, 'Code copied.');
    snippet = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(snippet, await code.inputValue());
    const preview = page.locator('civic-console-publish civic-petition');
    await preview.locator('strong').first().waitFor();
    assert.equal(Number((await preview.locator('strong').first().textContent())?.replace(/\D/g, '')), 0);
    assert.deepEqual(await axe(page), []);

    // A reader on the blog, another origin, signs.
    const reader = await run.browser.newPage();
    await reader.goto(run.blogUrl);
    const widget = reader.locator('civic-petition');
    await widget.locator('[name=name]').fill('Jeanne Ouellet');
    await widget.locator('[name=email]').fill('jeanne.ouellet@example.org');
    await widget.locator('[part~=submit]').click();
    await widget.locator('#done').waitFor();
    await page.waitForFunction(
      () => document.querySelector('civic-console')?.shadowRoot?.querySelector('civic-console-publish')?.shadowRoot?.querySelector('civic-petition')?.shadowRoot?.querySelector('strong')?.textContent?.trim() === '1',
      undefined,
      { timeout: 10_000 },
    );
    await reader.close();
    // The list shows it too.
    await page.getByRole('link', { name: 'Back to the list' }).click();
    await page.getByRole('row', { name: /Un parc au bord du fleuve/ }).getByText('1 of 50').waitFor();
    // The dashboard follows it live (the open item changed last).
    await page.getByRole('link', { name: 'Dashboard' }).click();
    const row = page.getByRole('row', { name: /Un parc au bord du fleuve/ });
    await row.getByText('live').waitFor();
    assert.match(await row.innerText(), /1 \/ 50/);
    assert.deepEqual(await axe(page), []);
  });

  it('finds the signer, downloads the CSV with the session, erases the signature on request; the audit log shows it', async () => {
    const page = run.owner.pages()[0]!;
    await page.getByRole('link', { name: 'Signers of “Un parc au bord du fleuve”' }).click();
    await page.getByRole('heading', { name: 'Signers of “Un parc au bord du fleuve”', level: 1 }).waitFor();
    await page.getByLabel('Name or email contains').fill('ouellet');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('heading', { name: '1 signer found, page 1' }).waitFor();
    await page.getByRole('row', { name: /Jeanne Ouellet/ }).getByText('jeanne.ouellet@example.org').waitFor();
    assert.deepEqual(await axe(page), []);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download every signature (CSV)' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    assert.match(csv, /jeanne\.ouellet@example\.org/);
    await page.getByRole('button', { name: 'Erase the signature of Jeanne Ouellet' }).click();
    await page.getByRole('group', { name: 'Erase the signature of Jeanne Ouellet for good?' }).getByRole('button', { name: 'Erase' }).click();
    await announced(page, 'Signature of Jeanne Ouellet erased.');
    await page.getByText('No signer matches.').waitFor();
    await page.getByText('0 confirmed signatures of 50').waitFor();

    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByLabel('Item (its identifier)').fill(id);
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    await page.getByRole('heading', { name: '2 entries, page 1' }).waitFor();
    assert.match(await page.getByRole('row').nth(1).innerText(), /Camille|owner@example\.org/);
    assert.match(await page.getByRole('row').nth(1).innerText(), /deleteSigner/);
    assert.match(await page.getByRole('row').nth(2).innerText(), /createPetition/);
    assert.deepEqual(await axe(page), []);
  });

  it('creates a comment thread; its Publish screen previews the comments widget', async () => {
    const page = run.owner.pages()[0]!;
    await page.getByRole('link', { name: 'Threads' }).click();
    await page.getByRole('link', { name: 'New thread' }).click();
    await page.getByLabel('Identifier (in the embed code)').fill(`${id}-fil`);
    await page.getByLabel('Title').fill('Parlons du parc');
    await page.getByLabel('Address of the page').fill('https://blogue.example/parc');
    await page.getByLabel('Moderation').selectOption('pre');
    await page.getByRole('button', { name: 'Save' }).click();
    await announced(page, 'Thread “Parlons du parc” created.');
    await page.getByRole('heading', { name: 'Publish “Parlons du parc”' }).waitFor();
    assert.equal(
      await page.getByLabel('HTML to paste').inputValue(),
      `<script type="module" src="${run.base}/cdn/civic-comments.js"></script>\n<civic-comments thread="${id}-fil" api="${run.base}/api"></civic-comments>`,
    );
    await page.locator('civic-console-publish civic-comments form').waitFor();
    assert.deepEqual(await axe(page), []);
  });

  it('moderates the held comments by keyboard only, focus moving on and each outcome announced', async () => {
    const page = run.owner.pages()[0]!;
    await page.getByRole('link', { name: 'Moderation' }).click();
    await page.getByRole('heading', { name: 'To moderate', level: 1 }).waitFor();
    await page.getByText('2 items waiting').waitFor();
    assert.match(await page.locator('civic-console-moderation #keys').innerText(), /j \/ k next and previous, a approve, r reject/);
    assert.deepEqual(await axe(page), []);
    const focused = () => page.evaluate(() => document.querySelector('civic-console')?.shadowRoot?.querySelector('civic-console-moderation')?.shadowRoot?.activeElement?.querySelector('h2')?.textContent ?? '');
    // Past the bulk actions' controls (select all, the filter) to the first comment.
    for (let i = 0; i < 5 && !(await focused()); i++) await page.keyboard.press('Tab');
    assert.match(await focused(), /^Luc Tremblay/);
    await page.keyboard.press('j');
    assert.match(await focused(), /^Promo Rapide/);
    await page.keyboard.press('k');
    await page.keyboard.press('a');
    await announced(page, 'Comment by Luc Tremblay approved.');
    await page.getByText('1 item waiting').waitFor();
    assert.match(await focused(), /^Promo Rapide/, 'the next comment has the focus');
    await page.keyboard.press('s');
    // The demo's comments kept no email or address: nothing to block, and the console says so.
    await announced(page, 'Comment by Promo Rapide rejected as spam (it kept no email or address to block).');
    await page.getByText('Nothing waits for moderation.').waitFor();
    // The approved comment is on the demo blog now, the spam is not.
    const comments = await (await fetch(`${run.base}/api/threads/groupe-plan-numerique/comments?sort=newest`)).text();
    assert.match(comments, /Luc Tremblay/);
    assert.doesNotMatch(comments, /Promo Rapide/);
  });

  it('an owner invites a moderator, who signs in from the mail and is refused creating a petition', async () => {
    const page = run.owner.pages()[0]!;
    await page.getByRole('link', { name: 'Accounts' }).click();
    await page.getByRole('heading', { name: 'Accounts', level: 1 }).waitFor();
    await page.getByLabel('Email address').fill('modo@example.org');
    await page.getByLabel('Name').fill('Modo');
    await page.getByLabel('Role', { exact: true }).selectOption('moderator');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await announced(page, 'Account modo@example.org added.');
    await page.getByRole('combobox', { name: 'Role of modo@example.org' }).waitFor();
    assert.deepEqual(await axe(page), []);

    const context = await run.browser.newContext({ locale: 'en-US', bypassCSP: true });
    const mod = await context.newPage();
    await mod.goto(`${run.base}/dev/mail`);
    await mod.locator('a[href*="/admin/sign-in?token="]').first().click();
    await mod.getByRole('button', { name: /Sign me in|Me connecter/ }).click();
    await mod.waitForURL(`${run.base}/admin/`);
    await mod.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    assert.match(await mod.locator('civic-console header').innerText(), /Modo \(moderator\)/);
    await mod.getByRole('link', { name: 'Petitions', exact: true }).click();
    await mod.getByRole('link', { name: 'New petition' }).click();
    await mod.getByLabel('Identifier (in the embed code)').fill(`${id}-2`);
    await mod.getByLabel('Title').fill('Refusée');
    await mod.getByLabel('Summary').fill('Non.');
    await mod.getByRole('button', { name: 'Save' }).click();
    await mod.getByRole('alert').getByText('Your role does not allow this. Ask an owner of the console.').waitFor();
    assert.deepEqual(await axe(mod), []);
    await context.close();
  });
});

describe('passkeys', () => {
  it('a signed-in owner adds a passkey (Chromium\u2019s virtual authenticator), signs in with it, is safe from another origin\u2019s writes, and ends another session', async () => {
    // A passkey's relying party is a host name: the console at http://localhost (a secure context).
    const local = run.base.replace('127.0.0.1', 'localhost');
    const context = await run.browser.newContext({ locale: 'en-US', bypassCSP: true });
    const page = await context.newPage();
    const errors = pageErrors(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
    });
    await page.goto(`${local}/admin/`);
    await page.getByLabel('Email address').fill('owner@example.org');
    await page.getByRole('button', { name: 'Mail me a sign-in link' }).click();
    await page.getByText('If owner@example.org has an account').waitFor();
    const mail = await context.newPage();
    await mail.goto(`${local}/dev/mail`);
    await mail.locator('article', { hasText: 'owner@example.org' }).first().locator('a[href*="/admin/sign-in?token="]').click();
    await mail.getByRole('button', { name: 'Sign me in' }).click();
    await mail.waitForURL(`${local}/admin/`);
    await mail.close();

    // Signed in in another tab: this one asks again when reloaded.
    await page.goto(`${local}/admin/#/accounts`);
    await page.reload();
    await page.getByRole('heading', { name: 'Passkeys' }).waitFor();
    await page.getByText('No passkey yet.').waitFor();
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await announced(page, 'Passkey added.');
    await page.getByRole('button', { name: /^Remove the passkey / }).waitFor();
    assert.deepEqual(await axe(page), []);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to the console' }).waitFor();
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    // Back on the screen the address names, signed in.
    await page.getByRole('heading', { name: 'Accounts', level: 1 }).waitFor();
    assert.match(await page.locator('civic-console header').innerText(), /Camille \(démo\) \(owner\)/);

    // A page of another origin (the same site: localhost, so the Strict cookie goes along) closes
    // the petition with a bodiless POST, which needs no preflight: the server refuses it (Origin).
    const other = await context.newPage();
    await other.goto(run.blogUrl);
    await other.evaluate((url) => fetch(url, { method: 'POST', credentials: 'include' }).catch(() => undefined), `${local}/api/admin/petitions/${id}/close`);
    assert.equal((await (await page.request.get(`${local}/api/petitions/${id}`)).json()).status, 'open', 'the petition is still open');
    await other.close();

    // The owner's other session (the first browser, at 127.0.0.1) is ended from here; there it is signed out.
    const sessions = page.getByRole('listitem').filter({ has: page.getByRole('button', { name: 'End' }) });
    assert.equal(await sessions.count(), 1);
    await sessions.getByRole('button', { name: 'End' }).click();
    await announced(page, 'Session ended.');
    const first = run.owner.pages()[0]!;
    await first.reload();
    await first.getByRole('heading', { name: 'Sign in to the console' }).waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });
});

/**
 * Signing in to the console by mail through a real SMTP server, and a session's idle expiry, end to
 * end: the built server (`dist/server/index.js`, in this process so that the test moves its clock
 * forward) sends its mail to an SMTP server on 127.0.0.1 (smtp-server); in Chromium the demo's owner
 * asks for a link in French, opens the mailed link, signs in; after 12 hours without use the
 * console shows the sign-in screen again. Axe (WCAG 2.2 AA) in each state. Needs the build.
 */
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { smtpCapture, textOf } from '../mail-text.js';
import { axe, launch } from './harness.js';

type ServerModule = typeof import('../../server/index.js');

const HOUR = 3600_000;
let smtp: Awaited<ReturnType<typeof smtpCapture>>;
let server: Awaited<ReturnType<ServerModule['startServer']>>;
let browser: Browser;
/** How far the server's clock is ahead of the system's. */
let skew = 0;

before(async () => {
  smtp = await smtpCapture();
  const { startServer, SmtpMailer } = (await import(pathToFileURL(resolve('dist/server/index.js')).href)) as ServerModule;
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    demo: true,
    mailer: new SmtpMailer(`smtp://127.0.0.1:${smtp.port}`, 'Console <console@civic.example>'),
    now: () => Date.now() + skew,
    log: () => undefined,
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await smtp?.close();
});

describe('the console by mail', () => {
  it('signs in from a link mailed through SMTP; after 12 idle hours the session is over', async () => {
    const context = await browser.newContext({ locale: 'fr-CA', bypassCSP: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${server.url}/admin/`);
    await page.getByRole('heading', { name: 'Connexion à la console' }).waitFor();
    await page.getByLabel('Adresse courriel').fill('owner@example.org');
    await page.getByRole('button', { name: 'M’envoyer un lien de connexion' }).click();
    await page.getByText('Si owner@example.org a un compte').waitFor();

    // The mail, as the SMTP server received it: in French, with the link to this server.
    const mail = await smtp.mailTo('owner@example.org');
    const { headers, text } = textOf(mail.raw);
    assert.match(headers, /^from: Console <console@civic\.example>/im);
    assert.match(headers, /^subject: .*(connexion|=\?UTF-8\?)/im);
    const link = new RegExp(`${server.url.replace(/[.]/g, '\\.')}/admin/sign-in\\?token=[\\w%-]+`).exec(text)?.[0];
    assert.ok(link, `a sign-in link in: ${text}`);
    // Nobody else got mail.
    assert.deepEqual(smtp.inbox.map((m) => m.to), [['owner@example.org']]);

    await page.goto(link);
    await page.getByRole('button', { name: 'Me connecter' }).click();
    await page.waitForURL(`${server.url}/admin/`);
    await page.getByRole('heading', { name: 'Tableau de bord', level: 1 }).waitFor();
    assert.match(await page.locator('civic-console header').innerText(), /Camille \(démo\) \(propriétaire\)/);
    assert.deepEqual(await axe(page), []);

    // 11 hours later the session still works, and that use moves its idle expiry.
    skew += 11 * HOUR;
    await page.getByRole('link', { name: 'Fils' }).click();
    await page.getByRole('heading', { name: 'Fils', level: 1 }).waitFor();
    await page.getByRole('row', { name: /groupe-plan-numerique/ }).waitFor();
    skew += 11 * HOUR;
    await page.getByRole('link', { name: 'Pétitions', exact: true }).click();
    await page.getByRole('heading', { name: 'Pétitions', level: 1 }).waitFor();
    await page.getByRole('row', { name: /plan-numerique/ }).first().waitFor();

    // 12 hours and a minute without use: over. The console's next call finds it so and asks to sign in.
    skew += 12 * HOUR + 60_000;
    await page.getByRole('link', { name: 'Tableau de bord' }).click();
    await page.getByRole('heading', { name: 'Connexion à la console' }).waitFor();
    await page.waitForFunction(() => document.querySelector('civic-console')?.shadowRoot?.querySelector('div.sr-only[role=status]')?.textContent === 'Votre session a pris fin : reconnectez-vous.');
    assert.deepEqual(await axe(page), []);
    // Reloading does not bring it back.
    await page.reload();
    await page.getByRole('heading', { name: 'Connexion à la console' }).waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });
});

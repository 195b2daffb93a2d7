/** SmtpMailer delivers the confirmation mail to a real SMTP server (smtp-server on 127.0.0.1). */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { key, startTest, targets, tokenFrom, uniqueEmail, type TestServer } from './helpers.js';
import { createPoll, participantToken } from './fixtures.js';
import { SmtpMailer } from '../../server/mail.js';
import { smtpCapture, textOf } from '../mail-text.js';

/** A decoded RFC 2047 header value (`=?UTF-8?Q?...?=` / `=?UTF-8?B?...?=`). */
const decodeHeader = (v: string) =>
  v.replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_, enc: string, data: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(data, 'base64').toString('utf8')
      : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16))), 'latin1').toString('utf8'),
  );

for (const target of await targets()) {
  describe(`SMTP mail on ${target.name}`, { skip: target.skip }, () => {
    let smtp: Awaited<ReturnType<typeof smtpCapture>>;
    let s: TestServer;

    before(async () => {
      smtp = await smtpCapture();
      const mailer = new SmtpMailer(`smtp://127.0.0.1:${smtp.port}?ignoreTLS=true`, 'Pétitions <petitions@example.org>');
      s = await startTest(target, { mailer, publicUrl: 'https://petitions.example.org/' });
    });
    after(async () => {
      await s.close();
      await smtp.close();
    });

    it('the confirmation mail arrives by SMTP, in French, with working confirm and withdraw links under PUBLIC_URL', async () => {
      const r = await s.call('POST', '/api/admin/petitions', { id: 'smtp-test', title: 'Un Québec branché', summary: '', goal: 10 }, { authorization: 'Bearer test-admin-token-0123456789' });
      assert.equal(r.status, 201);
      const email = uniqueEmail('smtp');
      const got = smtp.next();
      const signed = await s.call('POST', '/api/petitions/smtp-test/signatures', { name: 'Hélène Côté', email }, key());
      assert.equal(signed.json.status, 'pending');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([got, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('no mail within 5 s')), 5000)))]);
      clearTimeout(timer);
      await s.idle();

      const mail = smtp.inbox.find((m) => m.to.includes(email));
      assert.ok(mail, 'delivered to the signer');
      assert.equal(mail.from, 'petitions@example.org');
      const { headers, text } = textOf(mail.raw);
      const subject = decodeHeader(/^subject:\s*(.*)$/im.exec(headers)?.[1] ?? '');
      assert.equal(subject, 'Confirmez votre signature : Un Québec branché');
      assert.match(text, /Bonjour Hélène Côté,/);
      assert.match(text, /https:\/\/petitions\.example\.org\/petitions\/confirm\?token=/);
      assert.match(text, /https:\/\/petitions\.example\.org\/petitions\/withdraw\?token=/);

      const confirmed = await s.call('POST', '/api/signatures/confirm', { token: tokenFrom(text, 'confirm') });
      assert.deepEqual(confirmed.json, { status: 'confirmed', petitionId: 'smtp-test', signatureCount: 1 });
      const rows = await s.db.query<{ mailed_at: Date | null }>('SELECT mailed_at FROM signatures WHERE email = $1', [email]);
      assert.ok(rows[0]?.mailed_at, 'recorded as mailed');
    });

    it('a mail that cannot be delivered is logged and lets the signer ask again at once', async () => {
      const email = 'nobody@example.org';
      smtp.refused.add(email);
      try {
        await s.call('POST', '/api/petitions/smtp-test/signatures', { name: 'Personne', email }, key());
        await s.idle();
        assert.ok(s.logged.some((l) => l.includes('mail to signature')), 'logged');
        const rows = await s.db.query<{ mailed_at: Date | null }>('SELECT mailed_at FROM signatures WHERE email = $1', [email]);
        assert.equal(rows[0]?.mailed_at, null);
        s.logged.length = 0;
      } finally {
        smtp.refused.delete(email);
      }
    });

    it('a poll confirmation mail that cannot be delivered frees the address: asking again mails it at once', async () => {
      const id = await createPoll(s, { confirmEmail: true });
      const email = uniqueEmail('participant');
      const ask = () => s.call('POST', `/api/polls/${id}/participants/${participantToken()}/email`, { email }, key());
      smtp.refused.add(email);
      try {
        assert.deepEqual((await ask()).json, { status: 'sent' });
        await s.idle();
        assert.ok(s.logged.some((l) => l.includes(`confirmation mail for poll ${id} failed`)), 'logged');
        s.logged.length = 0;
      } finally {
        smtp.refused.delete(email);
      }
      assert.deepEqual((await ask()).json, { status: 'sent' });
      await s.idle();
      assert.equal(smtp.inbox.filter((m) => m.to.includes(email)).length, 1, 'delivered the second time');
    });
  });
}

/**
 * Mail: a `Mailer` sends one text message. `DevOutbox` (the default) keeps mail in memory and shows
 * it at /dev/mail so that a demo can follow the links; `SmtpMailer` sends through nodemailer.
 */
import type { Transporter } from 'nodemailer';
import { escapeHtml, page } from './html.js';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
  close?(): Promise<void> | void;
}

export interface SentMail extends Mail {
  sentAt: string;
}

/** Keeps the last `limit` mails in memory, newest last. Nothing leaves the machine. */
export class DevOutbox implements Mailer {
  readonly mails: SentMail[] = [];
  constructor(readonly limit = 200) {}

  async send(mail: Mail): Promise<void> {
    this.mails.push({ ...mail, sentAt: new Date().toISOString() });
    if (this.mails.length > this.limit) this.mails.shift();
  }

  /** The newest mail to `to`, if any. */
  last(to?: string): SentMail | undefined {
    return this.mails.findLast((m) => to === undefined || m.to === to);
  }

  /** The page at /dev/mail: every mail, newest first, with its links clickable. */
  html(): string {
    const linkify = (text: string) =>
      escapeHtml(text).replace(/https?:\/\/[^\s<>"]+/g, (url) => `<a href="${url}">${url}</a>`);
    const items = [...this.mails].reverse().map(
      (m) => `<article><h2>${escapeHtml(m.subject)}</h2>
<p class="meta">To ${escapeHtml(m.to)} · <time datetime="${escapeHtml(m.sentAt)}">${escapeHtml(m.sentAt)}</time></p>
<pre>${linkify(m.text)}</pre></article>`,
    );
    return page({
      lang: 'en',
      title: 'Development outbox',
      body: `<h1>Development outbox</h1>
<p>Mail is not sent: set <code>SMTP_URL</code> to send it. The last ${this.limit} mails are kept in memory, newest first.</p>
${items.join('\n') || '<p>No mail yet.</p>'}`,
    });
  }
}

/**
 * Sends through an SMTP server (`smtp://user:pass@host:587`, `smtps://…`). nodemailer (about 15 MB of
 * a server's memory) is loaded with the first mail, not at start.
 */
export class SmtpMailer implements Mailer {
  #transport: Promise<Transporter> | undefined;
  constructor(
    readonly url: string,
    readonly from = 'civic-widgets <no-reply@localhost>',
  ) {}

  async send(mail: Mail): Promise<void> {
    this.#transport ??= import('nodemailer').then((m) => m.default.createTransport(this.url));
    await (await this.#transport).sendMail({ from: this.from, to: mail.to, subject: mail.subject, text: mail.text });
  }

  async close() {
    (await this.#transport)?.close();
  }
}

/** The mails a signer gets, in the petition's language. Plain text: every client shows it, links stay whole. */
import type { Locale } from '../../src/api/petition.js';
import type { Mail } from '../mail.js';
import type { SignMail } from './signing.js';

interface Texts {
  confirmSubject(title: string): string;
  thanksSubject(title: string): string;
  hello(name: string): string;
  confirmBody(title: string, confirmUrl: string): string;
  thanksBody(title: string): string;
  withdraw(withdrawUrl: string): string;
}

const texts: Record<Locale, Texts> = {
  fr: {
    confirmSubject: (t) => `Confirmez votre signature : ${t}`,
    thanksSubject: (t) => `Merci d’avoir signé : ${t}`,
    hello: (n) => `Bonjour ${n},`,
    confirmBody: (t, url) =>
      `Merci d’avoir signé la pétition « ${t} ».\n\nPour que votre signature soit comptée, confirmez-la en ouvrant ce lien :\n${url}\n\nSi vous n’avez pas signé cette pétition, ignorez ce message : sans confirmation, la signature ne sera pas comptée.`,
    thanksBody: (t) => `Merci d’avoir signé la pétition « ${t} ». Votre signature est comptée.`,
    withdraw: (url) => `Pour retirer votre signature et effacer vos données, à tout moment :\n${url}`,
  },
  en: {
    confirmSubject: (t) => `Confirm your signature: ${t}`,
    thanksSubject: (t) => `Thank you for signing: ${t}`,
    hello: (n) => `Hello ${n},`,
    confirmBody: (t, url) =>
      `Thank you for signing the petition “${t}”.\n\nTo have your signature counted, confirm it by opening this link:\n${url}\n\nIf you did not sign this petition, ignore this message: unconfirmed signatures are not counted.`,
    thanksBody: (t) => `Thank you for signing the petition “${t}”. Your signature counts.`,
    withdraw: (url) => `To withdraw your signature and erase your data, at any time:\n${url}`,
  },
};

/** The mail for `m`, with links under `base` (the public origin). */
export function signatureMail(m: SignMail, petition: { title: string; locale: Locale }, base: string): Mail {
  const t = texts[petition.locale];
  const link = (path: string, token: string) => `${base}/petitions/${path}?token=${encodeURIComponent(token)}`;
  const withdraw = t.withdraw(link('withdraw', m.withdrawToken));
  const body =
    m.kind === 'confirm' && m.confirmToken
      ? t.confirmBody(petition.title, link('confirm', m.confirmToken))
      : t.thanksBody(petition.title);
  return {
    to: m.to,
    subject: (m.kind === 'confirm' ? t.confirmSubject(petition.title) : t.thanksSubject(petition.title)).replace(/\s+/g, ' '),
    text: `${t.hello(m.name)}\n\n${body}\n\n${withdraw}\n`,
  };
}

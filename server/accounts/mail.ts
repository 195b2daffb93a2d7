/** The sign-in mail, in French or English. Plain text: every client shows it, the link stays whole. */
import type { Mail } from '../mail.js';

type Locale = 'fr' | 'en';

const texts: Record<Locale, { subject: string; body(url: string, minutes: number): string }> = {
  fr: {
    subject: 'Votre lien de connexion à la console civic-widgets',
    body: (url, minutes) =>
      `Bonjour,\n\nPour vous connecter à la console, ouvrez ce lien puis appuyez sur le bouton « Me connecter » :\n${url}\n\nCe lien ne sert qu’une fois et expire dans ${minutes} minutes.\n\nSi vous n’avez pas demandé à vous connecter, ignorez ce message : personne ne peut se connecter sans ce lien.`,
  },
  en: {
    subject: 'Your sign-in link to the civic-widgets console',
    body: (url, minutes) =>
      `Hello,\n\nTo sign in to the console, open this link, then press the “Sign me in” button:\n${url}\n\nThe link works once and expires in ${minutes} minutes.\n\nIf you did not ask to sign in, ignore this message: no one can sign in without this link.`,
  },
};

/** The URL of a sign-in link's page under `base` (the public origin). */
export const signInUrl = (base: string, token: string) => `${base}/admin/sign-in?token=${encodeURIComponent(token)}`;

export function signInMail(to: string, token: string, base: string, locale: Locale, minutes: number): Mail {
  const t = texts[locale];
  return { to, subject: t.subject, text: t.body(signInUrl(base, token), minutes) };
}

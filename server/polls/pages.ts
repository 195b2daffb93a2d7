/**
 * The confirmation mail of polls that count votes once an email is confirmed, and the page behind
 * its link: GET shows a button (mail scanners open every link and must confirm nothing), the
 * button POSTs to the same path, which confirms.
 */
import type { Context, Hono } from 'hono';
import type { Locale } from '../../src/api/petition.js';
import type { ServerContext } from '../context.js';
import { answerPage as answer, guessLocale as guess, pageWait, paragraph as p, postedToken, tokenForm } from '../html.js';
import { ApiFailure } from '../http.js';
import type { Mail } from '../mail.js';
import { confirmParticipant, lookupConfirmation, type Polls } from './voting.js';

const texts = {
  fr: {
    subject: (t: string) => `Confirmez votre participation : ${t}`,
    body: (t: string, url: string) =>
      `Bonjour,\n\nPour que vos votes à « ${t} » soient comptés, confirmez votre adresse en ouvrant ce lien :\n${url}\n\n` +
      `Votre adresse ne sert qu’à compter un seul participant par adresse : elle n’est pas conservée.\n` +
      `Si vous n’avez pas participé à cette consultation, ignorez ce message.\n`,
    title: 'Confirmer votre participation',
    intro: (t: string) => `Confirmez votre adresse pour que vos votes à « ${t} » soient comptés.`,
    button: 'Confirmer',
    done: (n: number) => `Merci ! Vos votes sont comptés. ${n <= 1 ? `${n} personne participe` : `${n.toLocaleString('fr-CA')} personnes participent`}.`,
    invalidTitle: 'Lien non valide',
    invalid: 'Ce lien n’est plus valide : il a déjà servi, ou un lien plus récent vous a été envoyé.',
    busy: 'Trop de demandes. Réessayez dans quelques instants.',
  },
  en: {
    subject: (t: string) => `Confirm your participation: ${t}`,
    body: (t: string, url: string) =>
      `Hello,\n\nTo have your votes in “${t}” counted, confirm your address by opening this link:\n${url}\n\n` +
      `Your address only serves to count one participant per address: it is not kept.\n` +
      `If you did not take part in this poll, ignore this message.\n`,
    title: 'Confirm your participation',
    intro: (t: string) => `Confirm your address to have your votes in “${t}” counted.`,
    button: 'Confirm',
    done: (n: number) => `Thank you! Your votes count. ${n === 1 ? '1 person takes part' : `${n.toLocaleString('en-CA')} people take part`}.`,
    invalidTitle: 'Invalid link',
    invalid: 'This link is no longer valid: it was used already, or a newer link was sent to you.',
    busy: 'Too many requests. Try again in a moment.',
  },
} satisfies Record<Locale, unknown>;

/** The mail with the confirmation link, under `base` (the public origin). */
export function confirmationMail(to: string, poll: { title: string; locale: Locale }, token: string, base: string): Mail {
  const t = texts[poll.locale];
  const url = `${base}/polls/confirm?token=${encodeURIComponent(token)}`;
  return { to, subject: t.subject(poll.title).replace(/\s+/g, ' '), text: t.body(poll.title, url) };
}

const tokenOk = (token: string | undefined): token is string => !!token && /^[\w-]{16,200}$/.test(token);
const invalid = (c: Context, locale: Locale, status: 400 | 404 = 404) => answer(c, status, locale, texts[locale].invalidTitle, p(texts[locale].invalid));

export function pollPages(app: Hono, ctx: ServerContext, polls: Polls) {
  app.get('/polls/confirm', async (c) => {
    const token = c.req.query('token');
    if (!tokenOk(token)) return invalid(c, guess(c), 400);
    const info = await lookupConfirmation(ctx.db, token);
    if (!info) return invalid(c, guess(c));
    const t = texts[info.locale];
    return answer(c, 200, info.locale, t.title, `${p(t.intro(info.title))}\n${tokenForm('confirm', token, t.button)}`);
  });

  app.post('/polls/confirm', async (c) => {
    if (await pageWait(c, ctx)) return answer(c, 429, guess(c), texts[guess(c)].busy, '');
    const token = await postedToken(c);
    if (!tokenOk(token)) return invalid(c, guess(c), 400);
    const info = await lookupConfirmation(ctx.db, token);
    if (!info) return invalid(c, guess(c));
    try {
      const r = await confirmParticipant(polls, token);
      return answer(c, 200, info.locale, texts[info.locale].title, p(texts[info.locale].done(r.participantCount)));
    } catch (e) {
      if (e instanceof ApiFailure && e.kind === 'not-found') return invalid(c, info.locale);
      throw e;
    }
  });
}

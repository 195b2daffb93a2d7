/**
 * The pages behind the links in mails. GET only shows a page with a button (mail scanners open
 * every link, and must neither confirm nor withdraw anything); the button POSTs the form to the
 * same path, which acts and shows the result.
 */
import type { Context, Hono } from 'hono';
import type { Locale } from '../../src/api/petition.js';
import type { ServerContext } from '../context.js';
import { answerPage as answer, escapeHtml, guessLocale, pageWait, paragraph as p, postedToken, tokenForm } from '../html.js';
import { ApiFailure } from '../http.js';
import { confirm, lookupToken, withdraw, type Petitions } from './signing.js';
import type { TokenInfo } from './sql.js';

type Action = 'confirm' | 'withdraw';

interface Texts {
  count(n: number): string;
  invalidTitle: string;
  invalid: string;
  closed: string;
  back: string;
  busy: string;
  confirm: { title: string; intro(t: string): string; button: string; done: string; already: string };
  withdraw: { title: string; intro(t: string): string; button: string; done: string };
}

const nf = (locale: Locale, n: number) => new Intl.NumberFormat(locale === 'fr' ? 'fr-CA' : 'en-CA').format(n);

const texts: Record<Locale, Texts> = {
  fr: {
    count: (n) => (n <= 1 ? `La pétition compte ${nf('fr', n)} signature.` : `La pétition compte ${nf('fr', n)} signatures.`),
    invalidTitle: 'Lien non valide',
    invalid: 'Ce lien n’est plus valide : la signature a été retirée, ou un lien plus récent vous a été envoyé.',
    closed: 'Cette pétition est close : elle n’accepte plus de signatures.',
    back: 'Voir la pétition',
    busy: 'Trop de demandes. Réessayez dans quelques instants.',
    confirm: {
      title: 'Confirmer votre signature',
      intro: (t) => `Vous avez signé la pétition « ${t} ». Confirmez votre signature pour qu’elle soit comptée.`,
      button: 'Confirmer ma signature',
      done: 'Merci ! Votre signature est confirmée.',
      already: 'Votre signature est déjà confirmée.',
    },
    withdraw: {
      title: 'Retirer votre signature',
      intro: (t) => `Retirer votre signature de la pétition « ${t} » efface votre nom, votre courriel et vos autres données. Vous pourrez signer de nouveau plus tard.`,
      button: 'Retirer ma signature',
      done: 'Votre signature a été retirée et vos données ont été effacées.',
    },
  },
  en: {
    count: (n) => (n === 1 ? `The petition has ${nf('en', n)} signature.` : `The petition has ${nf('en', n)} signatures.`),
    invalidTitle: 'Invalid link',
    invalid: 'This link is no longer valid: the signature was withdrawn, or a newer link was sent to you.',
    closed: 'This petition is closed: it no longer accepts signatures.',
    back: 'See the petition',
    busy: 'Too many requests. Try again in a moment.',
    confirm: {
      title: 'Confirm your signature',
      intro: (t) => `You signed the petition “${t}”. Confirm your signature to have it counted.`,
      button: 'Confirm my signature',
      done: 'Thank you! Your signature is confirmed.',
      already: 'Your signature is already confirmed.',
    },
    withdraw: {
      title: 'Withdraw your signature',
      intro: (t) => `Withdrawing your signature from the petition “${t}” erases your name, email and other data. You can sign again later.`,
      button: 'Withdraw my signature',
      done: 'Your signature has been withdrawn and your data erased.',
    },
  },
};

const backLink = (info: TokenInfo, t: Texts) => (info.url && /^https?:\/\//.test(info.url) ? `<p><a href="${escapeHtml(info.url)}">${escapeHtml(t.back)}</a></p>` : '');

const invalidPage = (c: Context, locale: Locale, status: 400 | 404 = 404) => {
  const t = texts[locale];
  return answer(c, status, locale, t.invalidTitle, p(t.invalid));
};

export function petitionPages(app: Hono, ctx: ServerContext, petitions: Petitions) {
  const tokenOk = (token: string | undefined): token is string => !!token && token.length >= 16 && token.length <= 200;

  for (const action of ['confirm', 'withdraw'] as const satisfies readonly Action[]) {
    app.get(`/petitions/${action}`, async (c) => {
      const token = c.req.query('token');
      if (!tokenOk(token)) return invalidPage(c, guessLocale(c), 400);
      const info = await lookupToken(ctx.db, action, token);
      if (!info) return invalidPage(c, guessLocale(c));
      const t = texts[info.locale];
      if (action === 'confirm' && info.status === 'confirmed') {
        return answer(c, 200, info.locale, t.confirm.title, p(t.confirm.already) + p(t.count(info.signatureCount)) + backLink(info, t));
      }
      if (action === 'confirm' && !info.open) return answer(c, 409, info.locale, t.confirm.title, p(t.closed) + backLink(info, t));
      return answer(c, 200, info.locale, t[action].title, `${p(t[action].intro(info.title))}\n${tokenForm(action, token, t[action].button)}`);
    });

    app.post(`/petitions/${action}`, async (c) => {
      if (await pageWait(c, ctx)) return answer(c, 429, guessLocale(c), texts[guessLocale(c)].busy, '');
      const token = await postedToken(c);
      if (!tokenOk(token)) return invalidPage(c, guessLocale(c), 400);
      const info = await lookupToken(ctx.db, action, token);
      if (!info) return invalidPage(c, guessLocale(c));
      const t = texts[info.locale];
      try {
        const r = action === 'confirm' ? await confirm(petitions, token) : await withdraw(petitions, token);
        return answer(c, 200, info.locale, t[action].title, p(t[action].done) + p(t.count(r.signatureCount)) + backLink(info, t));
      } catch (e) {
        if (e instanceof ApiFailure && e.kind === 'closed') return answer(c, 409, info.locale, t[action].title, p(t.closed) + backLink(info, t));
        if (e instanceof ApiFailure && e.kind === 'not-found') return invalidPage(c, info.locale);
        throw e;
      }
    });
  }
}

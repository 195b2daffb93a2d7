/**
 * The page behind the unsubscribe link of reply mails. GET shows a button (mail scanners open
 * every link and must not unsubscribe anyone); the button POSTs to the same path, which acts.
 */
import type { Context, Hono } from 'hono';
import type { Locale } from '../../src/api/petition.js';
import type { ServerContext } from '../context.js';
import { answerPage, guessLocale, pageWait, paragraph as p, postedToken, tokenForm } from '../html.js';
import type { Keys } from '../secrets.js';
import { unsubscribeTarget } from './notify.js';
import { stopReplyMails, unsubscribeInfo } from './sql/writes.js';

const texts: Record<Locale, { title: string; intro(t: string): string; button: string; done: string; invalid: string; busy: string }> = {
  fr: {
    title: 'Ne plus recevoir les réponses',
    intro: (t) => `Vous recevez un courriel à chaque réponse à votre commentaire sur « ${t} ». Vous pouvez arrêter ces courriels.`,
    button: 'Ne plus recevoir ces courriels',
    done: 'C’est fait : vous ne recevrez plus de courriel pour les réponses à ce commentaire.',
    invalid: 'Ce lien n’est pas valide, ou le commentaire a été supprimé.',
    busy: 'Trop de demandes. Réessayez dans quelques instants.',
  },
  en: {
    title: 'Stop reply notifications',
    intro: (t) => `You get a mail for each reply to your comment on “${t}”. You can stop these mails.`,
    button: 'Stop these mails',
    done: 'Done: you will get no more mail for replies to this comment.',
    invalid: 'This link is not valid, or the comment has been deleted.',
    busy: 'Too many requests. Try again in a moment.',
  },
};

const answer = (c: Context, status: 200 | 404 | 429, locale: Locale, body: string) => answerPage(c, status, locale, texts[locale].title, body);

export function unsubscribePages(app: Hono, ctx: ServerContext, keys: Keys) {
  /** The comment the token is for, with its thread's title and language. */
  const lookup = async (token: string | undefined) => {
    if (!token || token.length > 200) return undefined;
    const id = await unsubscribeTarget(keys, token);
    if (!id) return undefined;
    const r = await unsubscribeInfo(ctx.db, id);
    return r && { id, token, ...r };
  };

  app.get('/comments/unsubscribe', async (c) => {
    const token = c.req.query('token');
    const info = await lookup(token);
    if (!info) return answer(c, 404, guessLocale(c), p(texts[guessLocale(c)].invalid));
    const t = texts[info.locale];
    return answer(c, 200, info.locale, `${p(t.intro(info.title))}\n${tokenForm('unsubscribe', info.token, t.button)}`);
  });

  app.post('/comments/unsubscribe', async (c) => {
    if (await pageWait(c, ctx)) return answer(c, 429, guessLocale(c), p(texts[guessLocale(c)].busy));
    const token = await postedToken(c);
    const info = await lookup(token);
    if (!info) return answer(c, 404, guessLocale(c), p(texts[guessLocale(c)].invalid));
    await stopReplyMails(ctx.db, info.id);
    return answer(c, 200, info.locale, p(texts[info.locale].done));
  });
}

/**
 * The page behind the unsubscribe link of reply mails. GET shows a button (mail scanners open
 * every link and must not unsubscribe anyone); the button POSTs to the same path, which acts.
 */
import type { Context, Hono } from 'hono';
import type { Locale } from '../../src/api/petition.js';
import type { ServerContext } from '../context.js';
import { escapeHtml, page, pageHeaders } from '../html.js';
import { clientIp, readText, type RateLimiter } from '../http.js';
import type { Keys } from './keys.js';
import { unsubscribeTarget } from './notify.js';

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

const guessLocale = (c: Context): Locale => (/^en\b/i.test(c.req.header('accept-language') ?? '') ? 'en' : 'fr');

export function unsubscribePages(app: Hono, ctx: ServerContext, keys: Keys, o: { limiter: RateLimiter | undefined; trustProxy: boolean | number }) {
  const answer = (c: Context, status: 200 | 400 | 404 | 429, locale: Locale, body: string) =>
    c.newResponse(page({ lang: locale, title: texts[locale].title, body: `<h1>${escapeHtml(texts[locale].title)}</h1>\n${body}` }), status, pageHeaders);
  const p = (s: string) => `<p>${escapeHtml(s)}</p>`;

  /** The comment the token is for, with its thread's title and language. */
  const lookup = async (token: string | undefined) => {
    const id = token && token.length <= 200 ? await unsubscribeTarget(keys, token) : undefined;
    if (!id) return undefined;
    const [r] = await ctx.db.query<{ title: string; locale: Locale }>(
      `SELECT t.title, t.locale FROM comments c JOIN comment_threads t ON t.id = c.thread_id WHERE c.id = $1::bigint AND c.status <> 'deleted'`,
      [id],
    );
    return r && { id, ...r };
  };

  app.get('/comments/unsubscribe', async (c) => {
    const token = c.req.query('token');
    const info = await lookup(token);
    if (!info) return answer(c, 404, guessLocale(c), p(texts[guessLocale(c)].invalid));
    const t = texts[info.locale];
    return answer(
      c,
      200,
      info.locale,
      `${p(t.intro(info.title))}
<form method="post" action="unsubscribe">
<input type="hidden" name="token" value="${escapeHtml(token)}">
<button type="submit">${escapeHtml(t.button)}</button>
</form>`,
    );
  });

  app.post('/comments/unsubscribe', async (c) => {
    if (o.limiter) {
      const wait = o.limiter.take(clientIp(c, o.trustProxy));
      if (wait) {
        c.header('Retry-After', String(wait));
        return answer(c, 429, guessLocale(c), p(texts[guessLocale(c)].busy));
      }
    }
    const token = (new URLSearchParams(await readText(c.req.raw, 4096)).get('token') ?? c.req.query('token'))?.trim();
    const info = await lookup(token);
    if (!info) return answer(c, 404, guessLocale(c), p(texts[guessLocale(c)].invalid));
    await ctx.db.query('UPDATE comments SET notify_replies = false WHERE id = $1::bigint', [info.id]);
    return answer(c, 200, info.locale, p(texts[info.locale].done));
  });
}

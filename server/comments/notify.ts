/**
 * Reply notifications: when a reply is published (at once, or when a moderator approves it), the
 * author of the comment it answers gets one mail, if they asked for it when posting and have not
 * unsubscribed since. Never for a reply still held (spammers could otherwise mail anyone), never
 * for a reply by the same email, and at most once per reply (`notified_at`, set in the same
 * statement that picks the mail to send).
 */
import type { Locale } from '../../src/api/petition.js';
import type { Queryable } from '../db/db.js';
import type { Mail } from '../mail.js';
import { sameText, type Keys } from '../secrets.js';
import { takeReplyMail } from './sql/writes.js';

interface Texts {
  subject(title: string): string;
  body(o: { name: string; replier: string; title: string; excerpt: string; link: string | null }): string;
  unsubscribe(url: string): string;
}

const texts: Record<Locale, Texts> = {
  fr: {
    subject: (t) => `Nouvelle réponse à votre commentaire : ${t}`,
    body: (o) =>
      `Bonjour ${o.name},\n\n${o.replier} a répondu à votre commentaire sur « ${o.title} » :\n\n${o.excerpt}` +
      (o.link ? `\n\nLire la réponse et la conversation :\n${o.link}` : ''),
    unsubscribe: (url) => `Vous recevez ce courriel parce que vous avez demandé à être averti des réponses. Pour ne plus en recevoir pour ce commentaire :\n${url}`,
  },
  en: {
    subject: (t) => `New reply to your comment: ${t}`,
    body: (o) =>
      `Hello ${o.name},\n\n${o.replier} replied to your comment on “${o.title}”:\n\n${o.excerpt}` + (o.link ? `\n\nRead the reply and the conversation:\n${o.link}` : ''),
    unsubscribe: (url) => `You get this mail because you asked to be told of replies. To stop them for this comment:\n${url}`,
  },
};

/** The token of an unsubscribe link: the comment's id and a MAC of it. */
export const unsubscribeToken = async (keys: Keys, commentId: string) => `${commentId}.${await keys.mac('unsubscribe', commentId)}`;

/** The comment id an unsubscribe token is for, if the token is genuine. */
export async function unsubscribeTarget(keys: Keys, token: string): Promise<string | undefined> {
  const m = /^(\d{1,18})\.([\w-]{43})$/.exec(token);
  if (!m) return undefined;
  return sameText(m[2]!, await keys.mac('unsubscribe', m[1]!)) ? m[1] : undefined;
}

/**
 * The mail owed for published reply `replyId`, if any, marked as sent (so that a second call,
 * here or in another process, finds nothing). `base` is the public origin for the unsubscribe link.
 */
export async function replyMail(q: Queryable, keys: Keys, replyId: string, base: string): Promise<Mail | undefined> {
  const d = await takeReplyMail(q, replyId);
  if (!d) return undefined;
  const t = texts[d.locale];
  const excerpt = d.body.length > 600 ? `${d.body.slice(0, 600)}…` : d.body;
  const link = d.url && /^https?:\/\//.test(d.url) ? `${d.url.replace(/#.*$/, '')}#comment-${d.reply_id}` : null;
  const unsubscribe = `${base}/comments/unsubscribe?token=${encodeURIComponent(await unsubscribeToken(keys, d.parent_id))}`;
  return {
    to: d.to,
    subject: t.subject(d.title).replace(/\s+/g, ' '),
    text: `${t.body({ name: d.name, replier: d.replier, title: d.title, excerpt, link })}\n\n--\n${t.unsubscribe(unsubscribe)}\n`,
  };
}

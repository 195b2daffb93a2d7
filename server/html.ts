/** Small server-rendered pages (mail links, the dev outbox): escaped, accessible, no JavaScript. */
import type { Context } from 'hono';
import type { Locale } from '../src/api/petition.js';
import type { ServerContext } from './context.js';
import { clientIp, readText } from './http.js';

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values. */
export const escapeHtml = (s: unknown): string => String(s).replace(/[&<>"']/g, (ch) => entities[ch] ?? ch);

const css = `:root{color-scheme:light dark;font-family:system-ui,sans-serif;line-height:1.5}
body{max-inline-size:40rem;margin:2rem auto;padding-inline:1rem}
h1{font-size:1.5rem;line-height:1.25}
button{font:inherit;padding:.6em 1.2em;border-radius:.4em;border:1px solid;cursor:pointer}
button:focus-visible,a:focus-visible{outline:3px solid Highlight;outline-offset:2px}
.meta{opacity:.75;font-size:.9em}
pre{white-space:pre-wrap;overflow-wrap:anywhere}
article{border-block-start:1px solid;padding-block:.5rem}`;

/** A whole page. `body` must already be escaped HTML. */
export function page(o: { lang: string; title: string; body: string }): string {
  return `<!doctype html>
<html lang="${escapeHtml(o.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(o.title)}</title>
<style>${css}</style>
</head>
<body>
<main>
${o.body}
</main>
</body>
</html>
`;
}

/**
 * Headers for pages reached from a mail: nothing may run, nothing may frame them, and the token in
 * the address is never sent on as a referrer.
 */
export const pageHeaders: Record<string, string> = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
};

/* The pages behind links in mails --------------------------------------------------------------- */

/** The language of a page whose resource is unknown: the reader's browser's, French by default. */
export const guessLocale = (c: Context): Locale => (/^en\b/i.test(c.req.header('accept-language') ?? '') ? 'en' : 'fr');

/** A page whose heading is its title; `body` must already be escaped HTML. */
export const answerPage = (c: Context, status: 200 | 400 | 404 | 409 | 429, lang: Locale, title: string, body: string) =>
  c.newResponse(page({ lang, title, body: `<h1>${escapeHtml(title)}</h1>\n${body}` }), status, pageHeaders);

/** A paragraph of text. */
export const paragraph = (text: string) => `<p>${escapeHtml(text)}</p>`;

/**
 * What GET shows behind a mailed link: a button that POSTs the token to the same path (`action`),
 * since mail scanners open every link and must not act on any.
 */
export const tokenForm = (action: string, token: string, button: string) => `<form method="post" action="${action}">
<input type="hidden" name="token" value="${escapeHtml(token)}">
<button type="submit">${escapeHtml(button)}</button>
</form>`;

/** The token the form POSTed (else the one in the query), trimmed. */
export const postedToken = async (c: Context): Promise<string | undefined> =>
  (new URLSearchParams(await readText(c.req.raw, 4096)).get('token') ?? c.req.query('token'))?.trim();

/** The seconds this client must wait before a page acts for it again (Retry-After is set); 0: at once. */
export async function pageWait(c: Context, ctx: Pick<ServerContext, 'limiter' | 'trustProxy'>): Promise<number> {
  const wait = (await ctx.limiter?.take(clientIp(c, ctx.trustProxy))) ?? 0;
  if (wait) c.header('Retry-After', String(wait));
  return wait;
}

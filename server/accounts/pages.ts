/**
 * The console's pages: the shell at /admin/ (the `<civic-console>` element and its script), the page
 * behind a mailed sign-in link (GET shows a button, the button POSTs: mail scanners that open every
 * link sign no one in), and in the demo /dev/sign-in, which signs this machine's browser in as the
 * demo's owner. None may be framed by another site.
 */
import type { Context, Hono } from 'hono';
import type { Me } from '../../src/api/accounts.js';
import { sameOrigin } from '../auth.js';
import type { ServerContext } from '../context.js';
import { answerPage, escapeHtml, guessLocale, pageWait, paragraph as p, postedToken } from '../html.js';
import { clientIp } from '../http.js';
import type { Accounts } from './sessions.js';

type Locale = 'fr' | 'en';

const texts: Record<Locale, Record<'title' | 'intro' | 'button' | 'invalidTitle' | 'invalid' | 'again' | 'busy' | 'foreign' | 'demoTitle' | 'demoIntro' | 'demoButton' | 'noscript', string>> = {
  fr: {
    title: 'Connexion à la console',
    intro: 'Appuyez sur le bouton pour vous connecter à la console dans ce navigateur.',
    button: 'Me connecter',
    invalidTitle: 'Lien non valide',
    invalid: 'Ce lien de connexion a déjà servi, a expiré (après 15 minutes) ou n’existe pas.',
    again: 'Demander un nouveau lien',
    busy: 'Trop de demandes. Réessayez dans quelques instants.',
    foreign: 'Cette connexion ne vient pas des pages de ce serveur : elle est refusée.',
    demoTitle: 'Console de démonstration',
    demoIntro: 'Connectez ce navigateur à la console en tant que propriétaire de la démonstration (depuis cette machine seulement).',
    demoButton: 'Me connecter comme propriétaire de la démo',
    noscript: 'La console a besoin de JavaScript.',
  },
  en: {
    title: 'Sign in to the console',
    intro: 'Press the button to sign in to the console in this browser.',
    button: 'Sign me in',
    invalidTitle: 'Invalid link',
    invalid: 'This sign-in link was used already, has expired (after 15 minutes) or does not exist.',
    again: 'Ask for a new link',
    busy: 'Too many requests. Try again in a moment.',
    foreign: 'This sign-in does not come from this server’s pages: it is refused.',
    demoTitle: 'Demo console',
    demoIntro: 'Sign this browser in to the console as the demo’s owner (from this machine only).',
    demoButton: 'Sign me in as the demo owner',
    noscript: 'The console needs JavaScript.',
  },
};

/** The shell's headers: its own scripts and styles only, never in a frame, nothing cached. */
const shellHeaders = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
};

/** The console's page: the element, its script from the CDN folder, and a word for those without JavaScript. */
export const shell = (locale: Locale) => `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>civic-widgets console</title>
<link rel="icon" href="data:,">
<script type="module" src="/cdn/civic-console.js"></script>
</head>
<body>
<civic-console api="/api"><noscript>${escapeHtml(texts[locale].noscript)}</noscript></civic-console>
</body>
</html>
`;

const isLoopback = (c: Context, ctx: ServerContext) => /^(127\.|::1$|unknown$)/.test(clientIp(c, ctx.trustProxy));

/**
 * A page whose form signs in: its POST must carry this site's Origin (a browser sends `null` under
 * the mail pages' `no-referrer`), and `same-origin` still keeps the token from any other site.
 */
const formPage = (r: Response) => (r.headers.set('referrer-policy', 'same-origin'), r);

const form = (action: string, button: string, token?: string) => `<form method="post" action="${action}">
${token ? `<input type="hidden" name="token" value="${escapeHtml(token)}">\n` : ''}<button type="submit">${escapeHtml(button)}</button>
</form>`;

export interface PageOptions {
  demoOwner: string | undefined;
  signIn(c: Context, accountId: string, method: 'link' | 'demo'): Promise<Me>;
}

export function accountPages(app: Hono, ctx: ServerContext, accounts: Accounts, o: PageOptions): void {
  const t = (c: Context) => texts[guessLocale(c)];
  const again = (c: Context) => `<p><a href="/admin/">${escapeHtml(t(c).again)}</a></p>`;
  const invalid = (c: Context, status: 400 | 404 = 404) => answerPage(c, status, guessLocale(c), t(c).invalidTitle, p(t(c).invalid) + again(c));

  app.get('/admin', (c) => c.redirect('/admin/', 301));
  app.get('/admin/', (c) => c.newResponse(shell(guessLocale(c)), 200, shellHeaders));

  app.get('/admin/sign-in', async (c) => {
    const token = c.req.query('token') ?? '';
    if (!(await accounts.linkUsable(token))) return invalid(c);
    return formPage(answerPage(c, 200, guessLocale(c), t(c).title, p(t(c).intro) + form('/admin/sign-in', t(c).button, token)));
  });

  app.post('/admin/sign-in', async (c) => {
    if (await pageWait(c, ctx)) return answerPage(c, 429, guessLocale(c), t(c).busy, '');
    if (c.req.header('origin') !== undefined && !sameOrigin(c, accounts.publicUrl)) return answerPage(c, 400, guessLocale(c), t(c).invalidTitle, p(t(c).foreign));
    const accountId = await accounts.useLink((await postedToken(c)) ?? '');
    if (!accountId) return invalid(c);
    await o.signIn(c, accountId, 'link');
    return c.redirect('/admin/', 303);
  });

  const demoOwner = o.demoOwner;
  if (!demoOwner) return;
  // Like /dev/mail: for this machine's own browser only.
  app.get('/dev/sign-in', (c, next) =>
    isLoopback(c, ctx) ? formPage(answerPage(c, 200, guessLocale(c), t(c).demoTitle, p(t(c).demoIntro) + form('/dev/sign-in', t(c).demoButton))) : next(),
  );
  app.post('/dev/sign-in', async (c, next) => {
    if (!isLoopback(c, ctx)) return next();
    if (!sameOrigin(c, accounts.publicUrl)) return answerPage(c, 400, guessLocale(c), t(c).invalidTitle, p(t(c).foreign));
    const accountId = await accounts.accountOf(demoOwner);
    if (!accountId) return next();
    await o.signIn(c, accountId, 'demo');
    return c.redirect('/admin/', 303);
  });
}


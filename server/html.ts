/** Small server-rendered pages (mail links, the dev outbox): escaped, accessible, no JavaScript. */

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

/**
 * Links from readers (a comment's links, an author's website) are kept only with an allowlisted
 * protocol: anything else (`javascript:`, `data:`, `vbscript:`, relative paths…) is not a link.
 */
const allowed = ['http:', 'https:', 'mailto:'];

/** The normalised absolute URL if `href` is an http(s) or mailto URL, else undefined. */
export function safeUrl(href: string): string | undefined {
  try {
    const url = new URL(href.trim());
    return allowed.includes(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** What every reader-given link carries: no endorsement, user-generated, no opener. */
export const REL = 'nofollow ugc noopener';

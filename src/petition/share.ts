/**
 * What a signer sees after signing: share links as plain URLs (no third-party script is loaded and
 * nothing is sent until a reader clicks) and a copy button. Loaded on demand after a signature, so
 * the readers who do not sign never download it.
 */
import { html, type TemplateResult } from 'lit';
import { css } from '../core/styles.js';

/** The petition dispatches its civic-signed event once this module is there. */
export { CivicSignedEvent } from '../core/events.js';

/**
 * The share links, drawn as buttons: adopted by the petition's shadow root when it loads this
 * module (a <style> element would be blocked by a strict Content-Security-Policy).
 */
export const styles = css`
  [part~='share'] ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .button {
    display: inline-flex;
    align-items: center;
    min-block-size: 2.75em;
    padding: 0.5em 1em;
    border: 2px solid var(--civic-color-border, currentColor);
    border-radius: var(--_radius);
    font-weight: 600;
    text-decoration: none;
  }
  .button:hover {
    background: var(--_muted);
  }
  /* The thermometer moves smoothly as the count grows: from the reader's own signature on (this
     module loads then), which keeps its bytes out of the petition's file. */
  @media (prefers-reduced-motion: no-preference) {
    ::-webkit-progress-value {
      transition: inline-size 0.6s;
    }
  }
`;

export interface ShareStrings {
  share: string;
  email: string;
  copy: string;
  copied: string;
}

/** [label, href] for each place to share to; the email link's label is empty, to be localised. */
export function shareLinks(url: string, title: string): [string, string][] {
  const u = encodeURIComponent(url);
  const tu = encodeURIComponent(`${title} ${url}`);
  return [
    ['', `mailto:?subject=${encodeURIComponent(title)}&body=${tu}`],
    ['Mastodon', `https://mastodonshare.com/?text=${tu}`],
    ['Bluesky', `https://bsky.app/intent/compose?text=${tu}`],
    ['Facebook', `https://www.facebook.com/sharer/sharer.php?u=${u}`],
    ['LinkedIn', `https://www.linkedin.com/sharing/share-offsite/?url=${u}`],
  ];
}

/** What the share block sees of <civic-petition>: its strings and its live region. */
export interface ShareHost {
  readonly l: { readonly t: ShareStrings };
  say(text: string): void;
}

/** The share block of a petition (its own page, else this one). */
export function renderShare(h: ShareHost, p: { url: string | null; title: string }): TemplateResult {
  const t = h.l.t;
  const url = p.url ?? location.href.split('#')[0]!;
  const copy = (e: Event) => navigator.clipboard?.writeText(url).then(() => h.say(((e.target as HTMLElement).textContent = t.copied)));
  return html`<div part="share">
    <h3>${t.share}</h3>
    <ul>
      ${shareLinks(url, p.title).map(([label, href]) => html`<li><a class="button" href=${href} rel="noopener noreferrer">${label || t.email}</a></li>`)}
      <li><button @click=${copy}>${t.copy}</button></li>
    </ul>
  </div>`;
}

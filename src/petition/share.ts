/**
 * What a signer sees after signing: share links as plain URLs (no third-party script is loaded and
 * nothing is sent until a reader clicks) and a copy button. Loaded on demand after a signature, so
 * the readers who do not sign never download it.
 */
import { html, type TemplateResult } from 'lit';

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

/** The share block; `heading` renders its heading at the widget's level. */
export function renderShare(url: string, title: string, t: ShareStrings, heading: TemplateResult, say: (text: string) => void): TemplateResult {
  const copy = (e: Event) => navigator.clipboard?.writeText(url).then(() => say(((e.target as HTMLElement).textContent = t.copied)));
  return html`<div part="share">
    ${heading}
    <ul>
      ${shareLinks(url, title).map(([label, href]) => html`<li><a class="button" href=${href} rel="noopener noreferrer">${label || t.email}</a></li>`)}
      <li><button @click=${copy}>${t.copy}</button></li>
    </ul>
  </div>`;
}

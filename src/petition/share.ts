/**
 * Share links as plain URLs: no third-party script is loaded and nothing is sent until a reader
 * clicks. Each is [label, href]; the email link's label is empty, for the widget to localise.
 */
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

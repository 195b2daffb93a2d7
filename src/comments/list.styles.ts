import { css } from '../core/styles.js';

/**
 * The conversation's styles, loaded on demand with its rendering (lazy.ts) and added to the widget's.
 * The markdown renderer comes with them, so the compose form's preview shows rendered markdown only
 * once they apply: what a comment's text looks like is styled for the preview too.
 */
export const listStyles = css`
  [part~='comments'],
  .replies,
  [part~='body'],
  [part~='preview'],
  article {
    display: grid;
    gap: var(--_gap);
  }
  [part~='comments'] > li:nth-child(n + 21) {
    /*
     * Long threads: past the first page, the browser skips layout and paint of comments far from
     * the viewport (a 100-comment page renders in a quarter of the time; see bench-comments.mjs).
     * The first page is laid out in full, so checkers that cannot see into skipped content (axe's
     * contrast check) still check what a reader first sees.
     */
    content-visibility: auto;
    contain-intrinsic-size: auto 8em;
  }
  .replies {
    margin-block-start: var(--_gap);
    padding-inline-start: var(--civic-comments-indent, 1.25em);
    border-inline-start: var(--civic-comments-rule, 2px solid var(--_muted));
  }
  article {
    gap: 0.25em;
    overflow-wrap: anywhere;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5em;
  }
  [part~='author'] {
    font-weight: 700;
  }
  time,
  .meta,
  .sort,
  header span {
    font-size: 0.875em;
  }
  [part~='pending'] {
    padding-inline-start: 0.75em;
    border-inline-start: 4px dashed var(--_muted);
  }
  [part~='deleted'] {
    font-style: italic;
  }
  [part~='body'],
  [part~='preview'] {
    gap: 0.5em;
  }
  blockquote {
    padding-inline-start: 0.75em;
    border-inline-start: 3px solid var(--_muted);
  }
  :is([part~='body'], [part~='preview']) :is(ul, ol) {
    padding-inline-start: 1.5em;
    list-style: disc;
  }
  :is([part~='body'], [part~='preview']) ol {
    list-style: decimal;
  }
  pre,
  code {
    font-family: ui-monospace, monospace;
    font-size: 0.9em;
  }
  pre {
    overflow-x: auto;
    padding: 0.5em;
    background: var(--_muted);
    border-radius: var(--_radius);
  }
  /* Under each comment, quiet text buttons (Reply, Like, Report): the filled Publish stays the one
     that stands out. Still 24 px targets at least (WCAG 2.5.8), with the shared focus ring. */
  article button:not([part~='submit']) {
    min-block-size: max(24px, 1.75em);
    min-inline-size: 24px;
    padding: 0.125em 0.375em;
    border-color: transparent;
    font-weight: 400;
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }
  [aria-pressed='true'] {
    background: var(--_muted);
  }
  .sort select {
    margin-inline-start: 0.5em;
    padding: 0.25em;
    border: var(--_border);
    border-radius: var(--_radius);
    background: none;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em;
  }
  @media (forced-colors: active) {
    [aria-pressed='true'] {
      border-style: double;
    }
  }
`;

import { css } from '../core/styles.js';

export const styles = css`
  [part~='base'],
  form {
    display: grid;
    gap: calc(var(--_gap) / 2);
  }
  [part~='meta'],
  .hint {
    font-size: 0.875em;
  }
  [part~='meta'],
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
    align-items: end;
  }
  fieldset {
    display: grid;
    gap: 0.5em;
    padding: 0;
    border: 0;
  }
  [aria-pressed='true'] {
    background: var(--civic-color-accent, var(--_muted));
    -webkit-text-fill-color: var(--civic-color-on-accent);
  }
  [aria-pressed='true']::before {
    content: '✓ ' / '';
  }
  ul {
    display: grid;
    gap: 0.75em;
    padding: 0;
    list-style: none;
  }
  .bars li {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0.25em 1em;
  }
  .bar {
    --_to: right;
    grid-column: 1 / -1;
    block-size: var(--civic-poll-bar-height, 0.5em);
    border-radius: 1em;
    background: linear-gradient(to var(--_to), var(--_fill, var(--civic-poll-bar-color, var(--_accent))) var(--w), var(--_track, var(--_muted)) 0) no-repeat;
  }
  :dir(rtl) .bar {
    --_to: left;
  }
  em {
    font-style: normal;
    font-weight: 600;
  }
  strong {
    font-weight: 700;
  }
  @media (forced-colors: active) {
    .bar {
      forced-color-adjust: none;
      --_fill: Highlight;
      --_track: Canvas;
      border: 1px solid CanvasText;
    }
    [aria-pressed='true'] {
      forced-color-adjust: none;
      background: Highlight;
      -webkit-text-fill-color: HighlightText;
    }
  }
`;

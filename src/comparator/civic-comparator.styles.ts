import { css } from '../core/styles.js';

export const styles = css`
  [part~='base'],
  [part~='question'],
  [part~='results'],
  fieldset,
  dialog {
    display: grid;
    gap: calc(var(--_gap) / 2);
  }
  fieldset {
    border: 0;
    padding: 0;
    min-inline-size: 0;
  }
  .nav,
  [part~='views'],
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    justify-content: space-between;
  }
  [part~='views'],
  .actions {
    justify-content: start;
  }
  [aria-pressed='true'] {
    background: var(--_muted);
    text-decoration: underline 2px;
    text-underline-offset: 0.3em;
  }
  select {
    padding: 0.5em;
    background: none;
    border: var(--_border);
    border-radius: var(--_radius);
  }
  option {
    color: initial;
  }
  .scroll {
    overflow-x: auto;
    container-type: inline-size;
  }
  /* Narrow (a phone, 200 % zoom): one card per statement with every party's stance, nothing to scroll. */
  @container (max-width: 40em) {
    table,
    tbody,
    tr,
    th,
    td {
      display: block;
    }
    thead {
      position: absolute;
      clip-path: inset(50%);
    }
    tr {
      margin-block-end: 0.5em;
      padding: 0.5em;
      border: var(--_border);
      border-radius: var(--_radius);
    }
    th,
    td {
      border: 0;
      min-inline-size: 0 !important;
    }
    td {
      display: grid;
      grid-template-columns: minmax(0, 7em) 1fr;
      align-items: center;
      gap: 0.5em;
    }
    td::before {
      content: attr(data-party) / '';
      font-weight: 600;
    }
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
  }
  caption {
    text-align: start;
    font-weight: 700;
  }
  th,
  td {
    padding: 0.25em;
    border-block-end: var(--_border);
    text-align: start;
    vertical-align: top;
  }
  td {
    min-inline-size: var(--civic-comparator-cell-width, 7em);
  }
  thead th {
    font-weight: 700;
  }
  tbody th {
    font-weight: 400;
    min-inline-size: 12em;
  }
  .hint {
    display: block;
    opacity: 0.85;
  }
  abbr {
    text-decoration: none;
  }
  .cell {
    inline-size: 100%;
    padding: 0.25em 0.5em;
    font-weight: 400;
    text-align: start;
    border-width: 1px;
  }
  .stance [aria-hidden] {
    font-weight: 700;
  }
  .swatch {
    display: inline-block;
    inline-size: 0.75em;
    block-size: 0.75em;
    margin-inline-end: 0.35em;
    border: var(--_border);
    border-radius: 50%;
  }
  .choices {
    display: grid;
    gap: 0.25em;
  }
  .choice {
    align-items: center;
    padding: 0.5em;
    border: var(--_border);
    border-radius: var(--_radius);
  }
  .choice:has(:checked) {
    background: var(--_muted);
    outline: 2px solid;
  }
  progress {
    inline-size: 100%;
    accent-color: var(--_accent);
  }
  ol {
    display: grid;
    gap: var(--_gap);
    padding: 0;
    list-style: none;
  }
  ul {
    padding-inline-start: 1.25em;
  }
  li li {
    margin-block: 0.5em;
  }
  .bar {
    block-size: var(--civic-comparator-bar-height, 0.75em);
    border: var(--_border);
    border-radius: 1em;
    background: var(--_muted);
    overflow: hidden;
  }
  .bar span {
    display: block;
    block-size: 100%;
  }
  summary {
    cursor: pointer;
    font-weight: 600;
  }
  blockquote,
  q {
    font-style: italic;
  }
  blockquote {
    border-inline-start: 3px solid;
    padding-inline-start: 0.75em;
  }
  dialog {
    max-inline-size: min(36em, calc(100vw - 2em));
    padding: var(--_gap);
    border: var(--_border);
    border-radius: var(--_radius);
    background: Canvas;
    color: CanvasText;
  }
  dialog:not([open]) {
    display: none;
  }
  ::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  @media (forced-colors: active) {
    .bar span {
      background: Highlight !important;
    }
    .swatch {
      forced-color-adjust: none;
    }
  }
`;

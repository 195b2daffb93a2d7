/** The console's look: the widgets' tokens (src/core/styles.ts) and a few layout rules of its own. */
import { base, css } from '../core/styles.js';

const own = css`
  :host {
    max-inline-size: var(--civic-max-width, 64rem);
    margin-inline: auto;
    padding: var(--_gap);
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
    padding-block-end: 0.5em;
    margin-block-end: 1em;
    border-block-end: var(--_border);
  }
  nav ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
    padding: 0;
    list-style: none;
  }
  nav a {
    color: var(--_accent);
    padding: 0.25em 0;
  }
  nav a[aria-current] {
    font-weight: 700;
    text-decoration-thickness: 3px;
  }
  .who {
    margin-inline-start: auto;
  }
  button {
    cursor: pointer;
    padding: 0.4em 0.9em;
    border: var(--_border);
    border-radius: var(--_radius);
    background: none;
  }
  button.quiet {
    border-color: transparent;
    text-decoration: underline;
  }
`;

export const consoleStyles = [base, own];

/** What every screen shares: headings, tables, forms, messages. */
export const screenStyles = [
  base,
  css`
    :host {
      max-inline-size: none;
    }
    h1 {
      font-size: 1.5em;
      font-weight: 700;
      margin-block-end: 0.75em;
    }
    h2 {
      font-size: 1.2em;
      font-weight: 700;
      margin-block: 1.5em 0.5em;
    }
    p {
      margin-block-end: 0.75em;
    }
    a {
      color: var(--_accent);
    }
    .table {
      overflow-x: auto;
    }
    table {
      border-collapse: collapse;
      inline-size: 100%;
    }
    th,
    td {
      text-align: start;
      padding: 0.4em 0.5em;
      border-block-end: var(--_border);
      vertical-align: top;
    }
    .field {
      display: grid;
      gap: 0.25em;
      margin-block-end: 0.9em;
    }
    input:not([type='checkbox'], [type='radio']),
    select,
    textarea {
      padding: 0.45em 0.6em;
      border: var(--_border);
      border-radius: var(--_radius);
      background: Canvas;
      color: CanvasText;
      max-inline-size: 100%;
    }
    textarea {
      min-block-size: 6em;
    }
    .hint {
      font-weight: 400;
      opacity: 0.8;
    }
    /* Errors keep the text's colour (readable on any page, light or dark) and the core's red mark beside it. */
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
      align-items: center;
    }
    button,
    a.button {
      cursor: pointer;
      padding: 0.4em 0.9em;
      border: var(--_border);
      border-radius: var(--_radius);
      background: none;
      text-decoration: none;
      display: inline-block;
    }
    button.primary,
    a.button.primary {
      background: var(--_accent);
      border-color: var(--_accent);
      color: var(--civic-color-on-accent, Canvas);
    }
    button:disabled {
      cursor: default;
      opacity: 0.6;
    }
    @media (forced-colors: active) {
      button.primary,
      a.button.primary {
        border: 2px solid ButtonText;
      }
    }
  `,
];

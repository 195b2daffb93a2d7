/** The comparisons editor's own layout: its parts' navigation, list items, the stance grid, the details dialog. */
import { css } from 'lit';

export const comparisonStyles = css`
  h3 {
    font-size: 1.05em;
    font-weight: 700;
    margin-block: 1.25em 0.5em;
  }
  .sections ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
    padding: 0;
    margin-block-end: 1em;
    list-style: none;
  }
  .sections a[aria-current] {
    font-weight: 700;
    text-decoration-thickness: 3px;
  }
  fieldset {
    border: var(--_border);
    border-radius: var(--_radius);
    padding: 0.75em;
    margin-block-end: 1em;
  }
  legend {
    font-weight: 700;
    padding-inline: 0.25em;
  }
  fieldset.field {
    border: none;
    padding: 0;
  }
  fieldset.field legend {
    padding: 0;
  }
  .items {
    padding-inline-start: 0;
    list-style: none;
  }
  .check {
    display: flex;
    gap: 0.4em;
    align-items: center;
  }
  .colour {
    display: flex;
    gap: 0.5em;
    align-items: center;
  }
  .colour .field {
    flex: 1;
  }
  .swatch {
    inline-size: 1.5em;
    block-size: 1.5em;
    border: var(--_border);
    border-radius: var(--_radius);
    forced-color-adjust: none;
  }
  .grid td[role='gridcell'] {
    cursor: pointer;
    min-inline-size: 7em;
  }
  .grid td[role='gridcell']:focus-visible {
    outline: 3px solid var(--civic-focus-color, currentColor);
    outline-offset: -3px;
  }
  .grid td.none {
    font-style: italic;
  }
  .grid td.agree {
    font-weight: 700;
  }
  .grid td[aria-invalid='true'] {
    border: 2px solid var(--_danger);
  }
  .grid tfoot th,
  .grid tfoot td {
    border-block-end: none;
    font-weight: 700;
  }
  dialog {
    max-inline-size: min(40em, 100vw - 2em);
    inline-size: 100%;
    padding: var(--_gap);
    color: inherit;
    background: Canvas;
    border: var(--_border);
    border-radius: var(--_radius);
  }
  dialog textarea,
  dialog input {
    inline-size: 100%;
  }
  /* Problems read in the text's colour, marked by the danger colour's border: #c62828 as text fails AA on a dark page. */
  .error,
  [role='alert'] {
    color: inherit;
  }
  .problems {
    border-inline-start: 3px solid var(--_danger);
    padding-inline-start: 0.75em;
    margin-block: 1em;
  }
  .save {
    margin-block-start: 1.5em;
    padding-block-start: 1em;
    border-block-start: var(--_border);
  }
  .preview {
    border: var(--_border);
    border-radius: var(--_radius);
    padding: var(--_gap);
  }
`;

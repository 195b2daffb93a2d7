/**
 * What only consultations show, styled here so that quick polls do not carry it; adopted by the
 * shadow root (a <style> element would be blocked by a strict Content-Security-Policy).
 */
import { css } from '../core/styles.js';

export const styles = css`
  [part~='proposal'] {
    display: grid;
    gap: 0.25em;
    padding-block-start: 0.5em;
    border-block-start: var(--_border);
  }
  [part~='proposal'] > :empty {
    display: none;
  }
  /* The votes (one segmented group) and the results (one stacked bar, the numbers beside) on one line. */
  .act {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
  }
  .seg {
    display: flex;
    flex-wrap: wrap;
    padding-inline-start: 2px;
  }
  .seg button {
    min-block-size: 2em;
    padding: 0.125em 0.625em;
    margin-inline-start: -2px;
    border-radius: 0;
  }
  .seg :first-child {
    border-start-start-radius: var(--_radius);
    border-end-start-radius: var(--_radius);
  }
  .seg :last-child {
    border-start-end-radius: var(--_radius);
    border-end-end-radius: var(--_radius);
  }
  .seg :focus-visible {
    position: relative;
  }
  .stack {
    flex: 1 1 16em;
    display: grid;
    gap: 0.25em;
  }
  .stacked {
    display: flex;
    gap: 2px;
    block-size: var(--civic-poll-bar-height, 0.5em);
    border-radius: 1em;
    overflow: hidden;
    background: var(--_muted);
    --_c: var(--civic-poll-bar-color, var(--_accent));
  }
  .agree {
    background: var(--_c);
  }
  .mixed {
    background: color-mix(in srgb, var(--_c) 55%, transparent);
  }
  .disagree {
    background: color-mix(in srgb, var(--_c) 25%, transparent);
  }
  /* Secondary: a text button (24 px at least, the shared focus ring). */
  .quiet {
    min-block-size: max(24px, 1.5em);
    padding: 0 0.375em;
    line-height: 1.25;
    border-color: transparent;
    font-weight: 400;
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }
  @media (forced-colors: active) {
    .stacked {
      forced-color-adjust: none;
      background: Canvas;
      border: 1px solid CanvasText;
    }
    .agree {
      background: Highlight;
    }
    .mixed {
      background: GrayText;
    }
    .disagree {
      background: CanvasText;
    }
  }
  .columns {
    display: grid;
    gap: var(--_gap);
    grid-template-columns: repeat(auto-fit, minmax(min(100%, var(--civic-poll-columns-min, 14em)), 1fr));
  }
  .columns ul {
    gap: 0.5em;
  }
  .columns li {
    padding-inline-start: 0.75em;
    border-inline-start: 3px solid var(--_muted);
  }
  fieldset.row {
    display: flex;
  }
  h4 {
    font-weight: var(--civic-heading-weight, 700);
  }
  legend {
    font-weight: 600;
    margin-block-end: 0.25em;
  }
  [part~='filters'] .field {
    flex: 1 1 12em;
    min-inline-size: 0;
  }
  select {
    inline-size: 100%;
    min-block-size: 2.75em;
    padding: 0.25em 0.5em;
    background: none;
    border: var(--_border);
    border-radius: var(--_radius);
  }
  option {
    background: Canvas;
    color: CanvasText;
  }
`;

/**
 * What only consultations show, styled here so that quick polls do not carry it; adopted by the
 * shadow root (a <style> element would be blocked by a strict Content-Security-Policy).
 */
import { css } from '../core/styles.js';

export const styles = css`
  [part~='proposal'] {
    display: grid;
    gap: calc(var(--_gap) / 2);
    padding-block-start: var(--_gap);
    border-block-start: var(--_border);
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
    font-weight: 600;
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

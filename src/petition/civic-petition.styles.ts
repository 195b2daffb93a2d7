import { css } from '../core/styles.js';

export const styles = css`
  [part~='base'],
  [part~='summary'],
  form {
    display: grid;
    gap: calc(var(--_gap) / 2);
  }
  [part~='count'] {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
  }
  [part~='submit'] {
    justify-self: start;
  }
  strong {
    font-size: 1.375em;
  }
  [part~='bar'] {
    appearance: none;
    inline-size: 100%;
    block-size: var(--civic-petition-bar-height, 0.75em);
    border: var(--_border);
    border-radius: 1em;
    overflow: hidden;
    background: var(--_muted);
    color: var(--civic-petition-bar-color, var(--_accent));
  }
  ::-webkit-progress-bar {
    background: none;
  }
  ::-webkit-progress-value {
    background: currentColor;
  }
  ::-moz-progress-bar {
    background: currentColor;
  }
  ul {
    padding: 0;
    list-style: none;
  }
  @media (forced-colors: active) {
    [part~='bar'] {
      forced-color-adjust: none;
      color: Highlight;
      background: Canvas;
      border-color: CanvasText;
    }
  }
`;

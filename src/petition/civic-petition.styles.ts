import { css } from 'lit';

export const styles = css`
  [part~='base'] {
    display: grid;
    gap: calc(var(--_gap) / 2);
  }
  [part~='count'] {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    margin: 0;
  }
  strong {
    font-size: 1.375em;
  }
  [part~='bar'] {
    appearance: none;
    inline-size: 100%;
    block-size: var(--civic-petition-bar-height, 0.75em);
    border: 1px solid var(--_border);
    border-radius: 1em;
    overflow: hidden;
    background: var(--_muted);
    color: var(--civic-petition-bar-color, var(--_accent));
  }
  [part~='bar']::-webkit-progress-bar {
    background: transparent;
  }
  [part~='bar']::-webkit-progress-value {
    background: currentColor;
    transition: inline-size 0.6s;
  }
  [part~='bar']::-moz-progress-bar {
    background: currentColor;
  }
  .links {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    list-style: none;
  }
  [part~='signers'] li {
    list-style: none;
    border-block-end: 1px solid var(--_muted);
  }
  @media (forced-colors: active) {
    [part~='bar'] {
      color: Highlight;
    }
  }
`;

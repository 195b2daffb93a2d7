import { css } from '../core/styles.js';

/** The thread's frame and the compose form (the conversation's own styles load with it: list.styles.ts). */
export const styles = css`
  [part~='base'],
  form {
    display: grid;
    gap: calc(var(--_gap) / 2);
  }
  ol,
  ul {
    padding: 0;
    list-style: none;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }
  [part~='preview'] {
    padding: 0.75em;
    border: 1px dashed var(--civic-color-border, currentColor);
    border-radius: var(--_radius);
  }
  textarea {
    min-block-size: 6em;
    resize: vertical;
  }
  /* The shared reset sets every element's font to inherit: a reader's emphasis must still show. */
  strong {
    font-weight: 700;
  }
  em {
    font-style: italic;
  }
`;

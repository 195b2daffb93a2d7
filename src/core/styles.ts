/**
 * Design tokens and the shared look. By default a widget takes the host page's font and colours
 * (`inherit`, `currentColor`), so it looks native on the blog it lands in; every choice can be
 * overridden with a `--civic-*` custom property (README.md, "Theming").
 */
import { css } from 'lit';

export const base = css`
  :host {
    display: block;
    max-inline-size: var(--civic-max-width, 42rem);
    font-family: var(--civic-font, inherit);
    color: var(--civic-color-text, inherit);
    background: var(--civic-color-background, transparent);
    line-height: 1.5;
    --_accent: var(--civic-color-accent, currentColor);
    --_border: var(--civic-color-border, currentColor);
    --_muted: var(--civic-color-muted, color-mix(in srgb, currentColor 12%, transparent));
    --_radius: var(--civic-radius, 0.375em);
    --_gap: var(--civic-space, 1em);
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  :focus-visible {
    outline: 2px solid var(--civic-focus-color, currentColor);
    outline-offset: 2px;
  }
  [part~='heading'] {
    font-size: 1.25em;
    font-weight: 700;
    line-height: 1.25;
  }
  .subheading {
    font-weight: 700;
  }
  p,
  ul {
    margin: 0 0 calc(var(--_gap) / 2);
    padding: 0;
  }
  button,
  input,
  textarea {
    font: inherit;
    color: inherit;
  }
  input:not([type='checkbox'], [type='radio']),
  textarea {
    inline-size: 100%;
    padding: 0.5em;
    background: transparent;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  [type='checkbox'],
  [type='radio'] {
    inline-size: 1.25em;
    block-size: 1.25em;
    margin: 0.15em 0 0;
    flex: none;
    accent-color: var(--_accent);
  }
  [aria-invalid='true'] {
    border: 2px solid var(--civic-color-danger, #c62828) !important;
  }
  button,
  .button {
    display: inline-flex;
    align-items: center;
    min-block-size: 2.75em;
    padding: 0.5em 1em;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: transparent;
    font-weight: 600;
    text-decoration: none;
    cursor: pointer;
  }
  [part~='submit'] {
    background: var(--civic-color-accent, transparent);
    color: var(--civic-color-on-accent, inherit);
    border-color: var(--_accent);
  }
  button:disabled {
    opacity: 0.7;
    cursor: not-allowed;
  }
  button:hover:enabled,
  .button:hover {
    background: var(--_muted);
    color: inherit;
  }
  .field {
    display: grid;
    gap: 0.25em;
    margin-block-end: 0.75em;
  }
  .fields {
    display: grid;
    gap: 0 var(--_gap);
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 12em), 1fr));
  }
  label {
    font-weight: 600;
  }
  .check {
    display: flex;
    gap: 0.5em;
    font-weight: 400;
  }
  .hint {
    font-size: 0.875em;
    font-weight: 400;
  }
  .error {
    font-size: 0.875em;
    font-weight: 600;
    border-inline-start: 3px solid var(--civic-color-danger, #c62828);
    padding-inline-start: 0.5em;
  }
  [part~='notice'],
  [role='alert'] {
    padding: 0.75em;
    border: 1px solid var(--_border);
    border-inline-start-width: 4px;
    border-radius: var(--_radius);
  }
  [role='alert'] {
    border-inline-start-color: var(--civic-color-danger, #c62828);
  }
  .hp,
  .sr-only {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  a {
    color: inherit;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
  }
  @media (forced-colors: active) {
    [aria-invalid='true'],
    .error,
    [role='alert'] {
      border-color: Mark !important;
    }
  }
`;

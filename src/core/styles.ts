/**
 * Design tokens and the shared look. By default a widget takes the host page's font and colours
 * (`inherit`, `currentColor`), so it looks native on the blog it lands in; every choice can be
 * overridden with a `--civic-*` custom property (README.md, "Theming"). Kept terse: these bytes
 * ship in every widget.
 */
import { unsafeCSS, type CSSResult } from 'lit';

/**
 * Our own `css` tag: the same CSSResult as lit's, without lit's checks of interpolated values (the
 * styles here interpolate nothing), which saves each widget 0.1 kB. Only for our own constant styles.
 */
export const css = (s: TemplateStringsArray): CSSResult => unsafeCSS(s[0]);

export const base = css`
  :host {
    display: block;
    max-inline-size: var(--civic-max-width, 42rem);
    font-family: var(--civic-font, inherit);
    color: var(--civic-color-text, inherit);
    line-height: 1.5;
    --_accent: var(--civic-color-accent, currentColor);
    --_border: 1px solid var(--civic-color-border, currentColor);
    --_muted: var(--civic-color-muted, color-mix(in srgb, currentColor 12%, transparent));
    --_danger: var(--civic-color-danger, #c62828);
    --_radius: var(--civic-radius, 0.375em);
    --_gap: var(--civic-space, 1em);
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
    margin: 0;
    font: inherit;
    color: inherit;
  }
  :focus-visible {
    outline: 2px solid var(--civic-focus-color, currentColor);
    outline-offset: 2px;
  }
  /* One heading scale for every widget: the title, then its sections (h3, or role=heading) at text size. */
  [part~='heading'],
  h3,
  .sub {
    font-weight: var(--civic-heading-weight, 700);
  }
  [part~='heading'] {
    font-size: var(--civic-heading-size, 1.25em);
  }
  label,
  button {
    font-weight: 600;
  }
  input:not([type='checkbox'], [type='radio']),
  textarea {
    inline-size: 100%;
    padding: 0.5em;
    background: none;
    border: var(--_border);
    border-radius: var(--_radius);
  }
  [type='checkbox'],
  [type='radio'] {
    inline-size: 1.25em;
    block-size: 1.25em;
    flex: none;
    accent-color: var(--_accent);
  }
  [aria-invalid='true'] {
    border: 2px solid var(--_danger) !important;
  }
  button {
    display: inline-flex;
    align-items: center;
    min-block-size: 2.75em;
    padding: 0.5em 1em;
    border: var(--_border);
    border-width: 2px;
    border-radius: var(--_radius);
    background: none;
    cursor: pointer;
  }
  /* A filled button paints its label in the on-accent colour but keeps the page's text colour as its
     color, so its focus ring (currentColor, outside it, on the page) contrasts as the page's text does. */
  @media (forced-colors: none) {
    [part~='submit'] {
      background: var(--civic-color-accent);
      -webkit-text-fill-color: var(--civic-color-on-accent);
    }
  }
  :enabled:hover {
    background: var(--_muted);
  }
  :disabled {
    opacity: 0.7;
  }
  .field {
    display: grid;
    align-content: start;
    gap: 0.25em;
    margin-block-end: 0.75em;
  }
  .fields {
    display: grid;
    gap: 0 var(--_gap);
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 12em), 1fr));
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
    border-inline-start: 3px solid var(--_danger);
    padding-inline-start: 0.5em;
  }
  [part~='notice'],
  [role='alert'] {
    padding: 0.75em;
    border: var(--_border);
    border-inline-start-width: 4px;
    border-radius: var(--_radius);
  }
  [role='alert'] {
    border-inline-start-color: var(--_danger);
  }
  .sr-only {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;

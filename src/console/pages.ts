/**
 * Pages by the server's cursor (signers, the audit log): the cursor of each page seen, the current
 * one last (the first page's is undefined), so that Previous goes back without the server's help.
 */
import { html, nothing, type TemplateResult } from 'lit';

export type Cursors = readonly (string | undefined)[];
export const FIRST: Cursors = [undefined];

/** The cursors after turning a page: on to `next`, or (null) back one. */
export const turn = (cursors: Cursors, next: string | null): Cursors => (next ? [...cursors, next] : cursors.slice(0, -1));

/** The navigation between pages: Previous when a page is before, Next when the server gave a cursor. */
export function renderPages(label: string, cursors: Cursors, next: string | null, go: (next: string | null) => void, words: { previous: string; next: string }): TemplateResult {
  return html`<nav class="actions" aria-label=${label}>
    ${cursors.length > 1 ? html`<button @click=${() => go(null)}>${words.previous}</button>` : nothing}
    ${next ? html`<button @click=${() => go(next)}>${words.next}</button>` : nothing}
  </nav>`;
}

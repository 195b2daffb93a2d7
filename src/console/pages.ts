/**
 * Pages by the server's cursor (signers, the audit log): the cursor of each page seen, the current
 * one last (the first page's is undefined), so that Previous goes back without the server's help.
 */
import type { Task } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { itemsTable, type ConsoleScreen } from './screen.js';

export type Cursors = readonly (string | undefined)[];
export const FIRST: Cursors = [undefined];

/** A page of items as the server answers it. */
export interface Page<T> {
  items: T[];
  total: number;
  nextCursor: string | null;
}

/** What a paged list says: how many were found on which page, the navigation's name, and that none matched. */
export interface PageWords {
  results: (n: number, f: string, page: string) => string;
  pages: string;
  none: string;
}

/** The cursors after turning a page: on to `next`, or (null) back one. */
export const turn = (cursors: Cursors, next: string | null): Cursors => (next ? [...cursors, next] : cursors.slice(0, -1));

/** The navigation between pages: Previous when a page is before, Next when the server gave a cursor. */
export function renderPages(label: string, cursors: Cursors, next: string | null, go: (next: string | null) => void, words: { previous: string; next: string }): TemplateResult {
  return html`<nav class="actions" aria-label=${label}>
    ${cursors.length > 1 ? html`<button @click=${() => go(null)}>${words.previous}</button>` : nothing}
    ${next ? html`<button @click=${() => go(next)}>${words.next}</button>` : nothing}
  </nav>`;
}

/**
 * A screen's page of results: its failure, or that it loads, or its heading (which takes the focus
 * when a page turns), the table of its items (`heads`, a `row` each) and the navigation.
 */
export function renderPaged<T>(
  screen: ConsoleScreen & { cursors: Cursors },
  page: Task<readonly unknown[], Page<T>>,
  words: PageWords,
  heads: string[],
  row: (item: T) => TemplateResult,
): TemplateResult {
  const t = screen.t;
  const n = (x: number) => screen.host.l.n(x);
  const result = page.value;
  const go = (next: string | null) => {
    screen.cursors = turn(screen.cursors, next);
    void screen.updateComplete.then(() => screen.renderRoot.querySelector<HTMLElement>('#results')?.focus());
  };
  return html`${page.error ? html`<p role="alert">${screen.host.failure(page.error)}</p>` : nothing}
  ${!result
    ? page.error
      ? nothing
      : html`<p role="status">${t.loading}</p>`
    : html`<h2 id="results" tabindex="-1">${words.results(result.total, n(result.total), n(screen.cursors.length))}</h2>
        ${itemsTable(result.items, heads, row, words.none)}
        ${renderPages(words.pages, screen.cursors, result.nextCursor, go, t.signers)}`}`;
}

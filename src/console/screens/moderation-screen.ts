/**
 * The moderation queue (`#/moderation`): held and reported comments across threads, and
 * participants' proposals and arguments held across polls, as one list oldest first, each with its
 * context (thread and the comment it answers; poll and the proposal an argument is about).
 * Keyboard: j / k move between items, a approves, r rejects, s rejects a comment as spam and blocks
 * its author, x selects. Several items can be approved or rejected at once: a checkbox per item and
 * one to select all those shown. After an action the items leave the list, the one that takes their
 * place gets the focus, and the outcome is announced.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { Loader } from '../../core/loader.js';
import { css } from '../../core/styles.js';
import { screenStyles } from '../civic-console.styles.js';
import { ConsoleScreen } from '../screen.js';
import { act, authorOf, loadEntries, renderEntry, type Action, type Entry } from './moderation-entries.js';

const KEYS: Record<string, Action> = { a: 'approve', r: 'reject', s: 'spam' };
type Filter = 'all' | 'comments' | 'polls';

export class Screen extends ConsoleScreen {
  static override styles = [
    ...screenStyles,
    css`
      ol {
        padding: 0;
        list-style: none;
        display: grid;
        gap: 0.75em;
      }
      article {
        border: var(--_border);
        border-radius: var(--_radius);
        padding: 0.75em;
      }
      article:focus-visible {
        outline-width: 3px;
      }
      article.selected {
        border-width: 3px;
      }
      .body {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        margin-block: 0.5em;
      }
      .context {
        border-inline-start: 3px solid var(--civic-color-border, currentColor);
        padding-inline-start: 0.5em;
        opacity: 0.85;
      }
      .bulk {
        position: sticky;
        inset-block-start: 0;
        background: Canvas;
        padding-block: 0.5em;
        z-index: 1;
      }
    `,
  ];
  static override properties = ConsoleScreen.withState('items', 'current', 'busy', 'failed', 'selected', 'filter');
  /** What still waits (items acted on leave it). */
  declare items: Entry[] | undefined;
  /** The index (among those shown) of the item that has (or gets) the focus. */
  declare current: number;
  declare busy: boolean;
  declare failed: string;
  /** The keys of the selected items. */
  declare selected: ReadonlySet<string>;
  declare filter: Filter;

  constructor() {
    super();
    this.current = 0;
    this.busy = false;
    this.failed = '';
    this.selected = new Set();
    this.filter = 'all';
  }

  readonly queue = new Loader(
    this,
    async ([], signal) => {
      const entries = await loadEntries(this.host, signal);
      this.items = entries;
      this.current = 0;
      this.selected = new Set();
      return entries;
    },
    () => [!!this.host, this.host?.client] as const,
  );

  /** The items the filter shows. */
  get shown(): Entry[] {
    const f = this.filter;
    return (this.items ?? []).filter((e) => f === 'all' || (f === 'comments') === !!e.comment);
  }

  #focus(i: number): void {
    const n = this.shown.length;
    if (!n) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('h1')?.focus());
      return;
    }
    this.current = Math.max(0, Math.min(i, n - 1));
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`article[data-index="${this.current}"]`)?.focus());
  }

  /** Takes `done` out of the list and the selection. */
  #remove(done: readonly Entry[]): void {
    this.items = this.items!.filter((x) => !done.includes(x));
    const keys = new Set(done.map((d) => d.key));
    this.selected = new Set([...this.selected].filter((k) => !keys.has(k)));
  }

  async #act(action: Action, e: Entry): Promise<void> {
    if (this.busy || (action === 'spam' && !e.comment)) return;
    this.busy = true;
    this.failed = '';
    try {
      const i = this.shown.indexOf(e);
      const message = await act(this.host, e, action);
      this.#remove([e]);
      this.host.say(message);
      this.#focus(i);
    } catch (err) {
      this.failed = this.host.failure(err);
    } finally {
      this.busy = false;
    }
  }

  /** Approves or rejects every selected item shown, one after the other; says how it went. */
  async #bulk(action: 'approve' | 'reject'): Promise<void> {
    const shown = this.shown;
    const chosen = shown.filter((e) => this.selected.has(e.key));
    if (this.busy || !chosen.length) return;
    const q = this.t.queue;
    const n = (x: number) => this.host.l.n(x);
    this.busy = true;
    this.failed = '';
    const first = shown.indexOf(chosen[0]!);
    const done: Entry[] = [];
    let failure = '';
    for (const e of chosen) {
      try {
        await act(this.host, e, action);
        done.push(e);
      } catch (err) {
        failure ||= this.host.failure(err);
      }
    }
    this.#remove(done);
    const left = chosen.length - done.length;
    const outcome = (action === 'approve' ? q.bulkApproved : q.bulkRejected)(done.length, n(done.length));
    this.host.say(left ? `${outcome} ${q.bulkFailed(left, n(left))}` : outcome);
    if (left) this.failed = `${q.bulkFailed(left, n(left))} ${failure}`;
    this.busy = false;
    this.#focus(first);
  }

  #toggle(e: Entry, on = !this.selected.has(e.key)): void {
    const next = new Set(this.selected);
    if (on) next.add(e.key);
    else next.delete(e.key);
    this.selected = next;
  }

  #toggleAll(on: boolean): void {
    const keys = this.shown.map((e) => e.key);
    this.selected = on ? new Set([...this.selected, ...keys]) : new Set([...this.selected].filter((k) => !keys.includes(k)));
  }

  #keydown(e: KeyboardEvent): void {
    const shown = this.shown;
    if (e.ctrlKey || e.metaKey || e.altKey || !shown.length) return;
    const article = (e.target as HTMLElement).closest?.('article');
    if (!article) return;
    const i = Number(article.dataset['index']);
    if (e.key === 'j' || e.key === 'k') {
      e.preventDefault();
      this.#focus(i + (e.key === 'j' ? 1 : -1));
    } else if (e.key === 'x') {
      e.preventDefault();
      this.#toggle(shown[i]!);
    } else if (KEYS[e.key]) {
      e.preventDefault();
      void this.#act(KEYS[e.key]!, shown[i]!);
    }
  }

  #item(e: Entry, i: number): TemplateResult {
    const t = this.t;
    const q = t.queue;
    const id = `h-${i}`;
    const on = this.selected.has(e.key);
    const what = e.comment ? q.whatComment : e.poll.argument ? q.whatArgument : q.whatProposal;
    return html`<li>
      <article class=${on ? 'selected' : ''} tabindex=${i === this.current ? 0 : -1} data-index=${i} aria-labelledby=${id} @focus=${() => (this.current = i)}>
        <label class="check"><input type="checkbox" .checked=${on} @change=${(ev: Event) => this.#toggle(e, (ev.target as HTMLInputElement).checked)} /> ${q.select(what, authorOf(e))}</label>
        ${renderEntry(this.host, e, id)}
        <div class="actions">
          <button class="primary" ?disabled=${this.busy} @click=${() => this.#act('approve', e)}>${t.approve}</button>
          <button ?disabled=${this.busy} @click=${() => this.#act('reject', e)}>${t.reject}</button>
          ${e.comment ? html`<button ?disabled=${this.busy} @click=${() => this.#act('spam', e)}>${t.spam}</button>` : nothing}
        </div>
      </article>
    </li>`;
  }

  #toolbar(shown: Entry[]): TemplateResult {
    const q = this.t.queue;
    const n = (x: number) => this.host.l.n(x);
    const count = shown.filter((e) => this.selected.has(e.key)).length;
    const filters: [Filter, string][] = [['all', q.all], ['comments', q.comments], ['polls', q.polls]];
    return html`<div class="bulk actions" role="group" aria-label=${q.bulk}>
      <label class="check"
        ><input type="checkbox" .checked=${count > 0 && count === shown.length} .indeterminate=${count > 0 && count < shown.length} ?disabled=${!shown.length}
          @change=${(ev: Event) => this.#toggleAll((ev.target as HTMLInputElement).checked)} />
        ${q.selectAll(shown.length, n(shown.length))}</label
      >
      <button ?disabled=${this.busy || !count} @click=${() => this.#bulk('approve')}>${q.approveSelected(count, n(count))}</button>
      <button ?disabled=${this.busy || !count} @click=${() => this.#bulk('reject')}>${q.rejectSelected(count, n(count))}</button>
      <label for="filter">${q.show}</label>
      <select id="filter" .value=${this.filter} @change=${(ev: Event) => ((this.filter = (ev.target as HTMLSelectElement).value as Filter), (this.current = 0))}>
        ${filters.map(([v, label]) => html`<option value=${v} ?selected=${v === this.filter}>${label}</option>`)}
      </select>
    </div>`;
  }

  override render(): TemplateResult {
    const t = this.t;
    const shown = this.shown;
    return html`<h1 tabindex="-1">${t.queue.title}</h1>
      <p id="keys">${t.queue.shortcuts}</p>
      ${this.failed ? html`<p role="alert">${this.failed}</p>` : nothing}
      ${this.queue.error
        ? html`<p role="alert">${this.host.failure(this.queue.error)}</p>`
        : !this.items
          ? html`<p role="status">${t.loading}</p>`
          : this.items.length
            ? html`<p>${t.queue.count(this.items.length, this.host.l.n(this.items.length))}</p>
                ${this.#toolbar(shown)}
                <ol aria-label=${t.queue.title} aria-describedby="keys" @keydown=${this.#keydown}>
                  ${shown.map((x, i) => this.#item(x, i))}
                </ol>`
            : html`<p>${t.queueEmpty}</p>`}`;
  }
}

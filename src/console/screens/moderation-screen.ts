/**
 * The moderation queue (`#/moderation`): held and reported comments across threads, oldest first,
 * each with its thread, the comment it answers and its author's other comments. Keyboard: j / k
 * move between comments, a approves, r rejects, s rejects as spam and blocks the author. After an
 * action the comment leaves the list, the next one takes the focus and the outcome is announced.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { QueueItem } from '../../api/lists.js';
import { CivicError } from '../../api/errors.js';
import { call } from '../../api/rest-call.js';
import { approveComment, commentQueue, createBlock, rejectComment } from '../../api/routes/admin.js';
import { Loader } from '../../core/loader.js';
import { css } from '../../core/styles.js';
import { screenStyles } from '../civic-console.styles.js';
import { ConsoleScreen } from '../screen.js';

type Action = 'approve' | 'reject' | 'spam';
const KEYS: Record<string, Action> = { a: 'approve', r: 'reject', s: 'spam' };
/** The server's answer to a block of a comment that kept neither its author's email nor address. */
const nothingToBlock = (e: unknown) => e instanceof CivicError && e.kind === 'validation' && e.issues.some((i) => i.path === 'body');

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
      kbd {
        font-family: monospace;
      }
    `,
  ];
  static override properties = { ...ConsoleScreen.properties, items: { state: true }, current: { state: true }, busy: { state: true }, failed: { state: true } };
  /** The comments still waiting (those acted on leave it). */
  declare items: QueueItem[] | undefined;
  /** The index of the comment that has (or gets) the focus. */
  declare current: number;
  declare busy: boolean;
  declare failed: string;

  constructor() {
    super();
    this.current = 0;
    this.busy = false;
    this.failed = '';
  }

  readonly queue = new Loader(
    this,
    async ([client], signal) => {
      const page = await call(client, commentQueue, { limit: 100 }, { signal });
      this.items = page.items;
      this.current = 0;
      return page;
    },
    () => [!!this.host, this.host?.client] as const,
  );

  #focus(i: number): void {
    this.current = Math.max(0, Math.min(i, (this.items?.length ?? 1) - 1));
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`article[data-index="${this.current}"]`)?.focus());
  }

  async #act(action: Action, item: QueueItem): Promise<void> {
    if (this.busy) return;
    const { client, l, say } = this.host;
    const c = item.comment;
    this.busy = true;
    this.failed = '';
    try {
      // Spam: its author is blocked first (unless the comment kept neither email nor address), then it is rejected.
      const blocked = action === 'spam' && (await call(client, createBlock, {}, { body: { commentId: c.id, note: 'spam' } }).then(() => true, (e: unknown) => (nothingToBlock(e) ? false : Promise.reject(e))));
      await call(client, action === 'approve' ? approveComment : rejectComment, { id: c.id });
      const i = this.items!.indexOf(item);
      this.items = this.items!.filter((x) => x !== item);
      say((action === 'approve' ? l.t.approved : action === 'reject' ? l.t.rejected : blocked ? l.t.spammed : l.t.spamUnblocked)(c.author.name));
      if (this.items.length) this.#focus(i);
      else void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('h1')?.focus());
    } catch (e) {
      this.failed = this.host.failure(e);
    } finally {
      this.busy = false;
    }
  }

  #keydown(e: KeyboardEvent): void {
    if (e.ctrlKey || e.metaKey || e.altKey || !this.items?.length) return;
    const article = (e.target as HTMLElement).closest?.('article');
    if (!article) return;
    const i = Number(article.dataset['index']);
    if (e.key === 'j' || e.key === 'k') {
      e.preventDefault();
      this.#focus(i + (e.key === 'j' ? 1 : -1));
    } else if (KEYS[e.key]) {
      e.preventDefault();
      void this.#act(KEYS[e.key]!, this.items[i]!);
    }
  }

  #item(item: QueueItem, i: number): TemplateResult {
    const t = this.t;
    const { comment: c, thread, parent } = item;
    const n = (x: number) => this.host.l.n(x);
    return html`<li>
      <article tabindex=${i === this.current ? 0 : -1} data-index=${i} aria-labelledby="c-${c.id}" @focus=${() => (this.current = i)}>
        <h2 id="c-${c.id}">${c.author.name} · ${this.host.l.d(c.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</h2>
        <p class="hint">
          ${t.inThread(thread.title)} · ${c.status === 'pending' ? t.held : nothing} ${c.flagCount ? t.flagged(n(c.flagCount)) : nothing}
        </p>
        ${parent ? html`<div class="context"><p class="hint">${t.replyTo(parent.author.name)}</p><p class="body">${parent.body}</p></div>` : nothing}
        <p class="body">${c.body}</p>
        ${item.otherCount ? html`<p class="hint">${t.otherComments(n(item.otherCount))}</p>` : nothing}
        <div class="actions">
          <button class="primary" ?disabled=${this.busy} @click=${() => this.#act('approve', item)}>${t.approve}</button>
          <button ?disabled=${this.busy} @click=${() => this.#act('reject', item)}>${t.reject}</button>
          <button ?disabled=${this.busy} @click=${() => this.#act('spam', item)}>${t.spam}</button>
        </div>
      </article>
    </li>`;
  }

  override render(): TemplateResult {
    const t = this.t;
    const items = this.items;
    return html`<h1 tabindex="-1">${t.queueTitle}</h1>
      <p id="keys">${t.shortcuts}</p>
      ${this.failed ? html`<p role="alert">${this.failed}</p>` : nothing}
      ${this.queue.error
        ? html`<p role="alert">${this.host.failure(this.queue.error)}</p>`
        : !items
          ? html`<p role="status">${t.loading}</p>`
          : items.length
            ? html`<p>${t.queueCount(items.length, this.host.l.n(items.length))}</p>
                <ol aria-label=${t.queueTitle} aria-describedby="keys" @keydown=${this.#keydown}>
                  ${items.map((x, i) => this.#item(x, i))}
                </ol>`
            : html`<p>${t.queueEmpty}</p>`}`;
  }
}

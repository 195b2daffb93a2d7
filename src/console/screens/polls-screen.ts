/**
 * Polls and consultations (`#/polls`): the list with their participants and what waits for a
 * moderator; the editor (`#/polls/new`, `#/polls/new/consultation`, `#/polls/<id>`) and the results
 * (`#/polls/<id>/results`) are chunks of their own, loaded when first opened.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { PollListItem } from '../../api/lists.js';
import { call } from '../../api/rest-call.js';
import { listPolls } from '../../api/routes/admin.js';
import { define } from '../../core/define.js';
import { Loader } from '../../core/loader.js';
import { ConsoleScreen } from '../screen.js';

const parts = {
  editor: () => import('./poll-editor-screen.js'),
  results: () => import('./poll-results-screen.js'),
};
type Part = keyof typeof parts;

export class Screen extends ConsoleScreen {
  static override properties = ConsoleScreen.withState('loaded');
  /** The parts whose chunk has loaded (their tag defined). */
  declare loaded: ReadonlySet<Part>;

  constructor() {
    super();
    this.loaded = new Set();
  }

  readonly list = new Loader(
    this,
    ([client], signal) => call(client, listPolls, {}, { signal }),
    () => [!!this.host && !this.args[0], this.host?.client, this.args.length] as const,
  );

  /** Which part the path shows (undefined: the list). */
  get view(): Part | undefined {
    if (!this.args[0]) return undefined;
    return this.args[1] === 'results' ? 'results' : 'editor';
  }

  override willUpdate(): void {
    const part = this.view;
    if (part && !this.loaded.has(part))
      void parts[part]().then(({ Screen }) => {
        define(`civic-console-poll-${part}`, Screen);
        this.loaded = new Set([...this.loaded, part]);
      });
  }

  #shown = '';

  override updated(): void {
    const key = this.args.join('/');
    if (!this.view && this.#shown && this.#shown !== key) this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
    this.#shown = key;
    // A part shown for the first time: its heading takes the focus, as a screen's does.
    const el = this.renderRoot.querySelector<HTMLElement>('[data-part]');
    if (el && el.dataset['shown'] !== this.args.join('/')) {
      el.dataset['shown'] = this.args.join('/');
      void (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete?.then(() =>
        requestAnimationFrame(() => (el.shadowRoot?.querySelector('h1') as HTMLElement | null)?.focus()),
      );
    }
  }

  #row(p: PollListItem): TemplateResult {
    const t = this.t.pollList;
    const n = (x: number) => this.host.l.n(x);
    const id = encodeURIComponent(p.id);
    return html`<tr>
      <th scope="row"><a href="#/polls/${id}">${p.title}</a><br /><code>${p.id}</code></th>
      <td>${p.kind === 'quick' ? t.quick : t.consultation}</td>
      <td>${n(p.participantCount)}${p.pendingCount ? html`<br /><a href="#/moderation" class="hint">${t.waiting(n(p.pendingCount))}</a>` : nothing}</td>
      <td>${t.status[p.status] ?? p.status}</td>
      <td class="actions">
        <a class="button" href="#/polls/${id}" aria-label="${t.edit}: ${p.title}">${t.edit}</a>
        <a class="button" href="#/polls/${id}/results" aria-label="${t.results}: ${p.title}">${t.results}</a>
        <a class="button" href="#/publish/poll/${id}" aria-label="${t.publish}: ${p.title}">${t.publish}</a>
      </td>
    </tr>`;
  }

  override render(): TemplateResult {
    const part = this.view;
    if (part)
      return this.loaded.has(part)
        ? part === 'editor'
          ? html`<civic-console-poll-editor data-part .host=${this.host} .args=${this.args}></civic-console-poll-editor>`
          : html`<civic-console-poll-results data-part .host=${this.host} .args=${this.args}></civic-console-poll-results>`
        : html`<p role="status">${this.t.loading}</p>`;
    const t = this.t.pollList;
    return html`<h1 tabindex="-1">${this.t.polls}</h1>
      <p class="actions"><a class="button primary" href="#/polls/new">${t.newQuick}</a> <a class="button" href="#/polls/new/consultation">${t.newConsultation}</a></p>
      ${this.table(this.list, [t.poll, t.kind, t.participants, this.t.status, this.t.actions], (p) => this.#row(p), t.none)}`;
  }
}

/**
 * Comment threads: the list (`#/threads`) with what waits in each, open and close; the form to
 * create one (`#/threads/new`: id, page, moderation mode, reply depth, edit window, language of the
 * mails) or edit one (`#/threads/<id>`), checked with the contract's schema before it is sent, the
 * errors beside their fields. After creating, the console goes to its Publish screen.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ThreadCreate, ThreadUpdate } from '../../api/admin.js';
import type { ApiIssue } from '../../api/common.js';
import type { Thread } from '../../api/comments.js';
import { CivicError, toIssues } from '../../api/errors.js';
import type { AdminThread } from '../../api/lists.js';
import { call } from '../../api/rest-call.js';
import { createThread, listThreads, setThreadStatus, updateThread } from '../../api/routes/admin.js';
import { getThread } from '../../api/routes/comments.js';
import { focusFirstError, renderField, type Errors, type FieldSpec, type Values } from '../../core/form.js';
import { ItemLoader, valuesForm } from '../item.js';
import { ConsoleScreen, itemsTable } from '../screen.js';

const MODES = ['post', 'pre', 'first-time'] as const;
const empty = (): Values => ({ id: '', title: '', url: '', moderation: 'post', maxDepth: '3', editWindow: '15', locale: 'fr' });
const valuesOf = (th: Thread): Values => ({
  title: th.title, url: th.url ?? '', moderation: th.moderation, maxDepth: String(th.maxDepth), editWindow: String(Math.round(th.editWindowSeconds / 60)),
});
/** The form's field of a contract's path. */
const fieldOf = (path: string) => (path === 'editWindowSeconds' ? 'editWindow' : path.split('.')[0]!);

export class Screen extends ConsoleScreen {
  static override properties = ConsoleScreen.withState('values', 'errors', 'busy', 'thread');
  declare values: Values;
  declare errors: Errors;
  declare busy: boolean;
  /** The thread being edited. */
  declare thread: Thread | undefined;
  readonly #item = new ItemLoader(
    { screen: this },
    valuesForm(this, (client, id) => call(client, getThread, { id }), empty, valuesOf, (th) => (this.thread = th)),
  );

  constructor() {
    super();
    this.values = empty();
    this.errors = {};
    this.busy = false;
  }

  get editing(): string | undefined {
    return this.args?.[0];
  }

  get myRole(): string {
    return this.host.me.role;
  }

  readonly list = this.listed((client, signal) => call(client, listThreads, {}, { signal }));

  override willUpdate(): void {
    this.#item.open(this.editing);
  }

  specs(): FieldSpec[] {
    const t = this.t;
    const g = t.threads;
    return [
      ...(this.editing === 'new' ? [{ name: 'id', label: t.id, hint: t.idHint, required: true, max: 100 }] : []),
      { name: 'title', label: g.title, required: true, max: 200 },
      { name: 'url', label: g.url, type: 'url', hint: g.urlHint, max: 2000 },
      { name: 'maxDepth', label: g.maxDepth, type: 'number', hint: g.maxDepthHint, required: true },
      { name: 'editWindow', label: g.editWindow, type: 'number', hint: g.editWindowHint, required: true },
    ];
  }

  #body() {
    const v = this.values;
    const num = (x: unknown) => (String(x).trim() === '' ? Number.NaN : Number(x));
    return {
      ...(this.editing === 'new' ? { id: String(v['id']).trim(), locale: v['locale'] as 'fr' | 'en' } : {}),
      title: String(v['title']).trim(),
      url: String(v['url']).trim() || null,
      moderation: v['moderation'] as (typeof MODES)[number],
      maxDepth: num(v['maxDepth']),
      editWindowSeconds: num(v['editWindow']) * 60,
    };
  }

  /** Errors in words beside their fields: what is missing, what is out of range, what is no web address. */
  #errors(issues: readonly ApiIssue[]): Errors {
    const t = this.t;
    const g = t.threads;
    const errors: Errors = {};
    for (const i of issues) {
      const name = fieldOf(i.path);
      const known = this.specs().some((s) => s.name === name);
      const v = String(this.values[name] ?? '').trim();
      errors[known ? name : 'body'] ??= !known
        ? i.message
        : !v
          ? t.required
          : name === 'url'
            ? g.badUrl
            : name === 'maxDepth'
              ? g.range('0', '10')
              : name === 'editWindow'
                ? g.range('0', '1440')
                : name === 'id'
                  ? t.idHint
                  : i.message;
    }
    return errors;
  }

  #show(errors: Errors): void {
    this.errors = errors;
    void this.updateComplete.then(() => focusFirstError(this.renderRoot, this.specs(), errors));
  }

  async #submit(e: Event): Promise<void> {
    e.preventDefault();
    const { client, say, go } = this.host;
    const g = this.t.threads;
    const isNew = this.editing === 'new';
    const body = this.#body();
    const checked = (isNew ? ThreadCreate : ThreadUpdate).safeParse(body);
    if (!checked.success) return this.#show(this.#errors(toIssues(checked.error.issues)));
    this.busy = true;
    try {
      if (isNew) {
        const th = await call(client, createThread, {}, { body: body as ThreadCreate });
        say(g.created(th.title));
        go('publish', 'thread', th.id);
      } else {
        this.thread = await call(client, updateThread, { id: this.editing! }, { body });
        this.errors = {};
        say(g.saved(this.thread.title));
      }
    } catch (err) {
      this.#show(err instanceof CivicError && err.kind === 'validation' ? this.#errors(err.issues) : { body: this.host.failure(err) });
    } finally {
      this.busy = false;
    }
  }

  /** Opens or closes a thread (a moderator's act); announced. */
  async #toggle(th: Pick<Thread, 'id' | 'title' | 'status'>): Promise<void> {
    const g = this.t.threads;
    const status = th.status === 'open' ? 'closed' : 'open';
    try {
      const after = await call(this.host.client, setThreadStatus, { id: th.id }, { body: { status } });
      if (this.thread?.id === after.id) this.thread = after;
      this.errors = {};
      this.host.say(status === 'closed' ? g.closedSaid(after.title) : g.openedSaid(after.title));
      this.version++;
    } catch (e) {
      this.errors = { body: this.host.failure(e) };
    }
  }

  #toggleButton(th: Pick<Thread, 'id' | 'title' | 'status'>): TemplateResult | typeof nothing {
    const g = this.t.threads;
    if (this.myRole !== 'owner' && this.myRole !== 'moderator') return nothing;
    const label = th.status === 'open' ? g.close : g.reopen;
    return html`<button aria-label="${label}: ${th.title}" @click=${() => this.#toggle(th)}>${label}</button>`;
  }

  #row(th: AdminThread): TemplateResult {
    const t = this.t;
    const g = t.threads;
    const n = (x: number) => this.host.l.n(x);
    const edits = this.myRole === 'owner' || this.myRole === 'editor';
    const path = encodeURIComponent(th.id);
    return html`<tr>
      <th scope="row">${edits ? html`<a href="#/threads/${path}">${th.title || th.id}</a>` : th.title || th.id}<br /><code>${th.id}</code></th>
      <td>${n(th.commentCount)}${th.pendingCount || th.flaggedCount ? html`<br /><span class="hint">${t.dashboard.heldFlagged(n(th.pendingCount), n(th.flaggedCount))}</span>` : nothing}</td>
      <td>${g.modes[th.moderation] ?? th.moderation}</td>
      <td>${th.status === 'open' ? t.open : t.closed}</td>
      <td class="actions">
        ${edits ? html`<a class="button" href="#/threads/${path}" aria-label="${t.edit}: ${th.title}">${t.edit}</a>` : nothing}
        <a class="button" href="#/publish/thread/${path}" aria-label="${t.publish}: ${th.title}">${t.publish}</a>
        ${this.#toggleButton(th)}
      </td>
    </tr>`;
  }

  #list(): TemplateResult {
    const t = this.t;
    const g = t.threads;
    const edits = this.myRole === 'owner' || this.myRole === 'editor';
    return html`<h1 tabindex="-1">${g.nav}</h1>
      ${edits ? html`<p><a class="button primary" href="#/threads/new">${g.new}</a></p>` : nothing}
      ${this.errors['body'] ? html`<p role="alert">${this.errors['body']}</p>` : nothing}
      ${this.list.value
        ? itemsTable(this.list.value.items, [t.dashboard.thread, t.dashboard.comments, g.moderation, t.status, t.actions], (th) => this.#row(th), t.dashboard.noThreads)
        : this.list.error
          ? html`<p role="alert">${this.host.failure(this.list.error)}</p>`
          : html`<p role="status">${t.loading}</p>`}`;
  }

  #select(name: string, label: string, options: [string, string][]): TemplateResult {
    return html`<div class="field">
      <label for="f-${name}">${label}</label>
      <select id="f-${name}" name=${name} .value=${String(this.values[name])} ?disabled=${this.busy}
        @change=${(e: Event) => (this.values = { ...this.values, [name]: (e.target as HTMLSelectElement).value })}>
        ${options.map(([v, l]) => html`<option value=${v} ?selected=${this.values[name] === v}>${l}</option>`)}
      </select>
    </div>`;
  }

  #form(): TemplateResult {
    const t = this.t;
    const g = t.threads;
    const isNew = this.editing === 'new';
    const form = { values: this.values, errors: this.errors, l: this.host.l, set: (n: string, v: string | boolean) => (this.values = { ...this.values, [n]: v }), disabled: this.busy };
    const [id, ...fields] = isNew ? this.specs() : [undefined, ...this.specs()];
    return html`<h1 tabindex="-1">${isNew ? g.new : g.editTitle(this.thread?.title ?? this.editing!)}</h1>
      <p><a href="#/threads">${t.cancel}</a></p>
      <form @submit=${this.#submit} novalidate>
        ${id ? renderField(form, id) : nothing} ${renderField(form, fields[0]!)} ${renderField(form, fields[1]!)}
        ${this.#select('moderation', g.moderation, MODES.map((m): [string, string] => [m, g.modes[m]!]))}
        ${renderField(form, fields[2]!)} ${renderField(form, fields[3]!)}
        ${isNew ? this.#select('locale', t.locale, [['fr', t.french], ['en', t.english]]) : nothing}
        ${this.errors['body'] ? html`<p role="alert">${this.errors['body']}</p>` : nothing}
        <div class="actions">
          <button class="primary" ?disabled=${this.busy}>${t.save}</button>
          ${this.thread
            ? html`${this.#toggleButton(this.thread)}
                <a class="button" href="#/publish/thread/${encodeURIComponent(this.thread.id)}">${t.publish}</a>`
            : nothing}
        </div>
      </form>`;
  }

  override render(): TemplateResult {
    return this.editing ? this.#form() : this.#list();
  }
}

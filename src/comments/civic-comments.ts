import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { newKey, type CivicBackend, type CommentsBackend } from '../api/backend.js';
import { CommentInput, type Comment, type CommentCreated, type CommentSort, type Moderation, type Thread } from '../api/comments.js';
import { CivicError, toIssues } from '../api/errors.js';
import type { Outcome, OutboxEntry } from '../api/outbox.js';
import { CivicElement } from '../core/civic-element.js';
import { state } from '../core/state.js';
import { CivicCommentedEvent } from '../core/events.js';
import { fieldErrors, focusFirstError, type Errors, type Form, type Values } from '../core/form.js';
import { TaskStatus } from '@lit/task';
import { Loader } from '../core/loader.js';
import { Localize } from '../core/localize.js';
import { sender } from '../core/sender.js';
import { base } from '../core/styles.js';
import { commentsBackend, post } from './backend.js';
import { styles } from './civic-comments.styles.js';
import { composeFields, renderCompose } from './compose.js';
import type { Acts, CommentsHost, Loaded } from './host.js';
import { keepOwn, owned } from './store.js';
import { has, insert } from './thread.js';

type Input = CommentInput;

/**
 * A comment thread: threaded replies, likes and reports, the reader's own comments (editable for a
 * while, shown to them while awaiting moderation), live arrivals, and the pages citing this one.
 *
 * The widget's file holds what must work offline (writing, replying, keeping a comment until the
 * network returns); reading the conversation (its rendering, the markdown renderer, likes,
 * reports, edits, live updates) loads on demand with the first comments (lazy.ts), and the
 * proof-of-work solver only when a thread asks for it.
 *
 * @tagname civic-comments
 * @summary A blog's comment section: threaded, moderated, live, accessible, without an iframe.
 * @slot - Shown until the widget loads, when loading fails, and where scripts do not run (e.g. a link to the comments page).
 * @csspart base - The whole thread.
 * @csspart heading - The comment count heading.
 * @csspart form - The compose form (under the comment replied to, when replying).
 * @csspart field-error - A message beside a field.
 * @csspart submit - The post (and save) button.
 * @csspart preview - The rendered preview of the comment being written.
 * @csspart notice - Closed, offline and awaiting-moderation messages.
 * @csspart sort - The sort order select.
 * @csspart comments - The list of comments (replies are nested lists).
 * @csspart comment - One comment (also `comment pending`, `comment deleted`).
 * @csspart author - A comment's author (linked to their website, if any).
 * @csspart body - A comment's text.
 * @csspart pinned - The "pinned" mark.
 * @csspart more - The "show more comments" button.
 * @csspart fresh - The "N new comments" button.
 * @csspart mentions - The pages citing this one (pingbacks, webmentions).
 * @csspart error - A load error.
 * @cssproperty --civic-comments-indent - Indent of each reply level (default 1.25em).
 * @cssproperty --civic-comments-rule - The line beside replies (default: 2px solid --civic-color-muted).
 * @event civic-commented - A comment or reply was accepted: `status` is `published` or `pending` (awaiting moderation).
 */
export class CivicComments extends CivicElement implements CommentsHost {
  static override styles = [base, styles];
  static override properties: PropertyDeclarations = {
    thread: {},
    headingLevel: { type: Number, attribute: 'heading-level' },
    pageSize: { type: Number, attribute: 'page-size' },
    sort: { reflect: true },
    requireEmail: { type: Boolean, attribute: 'require-email' },
    maxDepth: { type: Number, attribute: 'max-depth' },
    moderation: {},
    closed: { type: Boolean },
    values: state,
    errors: state,
    sending: state,
    preview: state,
    replyTo: state,
    acts: state,
    items: state,
    fresh: state,
    lazy: state,
  };

  /** The thread's id. */
  declare thread: string | undefined;
  /** The level of the count heading: 2 by default, 3 inside a section that has its own h2… */
  declare headingLevel: number;
  /** Top-level comments per page (each comes with its replies): 20 by default. */
  declare pageSize: number;
  /** The order of top-level comments: `oldest` (default), `newest` or `likes`. */
  declare sort: CommentSort;
  /** The email must be given (a WordPress site that requires a name and an email): not marked optional. */
  declare requireEmail: boolean;
  /** A WordPress site's deepest reply level (its thread depth less one), which its REST API does not say. */
  declare maxDepth: number | undefined;
  /** What a WordPress site holds for moderation (`pre`, `first-time`), which its REST API does not say. */
  declare moderation: Moderation | undefined;
  /** A WordPress post whose comments are closed though its REST API says open (closed after N days). */
  declare closed: boolean;
  declare private values: Values;
  declare private errors: Errors;
  declare private sending: boolean;
  declare private preview: boolean;
  /** @internal The comment under which the compose form is open. */
  declare replyTo: string | null;
  /** @internal Edits, confirmations and refusals under way (actions.ts). */
  declare acts: Acts;
  /** @internal The comments shown, in display order. */
  declare items: Comment[];
  /** @internal Comments that arrived live, shown when the reader asks. */
  declare fresh: Comment[];
  /** @internal The conversation's rendering, loaded with the first comments. */
  declare lazy: typeof import('./lazy.js') | undefined;
  /** @internal The thread, the next page's cursor and the mentions, as loaded and kept up to date. */
  loaded: Loaded | undefined;

  /** @internal */
  readonly l = new Localize(this, 'comments');
  #key = newKey();
  #adopted?: Loaded;
  #cache = new Map<string, unknown>();

  readonly #task = new Loader(
    this,
    ([, id, sort], signal) => this.#load(id, sort, signal),
    () => [this.active, this.resolvedBackend?.comments, this.thread ?? '', this.sort] as const,
  );
  /**
   * Comments: posted now, or kept offline and posted when the network returns. Those kept are sent
   * once the thread is shown, so that they land in it.
   */
  readonly #comments = sender(
    this,
    () => [this.active && this.loaded?.thread.id === this.thread, this.resolvedBackend?.comments, this.thread],
    'comments.post',
    (entry: OutboxEntry<Input>) => post(this.commentsApi, entry, this.loaded?.thread),
    // What a comment sent from the outbox says waits for the strings (the page may be opening).
    (entry, outcome: Outcome<CommentCreated>) => void this.l.loaded.then(() => this.#posted(entry.payload, outcome, false)),
  );

  constructor() {
    super();
    this.headingLevel = 2;
    this.pageSize = 20;
    this.sort = 'oldest';
    this.values = {};
    this.errors = {};
    this.sending = this.preview = this.requireEmail = this.closed = false;
    this.replyTo = null;
    this.acts = {};
    this.items = [];
    this.fresh = [];
  }

  /** From `api`: the reference server's REST API, or a WordPress site's (backend.ts). */
  protected override createBackend(api: string): CivicBackend {
    return commentsBackend(api, { maxDepth: this.maxDepth, moderation: this.moderation, closed: this.closed });
  }

  /** @internal This widget's part of the backend. */
  get commentsApi(): CommentsBackend {
    return this.backendPart('comments');
  }

  /** @internal Whether a load is under way (a new sort order). */
  get busy(): boolean {
    return this.#task.status === TaskStatus.PENDING;
  }

  async #load(id: string, sort: CommentSort, signal: AbortSignal): Promise<Loaded> {
    const api = this.commentsApi;
    const lazy = this.#lazy();
    const o = { signal };
    const [thread, page] = await Promise.all([api.get(id, o), api.list(id, { sort, limit: this.pageSize }, o)]);
    let items = page.items;
    // The reader's own comments awaiting moderation, which only they see.
    const tokens = owned(id).map((x) => x.token);
    if (api.mine && tokens.length)
      for (const c of await api.mine(id, tokens, o).catch(() => [])) if (c.status === 'pending') items = insert(items, c, sort);
    const mentions = api.mentions && thread.mentionCount ? await api.mentions(id, {}, o).then((p) => p.items, () => []) : [];
    await lazy;
    return { thread, items, next: page.nextCursor, mentions };
  }

  /** Loads the conversation's rendering (once); a failure is a network failure. */
  #lazy = async () => {
    if (this.lazy) return;
    const lazy = await import('./lazy.js').catch((cause: unknown) => {
      throw new CivicError('network', 'the rendering could not be loaded', { cause });
    });
    const root = this.renderRoot as ShadowRoot;
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, lazy.listStyles.styleSheet!];
    // Live events matter once comments are shown, so they come with the rendering.
    lazy.listen(this);
    this.lazy = lazy;
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const value = this.#task.value;
    if (value && value !== this.#adopted) {
      this.#adopted = this.loaded = value;
      this.items = value.items;
      this.fresh = [];
    }
  }

  #set = (name: string, value: string | boolean) => {
    this.values = { ...this.values, [name]: value };
    if (this.errors[name]) this.errors = { ...this.errors, [name]: '' };
  };

  #form(): Form {
    return { values: this.values, errors: this.errors, l: this.l, set: this.#set, disabled: this.sending };
  }

  /** @internal Moves focus to an element of the widget once rendered. */
  async focusOn(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  async #showErrors(errors: Errors) {
    this.errors = errors;
    this.say(errors['form'] ?? this.l.t.fix(Object.keys(errors).length));
    await this.updateComplete;
    if (!focusFirstError(this.renderRoot, composeFields(this.l.t, this.requireEmail), errors)) void this.focusOn('form [role=alert]');
  }

  /**
   * Field errors from contract issues (the schema's `body` is the form's `text`): the server's own
   * refusals in words (issues.ts, loaded with the conversation, which is there whenever the form is),
   * the contract's checks by field; other failures above the form.
   */
  #errorsOf(error: CivicError): Errors {
    const t = this.l.t;
    const fields = composeFields(this.l.t, this.requireEmail);
    const errors: Errors = {};
    if (error.kind === 'validation')
      for (const i of error.issues) {
        const name = i.path === 'body' ? 'text' : i.path;
        const field = fields.some((f) => f.name === name);
        errors[field ? name : 'form'] ??= this.lazy?.issueText(t, i) ?? (field ? fieldErrors([{ ...i, path: name }], fields, this.#form())[name]! : this.errorText(error));
      }
    if (!Object.keys(errors).length) errors['form'] = error.kind === 'conflict' ? t.duplicate : error.kind === 'forbidden' ? t.forbidden : this.errorText(error);
    return errors;
  }

  async #submit(e: SubmitEvent) {
    e.preventDefault();
    const v = this.values;
    const text = (k: string) => String(v[k] ?? '').trim();
    const input: Input = { name: text('name'), body: text('text') };
    for (const k of ['email', 'website', 'hp'] as const) if (text(k)) input[k] = text(k);
    if (this.replyTo) input.parentId = this.replyTo;
    if (v['notifyReplies']) input.notifyReplies = true;
    const parsed = CommentInput.safeParse(input);
    const errors = parsed.success ? {} : this.#errorsOf(new CivicError('validation', '', { issues: toIssues(parsed.error.issues) }));
    if (!input.email && (this.requireEmail || input.notifyReplies)) errors['email'] ??= this.requireEmail ? this.l.t.missing['email']! : this.l.t.notifyNeedsEmail;
    if (Object.keys(errors).length) return this.#showErrors(errors);
    this.errors = {};
    this.sending = true;
    const outcome = await this.#comments.send(input, this.#key);
    if (outcome) return this.#posted(input, outcome, true);
    this.sending = false;
    this.#sent(input);
    this.say(this.l.t.queued);
  }

  /** The form after a post (sent or kept): its text cleared, the name and addresses kept for the next one. */
  #sent(input: Input) {
    this.#key = newKey();
    this.values = { ...this.values, text: '' };
    this.preview = false;
    if (this.replyTo === (input.parentId ?? null)) this.replyTo = null;
  }

  /** A post was answered, now (`focus`: move focus to the new comment) or from the outbox. */
  #posted(input: Input, outcome: Outcome<CommentCreated>, focus: boolean) {
    const t = this.l.t;
    this.sending = false;
    if ('error' in outcome) {
      const e = outcome.error;
      if (e.kind === 'closed') void this.#task.run();
      // A kept comment refused for good comes back into the form, so nothing typed is lost.
      if (!focus) {
        const { name, email = '', website = '', body, notifyReplies = false, parentId = null } = input;
        this.values = { ...this.values, name, email, website, text: body, notifyReplies };
        this.replyTo = parentId;
      }
      return this.#showErrors(this.#errorsOf(e));
    }
    const { comment: c, editToken, editableUntil } = outcome.result;
    keepOwn(c.threadId, { id: c.id, token: editToken, until: editableUntil });
    const data = this.loaded;
    if (data && c.status === 'published' && !has(this.items, c.id) && !has(this.fresh, c.id)) data.thread = { ...data.thread, commentCount: data.thread.commentCount + 1 };
    this.items = insert(this.items, c, this.sort);
    this.fresh = this.fresh.filter((x) => x.id !== c.id);
    if (focus) this.#sent(input);
    this.say(`${focus ? '' : `${t.sent} `}${c.status === 'pending' ? t.pendingSaid : t.published}`);
    this.dispatchEvent(new CivicCommentedEvent(c.threadId, c.id, c.status === 'pending' ? 'pending' : 'published', c.parentId));
    if (focus) void this.focusOn(`#c-${c.id}`);
  }

  /** @internal Opens the compose form under a comment (or closes it), focusing the first field to fill. */
  async reply(c: Comment | undefined): Promise<void> {
    const open = c && this.replyTo !== c.id;
    this.replyTo = open ? c.id : null;
    this.errors = {};
    await this.focusOn(open || !c ? `form [name=${this.values['name'] ? 'text' : 'name'}]` : `#reply-${c.id}`);
  }

  /** @internal A comment's text rendered (cached: long threads re-render often), or plain text until the renderer is there. */
  md = (body: string): unknown => {
    const md = this.lazy?.renderMarkdown;
    if (!md) return body;
    let out = this.#cache.get(body);
    if (out === undefined) this.#cache.set(body, (out = md(body)));
    return out;
  };

  /** @internal The compose form, at the top or under the comment replied to. */
  compose(): TemplateResult {
    const t = this.l.t;
    const to = this.replyTo ? this.items.find((c) => c.id === this.replyTo) : undefined;
    return renderCompose({
      form: this.#form(),
      fields: composeFields(this.l.t, this.requireEmail),
      heading: this.sub(to ? t.replyTo(to.author.name) : t.write, 'compose'),
      to,
      preview: this.preview,
      md: this.md,
      submit: (e) => void this.#submit(e),
      togglePreview: () => {
        this.preview = !this.preview;
        void this.#lazy().catch(() => undefined);
      },
      cancel: () => void this.reply(to),
      prefetch: () => this.loaded?.thread.challenge && void import('../domain/pow.js').catch(() => undefined),
    });
  }

  /** @internal A heading one level below the count. */
  sub(text: string, id: string): TemplateResult {
    return html`<div class="sub" id=${id} role="heading" aria-level=${Math.min(this.headingLevel + 1, 6)}>${text}</div>`;
  }

  protected override renderWidget(): TemplateResult {
    const task = this.#task;
    const data = this.loaded;
    return data
      ? this.#renderThread(data.thread)
      : task.error
        ? this.renderLoadError(task.error, () => task.run())
        : task.status // pending (INITIAL, 0, is idle)
          ? this.renderLoading()
          : this.renderFallback();
  }

  #renderThread(thread: Thread): TemplateResult {
    const t = this.l.t;
    const queued = this.#comments.kept();
    const count = thread.commentCount;
    return html`<section part="base" aria-labelledby="title">
      <div part="heading" id="title" role="heading" aria-level=${this.headingLevel} tabindex="-1">${t.heading(count, this.l.n(count))}</div>
      ${thread.status !== 'open'
        ? html`<p part="notice">${t.closed}</p>`
        : this.replyTo
          ? html`<button @click=${() => this.reply(undefined)}>${t.write}</button>`
          : this.compose()}
      ${queued.length
        ? html`<ul part="notice">
            ${queued.map((q) => html`<li><strong>${q.payload.name}</strong> · ${t.queuedItem}<div part="body">${this.md(q.payload.body)}</div></li>`)}
          </ul>`
        : nothing}
      ${this.lazy?.renderList(this)}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-comments': CivicComments;
  }
}

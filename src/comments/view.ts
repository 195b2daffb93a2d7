/**
 * How the conversation looks: a comment with its actions and replies, and the pages citing this
 * one. Pure rendering: the element passes its state and one `act` callback. Loaded on demand with
 * the first comments (with the markdown renderer it uses), so it is not part of the widget's file.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Comment, CommentSort, Mention } from '../api/comments.js';
import type { Localize } from '../core/localize.js';
import { act, more, renderEdit, showFresh } from './actions.js';
import type { Action, CommentsHost, Strings } from './host.js';
import { marked } from './marks.js';
import { owned, type Own } from './store.js';
import { tree, type Node } from './tree.js';
import { REL, safeUrl } from '../domain/url.js';

interface View {
  h: CommentsHost;
  open: boolean;
  /** What the backend can do. */
  can: { like: boolean; flag: boolean; edit: boolean };
  own: Map<string, Own>;
  liked: Set<string>;
  flagged: Set<string>;
  act: (action: Action, c: Comment) => void;
}

const timers = new WeakMap<CommentsHost, ReturnType<typeof setTimeout>>();

/** Below the compose form: the sort order, the conversation, "show more", "N new comments", the mentions. */
export function renderList(h: CommentsHost): TemplateResult {
  const { t } = h.l;
  const { thread, next, mentions } = h.loaded!;
  const api = h.commentsApi;
  const v: View = {
    h,
    open: thread.status === 'open',
    can: { like: !!api.like, flag: !!api.flag, edit: !!api.edit },
    own: new Map(owned(thread.id).map((o) => [o.id, o])),
    liked: marked('liked'),
    flagged: marked('flagged'),
    act: (action, c) => void act(h, action, c),
  };
  const fresh = h.fresh.length;
  // Re-render when the reader's edit window closes, so Edit and Delete go away on time.
  clearTimeout(timers.get(h));
  const now = Date.now();
  const ends = [...v.own.values()].map((o) => Date.parse(o.until)).filter((t) => t > now);
  if (ends.length) timers.set(h, setTimeout(() => h.requestUpdate(), Math.min(...ends) - now + 100));
  // The new-comments button sits beside the sort order: it appears without pushing the conversation
  // down, and never covers what the reader is reading or has focused (as a floating one would).
  return html`<div class="bar">
      ${h.items.length
        ? html`<label class="sort"
            >${t.sort}
            <select part="sort" @change=${(e: Event) => (h.sort = (e.target as HTMLSelectElement).value as CommentSort)}>
              ${(['oldest', 'newest', 'likes'] as const)
                .filter((s) => s !== 'likes' || api.like)
                .map((s) => html`<option value=${s} ?selected=${h.sort === s}>${t[s]}</option>`)}
            </select></label
          >`
        : html`<p>${t.empty}</p>`}
      ${fresh ? html`<button part="fresh" @click=${() => showFresh(h)}>${t.show(t.fresh(fresh, h.l.n(fresh)))}</button>` : nothing}
    </div>
    <ol part="comments" aria-busy=${h.busy}>${tree(h.items).map((node) => renderNode(v, node))}</ol>
    ${next ? html`<button part="more" @click=${() => more(h)}>${t.more}</button>` : nothing}
    ${mentions.length ? renderMentions(h.l, h.sub(t.mentions, 'mentions'), mentions) : nothing}`;
}

/** The author's name, linked to their website when it is an http(s) URL. */
function author(c: Comment): unknown {
  const href = c.author.website && safeUrl(c.author.website);
  return href ? html`<a href=${href} rel=${REL}>${c.author.name}</a>` : c.author.name;
}

function renderNode(v: View, { c, kids }: Node): TemplateResult | typeof nothing {
  const { h } = v;
  const replies = kids.length ? html`<ol class="replies">${kids.map((k) => renderNode(v, k))}</ol>` : nothing;
  if (c.status === 'deleted')
    return kids.length ? html`<li><article part="comment deleted"><p class="meta">${h.l.t.deleted}</p></article>${replies}</li>` : nothing;
  return html`<li>${article(v, c)} ${h.replyTo === c.id ? h.compose() : nothing} ${replies}</li>`;
}

/**
 * Each comment's rendering, kept while nothing it shows has changed: a long thread re-renders
 * whenever a page, a like or a reply arrives, and Lit then finds the same template values for the
 * thousands of unchanged comments instead of rebuilding them.
 */
const articles = new WeakMap<Strings, WeakMap<Comment, [string, TemplateResult]>>();
const dates = new Map<string, string>();

function article(v: View, c: Comment): TemplateResult {
  const { h } = v;
  const { t } = h.l;
  const id = c.id;
  const own = v.own.get(id);
  const editable = v.can.edit && v.open && !!own && Date.parse(own.until) > Date.now();
  const acts = h.acts;
  const locale = h.l.locale;
  const state = [locale, v.open, editable, !!own, v.liked.has(id), v.flagged.has(id), h.replyTo === id, acts.editing === id, acts.confirming === id, acts.reporting === id, acts.notice?.[0] === id && acts.notice[1]].join();
  let memo = articles.get(t);
  if (!memo) articles.set(t, (memo = new WeakMap()));
  const kept = memo.get(c);
  if (kept?.[0] === state) return kept[1];
  const date = (iso: string, options: Intl.DateTimeFormatOptions) => {
    const key = locale + iso + options.dateStyle;
    let d = dates.get(key);
    if (d === undefined) dates.set(key, (d = h.l.d(iso, options)));
    return d;
  };
  const pending = c.status === 'pending';
  const button = (action: Action, label: unknown, extra: { pressed?: boolean; disabled?: boolean } = {}) =>
    html`<button id="${action}-${id}" aria-describedby="h-${id}" aria-pressed=${extra.pressed ?? nothing} ?disabled=${extra.disabled}
      @click=${() => v.act(action, c)}>${label}</button>`;
  const likes = c.likeCount ? ` ${h.l.n(c.likeCount)}` : '';
  // A deletion or a report asks first: the question, Yes and No (Escape too), in place of the actions.
  const ask = (question: string, yes: Action, yesLabel: string, no: Action, noLabel: string) =>
    html`<div class="actions" role="group" aria-labelledby="q-${id}" @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && v.act(no, c)}>
      <span id="q-${id}">${question}</span>${button(yes, yesLabel)}${button(no, noLabel)}
    </div>`;
  // While the comment is edited, only the editor's Save and Cancel show.
  const actions =
    acts.editing === id
      ? nothing
      : acts.confirming === id
        ? ask(t.confirmDelete, 'confirm', t.deleteYes, 'keep', t.keep)
        : acts.reporting === id
          ? ask(t.confirmReport, 'report', t.reportYes, 'back', t.cancel)
          : html`<div class="actions">
              ${v.open && !pending
                ? html`<button id="reply-${id}" aria-describedby="h-${id}" aria-expanded=${h.replyTo === id} @click=${() => h.reply(c)}>${t.reply}</button>`
                : nothing}
              ${v.can.like && !pending
                ? v.open
                  ? button('like', `${t.like}${likes}`, { pressed: v.liked.has(id) })
                  : likes && html`<span>${t.like}${likes}</span>`
                : nothing}
              ${v.can.flag && !own && !pending ? button('flag', v.flagged.has(id) ? t.reported : t.report, { disabled: v.flagged.has(id) }) : nothing}
              ${editable ? html`${button('edit', t.edit)}${button('delete', t.delete)}` : nothing}
            </div>`;
  const out = html`<article id="c-${id}" part=${pending ? 'comment pending' : 'comment'} tabindex="-1" aria-labelledby="h-${id}">
    <header id="h-${id}">
      <span part="author">${author(c)}</span>
      <time datetime=${c.createdAt}>${date(c.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</time>
      ${c.editedAt ? html`<span>${t.edited}</span>` : nothing} ${c.pinned ? html`<strong part="pinned">${t.pinned}</strong>` : nothing}
    </header>
    ${c.replyToName ? html`<p class="meta">${t.inReplyTo(c.replyToName)}</p>` : nothing}
    ${pending ? html`<p part="notice">${t.pending}</p>` : nothing}
    ${acts.editing === id ? renderEdit(h, c) : html`<div part="body">${h.md(c.body)}</div>`}
    ${actions}
    ${editable && acts.editing !== id ? html`<p class="meta">${t.editableUntil(h.l.d(own!.until, { timeStyle: 'short' }))}</p>` : nothing}
    ${acts.notice?.[0] === id && acts.editing !== id ? html`<p role="alert" tabindex="-1">${acts.notice[1]}</p>` : nothing}
  </article>`;
  memo.set(c, [state, out]);
  return out;
}

/** The pages citing this one, apart from the conversation (WordPress's "Ping :" lines). */
export function renderMentions(l: Localize<Strings>, heading: TemplateResult, mentions: readonly Mention[]): TemplateResult {
  return html`<div part="mentions">
    ${heading}
    <ul aria-labelledby="mentions">
      ${mentions.map((m) => {
        const href = safeUrl(m.sourceUrl);
        return html`<li>
          ${href ? html`<a href=${href} rel=${REL}>${m.title}</a>` : m.title} · ${m.site} ·
          <time datetime=${m.publishedAt}>${l.d(m.publishedAt, { dateStyle: 'medium' })}</time>
        </li>`;
      })}
    </ul>
  </div>`;
}

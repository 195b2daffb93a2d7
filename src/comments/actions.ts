/**
 * What a reader does to a comment that needs the network: like, report (after a confirmation), and,
 * for its author within the edit window, edit and delete (after a confirmation). Loaded on demand
 * with the conversation's rendering; the widget's own file keeps only what works offline (writing
 * and replying).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { newKey } from '../api/backend.js';
import { COMMENT_LIMITS, type Comment, type CommentEvent } from '../api/comments.js';
import { CivicError } from '../api/errors.js';
import { live } from '../core/live.js';
import type { Action, Acts, CommentsHost } from './host.js';
import { issueText } from './issues.js';
import { mark, marked, reader } from './marks.js';
import { keepOwn, owned } from './store.js';
import { has, insert } from './thread.js';
import { append, remove, replace } from './tree.js';

export async function act(h: CommentsHost, action: Action, c: Comment): Promise<void> {
  const { t } = h.l;
  const { commentsApi: api, acts } = h;
  const id = c.id;
  const own = owned(c.threadId).find((o) => o.id === id);
  const key = { idempotencyKey: newKey() };
  const set = (next: Acts) => (h.acts = { ...acts, notice: undefined, ...next });
  try {
    if (action === 'like' && api.like) {
      set({});
      const r = await api.like(id, { reader: reader(), liked: !marked('liked').has(id) }, key);
      mark('liked', id, r.liked);
      h.items = h.items.map((x) => (x.id === id ? { ...x, likeCount: r.likeCount } : x));
    } else if (action === 'flag' || action === 'back') {
      // A report asks first, as a deletion does; focus on the way back out.
      set({ reporting: action === 'flag' ? id : undefined });
      await h.focusOn(`#${action === 'flag' ? 'back' : 'flag'}-${id}`);
    } else if (action === 'report' && api.flag) {
      await api.flag(id, { reader: reader() }, key);
      mark('flagged', id, true);
      set({ reporting: undefined });
      h.say(t.reportedSaid);
      await h.focusOn(`#c-${id}`);
    } else if (action === 'edit') {
      set({ editing: acts.editing === id ? undefined : id, draft: c.body });
      await h.focusOn(acts.editing === id ? `#edit-${id}` : `#e-${id}`);
    } else if (action === 'save' && api.edit && own) {
      const body = acts.draft?.trim();
      if (!body) return;
      h.items = replace(h.items, await api.edit(id, { editToken: own.token, body }, key));
      set({ editing: undefined });
      h.say(t.updated);
      await h.focusOn(`#c-${id}`);
    } else if (action === 'delete' || action === 'keep') {
      set({ confirming: action === 'delete' ? id : undefined });
      await h.focusOn(`#${action === 'delete' ? 'keep' : 'delete'}-${id}`);
    } else if (action === 'confirm' && api.remove && own) {
      const r = await api.remove(id, { editToken: own.token }, key);
      set({ confirming: undefined });
      // A comment with replies stays as a placeholder, as the server keeps it.
      h.items = h.items.some((x) => x.parentId === id)
        ? replace(h.items, { ...c, status: 'deleted', body: '', author: { name: '', website: null } })
        : remove(h.items, id);
      if (c.status === 'published' && h.loaded) h.loaded.thread = { ...h.loaded.thread, commentCount: r.commentCount };
      h.say(t.removed);
      await h.focusOn('#title');
    }
  } catch (e) {
    const refused = e instanceof CivicError && e.kind === 'forbidden';
    // The window has closed: Edit and Delete go away.
    if (refused && own) keepOwn(c.threadId, { ...own, until: new Date(0).toISOString() });
    // An edit that failed (its text refused, the network…) stays open with the text, the reason beside it.
    const keep = action === 'save' && !refused;
    h.acts = { ...(keep ? h.acts : {}), notice: [id, refused ? t.windowClosed : errorText(h, e)] };
    await h.focusOn(keep ? `#e-${id}` : `#c-${id} [role=alert]`);
  }
}

/** The author's edit form, in place of the comment's text. */
export function renderEdit(h: CommentsHost, c: Comment): TemplateResult {
  const { t } = h.l;
  const run = (action: Action) => void act(h, action, c);
  const error = h.acts.notice?.[0] === c.id && h.acts.notice[1];
  return html`<form class="edit" @submit=${(e: SubmitEvent) => (e.preventDefault(), run('save'))} @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && run('edit')}>
    <label for="e-${c.id}">${t.editLabel}</label>
    <textarea id="e-${c.id}" .value=${h.acts.draft ?? ''} maxlength=${COMMENT_LIMITS.body} aria-invalid=${!!error} aria-describedby=${error ? `n-${c.id}` : nothing}
      @input=${(e: Event) => (h.acts.draft = (e.target as HTMLTextAreaElement).value)}></textarea>
    ${error ? html`<span class="error" id="n-${c.id}" part="field-error">${error}</span>` : nothing}
    <div class="actions">
      <button part="submit">${t.save}</button>
      <button type="button" @click=${() => run('edit')}>${t.cancel}</button>
    </div>
  </form>`;
}

/** The next page, after those shown; focus moves to its first comment. */
export async function more(h: CommentsHost): Promise<void> {
  const data = h.loaded;
  if (!data?.next) return;
  try {
    const page = await h.commentsApi.list(data.thread.id, { sort: h.sort, cursor: data.next, limit: h.pageSize });
    if (h.loaded !== data) return;
    const first = page.items.find((c) => !has(h.items, c.id));
    h.items = append(h.items, page.items);
    data.next = page.nextCursor;
    h.say(h.l.t.loaded(page.items.filter((c) => !c.depth).length));
    if (first) await h.focusOn(`#c-${first.id}`);
  } catch (e) {
    h.say(errorText(h, e));
  }
}

/** The comments that arrived live, put in their places; focus moves to the first. */
export async function showFresh(h: CommentsHost): Promise<void> {
  const first = h.fresh[0];
  for (const c of h.fresh) h.items = insert(h.items, c, h.sort);
  h.fresh = [];
  h.say('');
  if (first) await h.focusOn(`#c-${first.id}`);
}

/** What went wrong, in words: the server's own refusal if it gave one (issues.ts), else by kind. */
const errorText = (h: CommentsHost, e: unknown) => {
  const { t } = h.l;
  const issue = e instanceof CivicError ? e.issues.map((i) => issueText(t, i)).find(Boolean) : undefined;
  return issue ?? t.errors[e instanceof CivicError ? e.kind : 'server'] ?? t.errors.server;
};

/**
 * Live updates of the thread shown, from the first comments on (they come with their handling):
 * counts and edits apply at once; new comments wait, counted, until the reader asks for them.
 */
export function listen(h: CommentsHost): void {
  live(h, () => [true, h.resolvedBackend?.comments, h.loaded?.thread.id], (e: CommentEvent) => onEvent(h, e));
}

function onEvent(h: CommentsHost, e: CommentEvent): void {
  const data = h.loaded;
  if (!data) return;
  data.thread = { ...data.thread, commentCount: e.commentCount, mentionCount: e.mentionCount, status: e.status };
  if (e.mention) data.mentions = [e.mention, ...data.mentions];
  h.requestUpdate();
  const c = e.comment;
  if (!c) return;
  const shown = has(h.items, c.id);
  if (shown) h.items = replace(h.items, c);
  h.fresh = replace(h.fresh, c);
  if (e.type === 'created' && !shown && !has(h.fresh, c.id) && !owned(c.threadId).some((o) => o.id === c.id)) {
    h.fresh = [...h.fresh, c];
    h.say(h.l.t.fresh(h.fresh.length, h.l.n(h.fresh.length)));
  }
}

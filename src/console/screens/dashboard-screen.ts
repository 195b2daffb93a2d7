/**
 * The dashboard (`#/dashboard`, the home screen): every petition, thread, poll and comparison with
 * its count, and what waits for moderation, each linking to the screen where it is handled.
 *
 * Counts stay fresh two ways, so a long list costs little: the lists are asked again every 30
 * seconds while the page is visible (four requests, whatever the number of items), and the
 * `LIVE_MAX` open items changed last follow their public event stream (the widgets' own), so the
 * ones being signed or discussed now move at once. More streams would take the browser's six
 * connections per server (HTTP/1.1) away from the console's own calls.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { AdminComparison, AdminPetition, AdminThread, PollListItem } from '../../api/lists.js';
import { call, listen } from '../../api/rest-call.js';
import { listComparisons, listPetitions, listPolls, listThreads } from '../../api/routes/admin.js';
import { threadEvents } from '../../api/routes/comments.js';
import { petitionEvents } from '../../api/routes/petitions.js';
import { pollEvents } from '../../api/routes/polls.js';
import { Loader } from '../../core/loader.js';
import type { RestClient } from '../../api/rest.js';
import { ConsoleScreen, itemsTable } from '../screen.js';

/** How many items follow their event stream at once. */
export const LIVE_MAX = 3;
/** How often the lists are asked again while the page is visible. */
export const REFRESH_MS = 30_000;

type Kind = 'petition' | 'thread' | 'poll';
interface Lists {
  petitions: AdminPetition[];
  threads: AdminThread[];
  polls: PollListItem[];
  comparisons: AdminComparison[];
}

/** The open items changed last (at most `LIVE_MAX`): those that follow their stream. */
export function liveItems(lists: Lists): { kind: Kind; id: string }[] {
  const open = [
    ...lists.petitions.filter((p) => p.status === 'open').map((p) => ({ kind: 'petition' as const, id: p.id, at: p.updatedAt })),
    ...lists.polls.filter((p) => p.status === 'open').map((p) => ({ kind: 'poll' as const, id: p.id, at: p.updatedAt })),
    ...lists.threads.filter((t) => t.status === 'open').map((t) => ({ kind: 'thread' as const, id: t.id, at: t.createdAt })),
  ];
  return open
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
    .slice(0, LIVE_MAX)
    .map(({ kind, id }) => ({ kind, id }));
}

/** Follows one item's stream: `set` gets its count at each event. */
function follow(client: RestClient, kind: Kind, id: string, set: (n: number) => void): () => void {
  if (kind === 'petition') return listen(client, petitionEvents, { id }, (e) => set(e.signatureCount));
  if (kind === 'poll') return listen(client, pollEvents, { id }, (e) => set(e.participantCount));
  return listen(client, threadEvents, { id }, (e) => set(e.commentCount));
}

export class Screen extends ConsoleScreen {
  static override properties = ConsoleScreen.withState('counts');
  /** The counts the streams sent, by `kind:id`. */
  declare counts: Map<string, number>;
  #streams = new Map<string, () => void>();
  /** The `kind:id` of the items following their stream, as last rendered. */
  #live = new Set<string>();
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor() {
    super();
    this.counts = new Map();
  }

  readonly lists = new Loader(
    this,
    async ([client], signal): Promise<Lists> => {
      const [p, t, q, c] = await Promise.all([
        call(client, listPetitions, {}, { signal }),
        call(client, listThreads, {}, { signal }),
        call(client, listPolls, {}, { signal }),
        call(client, listComparisons, {}, { signal }),
      ]);
      return { petitions: p.items, threads: t.items, polls: q.items, comparisons: c.items };
    },
    () => [!!this.host && this.isConnected, this.host?.client, this.version] as const,
  );

  override connectedCallback(): void {
    super.connectedCallback();
    // Shown again: asked again at once.
    if (this.lists.value) this.version++;
    this.#timer = setInterval(() => {
      if (document.visibilityState === 'visible') this.version++;
    }, REFRESH_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#timer);
    this.#follow([]);
  }

  /** Keeps exactly `items`' streams open. */
  #follow(items: { kind: Kind; id: string }[]): void {
    const keys = new Set(items.map((i) => `${i.kind}:${i.id}`));
    for (const [key, stop] of this.#streams) if (!keys.has(key)) (stop(), this.#streams.delete(key));
    for (const { kind, id } of items) {
      const key = `${kind}:${id}`;
      if (this.#streams.has(key)) continue;
      this.#streams.set(key, follow(this.host.client, kind, id, (n) => (this.counts = new Map(this.counts).set(key, n))));
    }
  }

  override updated(): void {
    if (this.lists.value && this.isConnected) this.#follow(liveItems(this.lists.value));
  }

  /** The count to show (the stream's when the item follows one, else the list's), then `more`, then whether it is live. */
  #count(kind: Kind, id: string, listed: number, more: unknown = nothing): TemplateResult {
    const key = `${kind}:${id}`;
    const live = this.#live.has(key);
    const n = live ? (this.counts.get(key) ?? listed) : listed;
    return html`<span data-count=${key}>${this.host.l.n(n)}</span>${more}${live ? html` <span class="hint">(${this.t.dashboard.live})</span>` : nothing}`;
  }

  #waiting(lists: Lists): TemplateResult {
    const d = this.t.dashboard;
    const n = (x: number) => this.host.l.n(x);
    const role = this.host.me.role;
    const moderates = role === 'owner' || role === 'moderator';
    const held = lists.threads.reduce((s, t) => s + t.pendingCount, 0);
    const flagged = lists.threads.reduce((s, t) => s + t.flaggedCount, 0);
    const polls = lists.polls.filter((p) => p.pendingCount > 0);
    if (!held && !flagged && !polls.length) return html`<p>${d.nothingWaits}</p>`;
    return html`<ul>
      ${held || flagged
        ? html`<li>
            ${d.commentsWaiting(n(held), n(flagged))}
            ${moderates ? html` <a href="#/moderation">${d.toQueue}</a>` : nothing}
          </li>`
        : nothing}
      ${polls.map((p) => html`<li>${d.pollWaiting(n(p.pendingCount), p.title)} <a href="#/polls/${encodeURIComponent(p.id)}" aria-label=${d.openItem(p.title)}>${d.open}</a></li>`)}
    </ul>`;
  }

  #lists(lists: Lists): TemplateResult {
    const t = this.t;
    const d = t.dashboard;
    const n = (x: number) => this.host.l.n(x);
    /** A table of items under `caption`, each row headed by the item's link to its `path`, then its `cells`. */
    const table = <T extends { id: string; title: string }>(caption: string, heads: string[], items: T[], path: string, cells: (x: T) => unknown[], empty: string) =>
      html`<h2>${caption}</h2>
        ${itemsTable(
          items,
          heads,
          (x) => html`<tr>
            <th scope="row"><a href="#/${path}/${encodeURIComponent(x.id)}">${x.title}</a></th>
            ${cells(x).map((c) => html`<td>${c}</td>`)}
          </tr>`,
          empty,
        )}`;
    // Signers are an editor's (moderators do not see them).
    const edits = this.host.me.role === 'owner' || this.host.me.role === 'editor';
    const state = (s: string) => (s === 'open' ? t.open : s === 'closed' ? t.closed : d.upcoming);
    const signers = (p: { id: string; title: string }) => html`<a href="#/signers/${encodeURIComponent(p.id)}" aria-label=${d.signersOf(p.title)}>${d.signers}</a>`;
    return html`${table(
        t.petitions,
        [t.petition, t.signatures, t.status],
        lists.petitions,
        'petitions',
        (p) => [html`${this.#count('petition', p.id, p.signatureCount, ` / ${n(p.goal)}`)} ${edits ? signers(p) : nothing}`, state(p.status)],
        t.noPetitions,
      )}
      ${table(
        d.threads,
        [d.thread, d.comments, d.waiting],
        lists.threads.map((th) => ({ ...th, title: th.title || th.id })),
        'threads',
        (th) => [this.#count('thread', th.id, th.commentCount), th.pendingCount || th.flaggedCount ? d.heldFlagged(n(th.pendingCount), n(th.flaggedCount)) : '—'],
        d.noThreads,
      )}
      ${table(d.polls, [d.poll, d.participants, t.status], lists.polls, 'polls', (p) => [this.#count('poll', p.id, p.participantCount), state(p.status)], d.noPolls)}
      ${table(d.comparisons, [d.comparison, d.answers], lists.comparisons, 'comparisons', (c) => [c.collectAnswers ? n(c.answerCount) : d.notCollected], d.noComparisons)}`;
  }

  override render(): TemplateResult {
    const d = this.t.dashboard;
    const lists = this.lists.value;
    this.#live = new Set(lists ? liveItems(lists).map((i) => `${i.kind}:${i.id}`) : []);
    return html`<h1 tabindex="-1">${d.title}</h1>
      <p class="hint">${d.freshness(LIVE_MAX, REFRESH_MS / 1000)}</p>
      ${this.lists.error ? html`<p role="alert">${this.host.failure(this.lists.error)}</p>` : nothing}
      ${lists
        ? html`<h2>${d.moderationTitle}</h2>
            ${this.#waiting(lists)} ${this.#lists(lists)}`
        : this.lists.error
          ? nothing
          : html`<p role="status">${this.t.loading}</p>`}`;
  }
}

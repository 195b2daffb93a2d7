/**
 * A consultation's view, loaded on demand by <civic-poll> once the poll turns out to be one (a
 * quick poll never loads it): the consensus, the proposals by theme with their votes and results,
 * and arguments for and against. Its forms (to propose, to argue, to confirm an email) are in
 * consultation-forms.ts; they keep what they send on the device when the network is down, as votes do.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { newKey, type PollBackend } from '../api/backend.js';
import { CivicError } from '../api/errors.js';
import {
  pollStatus,
  votesOnProposals,
  type Argument,
  type ArgumentList,
  type Poll,
  type PollResults,
  type Proposal,
  type SubjectResult,
  type ProposalPage,
  type ProposalSort,
} from '../api/poll.js';
import { withConsultation } from '../api/rest-poll.js';
import { ConsultationForms, type ListView } from './consultation-forms.js';
import { styles } from './consultation.styles.js';
import type { PollHost } from './host.js';
import { AGREEMENT, percent, renderResult } from './render.js';


export class Consultation implements ListView {
  theme = '';
  sort: ProposalSort = 'newest';
  list?: ProposalPage;
  listError?: unknown;
  loading = false;
  /** Where participants agree and where they are divided (agreement polls, public results). */
  top?: { agree: Proposal[]; divided: Proposal[] };
  /** Arguments of the proposals whose panel is open. */
  readonly args = new Map<string, ArgumentList | 'loading' | CivicError>();
  /** Likes of the reader, and like counts changed since loading. */
  liked = new Set<string>();
  readonly likeCounts = new Map<string, number>();
  /** The reader's own proposals since loading (shown to them, pending ones too). */
  mine: Proposal[] = [];
  /** The proposal, argument and email forms. */
  readonly forms: ConsultationForms;
  #run?: AbortController;
  #loadedFor?: unknown;

  constructor(readonly host: PollHost) {
    const root = host.renderRoot as ShadowRoot;
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, styles.styleSheet!];
    this.forms = new ConsultationForms(host, this, () => this.#api);
  }

  /**
   * The backend's poll part; built from the `api` attribute, it has only the calls every poll makes,
   * and gets the consultation's here, from src/api's withConsultation() over the same `api` (a view
   * builds no client of its own).
   */
  get #api(): PollBackend {
    const part = this.host.pollApi;
    if (part.proposals) return part;
    if (this.#rest?.[0] !== part) this.#rest = [part, withConsultation(part, this.host.api ?? '')];
    return this.#rest[1];
  }
  #rest?: [PollBackend, PollBackend];

  get #t() {
    return this.host.l.t;
  }
  #update() {
    this.host.requestUpdate();
  }
  get #id() {
    return this.host.poll ?? '';
  }

  /** Loads the first page (and the consensus) for the current theme and order. */
  async load(more = false): Promise<void> {
    const api = this.#api;
    this.#run?.abort();
    const run = (this.#run = new AbortController());
    const signal = run.signal;
    this.loading = true;
    this.#update();
    try {
      const q = { themeId: this.theme || undefined, sort: this.sort, cursor: more ? (this.list?.nextCursor ?? undefined) : undefined };
      const page = await api.proposals!(this.#id, q, { signal });
      const p = this.host.data;
      const results = this.host.state.results;
      if (!more && p?.voteKind === 'agreement' && results?.visible) {
        const [agree, divided] = await Promise.all(
          (['consensus', 'division'] as const).map((sort) => api.proposals!(this.#id, { sort, limit: 3 }, { signal }).then((r) => r.items)),
        );
        this.top = { agree: agree!, divided: divided! };
      }
      if (run !== this.#run) return;
      this.list = more && this.list ? { ...page, items: [...this.list.items, ...page.items] } : page;
      this.listError = undefined;
    } catch (e) {
      if (run !== this.#run) return;
      this.listError = e;
    }
    this.loading = false;
    this.#update();
  }

  /** The consultation: consensus, filters, proposals, and the proposal form. */
  render(p: Poll, results: PollResults | undefined): TemplateResult {
    const t = this.#t;
    if (this.#loadedFor !== this.#api) {
      this.#loadedFor = this.#api;
      void this.load();
    }
    const open = pollStatus(p) === 'open';
    const list = this.list;
    const items = [...this.mine.filter((m) => !list?.items.some((x) => x.id === m.id) && (!this.theme || m.themeId === this.theme)), ...(list?.items ?? [])];
    return html`${this.#renderConsensus(p, results)} ${this.#renderFilters(p, results)}
      ${this.listError
        ? html`<div role="alert" part="error"><p>${this.host.errorText(this.listError)}</p><button @click=${() => this.load()}>${t.retry}</button></div>`
        : nothing}
      ${list && !items.length ? html`<p>${t.none}</p>` : nothing}
      ${items.map((x) => this.#renderProposal(p, x, results, open))}
      ${this.loading ? html`<p role="status">${t.loading}</p>` : nothing}
      ${list?.nextCursor && !this.loading ? html`<p><button @click=${() => this.load(true)}>${t.more}</button></p>` : nothing}
      ${open && p.allowProposals ? this.forms.renderProposalForm(p) : nothing}`;
  }

  #renderConsensus(p: Poll, results: PollResults | undefined) {
    const top = this.top;
    if (p.voteKind !== 'agreement' || !results?.visible || !top) return nothing;
    const t = this.#t;
    const l = this.host.l;
    // Where they agree: the share who agree; where they are divided: both sides, and mixed votes if any.
    const line = (x: Proposal, keys: string[]) => {
      const r = results.proposals[x.id];
      const n = r?.tally.total ?? 0;
      const shares = keys.flatMap((k) => {
        const c = r?.tally.counts[k] ?? 0;
        return k === 'mixed' && !c ? [] : [`${percent(l, c, n)} ${t.values[k as 'agree'].toLowerCase()}`];
      });
      return html`<li><strong lang=${p.locale}>${x.title}</strong> — ${shares.join(', ')}, ${t.votes(n, l.n(n))}</li>`;
    };
    const agree = top.agree.filter((x) => (results.proposals[x.id]?.agreement ?? 0) > 0);
    const divided = top.divided.filter((x) => (results.proposals[x.id]?.division ?? 0) > 0);
    if (!agree.length && !divided.length) return nothing;
    return html`<div part="consensus" class="columns">
      <section aria-labelledby="agree">${this.host.sub(t.agreeWhere, 'agree')}<ul>${agree.map((x) => line(x, ['agree']))}</ul></section>
      <section aria-labelledby="divided">${this.host.sub(t.dividedWhere, 'divided')}<ul>${divided.map((x) => line(x, AGREEMENT))}</ul></section>
      <p class="hint">${t.consensusHint}</p>
    </div>`;
  }

  #renderFilters(p: Poll, results: PollResults | undefined) {
    const t = this.#t;
    const sorts: ProposalSort[] = ['newest'];
    if (results?.visible) sorts.push('support', ...(p.voteKind === 'agreement' ? (['consensus', 'division'] as const) : []));
    const change = (what: 'theme' | 'sort') => (e: Event) => {
      const value = (e.target as HTMLSelectElement).value;
      if (what === 'theme') this.theme = value;
      else this.sort = value as ProposalSort;
      void this.load();
    };
    return html`<div part="filters" class="row">
      ${p.themes.length
        ? html`<label class="field"
            >${t.theme}
            <select @change=${change('theme')}>
              <option value="" ?selected=${!this.theme}>${t.allThemes}</option>
              ${p.themes.map((th) => html`<option value=${th.id} ?selected=${this.theme === th.id} lang=${p.locale}>${th.title}</option>`)}
            </select></label
          >`
        : nothing}
      ${sorts.length > 1
        ? html`<label class="field"
            >${t.sort}
            <select @change=${change('sort')}>
              ${sorts.map((s) => html`<option value=${s} ?selected=${this.sort === s}>${t.sorts[s]}</option>`)}
            </select></label
          >`
        : nothing}
      <span>${this.list ? t.proposals(this.list.total, this.host.l.n(this.list.total)) : ''}</span>
    </div>`;
  }

  #renderProposal(p: Poll, x: Proposal, results: PollResults | undefined, open: boolean): TemplateResult {
    const t = this.#t;
    const l = this.host.l;
    const theme = p.themes.find((th) => th.id === x.themeId)?.title;
    const hid = `p-${x.id}`;
    const onProposals = votesOnProposals(p);
    const mine = this.host.state.mine[onProposals ? x.id : ''] ?? [];
    const sending = !!this.host.state.sending[onProposals ? x.id : ''];
    const pending = x.status !== 'published';
    let result: TemplateResult | typeof nothing = nothing;
    const r = results?.proposals[x.id];
    if (onProposals && r) result = p.voteKind === 'agreement' ? this.#renderStacked(r) : renderResult(this.host, p, r, ['support'], mine);
    else if (!onProposals && results?.poll) {
      const n = results.poll.tally.counts[x.id] ?? 0;
      result = html`<p>${percent(l, n, results.poll.tally.total)} · ${t.votes(n, l.n(n))}</p>`;
    }
    return html`<article part="proposal" id=${`proposal-${x.id}`} aria-labelledby=${hid} tabindex="-1">
      <h3 id=${hid} lang=${p.locale}>${x.title}</h3>
      <p class="hint">${t.by(x.authorName, l.d(x.createdAt, { dateStyle: 'medium' }))}${theme ? html` · <span lang=${p.locale}>${theme}</span>` : ''}</p>
      ${pending ? html`<p part="notice">${t.proposalPending}</p>` : nothing}
      <div lang=${p.locale}>${x.body.split(/\n\n+/).map((para) => html`<p>${para}</p>`)}</div>
      <div class="act">${open && !pending ? this.#renderVote(p, x, mine, sending) : nothing} ${result}</div>
      ${pending ? nothing : this.#renderArgumentsToggle(p, x, open)}
    </article>`;
  }

  /**
   * An agreement vote's results as one stacked bar (agree, mixed, disagree: each part as wide as its
   * votes, through flex-grow set in the CSSOM), with every share written beside it in words.
   */
  #renderStacked(r: SubjectResult) {
    const t = this.#t;
    const l = this.host.l;
    const total = r.tally.total;
    const n = (k: string) => r.tally.counts[k] ?? 0;
    return html`<div class="stack">
      <div class="stacked" part="bar" aria-hidden="true">${AGREEMENT.map((k) => html`<span class=${k} .style=${`flex-grow:${n(k)}`}></span>`)}</div>
      <p class="hint">${AGREEMENT.map((k) => `${percent(l, n(k), total)} ${t.values[k as 'agree'].toLowerCase()} · `)}${t.votes(total, l.n(total))}</p>
    </div>`;
  }

  /** Toggle buttons (aria-pressed): pressing the pressed one withdraws the vote. */
  #renderVote(p: Poll, x: Proposal, mine: string[], sending: boolean) {
    const t = this.#t;
    const host = this.host;
    const label = `${t.yourVoteOn} ${x.title}`;
    if (votesOnProposals(p)) {
      const values = p.voteKind === 'agreement' ? AGREEMENT : ['support'];
      return html`<div part="vote" role="group" aria-label=${label} class="seg">
        ${values.map((v) => {
          const on = mine.includes(v);
          return html`<button aria-pressed=${on} ?disabled=${sending} @click=${() => host.vote(x.id, on ? [] : [v])}>${t.values[v as 'agree']}</button>`;
        })}
      </div>`;
    }
    // Choices among proposals: one (single) or up to maxChoices (approval), the ballot sent whole.
    const ballot = host.state.mine[''] ?? [];
    const on = ballot.includes(x.id);
    const max = p.voteKind === 'single' ? 1 : (p.maxChoices ?? 1);
    const press = () => {
      if (on) return host.vote('', ballot.filter((b) => b !== x.id));
      if (max === 1) return host.vote('', [x.id]);
      if (ballot.length >= max) return host.say(t.tooMany(host.l.n(max)));
      return host.vote('', [...ballot, x.id]);
    };
    return html`<div part="vote" role="group" aria-label=${label} class="row">
      <button aria-pressed=${on} ?disabled=${sending} @click=${press}>${t.choose}</button>
      ${max > 1 ? html`<span class="hint">${t.chosen(ballot.length, host.l.n(ballot.length), host.l.n(max))}</span>` : nothing}
    </div>`;
  }

  #renderArgumentsToggle(p: Poll, x: Proposal, open: boolean) {
    const t = this.#t;
    const shown = this.args.get(x.id);
    const id = `args-${x.id}`;
    const toggle = () => {
      if (shown) this.args.delete(x.id);
      else void this.#loadArguments(x.id);
      this.#update();
    };
    return html`<p class="row"><button class="quiet" aria-expanded=${!!shown} aria-controls=${id} @click=${toggle}>${t.arguments(x.argumentCount, this.host.l.n(x.argumentCount))}</button></p>
      <div id=${id}>${shown ? this.#renderArguments(p, x, shown, open) : nothing}</div>`;
  }

  async #loadArguments(proposalId: string) {
    this.args.set(proposalId, 'loading');
    try {
      this.args.set(proposalId, await this.#api.arguments!(this.#id, proposalId));
    } catch (e) {
      this.args.set(proposalId, e instanceof CivicError ? e : new CivicError('server', String(e)));
    }
    this.#update();
  }

  #renderArguments(p: Poll, x: Proposal, shown: ArgumentList | 'loading' | CivicError, open: boolean) {
    const t = this.#t;
    if (shown === 'loading') return html`<p role="status">${t.loading}</p>`;
    if (shown instanceof CivicError)
      return html`<div role="alert"><p>${this.host.errorText(shown)}</p><button @click=${() => this.#loadArguments(x.id)}>${t.retry}</button></div>`;
    const column = (side: 'for' | 'against') => {
      const items = shown.items.filter((a) => a.side === side);
      const hid = `${side}-${x.id}`;
      return html`<section aria-labelledby=${hid}>
        ${this.host.sub(t[side], hid, true)}
        ${items.length ? html`<ul>${items.map((a) => this.#renderArgument(a, open, p.locale))}</ul>` : html`<p class="hint">${t.noArguments}</p>`}
      </section>`;
    };
    return html`<div part="arguments" class="columns">${column('for')}${column('against')}</div>
      ${open ? this.forms.renderArgumentForm(x) : nothing}`;
  }

  #renderArgument(a: Argument, open: boolean, lang: string) {
    const t = this.#t;
    const l = this.host.l;
    const on = this.liked.has(a.id);
    const n = this.likeCounts.get(a.id) ?? a.likeCount;
    const like = async () => {
      this.liked = new Set(this.liked);
      if (on) this.liked.delete(a.id);
      else this.liked.add(a.id);
      this.likeCounts.set(a.id, n + (on ? -1 : 1));
      this.#update();
      try {
        const r = await this.#api.like!(this.#id, a.id, this.host.participant, !on, { idempotencyKey: newKey() });
        this.likeCounts.set(a.id, r.likeCount);
      } catch (e) {
        // Put it back as it was, and say why.
        this.liked = new Set(this.liked);
        if (on) this.liked.add(a.id);
        else this.liked.delete(a.id);
        this.likeCounts.set(a.id, n);
        this.host.say(this.host.errorText(e));
      }
      this.#update();
    };
    return html`<li>
      <div lang=${lang}>${a.body.split(/\n\n+/).map((para) => html`<p>${para}</p>`)}</div>
      <p class="hint">
        ${a.authorName}
        <button aria-pressed=${on} ?disabled=${!open} @click=${like}>${t.like} · ${l.n(n)}<span class="sr-only"> ${t.likeOf(a.authorName)}</span></button>
      </p>
    </li>`;
  }
}

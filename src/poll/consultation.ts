/**
 * A consultation's view, loaded on demand by <civic-poll> once the poll turns out to be one (a
 * quick poll never loads it): the consensus, the proposals by theme with their votes and results,
 * arguments for and against, and the forms to propose, to argue and to confirm an email. Forms keep
 * what they send on the device when the network is down, as votes do.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type * as z from 'zod/mini';
import { newKey, type PollBackend } from '../api/backend.js';
import { CivicError, toIssues } from '../api/errors.js';
import { outbox, type Outcome } from '../api/outbox.js';
import {
  ArgumentInput,
  EmailInput,
  POLL_LIMITS,
  ProposalInput,
  pollStatus,
  votesOnProposals,
  type Argument,
  type ArgumentList,
  type Poll,
  type PollResults,
  type Proposal,
  type ProposalPage,
  type ProposalSort,
} from '../api/poll.js';
import { withConsultation } from '../api/rest-poll.js';
import { CivicProposedEvent } from '../core/events.js';
import { fieldErrors, focusFirstError, renderField, renderHoneypot, type Errors, type FieldSpec, type Form, type Values } from '../core/form.js';
import type { CivicPoll } from './civic-poll.js';
import { css } from '../core/styles.js';
import { percent, renderResult } from './render.js';

type Phase = 'form' | 'sending' | 'queued';
interface FormState {
  values: Values;
  errors: Errors;
  phase: Phase;
  key: string;
  /** A message for the whole form (role=alert). */
  alert?: string;
  /** What became of the last one sent, shown beside the form. */
  done?: string;
}
const fresh = (values: Values = {}): FormState => ({ values, errors: {}, phase: 'form', key: newKey() });
const OPS = { propose: 'poll.propose', argue: 'poll.argue' } as const;
const AGREEMENT = ['agree', 'mixed', 'disagree'];
/**
 * What only consultations show, styled here so that quick polls do not carry it; adopted by the
 * shadow root (a <style> element would be blocked by a strict Content-Security-Policy).
 */
const styles = css`
  [part~='proposal'] {
    display: grid;
    gap: calc(var(--_gap) / 2);
    padding-block-start: var(--_gap);
    border-block-start: var(--_border);
  }
  .columns {
    display: grid;
    gap: var(--_gap);
    grid-template-columns: repeat(auto-fit, minmax(min(100%, var(--civic-poll-columns-min, 14em)), 1fr));
  }
  .columns ul {
    gap: 0.5em;
  }
  .columns li {
    padding-inline-start: 0.75em;
    border-inline-start: 3px solid var(--_muted);
  }
  fieldset.row {
    display: flex;
  }
  h4 {
    font-weight: 600;
  }
  legend {
    font-weight: 600;
    margin-block-end: 0.25em;
  }
  [part~='filters'] .field {
    flex: 1 1 12em;
    min-inline-size: 0;
  }
  select {
    inline-size: 100%;
    min-block-size: 2.75em;
    padding: 0.25em 0.5em;
    background: none;
    border: var(--_border);
    border-radius: var(--_radius);
  }
  option {
    background: Canvas;
    color: CanvasText;
  }
`;

export class Consultation {
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
  proposing = false;
  proposal = fresh();
  /** The reader's own proposals since loading (shown to them, pending ones too). */
  mine: Proposal[] = [];
  readonly argForms = new Map<string, FormState>();
  email = fresh();
  emailSent = false;
  #run?: AbortController;
  #loadedFor?: unknown;

  /** The reader's last proposal since the form was last opened, for the notice beside it. */
  proposed?: Proposal;

  constructor(readonly host: CivicPoll) {
    const root = host.renderRoot as ShadowRoot;
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, styles.styleSheet!];
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
      this.#replay();
    }
    const open = pollStatus(p) === 'open';
    const list = this.list;
    const items = [...this.mine.filter((m) => !list?.items.some((x) => x.id === m.id) && (!this.theme || m.themeId === this.theme)), ...(list?.items ?? [])];
    return html`${this.#renderConsensus(p, results)} ${this.#renderFilters(p, results)}
      ${this.listError
        ? html`<div role="alert" part="error"><p>${this.host.errorMessage(this.listError)}</p><button @click=${() => this.load()}>${t.retry}</button></div>`
        : nothing}
      ${list && !items.length ? html`<p>${t.none}</p>` : nothing}
      ${items.map((x) => this.#renderProposal(p, x, results, open))}
      ${this.loading ? html`<p role="status">${t.loading}</p>` : nothing}
      ${list?.nextCursor && !this.loading ? html`<p><button @click=${() => this.load(true)}>${t.more}</button></p>` : nothing}
      ${open && p.allowProposals ? this.#renderProposalForm(p) : nothing}`;
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
      return html`<li><strong>${x.title}</strong> — ${shares.join(', ')}, ${t.votes(n, l.n(n))}</li>`;
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
              ${p.themes.map((th) => html`<option value=${th.id} ?selected=${this.theme === th.id}>${th.title}</option>`)}
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
    if (onProposals && r) result = renderResult(this.host, p, r, p.voteKind === 'agreement' ? AGREEMENT : ['support'], mine);
    else if (!onProposals && results?.poll) {
      const n = results.poll.tally.counts[x.id] ?? 0;
      result = html`<p>${percent(l, n, results.poll.tally.total)} · ${t.votes(n, l.n(n))}</p>`;
    }
    return html`<article part="proposal" id=${`proposal-${x.id}`} aria-labelledby=${hid} tabindex="-1">
      ${this.host.sub(x.title, hid)}
      <p class="hint">${t.by(x.authorName, l.d(x.createdAt, { dateStyle: 'medium' }))}${theme ? ` · ${theme}` : ''}</p>
      ${pending ? html`<p part="notice">${t.proposalPending}</p>` : nothing}
      <div>${x.body.split(/\n\n+/).map((para) => html`<p>${para}</p>`)}</div>
      ${open && !pending ? this.#renderVote(p, x, mine, sending) : nothing} ${result}
      ${pending ? nothing : this.#renderArgumentsToggle(p, x, open)}
    </article>`;
  }

  /** Toggle buttons (aria-pressed): pressing the pressed one withdraws the vote. */
  #renderVote(p: Poll, x: Proposal, mine: string[], sending: boolean) {
    const t = this.#t;
    const host = this.host;
    const label = `${t.yourVoteOn} ${x.title}`;
    if (votesOnProposals(p)) {
      const values = p.voteKind === 'agreement' ? AGREEMENT : ['support'];
      return html`<div part="vote" role="group" aria-label=${label} class="row">
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
    return html`<p><button aria-expanded=${!!shown} aria-controls=${id} @click=${toggle}>${t.arguments(x.argumentCount, this.host.l.n(x.argumentCount))}</button></p>
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
      return html`<div role="alert"><p>${this.host.errorMessage(shown)}</p><button @click=${() => this.#loadArguments(x.id)}>${t.retry}</button></div>`;
    const column = (side: 'for' | 'against') => {
      const items = shown.items.filter((a) => a.side === side);
      const hid = `${side}-${x.id}`;
      return html`<section aria-labelledby=${hid}>
        ${this.host.sub(t[side], hid, true)}
        ${items.length ? html`<ul>${items.map((a) => this.#renderArgument(a, open))}</ul>` : html`<p class="hint">${t.noArguments}</p>`}
      </section>`;
    };
    return html`<div part="arguments" class="columns">${column('for')}${column('against')}</div>
      ${open ? this.#renderArgumentForm(p, x) : nothing}`;
  }

  #renderArgument(a: Argument, open: boolean) {
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
        this.host.say(this.host.errorMessage(e));
      }
      this.#update();
    };
    return html`<li>
      ${a.body.split(/\n\n+/).map((para) => html`<p>${para}</p>`)}
      <p class="hint">
        ${a.authorName}
        <button aria-pressed=${on} ?disabled=${!open} @click=${like}>${t.like} · ${l.n(n)}<span class="sr-only"> ${t.likeOf(a.authorName)}</span></button>
      </p>
    </li>`;
  }

  /* Forms: the proposal, an argument, the email. Each keeps its values on errors and offline. */

  #form(state: FormState, set: (s: FormState) => void): Form {
    return {
      values: state.values,
      errors: state.errors,
      l: this.host.l,
      disabled: state.phase === 'sending',
      set: (name, value) => {
        set({ ...state, values: { ...state.values, [name]: value }, errors: { ...state.errors, [name]: '' } });
        this.#update();
      },
    };
  }

  /**
   * A form's fields, named `prefix + key`: several forms share the widget's shadow root (the field
   * ids derive from the names), and the payload uses the bare keys.
   */
  #fields(prefix: string, specs: [key: string, label: string, type?: FieldSpec['type'], max?: number][]): FieldSpec[] {
    return specs.map(([key, label, type, max]) => ({
      name: prefix + key,
      label,
      type: type ?? 'text',
      required: true,
      max,
      ...(key === 'authorName' ? { autocomplete: 'name' } : key === 'email' ? { autocomplete: 'email' } : {}),
    }));
  }

  /** Validates with `schema`, then sends through the outbox (bare keys); the state follows each step. */
  async #submit<T>(
    e: Event,
    o: {
      op: string;
      prefix: string;
      state: () => FormState;
      set: (s: FormState) => void;
      fields: FieldSpec[];
      schema: z.ZodMiniType;
      payload: Record<string, unknown>;
      send: (key: string) => Promise<T>;
      done: (r: T) => void;
    },
  ) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const { state, set, fields, prefix } = o;
    const s = state();
    const scoped = (issues: readonly { path: string; code: string; message: string }[]) => issues.map((i) => ({ ...i, path: prefix + i.path }));
    const show = async (errors: Errors, alert?: string) => {
      set({ ...state(), errors, phase: 'form', alert: alert ?? '' });
      this.#update();
      await this.host.updateComplete;
      this.host.say(alert ?? this.#t.fix(Object.keys(errors).length));
      if (!focusFirstError(form, fields, errors)) form.querySelector<HTMLElement>('[role=alert]')?.focus();
    };
    const parsed = o.schema.safeParse(o.payload);
    if (!parsed.success) return show(fieldErrors(scoped(toIssues(parsed.error.issues)), fields, this.#form(s, set)));
    set({ ...s, errors: {}, phase: 'sending', alert: '', done: '' });
    this.#update();
    try {
      const sent = await outbox.submit({ key: s.key, op: o.op, target: this.#id, payload: o.payload, queuedAt: new Date().toISOString() }, (entry) => o.send(entry.key));
      if (sent.queued) {
        set({ ...state(), phase: 'queued' });
        this.host.say(this.#t.queuedForm);
        this.#replay();
      } else o.done(sent.result);
    } catch (err) {
      const c = err instanceof CivicError ? err : new CivicError('server', String(err));
      const byField = c.kind === 'validation' && c.issues.length;
      await show(byField ? fieldErrors(scoped(c.issues), fields, this.#form(s, set)) : {}, byField ? undefined : this.host.errorMessage(c));
    }
    this.#update();
  }

  /** The bare-keyed payload of a form's values (trimmed, empty ones left out). */
  #payload(state: FormState, prefix: string, keys: string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const k of keys) {
      const text = String(state.values[prefix + k] ?? '').trim();
      if (text) out[k] = text;
    }
    return out;
  }

  /** Focuses the element with this id once rendered (a notice that replaced a form, the reader's proposal). */
  #focus(id: string) {
    void this.host.updateComplete.then(() => (this.host.renderRoot as ShadowRoot).getElementById(id)?.focus());
  }

  /** A proposal was taken (`now`: just sent from the form, else from the outbox): the notice takes the form's place. */
  #proposed(x: Proposal, now?: boolean) {
    this.mine = [x, ...this.mine];
    this.proposal = fresh({ 'p-authorName': this.proposal.values['p-authorName'] ?? '' });
    this.proposing = false;
    this.proposed = x;
    const t = this.#t;
    this.host.say(x.status === 'published' ? t.thanksPublished : t.thanksPending);
    this.host.dispatchEvent(new CivicProposedEvent(this.#id, x.id, x.status === 'published' ? 'published' : 'pending'));
    this.#update();
    if (now) this.#focus('proposed');
  }

  /** Brings the reader's proposal into view and focus (all themes, if the filter hides it). */
  async #see(x: Proposal) {
    if (this.theme && this.theme !== x.themeId) {
      this.theme = '';
      await this.load();
    }
    this.#focus(`proposal-${x.id}`);
  }

  /** An argument was taken: the notice shows beside its form (focused when `now`, from the form). */
  #argued(x: Argument, now?: boolean) {
    const t = this.#t;
    const list = this.args.get(x.proposalId);
    if (x.status === 'published' && list && typeof list === 'object' && 'items' in list) this.args.set(x.proposalId, { items: [...list.items, x] });
    const prefix = `a-${x.proposalId}-`;
    const f = this.argForms.get(x.proposalId);
    const done = x.status === 'published' ? t.argumentPublished : t.argumentPending;
    this.argForms.set(x.proposalId, { ...fresh({ [`${prefix}authorName`]: f?.values[`${prefix}authorName`] ?? '' }), done });
    this.host.say(done);
    this.#update();
    if (now) this.#focus(`done-${x.proposalId}`);
  }

  /**
   * Sends kept proposals and arguments when the network returns. The replay code loads only then; a
   * load that fails (still offline) is tried again at the next `online` event.
   */
  #replay() {
    const id = this.#id;
    const api = this.#api;
    const ops = Object.values(OPS).filter((op) => outbox.entries(op, id).length);
    if (!ops.length) return;
    import('../api/outbox-replay.js').then(
      ({ watch }) => {
        for (const op of ops) {
          const stop = watch(
            outbox,
            op,
            id,
            (entry) => {
              const { proposalId, ...input } = entry.payload as { proposalId?: string } & Record<string, string>;
              return op === OPS.propose
                ? api.propose!(id, input as never, { idempotencyKey: entry.key })
                : api.argue!(id, proposalId ?? '', input as never, { idempotencyKey: entry.key });
            },
            (_, outcome: Outcome<Proposal | Argument>) => {
              if (!outbox.entries(op, id).length) stop();
              if ('error' in outcome) return this.host.say(this.host.errorMessage(outcome.error));
              const r = outcome.result;
              if ('side' in r) this.#argued(r);
              else this.#proposed(r);
            },
          );
        }
      },
      () => addEventListener('online', () => this.#replay(), { once: true }),
    );
  }

  #renderProposalForm(p: Poll) {
    const t = this.#t;
    const x = this.proposed;
    if (!this.proposing)
      return html`${x
          ? html`<p part="notice" id="proposed" tabindex="-1">${x.status === 'published' ? t.thanksPublished : t.thanksPending}</p>`
          : nothing}
        <p class="row">
          ${x ? html`<button @click=${() => this.#see(x)}>${t.seeProposal}</button>` : nothing}
          <button part="submit" aria-expanded="false" @click=${() => ((this.proposing = true), (this.proposed = undefined), this.#update())}>${t.propose}</button>
        </p>`;
    const s = this.proposal;
    const set = (n: FormState) => (this.proposal = n);
    const form = this.#form(s, set);
    const L = POLL_LIMITS;
    const fields = this.#fields('p-', [
      ['title', t.proposalTitle, 'text', L.title],
      ['body', t.proposalBody, 'textarea', L.body],
      ['authorName', t.yourName, 'text', L.authorName],
    ]);
    const submit = (e: Event) => {
      const payload = this.#payload(s, 'p-', ['themeId', 'title', 'body', 'authorName']);
      const hp = s.values['hp'];
      if (hp) payload['hp'] = hp;
      return this.#submit(e, {
        op: OPS.propose,
        prefix: 'p-',
        state: () => this.proposal,
        set,
        fields,
        schema: ProposalInput,
        payload,
        send: (key) => this.#api.propose!(this.#id, payload as never, { idempotencyKey: key }),
        done: (x: Proposal) => this.#proposed(x, true),
      });
    };
    return html`<form part="form" novalidate aria-labelledby="propose" @submit=${submit}>
      ${this.host.sub(t.propose, 'propose')}
      ${s.phase === 'queued' ? html`<p part="notice">${t.queuedForm}</p>` : nothing}
      ${s.alert ? html`<div role="alert" tabindex="-1">${s.alert}</div>` : nothing}
      ${p.themes.length
        ? html`<div class="field">
            <label for="f-p-themeId">${t.theme} <span class="hint">(${t.optional})</span></label>
            <select id="f-p-themeId" name="p-themeId" @change=${(e: Event) => form.set('p-themeId', (e.target as HTMLSelectElement).value)}>
              <option value="">${t.noTheme}</option>
              ${p.themes.map((th) => html`<option value=${th.id} ?selected=${s.values['p-themeId'] === th.id}>${th.title}</option>`)}
            </select>
          </div>`
        : nothing}
      ${fields.map((f) => renderField(form, f))} ${renderHoneypot(form)}
      ${p.moderateProposals ? html`<p class="hint">${t.moderated}</p>` : nothing}
      <p class="row">
        <button part="submit" ?disabled=${s.phase !== 'form'}>${s.phase === 'sending' ? t.voting : t.submit}</button>
        <button type="button" @click=${() => ((this.proposing = false), this.#update())}>${t.cancel}</button>
      </p>
    </form>`;
  }

  #renderArgumentForm(p: Poll, x: Proposal) {
    const t = this.#t;
    const prefix = `a-${x.id}-`;
    const s = this.argForms.get(x.id) ?? fresh();
    const set = (n: FormState) => this.argForms.set(x.id, n);
    const form = this.#form(s, set);
    const fields = this.#fields(prefix, [
      ['body', t.argument, 'textarea', POLL_LIMITS.argument],
      ['authorName', t.yourName, 'text', POLL_LIMITS.authorName],
    ]);
    const side = s.values[`${prefix}side`] === 'against' ? 'against' : 'for';
    const hid = `add-${x.id}`;
    const submit = (e: Event) => {
      const input = { side, ...this.#payload(s, prefix, ['body', 'authorName']), ...(s.values['hp'] ? { hp: s.values['hp'] } : {}) };
      return this.#submit(e, {
        op: OPS.argue,
        prefix,
        state: () => this.argForms.get(x.id) ?? s,
        set,
        fields,
        schema: ArgumentInput,
        payload: { ...input, proposalId: x.id },
        send: (key) => this.#api.argue!(this.#id, x.id, input as never, { idempotencyKey: key }),
        done: (a: Argument) => this.#argued(a, true),
      });
    };
    return html`<form part="form" novalidate aria-labelledby=${hid} @submit=${submit}>
      ${this.host.sub(t.addArgument, hid, true)}
      ${s.done ? html`<p part="notice" id=${`done-${x.id}`} tabindex="-1">${s.done}</p>` : nothing}
      ${s.phase === 'queued' ? html`<p part="notice">${t.queuedForm}</p>` : nothing}
      ${s.alert ? html`<div role="alert" tabindex="-1">${s.alert}</div>` : nothing}
      <fieldset class="row">
        <legend>${t.side}</legend>
        ${(['for', 'against'] as const).map(
          (v) => html`<label class="check"
            ><input type="radio" name=${`${prefix}side`} value=${v} .checked=${side === v} @change=${() => form.set(`${prefix}side`, v)} />${t[v]}</label
          >`,
        )}
      </fieldset>
      ${fields.map((f) => renderField(form, f))} ${renderHoneypot(form)}
      <p><button part="submit" ?disabled=${s.phase !== 'form'}>${s.phase === 'sending' ? t.voting : t.send}</button></p>
    </form>`;
  }

  /** Polls that count votes once an email is confirmed: the email form. */
  renderConfirm(): TemplateResult {
    const t = this.#t;
    if (this.emailSent) return html`<p part="notice">${t.linkSent}</p>`;
    const s = this.email;
    const set = (n: FormState) => (this.email = n);
    const form = this.#form(s, set);
    const fields: FieldSpec[] = [{ name: 'e-email', label: t.email, type: 'email', autocomplete: 'email', required: true, hint: t.emailHint }];
    const submit = (e: Event) => {
      const payload = this.#payload(s, 'e-', ['email']);
      return this.#submit(e, {
        op: 'poll.email',
        prefix: 'e-',
        state: () => this.email,
        set,
        fields,
        schema: EmailInput,
        payload,
        send: (key) => this.#api.confirmEmail!(this.#id, this.host.participant, String(payload['email']), { idempotencyKey: key }),
        done: () => {
          this.emailSent = true;
          this.email = fresh();
          this.host.say(t.linkSent);
        },
      });
    };
    return html`<form part="form" novalidate aria-labelledby="confirm" @submit=${submit}>
      ${this.host.sub(t.confirmTitle, 'confirm')}
      <p>${t.confirmIntro}</p>
      ${s.alert ? html`<div role="alert" tabindex="-1">${s.alert}</div>` : nothing}
      ${fields.map((f) => renderField(form, f))}
      <p><button part="submit" ?disabled=${s.phase !== 'form'}>${t.sendLink}</button></p>
    </form>`;
  }
}

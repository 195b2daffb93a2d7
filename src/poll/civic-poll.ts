import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { newKey, type CivicBackend, type PollBackend } from '../api/backend.js';
import { outbox, type Outcome, type OutboxEntry } from '../api/outbox.js';
import { pollStatus, type Ballot, type Poll, type PollEvent, type PollResults, type VoteResult } from '../api/poll.js';
import { RestClient } from '../api/rest.js';
import { restPollCore } from '../api/rest-poll-core.js';
import { CivicElement } from '../core/civic-element.js';
import { CivicVotedEvent } from '../core/events.js';
import { live } from '../core/live.js';
import { Loader } from '../core/loader.js';
import { Localize } from '../core/localize.js';
import { sender } from '../core/sender.js';
import { base } from '../core/styles.js';
import type { PollHost, PollState } from './host.js';
import { participant } from './participant.js';
import { choicesOf, optionsLang, renderResult } from './render.js';
import { styles } from './civic-poll.styles.js';

/** A vote kept in the outbox: its subject (`''`: the poll) and choices (empty: withdrawn). */
interface VotePayload {
  subject: string;
  choices: string[];
}
type Consultation = import('./consultation.js').Consultation;

/**
 * A poll: a quick poll (one question, the organiser's options) or a consultation (proposals by
 * theme, arguments for and against, consensus), with votes that can be changed or withdrawn until
 * it closes, and live results.
 *
 * @tagname civic-poll
 * @summary Quick poll or consultation by theme: votes, arguments, live results and consensus.
 * @slot - Shown until the widget loads, when loading fails, and where scripts do not run (e.g. a link to the poll's page).
 * @csspart base - The whole poll.
 * @csspart heading - The question or the consultation's title (an h2; its parts are h3s).
 * @csspart description - The organiser's text.
 * @csspart meta - Dates and the number of participants.
 * @csspart choices - The options of a quick poll (a radio group, or checkboxes for approval votes).
 * @csspart vote - A group of vote buttons (support; agree, mixed, disagree).
 * @csspart submit - The vote and send buttons.
 * @csspart notice - Confirmations, offline, closed and moderation messages.
 * @csspart results - The results: a bar, a percentage and a count per choice.
 * @csspart bar - One result's bar (its numbers are always written beside it).
 * @csspart consensus - Where participants agree and where they are divided.
 * @csspart filters - The theme and order of a consultation's proposals.
 * @csspart proposal - One proposal.
 * @csspart arguments - A proposal's arguments, for and against in two columns.
 * @csspart form - The proposal, argument and email forms.
 * @csspart field-error - A message beside a field.
 * @csspart error - A load error.
 * @cssproperty --civic-poll-bar-color - Fill of the result bars (default: --civic-color-accent, else the text colour).
 * @cssproperty --civic-poll-bar-height - Height of the result bars (default 0.5em).
 * @cssproperty --civic-poll-columns-min - Narrowest an argument column gets before the columns stack (default 14em).
 * @event civic-voted - A vote was counted, is pending an email confirmation, or was withdrawn (`choices` empty).
 * @event civic-proposed - A proposal was submitted: `status` is `published`, or `pending` a moderator.
 */
export class CivicPoll extends CivicElement implements PollHost {
  static override styles = [base, styles];
  static override properties: PropertyDeclarations = {
    poll: {},
    state: { state: true },
  };

  /** The poll's id. */
  declare poll: string | undefined;
  /** @internal What changes as the reader votes (one object, replaced on each change). */
  declare state: PollState;

  readonly l = new Localize(this, 'poll');
  /** @internal The reader's anonymous token, made when first needed: a reader who only looks has none. */
  get participant(): string {
    return participant(true);
  }
  /** @internal The consultation's view, once its module is loaded. */
  consultation?: Consultation;
  #loaded?: unknown;

  /** The backend's poll part and the poll in effect: loaded, listened to, voted on. */
  #target = () => [this.active, this.resolvedBackend?.polls, this.poll ?? ''] as const;
  readonly #task = new Loader(
    this,
    async ([, id], signal): Promise<{ poll: Poll; ballot: Ballot }> => {
      const api = this.pollApi;
      const me = participant();
      // A reader without a token has no votes: only the public results are asked for.
      const [poll, ballot] = await Promise.all([
        api.get(id, { signal }),
        me ? api.ballot(id, me, { signal }) : api.results(id, { signal }).then((results) => ({ votes: {}, likes: [], confirmed: true, results })),
      ]);
      if (poll.kind === 'consultation') await this.#consult();
      return { poll, ballot };
    },
    this.#target,
  );
  readonly #live = live(this, this.#target, (e: PollEvent) => this.#event(e));
  /** Votes: sent now, or kept on this device and sent when the network returns. */
  readonly #votes = sender(
    this,
    this.#target,
    'poll.vote',
    async (entry: OutboxEntry<VotePayload>) => {
      // A poll that asks for a proof of work: the solver chunk's backend (pow.ts) solves a challenge for a new participant's first vote.
      const api = this.data?.challenge ? (await import('./pow.js')).proven(this) : this.pollApi;
      const id = entry.target;
      const { subject, choices } = entry.payload;
      const kind = this.data?.voteKind;
      const o = { idempotencyKey: entry.key };
      if (!choices.length) return api.withdraw(id, subject || null, this.participant, o);
      return api.vote(id, subject || null, this.participant, kind === 'support' || kind === 'agreement' ? { value: choices[0] as 'agree' } : { options: choices }, o);
    },
    // What a vote sent from the outbox says waits for the strings (the page may be opening).
    (entry, outcome: Outcome<VoteResult>) => void this.l.loaded.then(() => this.#voted(entry.payload, outcome, true)),
    (kept) => {
      const sending = { ...this.state.sending };
      for (const e of kept) sending[e.payload.subject] = 'queued';
      this.#set({ sending });
    },
  );

  constructor() {
    super();
    this.state = { mine: {}, confirmed: true, draft: [], editing: false, sending: {}, notice: '', error: '' };
  }

  /** From the `api` attribute: the calls every poll makes (a consultation's module adds its own). */
  protected override createBackend(api: string): CivicBackend {
    return { polls: restPollCore(new RestClient({ baseUrl: api })) };
  }

  /** @internal The poll part of the backend in effect. */
  get pollApi(): PollBackend {
    return this.backendPart('polls');
  }

  /** @internal The poll as loaded, with its live state. */
  get data(): Poll | undefined {
    const p = this.#task.value?.poll;
    const live = this.state.live;
    return p && (live ? { ...p, status: live.status, participantCount: live.participantCount, proposalCount: live.proposalCount } : p);
  }

  /** When the poll last said something, to keep quiet about the participant count soon after. */
  #said = 0;
  /** @internal */
  override say(text: string): void {
    super.say(text);
    this.#said = Date.now();
  }

  /** Changes part of the state (a new object, so Lit sees it). */
  #set(change: Partial<PollState>): void {
    this.state = { ...this.state, ...change };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const loaded = this.#task.value;
    if (loaded && loaded !== this.#loaded) {
      this.#loaded = loaded;
      const b = loaded.ballot;
      const mine = { ...b.votes };
      this.state = { ...this.state, results: b.results, mine, confirmed: b.confirmed, draft: mine[''] ?? [], live: undefined };
    }
  }

  /** A live event: the poll's state, and the results anyone may see (or, after-vote, ours again). */
  #event(e: PollEvent) {
    const { results, mine, confirmed } = this.state;
    const n = e.participantCount;
    const before = this.data?.participantCount;
    const merged = e.results.visible || !results ? e.results : { ...results, participantCount: n };
    this.#set({ live: e, results: merged });
    // After-vote results are not in the public events; a confirmation made in another tab neither.
    if ((!e.results.visible || !confirmed) && Object.keys(mine).length) void this.#refresh();
    if (this.l.ready && Date.now() - this.#said > 1e4 && n !== before) this.say(this.l.t.updated(this.l.n(n)));
  }

  /** Reads the reader's results again (after-vote results are not in the public events). */
  async #refresh(): Promise<void> {
    try {
      const b = await this.pollApi.ballot(this.poll ?? '', this.participant);
      const confirmedNow = b.confirmed && !this.state.confirmed;
      this.#set({ results: b.results, confirmed: b.confirmed, ...(confirmedNow ? { notice: this.l.t.counted } : {}) });
      if (confirmedNow) this.say(this.l.t.counted);
    } catch {
      /* the next event tries again */
    }
  }

  /**
   * After a render that removed or disabled the focused control (a vote button, a form): focuses
   * `pressed` again if it is still there (a proposal's vote button, disabled while sending), else
   * what replaced it. Focus the reader moved elsewhere is left alone.
   */
  async #refocus(selector: string, pressed?: Element | null): Promise<void> {
    await this.updateComplete;
    const a = document.activeElement;
    if (a && a !== document.body) return;
    ((pressed?.isConnected ? pressed : this.renderRoot.querySelector(selector)) as HTMLElement | null)?.focus();
  }

  /**
   * @internal
   * Votes (or withdraws, with no choices) on a subject: `''` the poll, else a proposal id. Sent now,
   * or kept on this device and sent when the network returns.
   */
  async vote(subject: string, choices: string[]): Promise<void> {
    // A newer vote on the subject replaces one kept offline.
    for (const e of this.#votes.kept()) if (e.payload.subject === subject) outbox.remove(e.key);
    const vote = { subject, choices };
    const pressed = (this.renderRoot as ShadowRoot).activeElement;
    this.#set({ sending: { ...this.state.sending, [subject]: 'sending' }, error: '' });
    const outcome = await this.#votes.send(vote, newKey());
    if (outcome) return this.#voted(vote, outcome, false, pressed);
    const mine = { ...this.state.mine, [subject]: choices };
    if (!choices.length) delete mine[subject];
    this.#set({ sending: { ...this.state.sending, [subject]: 'queued' }, mine, editing: false });
    this.say(this.l.t.queued);
    void this.#refocus('#notice', pressed);
  }

  /** A vote was answered, now or from the outbox (`later`). */
  #voted({ subject, choices }: VotePayload, outcome: Outcome<VoteResult>, later: boolean, pressed?: Element | null) {
    const t = this.l.t;
    const { [subject]: _, ...sending } = this.state.sending;
    if ('error' in outcome) {
      const e = outcome.error;
      if (e.kind === 'closed') void this.#task.run();
      // `address-limit` too: the poll's limit of new participants from one network address (README, poll integrity).
      const error = this.errorText(e);
      this.#set({ sending, error, notice: '' });
      return this.say(error);
    }
    const r = outcome.result;
    const mine = { ...this.state.mine };
    if (choices.length) mine[subject] = choices;
    else delete mine[subject];
    const results = { ...(this.state.results ?? { pollId: this.poll ?? '', visible: false, poll: null, proposals: {} }), participantCount: r.participantCount };
    if (r.result && subject) results.proposals = { ...results.proposals, [subject]: r.result };
    else if (r.result) results.poll = r.result;
    else if (!results.visible && subject) delete (results.proposals = { ...results.proposals })[subject];
    else if (!results.visible) results.poll = null;
    const notice = (later ? `${t.sent} ` : '') + (r.status === 'withdrawn' ? t.withdrawn : r.status === 'pending' ? t.pending : t.counted);
    this.#set({ sending, mine, results, notice, confirmed: r.status !== 'pending' && this.state.confirmed, editing: false, draft: mine[''] ?? [] });
    this.say(notice);
    if (!later) void this.#refocus('#notice', pressed);
    this.dispatchEvent(new CivicVotedEvent(this.poll ?? '', subject || null, choices, r.status));
  }

  protected override renderWidget(): TemplateResult {
    const task = this.#task;
    const p = this.data;
    return p
      ? this.#renderPoll(p)
      : task.error
        ? this.renderLoadError(task.error, () => task.run())
        : task.status // pending (INITIAL, 0, is idle)
          ? this.renderLoading()
          : this.renderFallback();
  }

  /** @internal A heading below the poll's title: an h3, or an h4 one level deeper. */
  sub(text: string, id?: string, deeper = false): TemplateResult {
    return deeper ? html`<h4 id=${id ?? nothing}>${text}</h4>` : html`<h3 id=${id ?? nothing}>${text}</h3>`;
  }

  #renderPoll(p: Poll): TemplateResult {
    const l = this.l;
    const t = l.t;
    const status = pollStatus(p);
    const { results, notice, error } = this.state;
    const note = Object.values(this.state.sending).includes('queued') ? t.queued : notice;
    const dates = status === 'upcoming' && p.opensAt ? t.opensOn(l.d(p.opensAt)) : p.closesAt ? (status === 'closed' ? t.closedOn : t.closesOn)(l.d(p.closesAt)) : '';
    return html`<section part="base" aria-labelledby="title">
      <h2 part="heading" id="title" lang=${p.locale}>${p.title}</h2>
      ${p.description ? html`<div part="description" lang=${p.locale}>${p.description.split(/\n\n+/).map((para) => html`<p>${para}</p>`)}</div>` : nothing}
      <p part="meta">${dates ? html`<span>${dates}</span> ` : nothing}<span>${t.participants(p.participantCount, l.n(p.participantCount))}</span></p>
      ${status === 'open' ? nothing : html`<p part="notice">${t[status]}</p>`}
      ${error ? html`<div role="alert">${error}</div>` : nothing}
      ${note ? html`<p part="notice" id="notice" tabindex="-1">${note}</p>` : nothing}
      ${this.state.confirmed || !Object.keys(this.state.mine).length ? nothing : (this.consultation?.forms.renderConfirm() ?? (void this.#consult(), nothing))}
      ${p.kind === 'quick' ? this.#renderQuick(p, status === 'open', results) : (this.consultation?.render(p, results) ?? nothing)}
    </section>`;
  }

  /**
   * Loads the consultation's module (once): for a consultation, and for the email form of polls that
   * count votes once an email is confirmed, which a quick poll loads when needed.
   */
  async #consult() {
    this.consultation ??= new (await import('./consultation.js')).Consultation(this);
    this.requestUpdate();
  }

  #renderQuick(p: Poll, open: boolean, results: PollResults | undefined): TemplateResult {
    const t = this.l.t;
    const mine = this.state.mine[''];
    const sending = this.state.sending[''];
    const vote = open && p.voteKind === 'support' ? this.#renderSupport(mine) : open && (!mine || this.state.editing) ? this.#renderForm(p) : nothing;
    const voted =
      mine && p.voteKind !== 'support' && !this.state.editing
        ? html`<p>${t.yourVote} <strong lang=${optionsLang(p)}>${mine.map((c) => this.label(p, c)).join(', ')}</strong></p>
            ${open
              ? html`<p class="row">
                  <button ?disabled=${!!sending} @click=${() => this.#edit(true)}>${t.change}</button>
                  <button ?disabled=${!!sending} @click=${() => this.vote('', [])}>${t.withdraw}</button>
                </p>`
              : nothing}`
        : nothing;
    const r = results?.poll;
    return html`${vote}${voted}
      <div part="results" aria-labelledby="res">
        ${this.sub(t.results, 'res')}
        ${r
          ? renderResult(this, p, r, choicesOf(p), mine ?? [])
          : html`<p>${p.resultsVisibility === 'after-close' ? t.hiddenAfterClose : t.hiddenAfterVote}</p>`}
      </div>`;
  }

  /** Opens the quick poll's form to change the vote, or closes it; focus goes to what replaced the button. */
  #edit(editing: boolean) {
    this.#set({ editing, draft: this.state.mine[''] ?? [], notice: '' });
    void this.#refocus(editing ? ':checked' : '.row button');
  }

  /** @internal A choice's words: an option's label, or a vote value's. */
  label(p: Poll, choice: string): string {
    return p.options.find((o) => o.id === choice)?.label ?? this.l.t.values[choice as 'agree'] ?? choice;
  }

  #renderSupport(mine: string[] | undefined) {
    const on = !!mine;
    return html`<p part="vote"><button part="submit" aria-pressed=${on} ?disabled=${!!this.state.sending['']}
      @click=${() => this.vote('', on ? [] : ['support'])}>${this.l.t.values.support}</button></p>`;
  }

  #renderForm(p: Poll): TemplateResult {
    const t = this.l.t;
    const approval = p.voteKind === 'approval';
    const max = p.maxChoices ?? 1;
    const draft = this.state.draft;
    // Handlers read the state when they run: a click can come before the re-render.
    const pick = (input: HTMLInputElement, id: string) => {
      const now = this.state.draft;
      if (!approval) return this.#set({ draft: [id] });
      if (input.checked && now.length >= max) {
        input.checked = false;
        return this.say(t.tooMany(this.l.n(max)));
      }
      this.#set({ draft: input.checked ? [...now, id] : now.filter((d) => d !== id) });
    };
    const submit = (e: Event) => {
      e.preventDefault();
      const now = this.state.draft;
      if (!now.length) return this.#set({ error: t.chooseOne });
      void this.vote('', now);
    };
    return html`<form part="form" novalidate @submit=${submit}>
      <fieldset part="choices" aria-labelledby="title" aria-describedby=${approval ? 'upto' : nothing}>
        ${approval ? html`<p class="hint" id="upto">${t.upTo(this.l.n(max))}</p>` : nothing}
        ${choicesOf(p).map(
          (id) => html`<label class="check" lang=${optionsLang(p)}
            ><input type=${approval ? 'checkbox' : 'radio'} name="choice" value=${id} .checked=${draft.includes(id)}
              @change=${(e: Event) => pick(e.target as HTMLInputElement, id)} />${this.label(p, id)}</label
          >`,
        )}
      </fieldset>
      <p class="row">
        <button part="submit" ?disabled=${!!this.state.sending['']}>${this.state.sending[''] === 'sending' ? t.voting : t.vote}</button>
        ${this.state.editing ? html`<button type="button" @click=${() => this.#edit(false)}>${t.cancel}</button>` : nothing}
      </p>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-poll': CivicPoll;
  }
}

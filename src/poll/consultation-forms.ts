/**
 * A consultation's forms: to propose, to argue for or against a proposal, and to confirm an email.
 * Each validates with the contract's schema, sends through its outbox (submissions.ts), keeps its
 * values on errors and offline, and puts its confirmation beside it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type * as z from 'zod/mini';
import { newKey, type PollBackend } from '../api/backend.js';
import { toIssues, type CivicError } from '../api/errors.js';
import { ArgumentInput, EmailInput, POLL_LIMITS, ProposalInput, type Argument, type ArgumentList, type Poll, type Proposal } from '../api/poll.js';
import { CivicProposedEvent } from '../core/events.js';
import { fieldErrors, focusFirstError, renderField, renderHoneypot, type Errors, type FieldSpec, type Form, type Values } from '../core/form.js';
import type { Sender } from '../core/sender.js';
import type { PollHost } from './host.js';
import { Submissions } from './submissions.js';

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

/** What the forms change in the consultation's view. */
export interface ListView {
  /** The reader's own proposals since loading. */
  mine: Proposal[];
  /** Arguments of the proposals whose panel is open. */
  readonly args: Map<string, ArgumentList | 'loading' | CivicError>;
  /** The theme shown ('' for all), and loading the list again. */
  theme: string;
  load(): Promise<void>;
}

export class ConsultationForms {
  proposing = false;
  proposal = fresh();
  /** The reader's last proposal since the form was last opened, for the notice beside it. */
  proposed?: Proposal;
  readonly argForms = new Map<string, FormState>();
  email = fresh();
  emailSent = false;
  readonly #sends: Submissions;

  /** `api`: the backend's poll part with the consultation's calls. */
  constructor(
    readonly host: PollHost,
    readonly view: ListView,
    api: () => PollBackend,
  ) {
    this.#sends = new Submissions(host, api, {
      proposed: (x) => this.#proposed(x),
      argued: (x) => this.#argued(x),
      emailSent: () => this.#emailSent(),
      refused: ({ error }) => host.say(host.errorText(error)),
    });
  }

  get #t() {
    return this.host.l.t;
  }
  #update() {
    this.host.requestUpdate();
  }

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
  async #submit<P, T>(
    e: Event,
    o: {
      prefix: string;
      state: () => FormState;
      set: (s: FormState) => void;
      fields: FieldSpec[];
      schema: z.ZodMiniType;
      payload: P;
      sender: Sender<P, T>;
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
    const outcome = await o.sender.send(o.payload, s.key);
    if (!outcome) {
      set({ ...state(), phase: 'queued' });
      this.host.say(this.#t.queuedForm);
    } else if ('result' in outcome) o.done(outcome.result);
    else {
      const c = outcome.error;
      const byField = c.kind === 'validation' && c.issues.length;
      await show(byField ? fieldErrors(scoped(c.issues), fields, this.#form(s, set)) : {}, byField ? undefined : this.host.errorText(c));
    }
    this.#update();
  }

  /** The bare-keyed payload of a form's values (trimmed, empty ones left out). */
  #payload(state: FormState, prefix: string, keys: string[]): Record<string, string> {
    const out: Record<string, string> = {};
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
    const { host, view } = this;
    view.mine = [x, ...view.mine];
    this.proposal = fresh({ 'p-authorName': this.proposal.values['p-authorName'] ?? '' });
    this.proposing = false;
    this.proposed = x;
    const t = this.#t;
    const id = host.poll ?? '';
    host.say(x.status === 'published' ? t.thanksPublished : t.thanksPending);
    host.dispatchEvent(new CivicProposedEvent(id, x.id, x.status === 'published' ? 'published' : 'pending'));
    this.#update();
    if (now) this.#focus('proposed');
  }

  /** Brings the reader's proposal into view and focus (all themes, if the filter hides it). */
  async #see(x: Proposal) {
    const view = this.view;
    if (view.theme && view.theme !== x.themeId) {
      view.theme = '';
      await view.load();
    }
    this.#focus(`proposal-${x.id}`);
  }

  /** An argument was taken: the notice shows beside its form (focused when `now`, from the form). */
  #argued(x: Argument, now?: boolean) {
    const t = this.#t;
    const args = this.view.args;
    const list = args.get(x.proposalId);
    if (x.status === 'published' && list && typeof list === 'object' && 'items' in list) args.set(x.proposalId, { items: [...list.items, x] });
    const prefix = `a-${x.proposalId}-`;
    const f = this.argForms.get(x.proposalId);
    const done = x.status === 'published' ? t.argumentPublished : t.argumentPending;
    this.argForms.set(x.proposalId, { ...fresh({ [`${prefix}authorName`]: f?.values[`${prefix}authorName`] ?? '' }), done });
    this.host.say(done);
    this.#update();
    if (now) this.#focus(`done-${x.proposalId}`);
  }

  #emailSent() {
    this.emailSent = true;
    this.email = fresh();
    this.host.say(this.#t.linkSent);
  }

  /**
   * Opens the proposal form (focus on its first field) or closes it (focus back on the button that
   * opens it; its errors go, what was typed stays).
   */
  #open(open: boolean, focus: string) {
    this.proposing = open;
    this.proposed = undefined;
    this.proposal = { ...this.proposal, errors: {}, alert: '' };
    this.#update();
    this.#focus(focus);
  }

  /** The proposal form, or the button that opens it (with the notice of the last proposal). */
  renderProposalForm(p: Poll): TemplateResult {
    const t = this.#t;
    const x = this.proposed;
    if (!this.proposing)
      return html`${x
          ? html`<p part="notice" id="proposed" tabindex="-1">${x.status === 'published' ? t.thanksPublished : t.thanksPending}</p>`
          : nothing}
        <p class="row">
          ${x ? html`<button @click=${() => this.#see(x)}>${t.seeProposal}</button>` : nothing}
          <button part="submit" id="open" aria-expanded="false" @click=${() => this.#open(true, p.themes.length ? 'f-p-themeId' : 'f-p-title')}>${t.propose}</button>
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
      if (hp) payload['hp'] = String(hp);
      return this.#submit(e, {
        prefix: 'p-',
        state: () => this.proposal,
        set,
        fields,
        schema: ProposalInput,
        payload: payload as ProposalInput,
        sender: this.#sends.proposals,
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
              ${p.themes.map((th) => html`<option value=${th.id} ?selected=${s.values['p-themeId'] === th.id} lang=${p.locale}>${th.title}</option>`)}
            </select>
          </div>`
        : nothing}
      ${fields.map((f) => renderField(form, f))} ${renderHoneypot(form)}
      ${p.moderateProposals ? html`<p class="hint">${t.moderated}</p>` : nothing}
      <p class="row">
        <button part="submit" ?disabled=${s.phase !== 'form'}>${s.phase === 'sending' ? t.voting : t.submit}</button>
        <button type="button" @click=${() => this.#open(false, 'open')}>${t.cancel}</button>
      </p>
    </form>`;
  }

  /** The form to argue for or against a proposal, under its arguments. */
  renderArgumentForm(x: Proposal): TemplateResult {
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
      const input = { side, ...this.#payload(s, prefix, ['body', 'authorName']), ...(s.values['hp'] ? { hp: String(s.values['hp']) } : {}) };
      return this.#submit(e, {
        prefix,
        state: () => this.argForms.get(x.id) ?? s,
        set,
        fields,
        schema: ArgumentInput,
        payload: { ...input, proposalId: x.id } as ArgumentInput & { proposalId: string },
        sender: this.#sends.arguments,
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
    const submit = (e: Event) =>
      this.#submit(e, {
        prefix: 'e-',
        state: () => this.email,
        set,
        fields,
        schema: EmailInput,
        payload: this.#payload(s, 'e-', ['email']) as { email: string },
        sender: this.#sends.email,
        done: () => this.#emailSent(),
      });
    return html`<form part="form" novalidate aria-labelledby="confirm" @submit=${submit}>
      ${this.host.sub(t.confirmTitle, 'confirm')}
      <p>${t.confirmIntro}</p>
      ${s.alert ? html`<div role="alert" tabindex="-1">${s.alert}</div>` : nothing}
      ${fields.map((f) => renderField(form, f))}
      <p><button part="submit" ?disabled=${s.phase !== 'form'}>${t.sendLink}</button></p>
    </form>`;
  }
}

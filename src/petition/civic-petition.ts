import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { newKey, type CivicBackend, type PetitionBackend } from '../api/backend.js';
import { toIssues } from '../api/errors.js';
import type { Outcome, OutboxEntry } from '../api/outbox.js';
import { isOpen, SIGNATURE_LIMITS, SignatureInput, type Petition, type PetitionEvent, type SignResult } from '../api/petition.js';
import { RestClient } from '../api/rest.js';
import { restPetitions } from '../api/rest-petitions.js';
import { CivicElement } from '../core/civic-element.js';
import { fieldErrors, focusFirstError, renderField, renderHoneypot, type Errors, type FieldSpec, type Form, type Values } from '../core/form.js';
import { live } from '../core/live.js';
import { Loader } from '../core/loader.js';
import { Localize } from '../core/localize.js';
import { sender } from '../core/sender.js';
import { base } from '../core/styles.js';
import { displayGoal } from './goal.js';
import { styles } from './civic-petition.styles.js';

type Input = SignatureInput;
type Phase = 'form' | 'sending' | 'queued' | 'done';

/**
 * A petition: its goal and live count, its signature form, and who signed lately.
 *
 * @tagname civic-petition
 * @summary Petition signature with a goal thermometer, live count and double opt-in.
 * @slot - Shown until the widget loads, when loading fails, and where scripts do not run (e.g. a link to the petition's page).
 * @csspart base - The whole petition.
 * @csspart heading - The petition's title.
 * @csspart summary - The petition's text.
 * @csspart count - The count and goal line.
 * @csspart bar - The thermometer (a native progress element).
 * @csspart deadline - The closing date line.
 * @csspart form - The signature form.
 * @csspart field-error - A message beside a field.
 * @csspart submit - The sign button.
 * @csspart notice - Confirmation, offline and closed messages.
 * @csspart share - The share links.
 * @csspart signers - The recent signers.
 * @csspart error - A load error.
 * @cssproperty --civic-petition-bar-color - Fill of the thermometer (default: --civic-color-accent, else the text colour).
 * @cssproperty --civic-petition-bar-height - Height of the thermometer (default 0.75em).
 * @event civic-signed - A signature was accepted: `status` is `confirmed`, or `pending` its email confirmation.
 */
export class CivicPetition extends CivicElement {
  static override styles = [base, styles];
  static override properties: PropertyDeclarations = {
    petition: {},
    values: { state: true },
    errors: { state: true },
    phase: { state: true },
    live: { state: true },
    share: { state: true },
  };

  /** The petition's id. */
  declare petition: string | undefined;
  declare private values: Values;
  declare private errors: Errors;
  declare private phase: Phase;
  /** The last signature's answer: set with the phase `done`, which renders it. */
  declare private result: SignResult | undefined;
  declare private live: Partial<PetitionEvent> | undefined;
  /** The share module, loaded once a signature is accepted. */
  declare private share: typeof import('./share.js') | undefined;

  /** @internal */
  readonly l = new Localize(this, 'petition');
  #key = newKey();

  /**
   * The backend part and petition in effect: a new one (provider, property) loads the petition
   * again, and the live count and the outbox follow it.
   */
  #target = () => [this.active, this.resolvedBackend?.petitions, this.petition ?? ''] as const;
  readonly #task = new Loader(this, ([, id], signal) => this.#api().get(id, { signal }), this.#target);
  readonly #live = live(this, this.#target, (event: PetitionEvent) => (this.live = event));
  /** Signatures: sent now, or kept offline and sent when the network returns. */
  readonly #signatures = sender(
    this,
    this.#target,
    'petition.sign',
    (entry: OutboxEntry<Input>) => this.#api().sign(entry.target, entry.payload, { idempotencyKey: entry.key }),
    // Sent from the outbox, perhaps as the page opens: what it says waits for the strings.
    (_, outcome: Outcome<SignResult>) => void this.l.loaded.then(() => this.#answered(outcome, false)),
    ([kept]) => {
      if (this.phase !== 'form') return;
      this.values = kept!.payload;
      this.phase = 'queued';
    },
  );

  constructor() {
    super();
    this.values = {};
    this.errors = {};
    this.phase = 'form';
  }

  protected override createBackend(api: string): CivicBackend {
    return { petitions: restPetitions(new RestClient({ baseUrl: api })) };
  }

  #api(): PetitionBackend {
    return this.backendPart('petitions');
  }

  get #fields(): FieldSpec[] {
    const t = this.l.t;
    // [name, type, autocomplete, required]: labels come from the strings, maxima from the schema.
    return (
      [
        ['name', 'text', 'name', 1],
        ['email', 'email', 'email', 1],
        ['postalCode', 'text', 'postal-code'],
        ['city', 'text', 'address-level2'],
        ['comment', 'textarea'],
        ['showName', 'checkbox'],
        ['acceptUpdates', 'checkbox'],
      ] as const
    ).map(([name, type, autocomplete, required]) => ({
      name,
      type,
      autocomplete,
      required: !!required,
      label: t[name],
      hint: name === 'email' ? t.emailHint : undefined,
      max: (SIGNATURE_LIMITS as Record<string, number>)[name],
    }));
  }

  #set = (name: string, value: string | boolean) => {
    this.values = { ...this.values, [name]: value };
    if (this.errors[name]) this.errors = { ...this.errors, [name]: '' };
  };

  #form(): Form {
    return { values: this.values, errors: this.errors, l: this.l, set: this.#set, disabled: this.phase === 'sending' };
  }

  async #showErrors(errors: Errors) {
    this.errors = errors;
    this.say(errors['body'] ?? this.l.t.fix(Object.keys(errors).length));
    await this.updateComplete;
    if (!focusFirstError(this.renderRoot, this.#fields, errors)) this.renderRoot.querySelector<HTMLElement>('[role=alert]')?.focus();
  }

  async #submit(e: SubmitEvent) {
    e.preventDefault();
    const v = this.values;
    const input: Input = { name: '', email: '', showName: !!v['showName'], acceptUpdates: !!v['acceptUpdates'] };
    for (const k of ['name', 'email', 'postalCode', 'city', 'comment', 'hp'] as const) {
      const text = String(v[k] ?? '').trim();
      if (text) input[k] = text;
    }
    const parsed = SignatureInput.safeParse(input);
    if (!parsed.success) return this.#showErrors(fieldErrors(toIssues(parsed.error.issues), this.#fields, this.#form()));
    this.errors = {};
    this.phase = 'sending';
    const outcome = await this.#signatures.send(input, this.#key);
    if (outcome) return this.#answered(outcome, true);
    this.phase = 'queued';
    this.say(this.l.t.queued);
  }

  /** A signature was answered, now (`focus`: move focus to what replaced the form) or from the outbox. */
  #answered(outcome: Outcome<SignResult>, focus: boolean) {
    const t = this.l.t;
    this.phase = 'form';
    if ('error' in outcome) {
      const e = outcome.error;
      if (e.kind === 'closed') void this.#task.run();
      return this.#showErrors(e.kind === 'validation' && e.issues.length ? fieldErrors(e.issues, this.#fields, this.#form()) : { body: this.errorText(e) });
    }
    const r = outcome.result;
    const p = this.#task.value;
    if (r.status === 'already-signed') return this.#showErrors({ body: p?.doubleOptIn ? t.signedAgain : t.alreadySigned });
    this.result = r;
    this.phase = 'done';
    this.#key = newKey();
    // The count shown includes this signature, before any live event says so.
    this.live = { ...this.live, signatureCount: Math.max(r.signatureCount, this.live?.signatureCount ?? 0) };
    // The share module brings the event's class too: the event follows it.
    void import('./share.js').then((m) => {
      const root = this.renderRoot as ShadowRoot;
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, m.styles.styleSheet!];
      this.share = m;
      this.dispatchEvent(new m.CivicSignedEvent(this.petition ?? '', r.status as 'pending', r.signatureCount));
    });
    // Focus carries the confirmation to screen readers; a send from the outbox is announced instead.
    // The live region's last words (a field to fix) are replaced either way.
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#done')?.focus());
    this.say(focus ? '' : `${t.sent} ${t.thanks} ${r.status === 'pending' ? t.checkEmail : t.counted}`);
  }

  protected override renderWidget(): TemplateResult {
    const task = this.#task;
    return task.value
      ? this.#renderPetition({ ...task.value, ...this.live })
      : task.error
        ? this.renderLoadError(task.error, () => task.run())
        : task.status // pending (INITIAL, 0, is idle)
          ? this.renderLoading()
          : this.renderFallback();
  }

  #renderPetition(p: Petition): TemplateResult {
    const t = this.l.t;
    const n = (x: number) => this.l.n(x);
    const count = p.signatureCount;
    const goal = displayGoal(count, p.goal);
    const open = isOpen(p);
    return html`<section part="base" aria-labelledby="title">
      <h2 part="heading" id="title" lang=${p.locale}>${p.title}</h2>
      <div part="summary" lang=${p.locale}>${p.summary.split(/\n\n+/).map((para) => html`<p>${para}</p>`)}</div>
      <p part="count"><span><strong>${n(count)}</strong> ${t.signatures(count)}</span> <span>${t.goal(n(goal))}</span></p>
      <progress part="bar" max=${goal} .value=${count} aria-label=${t.goal(n(goal))}></progress>
      ${goal > p.goal ? html`<p>${t.goalReached(n(p.goal), n(goal))}</p>` : nothing}
      ${p.closesAt ? html`<p part="deadline">${(open ? t.closesOn : t.closedOn)(this.l.d(p.closesAt))}</p>` : nothing}
      ${this.phase === 'done' ? this.#renderDone(p) : open ? this.#renderForm() : html`<p part="notice">${t.closed}</p>`}
      ${p.recentSigners.length
        ? html`<div part="signers">
            <h3>${t.recent}</h3>
            <ul>
              ${p.recentSigners.slice(0, 5).map((s) => html`<li>${s.name}${s.city ? `, ${s.city}` : ''} · ${this.l.d(s.signedAt, { dateStyle: 'medium' })}</li>`)}
            </ul>
          </div>`
        : nothing}
    </section>`;
  }

  #renderForm(): TemplateResult {
    const t = this.l.t;
    const form = this.#form();
    const [name, email, postalCode, city, ...rest] = this.#fields.map((f) => renderField(form, f));
    const queued = this.phase === 'queued';
    return html`<form part="form" novalidate aria-labelledby="sign" @submit=${this.#submit}>
      <h3 id="sign">${t.sign}</h3>
      ${queued ? html`<p part="notice">${t.queued}</p>` : nothing}
      ${this.errors['body'] ? html`<div role="alert" tabindex="-1">${this.errors['body']}</div>` : nothing}
      <div class="fields">${name}${email}</div>
      <div class="fields">${postalCode}${city}</div>
      ${rest} ${renderHoneypot(form)}
      <p class="hint">${t.privacy}</p>
      <button part="submit" ?disabled=${this.phase !== 'form'}>${this.phase === 'sending' ? t.sending : t.submit}</button>
    </form>`;
  }

  #renderDone(p: Petition): TemplateResult {
    const t = this.l.t;
    return html`<p part="notice" id="done" tabindex="-1"><strong>${t.thanks}</strong> ${this.result?.status === 'pending' ? t.checkEmail : t.counted}</p>
      ${this.share?.renderShare(this, p) ?? nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-petition': CivicPetition;
  }
}

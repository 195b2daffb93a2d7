/**
 * A petition's form, to create one (`#/petitions/new`) or edit one (`#/petitions/<id>`): checked
 * with the contract's schema before it is sent, the server's field errors shown beside their
 * fields; close and reopen. After creating, the console goes to its Publish screen.
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { PetitionCreate, PetitionUpdate } from '../../api/admin.js';
import type { ApiIssue } from '../../api/common.js';
import { CivicError, toIssues } from '../../api/errors.js';
import type { Petition } from '../../api/petition.js';
import { call } from '../../api/rest-call.js';
import { closePetition, createPetition, reopenPetition, updatePetition } from '../../api/routes/admin.js';
import { getPetition } from '../../api/routes/petitions.js';
import { fieldErrors, focusFirstError, renderField, type Errors, type FieldSpec, type Values } from '../../core/form.js';
import type { ConsoleHost } from '../host.js';
import { ItemLoader, valuesForm } from '../item.js';

/** What the form needs of its screen. */
interface FormHost {
  host: ConsoleHost;
  renderRoot: ParentNode;
  addController(c: ReactiveController): void;
  requestUpdate(): void;
}

const empty = (): Values => ({ id: '', title: '', summary: '', goal: '100', closesAt: '', doubleOptIn: true, locale: 'fr' });

/** A date input's day (local), from an instant. */
const day = (iso: string | null) => {
  if (!iso) return '';
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

const valuesOf = (p: Petition): Values => ({
  id: p.id, title: p.title, summary: p.summary, goal: String(p.goal), closesAt: day(p.closesAt), doubleOptIn: p.doubleOptIn, locale: p.locale,
});

export class PetitionForm implements ReactiveController {
  values: Values = empty();
  errors: Errors = {};
  busy = false;
  /** The petition being edited (undefined: a new one). */
  petition: Petition | undefined;
  readonly #item = new ItemLoader(
    this,
    valuesForm(this, (client, id) => call(client, getPetition, { id }), empty, valuesOf, (p) => (this.petition = p)),
  );

  constructor(readonly screen: FormHost) {
    screen.addController(this);
  }

  hostConnected(): void {}

  /** Shows the form for `id` (`new`: an empty one), loading the petition when it changes. */
  open(id: string | undefined): void {
    this.#item.open(id);
  }

  get isNew(): boolean {
    return this.#item.id === 'new';
  }

  specs(): FieldSpec[] {
    const t = this.screen.host.l.t;
    return [
      ...(this.isNew ? [{ name: 'id', label: t.id, hint: t.idHint, required: true, max: 100 }] : []),
      { name: 'title', label: t.petitionTitle, required: true, max: 200 },
      { name: 'summary', label: t.summary, type: 'textarea', required: true, max: 5000 },
      { name: 'goal', label: t.goal, type: 'number', required: true },
      { name: 'closesAt', label: t.closesAt, type: 'date' },
      { name: 'doubleOptIn', label: t.doubleOptIn, type: 'checkbox' },
    ];
  }

  set = (name: string, value: string | boolean): void => {
    this.values = { ...this.values, [name]: value };
    this.screen.requestUpdate();
  };

  /** The body the contract takes, from the form's values. */
  #body() {
    const v = this.values;
    const closes = String(v['closesAt'] ?? '');
    return {
      ...(this.isNew ? { id: String(v['id']).trim() } : {}),
      title: String(v['title']).trim(),
      summary: String(v['summary']).trim(),
      goal: Number(v['goal']),
      closesAt: closes ? new Date(`${closes}T23:59:59`).toISOString() : null,
      doubleOptIn: v['doubleOptIn'] === true,
      locale: v['locale'] as 'fr' | 'en',
    };
  }

  async submit(e: Event): Promise<void> {
    e.preventDefault();
    const { host } = this.screen;
    const body = this.#body();
    const checked = (this.isNew ? PetitionCreate : PetitionUpdate).safeParse(body);
    const specs = this.specs();
    this.errors = checked.success ? {} : this.#errors(toIssues(checked.error.issues), specs);
    if (!checked.success) return this.#showErrors(specs);
    this.busy = true;
    this.screen.requestUpdate();
    try {
      if (this.isNew) {
        const p = await call(host.client, createPetition, {}, { body: body as PetitionCreate });
        host.say(host.l.t.created(p.title));
        host.go('publish', p.id);
      } else {
        this.petition = await call(host.client, updatePetition, { id: this.#item.id! }, { body });
        host.say(host.l.t.saved(this.petition.title));
      }
    } catch (err) {
      this.errors = err instanceof CivicError && err.kind === 'validation' ? this.#errors(err.issues, specs) : { body: host.failure(err) };
      this.#showErrors(specs);
    } finally {
      this.busy = false;
      this.screen.requestUpdate();
    }
  }

  /** Field errors as the widgets word them; a required field left empty says `Required` (the widgets' words are for readers' fields). */
  #errors(issues: readonly ApiIssue[], specs: FieldSpec[]): Errors {
    const { l } = this.screen.host;
    const errors = fieldErrors(issues, specs, { l, values: this.values });
    for (const s of specs) if (s.name in errors && !this.values[s.name]) errors[s.name] = l.t.required;
    return errors;
  }

  #showErrors(specs: FieldSpec[]): void {
    this.screen.requestUpdate();
    void (this.screen as unknown as { updateComplete: Promise<unknown> }).updateComplete.then(() => focusFirstError(this.screen.renderRoot, specs, this.errors));
  }

  /** Closes or reopens the petition being edited. */
  async toggle(): Promise<void> {
    const { host } = this.screen;
    const open = this.petition?.status === 'open';
    try {
      this.petition = await call(host.client, open ? closePetition : reopenPetition, { id: this.#item.id! });
      host.say(open ? host.l.t.closedSaid : host.l.t.reopenedSaid);
    } catch (err) {
      this.errors = { body: host.failure(err) };
    }
    this.screen.requestUpdate();
  }
}

export function renderPetitionForm(f: PetitionForm): TemplateResult {
  const { host } = f.screen;
  const t = host.l.t;
  const form = { values: f.values, errors: f.errors, l: host.l, set: f.set, disabled: f.busy };
  const title = f.isNew ? t.createTitle : t.editTitle(f.petition?.title ?? '…');
  return html`<h1 tabindex="-1">${title}</h1>
    <p><a href="#/petitions">${t.cancel}</a></p>
    <form @submit=${(e: Event) => f.submit(e)} novalidate>
      ${f.specs().map((s) => renderField(form, s))}
      <div class="field">
        <label for="f-locale">${t.locale}</label>
        <select id="f-locale" name="locale" .value=${String(f.values['locale'])} ?disabled=${f.busy} @change=${(e: Event) => f.set('locale', (e.target as HTMLSelectElement).value)}>
          <option value="fr">${t.french}</option>
          <option value="en">${t.english}</option>
        </select>
      </div>
      ${f.errors['body'] ? html`<p role="alert">${f.errors['body']}</p>` : nothing}
      <div class="actions">
        <button class="primary" ?disabled=${f.busy}>${t.save}</button>
        ${f.petition
          ? html`<button type="button" @click=${() => f.toggle()}>${f.petition.status === 'open' ? t.closePetition : t.reopenPetition}</button>
              <a class="button" href="#/publish/${encodeURIComponent(f.petition.id)}">${t.publish}</a>
              <a class="button" href="#/signers/${encodeURIComponent(f.petition.id)}">${t.dashboard.signers}</a>`
          : nothing}
      </div>
    </form>`;
}

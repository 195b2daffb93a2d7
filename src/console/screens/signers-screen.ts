/**
 * A petition's signers (`#/signers/<id>`): a search by name or email, the confirmation state, pages
 * (the server's cursor; the way back is the cursors already seen), erasing a signature on request
 * (asked again in place before it goes), the CSV export (a plain link: the session cookie goes with
 * it), and the petition's count live from its event stream.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Signer } from '../../api/lists.js';
import { call, href, listen } from '../../api/rest-call.js';
import { deleteSigner, exportSignatures, listSigners } from '../../api/routes/admin.js';
import { getPetition, petitionEvents } from '../../api/routes/petitions.js';
import { Loader } from '../../core/loader.js';
import { FIRST, renderPaged, type Cursors } from '../pages.js';
import { ConsoleScreen } from '../screen.js';

const PAGE = 20;
type State = '' | 'pending' | 'confirmed';

export class Screen extends ConsoleScreen {
  static override properties = ConsoleScreen.withState('q', 'state', 'cursors', 'asking', 'failed', 'count');
  /** The search and the state shown (as submitted). */
  declare q: string;
  declare state: State;
  /** The cursor of each page seen, the current one last (the first page's is undefined). */
  declare cursors: Cursors;
  /** The signature whose erasure is being confirmed. */
  declare asking: string | undefined;
  declare failed: string;
  /** The confirmed count, live. */
  declare count: number | undefined;
  #stop: (() => void) | undefined;
  #following = '';

  constructor() {
    super();
    this.q = '';
    this.state = '';
    this.cursors = FIRST;
    this.failed = '';
  }

  get petitionId(): string {
    return this.args?.[0] ?? '';
  }

  readonly petition = new Loader(
    this,
    ([client, id], signal) => call(client, getPetition, { id }, { signal }),
    () => [!!this.host && !!this.petitionId, this.host?.client, this.petitionId] as const,
  );

  readonly page = new Loader(
    this,
    ([client, id, q, status, cursor], signal) =>
      call(client, listSigners, { id, q: q || undefined, status: status || undefined, cursor, limit: PAGE }, { signal }),
    () => [!!this.host && !!this.petitionId, this.host?.client, this.petitionId, this.q, this.state, this.cursors.at(-1), this.version] as const,
  );

  override willUpdate(): void {
    if (this.petitionId !== this.#following) {
      // Another petition: its first page, its own stream.
      this.#following = this.petitionId;
      this.#unfollow();
      this.cursors = FIRST;
      this.q = '';
      this.state = '';
      this.count = undefined;
    }
    if (!this.#stop && this.petitionId && this.host && this.isConnected) this.#stop = listen(this.host.client, petitionEvents, { id: this.petitionId }, (e) => (this.count = e.signatureCount));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unfollow();
  }

  #unfollow(): void {
    this.#stop?.();
    this.#stop = undefined;
  }

  #search(e: Event): void {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    this.q = (form.elements.namedItem('q') as HTMLInputElement).value.trim();
    this.state = (form.elements.namedItem('state') as HTMLSelectElement).value as State;
    this.cursors = FIRST;
  }

  async #erase(s: Signer): Promise<void> {
    const g = this.t.signers;
    try {
      const done = await call(this.host.client, deleteSigner, { id: this.petitionId, signatureId: s.id });
      this.count = done.signatureCount;
      this.asking = undefined;
      this.failed = '';
      this.host.say(g.erased(s.name));
      this.version++;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#results')?.focus();
    } catch (e) {
      this.failed = this.host.failure(e);
    }
  }

  /** Asks to confirm erasing `s` (the focus on the confirmation), or stops asking (the focus back on its button). */
  #ask(s: Signer | undefined): void {
    const back = this.asking;
    this.asking = s?.id;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(s ? '#confirm-erase' : `[data-erase="${back}"]`)?.focus());
  }

  #row(s: Signer): TemplateResult {
    const t = this.t;
    const g = t.signers;
    const d = (iso: string) => this.host.l.d(iso, { dateStyle: 'medium', timeStyle: 'short' });
    return html`<tr>
      <th scope="row">${s.name}</th>
      <td>${s.email}</td>
      <td>${s.status === 'confirmed' ? g.confirmed : g.unconfirmed}</td>
      <td>${d(s.signedAt)}</td>
      <td>
        ${this.asking === s.id
          ? html`<div class="actions" role="group" aria-label=${g.confirmErase(s.name)}>
              <span>${g.confirmErase(s.name)}</span>
              <button id="confirm-erase" class="primary" @click=${() => this.#erase(s)}>${g.erase}</button>
              <button @click=${() => this.#ask(undefined)}>${g.keep}</button>
            </div>`
          : html`<button data-erase=${s.id} aria-label=${g.eraseOf(s.name)} @click=${() => this.#ask(s)}>${g.erase}</button>`}
      </td>
    </tr>`;
  }

  override render(): TemplateResult {
    const t = this.t;
    const g = t.signers;
    const n = (x: number) => this.host.l.n(x);
    const p = this.petition.value;
    const count = this.count ?? p?.signatureCount;
    return html`<h1 tabindex="-1">${g.title(p?.title ?? this.petitionId)}</h1>
      <p><a href="#/petitions">${t.cancel}</a></p>
      ${p && count !== undefined ? html`<p>${g.count(n(count), n(p.goal))} <span class="hint">(${t.dashboard.live})</span></p>` : nothing}
      <p><a class="button" href=${href(this.host.client, exportSignatures, { id: this.petitionId })} download>${g.csv}</a></p>
      <form role="search" class="actions" @submit=${this.#search}>
        <div class="field">
          <label for="q">${g.search}</label>
          <input id="q" name="q" type="search" .value=${this.q} maxlength="200" />
        </div>
        <div class="field">
          <label for="state">${g.state}</label>
          <select id="state" name="state" .value=${this.state}>
            <option value="">${g.all}</option>
            <option value="confirmed">${g.confirmed}</option>
            <option value="pending">${g.unconfirmed}</option>
          </select>
        </div>
        <button class="primary">${g.find}</button>
      </form>
      ${this.failed ? html`<p role="alert">${this.failed}</p>` : nothing}
      ${renderPaged(this, this.page, g, [t.name, t.email, t.status, g.signedAt, t.actions], (s) => this.#row(s))}`;
  }
}

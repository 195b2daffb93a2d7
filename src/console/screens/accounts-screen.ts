/**
 * Accounts (`#/accounts`): the signed-in account's sessions, each can be ended; for owners, every
 * account with its role (changed in place), adding one (with a mailed sign-in link), removing one.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Account, Role } from '../../api/accounts.js';
import { call } from '../../api/rest-call.js';
import {
  createAccount, deleteAccount, deletePasskey, listAccounts, listPasskeys, listSessions, revokeSession, updateAccount,
} from '../../api/routes/accounts.js';
import { renderField, type Errors, type Values } from '../../core/form.js';
import { Loader } from '../../core/loader.js';
import { ConsoleScreen } from '../screen.js';

const ROLES: Role[] = ['owner', 'editor', 'moderator'];

export class Screen extends ConsoleScreen {
  static override properties = ConsoleScreen.withState('values', 'errors');
  declare values: Values;
  declare errors: Errors;

  constructor() {
    super();
    this.values = { email: '', name: '', role: 'editor', invite: true };
    this.errors = {};
  }

  get owner(): boolean {
    return this.host?.me.role === 'owner';
  }

  readonly sessions = new Loader(
    this,
    ([client], signal) => call(client, listSessions, {}, { signal }),
    () => [!!this.host, this.host?.client, this.version] as const,
  );

  readonly passkeys = new Loader(
    this,
    ([client], signal) => call(client, listPasskeys, {}, { signal }),
    () => [!!this.host && this.host.me.via === 'session', this.host?.client, this.version] as const,
  );

  readonly accounts = new Loader(
    this,
    ([client], signal) => call(client, listAccounts, {}, { signal }),
    () => [!!this.host && this.owner, this.host?.client, this.version] as const,
  );

  /** Runs a change, announces it, and loads the lists again; a failure shows under the heading. */
  async #change(work: () => Promise<unknown>, said: string): Promise<boolean> {
    try {
      await work();
      this.host.say(said);
      this.errors = {};
      this.version++;
      return true;
    } catch (e) {
      // A passkey's ceremony cancelled or refused by the browser.
      this.errors = { body: e instanceof Error && e.name === 'NotAllowedError' ? this.t.passkeyFailed : this.host.failure(e) };
      return false;
    }
  }

  async #add(e: Event): Promise<void> {
    e.preventDefault();
    const v = this.values;
    const email = String(v['email']).trim();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      this.errors = { email: email ? this.t.invalidEmail : this.t.required };
      return;
    }
    const locale = this.host.l.locale.startsWith('fr') ? 'fr' : 'en';
    const body = { email, name: String(v['name']).trim(), role: v['role'] as Role, invite: v['invite'] === true, locale } as const;
    if (await this.#change(() => call(this.host.client, createAccount, {}, { body }), this.t.accountAdded(email))) this.values = { ...this.values, email: '', name: '' };
  }

  #passkeys(): TemplateResult {
    const t = this.t;
    const { client } = this.host;
    const add = () =>
      this.#change(async () => (await import('../passkeys.js')).registerPasskey(client), t.passkeys.added);
    return html`<h2>${t.passkeys.title}</h2>
      ${this.passkeys.render({
        complete: ({ items }) =>
          items.length
            ? html`<ul>
                ${items.map((k) => html`<li>${k.name} <button aria-label=${t.removePasskey(k.name)} @click=${() => this.#change(() => call(client, deletePasskey, { id: k.id }), t.passkeys.removed)}>${t.remove}</button></li>`)}
              </ul>`
            : html`<p>${t.passkeys.none}</p>`,
      })}
      ${window.PublicKeyCredential ? html`<p><button @click=${add}>${t.passkeys.add}</button></p>` : nothing}`;
  }

  #accountRow(a: Account): TemplateResult {
    const t = this.t;
    const { client } = this.host;
    return html`<tr>
      <th scope="row">${a.email}</th>
      <td>${a.name}</td>
      <td>
        <select aria-label=${t.roleOf(a.email)} .value=${a.role}
          @change=${(e: Event) => this.#change(() => call(client, updateAccount, { id: a.id }, { body: { role: (e.target as HTMLSelectElement).value as Role } }), t.accountChanged(a.email))}>
          ${ROLES.map((r) => html`<option value=${r} ?selected=${a.role === r}>${t.roles[r]}</option>`)}
        </select>
      </td>
      <td>${a.lastSignInAt ? this.host.l.d(a.lastSignInAt, { dateStyle: 'medium', timeStyle: 'short' }) : t.never}</td>
      <td><button aria-label=${t.removeAccount(a.email)} @click=${() => this.#change(() => call(client, deleteAccount, { id: a.id }), t.accountRemoved(a.email))}>${t.remove}</button></td>
    </tr>`;
  }

  #accounts(): TemplateResult {
    const t = this.t;
    const form = { values: this.values, errors: this.errors, l: this.host.l, set: (n: string, v: string | boolean) => (this.values = { ...this.values, [n]: v }) };
    return html`<h2>${t.accountsTitle}</h2>
      ${this.accounts.render({
        pending: () => html`<p role="status">${t.loading}</p>`,
        error: (e) => html`<p role="alert">${this.host.failure(e)}</p>`,
        complete: ({ items }) => html`<div class="table">
          <table>
            <thead>
              <tr><th scope="col">${t.email}</th><th scope="col">${t.name}</th><th scope="col">${t.role}</th><th scope="col">${t.lastSignIn}</th><th scope="col">${t.actions}</th></tr>
            </thead>
            <tbody>${items.map((a) => this.#accountRow(a))}</tbody>
          </table>
        </div>`,
      })}
      <h2>${t.addAccount}</h2>
      <form @submit=${this.#add} novalidate>
        ${renderField(form, { name: 'email', label: t.email, type: 'email', required: true, autocomplete: 'off' })}
        ${renderField(form, { name: 'name', label: t.name, max: 100 })}
        <div class="field">
          <label for="f-role">${t.role}</label>
          <select id="f-role" .value=${String(this.values['role'])} @change=${(e: Event) => form.set('role', (e.target as HTMLSelectElement).value)}>
            ${ROLES.map((r) => html`<option value=${r}>${t.roles[r]}</option>`)}
          </select>
        </div>
        ${renderField(form, { name: 'invite', label: t.invite, type: 'checkbox' })}
        <button class="primary">${t.add}</button>
      </form>`;
  }

  override render(): TemplateResult {
    const t = this.t;
    const { client, l } = this.host;
    return html`<h1 tabindex="-1">${t.accounts}</h1>
      ${this.errors['body'] ? html`<p role="alert">${this.errors['body']}</p>` : nothing}
      ${this.owner ? this.#accounts() : nothing}
      ${this.host.me.via === 'session' ? this.#passkeys() : nothing}
      <h2>${t.sessionsTitle}</h2>
      ${this.sessions.render({
        pending: () => html`<p role="status">${t.loading}</p>`,
        error: (e) => html`<p role="alert">${this.host.failure(e)}</p>`,
        complete: ({ items }) => html`<ul>
          ${items.map(
            (s) => html`<li>
              ${s.userAgent.slice(0, 60) || s.method} · ${t.lastSeen(l.d(s.lastSeenAt, { dateStyle: 'medium', timeStyle: 'short' }))}
              ${s.current ? html`(${t.thisSession})` : html`<button @click=${() => this.#change(() => call(client, revokeSession, { id: s.id }), t.revoked)}>${t.revoke}</button>`}
            </li>`,
          )}
        </ul>`,
      })}`;
  }
}

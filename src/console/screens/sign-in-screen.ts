/** Signing in: an email address, then a link by mail (the same answer whether or not it has an account). */
import { html, nothing, type TemplateResult } from 'lit';
import { call } from '../../api/rest-call.js';
import { requestSignIn } from '../../api/routes/accounts.js';
import { renderField, type Errors, type Values } from '../../core/form.js';
import { ConsoleScreen } from '../screen.js';

export class Screen extends ConsoleScreen {
  static override properties = ConsoleScreen.withState('values', 'errors', 'sent', 'busy');
  declare values: Values;
  declare errors: Errors;
  declare sent: string;
  declare busy: boolean;

  constructor() {
    super();
    this.values = { email: '' };
    this.errors = {};
    this.sent = '';
    this.busy = false;
  }

  async #submit(e: Event): Promise<void> {
    e.preventDefault();
    const email = String(this.values['email']).trim();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      this.errors = { email: email ? this.t.invalidEmail : this.t.required };
      this.renderRoot.querySelector<HTMLElement>('[name=email]')?.focus();
      return;
    }
    this.busy = true;
    try {
      await call(this.host.client, requestSignIn, {}, { body: { email, locale: this.host.l.locale.startsWith('fr') ? 'fr' : 'en' } });
      this.errors = {};
      this.sent = this.t.linkSent(email);
    } catch (err) {
      this.errors = { body: this.host.failure(err) };
    } finally {
      this.busy = false;
    }
  }

  /** Signs in with a passkey the browser holds for this site. */
  async #passkey(): Promise<void> {
    this.busy = true;
    try {
      await (await import('../passkeys.js')).passkeySignIn(this.host.client);
      this.host.refresh();
    } catch (err) {
      this.errors = { body: err instanceof Error && err.name === 'NotAllowedError' ? this.t.passkeyFailed : this.host.failure(err) };
    } finally {
      this.busy = false;
    }
  }

  override render(): TemplateResult {
    const t = this.t;
    const form = { values: this.values, errors: this.errors, l: this.host.l, set: (n: string, v: string | boolean) => (this.values = { ...this.values, [n]: v }), disabled: this.busy };
    return html`<h1 tabindex="-1">${t.signInTitle}</h1>
      <p>${t.signInIntro}</p>
      <form @submit=${this.#submit} novalidate>
        ${renderField(form, { name: 'email', label: t.email, type: 'email', autocomplete: 'username', required: true })}
        <button class="primary" ?disabled=${this.busy}>${t.sendLink}</button>
      </form>
      ${window.PublicKeyCredential
        ? html`<p><button type="button" ?disabled=${this.busy} @click=${this.#passkey}>${t.passkeys.signIn}</button></p>`
        : nothing}
      <div role="status">${this.sent ? html`<p>${this.sent}</p>` : nothing}</div>
      ${this.errors['body'] ? html`<p role="alert">${this.errors['body']}</p>` : nothing}`;
  }
}

import { LitElement, html, type PropertyValues } from 'lit';
import { ContextProvider } from '@lit/context';
import type { CivicBackend } from '../api/backend.js';
import { RestBackend } from '../api/rest-backend.js';
import { backendContext } from '../core/context.js';

/**
 * Gives one backend to every civic widget inside it, and (through its `lang`) their language.
 *
 * ```html
 * <civic-provider api="https://example.org/api" lang="fr">
 *   <civic-petition petition="plan-numerique"></civic-petition>
 *   <civic-comments thread="billet-42"></civic-comments>
 * </civic-provider>
 * ```
 *
 * @tagname civic-provider
 * @summary Provides a backend (REST from `api`, or any CivicBackend through `backend`) to the widgets inside it.
 * @slot - The widgets and any other content.
 */
export class CivicProvider extends LitElement {
  static override properties = {
    api: { type: String },
    backend: { attribute: false },
  };

  /** Base URL of the REST API, e.g. `https://example.org/api`. */
  declare api: string | undefined;
  /** A backend object; takes precedence over `api`. */
  declare backend: CivicBackend | undefined;

  readonly #provider = new ContextProvider(this, { context: backendContext });
  #rest: RestBackend | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('api') || changed.has('backend')) {
      if (this.api && this.#rest?.client.baseUrl !== this.api.replace(/\/+$/, '')) this.#rest = new RestBackend(this.api);
      this.#provider.setValue(this.backend ?? (this.api ? this.#rest : undefined));
    }
  }

  override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-provider': CivicProvider;
  }
}

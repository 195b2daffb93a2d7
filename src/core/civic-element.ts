/**
 * What every widget shares: the backend (its `backend` property, else a <civic-provider>'s, else one
 * built from its own `api` attribute), lazy loading, the reader's language, load errors, and the
 * polite announcer: what the widget tells screen-reader users without moving their focus (a vote
 * counted, a comment kept offline, new comments), said with `say()` in a role=status region
 * rendered after the widget.
 */
import { LitElement, html, type PropertyDeclarations, type TemplateResult } from 'lit';
import { ContextEvent } from '@lit/context';
import type { CivicBackend } from '../api/backend.js';
import { CivicError } from '../api/errors.js';
import { backendContext } from './context.js';
import type { Localize } from './localize.js';
import type { CoreStrings } from './translations/en.js';

export abstract class CivicElement extends LitElement {
  static override properties: PropertyDeclarations = {
    api: {},
    backend: { attribute: false },
    loading: { reflect: true },
    active: { state: true },
    said: { state: true },
  };

  /** Base URL of a REST backend, used when neither `backend` nor a provider gives one. */
  declare api: string | undefined;
  /** A backend object (any CivicBackend: RestBackend, MemoryBackend, your own adapter). */
  declare backend: CivicBackend | undefined;
  /** `lazy` defers requests and rendering until the widget nears the viewport. */
  declare loading: 'eager' | 'lazy' | undefined;
  /** False while a lazy widget is far from the viewport: no request, the slotted fallback shows. */
  declare protected active: boolean;

  /** The widget's strings; they include the core ones. */
  protected abstract readonly l: Localize<CoreStrings>;
  /** @internal What the live region says. */
  declare said: string;
  #provided?: CivicBackend | undefined;
  #unsubscribe?: (() => void) | undefined;
  #fallback?: [string, CivicBackend];
  #observer?: IntersectionObserver;

  /** Builds, from a base URL, the backend this widget needs (only its own resource, to stay small). */
  protected abstract createBackend(api: string): CivicBackend;

  /** The backend in effect. */
  get resolvedBackend(): CivicBackend | undefined {
    const api = this.api;
    if (this.backend || this.#provided || !api) return this.backend ?? this.#provided;
    if (this.#fallback?.[0] !== api) this.#fallback = [api, this.createBackend(api)];
    return this.#fallback[1];
  }

  /** This widget's part of the backend, or an `unsupported` CivicError. */
  protected backendPart<K extends keyof CivicBackend>(key: K): NonNullable<CivicBackend[K]> {
    const part = this.resolvedBackend?.[key];
    if (!part) throw new CivicError('unsupported', key);
    return part;
  }

  /**
   * Asks the nearest <civic-provider> for its backend (the context protocol that @lit/context
   * speaks, written out here because its ContextConsumer costs each widget bundle 0.3 kB), and asks
   * again when a provider appears later (its script loaded after this widget's).
   */
  #request = (e?: Event) => {
    if (e && (e as { context?: unknown }).context !== backendContext) return;
    this.#unsubscribe?.();
    this.dispatchEvent(
      new ContextEvent(backendContext, this, (value: CivicBackend | undefined, unsubscribe?: () => void) => {
        this.#unsubscribe = unsubscribe;
        if (this.#provided !== value) (this.#provided = value), this.requestUpdate();
      }, true),
    );
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.#request();
    addEventListener('context-provider', this.#request);
    this.active = this.loading !== 'lazy' || !window.IntersectionObserver;
    if (this.active) return;
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        this.#observer?.disconnect();
        this.loading = 'eager';
        this.active = true;
      },
      { rootMargin: '400px' },
    );
    this.#observer.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer?.disconnect();
    this.#unsubscribe?.();
    removeEventListener('context-provider', this.#request);
  }

  /** The widget itself, once its strings are there. */
  protected abstract renderWidget(): TemplateResult;

  /** The widget, then its live region. */
  override render(): TemplateResult {
    return this.l.ready ? html`${this.renderWidget()}<div class="sr-only" role="status">${this.said}</div>` : this.renderFallback();
  }

  /** @internal Says `text` politely, in the live region (an empty text clears it). */
  say(text: string): void {
    this.said = text;
  }

  /** @internal The message for a failure (a CivicError's kind, else a server error), in the reader's language. */
  errorText(error: unknown): string {
    const errors = this.l.t.errors;
    // Anything but a CivicError has no kind, and reads as a server error.
    return errors[(error as CivicError)?.kind] ?? errors.server;
  }

  /** The content the page put inside the tag (a link to the petition's page…). */
  protected renderFallback(): TemplateResult {
    return html`<slot></slot>`;
  }

  protected renderLoading(): TemplateResult {
    return html`<p part="loading" role="status">${this.l.t.loading}</p>`;
  }

  /** A load failure: what went wrong in words, a retry button, and the page's own fallback content. */
  protected renderLoadError(error: unknown, retry: () => unknown): TemplateResult {
    return html`<div role="alert" part="error">
        <p>${this.errorText(error)}</p>
        <button @click=${retry}>${this.l.t.retry}</button>
      </div>
      ${this.renderFallback()}`;
  }
}

/**
 * Per-element localisation. The language comes from the element's own `lang`, else the nearest
 * ancestor's (a <civic-provider lang> or the page's <html lang>), else the browser's. Strings come
 * from typed tables (translations/), each loaded on demand: a page downloads only the languages it
 * shows, so adding a language costs the others nothing (and keeps each widget file within its size
 * budget). Until its table arrives a widget shows the page's own fallback content; when the
 * language changes, it keeps the previous strings until the new ones arrive. Numbers and dates go
 * through Intl with the full language tag, so `fr-CA` and `fr-FR` each format as their readers
 * expect.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type Lang = 'fr' | 'en';
/** One loader per language, e.g. `() => import('./translations/fr.js').then((m) => m.petition)`. */
export type Tables<T> = Record<Lang, () => Promise<T>>;
type Host = ReactiveControllerHost & HTMLElement;

const hosts = new Set<Host>();
let observer: MutationObserver | undefined;
const cache = new Map<unknown, Promise<unknown>>();

export class Localize<T> implements ReactiveController {
  #t?: T;
  #lang?: string;

  constructor(
    readonly host: Host,
    readonly tables: Tables<T>,
  ) {
    host.addController(this);
  }

  /** Before each render: the table of the language in effect, loaded if need be. */
  hostUpdate(): void {
    const lang = this.locale.slice(0, 2);
    if (lang === this.#lang) return;
    this.#lang = lang;
    const load = this.tables[lang as Lang] ?? this.tables.en;
    if (!cache.has(load)) cache.set(load, load());
    void (cache.get(load) as Promise<T>).then((t) => {
      if (this.#lang !== lang) return;
      this.#t = t;
      this.host.requestUpdate();
    });
  }

  /** Whether strings are there to render with. */
  get ready(): boolean {
    return !!this.#t;
  }

  hostConnected(): void {
    hosts.add(this.host);
    // One observer for the page: a `lang` changed anywhere re-renders the widgets.
    (observer ??= new MutationObserver(() => hosts.forEach((h) => h.requestUpdate()))).observe(document.documentElement, {
      attributeFilter: ['lang'],
      subtree: true,
    });
  }

  hostDisconnected(): void {
    hosts.delete(this.host);
  }

  /** The full language tag in effect, e.g. `fr-CA`. */
  get locale(): string {
    try {
      return Intl.getCanonicalLocales(this.host.closest('[lang]')?.getAttribute('lang') || navigator.language)[0] ?? 'en';
    } catch {
      return 'en';
    }
  }

  /** The strings in the current language (French for any `fr-*`, else English), once `ready`. */
  get t(): T {
    return this.#t!;
  }

  /** A number, e.g. `1 234` in French. */
  n(value: number): string {
    return value.toLocaleString(this.locale);
  }

  /** A date, e.g. `24 novembre 2026`. */
  d(value: string | number | Date, options: Intl.DateTimeFormatOptions = { dateStyle: 'long' }): string {
    return new Date(value).toLocaleString(this.locale, options);
  }

}

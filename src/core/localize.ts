/**
 * Per-element localisation. The language comes from the element's own `lang`, else the nearest
 * ancestor's (a <civic-provider lang> or the page's <html lang>), else the browser's. Strings come
 * from one file per language (locales.ts), loaded on demand: a page downloads only the languages it
 * shows, so adding a language costs the others nothing (and keeps each widget file within its size
 * budget). Until its strings arrive a widget shows the page's own fallback content; when the
 * language changes, it keeps the previous strings until the new ones arrive. Numbers and dates go
 * through Intl with the full language tag, so `fr-CA` and `fr-FR` each format as their readers
 * expect.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { locales, type Section, type Translation } from './locales.js';

export type { Lang } from './locales.js';
type Host = ReactiveControllerHost & HTMLElement;
/** A widget's strings: the core ones and its own table. */
export type Strings<K extends Section> = Translation['core'] & Translation[K];

const hosts = new Set<Host>();
let observer: MutationObserver | undefined;

export class Localizer<T> implements ReactiveController {
  #t?: T;
  #load?: unknown;
  #loaded?: Promise<unknown>;

  // `declare`d and set in the constructor: no class-field declarations in the CDN files.
  declare readonly host: Host;
  /** The widget's table in each language file, e.g. `petition`. */
  declare readonly section: Section;

  constructor(host: Host, section: Section) {
    this.host = host;
    this.section = section;
    host.addController(this);
  }

  /**
   * Before each render: the strings of the language in effect (its full tag's, else its primary
   * subtag's, else English), loaded if need be.
   */
  hostUpdate(): void {
    const tag = this.locale;
    const load = locales[tag] ?? locales[tag.split('-')[0]!] ?? locales.en!;
    if (load === this.#load) return;
    this.#load = load;
    // A module is fetched once per page: the next import() of it resolves at once.
    this.#loaded = load(this.section).then((m) => {
      if (this.#load !== load) return;
      this.#t = { ...m.core, ...m[this.section] } as T;
      this.host.requestUpdate();
    });
  }

  /** Resolves once the strings of the language in effect are there (for what a widget says after an await). */
  get loaded(): Promise<unknown> {
    return this.#loaded ?? Promise.resolve();
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

  /** The strings in the current language, once `ready`. */
  get t(): T {
    return this.#t!;
  }

  /** A number, e.g. `1 234` in French. */
  n(value: number): string {
    return value.toLocaleString(this.locale);
  }

  /**
   * A date, e.g. `24 novembre 2026`; by default with its time (`24 novembre 2026 à 14:30`) unless it
   * is midnight (a poll opening in an hour says when; one opening on a day, that day).
   */
  d(value: string | number | Date, options?: Intl.DateTimeFormatOptions): string {
    const d = new Date(value);
    return d.toLocaleString(this.locale, options ?? { dateStyle: 'long', timeStyle: d.getHours() + d.getMinutes() ? 'short' : undefined });
  }
}

/** A widget's localisation controller: `new Localize(this, 'petition')` gives `t` typed `Strings<'petition'>`. */
export type Localize<T> = Localizer<T>;
export const Localize = Localizer as new <K extends Section>(host: Host, section: K) => Localizer<Strings<K>>;

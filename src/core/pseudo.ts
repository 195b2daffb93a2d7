/**
 * The pseudo-locale `en-XA`, made from the English strings: every letter accented, vowels doubled
 * (about 40 % longer, as French or German often are) and each string in brackets, so that a cut-off
 * string shows. Text a widget shows in it that still has a plain a-z letter did not come from its
 * strings (or is the page's content, a name, a date): test/core/pseudo.test.ts renders every widget
 * in it, and Storybook offers it in its Locale menu. It is not among the languages the widgets ship
 * (locales.ts): `usePseudoLocale()` adds it to a page.
 */
import { locales, type Translation } from './locales.js';

/** The pseudo-locale's tag (Android's and Chromium's). */
export const PSEUDO = 'en-XA';

const ascii = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const accented = [...'åƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'];

/** `Sign` → `Šîîĝñ`. */
const accent = (s: string): string =>
  s.replace(/[a-z]/gi, (c) => {
    const x = accented[ascii.indexOf(c)]!;
    return /[aeiou]/i.test(c) ? x + x : x;
  });

/** A string in the pseudo-locale; `keep`: the arguments a string function put in it (a name, a number), left as they are. */
export function pseudoText(s: string, keep: readonly string[] = []): string {
  const kept = keep.filter(Boolean).sort((a, b) => b.length - a.length);
  if (!kept.length) return `[${accent(s)}]`;
  const parts = s.split(new RegExp(`(${kept.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`));
  return `[${parts.map((p, i) => (i % 2 ? p : accent(p))).join('')}]`;
}

/** A table (or any value in it) in the pseudo-locale: strings, and what string functions return. */
export function pseudolocalize<T>(value: T): T {
  if (typeof value === 'string') return pseudoText(value) as T;
  if (typeof value === 'function') {
    return ((...args: unknown[]) => {
      const out: unknown = value(...args);
      return typeof out === 'string' ? pseudoText(out, args.filter((a): a is string => typeof a === 'string')) : pseudolocalize(out);
    }) as T;
  }
  if (Array.isArray(value)) return value.map(pseudolocalize) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, pseudolocalize(v)])) as T;
  return value;
}

/** Adds the pseudo-locale to this page's languages: a widget (or an ancestor) with `lang="en-XA"` shows it. */
export function usePseudoLocale(): void {
  const en = locales['en']!;
  locales[PSEUDO] = () => en().then((t) => pseudolocalize({ ...t }) as Translation);
}

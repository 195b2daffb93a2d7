/**
 * The languages the widgets speak. Each is one file of translations/ holding every widget's strings
 * (a named export per widget, plus `core`), typed by `Translation` so that the typecheck names any
 * string missing. Adding a language: write `translations/<tag>.ts` like `fr.ts`, and add its line
 * below. A file is loaded on demand, only by the pages that show its language; the CDN build keeps
 * in each widget's own file only that widget's strings (see `strings` in rollup.config.mjs).
 */
import type * as en from './translations/en.js';

/** Every widget's strings in one language, English being the reference. */
export type Translation = typeof en;
/** A widget's table in a Translation (`core` is the strings every widget shares). */
export type Section = Exclude<keyof Translation, 'core'>;

const shipped = {
  en: () => import('./translations/en.js'),
  fr: () => import('./translations/fr.js'),
} satisfies Record<string, () => Promise<Translation>>;

/** A language tag (or its primary subtag) the widgets speak. */
export type Lang = keyof typeof shipped;

/**
 * The loader of each language by tag: the languages shipped, and any registered at run time (the
 * pseudo-locale of the tests and Storybook, see pseudo.ts). A widget passes its table's name: the
 * shared CDN build (`sectionStrings` in rollup.config.mjs) loads only `core` and that table then.
 */
export const locales: Record<string, (section?: Section) => Promise<Translation>> = shipped;

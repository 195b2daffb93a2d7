/** What the comparator's views share: the strings, a stance shown by icon and text, headings. */
import { html, nothing, type TemplateResult } from 'lit';
import type { FullComparison } from '../api/comparison.js';
import type { Localize } from '../core/localize.js';
import type { ComparatorStrings, CoreStrings } from '../core/translations/en.js';

export type Strings = CoreStrings & ComparatorStrings;

export interface View {
  c: FullComparison;
  l: Localize<Strings>;
  /** A heading below the comparison's title (an h3; focusable when it has an id). */
  sub(text: string, id?: string): TemplateResult;
}

/** Icons from the lowest stance (-2) to the highest (2); they repeat what the text says. */
const icons = ['✘✘', '✘', '–', '✔', '✔✔'];

/** The words for a stance (null: no answer). */
export const stanceText = (v: View, s: number | null): string => {
  const t = v.l.t;
  return s === null ? t.noAnswer : v.c.scale === 3 ? t.stances3[s + 1]! : t.stances5[s + 2]!;
};

/** A stance by icon and text, never by colour alone. */
export const stance = (v: View, s: number | null): TemplateResult =>
  html`<span class="stance" data-stance=${s ?? 'none'}><span aria-hidden="true">${s === null ? '?' : icons[s + 2]}</span> ${stanceText(v, s)}</span>`;

/** The stances of the scale, from agreement to disagreement (the order readers expect). */
export const scaleStances = (scale: number): number[] => (scale === 3 ? [1, 0, -1] : [2, 1, 0, -1, -2]);

/** A party's colour as a swatch beside its name (decorative); set through the CSSOM, which a strict CSP allows. */
export const swatch = (colour: string | null | undefined) =>
  colour ? html`<span class="swatch" aria-hidden="true" .style=${`background:${colour}`}></span>` : nothing;

/** A link from the comparison's data: http(s) only, marked as not endorsed. */
export const safeHref = (url: string | null | undefined): string | undefined => (url && /^https?:\/\//i.test(url) ? url : undefined);

/**
 * Result bars, shared by quick polls and consultations: every bar has its numbers written beside it.
 * A bar's width is a custom property set through the CSSOM (`.style`), which a strict
 * Content-Security-Policy allows, where a `style` attribute is blocked.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Poll, SubjectResult } from '../api/poll.js';
import type { Localize } from '../core/localize.js';
import type { CoreStrings, PollStrings } from '../core/translations/en.js';

export type Strings = CoreStrings & PollStrings;

interface Host {
  l: Localize<Strings>;
  label(p: Poll, choice: string): string;
}

/** The values of an agreement vote, in the order shown. */
export const AGREEMENT = ['agree', 'mixed', 'disagree'];

/** A quick poll's choices: its options, the values of an agreement vote, or support. */
export const choicesOf = (p: Poll): string[] =>
  p.voteKind === 'agreement' ? AGREEMENT : p.voteKind === 'support' ? ['support'] : p.options.map((o) => o.id);

/** The poll's language where its choices are the organiser's words (options), else none (the widget's words). */
export const optionsLang = (p: Poll): string | typeof nothing => (p.voteKind === 'single' || p.voteKind === 'approval' ? p.locale : nothing);

/** `n / of` as a whole percentage in the reader's language (`62 %`). */
export const percent = (l: Localize<Strings>, n: number, of: number): string =>
  (of ? n / of : 0).toLocaleString(l.locale, { style: 'percent', maximumFractionDigits: 0 });

/** One bar per choice: label, percentage and count (or, for support, the count), the reader's choices marked. */
export function renderResult(host: Host, p: Poll, r: SubjectResult, choices: readonly string[], mine: readonly string[]): TemplateResult {
  const { l } = host;
  const t = l.t;
  const total = r.tally.total;
  return html`<ul class="bars">
    ${choices.map((c) => {
      const n = r.tally.counts[c] ?? 0;
      return html`<li>
        <span><span lang=${optionsLang(p)}>${host.label(p, c)}</span> ${mine.includes(c) ? html`<em>${t.yours}</em>` : nothing}</span>
        <span>${p.voteKind === 'support' ? t.supporters(n, l.n(n)) : `${percent(l, n, total)} · ${t.votes(n, l.n(n))}`}</span>
        ${p.voteKind === 'support' ? nothing : html`<span part="bar" class="bar" .style=${`--w:${total ? (100 * n) / total : 0}%`}></span>`}
      </li>`;
    })}
  </ul>`;
}

/**
 * The questionnaire (one statement at a time: a stance or skip, "counts double", back and forward,
 * progress) and its results (parties ranked with bars and coverage, the method in plain words, and
 * for each party what each statement added).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { METHODS, type MatchMethod } from '../api/comparison.js';
import type { Answer, PartyMatch } from '../domain/matching.js';
import { scaleStances, stance, stanceText, swatch, type View } from './view.js';

export interface QuestionView extends View {
  step: number;
  answers: Readonly<Record<string, Answer | undefined>>;
  /** Changes the answer to a statement as it is now (the stance, the weight, or both). */
  answer(statementId: string, change: Partial<Answer>): void;
  go(step: number): void;
}

export function renderQuestion(v: QuestionView): TemplateResult {
  const { c, l, step } = v;
  const t = l.t;
  const s = c.statements[step]!;
  const a = v.answers[s.id];
  const weight = a?.weight ?? 1;
  const n = c.statements.length;
  const last = step === n - 1;
  return html`<div part="question">
    <p>${t.progress(l.n(step + 1), l.n(n))}</p>
    <progress max=${n} .value=${step + 1} aria-label=${t.progress(l.n(step + 1), l.n(n))}></progress>
    <fieldset aria-labelledby="q">
      ${v.sub(s.text, 'q')}
      <p class="hint" lang=${c.locale ?? nothing}>${s.theme}</p>
      ${s.explanation ? html`<p lang=${c.locale ?? nothing}>${s.explanation}</p>` : nothing}
      <div class="choices">
        ${scaleStances(c.scale).map(
          (x) => html`<label class="check choice"
            ><input type="radio" name="stance" value=${x} .checked=${live(a?.stance === x)}
              @change=${() => v.answer(s.id, { stance: x })} />${stance(v, x)}</label
          >`,
        )}
      </div>
      <label class="check"
        ><input type="checkbox" name="weight" .checked=${live(weight > 1)}
          @change=${(e: Event) => v.answer(s.id, { weight: (e.target as HTMLInputElement).checked ? 2 : 1 })} />${t.double}</label
      >
    </fieldset>
    <div class="nav">
      ${step ? html`<button @click=${() => v.go(step - 1)}>${t.back}</button>` : nothing}
      <button @click=${() => (v.answer(s.id, { stance: null }), v.go(step + 1))}>${t.skip}</button>
      <button part="submit" @click=${() => v.go(step + 1)}>${last ? t.finish : t.next}</button>
    </div>
  </div>`;
}

export interface ResultsView extends View {
  answers: Readonly<Record<string, Answer | undefined>>;
  ranking: PartyMatch[];
  method: MatchMethod;
  /** Set when the organiser lets the reader choose the method. */
  setMethod: ((m: MatchMethod) => void) | undefined;
  edit(): void;
  restart(): void;
  copy(): void;
  /** Set when the organiser collects answers and the backend can take them. */
  send: (() => void) | undefined;
  sending: 'no' | 'sending' | 'sent' | 'queued';
}

const pct = (v: View, x: number) => (Math.round(x) / 100).toLocaleString(v.l.locale, { style: 'percent' });

export function renderResults(v: ResultsView): TemplateResult {
  const { c, l } = v;
  const t = l.t;
  const answered = v.ranking[0]?.answered ?? 0;
  const num = (x: number) => x.toLocaleString(l.locale, { maximumFractionDigits: 1 });
  return html`<section part="results" aria-labelledby="res">
    ${v.sub(t.results, 'res')}
    <p part="method">${t.explain[v.method]} ${t.explainCommon} ${t.missing[c.missingAnswer]}</p>
    ${v.setMethod
      ? html`<label class="field"
          >${t.methodLabel}
          <select @change=${(e: Event) => v.setMethod!((e.target as HTMLSelectElement).value as MatchMethod)}>
            ${METHODS.map((m) => html`<option value=${m} .selected=${m === v.method}>${t.methods[m]}</option>`)}
          </select></label
        >`
      : html`<p class="hint">${t.theirs(t.methodLabel, t.methods[v.method])}</p>`}
    ${answered
      ? html`<ol part="ranking">
          ${v.ranking.map((m) => {
            const p = c.parties.find((x) => x.id === m.partyId)!;
            return html`<li>
              <div class="row"><span>${swatch(p.colour)}${p.name}</span> <strong>${m.covered || c.missingAnswer !== 'zero' ? t.match(pct(v, m.match ?? 0)) : t.noStance}</strong></div>
              <div class="bar" aria-hidden="true"><span .style=${`inline-size:${m.match ?? 0}%;background:${p.colour ?? 'currentColor'}`}></span></div>
              <p class="hint">${t.covered(m.covered, m.answered)}</p>
              <details>
                <summary>${t.detail(p.shortName)}</summary>
                <ul>
                  ${m.statements.map((x) => {
                    const s = c.statements.find((y) => y.id === x.statementId)!;
                    const quote = c.positions.find((y) => y.partyId === p.id && y.statementId === s.id)?.quote;
                    return html`<li>
                      <strong lang=${c.locale ?? nothing}>${s.text}</strong><br />
                      ${t.theirs(t.you, stanceText(v, x.reader) + (x.weight > 1 ? ` (${t.counted})` : ''))} ·
                      ${t.theirs(p.shortName, stanceText(v, x.party))}<br />
                      ${quote ? html`<q lang=${c.locale ?? nothing}>${quote}</q><br />` : nothing}
                      <span class="hint">${t.points(x.points, num(x.points), num(x.max), num(x.added))}</span>
                    </li>`;
                  })}
                </ul>
              </details>
            </li>`;
          })}
        </ol>`
      : html`<p part="notice">${t.noneAnswered}</p>`}
    <div class="nav actions">
      <button @click=${v.edit}>${t.edit}</button>
      <button @click=${v.restart}>${t.restart}</button>
      ${answered ? html`<button @click=${v.copy}>${t.copyLink}</button>` : nothing}
    </div>
    ${v.send && answered
      ? html`<div part="notice">
          <p>${t.optIn}</p>
          ${v.sending === 'sent' || v.sending === 'queued'
            ? html`<p>${v.sending === 'sent' ? t.sent : t.queued}</p>`
            : html`<button ?disabled=${v.sending === 'sending'} @click=${v.send}>${v.sending === 'sending' ? t.sending : t.send}</button>`}
        </div>`
      : nothing}
    ${v.sending === 'sent' || v.sending === 'queued' ? nothing : html`<p class="hint">${t.privacy}</p>`}
  </section>`;
}

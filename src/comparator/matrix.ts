/**
 * The matrix: statements × parties, each cell a stance by icon and text; a theme filter; a cell
 * opens a dialog with the party's quote, its source and date.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { safeHref, stance, stanceText, swatch, type View } from './view.js';

export interface MatrixView extends View {
  theme: string;
  setTheme(theme: string): void;
  /** The cell whose details are open: [party id, statement id]. */
  cell: [string, string] | undefined;
  open(cell: [string, string] | undefined): void;
}

export function renderMatrix(v: MatrixView): TemplateResult {
  const { c, l } = v;
  const t = l.t;
  const themes = [...new Set(c.statements.map((s) => s.theme))];
  const lang = c.locale ?? nothing;
  const position = (partyId: string, statementId: string) => c.positions.find((p) => p.partyId === partyId && p.statementId === statementId);
  return html`${themes.length > 1
      ? html`<label class="field" part="filter"
          >${t.theme}
          <select @change=${(e: Event) => v.setTheme((e.target as HTMLSelectElement).value)}>
            <option value="">${t.allThemes}</option>
            ${themes.map((th) => html`<option .selected=${th === v.theme} lang=${lang}>${th}</option>`)}
          </select></label
        >`
      : nothing}
    <div class="scroll" role="region" aria-labelledby="cap" tabindex="0">
      <table part="matrix">
        <caption id="cap">${t.matrix}</caption>
        <thead>
          <tr>
            <th scope="col">${t.statement}</th>
            ${c.parties.map((p) => html`<th scope="col"><abbr title=${p.name}>${swatch(p.colour)}${p.shortName}</abbr></th>`)}
          </tr>
        </thead>
        <tbody>
          ${c.statements
            .filter((s) => !v.theme || s.theme === v.theme)
            .map(
              (s) => html`<tr>
                <th scope="row" lang=${lang}>${s.text} <span class="hint">${s.theme}</span></th>
                ${c.parties.map((p) => {
                  // Named by stance, party and statement: out of the table (a screen reader's list of buttons, the cards) each says all.
                  const st = position(p.id, s.id)?.stance ?? null;
                  return html`<td data-party=${p.shortName}>
                    <button class="cell" aria-haspopup="dialog" aria-label=${`${stanceText(v, st)} — ${p.name} — ${s.text}`} @click=${() => v.open([p.id, s.id])}>
                      ${stance(v, st)}
                    </button>
                  </td>`;
                })}
              </tr>`,
            )}
        </tbody>
      </table>
    </div>
    ${renderDetails(v, v.cell && position(...v.cell))}`;
}

/** The dialog of one cell: the stance, the quote, its source and date (shown with showModal once rendered). */
function renderDetails(v: MatrixView, p: ReturnType<typeof v.c.positions.find>): TemplateResult {
  const t = v.l.t;
  const [partyId, statementId] = v.cell ?? [];
  const party = v.c.parties.find((x) => x.id === partyId);
  const statement = v.c.statements.find((x) => x.id === statementId);
  const href = safeHref(p?.sourceUrl);
  return html`<dialog part="details" aria-labelledby="dh" @close=${() => v.open(undefined)}>
    ${party && statement
      ? html`${v.sub(party.name, 'dh')}
          <p lang=${v.c.locale ?? nothing}>${statement.text}</p>
          <p><strong>${stance(v, p?.stance ?? null)}</strong></p>
          ${p?.quote ? html`<blockquote lang=${v.c.locale ?? nothing}>${p.quote}</blockquote>` : html`<p>${t.noQuote}</p>`}
          ${href || p?.sourceDate
            ? html`<p class="hint">
                ${href ? html`<a href=${href} rel="nofollow ugc noopener">${t.source}</a>` : t.source}${p?.sourceDate
                  ? html`, ${t.saidOn(v.l.d(p.sourceDate, { dateStyle: 'long', timeZone: 'UTC' }))}`
                  : nothing}
              </p>`
            : nothing}`
      : nothing}
    <form method="dialog"><button>${t.close}</button></form>
  </dialog>`;
}

/**
 * The stance grid: a row per statement, a column per party, every cell reachable and editable by
 * keyboard. One cell is in the tab order (roving tabindex); the arrow keys, Home and End move; a
 * digit sets the stance (1 is the scale's "strongly disagree" end), 0 or Delete sets "no answer",
 * Enter opens the cell's quote, source URL and date in a dialog. Under the grid, each party's
 * coverage: how many statements it has a stance on, updated as one goes.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { half } from '../../../api/comparison.js';
import type { DraftPosition } from './draft.js';
import type { ComparisonEditor } from './editor.js';
import { textField } from './fields.js';

/** The grid's own state, kept by the screen: the active cell and the cell whose details are open. */
export interface GridState {
  row: number;
  col: number;
  /** The details dialog's cell, and its position before opening (restored by Cancel). */
  open?: { row: number; col: number; before: DraftPosition | undefined };
}

export const newGrid = (): GridState => ({ row: 0, col: 0 });

const blank = (partyId: string, statementId: string): DraftPosition => ({ partyId, statementId, stance: null, quote: null, sourceUrl: null, sourceDate: null });

/** The position of a cell, or undefined. */
const positionAt = (ed: ComparisonEditor, row: number, col: number) => {
  const s = ed.draft.statements[row];
  const p = ed.draft.parties[col];
  return s && p ? ed.draft.positions.find((x) => x.partyId === p.id && x.statementId === s.id) : undefined;
};

/** Sets a cell's position (the fields of `patch` over what it had). */
function setCell(ed: ComparisonEditor, row: number, col: number, patch: Partial<DraftPosition>, touched?: string): void {
  const d = ed.draft;
  const s = d.statements[row]!;
  const p = d.parties[col]!;
  const old = positionAt(ed, row, col);
  const next = { ...(old ?? blank(p.id, s.id)), ...patch };
  ed.change({ ...d, positions: old ? d.positions.map((x) => (x === old ? next : x)) : [...d.positions, next] }, ...(touched ? [touched] : []));
}

/** How many statements each party has a stance on. */
export const coverage = (ed: ComparisonEditor, partyId: string) =>
  ed.draft.statements.filter((s) => ed.draft.positions.some((x) => x.partyId === partyId && x.statementId === s.id && x.stance !== null)).length;

/** The words of a stance on the draft's scale. */
export const stanceWords = (ed: ComparisonEditor, stance: number | null): string =>
  stance === null ? ed.t.noAnswer : (ed.t.stances[String(stance)] ?? String(stance));

const focusCell = (ed: ComparisonEditor, g: GridState) =>
  void ed.screen.updateComplete.then(() => (ed.screen.renderRoot.querySelector(`#cell-${g.row}-${g.col}`) as HTMLElement | null)?.focus());

function onKey(ed: ComparisonEditor, g: GridState, e: KeyboardEvent): void {
  const rows = ed.draft.statements.length;
  const cols = ed.draft.parties.length;
  const h = half(ed.draft.scale);
  const move = (row: number, col: number) => {
    g.row = Math.max(0, Math.min(rows - 1, row));
    g.col = Math.max(0, Math.min(cols - 1, col));
    ed.screen.requestUpdate();
    focusCell(ed, g);
  };
  const set = (stance: number | null) => {
    setCell(ed, g.row, g.col, { stance });
    const party = ed.draft.parties[g.col]!;
    ed.screen.host.say(ed.t.stanceSaid(party.shortName || party.id, stanceWords(ed, stance), ed.n(coverage(ed, party.id)), ed.n(rows)));
  };
  const digit = /^[0-9]$/.test(e.key) ? Number(e.key) : NaN;
  if (e.key === 'ArrowUp') move(g.row - 1, g.col);
  else if (e.key === 'ArrowDown') move(g.row + 1, g.col);
  else if (e.key === 'ArrowLeft') move(g.row, g.col - 1);
  else if (e.key === 'ArrowRight') move(g.row, g.col + 1);
  else if (e.key === 'Home') move(e.ctrlKey ? 0 : g.row, 0);
  else if (e.key === 'End') move(e.ctrlKey ? rows - 1 : g.row, cols - 1);
  else if (digit >= 1 && digit <= 2 * h + 1) set(digit - 1 - h);
  else if (digit === 0 || e.key === 'Delete' || e.key === 'Backspace') set(null);
  else if (e.key === 'Enter' || e.key === ' ') openDetails(ed, g);
  else return;
  e.preventDefault();
}

function openDetails(ed: ComparisonEditor, g: GridState): void {
  g.open = { row: g.row, col: g.col, before: positionAt(ed, g.row, g.col) };
  ed.screen.requestUpdate();
  void ed.screen.updateComplete.then(() => {
    const dialog = ed.screen.renderRoot.querySelector('dialog');
    if (dialog && !dialog.open) dialog.showModal();
    dialog?.querySelector('textarea')?.focus();
  });
}

/** Closes the details: `apply` keeps what was typed (unless a field is wrong), otherwise it is undone. */
function closeDetails(ed: ComparisonEditor, g: GridState, apply: boolean): void {
  const o = g.open;
  if (!o) return;
  const s = ed.draft.statements[o.row]!;
  const p = ed.draft.parties[o.col]!;
  const paths = ['quote', 'sourceUrl', 'sourceDate'].map((k) => `cell.${p.id}.${s.id}.${k}`);
  if (apply && paths.some((x) => ed.errors.has(x))) {
    paths.forEach((x) => ed.touched.add(x));
    ed.screen.requestUpdate();
    void ed.screen.updateComplete.then(() => (ed.screen.renderRoot.querySelector('dialog [aria-invalid=true]') as HTMLElement | null)?.focus());
    return;
  }
  if (!apply) {
    const d = ed.draft;
    const now = positionAt(ed, o.row, o.col);
    const positions = d.positions.filter((x) => x !== now);
    ed.change({ ...d, positions: o.before ? [...positions, o.before] : positions });
  }
  g.open = undefined;
  ed.screen.renderRoot.querySelector('dialog')?.close();
  ed.screen.requestUpdate();
  focusCell(ed, g);
}

function renderDetails(ed: ComparisonEditor, g: GridState): TemplateResult {
  const o = g.open;
  const s = o && ed.draft.statements[o.row];
  const p = o && ed.draft.parties[o.col];
  const t = ed.t;
  const x = o && positionAt(ed, o.row, o.col);
  const field = (k: 'quote' | 'sourceUrl' | 'sourceDate', type?: 'textarea' | 'url') =>
    textField(ed, `cell.${p!.id}.${s!.id}.${k}`, t.fields[k]!, x?.[k] ?? '', (v) => setCell(ed, o!.row, o!.col, { [k]: v || null }, `cell.${p!.id}.${s!.id}.${k}`), {
      ...(type ? { type } : {}),
      ...(k === 'sourceDate' ? { hint: 'YYYY-MM-DD' } : {}),
      disabled: false,
    });
  return html`<dialog aria-labelledby="details-title" @cancel=${(e: Event) => (e.preventDefault(), closeDetails(ed, g, false))}>
    ${s && p
      ? html`<h2 id="details-title">${t.details(p.shortName || p.name, s.text)}</h2>
          <p>${t.fields['stance']}: ${stanceWords(ed, x?.stance ?? null)}</p>
          ${field('quote', 'textarea')} ${field('sourceUrl', 'url')} ${field('sourceDate')}
          <div class="actions">
            <button class="primary" type="button" @click=${() => closeDetails(ed, g, true)}>${t.apply}</button>
            <button type="button" @click=${() => closeDetails(ed, g, false)}>${t.close}</button>
          </div>`
      : nothing}
  </dialog>`;
}

export function renderGrid(ed: ComparisonEditor, g: GridState): TemplateResult {
  const { t, draft: d } = ed;
  if (!d.statements.length || !d.parties.length) return html`<p>${t.gridEmpty}</p>`;
  const h = half(d.scale);
  const keys = Array.from({ length: 2 * h + 1 }, (_, i) => `${i + 1} ${stanceWords(ed, i - h).toLowerCase()}`).join(', ');
  g.row = Math.min(g.row, d.statements.length - 1);
  g.col = Math.min(g.col, d.parties.length - 1);
  return html`<p id="grid-help">${t.gridHelp(keys)}</p>
    <div class="table">
      <table role="grid" aria-labelledby="section-title" aria-describedby="grid-help" class="grid">
        <thead>
          <tr>
            <td></td>
            ${d.parties.map((p) => html`<th scope="col" id="party-${p.id}">${p.shortName || p.id}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${d.statements.map(
            (s, row) => html`<tr>
              <th scope="row">${s.text || s.id}</th>
              ${d.parties.map((p, col) => {
                const x = positionAt(ed, row, col);
                const wrong = [...ed.errors.keys()].some((k) => k.startsWith(`cell.${p.id}.${s.id}.`));
                return html`<td role="gridcell" id="cell-${row}-${col}" tabindex=${g.row === row && g.col === col ? 0 : -1}
                  class=${x?.stance == null ? 'none' : x.stance > 0 ? 'agree' : x.stance < 0 ? 'disagree' : 'neutral'}
                  aria-invalid=${wrong ? 'true' : nothing}
                  @focus=${() => ((g.row = row), (g.col = col))} @click=${() => ((g.row = row), (g.col = col), ed.screen.requestUpdate())}
                  @dblclick=${() => openDetails(ed, g)} @keydown=${(e: KeyboardEvent) => onKey(ed, g, e)}>
                  ${stanceWords(ed, x?.stance ?? null)}${x?.quote || x?.sourceUrl ? html`<span class="hint"> (${t.hasSource})</span>` : nothing}
                </td>`;
              })}
            </tr>`,
          )}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">${t.coverage}</th>
            ${d.parties.map((p) => html`<td>${t.coverageOf(ed.n(coverage(ed, p.id)), ed.n(d.statements.length))}</td>`)}
          </tr>
        </tfoot>
      </table>
    </div>
    ${renderDetails(ed, g)}`;
}

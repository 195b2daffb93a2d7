/** Import and export, as the editor shows them: two downloads, and a file to import with every problem listed. */
import { html, nothing, type TemplateResult } from 'lit';
import type { ComparisonEditor } from './editor.js';
import { fromCsv, fromJson, toCsvText, toJson } from './transfer.js';

/** What the last import found wrong (the file's name and the problems), kept by the screen. */
export interface ImportState {
  file?: string;
  problems: string[];
}

/** Saves `text` as a file named `name` (a link with `download`, clicked). */
export function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

async function importFile(ed: ComparisonEditor, state: ImportState, input: HTMLInputElement): Promise<void> {
  const file = input.files?.[0];
  if (!file) return;
  const text = await file.text();
  const { t, n } = ed;
  const csv = /\.csv$/i.test(file.name) || file.type === 'text/csv';
  const result = csv ? fromCsv(text, ed.draft, t, n) : fromJson(text, t, n, ed.isNew ? undefined : ed.id);
  input.value = '';
  state.file = file.name;
  state.problems = result.problems ?? [];
  if (result.draft) {
    ed.replace(result.draft, true);
    ed.screen.host.say(t.imported(result.draft.statements.length, n(result.draft.statements.length), result.draft.parties.length, n(result.draft.parties.length)));
  } else {
    ed.screen.host.say(t.importProblems(state.problems.length, n(state.problems.length), file.name));
  }
  ed.screen.requestUpdate();
}

export function renderTransfer(ed: ComparisonEditor, state: ImportState): TemplateResult {
  const { t, n } = ed;
  const name = ed.draft.id.trim() || 'comparison';
  const valid = ed.errors.size === 0;
  return html`<h3>${t.exportTitle}</h3>
    <p>${t.exportIntro}</p>
    ${valid ? nothing : html`<p class="error">${t.exportBlocked}</p>`}
    <div class="actions">
      <button type="button" ?disabled=${!valid} @click=${() => download(`${name}.json`, 'application/json', toJson(ed.draft))}>${t.exportJson}</button>
      <button type="button" ?disabled=${!valid} @click=${() => download(`${name}.csv`, 'text/csv', toCsvText(ed.draft))}>${t.exportCsv}</button>
    </div>
    <h3>${t.importTitle}</h3>
    <p>${t.importIntro}</p>
    <div class="field">
      <label for="import-file">${t.importFile}</label>
      <input id="import-file" type="file" accept=".json,.csv,application/json,text/csv" aria-describedby=${state.problems.length ? 'import-problems' : nothing}
        @change=${(e: Event) => importFile(ed, state, e.target as HTMLInputElement)} />
    </div>
    ${state.problems.length
      ? html`<div id="import-problems" class="problems" role="alert">
          <p>${t.importProblems(state.problems.length, n(state.problems.length), state.file ?? '')}</p>
          <ul>${state.problems.map((p) => html`<li>${p}</li>`)}</ul>
        </div>`
      : nothing}`;
}

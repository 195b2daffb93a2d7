/**
 * An editable ordered list (a quick poll's options, a consultation's themes): add, remove, and
 * reorder by keyboard (each row's Up and Down buttons; the moved row's button keeps the focus) as
 * well as by drag. A row that votes or proposals use cannot be removed, and says why beside it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { SchemaForm } from '../fields.js';
import { fieldId } from '../fields.js';
import type { ConsoleHost } from '../host.js';

export interface Row {
  /** Stable key for rendering (a row keeps its DOM while it moves). */
  key: number;
  /** Its id on the server; undefined until saved (made from its label then). */
  id: string | undefined;
  label: string;
  /** Themes: their description. */
  description?: string;
  /** What uses it (votes, proposals): while non-zero it cannot be removed. */
  used: number;
}

/** Letters, digits and dashes from a text (`Réduire la TVA` → `reduire-la-tva`), at most 64. */
export const slugify = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');

/** The rows' ids: kept for saved rows, made from the label for new ones (unique, never empty). */
export function rowIds(rows: readonly Row[], prefix: string): string[] {
  const taken = new Set(rows.flatMap((r) => (r.id ? [r.id] : [])));
  return rows.map((r, i) => {
    if (r.id) return r.id;
    const base = slugify(r.label) || `${prefix}-${i + 1}`;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return id;
  });
}

export interface RowsHost {
  host: ConsoleHost;
  renderRoot: ParentNode;
  updateComplete: Promise<unknown>;
  requestUpdate(): void;
}

let keys = 0;
export const newRow = (label = '', id?: string, used = 0, description?: string): Row => ({ key: ++keys, id, label, used, ...(description === undefined ? {} : { description }) });

/** The list's state and its operations; `name` is the body path (`options`, `themes`). */
export class RowList {
  rows: Row[] = [];
  #dragged: number | undefined;

  constructor(
    readonly screen: RowsHost,
    readonly name: string,
    readonly form: () => SchemaForm<unknown>,
  ) {}

  /** The field of a row's label in the body (`options.0.label`, `themes.0.title`). */
  get labelKey(): string {
    return this.name === 'themes' ? 'title' : 'label';
  }

  #changed(path?: string): void {
    const f = this.form();
    f.touch(path ?? this.name);
    this.screen.requestUpdate();
  }

  #focus(selector: string): void {
    void this.screen.updateComplete.then(() => this.screen.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  add(): void {
    this.rows = [...this.rows, newRow('', undefined, 0, this.name === 'themes' ? '' : undefined)];
    this.#changed();
    this.#focus(`#${fieldId(`${this.name}.${this.rows.length - 1}.${this.labelKey}`)}`);
  }

  set(i: number, label: string, field: 'label' | 'description' = 'label'): void {
    this.rows = this.rows.map((r, j) => (j === i ? { ...r, [field]: label } : r));
    this.#changed(`${this.name}.${i}.${field === 'label' ? this.labelKey : 'description'}`);
  }

  remove(i: number): void {
    const row = this.rows[i]!;
    this.rows = this.rows.filter((_, j) => j !== i);
    this.#changed();
    this.screen.host.say(this.screen.host.l.t.pollEditor.removed(row.label));
    // The focus goes to the row that took its place, else the one before, else the Add button.
    const next = Math.min(i, this.rows.length - 1);
    this.#focus(next >= 0 ? `#${fieldId(`${this.name}.${next}.${this.labelKey}`)}` : `#${this.name}-add`);
  }

  /** Moves row `from` to `to`; the focus stays on the moved row (`button` names which of its buttons). */
  move(from: number, to: number, button?: 'up' | 'down'): void {
    if (to < 0 || to >= this.rows.length || from === to) return;
    const rows = [...this.rows];
    const [row] = rows.splice(from, 1);
    rows.splice(to, 0, row!);
    this.rows = rows;
    this.#changed();
    const { l, say } = this.screen.host;
    say(l.t.pollEditor.moved(row!.label, l.n(to + 1), l.n(rows.length)));
    if (button) {
      // At an end, the button that can still move it takes the focus.
      const which = button === 'up' && to === 0 ? 'down' : button === 'down' && to === rows.length - 1 ? 'up' : button;
      this.#focus(`[data-row="${row!.key}"] button[data-move=${which}]`);
    }
  }

  #drop(e: DragEvent, to: number): void {
    e.preventDefault();
    if (this.#dragged !== undefined) this.move(this.#dragged, to);
    this.#dragged = undefined;
  }

  /** The list: a fieldset with a row per item, each with its label field, buttons and error. */
  render(legend: string, hint: string, itemLabel: (n: string) => string, extra?: (r: Row, i: number) => TemplateResult): TemplateResult {
    const f = this.form();
    const { l } = this.screen.host;
    const t = l.t.pollEditor;
    const listError = f.error(this.name);
    const labelKey = this.labelKey;
    return html`<fieldset class="rows" aria-describedby="${this.name}-h ${listError ? `${this.name}-e` : ''}">
      <legend>${legend}</legend>
      <p class="hint" id="${this.name}-h">${hint}</p>
      <ol>
        ${repeat(
          this.rows,
          (r) => r.key,
          (r, i) => {
            const path = `${this.name}.${i}.${labelKey}`;
            const id = fieldId(path);
            const error = f.error(path);
            const name = r.label || itemLabel(l.n(i + 1));
            return html`<li
              data-row=${r.key}
              draggable="true"
              @dragstart=${(e: DragEvent) => ((this.#dragged = i), e.dataTransfer?.setData('text/plain', String(i)))}
              @dragover=${(e: DragEvent) => e.preventDefault()}
              @drop=${(e: DragEvent) => this.#drop(e, i)}
            >
              <div class="field">
                <label for=${id}>${itemLabel(l.n(i + 1))}</label>
                <input id=${id} name=${path} .value=${r.label} maxlength="200" aria-invalid=${!!error}
                  aria-describedby=${[error && `${id}-e`, r.used && `${id}-u`].filter(Boolean).join(' ') || nothing}
                  @input=${(e: Event) => this.set(i, (e.target as HTMLInputElement).value)} />
                ${r.used ? html`<span class="hint" id="${id}-u">${this.name === 'themes' ? t.themeUsed : t.votedOption(l.n(r.used))}</span>` : nothing}
                ${error ? html`<span class="error" id="${id}-e">${error}</span>` : nothing}
              </div>
              ${extra?.(r, i) ?? nothing}
              <div class="actions">
                <button type="button" data-move="up" aria-label=${t.moveUp(name)} ?disabled=${i === 0} @click=${() => this.move(i, i - 1, 'up')}>${t.up}</button>
                <button type="button" data-move="down" aria-label=${t.moveDown(name)} ?disabled=${i === this.rows.length - 1} @click=${() => this.move(i, i + 1, 'down')}>${t.down}</button>
                <button type="button" aria-label=${t.removeOption(name)} ?disabled=${r.used > 0} @click=${() => this.remove(i)}>${t.remove}</button>
              </div>
            </li>`;
          },
        )}
      </ol>
      ${listError ? html`<p class="error" id="${this.name}-e">${listError}</p>` : nothing}
      <button type="button" id="${this.name}-add" @click=${() => this.add()}>${this.name === 'themes' ? l.t.consultationEditor.addTheme : t.addOption}</button>
    </fieldset>`;
  }
}

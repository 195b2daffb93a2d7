/**
 * The editor's fields: a label, the input, a hint, and the field's problem beside it in words
 * (aria-invalid, aria-describedby), checked with the contract's schema as one types. A field's id
 * comes from its path in the comparison (`statements.0.text` is `f-statements-0-text`).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ComparisonEditor } from './editor.js';

export const fieldId = (path: string) => `f-${path.replace(/[^\w-]/g, '-')}`;

export interface FieldOptions {
  type?: 'text' | 'url' | 'textarea';
  hint?: string;
  required?: boolean;
  max?: number;
  list?: string;
  /** A label seen only by assistive technology (when a visible heading already says it). */
  disabled?: boolean;
}

/** A text field of the comparison at `path`: `set` receives the new value. */
export function textField(ed: ComparisonEditor, path: string, label: string, value: string | null, set: (v: string) => void, o: FieldOptions = {}): TemplateResult {
  const id = fieldId(path);
  const error = ed.error(path);
  const describedBy = [o.hint && `${id}-h`, error && `${id}-e`].filter(Boolean).join(' ') || nothing;
  const input = (e: Event) => set((e.target as HTMLInputElement).value);
  const common = { id, error: !!error };
  return html`<div class="field">
    <label for=${id}>${label} ${o.required ? nothing : html`<span class="hint">(${ed.screen.host.l.t.optional})</span>`}</label>
    ${o.hint ? html`<span class="hint" id="${id}-h">${o.hint}</span>` : nothing}
    ${o.type === 'textarea'
      ? html`<textarea id=${common.id} name=${path} .value=${value ?? ''} rows="3" ?disabled=${o.disabled ?? ed.busy}
          aria-invalid=${common.error} aria-describedby=${describedBy} @input=${input}></textarea>`
      : html`<input id=${common.id} name=${path} type=${o.type ?? 'text'} .value=${value ?? ''} list=${o.list ?? nothing} ?disabled=${o.disabled ?? ed.busy}
          aria-invalid=${common.error} aria-describedby=${describedBy} @input=${input} />`}
    ${error ? html`<span class="error" id="${id}-e">${error}</span>` : nothing}
  </div>`;
}

/** A choice among `options` (value → label) as radio buttons in a fieldset. */
export function radios<V extends string | number>(name: string, legend: string, value: V, options: Record<string, string>, set: (v: V) => void, parse: (s: string) => V): TemplateResult {
  return html`<fieldset class="field">
    <legend>${legend}</legend>
    ${Object.entries(options).map(
      ([v, label]) =>
        html`<label class="check"><input type="radio" name=${name} value=${v} .checked=${String(value) === v} @change=${() => set(parse(v))} /> ${label}</label>`,
    )}
  </fieldset>`;
}

/** A checkbox. */
export const checkbox = (name: string, label: string, checked: boolean, set: (v: boolean) => void): TemplateResult =>
  html`<div class="field">
    <label class="check"><input type="checkbox" name=${name} .checked=${checked} @change=${(e: Event) => set((e.target as HTMLInputElement).checked)} /> ${label}</label>
  </div>`;

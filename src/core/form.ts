/**
 * Form fields shared by the widgets' forms: labelled inputs whose errors sit beside them
 * (aria-invalid + aria-describedby), live character counters, and the mapping from contract
 * issues (the schema checked in the browser, or a server's 400) to localised messages.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ApiIssue } from '../api/common.js';
import type { Localize } from './localize.js';
import type { CoreStrings } from './translations/en.js';

export interface FieldSpec {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'url' | 'textarea' | 'checkbox' | 'number' | 'date';
  autocomplete?: string;
  required?: boolean;
  /** Maximum length: `maxlength` on inputs, a live counter on text areas. */
  max?: number | undefined;
  hint?: string;
}

export type Values = Record<string, string | boolean>;
export type Errors = Record<string, string>;

export interface Form {
  values: Values;
  errors: Errors;
  l: Localize<CoreStrings>;
  set: (name: string, value: string | boolean) => void;
  disabled?: boolean;
}

/** Field errors from issues (the first issue of each field wins); issues of no listed field go under `body`. */
export function fieldErrors(issues: readonly ApiIssue[], specs: readonly FieldSpec[], form: Pick<Form, 'l' | 'values'>): Errors {
  const t = form.l.t;
  const errors: Errors = {};
  for (const issue of issues) {
    const name = issue.path.split('.')[0] ?? '';
    const spec = specs.find((s) => s.name === name);
    const value = form.values[name];
    errors[spec ? name : 'body'] ??= !spec
      ? issue.message
      : !value
        ? t.missing[name.split('-').pop()!]!
        : issue.code === 'too_big' && spec.max
          ? t.tooLong(form.l.n(spec.max))
          : spec.type === 'email'
            ? t.invalidEmail
            : t.invalid;
  }
  return errors;
}

/** Moves focus to the first field with an error, in the order of `specs`. Returns whether it did. */
export function focusFirstError(root: ParentNode, specs: readonly FieldSpec[], errors: Errors): boolean {
  const first = specs.find((s) => errors[s.name]);
  const el = first && root.querySelector<HTMLElement>(`[name=${first.name}]`);
  el?.focus();
  return !!el;
}

export function renderField(form: Form, { name, label, type = 'text', max, hint, required, autocomplete }: FieldSpec): TemplateResult {
  const { l, errors, values, set } = form;
  const id = `f-${name}`;
  const error = errors[name];
  const value = values[name];
  const text = typeof value === 'string' ? value : '';
  const left = max ? max - [...text].length : 0;
  const counter = type === 'textarea' && max;
  const describedBy = [hint && `${id}-h`, counter && `${id}-c`, error && `${id}-e`].filter(Boolean).join(' ') || nothing;
  const errorEl = error ? html`<span class="error" id="${id}-e" part="field-error">${error}</span>` : nothing;
  const input = (e: Event) => set(name, (e.target as HTMLInputElement).value);
  if (type === 'checkbox')
    return html`<div class="field">
      <label class="check"
        ><input type="checkbox" name=${name} .checked=${value === true} ?disabled=${form.disabled} aria-describedby=${describedBy}
          @change=${(e: Event) => set(name, (e.target as HTMLInputElement).checked)} />${label}</label
      >${errorEl}
    </div>`;
  return html`<div class="field">
    <label for=${id}>${label} ${required ? nothing : html`<span class="hint">(${l.t.optional})</span>`}</label>
    ${hint ? html`<span class="hint" id="${id}-h">${hint}</span>` : nothing}
    ${type === 'textarea'
      ? html`<textarea id=${id} name=${name} .value=${text} ?required=${required} ?disabled=${form.disabled}
          aria-invalid=${!!error} aria-describedby=${describedBy} @input=${input}></textarea>`
      : html`<input id=${id} name=${name} type=${type} .value=${text} autocomplete=${autocomplete ?? nothing}
          maxlength=${max ?? nothing} ?required=${required} ?disabled=${form.disabled} aria-invalid=${!!error}
          aria-describedby=${describedBy} @input=${input} />`}
    ${counter ? html`<span class="hint" id="${id}-c" aria-live=${left < 50 ? 'polite' : 'off'}>${l.t.left(left, l.n(left))}</span>` : nothing}
    ${errorEl}
  </div>`;
}

/** The honeypot: off-screen, out of the tab order, hidden from assistive technology. */
export function renderHoneypot(form: Form): TemplateResult {
  return html`<div class="sr-only" aria-hidden="true">
    <label>${form.l.t.honeypot} <input name="hp" tabindex="-1" autocomplete="off" .value=${String(form.values['hp'] ?? '')}
      @input=${(e: Event) => form.set('hp', (e.target as HTMLInputElement).value)} /></label>
  </div>`;
}

/**
 * The console's form fields: a control with its label, its hint and its error beside it, checked
 * against the contract's zod/mini schema (src/api) as the organiser types. A field is named by the
 * path of the body it fills (`title`, `options.2.label`), so the schema's issues, and a server's 400,
 * land beside the field they are about, in words that say what is wrong.
 *
 * `SchemaForm` holds the values, builds the body with the screen's own `toBody`, parses it on every
 * change and keeps the issues; a field shows its error once it has been changed, or once the
 * organiser tried to save. `renderConsoleField` draws one field (input, text area, number, checkbox,
 * select, date and time).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type * as z from 'zod/mini';
import type { ApiIssue } from '../api/common.js';
import type { ConsoleStrings } from './host.js';

export type FieldValue = string | boolean;
export type FieldValues = Record<string, FieldValue>;

export interface ConsoleFieldSpec {
  /** The body path the field fills (`title`, `options.0.label`); also the control's `name`. */
  name: string;
  label: string;
  hint?: string | undefined;
  type?: 'text' | 'textarea' | 'number' | 'checkbox' | 'date' | 'datetime-local' | 'select' | 'email' | 'url';
  /** A select's choices. */
  choices?: readonly { value: string; label: string }[];
  required?: boolean;
  /** Maximum length (a live counter on text areas). */
  max?: number;
  /** Minimum of a number. */
  min?: number;
  disabled?: boolean;
}

/** An issue as zod reports it (a server's 400 gives only path, code and message). */
export interface FieldIssue {
  path: string;
  code: string;
  message: string;
  origin?: string;
  format?: string;
  maximum?: number | bigint;
  minimum?: number | bigint;
  input?: unknown;
}

/** The control's id for a body path (`options.0.label` → `f-options-0-label`). */
export const fieldId = (name: string, prefix = 'f') => `${prefix}-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

const n = (x: number | bigint | undefined) => Number(x ?? 0);

/** What is wrong, in words: the organiser reads this beside the field. */
export function describeIssue(issue: FieldIssue, t: ConsoleStrings['fields'], fmt: (n: number) => string): string {
  const empty = issue.input === undefined || issue.input === null || issue.input === '';
  switch (issue.code) {
    case 'invalid_type':
      return empty ? t.required : t.wrongType;
    case 'too_small':
      if (issue.origin === 'string' && n(issue.minimum) <= 1) return t.required;
      if (issue.origin === 'array') return t.atLeastItems(fmt(n(issue.minimum)));
      return issue.origin === 'string' ? t.atLeastChars(fmt(n(issue.minimum))) : t.atLeast(fmt(n(issue.minimum)));
    case 'too_big':
      if (issue.origin === 'array') return t.atMostItems(fmt(n(issue.maximum)));
      return issue.origin === 'string' ? t.atMostChars(fmt(n(issue.maximum))) : t.atMost(fmt(n(issue.maximum)));
    case 'invalid_format':
      if (issue.format === 'datetime' || issue.format === 'date') return empty ? t.required : t.dateTime;
      if (issue.format === 'url') return t.url;
      if (issue.format === 'email') return t.email;
      if (issue.message === 'invalid id') return empty ? t.required : t.slug;
      return empty || (typeof issue.input === 'string' && !issue.input.trim()) ? t.required : t.invalid;
    case 'invalid_value':
      return t.choose;
    case 'unrecognized_keys':
      return t.unknownKey;
    default:
      return issue.message && issue.code === 'custom' ? issue.message : t.invalid;
  }
}

/** Zod's issues as `FieldIssue`s (path joined with dots). */
export const toFieldIssues = (issues: readonly z.core.$ZodIssue[]): FieldIssue[] =>
  issues.map((i) => ({ ...(i as object), path: i.path.join('.') || 'body', code: i.code, message: i.message }) as FieldIssue);

/**
 * A form's state against a schema: values, the body they make, its issues, and which fields the
 * organiser has changed. `errors` are in words, by field name; issues under no field go to `body`.
 */
export class SchemaForm<Body> {
  values: FieldValues;
  touched = new Set<string>();
  submitted = false;
  issues: FieldIssue[] = [];
  /** The controls' id prefix (two forms on one screen need two). */
  prefix = 'f';
  /** Errors a server gave (a 400's issues, a 409's conflict), by field; cleared when the field changes. */
  server: Record<string, string> = {};
  /** Rules over several fields (src/domain), checked once the schema passes. */
  rules: ((body: Body) => readonly FieldIssue[]) | undefined;
  /** The form's own words for some issues (a rule's), before the general ones. */
  words: ((issue: FieldIssue) => string | undefined) | undefined;

  constructor(
    readonly schema: z.ZodMiniType<Body>,
    readonly toBody: (values: FieldValues) => unknown,
    readonly t: () => ConsoleStrings['fields'],
    readonly fmt: (n: number) => string,
    values: FieldValues = {},
  ) {
    // Checked on the first change or `reset` (the form's owner may not be ready for `toBody` yet).
    this.values = values;
  }

  /** Starts again from `values` (a loaded item, or a new one): nothing touched, no errors shown. */
  reset(values: FieldValues): void {
    this.values = values;
    this.touched = new Set();
    this.submitted = false;
    this.server = {};
    this.check();
  }

  /** A change from a control: the value, the field touched, the body checked again. */
  set(name: string, value: FieldValue): void {
    this.values = { ...this.values, [name]: value };
    this.touched.add(name);
    delete this.server[name];
    delete this.server['body'];
    this.check();
  }

  /** A change made outside `values` (a list's row): the field touched, the body checked again. */
  touch(name: string): void {
    this.touched.add(name);
    delete this.server[name.split('.')[0]!];
    delete this.server['body'];
    this.check();
  }

  /** Parses the body; returns it when it passes. */
  check(): Body | undefined {
    const r = this.schema.safeParse(this.toBody(this.values));
    this.issues = r.success ? [...(this.rules?.(r.data) ?? [])] : toFieldIssues(r.error.issues);
    return r.success && !this.issues.length ? r.data : undefined;
  }

  /** The issues of `name` and of the paths under it (`options` has `options.1.label`'s). */
  #issuesOf(name: string): FieldIssue[] {
    return this.issues.filter((i) => i.path === name || i.path.startsWith(`${name}.`));
  }

  /** The error shown beside `name`, if it has one and has been touched (or a save was tried). */
  error(name: string): string | undefined {
    if (this.server[name]) return this.server[name];
    if (!this.submitted && !this.touched.has(name)) return undefined;
    const issue = this.issues.find((i) => i.path === name);
    return issue && this.describe(issue);
  }

  /** Whether any issue is under `name` (a list's row, say), shown or not. */
  invalid(name: string): boolean {
    return this.#issuesOf(name).length > 0 || !!this.server[name];
  }

  /** Issues under no field of `names`: the form's own alert shows them. */
  orphans(names: readonly string[]): string[] {
    const known = (p: string) => names.some((n) => p === n || p.startsWith(`${n}.`));
    const own = this.issues.filter((i) => !known(i.path)).map((i) => this.describe(i));
    return this.submitted ? [...own, ...(this.server['body'] ? [this.server['body']] : [])] : this.server['body'] ? [this.server['body']] : [];
  }

  /** Marks the form as submitted (every error shows); returns the body when it passes. */
  submit(): Body | undefined {
    this.submitted = true;
    return this.check();
  }

  /** A server's 400 issues, beside their fields. */
  fromServer(issues: readonly ApiIssue[]): void {
    this.server = {};
    for (const i of issues) this.server[i.path] ??= this.describe({ ...i, input: this.values[i.path] });
  }

  /** An issue in words: the form's own, else the general ones. */
  describe(issue: FieldIssue): string {
    return this.words?.(issue) ?? describeIssue(issue, this.t(), this.fmt);
  }

  /** The first control with an error in `names`' order, focused. */
  focusFirstError(root: ParentNode, names: readonly string[]): boolean {
    const first = names.find((n) => this.error(n));
    const el = first ? root.querySelector<HTMLElement>(`#${fieldId(first, this.prefix)}`) : null;
    el?.focus();
    return !!el;
  }
}

/** Draws a field of `form`: label, hint, control, counter, error (aria-invalid, aria-describedby). */
export function renderConsoleField<B>(form: SchemaForm<B>, spec: ConsoleFieldSpec, onChange: () => void, t: ConsoleStrings): TemplateResult {
  const { name, label, hint, type = 'text', max, min, required } = spec;
  const id = fieldId(name, form.prefix);
  const error = form.error(name);
  const value = form.values[name];
  const text = typeof value === 'string' ? value : '';
  const left = max ? max - [...text].length : 0;
  const counter = type === 'textarea' && max;
  const describedBy = [hint && `${id}-h`, counter && `${id}-c`, error && `${id}-e`].filter(Boolean).join(' ') || nothing;
  const errorEl = error ? html`<span class="error" id="${id}-e">${error}</span>` : nothing;
  const set = (v: FieldValue) => {
    form.set(name, v);
    onChange();
  };
  const hintEl = hint ? html`<span class="hint" id="${id}-h">${hint}</span>` : nothing;
  if (type === 'checkbox')
    return html`<div class="field">
      <label class="check"
        ><input type="checkbox" id=${id} name=${name} .checked=${value === true} ?disabled=${spec.disabled} aria-invalid=${!!error}
          aria-describedby=${describedBy} @change=${(e: Event) => set((e.target as HTMLInputElement).checked)} />${label}</label
      >${hintEl}${errorEl}
    </div>`;
  const labelEl = html`<label for=${id}>${label} ${required ? nothing : html`<span class="hint">(${t.optional})</span>`}</label>`;
  const input = (e: Event) => set((e.target as HTMLInputElement).value);
  let control: TemplateResult;
  if (type === 'textarea')
    control = html`<textarea id=${id} name=${name} .value=${text} ?required=${required} ?disabled=${spec.disabled}
      aria-invalid=${!!error} aria-describedby=${describedBy} @input=${input}></textarea>`;
  else if (type === 'select')
    control = html`<select id=${id} name=${name} .value=${text} ?disabled=${spec.disabled} aria-invalid=${!!error}
      aria-describedby=${describedBy} @change=${input}>
      ${(spec.choices ?? []).map((c) => html`<option value=${c.value} ?selected=${c.value === text}>${c.label}</option>`)}
    </select>`;
  else
    control = html`<input id=${id} name=${name} type=${type} .value=${text} min=${min ?? nothing}
      maxlength=${type === 'text' && max ? max : nothing} ?required=${required} ?disabled=${spec.disabled}
      aria-invalid=${!!error} aria-describedby=${describedBy} @input=${input} />`;
  return html`<div class="field">
    ${labelEl} ${hintEl} ${control}
    ${counter ? html`<span class="hint" id="${id}-c" aria-live=${left < 50 ? 'polite' : 'off'}>${t.left(left, form.fmt(left))}</span>` : nothing}
    ${errorEl}
  </div>`;
}

/** A local date and time for a `datetime-local` input, from an instant (empty for none). */
export const localDateTime = (iso: string | null | undefined): string => {
  if (!iso) return '';
  const d = new Date(iso);
  const p = (x: number) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
};

/** The instant of a `datetime-local` value in the browser's time zone (null for empty; the raw text when unreadable, for the schema to refuse). */
export const instant = (local: FieldValue | undefined): string | null => {
  if (typeof local !== 'string' || !local) return null;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? local : d.toISOString();
};

/** The browser's time zone, as the editor shows it beside dates (`Europe/Paris`, `America/Toronto`). */
export const timeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

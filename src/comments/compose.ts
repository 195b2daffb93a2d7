/** The compose form: a comment, or a reply under the comment replied to. Part of the widget's own file: it works offline. */
import { html, nothing, type TemplateResult } from 'lit';
import { COMMENT_LIMITS, type Comment } from '../api/comments.js';
import { renderField, renderHoneypot, type FieldSpec, type Form } from '../core/form.js';
import type { Strings } from './host.js';

/** The form's fields (the schema's `body` is the form's `text`); `requireEmail`: the email is not optional. */
export function composeFields(t: Strings, requireEmail = false): FieldSpec[] {
  const L = COMMENT_LIMITS;
  return [
    { name: 'name', label: t.name, autocomplete: 'name', required: true, max: L.name },
    { name: 'email', label: t.email, type: 'email', autocomplete: 'email', hint: t.emailHint, max: L.email, required: requireEmail },
    { name: 'website', label: t.website, type: 'url', autocomplete: 'url', max: L.website },
    { name: 'text', label: t.text, type: 'textarea', required: true, max: L.body, hint: t.textHint },
    { name: 'notifyReplies', label: t.notifyReplies, type: 'checkbox' },
  ];
}

export interface ComposeState {
  form: Form;
  fields: FieldSpec[];
  heading: TemplateResult;
  /** The comment replied to, if any. */
  to: Comment | undefined;
  preview: boolean;
  md: (body: string) => unknown;
  submit: (e: SubmitEvent) => void;
  togglePreview: () => void;
  cancel: () => void;
  prefetch: () => void;
}

export function renderCompose(s: ComposeState): TemplateResult {
  const { form, to } = s;
  const t = form.l.t as Strings;
  const [name, email, website, text, notify] = s.fields.map((f) => renderField(form, f));
  const sending = !!form.disabled;
  return html`<form part="form" novalidate aria-labelledby="compose" @submit=${s.submit} @focusin=${s.prefetch}
    @keydown=${(e: KeyboardEvent) => to && e.key === 'Escape' && s.cancel()}>
    ${s.heading}
    ${form.errors['form'] ? html`<div role="alert" tabindex="-1">${form.errors['form']}</div>` : nothing}
    <div class="fields">${name}${email}${website}</div>
    ${text}
    ${s.preview
      ? html`<div part="preview" role="region" aria-label=${t.preview}>${s.md(String(form.values['text'] ?? '').trim()) || nothing}</div>`
      : nothing}
    ${notify} ${renderHoneypot(form)}
    <div class="actions">
      <button part="submit" ?disabled=${sending}>${sending ? t.sending : to ? t.submitReply : t.submit}</button>
      <button type="button" aria-expanded=${s.preview} @click=${s.togglePreview}>${t.preview}</button>
      ${to ? html`<button type="button" @click=${s.cancel}>${t.cancel}</button>` : nothing}
    </div>
  </form>`;
}

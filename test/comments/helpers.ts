/** Helpers of the comments browser tests. */
import { html } from 'lit';
import type { MemoryBackend } from '../../src/api/memory-backend.js';
import type { CivicComments } from '../../src/comments/civic-comments.js';
import '../../src/define/civic-comments.js';
import { $, mount, type, waitForText, waitUntil } from '../helpers.js';

/** A <civic-comments> on the thread `plan-numerique` of `backend`, once rendered. */
export async function comments(backend: MemoryBackend, lang = 'fr', attrs: { sort?: string; pageSize?: number } = {}) {
  const el = await mount<CivicComments>(
    html`<civic-comments lang=${lang} thread="plan-numerique" sort=${attrs.sort ?? 'oldest'} page-size=${attrs.pageSize ?? 20} .backend=${backend}></civic-comments>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('[part~=base]'), 'thread rendered');
  return el;
}
export const field = (el: Element, name: string) => $<HTMLInputElement>(el, `form [name=${name}]`);
export async function fill(el: Element, values: Record<string, string>) {
  for (const [name, value] of Object.entries(values)) await type(field(el, name), value);
}
export const submit = (el: Element) => $<HTMLButtonElement>(el, 'form [part~=submit]').click();
/** Fills the form with `values`, sends it, and waits until the widget says `expected`. */
export async function send(el: Element, values: Record<string, string>, expected: string | RegExp) {
  await fill(el, values);
  submit(el);
  await waitForText(el, expected);
}
export const article = (el: Element, id: string) => $(el, `#c-${id}`);
export const focused = (el: Element) => el.shadowRoot!.activeElement;
/** The comment ids in display order with their nesting level (1 = top). */
export const outline = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('article[id]')].map((a) => {
    let level = 0;
    for (let n: Element | null = a.closest('li'); n; n = n.parentElement?.closest('li') ?? null) level++;
    return `${a.id.slice(2)}@${level}`;
  });


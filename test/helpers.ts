/**
 * Shared browser-test helpers. Importing this module makes every test fail on a Lit dev-mode
 * warning (a cheap way to catch real bugs, such as a change-in-update loop).
 */
import { expect, fixture, nextFrame, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import type { Petition } from '../src/api/petition.js';

const warnings: string[] = [];
const warn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  const text = args.map(String).join(' ');
  // Printed once per page by Lit's development build; not a warning about our code.
  if (!/Lit is in dev mode|Multiple versions of Lit/.test(text)) warnings.push(text);
  warn(...args);
};

afterEach(() => {
  const seen = warnings.splice(0);
  expect(seen, `console warnings:\n${seen.join('\n')}`).to.deep.equal([]);
  localStorage.clear();
});

export { expect, fixture, nextFrame, waitUntil, sendKeys };

/** The element's shadow root, typed. */
export const shadow = (el: Element): ShadowRoot => el.shadowRoot!;
/** One element in a shadow root, or a failed test. */
export function $<T extends Element = HTMLElement>(el: Element, selector: string): T {
  const found = el.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector} in <${el.localName}>`);
  return found;
}
/** All visible text of an element's shadow root, whitespace collapsed. */
export const text = (el: Element): string => (el.shadowRoot?.textContent ?? '').replace(/[\s\u202f]+/g, ' ').trim();
/** The live-region text (role=status) of a widget. */
export const announced = (el: Element): string =>
  [...el.shadowRoot!.querySelectorAll('[role=status]')].map((n) => n.textContent).join(' ').trim();

/** Types into a field the way a person does: focus, then real key presses. */
export async function type(field: HTMLElement, value: string): Promise<void> {
  field.focus();
  await sendKeys({ type: value });
}

/** Waits until the element's text contains `needle`. */
export const waitForText = (el: Element, needle: string | RegExp, message?: string, timeout = 4000) =>
  waitUntil(() => (typeof needle === 'string' ? text(el).includes(needle) : needle.test(text(el))), message ?? `waiting for "${needle}" in: ${text(el)}`, { timeout });

/** The events of `type` that `el` fires from now on, in order. */
export function recorded<K extends keyof GlobalEventHandlersEventMap>(el: Element, type: K): GlobalEventHandlersEventMap[K][] {
  const events: GlobalEventHandlersEventMap[K][] = [];
  el.addEventListener(type, (e) => events.push(e as GlobalEventHandlersEventMap[K]));
  return events;
}

export async function mount<T extends Element>(template: TemplateResult): Promise<T> {
  return fixture<T>(template);
}

export function petitionData(over: Partial<Petition> = {}): Petition {
  return {
    id: 'plan-numerique',
    title: 'Pour un plan numérique pour le Québec',
    summary: 'Nous demandons au gouvernement une stratégie numérique cohérente.\n\nSignez pour appuyer la démarche.',
    url: null,
    goal: 500,
    signatureCount: 120,
    status: 'open',
    closesAt: null,
    doubleOptIn: true,
    locale: 'fr',
    recentSigners: [{ name: 'Marie T.', city: 'Rimouski', signedAt: new Date(Date.now() - 5 * 60_000).toISOString() }],
    createdAt: '2026-10-01T12:00:00.000Z',
    updatedAt: '2026-11-20T12:00:00.000Z',
    ...over,
  };
}

/**
 * Puts a strict Content-Security-Policy (`style-src 'self'`, no 'unsafe-inline': `style` attributes
 * and <style> elements blocked) on this test file's page, before anything renders. Returns the
 * violations reported, as `directive sample`.
 */
export function strictCsp(): string[] {
  document.head.prepend(Object.assign(document.createElement('meta'), { httpEquiv: 'Content-Security-Policy', content: "style-src 'self'" }));
  const blocked: string[] = [];
  document.addEventListener('securitypolicyviolation', (e) => blocked.push(`${e.violatedDirective} ${e.sample}`));
  return blocked;
}

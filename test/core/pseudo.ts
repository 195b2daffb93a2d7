/**
 * Checks of a widget rendered in the pseudo-locale (src/core/pseudo.ts): text that did not come from
 * its strings (hard-coded), and layout that breaks with longer strings at 320 px. Used by
 * test/core/pseudo.test.ts for every widget and by each new widget's test.
 */
import { setViewport } from '@web/test-runner-commands';
import { PSEUDO, usePseudoLocale } from '../../src/core/pseudo.js';
import { expect } from '../helpers.js';

export { PSEUDO };

/** Before the tests of a file: the pseudo-locale registered, a 320 px wide window. */
export async function pseudoPage(): Promise<void> {
  usePseudoLocale();
  await setViewport({ width: 320, height: 900 });
}

/** Attributes a reader sees or hears, checked like text. */
const SPOKEN = ['aria-label', 'aria-description', 'aria-valuetext', 'aria-roledescription', 'title', 'placeholder', 'alt'];

/** Names that are no language's to translate. */
const NAMES = ['Mastodon', 'Bluesky', 'Facebook', 'LinkedIn'];

/** Every word of the data a widget shows (organisers' titles, people's names and comments): not the widget's own text. */
function contentWords(content: unknown, into = new Set<string>()): Set<string> {
  if (typeof content === 'string') for (const w of content.match(/\p{L}+/gu) ?? []) into.add(w);
  else if (Array.isArray(content)) content.forEach((c) => contentWords(c, into));
  else if (content && typeof content === 'object') Object.values(content).forEach((c) => contentWords(c, into));
  return into;
}

/** The words Intl writes in dates of the pseudo-locale (English ones: no ICU data makes them pseudo). */
const dateWords = (() => {
  const words = new Set<string>();
  for (let m = 0; m < 12; m++) {
    for (const month of ['long', 'short'] as const) words.add(new Date(2026, m, 1).toLocaleString(PSEUDO, { month }));
    for (const weekday of ['long', 'short'] as const) words.add(new Date(2026, 0, 1 + m).toLocaleString(PSEUDO, { weekday }));
  }
  for (const w of new Date(2026, 0, 1, 15).toLocaleString(PSEUDO, { dateStyle: 'full', timeStyle: 'short' }).match(/\p{L}+/gu) ?? []) words.add(w);
  return new Set([...words].flatMap((w) => w.match(/\p{L}+/gu) ?? []).concat(['AM', 'PM']));
})();

/** Every node of a widget's shadow tree (nested shadow roots included), not the page's slotted content. */
function* nodes(root: Node): Generator<Node> {
  for (const child of root.childNodes) {
    yield child;
    if (child instanceof Element && child.shadowRoot) yield* nodes(child.shadowRoot);
    yield* nodes(child);
  }
}

/** Where a node is, for a failure message: `form > label`. */
const where = (n: Node): string => {
  const path: string[] = [];
  for (let e = n instanceof Element ? n : n.parentElement; e && path.length < 4; e = e.parentElement) {
    path.unshift(e.localName + (e.getAttribute('part') ? `[part=${e.getAttribute('part')}]` : e.className ? `.${String(e.className).split(' ')[0]}` : ''));
  }
  return path.join(' > ');
};

/** Texts of the widget with a plain a-z word that is neither its data's nor a date's: text not taken from its strings. */
export function hardCoded(el: Element, content: unknown): string[] {
  const ok = contentWords([content, NAMES]);
  const plain = (s: string) => (s.match(/\p{L}+/gu) ?? []).filter((w) => /[A-Za-z]/.test(w) && !ok.has(w) && !dateWords.has(w));
  const found: string[] = [];
  for (const n of nodes(el.shadowRoot!)) {
    // Code (a field's path in a file) is no language's.
    if (n.nodeType === Node.TEXT_NODE && !n.parentElement?.closest('style, script, code')) {
      const words = plain(n.textContent ?? '');
      if (words.length) found.push(`"${n.textContent!.trim()}" in ${where(n)} (${words.join(', ')})`);
    } else if (n instanceof Element) {
      for (const a of SPOKEN) {
        const words = plain(n.getAttribute(a) ?? '');
        if (words.length) found.push(`${a}="${n.getAttribute(a)}" on ${where(n)} (${words.join(', ')})`);
      }
    }
  }
  return found;
}

/**
 * What breaks the layout: an element sticking out of the widget (not inside a scrolling box, which
 * may be wider by design), a box that cuts its text off, the page scrolling sideways.
 */
export function brokenLayout(el: Element): string[] {
  const found: string[] = [];
  const box = el.getBoundingClientRect();
  if (document.documentElement.scrollWidth > innerWidth) found.push(`the page scrolls sideways (${document.documentElement.scrollWidth} px wide at ${innerWidth} px)`);
  for (const n of nodes(el.shadowRoot!)) {
    if (!(n instanceof HTMLElement) || n.closest('style, script')) continue;
    const style = getComputedStyle(n);
    if (style.display === 'none' || style.visibility === 'hidden') continue;
    const r = n.getBoundingClientRect();
    if (!r.width || !r.height) continue;
    // Screen-reader-only text is a clipped 1 px box: not a layout.
    if (r.width <= 1 || r.height <= 1) continue;
    const scroller = (() => {
      for (let e = n.parentElement ?? (n.getRootNode() as ShadowRoot).host; e && e !== el; e = e.parentElement ?? (e.getRootNode() as ShadowRoot).host) {
        if (getComputedStyle(e).overflowX !== 'visible') return e;
      }
      return undefined;
    })();
    // A modal dialog is laid out over the page, not in the widget: it must fit the window.
    const [left, right, what] = n.closest(':modal, :popover-open') ? [0, innerWidth, 'the window'] : [box.left, box.right, 'the widget'];
    if (!scroller && (r.right > right + 1 || r.left < left - 1)) {
      found.push(`${where(n)} sticks out of ${what} (${Math.round(r.left - left)} to ${Math.round(r.right - left)} px of ${Math.round(right - left)})`);
    }
    // A control wider than the box it sits in (a row that does not wrap, a fixed width).
    const parent = n.parentElement;
    if (!scroller && parent && n.matches('button, input, select, textarea, a, label, progress') && !/^(inline|contents)$/.test(getComputedStyle(parent).display)) {
      const p = parent.getBoundingClientRect();
      if (r.right > p.right + 1 || r.left < p.left - 1) found.push(`${where(n)} sticks out of its ${parent.localName} (${Math.round(r.left - p.left)} to ${Math.round(r.right - p.left)} px of ${Math.round(p.width)})`);
    }
    if (style.overflowX !== 'visible' && style.overflowX !== 'auto' && style.overflowX !== 'scroll' && n.scrollWidth > n.clientWidth + 1) {
      found.push(`${where(n)} cuts its text off (${n.scrollWidth} px in ${n.clientWidth})`);
    }
  }
  return found;
}

/** Fails on hard-coded text or broken layout in the widget's current state (`state` names it in the message). */
export async function expectPseudo(el: Element & { updateComplete?: Promise<unknown> }, content: unknown, state: string): Promise<void> {
  await el.updateComplete;
  expect(el.shadowRoot!.textContent, `${state}: rendered in the pseudo-locale`).to.match(/\[[^\]]*[^\x00-\x7f]/);
  expect(hardCoded(el, content), `${state}: text not taken from the strings`).to.deep.equal([]);
  expect(brokenLayout(el), `${state}: layout at ${innerWidth} px`).to.deep.equal([]);
}

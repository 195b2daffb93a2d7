/**
 * The tags of an HTML document, read in one pass whatever it holds: the HTML read here comes from
 * anyone (a webmention's source page, an imported comment), so nothing goes back over what it has
 * passed, and a page of a megabyte costs a few milliseconds however it is made.
 *
 * As in a browser, a quoted attribute value may hold `>`, comments and doctypes are skipped, and the
 * text of script, style, textarea and title elements is not read for tags. Unlike a browser, an
 * unterminated quote ends at the tag's next `>` rather than taking the rest of the page. The walk
 * stops where nothing can close any more (no `>`, `-->` or end tag left): the rest is text.
 */

export interface Tag {
  /** The name in lower case; `!` for a comment, a doctype or a processing instruction. */
  name: string;
  /** An end tag (`</p>`). */
  closing: boolean;
  /** Attributes by lower-case name, values as written (character references not decoded); the first of a name wins. */
  attrs: Map<string, string>;
  /** Where the tag starts (its `<`) and ends (just after its `>`). */
  start: number;
  end: number;
}

// Sticky patterns, each a single run of one character class: they match where the walk stands and
// cannot backtrack.
const NAME = /[a-zA-Z][^\s/>]*/y;
const ATTR_NAME = /[^\s/>][^\s/>=]*/y;
const GAP = /[\s/]*/y;
const SPACE = /\s*/y;
const UNQUOTED = /[^\s>]*/y;
const RAW_TEXT = ['script', 'style', 'textarea', 'title'];
const rawEnd = new Map(RAW_TEXT.map((n) => [n, new RegExp(`</${n}[\\s/>]`, 'gi')]));

const skip = (re: RegExp, html: string, at: number) => {
  re.lastIndex = at;
  re.exec(html);
  return re.lastIndex;
};

/** The tags of `html`, in order. */
export function* tags(html: string): Generator<Tag> {
  // Once a quote has no match further on, it never will: remembered so that no search runs twice to the end.
  const unmatched = { '"': false, "'": false };
  let i = 0;
  for (;;) {
    const lt = html.indexOf('<', i);
    if (lt < 0) return;
    const next = html.charAt(lt + 1);
    if (html.startsWith('!--', lt + 1)) {
      const end = html.indexOf('-->', lt + 2);
      if (end < 0) return;
      yield { name: '!', closing: false, attrs: new Map(), start: lt, end: end + 3 };
      i = end + 3;
      continue;
    }
    const closing = next === '/';
    NAME.lastIndex = lt + (closing ? 2 : 1);
    const name = NAME.exec(html)?.[0].toLowerCase();
    if (!name) {
      if (!closing && next !== '!' && next !== '?') {
        i = lt + 1; // a `<` in text
        continue;
      }
      const end = html.indexOf('>', lt + 1);
      if (end < 0) return;
      yield { name: '!', closing: false, attrs: new Map(), start: lt, end: end + 1 };
      i = end + 1;
      continue;
    }
    const attrs = new Map<string, string>();
    let p = NAME.lastIndex;
    for (;;) {
      p = skip(GAP, html, p);
      if (p >= html.length) return; // the tag never closes
      if (html[p] === '>') break;
      ATTR_NAME.lastIndex = p;
      const attr = ATTR_NAME.exec(html)![0].toLowerCase();
      p = skip(SPACE, html, ATTR_NAME.lastIndex);
      let value = '';
      if (html[p] === '=') {
        p = skip(SPACE, html, p + 1);
        const q = html[p];
        if (q === '"' || q === "'") {
          const close = unmatched[q] ? -1 : html.indexOf(q, p + 1);
          if (close >= 0) {
            value = html.slice(p + 1, close);
            p = close + 1;
          } else {
            unmatched[q] = true;
            const gt = html.indexOf('>', p + 1);
            if (gt < 0) return;
            value = html.slice(p + 1, gt);
            p = gt;
          }
        } else {
          UNQUOTED.lastIndex = p;
          value = UNQUOTED.exec(html)![0];
          p = UNQUOTED.lastIndex;
        }
      }
      if (!attrs.has(attr)) attrs.set(attr, value);
    }
    yield { name, closing, attrs, start: lt, end: p + 1 };
    i = p + 1;
    const raw = closing ? undefined : rawEnd.get(name);
    if (raw) {
      raw.lastIndex = i;
      const m = raw.exec(html);
      if (!m) return; // the element's text runs to the end
      i = m.index;
    }
  }
}

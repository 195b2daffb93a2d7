/**
 * A small XML reader for the export files the server imports (WordPress WXR, Disqus): elements,
 * attributes, text, CDATA and character references. No DTDs, no external entities (nothing is
 * ever fetched or expanded beyond the five predefined entities), so a hostile file cannot make it
 * read files or grow without end. Names keep their prefix (`wp:comment`).
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: (XmlElement | string)[];
}

const predefined: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export const decodeXmlText = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, e: string) => {
    if (e[0] !== '#') return predefined[e] ?? all;
    const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : all;
  });

export class XmlError extends Error {}

/** A start tag, matched where the reader stands (sticky). */
const TAG = /<([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;

/** Parses a document; its root element. */
export function parseXml(text: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  let i = 0;
  const n = text.length;
  const top = () => stack[stack.length - 1]!;
  const line = () => text.slice(0, i).split('\n').length;
  while (i < n) {
    const lt = text.indexOf('<', i);
    if (lt < 0 || lt > i) {
      const raw = text.slice(i, lt < 0 ? n : lt);
      if (stack.length > 1) top().children.push(decodeXmlText(raw));
      else if (raw.trim()) throw new XmlError(`text outside the root element at line ${line()}`);
      if (lt < 0) break;
      i = lt;
    }
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0) throw new XmlError(`unclosed comment at line ${line()}`);
      i = end + 3;
    } else if (text.startsWith('<![CDATA[', i)) {
      const end = text.indexOf(']]>', i + 9);
      if (end < 0) throw new XmlError(`unclosed CDATA at line ${line()}`);
      top().children.push(text.slice(i + 9, end));
      i = end + 3;
    } else if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i + 2);
      if (end < 0) throw new XmlError(`unclosed processing instruction at line ${line()}`);
      i = end + 2;
    } else if (text.startsWith('<!', i)) {
      // A DOCTYPE: skipped whole (an internal subset in brackets included), never interpreted.
      let depth = 0;
      let j = i + 2;
      for (; j < n; j++) {
        const ch = text[j];
        if (ch === '[') depth++;
        else if (ch === ']') depth--;
        else if (ch === '>' && depth <= 0) break;
      }
      i = j + 1;
    } else if (text[i + 1] === '/') {
      const end = text.indexOf('>', i);
      if (end < 0) throw new XmlError(`unclosed tag at line ${line()}`);
      const name = text.slice(i + 2, end).trim();
      const open = stack.pop();
      if (!open || open === root || open.name !== name) throw new XmlError(`</${name}> does not close <${open?.name}> at line ${line()}`);
      i = end + 1;
    } else {
      TAG.lastIndex = i;
      const m = TAG.exec(text);
      if (!m) throw new XmlError(`malformed tag at line ${line()}`);
      const el: XmlElement = { name: m[1]!, attrs: {}, children: [] };
      for (const a of m[2]!.matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) el.attrs[a[1]!] = decodeXmlText(a[2] ?? a[3] ?? '');
      top().children.push(el);
      if (!m[3]) {
        if (stack.length > 200) throw new XmlError(`elements nested too deep at line ${line()}`);
        stack.push(el);
      }
      i += m[0].length;
    }
  }
  if (stack.length > 1) throw new XmlError(`<${top().name}> is not closed`);
  const el = root.children.find((c): c is XmlElement => typeof c !== 'string');
  if (!el) throw new XmlError('no root element');
  return el;
}

/** The child elements named `name` (any prefix when `name` has none and `anyPrefix`). */
export const children = (el: XmlElement, name: string): XmlElement[] => el.children.filter((c): c is XmlElement => typeof c !== 'string' && c.name === name);
export const child = (el: XmlElement, name: string): XmlElement | undefined => children(el, name)[0];
/** The text of an element (CDATA and text joined). */
export const text = (el: XmlElement | undefined): string => (el ? el.children.map((c) => (typeof c === 'string' ? c : text(c))).join('') : '');
/** The text of the child `name`, trimmed. */
export const childText = (el: XmlElement, name: string): string => text(child(el, name)).trim();

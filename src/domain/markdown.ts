/**
 * The comments' markdown subset: paragraphs (a single newline is a line break), *emphasis*,
 * **strong**, `inline code`, fenced code blocks, > quotes, - and 1. lists, [links](https://…),
 * <https://…> and bare http(s) links. Everything else is text.
 *
 * `parse` turns a comment's source into a small tree of plain data; `render` (markdown-render.ts)
 * turns that tree into Lit templates with text bindings only, so no reader's text ever becomes
 * HTML: a `<script>` in a comment is the eight characters `<script>`. Links keep only an
 * allowlisted protocol (url.ts); any other link target leaves its text as plain text.
 *
 * Written for hostile input: linear scanning (no backtracking regular expressions over the whole
 * text), nesting limited to MAX_DEPTH, so a crafted comment cannot stall or overflow the page.
 */
import { Scan, space, word } from './markdown-scan.js';
import { safeUrl } from './url.js';

export type Inline =
  | string
  | { t: 'br' }
  | { t: 'code'; text: string }
  | { t: 'em'; c: Inline[] }
  | { t: 'strong'; c: Inline[] }
  | { t: 'a'; href: string; c: Inline[] };

export type Block =
  | { t: 'p'; c: Inline[] }
  | { t: 'pre'; text: string }
  | { t: 'quote'; c: Block[] }
  | { t: 'ul' | 'ol'; start: number; items: Block[][] };

/** How deep quotes, lists and emphasis nest before the rest is text. */
export const MAX_DEPTH = 8;

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const QUOTE = /^ {0,3}> ?/;
const ITEM = /^( {0,3})([-*+]|(\d{1,9})[.)])( +|$)/;
const blank = (line: string) => !/\S/.test(line);

/** The blocks of a comment. */
export function parse(source: string, depth = 0): Block[] {
  return blocks(source.replace(/\r\n?/g, '\n').split('\n'), depth);
}

function blocks(lines: string[], depth: number): Block[] {
  const out: Block[] = [];
  let i = 0;
  const deep = depth >= MAX_DEPTH;
  while (i < lines.length) {
    const line = lines[i]!;
    if (blank(line)) {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1]!;
      const body: string[] = [];
      while (++i < lines.length && !lines[i]!.trim().startsWith(marker)) body.push(lines[i]!);
      i++;
      out.push({ t: 'pre', text: body.join('\n') });
      continue;
    }
    if (!deep && QUOTE.test(line)) {
      const body: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i]!)) body.push(lines[i++]!.replace(QUOTE, ''));
      out.push({ t: 'quote', c: blocks(body, depth + 1) });
      continue;
    }
    const item = !deep && ITEM.exec(line);
    if (item) {
      i = list(lines, i, item, depth, out);
      continue;
    }
    // A paragraph: up to a blank line or the start of another block.
    const para: string[] = [];
    while (i < lines.length && !blank(lines[i]!) && (!para.length || !(FENCE.test(lines[i]!) || (!deep && (QUOTE.test(lines[i]!) || ITEM.test(lines[i]!))))))
      para.push(lines[i++]!.trim());
    out.push({ t: 'p', c: inline(para.join('\n'), depth) });
  }
  return out;
}

/** A list from line `i`: items of the same kind; their indented lines (nested lists…) belong to them. */
function list(lines: string[], i: number, first: RegExpExecArray, depth: number, out: Block[]): number {
  const ordered = first[3] !== undefined;
  const items: Block[][] = [];
  let m: RegExpExecArray | null = first;
  while (m && (m[3] !== undefined) === ordered) {
    const indent = m[0].length || 1;
    const body = [lines[i]!.slice(m[0].length)];
    let gap = false;
    while (++i < lines.length) {
      const next = lines[i]!;
      if (blank(next)) {
        gap = true;
        body.push('');
        continue;
      }
      const lead = next.length - next.trimStart().length;
      if (lead >= indent) body.push(next.slice(indent));
      // A line that is not indented continues the item's paragraph, unless after a blank line or starting a block.
      else if (!gap && !ITEM.test(next) && !QUOTE.test(next) && !FENCE.test(next)) body.push(next);
      else break;
      gap = false;
    }
    items.push(blocks(body, depth + 1));
    m = i < lines.length ? ITEM.exec(lines[i]!) : null;
  }
  out.push({ t: ordered ? 'ol' : 'ul', start: ordered ? Math.min(+first[3]!, 1e9) : 1, items });
  return i;
}

const PUNCT = /[!-/:-@[-`{-~]/;

/** Labels and titles are short; a longer one is text. */
const LABEL = 1000;
/** A link's target and a bare link are at most this long. */
const TARGET = 2048;

/** The characters at which something other than text may start. */
const SPECIAL = '\\\n`[<hH*_';

/** Inline content: code spans, links, emphasis, line breaks and text. */
export function inline(text: string, depth = 0, links = true): Inline[] {
  const n = text.length;
  // One character is text, or a line break: emphasis of one character (`*_*_…`) recurses no further.
  if (n < 2) return text === '\n' ? [{ t: 'br' }] : text ? [text] : [];
  const out: Inline[] = [];
  const s = new Scan(text);
  let buf = '';
  // text[plain, i) is text not yet in `buf`: a run of text is sliced once, not added character by character.
  let plain = 0;
  let i = s.next(SPECIAL, 0);
  /** Ends the text before `i` with `node` (or the nodes of a text), and goes on at `end`. */
  const push = (end: number, node: Inline | Inline[]) => {
    buf += text.slice(plain, i);
    if (buf) out.push(buf);
    if (Array.isArray(node)) for (const x of node) out.push(x);
    else out.push(node);
    buf = '';
    plain = i = end;
  };
  // No bare link starts before this index (it lies in a candidate that was no link).
  let noBare = 0;
  let link: [string, string, number] | undefined;
  while (i < n) {
    const c = text[i]!;
    if (c === '\\' && PUNCT.test(text[i + 1] ?? '')) {
      // The escaped character is text: the text resumes with it.
      buf += text.slice(plain, i);
      plain = i + 1;
      i += 2;
    } else if (c === '\n') push(i + 1, { t: 'br' });
    else if (c === '`') {
      let k = i;
      while (text[k] === '`') k++;
      const len = k - i;
      const end = s.ticks(len, k);
      if (end < n) {
        let code = text.slice(k, end).replace(/\n/g, ' ');
        if (/^ .*[^ ].* $/.test(code)) code = code.slice(1, -1);
        push(end + len, { t: 'code', text: code });
      } else i = k;
    } else if (c === '[' && depth < MAX_DEPTH && (link = bracketLink(s, i))) {
      const [label, target, end] = link;
      const href = links && safeUrl(target);
      // A link's label holds no other link; a label whose target is refused is text.
      if (href) push(end, { t: 'a', href, c: inline(label, depth + 1, false) });
      else push(end, inline(label, depth + 1, links));
    } else if (c === '<' && links && (link = autolink(s, i))) push(link[2], { t: 'a', href: link[1], c: [link[0]] });
    else if ((c === 'h' || c === 'H') && links && i >= noBare && /^https?:\/\//i.test(text.slice(i, i + 8)) && !word(text[i - 1])) {
      let end = s.next(' <>', i);
      noBare = end;
      // Trailing punctuation ends the sentence, not the link (a closing parenthesis only if unmatched).
      let open = 0;
      let closed = 0;
      for (let k = i; k < end && end - i <= TARGET; k++) text[k] === '(' ? open++ : text[k] === ')' && closed++;
      while (end > i && /[.,:;!?'"*_)]/.test(text[end - 1]!)) {
        if (text[end - 1] === ')' && open > --closed) break;
        end--;
      }
      const href = end - i <= TARGET && end > i + 8 && safeUrl(text.slice(i, end));
      if (href) push(end, { t: 'a', href, c: [text.slice(i, end)] });
      else i++;
    } else if ((c === '*' || c === '_') && depth < MAX_DEPTH) {
      const d = text[i + 1] === c ? c + c : c;
      // An opener is followed by a non-space; `_` does not open inside a word (snake_case stays text).
      const end = !space(text[i + d.length]) && !(c === '_' && word(text[i - 1])) ? s.emphasis(d, i, i + d.length + 1) : n;
      if (end < n) push(end + d.length, { t: d.length > 1 ? 'strong' : 'em', c: inline(text.slice(i + d.length, end), depth + 1, links) });
      else i += d.length;
    } else i++;
    if (i < n && !SPECIAL.includes(text[i]!)) i = s.next(SPECIAL, i);
  }
  buf += text.slice(plain);
  if (buf) out.push(buf);
  return out;
}

/** An autolink `<https://…>` at `i`: its text, its URL and the index after it, or undefined. */
function autolink(s: Scan, i: number): [string, string, number] | undefined {
  const end = s.next('>', i);
  const url = s.text.slice(i + 1, end);
  const href = end < s.n && s.next('< ', i + 1) >= end && /^https?:\/\/./i.test(url) && safeUrl(url);
  return href ? [url, href, end + 1] : undefined;
}

/** `[label](target)` at `i`: the label, the target and the index after it (or undefined: not a link). */
function bracketLink(s: Scan, i: number): [string, string, number] | undefined {
  const { text, n } = s;
  // The matching `]`, within a paragraph (no blank line) and a short label.
  const j = s.close('[]', i + 1, i + 1);
  if (j >= n || j - i > LABEL || s.next('\n', i) < j && text.indexOf('\n\n', i) < j || text[j + 1] !== '(') return;
  // The target: up to the matching `)`, or up to white space followed by an optional title and `)`.
  const from = j + 2;
  const close = s.close('()', from, from);
  const ws = s.next(' ', from);
  let k = close;
  let end = close;
  if (ws < close) {
    end = ws;
    k = s.next(')', ws);
    if (k - ws > LABEL || !/^(?:"[^"]*"|'[^']*')?$/.test(text.slice(ws, k).trim())) return;
  }
  if (k >= n || end - from > TARGET) return;
  const target = text.slice(from, end).replace(/^<(.*)>$/, '$1');
  return [text.slice(i + 1, j), target, k + 1];
}

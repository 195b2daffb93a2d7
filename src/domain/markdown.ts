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
const space = (c: string | undefined) => c === undefined || /\s/.test(c);
const word = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** Inline content: code spans, links, emphasis, line breaks and text. */
export function inline(text: string, depth = 0): Inline[] {
  const out: Inline[] = [];
  // Delimiters known to have no closer from here on (so a text full of `*` stays linear).
  const none = new Set<string>();
  let buf = '';
  const flush = () => (buf && out.push(buf), (buf = ''));
  const push = (node: Inline) => (flush(), out.push(node));
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const rest = text.slice(i, i + 8);
    if (c === '\\' && PUNCT.test(text[i + 1] ?? '')) {
      buf += text[i + 1];
      i += 2;
      continue;
    }
    if (c === '\n') {
      push({ t: 'br' });
      i++;
      continue;
    }
    if (c === '`') {
      let n = 1;
      while (text[i + n] === '`') n++;
      const ticks = '`'.repeat(n);
      let end = text.indexOf(ticks, i + n);
      while (end >= 0 && text[end + n] === '`') end = text.indexOf(ticks, end + n + 1);
      if (end >= 0) {
        let code = text.slice(i + n, end).replace(/\n/g, ' ');
        if (/^ .*[^ ].* $/.test(code)) code = code.slice(1, -1);
        push({ t: 'code', text: code });
        i = end + n;
      } else {
        buf += ticks;
        i += n;
      }
      continue;
    }
    if (c === '[' && depth < MAX_DEPTH) {
      const link = bracketLink(text, i);
      if (link) {
        const [label, target, end] = link;
        const href = safeUrl(target);
        const c = inline(label, depth + 1);
        if (href) push({ t: 'a', href, c });
        else flush(), out.push(...c);
        i = end;
        continue;
      }
    }
    if (c === '<') {
      const end = text.indexOf('>', i);
      const href = end > 0 && /^<https?:\/\/[^\s<>]+>$/i.test(text.slice(i, end + 1)) && safeUrl(text.slice(i + 1, end));
      if (href) {
        push({ t: 'a', href, c: [text.slice(i + 1, end)] });
        i = end + 1;
        continue;
      }
    }
    if ((c === 'h' || c === 'H') && /^https?:\/\//i.test(rest) && !word(text[i - 1])) {
      let end = i;
      while (end < text.length && !/[\s<>]/.test(text[end]!)) end++;
      // Trailing punctuation ends the sentence, not the link (a closing parenthesis only if unmatched).
      while (end > i && /[.,:;!?'"*_)]/.test(text[end - 1]!)) {
        const url = text.slice(i, end);
        if (text[end - 1] === ')' && url.split('(').length > url.split(')').length - 1) break;
        end--;
      }
      const href = safeUrl(text.slice(i, end));
      if (href && end > i + 8) {
        push({ t: 'a', href, c: [text.slice(i, end)] });
        i = end;
        continue;
      }
    }
    if ((c === '*' || c === '_') && depth < MAX_DEPTH) {
      const strong = text[i + 1] === c;
      const d = strong ? c + c : c;
      const end = !none.has(d) && closer(text, i, d);
      if (end) {
        push({ t: strong ? 'strong' : 'em', c: inline(text.slice(i + d.length, end), depth + 1) });
        i = end + d.length;
        continue;
      }
      if (end === undefined) none.add(d);
      buf += d;
      i += d.length;
      continue;
    }
    buf += c;
    i++;
  }
  flush();
  return out;
}

/**
 * Where the emphasis opened at `i` with `d` closes, `false` if it cannot open here, `undefined` if
 * no closer follows at all. An opener is followed by a non-space, a closer preceded by one; `_`
 * does not open or close inside a word (snake_case stays text).
 */
function closer(text: string, i: number, d: string): number | false | undefined {
  const n = d.length;
  if (space(text[i + n]) || (d[0] === '_' && word(text[i - 1]))) return false;
  let found: number | undefined;
  for (let j = text.indexOf(d, i + n + 1); j >= 0; j = text.indexOf(d, j + 1)) {
    if (space(text[j - 1]) || text[j + n] === d[0] || (d[0] === '_' && word(text[j + n]))) continue;
    // A code span between opener and closer keeps its delimiters as code.
    if (text.slice(i, j).split('`').length % 2 === 0) continue;
    found = j;
    break;
  }
  return found;
}

/** `[label](target)` at `i`: the label, the target and the index after it (or undefined: not a link). */
function bracketLink(text: string, i: number): [string, string, number] | undefined {
  let level = 0;
  let j = i;
  // Labels are short: a text full of `[` stays linear.
  for (const stop = Math.min(text.length, i + 1000); j < stop; j++) {
    const ch = text[j];
    if (ch === '\\') j++;
    else if (ch === '[') level++;
    else if (ch === ']' && --level === 0) break;
    else if (ch === '\n' && text[j + 1] === '\n') return;
  }
  if (level || text[j + 1] !== '(') return;
  let k = j + 2;
  let end = -1;
  for (let parens = 1; k < text.length && k < j + 2000; k++) {
    const ch = text[k]!;
    if (ch === '(') parens++;
    else if (ch === ')' && --parens === 0) break;
    else if (/\s/.test(ch)) {
      // Only a title ("…" or '…') may follow the target, then `)`.
      end = k;
      k = text.indexOf(')', k);
      if (k < 0 || !/^(?:"[^"]*"|'[^']*')?$/.test(text.slice(end, k).trim())) return;
      break;
    }
  }
  if (text[k] !== ')') return;
  const target = text.slice(j + 2, end < 0 ? k : end).replace(/^<(.*)>$/, '$1');
  return [text.slice(i + 1, j), target, k + 1];
}

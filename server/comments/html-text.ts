/**
 * HTML as text: character references decoded, and the HTML of imported comments (WordPress,
 * Disqus) turned into the comments' markdown subset (paragraphs, emphasis, links, code, quotes,
 * lists). Whatever else the HTML holds is dropped to its text; the widgets render the result with
 * their parser, so nothing here has to be safe as HTML, only faithful as text.
 */

import { tags } from './html-tags.js';

const named: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', hellip: '…', laquo: '«', raquo: '»', rsquo: '’', lsquo: '‘',
  rdquo: '”', ldquo: '“', ndash: '–', mdash: '—', eacute: 'é', egrave: 'è', agrave: 'à', ccedil: 'ç', ecirc: 'ê', ocirc: 'ô',
};

/** Decodes the character references of HTML text or of an attribute value. */
export const decodeEntities = (s: string) =>
  !s.includes('&') ? s : s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (all, e: string) => {
    if (e[0] !== '#') return named[e] ?? named[e.toLowerCase()] ?? all;
    const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : all;
  });

/** Backslash-escapes what the markdown subset would read as markup. */
const escapeMd = (s: string) => s.replace(/[\\`*_[\]<>]/g, '\\$&');

/**
 * How deep quotes and list indentation go, as deep as the widgets' markdown reads them (MAX_DEPTH
 * in src/comments/markdown.ts): each quote level rewrites what it holds and each list level
 * indents every item, so unbounded nesting would cost the square of the input, or more.
 */
const MAX_DEPTH = 8;

interface Frame {
  tag: string;
  out: string;
  href?: string | undefined;
}

/** The markdown-subset form of a comment's HTML. */
export function htmlToMarkdown(html: string): string {
  const stack: Frame[] = [{ tag: '#root', out: '' }];
  const lists: ('ul' | 'ol')[] = [];
  let code = 0;
  let pre = 0;
  let deepQuotes = 0; // quotes opened past MAX_DEPTH, read as their text
  const top = () => stack[stack.length - 1]!;
  const emit = (s: string) => void (top().out += s);
  const close = (tag: string) => {
    // Closes up to the nearest open `tag`; a stray closing tag is ignored.
    if (!stack.some((f) => f.tag === tag)) return;
    while (stack.length > 1) {
      const f = stack.pop()!;
      let s = f.out;
      if (f.tag === 'a') s = f.href ? `[${s.trim() || escapeMd(f.href)}](${f.href.replace(/[()\s]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)})` : s;
      else if (f.tag === 'blockquote') s = `\n\n> ${s.trim().replace(/\n{3,}/g, '\n\n').replaceAll('\n', '\n> ')}\n\n`; // `> ` on a blank line loses its space at the end
      emit(s);
      if (f.tag === tag) return;
    }
  };
  const text = (raw: string) => {
    if (!raw) return;
    const t = decodeEntities(raw);
    emit(code || pre ? t : escapeMd(t));
  };
  let at = 0;
  for (const t of tags(html)) {
    text(html.slice(at, t.start));
    at = t.end;
    const { name: tag, closing: end } = t;
    switch (tag) {
      case 'br':
        emit('\n');
        break;
      case 'p':
      case 'div':
        emit('\n\n');
        break;
      case 'em':
      case 'i':
        if (!code && !pre) emit('*');
        break;
      case 'strong':
      case 'b':
        if (!code && !pre) emit('**');
        break;
      case 'code':
        if (pre) break;
        code += end ? -1 : 1;
        code = Math.max(0, code);
        emit('`');
        break;
      case 'pre':
        pre += end ? -1 : 1;
        pre = Math.max(0, pre);
        emit(end ? '\n```\n\n' : '\n\n```\n');
        break;
      case 'a': {
        close('a'); // a link does not hold another: one opening closes the one open, as in a browser
        if (!end) {
          const raw = t.attrs.get('href');
          const href = raw === undefined ? undefined : decodeEntities(raw).trim();
          stack.push({ tag: 'a', out: '', href: href && /^(https?:|mailto:)/i.test(href) ? href : undefined });
        }
        break;
      }
      case 'blockquote':
        if (end ? deepQuotes > 0 : stack.filter((f) => f.tag === 'blockquote').length >= MAX_DEPTH) deepQuotes += end ? -1 : 1;
        else if (end) close('blockquote');
        else stack.push({ tag: 'blockquote', out: '' });
        break;
      case 'ul':
      case 'ol':
        if (end) lists.pop();
        else lists.push(tag);
        emit('\n\n');
        break;
      case 'li':
        if (!end) emit(`\n${'  '.repeat(Math.max(0, Math.min(lists.length, MAX_DEPTH) - 1))}${lists[lists.length - 1] === 'ol' ? '1.' : '-'} `);
        break;
      default:
        break; // other tags: their text only
    }
  }
  text(html.slice(at));
  while (stack.length > 1) close(top().tag);
  // Blanks at the ends of lines dropped; the lookbehind starts a match only where a run of blanks
  // starts (plain /[ \t]+\n/ tries again from each blank of a long run, which takes quadratic time).
  return stack[0]!.out
    .replace(/(?<![ \t])[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

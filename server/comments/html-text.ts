/**
 * HTML as text: character references decoded, and the HTML of imported comments (WordPress,
 * Disqus) turned into the comments' markdown subset (paragraphs, emphasis, links, code, quotes,
 * lists). Whatever else the HTML holds is dropped to its text; the widgets render the result with
 * their parser, so nothing here has to be safe as HTML, only faithful as text.
 */

const named: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', hellip: '…', laquo: '«', raquo: '»', rsquo: '’', lsquo: '‘',
  rdquo: '”', ldquo: '“', ndash: '–', mdash: '—', eacute: 'é', egrave: 'è', agrave: 'à', ccedil: 'ç', ecirc: 'ê', ocirc: 'ô',
};

/** Decodes the character references of HTML text or of an attribute value. */
export const decodeEntities = (s: string) =>
  s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (all, e: string) => {
    if (e[0] !== '#') return named[e] ?? named[e.toLowerCase()] ?? all;
    const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : all;
  });

/** Backslash-escapes what the markdown subset would read as markup. */
const escapeMd = (s: string) => s.replace(/[\\`*_[\]<>]/g, '\\$&');

const attr = (attrs: string, name: string) => {
  const m = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(attrs);
  return m ? decodeEntities(m[1] ?? m[2] ?? m[3] ?? '').trim() : undefined;
};

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
  const top = () => stack[stack.length - 1]!;
  const emit = (s: string) => void (top().out += s);
  const close = (tag: string) => {
    // Closes up to the nearest open `tag`; a stray closing tag is ignored.
    if (!stack.some((f) => f.tag === tag)) return;
    while (stack.length > 1) {
      const f = stack.pop()!;
      let s = f.out;
      if (f.tag === 'a') s = f.href ? `[${s.trim() || escapeMd(f.href)}](${f.href.replace(/[()\s]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)})` : s;
      else if (f.tag === 'blockquote') s = `\n\n${s.trim().replace(/\n{3,}/g, '\n\n').split('\n').map((l) => (l ? `> ${l}` : '>')).join('\n')}\n\n`;
      emit(s);
      if (f.tag === tag) return;
    }
  };
  const tokens = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b([^>]*)>|<!--[\s\S]*?-->|([^<]+|<)/g;
  for (const m of html.matchAll(tokens)) {
    const [, slash, rawTag, attrs = '', textPart] = m;
    if (textPart !== undefined) {
      const t = decodeEntities(textPart);
      emit(code || pre ? t : escapeMd(t));
      continue;
    }
    if (!rawTag) continue; // a comment
    const tag = rawTag.toLowerCase();
    const end = slash === '/';
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
        if (end) close('a');
        else {
          const href = attr(attrs, 'href');
          stack.push({ tag: 'a', out: '', href: href && /^(https?:|mailto:)/i.test(href) ? href : undefined });
        }
        break;
      }
      case 'blockquote':
        if (end) close('blockquote');
        else stack.push({ tag: 'blockquote', out: '' });
        break;
      case 'ul':
      case 'ol':
        if (end) lists.pop();
        else lists.push(tag);
        emit('\n\n');
        break;
      case 'li':
        if (!end) emit(`\n${'  '.repeat(Math.max(0, lists.length - 1))}${lists[lists.length - 1] === 'ol' ? '1.' : '-'} `);
        break;
      default:
        break; // other tags: their text only
    }
  }
  while (stack.length > 1) close(top().tag);
  return stack[0]!.out
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

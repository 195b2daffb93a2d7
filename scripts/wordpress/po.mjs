// Compiles a gettext .po file for the WordPress plugin: the .mo file WordPress's PHP reads, and the
// JSON file (Jed) that wp.i18n reads for the editor script.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/** The entries of a .po file: [msgid, msgstr] pairs (the header's msgid is ''). */
export function parsePo(text) {
  const entries = [];
  let cur = null;
  let field = null;
  const unquote = (s) => JSON.parse(s.replace(/\\'/g, "'"));
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^(msgctxt|msgid|msgstr)\s+(".*")$/.exec(line);
    if (m) {
      if (m[1] === 'msgctxt' || (m[1] === 'msgid' && !(cur && field === 'msgctxt'))) entries.push((cur = { msgctxt: '', msgid: '', msgstr: '' }));
      field = m[1];
      cur[field] = unquote(m[2]);
    } else if (line.startsWith('"') && cur && field) cur[field] += unquote(line);
    else throw new Error(`unexpected line in .po: ${line}`);
  }
  // A context joins its message with U+0004, as gettext keys them.
  return entries.map((e) => [e.msgctxt ? `${e.msgctxt}\u0004${e.msgid}` : e.msgid, e.msgstr]);
}

/** A .mo file's bytes (little-endian, no hash table), as gettext and WordPress's MO reader read them. */
export function mo(entries) {
  const sorted = [...entries].sort(([a], [b]) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  const n = sorted.length;
  const ids = sorted.map(([id]) => Buffer.from(id));
  const strs = sorted.map(([, s]) => Buffer.from(s));
  const head = Buffer.alloc(28 + 16 * n);
  head.writeUInt32LE(0x950412de, 0);
  head.writeUInt32LE(0, 4);
  head.writeUInt32LE(n, 8);
  head.writeUInt32LE(28, 12);
  head.writeUInt32LE(28 + 8 * n, 16);
  head.writeUInt32LE(0, 20); // no hash table, which WordPress's reader expects to start
  head.writeUInt32LE(28 + 16 * n, 24); // right after the translations' table
  let offset = head.length;
  const body = [];
  const table = (list, at) =>
    list.forEach((b, i) => {
      head.writeUInt32LE(b.length, at + 8 * i);
      head.writeUInt32LE(offset, at + 8 * i + 4);
      body.push(b, Buffer.from([0]));
      offset += b.length + 1;
    });
  table(ids, 28);
  table(strs, 28 + 8 * n);
  return Buffer.concat([head, ...body]);
}

/** Writes `<name>.mo` and, for the editor script, `<name>-<md5 of its path>.json` into `dir`. */
export function compilePo(po, dir, script) {
  const entries = parsePo(readFileSync(po, 'utf8')).filter(([id, s]) => id === '' || s);
  const name = basename(po, '.po');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.mo`), mo(entries));
  const locale = name.split('-').at(-1);
  const messages = { '': { domain: 'messages', lang: locale, 'plural-forms': 'nplurals=2; plural=(n > 1);' } };
  for (const [id, s] of entries) if (id) messages[id] = [s];
  const md5 = createHash('md5').update(script).digest('hex');
  writeFileSync(join(dir, `${name}-${md5}.json`), JSON.stringify({ domain: 'messages', locale_data: { messages } }));
}

/** The translatable strings of the plugin's PHP and JavaScript (domain civic-widgets) and its blocks' block.json files. */
export function extractStrings(dir) {
  const found = new Set();
  const unescape = (q, s) => (q === "'" ? s.replace(/\\([\\'])/g, '$1') : JSON.parse(`"${s}"`));
  for (const f of readdirSync(dir, { recursive: true }).map(String).filter((f) => /\.(php|js|json)$/.test(f))) {
    const text = readFileSync(join(dir, f), 'utf8');
    if (/\.(php|js)$/.test(f))
      for (const m of text.matchAll(/\b(?:__|_e|esc_html__|esc_html_e|esc_attr__|esc_attr_e)\(\s*(['"])((?:\\.|(?!\1)[^\\])*)\1\s*,\s*'civic-widgets'/g)) found.add(unescape(m[1], m[2]));
    if (f.endsWith('block.json')) {
      const b = JSON.parse(text);
      found.add(`block title\u0004${b.title}`);
      found.add(`block description\u0004${b.description}`);
      for (const k of b.keywords ?? []) found.add(`block keyword\u0004${k}`);
    }
  }
  return [...found];
}

// The size budget, enforced by `npm test`: every CDN entry file, gzip -9, against its budget, in kB
// of 1024 bytes (KiB, the unit of Lighthouse's performance budgets). Prints the sizes on every run,
// with the chunks each entry loads on demand (one per language, and rare paths such as the share
// panel), and what a page in one language downloads in all.
import { readFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const KiB = 1024;
export const budgets = {
  'civic-widgets.js': 40 * KiB, // all four widgets together, lit and zod included
  'civic-petition.js': 18 * KiB,
  'civic-provider.js': 16 * KiB,
  'civic-comments.js': 20 * KiB,
  'civic-poll.js': 20 * KiB,
  'civic-comparator.js': 20 * KiB,
  // The organisers' console: its shell; each screen is a chunk loaded when first shown.
  'civic-console.js': 60 * KiB,
};
// Any other file of src/define/ (a new widget's CDN file) gets a widget's budget.
for (const f of readdirSync(new URL('../src/define', import.meta.url))) budgets[f.replace(/\.ts$/, '.js')] ??= 20 * KiB;

/** A chunk's content hash in its name (`fr.3f9a0c1b.js`; rollup.config.mjs). */
const hash = /\.[0-9a-f]{8}(?=\.js$)/;
/** The language chunks: one per file of src/core/translations/ (`fr.3f9a0c1b.js`). */
const languages = new RegExp(`(^|\\.)(${readdirSync(new URL('../src/core/translations', import.meta.url)).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, '')).join('|')})(\\.[0-9a-f]{8})?\\.js$`);
/** A file's size under gzip -9: what the budgets count. */
export const gz = (path) => gzipSync(readFileSync(path), { level: 9 }).length;
/** What a file costs on the wire: its brotli copy (scripts/precompress.mjs) when the build wrote one, else gzip -9. */
export const wire = (path) => (existsSync(`${path}.br`) ? Math.min(statSync(`${path}.br`).size, gz(path)) : gz(path));
const kb = (n) => `${(n / KiB).toFixed(2)} kB`;

/** The chunks an entry file imports, at once or on demand, and those they import (other entries left out). */
export function chunksOf(dir, entry) {
  const found = new Set();
  const visit = (f) => {
    for (const [, name] of readFileSync(`${dir}/${f}`, 'utf8').matchAll(/["']\.\/([\w.-]+\.js)["']/g)) {
      if (name in budgets || found.has(name) || !existsSync(`${dir}/${name}`)) continue;
      found.add(name);
      visit(name);
    }
  };
  visit(entry);
  return [...found].sort();
}

/**
 * What a page with `entry` downloads before the widget runs: the entry file and the chunks it imports
 * at once (`import … from "./x.js"`, not `import("./x.js")`), and theirs.
 */
export function firstLoad(dir, entry) {
  const found = [entry];
  for (let i = 0; i < found.length; i++) {
    const code = readFileSync(`${dir}/${found[i]}`, 'utf8');
    for (const [, name] of code.matchAll(/(?:\bfrom|\bimport)\s*["']\.\/([\w.-]+\.js)["']/g)) if (!found.includes(name)) found.push(name);
  }
  return found;
}

export function checkSizes(dir = 'dist/cdn') {
  let ok = true;
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.js')) : [];
  console.log('size budget (gzip -9, 1 kB = 1024 B):');
  for (const [file, budget] of Object.entries(budgets)) {
    if (!files.includes(file)) {
      console.log(`  ${file.padEnd(22)} missing  FAIL`);
      ok = false;
      continue;
    }
    const size = gz(`${dir}/${file}`);
    const pass = size <= budget;
    ok &&= pass;
    const chunks = chunksOf(dir, file);
    const locales = chunks.filter((f) => languages.test(f)).map((f) => gz(`${dir}/${f}`));
    const rest = chunks.filter((f) => !languages.test(f)).map((f) => `${f.replace(hash, '').replace(/\.js$/, '')} ${kb(gz(`${dir}/${f}`))}`);
    console.log(
      `  ${file.padEnd(22)} ${kb(size).padStart(9)} of ${kb(budget).padStart(9)}  ${pass ? 'ok  ' : `OVER by ${size - budget} B`}` +
        `  (${kb(wire(`${dir}/${file}`))} on the wire)` +
        (locales.length ? `  + strings ${kb(Math.max(...locales))} (= ${kb(size + Math.max(...locales))} for a page in one language)` : '') +
        (rest.length ? `; on demand: ${rest.join(', ')}` : ''),
    );
  }
  return ok;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(checkSizes() ? 0 : 1);

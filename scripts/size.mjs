// The size budget, enforced by `npm test`: every CDN entry file, gzip -9, against its budget, in kB
// of 1024 bytes (KiB, the unit of Lighthouse's performance budgets). Prints the sizes on every run,
// with the chunks each entry loads on demand (one per language, and rare paths such as the share
// panel), and what a page in one language downloads in all.
import { readFileSync, existsSync, readdirSync } from 'node:fs';
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

/** The language chunks: one per file of src/core/translations/ (`civic-poll.fr.js`). */
const languages = new RegExp(`\\.(${readdirSync(new URL('../src/core/translations', import.meta.url)).map((f) => f.replace(/\.ts$/, '')).join('|')})\\.js$`);
const gz = (path) => gzipSync(readFileSync(path), { level: 9 }).length;
const kb = (n) => `${(n / KiB).toFixed(2)} kB`;

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
    const chunks = files.filter((f) => f !== file && f.startsWith(file.replace(/\.js$/, '.')));
    const locales = chunks.filter((f) => languages.test(f)).map((f) => gz(`${dir}/${f}`));
    const rest = chunks.filter((f) => !languages.test(f)).map((f) => `${f.split('.').slice(-2, -1)} ${kb(gz(`${dir}/${f}`))}`);
    console.log(
      `  ${file.padEnd(22)} ${kb(size).padStart(9)} of ${kb(budget).padStart(9)}  ${pass ? 'ok  ' : `OVER by ${size - budget} B`}` +
        (locales.length ? `  + strings ${kb(Math.max(...locales))} (= ${kb(size + Math.max(...locales))} for a page in one language)` : '') +
        (rest.length ? `; on demand: ${rest.join(', ')}` : ''),
    );
  }
  return ok;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(checkSizes() ? 0 : 1);

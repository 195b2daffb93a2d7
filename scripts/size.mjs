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
  return checkShared(dir) && ok;
}

/** The budget of the chunk the shared build's widget files share (dist/cdn/shared/core.[hash].js). */
const SHARED_CORE_BUDGET = 16 * KiB;
/** The widgets (not the provider nor the console), as `petition`, `comments`… */
const widgets = Object.keys(budgets).map((f) => /^civic-(?!widgets|provider|console)([\w-]+)\.js$/.exec(f)?.[1]).filter(Boolean);

/**
 * What each mix of widgets on a page in French downloads before they show (gzip -9: the files, the
 * chunks they import and their French strings), from the shared build (dist/cdn/shared/: one core
 * chunk for all, strings per widget), from each widget's own file, and from civic-widgets.js.
 * Every mix of two or three widgets must load less from the shared build than both other ways, and
 * the core chunk stay within its budget; a page with one widget loads least from its own file, and
 * one with all four from civic-widgets.js.
 */
function sharedMixes(dir = 'dist/cdn') {
  const shared = `${dir}/shared`;
  const sizes = new Map();
  const size = (f) => sizes.get(f) ?? sizes.set(f, gz(f)).get(f);
  const mixes = [];
  /**
   * An entry's first load and its French strings (`fr.x.js`; in the shared build `fr-core.x.js` and
   * `fr-poll.x.js`): `count` strings files, or the check stops naming what it did not find.
   */
  const load = (folder, entry, strings, count) => {
    const found = chunksOf(folder, entry).filter((f) => strings.test(f));
    if (found.length !== count) throw new Error(`size: ${folder}/${entry} loads ${found.length} French strings files (${found.join(', ')}), not ${count}`);
    return [...firstLoad(folder, entry), ...found].map((f) => `${folder}/${f}`);
  };
  const bytes = (files) => [...new Set(files)].reduce((n, f) => n + size(f), 0);
  const fr = /^fr\.[0-9a-f]{8}\.js$/;
  for (let mask = 1; mask < 1 << widgets.length; mask++) {
    const mix = widgets.filter((_, i) => mask & (1 << i));
    mixes.push({
      mix,
      // The shared build's strings: `core`'s and the widget's table's, named after the table (`fr-myWidget.x.js`).
      shared: bytes(mix.flatMap((w) => load(shared, `civic-${w}.js`, new RegExp(`^fr-(core|${w.replace(/-(\w)/g, (_, c) => c.toUpperCase())})\\.[0-9a-f]{8}\\.js$`), 2))),
      own: mix.reduce((n, w) => n + bytes(load(dir, `civic-${w}.js`, fr, 1)), 0),
      all: bytes(load(dir, 'civic-widgets.js', fr, 1)),
    });
  }
  return mixes.sort((a, b) => a.mix.length - b.mix.length);
}

function checkShared(dir) {
  const shared = `${dir}/shared`;
  const missing = widgets.filter((w) => !existsSync(`${shared}/civic-${w}.js`));
  const core = existsSync(shared) ? readdirSync(shared).find((f) => /^core\.[0-9a-f]{8}\.js$/.test(f)) : undefined;
  if (missing.length || !core) {
    console.log(`  shared/ ${missing.length ? `lacks ${missing.map((w) => `civic-${w}.js`).join(', ')}` : 'has no core chunk'}  FAIL`);
    return false;
  }
  const coreSize = gz(`${shared}/${core}`);
  let ok = coreSize <= SHARED_CORE_BUDGET;
  console.log(`  shared/core.js ${kb(coreSize).padStart(9)} of ${kb(SHARED_CORE_BUDGET).padStart(9)}  ${ok ? 'ok' : `OVER by ${coreSize - SHARED_CORE_BUDGET} B`}`);
  console.log('  a page in French with these widgets loads (shared/ · their own files · civic-widgets.js):');
  for (const { mix, shared: s, own, all } of sharedMixes(dir)) {
    const pass = mix.length < 2 || mix.length === widgets.length || s < Math.min(own, all);
    ok &&= pass;
    console.log(`    ${mix.join(' + ').padEnd(40)} ${kb(s).padStart(9)} · ${kb(own).padStart(9)} · ${kb(all).padStart(9)}${pass ? '' : '  FAIL: shared/ is not the lightest'}`);
  }
  return ok;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(checkSizes() ? 0 : 1);

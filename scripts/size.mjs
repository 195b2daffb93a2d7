// The size budget: every CDN file, gzip -9, against its budget (1 kB = 1000 bytes). Fails when one
// is over. Prints the sizes on every run.
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

export const budgets = {
  'civic-widgets.js': 40_000, // all four widgets together, lit and zod included
  'civic-petition.js': 18_000,
  'civic-provider.js': 16_000,
};

export function checkSizes(dir = 'dist/cdn') {
  let ok = true;
  const rows = [];
  for (const [file, budget] of Object.entries(budgets)) {
    const path = `${dir}/${file}`;
    if (!existsSync(path)) {
      rows.push([file, 'missing', budget, 'FAIL']);
      ok = false;
      continue;
    }
    const raw = readFileSync(path);
    const gz = gzipSync(raw, { level: 9 }).length;
    const pass = gz <= budget;
    ok &&= pass;
    rows.push([file, `${(raw.length / 1000).toFixed(1)} kB raw, ${(gz / 1000).toFixed(2)} kB gzip`, `${budget / 1000} kB`, pass ? 'ok' : `OVER by ${gz - budget} B`]);
  }
  console.log('size budget (gzip -9):');
  for (const [f, s, b, r] of rows) console.log(`  ${f.padEnd(24)} ${s.padEnd(32)} budget ${String(b).padEnd(7)} ${r}`);
  return ok;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(checkSizes() ? 0 : 1);

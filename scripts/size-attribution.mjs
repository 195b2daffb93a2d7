// Which source modules a CDN file's bytes come from (read through its source map): raw and gzip
// bytes per module, largest first. The gzip figure is of each module's code alone, so an estimate.
//   BUILD=cdn npx rollup -c && node scripts/size-attribution.mjs dist/cdn/civic-petition.js
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
const file = process.argv[2] ?? 'dist/cdn/civic-petition.js';
const code = readFileSync(file, 'utf8');
const map = new TraceMap(JSON.parse(readFileSync(file + '.map', 'utf8')));
const lines = code.split('\n');
const per = new Map();
for (let l = 0; l < lines.length; l++) {
  const line = lines[l];
  let cur = '?', start = 0;
  for (let c = 0; c < line.length; c++) {
    const p = originalPositionFor(map, { line: l + 1, column: c });
    const src = p.source ?? cur;
    if (src !== cur) { per.set(cur, (per.get(cur) ?? '') + line.slice(start, c)); cur = src; start = c; }
  }
  per.set(cur, (per.get(cur) ?? '') + line.slice(start));
}
const total = gzipSync(code, { level: 9 }).length;
const rows = [...per].map(([s, t]) => [s.replace(/.*node_modules\//, 'nm:').replace(/.*\/src\//, 'src/'), t.length, gzipSync(t, { level: 9 }).length]).sort((a, b) => b[1] - a[1]);
for (const [s, n, g] of rows.slice(0, 45)) console.log(String(n).padStart(7), String(g).padStart(6), s);
console.log('total gz', total, 'raw', code.length);

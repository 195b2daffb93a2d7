// The house's rules, checked over the import graph of src/ and server/ (static and dynamic imports):
//   - a widget folder (src/petition, src/comments…: one per file of src/define/) is imported
//     only from inside itself and by its define file (src/define/<tag>.ts);
//   - src/domain (pure rules) imports only src/domain, the contract's schema modules and zod: no DOM
//     library, no backend, no element, no server;
//   - src/api (contract and backends) imports nothing from src/core, the widgets, the console or server;
//   - src/core imports nothing from the widgets, the console or server;
//   - the server imports from src/ only src/api and src/domain;
//   - a server resource (server/<resource>/) imports no other resource: shared helpers live in server/*.ts;
//     only the assemblers (server/app.ts, server/demo.ts, server/cli.ts, server/index.ts) see them all;
//   - no source file is over 400 lines.
// Prints each breach with the file and the import, and exits 1 if there is any.
//   node scripts/check-layout.mjs
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const MAX_LINES = 400;
const ASSEMBLERS = new Set(['server/app.ts', 'server/demo.ts', 'server/cli.ts', 'server/index.ts']);

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
/** The widget folders, one per file of src/define/ (civic-poll.ts: src/poll). */
const WIDGETS = readdirSync(join(root, 'src/define')).map((f) => f.replace(/^civic-|\.ts$/g, ''));
const walk = (d) =>
  readdirSync(join(root, d)).flatMap((f) => {
    const p = join(d, f);
    return statSync(join(root, p)).isDirectory() ? walk(p) : [p];
  });

/** Every module a file imports: [specifier, resolved repo path or the package name]. */
function importsOf(file) {
  const text = readFileSync(join(root, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const specs = [...text.matchAll(/(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm)].map(
    (m) => m[1] ?? m[2] ?? m[3],
  );
  return specs.map((s) => [s, s.startsWith('.') ? relative(root, resolve(root, dirname(file), s)).replace(/\.js$/, '.ts') : s]);
}

const area = (path) => {
  const [top, sub] = path.split('/');
  if (top === 'src') return sub.endsWith('.ts') ? 'src' : `src/${sub}`;
  if (top === 'server') return sub.endsWith('.ts') ? 'server' : `server/${sub}`;
  return top;
};
const SCHEMAS = /^src\/api\/(common|errors|petition|comments|poll|comparison|admin|accounts)\.ts$|^src\/api\/routes(\/|\.ts$)/;

/** The rule `file` breaks by importing `target` (a repo path or a package), or undefined. */
function breach(file, target) {
  const from = area(file);
  const to = target.includes('/') && !target.startsWith('@') && !target.startsWith('zod/') ? area(target) : `package:${target}`;
  const widget = WIDGETS.find((w) => to === `src/${w}`);
  if (widget && from !== to && file !== `src/define/civic-${widget}.ts`) return `imports the widget folder src/${widget} (only its define file may)`;
  if (from === 'src/domain' && to !== 'src/domain' && !SCHEMAS.test(target) && !/^package:zod/.test(to)) return 'src/domain imports only src/domain, the contract\'s schemas and zod';
  if (from === 'src/api' && /^src\/(core|define|console)$|^server/.test(to)) return 'src/api imports nothing from core, elements, the console or the server';
  if (from === 'src/core' && /^src\/(define|console)$|^server/.test(to)) return 'src/core imports nothing from elements, the console or the server';
  if (from.startsWith('server') && to.startsWith('src') && !/^src\/(api|domain)$/.test(to)) return 'the server imports only src/api and src/domain';
  if (from.startsWith('server/') && to.startsWith('server/') && from !== to && !/^server\/(db|migrations)$/.test(to) && !ASSEMBLERS.has(file))
    return `the resource ${from} imports another resource (${to}): shared helpers go to server/*.ts`;
  if (from === 'server' && to.startsWith('server/') && !ASSEMBLERS.has(file) && !/^server\/(db|migrations)$/.test(to))
    return `a shared server module imports a resource (${to})`;
  return undefined;
}

/**
 * Breaches the house still has, each to be removed from this list by the change that mends it. A breach
 * not listed fails, and so does a listed one that is mended but still listed (the list only shrinks).
 */
const KNOWN = new Set([
]);
const known = (p) => [...KNOWN].find((k) => p.startsWith(k));

const sources = [...walk('src'), ...walk('server')].filter((f) => /\.(ts|mjs)$/.test(f) && !f.endsWith('.d.ts'));
const problems = [];
for (const file of sources) {
  const lines = readFileSync(join(root, file), 'utf8').split('\n').length - 1;
  if (lines > MAX_LINES) problems.push(`${file}: over ${MAX_LINES} lines (${lines}: split it)`);
  for (const [spec, target] of importsOf(file)) {
    const why = breach(file, target);
    if (why) problems.push(`${file}: import '${spec}': ${why}`);
  }
}

export function checkLayout() {
  const fresh = problems.filter((p) => !known(p));
  const mended = [...KNOWN].filter((k) => !problems.some((p) => p.startsWith(k)));
  for (const p of fresh) console.error(`layout: ${p}`);
  for (const k of mended) console.error(`layout: mended, remove it from KNOWN in scripts/check-layout.mjs: ${k}`);
  console.log(`layout: ${sources.length} files read, ${problems.length} breach${problems.length === 1 ? '' : 'es'} (${problems.length - fresh.length} known, to be mended)`);
  return fresh.length === 0 && mended.length === 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(checkLayout() ? 0 : 1);

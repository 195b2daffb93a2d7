// `npm start`: builds the CDN files and the server if they are missing or older than the sources,
// then serves the demo at http://localhost:8787 on the embedded database (PGlite, ./.civic-data)
// with demo content. Extra arguments go to civic-server (e.g. `npm start -- --port 9000`).
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const newest = (dir) =>
  readdirSync(dir, { recursive: true })
    .map((f) => statSync(join(dir, String(f))).mtimeMs)
    .reduce((a, b) => Math.max(a, b), 0);
const outputs = ['dist/cdn/civic-widgets.js', 'dist/server/cli.js'];
const stale = outputs.some((f) => !existsSync(f)) || Math.max(newest('src'), newest('server')) > Math.min(...outputs.map((f) => statSync(f).mtimeMs));
if (stale) {
  console.log('Building the widgets and the server…');
  execFileSync('node', ['scripts/build.mjs', 'quick'], { stdio: 'inherit' });
}
const args = process.argv.slice(2);
const child = spawn('node', ['dist/server/cli.js', '--demo', ...args], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));

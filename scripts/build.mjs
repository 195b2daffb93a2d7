// Builds everything a user or the tests need: the npm modules, the CDN files, the server, type
// declarations, the OpenAPI document, the custom-elements manifest, and from it the frameworks'
// types and VS Code's custom data (scripts/frameworks.mjs). `npm pack` runs it first (prepack).
//   node scripts/build.mjs           everything
//   node scripts/build.mjs quick     CDN files and server only (what `npm start` needs)
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';

const quick = process.argv.includes('quick');
const run = (cmd, args, env = {}) => execFileSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
const bin = (name) => `node_modules/.bin/${name}`;
const started = Date.now();

// The CDN chunks' names carry their content's hash: files of an older build would stay beside them.
rmSync(quick ? 'dist/cdn' : 'dist', { recursive: true, force: true });
if (quick) {
  run(bin('rollup'), ['-c', '--silent'], { BUILD: 'cdn' });
  run(bin('rollup'), ['-c', '--silent'], { BUILD: 'server' });
} else {
  run(bin('rollup'), ['-c', '--silent']);
}
mkdirSync('dist/server/migrations', { recursive: true });
cpSync('server/migrations', 'dist/server/migrations', { recursive: true });
if (!quick) {
  run(bin('tsc'), ['-p', 'tsconfig.build.json']);
  const { openApiDocument } = await import(new URL('../dist/server/index.js', import.meta.url).href);
  writeFileSync('dist/openapi.json', JSON.stringify(openApiDocument(), null, 2));
  run(bin('cem'), ['analyze', '--quiet']); // custom-elements-manifest.config.mjs
  run('node', ['scripts/frameworks.mjs']);
}
console.log(`build: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);

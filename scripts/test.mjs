// `npm test`: typecheck, the house's layout rules (scripts/check-layout.mjs), build, server tests (node's
// test runner, PGlite and PostgreSQL; with them the domain's timings, the documentation's and the
// scripts' tests), browser tests (@web/test-runner in Chromium), the demo end to end (built server + CDN
// files in Chromium), the CDN files on the wire (civic-server and README's nginx block: encodings, ETag,
// cache lifetimes),
// the size budget, the WordPress plugin in a real WordPress, the packed package (test/package: installed
// from its tarball outside the repository, publint, arethetypeswrong), the examples built against it
// (test/examples: React, Vue, Svelte, Eleventy in Chromium), and a Storybook build whose every story is
// rendered and checked with axe.
// Runs every step, prints a summary, and exits non-zero if any failed.
//   node scripts/test.mjs [types] [layout] [build] [server] [browser] [e2e] [size] [wordpress] [package] [examples] [storybook]
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { checkSizes } from './size.mjs';
import { findChrome } from './chrome.mjs';
import { checkLayout } from './check-layout.mjs';
import { preparePacked } from './packed.mjs';

process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1';
const bin = (name) => join('node_modules', '.bin', name);
const run = (cmd, args, env = {}) => spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status === 0;
const files = (dir, re) =>
  readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => re.test(f))
    .map((f) => join(dir, f))
    .sort();

/**
 * The package packed and installed with the examples, once for the `package` and `examples` steps
 * (CIVIC_PACKED), removed when the run ends. dist/ is packed as it is when this run's build step
 * passed; otherwise `npm pack` builds it (prepack).
 */
const built = () => results.some(([name, ok]) => name === 'build' && ok);
function withPacked(step) {
  return () => {
    if (!process.env.CIVIC_PACKED) {
      try {
        process.env.CIVIC_PACKED = preparePacked({ prebuilt: built() }).dir;
      } catch (e) {
        console.error(`packing and installing failed: ${e.message}`);
        return false;
      }
      const dir = process.env.CIVIC_PACKED;
      process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
    }
    return step();
  };
}
const nodeTests = (dir) => run('node', ['--import', 'tsx', '--test', '--test-reporter=spec', ...files(dir, /\.test\.ts$/)]);

const steps = {
  types: () => run(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']),
  layout: () => checkLayout(),
  build: () => run('node', ['scripts/build.mjs']),
  // The domain's timed tests first, before the server's suites leave PostgreSQL and their processes
  // busy with what they wrote and dropped: a timing then says more about those than about the parser.
  server: () => run('node', ['--import', 'tsx', '--test', '--test-reporter=spec', ...files('test/domain', /\.test\.ts$/), ...files('test/server', /\.test\.ts$/), ...files('test/docs', /\.test\.ts$/), ...files('test/scripts', /\.test\.mjs$/)]),
  browser: () => {
    try {
      process.env.CHROME_PATH = findChrome();
    } catch (e) {
      console.error(e.message);
      return false;
    }
    return run(bin('wtr'), []);
  },
  e2e: () => run('node', ['--import', 'tsx', '--test', '--test-reporter=spec', ...files('test/e2e', /\.test\.ts$/)]),
  size: () => checkSizes(),
  // The WordPress plugin's zip (from the CDN files the build step made), then the plugin in a real
  // WordPress (skipped, saying what to install, where WordPress, MariaDB or PHP are missing; failed under CI=true).
  wordpress: () =>
    run('node', ['scripts/build-wordpress.mjs', '--no-cdn']) &&
    run('node', ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=1', ...files('test/wordpress', /\.test\.ts$/)]),
  package: withPacked(() => nodeTests('test/package')),
  examples: withPacked(() => nodeTests('test/examples')),
  storybook: () =>
    run(bin('cem'), ['analyze', '--quiet']) &&
    run(bin('storybook'), ['build', '--quiet', '-o', 'storybook-static', '--disable-telemetry'], { STORYBOOK_DISABLE_TELEMETRY: '1' }) &&
    run('node', ['scripts/storybook-smoke.mjs']),
};

const asked = process.argv.slice(2).filter((a) => a in steps);
const order = asked.length ? asked : Object.keys(steps);
/** [step, passed, seconds] */
const results = [];
for (const name of order) {
  console.log(`\n━━ ${name} ━━`);
  const started = Date.now();
  const ok = await steps[name]();
  results.push([name, ok, (Date.now() - started) / 1000]);
}
console.log('\n━━ summary ━━');
for (const [name, ok, s] of results) console.log(`  ${ok ? 'pass' : 'FAIL'}  ${name.padEnd(10)} ${s.toFixed(1)} s`);
process.exit(results.every(([, ok]) => ok) ? 0 : 1);

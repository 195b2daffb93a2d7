// The package as npm users get it: `npm pack` (whose prepack runs the full build), then one npm
// install, outside the repository, of the tarball into an empty project (`consumer/`) and into a copy
// of each example under examples/ that has a package.json (their `civic-widgets` dependency pointed
// at the tarball). One install for all of them (npm workspaces, one shared npm cache) keeps it short.
//
//   node scripts/packed.mjs [--prebuilt]     prepares a folder under the system's temp folder, prints its path
//   --prebuilt: dist/ was just built by this run (`npm test` builds first): pack without the prepack build
//
// Used by test/package and test/examples (`npm test` prepares it once for both: CIVIC_PACKED).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '..');

/** The examples that are projects of their own (a package.json), by folder name. */
export const exampleNames = () => readdirSync(join(repo, 'examples')).filter((d) => existsSync(join(repo, 'examples', d, 'package.json')));

/**
 * The environment for npm run from here: without what an enclosing `npm test` sets for this
 * package (its prefix, its lifecycle), which would make npm act on the repository.
 */
export function npmEnv() {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (/^npm_(package_|lifecycle_|config_(local_)?prefix$)/.test(k) || k === 'INIT_CWD') delete env[k];
  return env;
}

const npm = (args, cwd) => execFileSync('npm', args, { cwd, env: npmEnv(), stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });

/**
 * Packs and installs; returns the folder: `<dir>/civic-widgets-<version>.tgz`, `<dir>/consumer`,
 * `<dir>/<example>`, and the shared `<dir>/node_modules` (holding the installed civic-widgets).
 * @param {{ prebuilt?: boolean, log?: (line: string) => void }} [options]
 */
export function preparePacked({ prebuilt = false, log = (line) => console.log(line) } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'civic-packed-'));
  try {
    return packInto(dir, prebuilt, log);
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

function packInto(dir, prebuilt, log) {
  const started = Date.now();
  let t = started;
  /** Seconds since the last call. */
  const since = () => {
    const s = ((Date.now() - t) / 1000).toFixed(1);
    t = Date.now();
    return `${s} s`;
  };

  // With the prepack build, its log comes first on npm's standard output: the JSON is the last array.
  const out = npm(['pack', '--json', '--pack-destination', dir, ...(prebuilt ? ['--ignore-scripts'] : [])], repo);
  const packed = JSON.parse(out.slice(Math.max(0, out.lastIndexOf('\n[') + 1)))[0];
  const tarball = join(dir, packed.filename);
  log(`packed: ${packed.filename}, ${packed.entryCount} files, ${(packed.size / 1024).toFixed(0)} kB (${since()}${prebuilt ? ', dist/ prebuilt' : ', with the prepack build'})`);

  const examples = exampleNames();
  const dependOnTarball = (pkg) => ({ ...pkg, dependencies: { ...pkg.dependencies, 'civic-widgets': `file:${tarball}` } });
  for (const name of examples) {
    cpSync(join(repo, 'examples', name), join(dir, name), {
      recursive: true,
      filter: (src) => !/[/\\](node_modules|dist|_site)$/.test(src),
    });
    const file = join(dir, name, 'package.json');
    writeFileSync(file, JSON.stringify(dependOnTarball(JSON.parse(readFileSync(file, 'utf8'))), null, 2));
  }
  mkdirSync(join(dir, 'consumer'));
  writeFileSync(
    join(dir, 'consumer', 'package.json'),
    JSON.stringify(
      dependOnTarball({
        name: 'consumer',
        private: true,
        type: 'module',
        // The types of civic-widgets/server name Node's; those of /react, /vue and /svelte the frameworks'
        // (installed for the examples too).
        devDependencies: { typescript: '~6.0.3', '@types/node': '^20.19.0' },
      }),
      null,
      2,
    ),
  );
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'civic-packed', private: true, workspaces: ['consumer', ...examples] }, null, 2));
  npm(['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', '--loglevel=error'], dir);
  const count = readdirSync(join(dir, 'node_modules')).length;
  log(`installed the tarball into consumer/ and ${examples.join(', ')} with their dependencies (${count} top-level packages) in ${since()}`);
  log(`packed and installed in ${((Date.now() - started) / 1000).toFixed(1)} s: ${dir}`);
  return { dir, tarball, examples };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { dir } = preparePacked({ prebuilt: process.argv.includes('--prebuilt'), log: (l) => console.error(l) });
  console.log(dir);
}

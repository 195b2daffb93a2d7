// `npm run build:wordpress`: the WordPress plugin as the zip a blogger installs (Plugins → Add New
// → Upload Plugin): wordpress/civic-widgets/ with the built CDN files in its cdn/ folder (so the
// widgets' JavaScript is served by the blog itself) and its French translations compiled.
//   node scripts/build-wordpress.mjs            builds the CDN files first
//   node scripts/build-wordpress.mjs --no-cdn   uses dist/cdn as it is (npm test's build made it)
// Writes dist/wordpress/civic-widgets/ and dist/wordpress/civic-widgets.zip.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { compilePo } from './wordpress/po.mjs';

const started = Date.now();
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const source = 'wordpress/civic-widgets';
const out = 'dist/wordpress/civic-widgets';

const header = readFileSync(join(source, 'civic-widgets.php'), 'utf8');
const version = /^\s*\*\s*Version:\s*(\S+)/m.exec(header)?.[1];
if (version !== pkg.version || !header.includes(`const VERSION = '${pkg.version}'`))
  throw new Error(`the plugin's version (header ${version}) must be the package's (${pkg.version}), in its header and its VERSION constant`);

if (!process.argv.includes('--no-cdn') || !existsSync('dist/cdn/civic-widgets.js'))
  execFileSync('node_modules/.bin/rollup', ['-c', '--silent'], { stdio: 'inherit', env: { ...process.env, BUILD: 'cdn' } });

rmSync('dist/wordpress', { recursive: true, force: true });
cpSync(source, out, { recursive: true, filter: (f) => !f.endsWith('.po') });
mkdirSync(join(out, 'cdn'), { recursive: true });
for (const f of readdirSync('dist/cdn')) if (f.endsWith('.js')) cpSync(join('dist/cdn', f), join(out, 'cdn', f));
for (const po of readdirSync(join(source, 'languages')).filter((f) => f.endsWith('.po'))) compilePo(join(source, 'languages', po), join(out, 'languages'), 'assets/editor.js');

/** A zip of a folder (deflated entries under the folder's own name), as WordPress's unzip reads it. */
function zip(dir, file) {
  const base = dir.split('/').slice(0, -1).join('/');
  const files = readdirSync(dir, { recursive: true }).map((f) => join(dir, String(f))).filter((f) => statSync(f).isFile()).sort();
  const parts = [];
  const central = [];
  let offset = 0;
  const dos = (() => {
    const d = new Date();
    return { time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1), date: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate() };
  })();
  for (const f of files) {
    const name = Buffer.from(relative(base, f));
    const data = readFileSync(f);
    const packed = deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(dos.time, 10);
    local.writeUInt16LE(dos.date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(0x0314, 4); // made by Unix, 2.0
    entry.writeUInt16LE(20, 6);
    local.copy(entry, 8, 6, 30); // flags … name length
    entry.writeUInt32LE((0o100644 << 16) >>> 0, 38);
    entry.writeUInt32LE(offset, 42);
    parts.push(local, name, packed);
    central.push(entry, name);
    offset += local.length + name.length + packed.length;
  }
  const size = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(file, Buffer.concat([...parts, ...central, end]));
  return files.length;
}

const count = zip(out, 'dist/wordpress/civic-widgets.zip');
const kb = statSync('dist/wordpress/civic-widgets.zip').size / 1024;
console.log(`build:wordpress: dist/wordpress/civic-widgets.zip, ${count} files, ${kb.toFixed(0)} kB, in ${((Date.now() - started) / 1000).toFixed(1)} s`);

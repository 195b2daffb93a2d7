// What the CDN build does to its output files (rollup.config.mjs):
// - chunkHash(): the chunks' names carry one hash of the content of all of the entry's chunks
//   (`fr.3f9a0c1b.js`, `share.3f9a0c1b.js`), so that a server may let browsers keep them for good;
// - preloadImports(): a chunk loaded on demand is fetched together with the chunks it imports;
// - precompress(): compressed copies beside every file, `x.js.br` (brotli, quality 11) and `x.js.gz`
//   (gzip -9), which the server (server/static.ts), nginx (`brotli_static`, `gzip_static`) or a CDN
//   sends as they are instead of compressing each answer.
//   node scripts/cdn-output.mjs [folder]   compress every file of a folder (default dist/cdn)
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const br = promisify(brotliCompress);
const gz = promisify(gzip);
const compressed = /\.(br|gz)$/;

/** Writes `path.br` and `path.gz` beside `path` (zlib's thread pool does the work, not the caller's thread). */
export async function compressFile(path) {
  const data = readFileSync(path);
  const [b, g] = await Promise.all([
    br(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }),
    gz(data, { level: 9 }),
  ]);
  writeFileSync(`${path}.br`, b);
  writeFileSync(`${path}.gz`, g);
}

/** Compresses every file of `dir` (not the compressed copies themselves). */
export const compressFolder = (dir) =>
  Promise.all(readdirSync(dir).filter((f) => !compressed.test(f)).map((f) => compressFile(join(dir, f))));

/**
 * Gives every chunk of a build (`[name].[hash].js` in chunkFileNames) the same hash: that of all
 * of them together. An entry names each chunk it loads, and its size budget counts those names:
 * one hash repeated compresses to a few bytes, one per chunk would cost each entry about 7 bytes a
 * chunk. A change to any chunk renames them all, so a name never stands for two contents.
 */
export const chunkHash = () => ({
  name: 'chunk-hash',
  generateBundle(_options, bundle) {
    const chunks = Object.values(bundle).filter((o) => o.type === 'chunk' && !o.isEntry).sort((a, b) => (a.fileName < b.fileName ? -1 : 1));
    if (!chunks.length) return;
    const hash = createHash('sha256');
    for (const c of chunks) hash.update(`${c.fileName}\0${c.code}\0`);
    const shared = hash.digest('hex').slice(0, 8);
    const renames = new Map();
    const taken = new Set();
    for (const c of chunks) {
      if (!/\.[0-9a-f]{8}\.js$/.test(c.fileName)) this.error(`chunk-hash: ${c.fileName} has no [hash] (chunkFileNames: '[name].[hash].js', hashCharacters: 'hex')`);
      // Two modules of one name (src/poll/pow.ts, src/domain/pow.ts) make two chunks that only their
      // hashes told apart: the second becomes `pow-2.<hash>.js`, not a file written over the first.
      const name = c.fileName.replace(/\.[0-9a-f]{8}\.js$/, '');
      let to = `${name}.${shared}.js`;
      for (let n = 2; taken.has(to); n++) to = `${name}-${n}.${shared}.js`;
      taken.add(to);
      renames.set(c.fileName, to);
    }
    // One pass, so that no new name is renamed again.
    const names = new RegExp([...renames.keys()].map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
    const rename = (text) => text.replace(names, (from) => renames.get(from));
    for (const out of Object.values(bundle)) {
      if (out.type === 'chunk') out.code = rename(out.code);
      else if (out.fileName.endsWith('.map')) out.source = rename(String(out.source));
    }
    for (const [from, to] of renames) {
      for (const [a, b] of [[from, to], [`${from}.map`, `${to}.map`]]) {
        const out = bundle[a];
        if (!out) continue;
        delete bundle[a];
        out.fileName = b;
        if (out.type === 'chunk' && out.sourcemapFileName) out.sourcemapFileName = `${b}.map`;
        bundle[b] = out;
      }
    }
  },
});

/**
 * No waterfall: a chunk loaded on demand is asked for together with the chunks it imports, instead
 * of those being found only once it has arrived and been parsed (a round trip each).
 * `import("./lazy.x.js")`, whose chunk imports `markdown.x.js`, becomes
 * `Promise.all([import("./markdown.x.js"), import("./lazy.x.js")]).then((m) => m.pop())`: both
 * requests leave at once, and a failure of either is the import's failure. The chunk doing the
 * import is left out (it is there already). One level deep: no chunk here imports a chunk that
 * imports another. (`resolvedImportPath` comes quoted.)
 */
export const preloadImports = () => ({
  name: 'preload-imports',
  renderDynamicImport({ chunk, getTargetChunkImports }) {
    const deps = (getTargetChunkImports() ?? []).filter((i) => i.type === 'internal' && i.fileName !== chunk.fileName);
    if (!deps.length) return null;
    return { left: `Promise.all([${deps.map((d) => `import(${d.resolvedImportPath}),`).join('')}import(`, right: ')]).then((m) => m.pop())' };
  },
});

/** The rollup plugin: compresses each file a build wrote (its source maps too). */
export const precompress = () => ({
  name: 'precompress',
  async writeBundle(options, bundle) {
    const files = new Set(Object.keys(bundle));
    for (const [name, out] of Object.entries(bundle)) if (out.type === 'chunk' && out.map) files.add(`${name}.map`);
    await Promise.all([...files].filter((f) => !compressed.test(f)).map((f) => compressFile(join(options.dir, f))));
  },
});

if (import.meta.url === `file://${process.argv[1]}`) await compressFolder(process.argv[2] ?? 'dist/cdn');

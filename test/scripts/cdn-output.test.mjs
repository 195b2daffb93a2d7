// What the CDN build does to its output (scripts/cdn-output.mjs), on a small bundle made here: a
// chunk loaded on demand is asked for together with the chunks it imports (no waterfall), and the
// import still gives that chunk's exports and fails when one of its chunks fails.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { rollup } from 'rollup';
import { chunkHash, preloadImports } from '../../scripts/cdn-output.mjs';

const dir = mkdtempSync(join(tmpdir(), 'civic-cdn-output-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const files = {
  'entry.js': "export const view = () => import('./view.js').then((m) => m.render());\nexport const edit = () => import('./edit.js').then((m) => m.edit());\nexport const strings = () => import('./strings.js');",
  'view.js': "import { md } from './markdown.js';\nexport const render = () => md('view');",
  'edit.js': "import { md } from './markdown.js';\nexport const edit = () => md('edit');",
  'markdown.js': 'export const md = (s) => `<p>${s}</p>`;',
  'strings.js': "export const hello = 'bonjour';",
};
for (const [name, code] of Object.entries(files)) writeFileSync(join(dir, name), code);

async function build(plugins) {
  const bundle = await rollup({ input: join(dir, 'entry.js'), plugins });
  const { output } = await bundle.generate({ format: 'es', chunkFileNames: '[name].js' });
  await bundle.close();
  return Object.fromEntries(output.map((o) => [o.fileName, o.code]));
}

describe('preloadImports()', () => {
  it('asks for a chunk loaded on demand with the chunks it imports, in one round trip', async () => {
    const plain = await build([]);
    assert.match(plain['view.js'], /from '\.\/markdown\.js'/, 'view.js imports the shared markdown chunk');
    assert.doesNotMatch(plain['entry.js'], /markdown/, 'without the plugin the entry learns of markdown.js only from view.js');

    const out = await build([preloadImports()]);
    assert.match(out['entry.js'], /Promise\.all\(\[import\('\.\/markdown\.js'\),import\('\.\/view\.js'\)\]\)\.then\(\(m\) => m\.pop\(\)\)/);
    assert.match(out['entry.js'], /Promise\.all\(\[import\('\.\/markdown\.js'\),import\('\.\/edit\.js'\)\]\)/);
    assert.match(out['entry.js'], /[^,[]import\('\.\/strings\.js'\)/, 'a chunk that imports nothing is imported as it was');
  });

  it('gives the chunk asked for, and fails when a chunk it imports cannot be had', async () => {
    const out = await build([preloadImports()]);
    for (const copy of ['ok', 'broken'])
      for (const [name, code] of Object.entries(out)) writeFileSync(join(dir, `${copy}-${name}`), code.replaceAll("'./", `'./${copy}-`));
    const ok = await import(join(dir, 'ok-entry.js'));
    assert.equal(await ok.view(), '<p>view</p>');
    assert.equal((await ok.strings()).hello, 'bonjour');
    rmSync(join(dir, 'broken-markdown.js'));
    const broken = await import(join(dir, 'broken-entry.js'));
    await assert.rejects(broken.view(), /broken-markdown\.js/);
  });
});

describe('chunkHash()', () => {
  it('gives two chunks of one name two files, each importing the right one', async () => {
    // Like src/poll/pow.ts (the poll's backend), which imports src/domain/pow.ts (the solver): both chunks are `pow`.
    const root = join(dir, 'names');
    mkdirSync(join(root, 'poll'), { recursive: true });
    mkdirSync(join(root, 'domain'), { recursive: true });
    writeFileSync(join(root, 'entry.js'), "export const vote = () => import('./poll/pow.js').then((m) => m.proven());\nexport const post = () => import('./domain/pow.js').then((m) => m.solve());");
    writeFileSync(join(root, 'poll', 'pow.js'), "import { solve } from '../domain/pow.js';\nexport const proven = () => `proven ${solve()}`;");
    writeFileSync(join(root, 'domain', 'pow.js'), "export const solve = () => 'solved';");
    const bundle = await rollup({ input: join(root, 'entry.js') });
    const out = join(root, 'out');
    await bundle.write({ dir: out, format: 'es', chunkFileNames: '[name].[hash].js', hashCharacters: 'hex', plugins: [chunkHash()] });
    await bundle.close();
    const { readdirSync } = await import('node:fs');
    const chunks = readdirSync(out).filter((f) => f !== 'entry.js').sort();
    assert.equal(chunks.length, 2, chunks.join(' '));
    assert.match(chunks[0], /^pow-2\.[0-9a-f]{8}\.js$/);
    assert.match(chunks[1], /^pow\.[0-9a-f]{8}\.js$/);
    const entry = await import(join(out, 'entry.js'));
    assert.equal(await entry.post(), 'solved');
    assert.equal(await entry.vote(), 'proven solved');
  });
});

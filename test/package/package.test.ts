/**
 * The package as npm users get it: the tarball `npm pack` makes (its prepack runs the full build),
 * installed into an empty project outside the repository. Every export is there; every entry imports
 * in Node without a DOM (what Next.js, Nuxt and SvelteKit do on the server); the types of every entry
 * compile (`tsc`, NodeNext, declarations checked too); the elements register in Chromium from the
 * installed copy, through the CDN files and through a bundler; publint and arethetypeswrong find
 * nothing (the package is ESM only: arethetypeswrong's `esm-only` profile).
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { chromeArgs, findChrome } from '../../scripts/chrome.mjs';
import { exec, installed, packed, serve } from './helpers.js';

const repoBin = (name: string) => join(process.cwd(), 'node_modules', '.bin', name);
const { dir, tarball } = packed();
const consumer = join(dir, 'consumer');
const { root, pkg } = installed(dir);
type Targets = Record<string, string>;
/**
 * A pattern export (`./*` → `./dist/define/civic-*.js`) expanded to the files the tarball holds for it:
 * one entry per widget (`civic-widgets/petition`), as npm users import them.
 */
function expand(key: string, targets: Targets): [string, Targets][] {
  const [dirPart, filePart] = [targets.default!.slice(0, targets.default!.lastIndexOf('/')), targets.default!.slice(targets.default!.lastIndexOf('/') + 1)];
  const [pre, post] = filePart.split('*') as [string, string];
  return readdirSync(join(root, dirPart))
    .filter((f) => f.startsWith(pre) && f.endsWith(post))
    .map((f) => f.slice(pre.length, f.length - post.length))
    // A name with an export of its own (`./console`) is that export's, as Node resolves it.
    .filter((name) => !(key.replace('*', name) in pkg.exports))
    .map((name) => [key.replace('*', name), Object.fromEntries(Object.entries(targets).map(([k, t]) => [k, t.replace('*', name)]))]);
}
/** Every export but the `./cdn/*` files, patterns expanded, as `civic-widgets/…`, with its targets. */
const entries = Object.entries(pkg.exports as Record<string, string | Targets>)
  .map(([key, target]): [string, Targets] => [key, typeof target === 'string' ? { default: target } : target])
  .filter(([key]) => !key.startsWith('./cdn/'))
  .flatMap(([key, targets]) => (key.includes('*') ? expand(key, targets) : [[key, targets] as [string, Targets]]))
  .map(([key, targets]) => ({ spec: `civic-widgets${key.slice(1)}`, targets }));
/**
 * The entries that register elements: those whose module package.json lists as having side effects
 * (`import 'civic-widgets/petition'`), each with its CDN file (`dist/define/x.js` is `dist/cdn/x.js`,
 * the main entry `dist/cdn/civic-widgets.js`).
 */
const sideEffects = ((pkg as { sideEffects?: string[] }).sideEffects ?? []).map((p) => new RegExp(`^${p.replace(/[.]/g, '\\.').replace('*', '[^/]+')}$`));
const registering = entries
  .filter((e) => e.targets.default && !e.targets.default.includes('/cdn/') && sideEffects.some((re) => re.test(e.targets.default!)))
  .map((e) => ({ ...e, cdn: e.spec === 'civic-widgets' ? 'civic-widgets.js' : e.targets.default!.split('/').at(-1)! }));
const manifest = JSON.parse(readFileSync(join(root, 'dist/custom-elements.json'), 'utf8')) as { modules: { declarations?: { tagName?: string; customElement?: boolean }[] }[] };
const tags = manifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.customElement && d.tagName).map((d) => d.tagName!));

describe('the packed package', () => {
  it('holds every file its exports name, and is built in full before packing', () => {
    assert.ok(entries.length >= 12, 'exports listed');
    for (const { spec, targets } of entries) for (const t of Object.values(targets)) assert.ok(existsSync(join(root, t)), `${spec}: ${t} is not in the tarball`);
    assert.ok(registering.length >= 2, 'entries that register elements');
    for (const e of registering) assert.ok(existsSync(join(root, 'dist/cdn', e.cdn)), `${e.spec}: dist/cdn/${e.cdn} is not in the tarball`);
    // `npm pack` after `npm start` (a quick build: no npm modules, no types) must still ship them all.
    const ours = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    assert.equal(ours.scripts.prepack, 'node scripts/build.mjs', 'prepack runs the full build');
    assert.ok(!existsSync(join(root, 'examples/react')), 'the framework examples are not shipped');
  });

  it('imports every entry in Node, where there is no DOM', () => {
    writeFileSync(
      join(consumer, 'imports.mjs'),
      `const out = {};
for (const spec of JSON.parse(process.argv[2])) {
  const m = await import(spec, spec.endsWith('.json') ? { with: { type: 'json' } } : undefined);
  out[spec] = Object.keys(m);
}
console.log(JSON.stringify({ out, document: typeof document, window: typeof window }));
`,
    );
    const r = exec('node', ['imports.mjs', JSON.stringify(entries.map((e) => e.spec))], consumer);
    assert.equal(r.status, 0, r.out);
    const { out, document, window } = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { out: Record<string, string[]>; document: string; window: string };
    assert.deepEqual([document, window], ['undefined', 'undefined']);
    assert.ok(out['civic-widgets']!.includes('CivicPetition') && out['civic-widgets']!.includes('MemoryBackend'));
    assert.ok(out['civic-widgets/petition']!.includes('CivicPetition'));
    assert.ok(out['civic-widgets/api']!.includes('RestBackend'));
    assert.ok(out['civic-widgets/server']!.includes('createApp'));
    assert.deepEqual(Object.keys(out).sort(), entries.map((e) => e.spec).sort());
  });

  it('the types of every entry compile with tsc (NodeNext, declarations checked)', () => {
    const imports = entries
      .filter((e) => e.targets.types)
      .map((e, i) => (/\/(react|vue|svelte)$/.test(e.spec) ? `import type {} from '${e.spec}';` : `import * as m${i} from '${e.spec}';\nexport { m${i} };`));
    writeFileSync(join(consumer, 'types.ts'), `${imports.join('\n')}\nimport manifest from 'civic-widgets/custom-elements.json' with { type: 'json' };\nexport { manifest };\n`);
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: false, lib: ['ES2023', 'DOM', 'DOM.Iterable'], types: ['node'], resolveJsonModule: true },
        files: ['types.ts'],
      }),
    );
    const r = exec('node', [join(dir, 'node_modules/typescript/bin/tsc'), '-p', '.'], consumer);
    assert.equal(r.status, 0, r.out);
  });

  describe('in Chromium, from the installed copy', () => {
    let browser: Browser;
    let site: Awaited<ReturnType<typeof serve>>;
    before(async () => {
      // A bundler's view of each registering entry (browser conditions), as an app would build it.
      for (const [i, e] of registering.entries()) {
        await build({ stdin: { contents: `import '${e.spec}';`, resolveDir: consumer, loader: 'js' }, bundle: true, format: 'esm', platform: 'browser', outfile: join(consumer, `entry-${i}.js`), logLevel: 'error' });
        writeFileSync(join(consumer, `entry-${i}.html`), `<!doctype html><html lang="en"><body><script type="module" src="/consumer/entry-${i}.js"></script></body></html>`);
        writeFileSync(join(consumer, `cdn-${i}.html`), `<!doctype html><html lang="en"><body><script type="module" src="/node_modules/civic-widgets/dist/cdn/${e.cdn}"></script></body></html>`);
      }
      await build({
        stdin: {
          contents: `import { MemoryBackend } from 'civic-widgets/api';
import 'civic-widgets/petition';
const now = new Date().toISOString();
const backend = new MemoryBackend({ petitions: [{ id: 'p', title: 'Installed petition', summary: 'From the tarball.', url: null, goal: 10, signatureCount: 3, status: 'open', closesAt: null, doubleOptIn: true, locale: 'en', recentSigners: [], createdAt: now, updatedAt: now }] });
const el = document.createElement('civic-petition');
el.setAttribute('petition', 'p');
el.setAttribute('lang', 'en');
el.backend = backend;
document.body.append(el);`,
          resolveDir: consumer,
          loader: 'js',
        },
        bundle: true,
        format: 'esm',
        platform: 'browser',
        outfile: join(consumer, 'petition.js'),
        logLevel: 'error',
      });
      writeFileSync(join(consumer, 'petition.html'), '<!doctype html><html lang="en"><body><script type="module" src="/consumer/petition.js"></script></body></html>');
      site = await serve(dir);
      browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs });
    });
    after(async () => {
      await browser?.close();
      site?.server.close();
    });

    /** The manifest's tags that a page defines once its script has run, and the page's errors. */
    const defined = async (path: string) => {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`${site.url}/consumer/${path}`);
      await page.waitForFunction((all) => all.some((t) => customElements.get(t)), tags);
      const result = await page.evaluate((all) => all.filter((t) => customElements.get(t)), tags);
      await page.close();
      return { result, errors };
    };

    it('each entry registers its elements, the same through the npm modules (bundled) and its CDN file; together, every element', async () => {
      const all = new Set<string>();
      for (const [i, e] of registering.entries()) {
        const npm = await defined(`entry-${i}.html`);
        const cdn = await defined(`cdn-${i}.html`);
        assert.deepEqual(cdn.result, npm.result, `${e.spec} and dist/cdn/${e.cdn} register the same elements`);
        assert.deepEqual([...npm.errors, ...cdn.errors], [], e.spec);
        for (const t of npm.result) all.add(t);
      }
      assert.deepEqual([...all].sort(), [...tags].sort());
    });

    it("the CDN file with every widget exports the widgets' contract, not the in-memory backends (README)", async () => {
      const page = await browser.newPage();
      writeFileSync(join(consumer, 'blank.html'), '<!doctype html><html lang="en"><body></body></html>');
      await page.goto(`${site.url}/consumer/blank.html`);
      const exported = await page.evaluate(async (url) => Object.keys((await import(url)) as object), '/node_modules/civic-widgets/dist/cdn/civic-widgets.js');
      // Rollup's one- or two-letter names are what the file's on-demand chunks import from it.
      const names = exported.filter((n) => n.length > 2);
      await page.close();
      for (const n of ['CivicPetition', 'CivicProvider', 'CivicElement', 'CivicSignedEvent', 'RestBackend', 'CivicError', 'Outbox', 'Petition', 'Comment']) assert.ok(names.includes(n), n);
      for (const n of ['MemoryBackend', 'MemoryComments']) assert.ok(!names.includes(n), n);
      // Everything it exports, the npm entry exports too.
      const r = exec('node', ['--input-type=module', '-e', "console.log(JSON.stringify(Object.keys(await import('civic-widgets'))))"], consumer);
      assert.equal(r.status, 0, r.out);
      const npm = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as string[];
      assert.deepEqual(names.filter((n) => !npm.includes(n)), []);
    });

    it('a petition renders from the bundled npm modules with a MemoryBackend', async () => {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`${site.url}/consumer/petition.html`);
      await page.locator('civic-petition [part~=heading]').filter({ hasText: 'Installed petition' }).waitFor();
      assert.deepEqual(errors, []);
      await page.close();
    });
  });

  it('publint finds nothing to fix in the tarball (strict)', () => {
    const r = exec(repoBin('publint'), ['run', tarball, '--strict'], dir);
    assert.equal(r.status, 0, r.out);
    assert.match(r.out, /All good/);
  });

  it('arethetypeswrong finds nothing (ESM only: the esm-only profile)', () => {
    const r = exec(repoBin('attw'), [tarball, '--profile', 'esm-only', '--format', 'ascii'], dir);
    assert.equal(r.status, 0, r.out);
  });
});

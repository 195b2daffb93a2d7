// Three builds: the npm build (one module per source file, lit and zod left as imports so apps
// dedupe them), the minified CDN files (self-contained: one per widget and one with everything; and
// in shared/, one per widget sharing one core chunk, for pages with several), and the Node server.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { transform } from 'esbuild';
import { builtinModules } from 'node:module';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import minifyLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import pkg from './package.json' with { type: 'json' };
import { chunkHash, precompress, preloadImports } from './scripts/cdn-output.mjs';

const ts = (define = {}) => esbuild({ target: 'es2022', tsconfig: 'tsconfig.json', define });
const defines = readdirSync('src/define').filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3));
const deps = [...Object.keys(pkg.dependencies), ...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const external = (id) => deps.some((d) => id === d || id.startsWith(`${d}/`));
const onwarn = (w, warn) => (w.code === 'CIRCULAR_DEPENDENCY' && w.ids?.some((i) => i.includes('node_modules')) ? undefined : warn(w));

const npm = {
  input: ['src/index.ts', 'src/api/index.ts', ...defines.map((d) => `src/define/${d}.ts`)],
  external,
  plugins: [ts()],
  output: { dir: 'dist', format: 'es', preserveModules: true, preserveModulesRoot: 'src', sourcemap: true },
  onwarn,
};

/** Production builds drop what only Lit's dev mode needs (a dev-mode check is false there). */
const production = () => ({
  name: 'production',
  transform: (code, id) => (id.includes('/src/') && code.includes("'litIssuedWarnings' in globalThis") ? code.replaceAll("'litIssuedWarnings' in globalThis", 'false') : null),
});

/**
 * Lit's, @lit/task's and zod's error messages, which a reader never sees, shortened to the package's name
 * (a developer debugs with the npm build, whose messages are whole).
 */
const shortErrors = () => ({
  name: 'short-errors',
  transform(code, id) {
    const pkg = /node_modules\/((?:@lit\/)?[\w-]+)\//.exec(id)?.[1];
    if (!pkg || !/^(lit-html|lit-element|@lit\/reactive-element|@lit\/task|zod)$/.test(pkg)) return null;
    // `Error("…")`, `Error(`…${x}…`)`, and an Error subclass's `super("…")`.
    const out = code.replace(/\b(Error|super)\((?:(["'])(?:(?!\2)[^\\\n]){12,}\2|`(?:[^`\\]|\\.){12,}`)/g, (_, call) => `${call}("${pkg}"`);
    return out === code ? null : { code: out, map: null };
  },
});

/**
 * A widget's own file loads, with each language, only its strings: the loaders of the languages
 * (src/core/locales.ts) keep from each language's file the `core` table and the widget's own, named
 * after the widget (civic-poll: `poll`, civic-my-widget: `myWidget`), and rollup leaves the other
 * widgets' tables out of its language chunks. The file with every widget keeps every widget's table,
 * but not the console's (which is no widget and has its own file): its re-export is cut from the language files.
 */
const strings = (name) => ({
  name: 'strings',
  transform(code, id) {
    if (name === 'civic-widgets') {
      if (!/\/src\/core\/translations\/[\w-]+\.ts$/.test(id)) return null;
      // The console's table is a module of its own (translations/console/), re-exported by each language.
      const out = code.replace(/\nexport \{ console\b[^}]*\} from '\.\/console\/[\w-]+\.js';\n/, '\n');
      if (out === code) this.error(`no console table in ${id}`);
      return { code: out, map: null };
    }
    if (!id.endsWith('/src/core/locales.ts')) return null;
    const section = name.replace(/^civic-/, '').replace(/-(\w)/g, (_, c) => c.toUpperCase());
    const out = code.replace(/import\((['"]\.\/translations\/[\w-]+\.js['"])\)/g, `import($1).then(({ core, ${section} }) => ({ core, ${section} }))`);
    if (out === code) this.error('no language file imported by src/core/locales.ts');
    return { code: out, map: null };
  },
});

/**
 * A widget's own file exports no schema (its schemas only check the server's answers, with
 * `safeParse`), so it leaves out what zod gives every schema for other callers: zod/mini's `parse`,
 * `parseAsync`, `safeParseAsync`, `with`, `brand`, `register` and `apply`, and the Standard Schema
 * getter (`~standard`) of zod's core. Nor does it encode (codecs' `backward` direction), coerce
 * (`z.coerce`), install zod's memoizer (`config({ memoizer })`) or read a schema's `pattern` (template
 * literals and JSON Schema do): their branches in zod's core go too, and the build stops if the widgets' code comes to use them. The file with every widget
 * exports the API's schemas whole, and so does the npm build. Should zod's source change shape, the
 * build stops here.
 */
const privateSchemas = () => {
  // A member of an object literal at zod's 4-space indentation: `    name(…) {` … `    },`.
  const member = (name) => new RegExp(`\\n    (?:// [^\\n]*\\n    )?(?:get |set )?${name}\\([^)]*\\) \\{\\n[\\s\\S]*?\\n    \\},(?=\\n)`, 'g');
  const cut = {
    '/zod/v4/mini/schemas.js': ['with', 'parse', 'parseAsync', 'safeParseAsync', 'brand', 'register', 'apply'],
    '/zod/v4/core/schemas.js': ['"~standard"'],
    '/zod/v4/core/errors.js': [],
  };
  // [what, pattern, its replacement, how many times at least, in which file (zod's core schemas.js if none)]
  const branches = [
    ['the backward (encode) pass', /\n {12}if \(ctx\.direction === "backward"\) \{\n {16}\/\/ run canary[\s\S]*?\n {12}\}(?=\n {12}\/\/ forward)/g, '', 1],
    ['coercion', /\n {8}if \(def\.coerce\)\n {12}try \{\n {16}payload\.value = \w+\(payload\.value\);\n {12}\}\n {12}catch \(_\) \{ \}/g, '', 3],
    ['the memoizer', /\bcore\.globalConfig\.memoizer\b/g, 'undefined', 5],
    // An array over its maximum length fails either way: without zod's early check, after its items.
    ['the early size check of arrays', /\n {4}capSize\(inst, arraySize\);/g, '', 1],
    // A failed check's issues become a CivicError's (toIssues): zod's own error message, its
    // issues pretty-printed as JSON, is never read.
    ['the error message', /\n {4}Object\.defineProperty\(inst, "message", _messageDesc\);\n {4}\/\* `toString` lives[\s\S]*?\n {4}\}\n(?=\};)/g, '\n', 1, '/zod/v4/core/errors.js'],
    // A schema's `pattern` is read by template literals and JSON Schema only.
    ['patterns', /\n {4}inst\._zod\.pattern = [^;\n]+;|\n {4}util\.defineLazyInternal\(inst, "pattern", \(zod\) => (?:\{\n[\s\S]*?\n {4}\}|[^\n]*)\);/g, '', 6],
  ];
  return {
    name: 'private-schemas',
    transform(code, id) {
      if (id.includes('/src/') && /\bz\.(coerce|encode|codec|config|templateLiteral|toJSONSchema)\b|\bmemoizer\b/.test(code)) this.error(`private-schemas: ${id} uses what the widgets' files cut from zod`);
      const file = Object.keys(cut).find((f) => id.endsWith(f));
      if (!file) return null;
      let out = code;
      for (const [what, re, by, least, where = '/zod/v4/core/schemas.js'] of branches)
        if (file === where) {
          const found = out.match(re)?.length ?? 0;
          if (found < least) this.error(`private-schemas: ${what} not found in ${id} (${found} of ${least})`);
          out = out.replace(re, by);
        }
      for (const name of cut[file]) {
        const next = out.replace(member(name), '');
        if (next === out) this.error(`private-schemas: no \`${name}\` member in ${id}`);
        out = next;
      }
      return { code: out, map: null };
    },
  };
};

/**
 * The CDN file with every widget exports, of the API, what src/index-cdn.ts lists (the widgets'
 * contract) in place of src/api/index.ts: the in-memory backends and the console's admin schemas
 * stay in the npm entries. Should src/index.ts stop importing src/api/index.ts, the build stops here.
 */
const cdnApi = () => {
  let found = false;
  return {
    name: 'cdn-api',
    buildStart: () => void (found = false),
    resolveId(source, importer) {
      if (source !== './api/index.js' || !importer?.endsWith('/src/index.ts')) return null;
      found = true;
      return this.resolve('./index-cdn.js', importer);
    },
    buildEnd(e) {
      if (!e && !found) this.error('cdn-api: src/index.ts no longer imports ./api/index.js');
    },
  };
};

/**
 * What Lit does for code the widgets do not have, cut from the CDN files: decorators' metadata and
 * initializers (the widgets declare `static properties` and add controllers in their constructors),
 * the hooks of the polyfills for browsers without shadow DOM (which Lit 3 does not support) and of
 * server-side rendering's hydration, and each package's version pushed on a global list (read by
 * Lit's dev mode only); and what the widgets do not call: the JSON converter of `type: Object` and
 * `type: Array` properties, a task's `taskComplete`, `render()` and options other than `task` and
 * `args` (the build stops if code under src/ comes to use them). The console renders its tasks with
 * `render()` and keeps Lit whole. An app that subclasses an element with decorators uses the npm
 * modules. Should Lit's published code change shape, the build stops here naming what moved.
 */
const litTrim = () => {
  const cut = {
    '/@lit/reactive-element/reactive-element.js': [
      ',p=a.reactiveElementPolyfillSupport',
      'Symbol.metadata??=Symbol("metadata"),a.litPropertyMetadata??=new WeakMap;',
      'static addInitializer(t){this._$Ei(),(this.l??=[]).push(t)}',
      'void 0!==t.l&&(this.l=[...t.l]),',
      ',this.constructor.l?.forEach(t=>t(this))',
      // The converter of `type: Object` and `type: Array` properties (JSON in an attribute).
      'break;case Object:case Array:t=null==t?t:JSON.stringify(t)',
      'break;case Object:case Array:try{i=JSON.parse(t)}catch(t){i=null}',
      'const t=this[Symbol.metadata];if(null!==t){const s=litPropertyMetadata.get(t);if(void 0!==s)for(const[t,i]of s)this.elementProperties.set(t,i)}',
      ',p?.({ReactiveElement:y}),(a.reactiveElementVersions??=[]).push("2.1.2")',
    ],
    '/lit-html/lit-html.js': [',B=t.litHtmlPolyfillSupport;B?.(S,k),(t.litHtmlVersions??=[]).push("3.3.3")'],
    // A task's `taskComplete` promise and its `render({ pending, complete… })`.
    '/@lit/task/task.js': [
      'get taskComplete(){return this.t||(1===this.i?this.t=new Promise(((t,s)=>{this.o=t,this.h=s})):3===this.i?this.t=Promise.reject(this.l):this.t=Promise.resolve(this.u)),this.t}',
      'render(t){switch(this.i){case 0:return t.initial?.();case 1:return t.pending?.();case 2:return t.complete?.(this.value);case 3:return t.error?.(this.error);default:throw Error("Unexpected status: "+this.i)}}',
      // Its options `onComplete`, `onError`, `initialValue` and `autoRun: 'afterUpdate'`.
      'this.k=h.onComplete,this.A=h.onError,',
      ['if(!1===e){try{this.k?.(s)}catch{}this.i=2,this.o?.(s)}else{try{this.A?.(h)}catch{}this.i=3,this.h?.(h)}', 'this.i=e?3:2;'],
      ',"initialValue"in h&&(this.u=h.initialValue,this.i=2,this.O=this.T?.())',
      'hostUpdated(){"afterUpdate"===this.autoRun&&this.S()}',
      ['"afterUpdate"===this.autoRun?queueMicrotask((()=>this._.requestUpdate())):this._.requestUpdate()', 'this._.requestUpdate()'],
    ],
    '/lit-element/lit-element.js': [',s.litElementHydrateSupport?.({LitElement:i})', 'const o=s.litElementPolyfillSupport;o?.({LitElement:i});', '(s.litElementVersions??=[]).push("4.2.2");'],
  };
  return {
    name: 'lit-trim',
    transform(code, id) {
      if (id.includes('/src/') && /\btype: (Object|Array)\b|\b(taskComplete|onComplete|onError|initialValue|afterUpdate)\b|\.render\(\{\s*(initial|pending|complete|error)\b/.test(code)) this.error(`lit-trim: ${id} uses what the CDN files cut from Lit`);
      const file = Object.keys(cut).find((f) => id.endsWith(f));
      if (!file) return null;
      let out = code;
      for (const item of cut[file]) {
        const [text, by] = typeof item === 'string' ? [item, ''] : item;
        if (!out.includes(text)) this.error(`lit-trim: no \`${text}\` in ${id}`);
        out = out.replace(text, by);
      }
      return { code: out, map: null };
    },
  };
};

/** A self-contained, minified file for `<script type="module" src>`. */
const cdn = (name, input) => ({
  input,
  // Chunks loaded on demand import lit from the entry file itself, not from a third file.
  preserveEntrySignatures: 'allow-extension',
  // zod's modules do nothing on import that the widgets need (its package.json does not say so):
  // a module none of whose exports is used, such as its schema registry, is left out.
  treeshake: { moduleSideEffects: (id) => !id.includes('/node_modules/zod/') },
  plugins: [
    minifyLiterals({ include: ['src/**/*.ts'], failOnError: true }),
    production(),
    name !== 'civic-console' && litTrim(),
    shortErrors(),
    name !== 'civic-widgets' && name !== 'civic-console' && privateSchemas(),
    name === 'civic-widgets' && cdnApi(),
    strings(name),
    // The OpenAPI document's lists of values (`oneOf` in src/api/common.ts) stay out of the widgets' files.
    ts({ CIVIC_CDN: 'true' }),
    resolve({ browser: true, exportConditions: ['browser', 'production'] }),
    // A chunk loaded on demand comes with the chunks it imports, in one round trip (CIVIC_PRELOAD=0
    // leaves it out: `npm run bench` measures the widgets with and without it).
    process.env.CIVIC_PRELOAD !== '0' && preloadImports(),
    // keep_fargs: false drops unused trailing parameters (nothing here reads a function's `length`).
    terser({ module: true, ecma: 2022, compress: { passes: 3, unsafe_arrows: true, keep_fargs: false }, format: { comments: false } }),
    chunkHash(), // one hash in the names of all of an entry's chunks (scripts/cdn-output.mjs)
    precompress(), // x.js.br and x.js.gz beside each file
  ],
  // Each language's strings are a chunk of their own, loaded only by the pages that show it. Entry
  // files keep the names people paste; chunks carry a hash of their content (`fr.3f9a0c1b.js`, the
  // same for all of an entry's chunks: chunkHash()), so that they can be cached for good (server/static.ts).
  output: { dir: process.env.CDN_DIR || 'dist/cdn', entryFileNames: `${name}.js`, chunkFileNames: `[name].[hash].js`, hashCharacters: 'hex', format: 'es', sourcemap: true },
  onwarn,
});

/** The widgets' tables in the languages' files (`petition`, `comments`…; src/core/translations/en.ts). */
const sections = [...readFileSync('src/core/translations/en.ts', 'utf8').matchAll(/^export const (\w+)/gm)].map((m) => m[1]).filter((n) => n !== 'core');

/**
 * The strings of the shared build: each language's loader in src/core/locales.ts is given the
 * widget's table name (`locales.fr('petition')`) and loads two chunks of that language, the `core`
 * table's (`fr-core.3f9a0c1b.js`, once for all the page's widgets) and that widget's
 * (`fr-petition.3f9a0c1b.js`), each made from its own copy of the language's file
 * (`translations/fr.ts?strings=petition`), so that rollup leaves the other tables out of it.
 */
const sectionStrings = () => ({
  name: 'section-strings',
  transform(code, id) {
    if (!id.endsWith('/src/core/locales.ts')) return null;
    const out = code.replace(/\(\) => import\((['"])\.\/translations\/([\w-]+)\.js\1\)/g, (_, q, lang) => {
      const table = (s) => `import('./translations/${lang}.ts?strings=${s}').then(({ ${s} }) => ({ ${s} }))`;
      const each = sections.map((s) => `${s}: () => ${table(s)}`);
      return `(section) => Promise.all([${table('core')}, ({ ${each.join(', ')} })[section]()]).then(([a, b]) => ({ ...a, ...b }))`;
    });
    if (out === code) this.error('no language file imported by src/core/locales.ts');
    return { code: out, map: null };
  },
  resolveId(source, importer) {
    const m = /^\.\/translations\/([\w-]+)\.ts\?strings=(\w+)$/.exec(source);
    return m && importer ? `${dirname(importer)}/translations/${m[1]}.ts?strings=${m[2]}` : null;
  },
  async load(id) {
    const m = /^(.*\.ts)\?strings=\w+$/.exec(id);
    return m ? (await transform(readFileSync(m[1], 'utf8'), { loader: 'ts', target: 'es2022' })).code : null;
  },
});

/**
 * The shared build (dist/cdn/shared/), for pages that show several widgets: one file per widget
 * (`civic-poll.js`, the names people paste) and one chunk, `core.3f9a0c1b.js`, of what two widgets or
 * more use (Lit, zod, src/core, the REST client), which each of them imports: a page loads it once
 * however many widgets it shows. What only one widget uses stays in its file or its chunks. The
 * provider's half of @lit/context (which the widgets reach only through the package's index) is a
 * chunk of its own that only civic-provider.js imports. A page with one widget loads less from its
 * file in dist/cdn/ (which carries only what that widget uses), and one with all four from
 * civic-widgets.js; scripts/size.mjs prints what each mix of widgets loads from each.
 */
const cdnShared = () => {
  const widgets = defines.filter((d) => !['civic-console', 'civic-provider'].includes(d));
  const inputs = defines.filter((d) => d !== 'civic-console');
  const config = cdn('shared', Object.fromEntries(inputs.map((d) => [d, `src/define/${d}.ts`])));
  config.plugins = [sectionStrings(), ...config.plugins.filter((p) => p && p.name !== 'strings')];
  config.output.dir = `${process.env.CDN_DIR || 'dist/cdn'}/shared`;
  config.output.entryFileNames = '[name].js';
  /** How many widgets' files reach each module through static imports. */
  let reach;
  const providerOnly = /\/@lit\/context\/lib\/(controllers\/context-provider|value-notifier)\.js$/;
  config.output.manualChunks = (id, { getModuleInfo, getModuleIds }) => {
    const strings = /\/translations\/([\w-]+)\.ts\?strings=(\w+)$/.exec(id);
    if (strings) return `${strings[1]}-${strings[2]}`;
    if (providerOnly.test(id)) return 'context';
    if (!reach) {
      reach = new Map();
      const ids = [...getModuleIds()];
      for (const w of widgets) {
        const seen = new Set([ids.find((m) => m.endsWith(`/src/define/${w}.ts`))]);
        for (const m of seen) for (const i of getModuleInfo(m)?.importedIds ?? []) seen.add(i);
        for (const m of seen) reach.set(m, (reach.get(m) ?? 0) + 1);
      }
    }
    if (!id.includes('/src/define/') && (reach.get(id) ?? 0) >= 2) return 'core';
  };
  config.plugins.push({
    name: 'shared-chunks',
    buildStart: () => void (reach = undefined),
    generateBundle(_, bundle) {
      for (const chunk of ['core', 'context'])
        if (!Object.keys(bundle).some((f) => f.startsWith(`${chunk}.`))) this.error(`shared-chunks: no ${chunk} chunk (did @lit/context's files move?)`);
    },
  });
  return config;
};

const server = {
  input: { index: 'server/index.ts', cli: 'server/cli.ts' },
  external,
  plugins: [ts(), resolve({ exportConditions: ['node'], preferBuiltins: true })],
  output: { dir: 'dist/server', format: 'es', sourcemap: true, chunkFileNames: '[name]-[hash].js' },
  onwarn,
};

// BUILD=npm|cdn|server builds one of them; CDN_FILES=civic-poll,civic-comments,shared only those CDN files
// and CDN_DIR=folder writes them there (`npm run bench` builds a variant aside).
const only = process.env.BUILD;
const cdnFiles = process.env.CDN_FILES?.split(',');
export default [
  (!only || only === 'npm') && npm,
  ...(!only || only === 'cdn'
    ? [cdn('civic-widgets', 'src/index.ts'), ...defines.map((d) => cdn(d, `src/define/${d}.ts`)), cdnShared()].filter((c) => !cdnFiles || cdnFiles.includes(c.output.entryFileNames === '[name].js' ? 'shared' : c.output.entryFileNames.slice(0, -3)))
    : []),
  (!only || only === 'server') && server,
].filter(Boolean);

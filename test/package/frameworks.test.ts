/**
 * The frameworks' types and VS Code's custom data (scripts/frameworks.mjs) are what the manifest gives:
 * the files in dist/ are those the generator writes from dist/custom-elements.json now, and they name
 * every element, attribute and event of the manifest. (test/examples compiles them with tsc, vue-tsc
 * and svelte-check against the frameworks' own types.) Needs the build.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

interface Decl {
  name: string;
  tagName?: string;
  customElement?: boolean;
  attributes?: { name: string }[];
  events?: { name: string }[];
}
const manifest = JSON.parse(readFileSync('dist/custom-elements.json', 'utf8')) as { modules: { declarations?: Decl[] }[] };
const elements = manifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.customElement && d.tagName));
const read = (f: string) => readFileSync(`dist/${f}`, 'utf8');
/** The members of the interface or object type that follows `start` in `text`, up to its closing brace. */
const block = (text: string, start: string) => {
  const at = text.indexOf(start);
  assert.ok(at >= 0, `${start} not found`);
  return text.slice(at, text.indexOf('\n}', at));
};

describe('generated framework types and editor data', () => {
  it('are what the generator makes from the manifest now', () => {
    const r = spawnSync('node', ['scripts/frameworks.mjs', '--check'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  });

  it('name every element, attribute and event of the manifest', () => {
    assert.ok(elements.length >= 5);
    const [react, vue, svelte] = ['react', 'vue', 'svelte'].map((f) => read(`frameworks/${f}.d.ts`));
    const vscode = JSON.parse(read('vscode.html-custom-data.json')) as { tags: { name: string; attributes: { name: string }[] }[] };
    assert.deepEqual(vscode.tags.map((t) => t.name).sort(), elements.map((e) => e.tagName).sort());
    for (const e of elements) {
      const tag = e.tagName!;
      const cls = e.name;
      assert.match(react!, new RegExp(`'${tag}': CivicJSXProps<${cls}, ${cls}Props>`));
      assert.match(vue!, new RegExp(`'${tag}': DefineCustomElement<${cls}, ${cls}Props, ${cls}Events>`));
      assert.match(svelte!, new RegExp(`'${tag}': ${cls}Attributes;`));
      const [r, v, s] = [block(react!, `interface ${cls}Props {`), block(vue!, `interface ${cls}Events {`), block(svelte!, `interface ${cls}Attributes `)];
      for (const a of e.attributes ?? []) {
        assert.match(r, new RegExp(`\\n  '?${a.name}'?\\?: `), `React: <${tag} ${a.name}>`);
        assert.match(s, new RegExp(`\\n  '?${a.name}'?\\?: `), `Svelte: <${tag} ${a.name}>`);
      }
      for (const ev of e.events ?? []) {
        assert.match(r, new RegExp(`'on${ev.name}'\\?: \\(event: Civic\\w+Event\\) => void`), `React: <${tag} on${ev.name}>`);
        assert.match(v, new RegExp(`'${ev.name}': Civic\\w+Event;`), `Vue: <${tag} @${ev.name}>`);
        assert.match(s, new RegExp(`'on${ev.name}'\\?: \\(event: Civic\\w+Event & `), `Svelte: <${tag} on${ev.name}>`);
      }
      const data = vscode.tags.find((t) => t.name === tag)!;
      assert.deepEqual(data.attributes.map((a) => a.name), (e.attributes ?? []).map((a) => a.name), `VS Code: <${tag}>'s attributes`);
    }
  });
});

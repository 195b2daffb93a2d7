// `npm run new:widget NAME`: writes a new widget <civic-NAME> that builds, passes its test (French,
// English, axe, the pseudo-locale at 320 px) and the layout rules at once: the element and its
// styles, its define file, its strings in every language file, its test, its story, and its lines in
// src/index.ts, README.md and stories/Theming.mdx. What comes from src/define/ on its own: its CDN
// file and its size budget, its package subpath (civic-widgets/NAME), its place in the layout rules,
// the custom-elements manifest, Storybook. What it does not write (its resource, events, demo page):
// CONTRIBUTING.md's checklist.
//   node scripts/new-widget.mjs NAME        NAME: lower case, a-z and -, e.g. `survey` or `town-map`
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');

/** The names a widget goes by: `town-map` → civic-town-map, CivicTownMap, strings `townMap`, "Town map". */
export function names(name) {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name)) throw new Error(`"${name}": a widget's name is lower case, a-z, 0-9 and -, e.g. survey or town-map`);
  const words = name.split('-');
  return {
    name,
    tag: `civic-${name}`,
    cls: `Civic${words.map((w) => w[0].toUpperCase() + w.slice(1)).join('')}`,
    section: words.map((w, i) => (i ? w[0].toUpperCase() + w.slice(1) : w)).join(''),
    title: words.join(' ').replace(/^./, (c) => c.toUpperCase()),
  };
}

const element = ({ name, tag, cls, section, title }) => `import { html, type TemplateResult } from 'lit';
import type { CivicBackend } from '../api/backend.js';
import { CivicElement } from '../core/civic-element.js';
import { Localize } from '../core/localize.js';
import { base } from '../core/styles.js';
import { styles } from './${tag}.styles.js';

/**
 * ${title}: what it shows, and what a reader does with it.
 *
 * @tagname ${tag}
 * @summary ${title}, a civic widget.
 * @slot - Shown until the widget loads, when loading fails, and where scripts do not run (e.g. a link to the page it stands for).
 * @csspart base - The whole widget.
 * @csspart heading - Its title (an h2).
 * @cssproperty --civic-${name}-gap - Space between its blocks (default: --civic-space).
 */
export class ${cls} extends CivicElement {
  static override styles = [base, styles];

  protected readonly l = new Localize(this, '${section}');

  /** Its resource's part of a REST backend, from its own \`api\` attribute (none yet: see CONTRIBUTING.md, "Adding a widget"). */
  protected override createBackend(): CivicBackend {
    return {};
  }

  protected override renderWidget(): TemplateResult {
    const t = this.l.t;
    return html\`<section part="base" aria-labelledby="title">
      <h2 part="heading" id="title">\${t.heading}</h2>
      <p>\${t.intro}</p>
    </section>\`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    '${tag}': ${cls};
  }
}
`;

const styles = ({ name }) => `import { css } from '../core/styles.js';

export const styles = css\`
  [part~='base'] {
    display: grid;
    gap: var(--civic-${name}-gap, var(--_gap));
  }
\`;
`;

const define = ({ name, tag, cls }) => `/** Registers <${tag}>. */
import { define } from '../core/define.js';
import { ${cls} } from '../${name}/${tag}.js';

define('${tag}', ${cls});
export { ${cls} };
`;

const test = ({ name, tag, cls, section }) => `import { html } from 'lit';
import '../../src/define/${tag}.js';
import type { ${cls} } from '../../src/${name}/${tag}.js';
import { expectPseudo, pseudoPage, PSEUDO } from '../core/pseudo.js';
import { $, expect, mount, text, waitUntil } from '../helpers.js';

async function ${section}(lang: string) {
  const el = await mount<${cls}>(html\`<${tag} lang=\${lang}><a href="/">Fallback</a></${tag}>\`);
  await waitUntil(() => el.shadowRoot!.querySelector('[part~=base]'), 'rendered');
  return el;
}

describe('<${tag}>', () => {
  before(pseudoPage);

  it('speaks French, then English when its lang changes, accessibly', async () => {
    const el = await ${section}('fr');
    expect($(el, '[part~=heading]').localName).to.equal('h2');
    await expect(el).to.be.accessible();
    const fr = text(el);
    el.lang = 'en';
    await waitUntil(() => text(el) !== fr, 'English');
  });

  it('takes every text from its strings, and fits 320 px with longer ones', async () => {
    await expectPseudo(await ${section}(PSEUDO), [], 'shown');
  });
});
`;

const story = ({ name, tag, title }) => `import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../../src/define/${tag}.js';

const meta: Meta = {
  title: 'Widgets/${title}',
  component: '${tag}',
  render: () => html\`<${tag}><a href="https://example.org/">${title}</a></${tag}>\`,
  parameters: { docs: { description: { component: 'Paste \`<script type="module" src=".../cdn/${tag}.js">\` and the tag below on any page.' } } },
};
export default meta;
type Story = StoryObj;

export const Shown: Story = {};
`;

/** A language file with the widget's table added at its end: English is the reference, French and any other language get their own words or English to translate. */
function strings(text, file, { section, title }) {
  const words = {
    en: [title, 'A civic widget: say here what it lets readers do.'],
    fr: [title, 'Un widget civique : dites ici ce qu’il permet aux lecteurs de faire.'],
  }[file] ?? [title, 'A civic widget: say here what it lets readers do.'];
  const typed = file === 'en' ? '' : `: Translation['${section}']`;
  const todo = words[1].startsWith('A civic') && file !== 'en' ? '  // To translate.\n' : '';
  const quote = (w) => `'${w.replace(/'/g, "\\'")}'`;
  const out = `${text.replace(/\n*$/, '\n')}\nexport const ${section}${typed} = {\n${todo}  heading: ${quote(words[0])},\n  intro: ${quote(words[1])},\n};\n`;
  return typed && !/\bTranslation\b/.test(text) ? insertAfter(out, /^import /, "import type { Translation } from '../locales.js';", file, true) : out;
}

/** `text` with `line` put after the last line matching `after` (the first, if `first`). */
function insertAfter(text, after, line, file, first = false) {
  const lines = text.split('\n');
  const i = lines[first ? 'findIndex' : 'findLastIndex']((l) => after.test(l));
  if (i < 0) throw new Error(`${file}: no line like ${after} to add after`);
  lines.splice(i + 1, 0, line);
  return lines.join('\n');
}

/** `text` with `block` put before the first line matching `before`. */
function insertBefore(text, before, block, file) {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => before.test(l));
  if (i < 0) throw new Error(`${file}: no line like ${before} to add before`);
  lines.splice(i, 0, block);
  return lines.join('\n');
}

const readme = (text, { name, tag, title }) => {
  let out = insertAfter(text, /^\| `<civic-[a-z-]+>` \|/, `| \`<${tag}>\` | ${title} (written by \`npm run new:widget\`: say what it is) | skeleton |`, 'README.md');
  out = insertAfter(out, /^\| `--civic-[a-z-]+` \|/, `| \`--civic-${name}-gap\` | \`--civic-space\` | Space between the ${title.toLowerCase()}'s blocks |`, 'README.md');
  return insertBefore(
    out,
    /^### Theming$/,
    `## \`<${tag}>\`

\`\`\`html
<script type="module" src="https://your-server.example/cdn/${tag}.js"></script>
<${tag}></${tag}>
\`\`\`

| Attribute / property | Type | Default | Description |
| --- | --- | --- | --- |
| \`api\`, \`backend\`, \`lang\`, \`loading\` | | | As for every widget (see the petition). |

| Part | |
| --- | --- |
| \`base\`, \`heading\` | The whole widget; its title (an \`h2\`) |
`,
    'README.md',
  );
};

const theming = (text, { name, title }) =>
  insertBefore(
    text,
    /^## Parts$/,
    `## ${title}

| Property | Default | What it changes |
| --- | --- | --- |
| \`--civic-${name}-gap\` | \`--civic-space\` | Space between its blocks |
`,
    'stories/Theming.mdx',
  );

const index = (text, { name, tag, cls }) =>
  insertAfter(insertAfter(text, /^import '\.\/define\/civic-/, `import './define/${tag}.js';`, 'src/index.ts'), /^export \{ Civic\w+ \} from '\.\/define\//, `export { ${cls} } from './define/${tag}.js';`, 'src/index.ts');

/**
 * Every file the widget `name` writes or changes, with its content: new files, then the files it
 * adds its lines to (read through `read`, relative to the repository).
 */
export function plan(name, read = (path) => readFileSync(join(root, path), 'utf8'), list = (dir) => readdirSync(join(root, dir))) {
  const n = names(name);
  if (list('src/define').includes(`${n.tag}.ts`)) throw new Error(`<${n.tag}> exists already (src/define/${n.tag}.ts)`);
  const files = new Map([
    [`src/${name}/${n.tag}.ts`, element(n)],
    [`src/${name}/${n.tag}.styles.ts`, styles(n)],
    [`src/define/${n.tag}.ts`, define(n)],
    [`test/${name}/${n.tag}.test.ts`, test(n)],
    [`stories/${name}/${n.tag}.stories.ts`, story(n)],
  ]);
  for (const f of list('src/core/translations').filter((f) => f.endsWith('.ts'))) {
    const path = `src/core/translations/${f}`;
    files.set(path, strings(read(path), f.replace(/\.ts$/, ''), n));
  }
  files.set('src/index.ts', index(read('src/index.ts'), n));
  files.set('README.md', readme(read('README.md'), n));
  files.set('stories/Theming.mdx', theming(read('stories/Theming.mdx'), n));
  return files;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const name = process.argv[2];
  try {
    if (!name) throw new Error('usage: npm run new:widget NAME (e.g. survey)');
    const files = plan(name);
    for (const [path, text] of files) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      console.log(`${existsSync(join(root, path)) ? 'changed' : 'wrote  '}  ${path}`);
      writeFileSync(join(root, path), text);
    }
    const { tag } = names(name);
    console.log(`
<${tag}> is there: \`node scripts/test.mjs types layout\` and \`npx wtr --files test/${name}/${tag}.test.ts\` pass as it is.
Next (CONTRIBUTING.md, "Adding a widget"): its resource in src/api/ and server/, its events, its strings in
French, what README.md says of it, its stories' states, and the demo page if it has one.`);
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}

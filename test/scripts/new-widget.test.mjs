// `npm run new:widget` (scripts/new-widget.mjs), without writing anything: the files it would write
// typecheck with the rest of the code, its strings are in every language, and the documentation
// lists what it adds. (Its browser test, build and story: run it once and see, as CONTRIBUTING says.)
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { names, plan } from '../../scripts/new-widget.mjs';

const root = resolve(import.meta.dirname, '../..');

describe('npm run new:widget', () => {
  it('names the tag, the class and the strings after the widget, and refuses a bad or taken name', () => {
    assert.deepEqual(names('town-map'), { name: 'town-map', tag: 'civic-town-map', cls: 'CivicTownMap', section: 'townMap', title: 'Town map' });
    assert.throws(() => names('Town_Map'), /lower case/);
    assert.throws(() => plan('poll'), /exists already/);
  });

  const files = plan('zz-probe');

  it('writes the element, its styles, define file, test and story, its strings in every language, and its lines in the index and the docs', () => {
    // A language is a file of translations/ (its folders hold parts of a table, e.g. the console's).
    const languages = readdirSync(resolve(root, 'src/core/translations')).filter((f) => f.endsWith('.ts')).map((f) => `src/core/translations/${f}`);
    assert.deepEqual(
      [...files.keys()].sort(),
      [
        'README.md',
        'src/define/civic-zz-probe.ts',
        'src/index.ts',
        'src/zz-probe/civic-zz-probe.styles.ts',
        'src/zz-probe/civic-zz-probe.ts',
        'stories/Theming.mdx',
        'stories/zz-probe/civic-zz-probe.stories.ts',
        'test/zz-probe/civic-zz-probe.test.ts',
        ...languages,
      ].sort(),
    );
    for (const l of languages) assert.match(files.get(l), /\nexport const zzProbe\b[^=]*= \{\n/, l);
  });

  it('typechecks with the code it joins', () => {
    const config = ts.getParsedCommandLineOfConfigFile(resolve(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
    const overlay = new Map([...files].filter(([p]) => p.endsWith('.ts')).map(([p, text]) => [resolve(root, p), text]));
    const host = ts.createCompilerHost(config.options);
    const { fileExists, readFile, directoryExists } = host;
    const dirs = new Set([...overlay.keys()].map((f) => dirname(f)));
    host.fileExists = (f) => overlay.has(f) || fileExists(f);
    host.readFile = (f) => overlay.get(f) ?? readFile(f);
    host.directoryExists = (d) => dirs.has(d) || !!directoryExists?.(d);
    const program = ts.createProgram([...overlay.keys()], { ...config.options, noEmit: true }, host);
    const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.formatDiagnostic(d, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' }));
    assert.deepEqual(problems, []);
  });

  it('documents every --civic-* property it reads and every part it declares (test/docs)', () => {
    const source = [...files].filter(([p]) => p.startsWith('src/zz-probe/')).map(([, text]) => text).join('\n');
    const properties = [...source.matchAll(/var\((--civic-[a-z-]+)/g)].map((m) => m[1]);
    const parts = [...source.matchAll(/@csspart ([a-z-]+)/g)].map((m) => m[1]);
    assert.deepEqual(properties, ['--civic-zz-probe-gap']);
    for (const p of properties) for (const doc of ['README.md', 'stories/Theming.mdx']) assert.ok(files.get(doc).includes(`\`${p}\``), `${p} in ${doc}`);
    for (const p of parts) assert.ok(files.get('README.md').includes(`\`${p}\``), `part ${p} in README.md`);
  });
});

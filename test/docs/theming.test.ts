/**
 * Documentation that cannot drift: every `--civic-*` custom property the widgets read is listed in
 * the README and on Storybook's Theming page, and every part a widget declares in its JSDoc is in
 * the README.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const sources = readdirSync('src', { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => readFileSync(join('src', f), 'utf8'));
const readme = readFileSync('README.md', 'utf8');
const theming = readFileSync('stories/Theming.mdx', 'utf8');

describe('documentation', () => {
  it('lists every --civic-* property in the README and on the Theming page', () => {
    const used = new Set(sources.flatMap((s) => [...s.matchAll(/var\((--civic-[a-z-]+)/g)].map((m) => m[1]!)));
    assert.ok(used.size > 5);
    for (const p of used) {
      assert.ok(readme.includes(`\`${p}\``), `${p} is not in README.md`);
      assert.ok(theming.includes(`\`${p}\``), `${p} is not in stories/Theming.mdx`);
    }
  });

  it('lists every part a widget declares in the README', () => {
    const parts = sources.flatMap((s) => [...s.matchAll(/@csspart ([a-z-]+)/g)].map((m) => m[1]!));
    assert.ok(parts.length > 5);
    for (const p of parts) assert.match(readme, new RegExp(`\`${p}\``), `part ${p} is not in README.md`);
  });
});

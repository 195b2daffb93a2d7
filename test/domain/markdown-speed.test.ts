/**
 * The comments' markdown parser reads hostile text in the widget and on the server (which keeps the
 * links a body shows): whatever its shape, 100 kB parse in linear time. Timed here, in Node's V8 (the
 * engine Chromium runs too), where test files run one at a time: in the browser step, two pages and
 * the runner share the machine's two cores and a timing says more about them than about the parser.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from '../../src/domain/markdown.js';

describe('comment markdown, timed', () => {
  it('parses 100 kB of any shape in under 50 ms', () => {
    // Shapes that made a scanning parser quadratic: openers without closers, closers hidden in code,
    // unterminated links, titles and autolinks, nested lists and quotes, and mixes of them.
    const shapes = ['[a](', '[', '](', '[[[]]](', '[a]((', '*a ', '**a ', '_a ', '*a `*` ', '`', '`` ` ', '<http://a', 'http://a.b/(', 'http://[', '> ', '> a\n',
      '- ', '- a\n  ', '1. ', '\n', '\\*', '[*a](`_<h', '```\n', '*a\n', '[a](b ', '[a](b "', '[*a*](http://x/', '- a\n    - b\n', '* *a', 'a_b_', '<', '*_', '***a', '[https://a](https://a) ', 'https://a.b)'];
    const kb100 = (s: string) => s.repeat(Math.ceil(102400 / s.length)).slice(0, 102400);
    const slow: string[] = [];
    for (const shape of shapes) {
      const text = kb100(shape);
      // The best of five runs: the machine's other work is not the parser's.
      let best = Infinity;
      for (let run = 0; run < 5; run++) {
        const t0 = performance.now();
        parse(text);
        best = Math.min(best, performance.now() - t0);
      }
      if (best >= 50) slow.push(`${JSON.stringify(shape)}: ${best.toFixed(0)} ms`);
    }
    assert.deepEqual(slow, []);
  });
});

import { html, render } from 'lit';
import { inline, parse } from '../../src/domain/markdown.js';
import { renderMarkdown } from '../../src/comments/markdown-render.js';
import { safeUrl } from '../../src/domain/url.js';
import { expect } from '../helpers.js';

/** Renders a comment body into a fresh element. */
function show(source: string): HTMLElement {
  const el = document.createElement('div');
  render(html`${renderMarkdown(source)}`, el);
  return el;
}
const tags = (el: Element) => [...el.querySelectorAll('*')].map((n) => n.localName);

describe('comment markdown', () => {
  it('parses paragraphs, line breaks, emphasis, strong, code and links', () => {
    expect(parse('Bonjour *tout* le **monde**\nà `demain`.\n\nDeuxième [lien](https://example.org/a_b).')).to.deep.equal([
      { t: 'p', c: ['Bonjour ', { t: 'em', c: ['tout'] }, ' le ', { t: 'strong', c: ['monde'] }, { t: 'br' }, 'à ', { t: 'code', text: 'demain' }, '.'] },
      { t: 'p', c: ['Deuxième ', { t: 'a', href: 'https://example.org/a_b', c: ['lien'] }, '.'] },
    ]);
  });

  it('parses fenced code, quotes (nested), and bullet and numbered lists (nested)', () => {
    const blocks = parse('```js\nlet a = *b*;\n<script>\n```\n> cité\n> > encore\n\n- un\n- deux\n  1. a\n  2. b\n\n3) trois');
    expect(blocks).to.deep.equal([
      { t: 'pre', text: 'let a = *b*;\n<script>' },
      { t: 'quote', c: [{ t: 'p', c: ['cité'] }, { t: 'quote', c: [{ t: 'p', c: ['encore'] }] }] },
      {
        t: 'ul',
        start: 1,
        items: [[{ t: 'p', c: ['un'] }], [{ t: 'p', c: ['deux'] }, { t: 'ol', start: 1, items: [[{ t: 'p', c: ['a'] }], [{ t: 'p', c: ['b'] }]] }]],
      },
      { t: 'ol', start: 3, items: [[{ t: 'p', c: ['trois'] }]] },
    ]);
  });

  it('leaves snake_case, lone stars, escapes and unclosed code as text', () => {
    expect(inline('snake_case_name et 2 * 3 * 4')).to.deep.equal(['snake_case_name et 2 * 3 * 4']);
    // Letters beyond ASCII and white space beyond the space bar count as such.
    expect(inline('été_déjà_là')).to.deep.equal(['été_déjà_là']);
    expect(inline('a\u00a0* b *\ttab')).to.deep.equal(['a\u00a0* b *\ttab']);
    expect(inline('Québec _vraiment_ numérique')).to.deep.equal(['Québec ', { t: 'em', c: ['vraiment'] }, ' numérique']);
    expect(inline('\\*pas en italique\\* et `ouvert')).to.deep.equal(['*pas en italique* et `ouvert']);
    expect(inline('***les deux***')).to.deep.equal([{ t: 'strong', c: [{ t: 'em', c: ['les deux'] }] }]);
    expect(inline('`` a ` b ``')).to.deep.equal([{ t: 'code', text: 'a ` b' }]);
  });

  it('links bare and bracketed http(s) URLs, without trailing punctuation', () => {
    expect(inline('Voir https://example.org/x(y), ou <https://example.org/z>.')).to.deep.equal([
      'Voir ',
      { t: 'a', href: 'https://example.org/x(y)', c: ['https://example.org/x(y)'] },
      ', ou ',
      { t: 'a', href: 'https://example.org/z', c: ['https://example.org/z'] },
      '.',
    ]);
    expect(inline('[titre](https://example.org "Un titre")')).to.deep.equal([{ t: 'a', href: 'https://example.org/', c: ['titre'] }]);
    expect(inline('[écrire](mailto:ana@example.org)')).to.deep.equal([{ t: 'a', href: 'mailto:ana@example.org', c: ['écrire'] }]);
  });

  it('keeps only http, https and mailto links', () => {
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', '/relative', '//evil.example', 'file:///etc/passwd'])
      expect(safeUrl(bad), bad).to.equal(undefined);
    expect(safeUrl('https://example.org/a b')).to.equal('https://example.org/a%20b');
  });

  it('renders hostile markdown as inert text and safe links only', () => {
    (window as unknown as { pwned?: number }).pwned = 0;
    const el = show(
      [
        '<script>window.pwned = 1</script>',
        '<img src=x onerror="window.pwned = 2">',
        '<svg onload="window.pwned = 3"><a xlink:href="javascript:window.pwned=4">svg</a></svg>',
        '[clic](javascript:window.pwned=5) [data](data:text/html;base64,PHNjcmlwdD4=) [js](  javascript:alert(1) )',
        '[x](https://ok.example/" onmouseover="window.pwned=6)',
        '![image](https://example.org/i.png) <https://ok.example/"onclick="x>',
        '[**gras**](https://example.org/)',
      ].join('\n\n'),
    );
    document.body.append(el);
    expect(tags(el).filter((t) => !['p', 'a', 'strong'].includes(t))).to.deep.equal([]);
    expect([...el.querySelectorAll('*')].flatMap((n) => n.getAttributeNames()).filter((a) => !['href', 'rel'].includes(a))).to.deep.equal([]);
    const links = [...el.querySelectorAll('a')];
    // The quote that tried to close the attribute stays inside the URL, percent-encoded, or ends the bare link.
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['https://ok.example/', 'https://example.org/i.png', 'https://ok.example/%22onclick=%22x', 'https://example.org/']);
    expect(links.every((a) => a.rel === 'nofollow ugc noopener')).to.equal(true);
    expect(el.textContent).to.contain('<script>window.pwned = 1</script>').and.contain('clic data [js](');
    el.querySelectorAll('a').forEach((a) => a.dispatchEvent(new MouseEvent('mouseover')));
    expect((window as unknown as { pwned: number }).pwned).to.equal(0);
    el.remove();
  });

  it('stays fast and shallow on crafted input', () => {
    const started = performance.now();
    for (const evil of ['*a '.repeat(2000), '['.repeat(5000), '[a]('.repeat(1200), '> '.repeat(2500), '- '.repeat(2500), '`'.repeat(5000), '_'.repeat(5000), `[a](b${' '.repeat(4000)}x`, `https://a.b${')'.repeat(4000)}`])
      show(evil);
    expect(performance.now() - started).to.be.below(1500);
    const deep = parse('> '.repeat(100) + 'fond');
    let depth = 0;
    for (let b = deep[0]; b?.t === 'quote'; b = b.c[0]) depth++;
    expect(depth).to.equal(8);
  });

  it('puts no link inside a link', () => {
    expect(inline('[https://a.example](https://b.example)')).to.deep.equal([{ t: 'a', href: 'https://b.example/', c: ['https://a.example'] }]);
    expect(inline('[voir <https://a.example>](https://b.example)')).to.deep.equal([{ t: 'a', href: 'https://b.example/', c: ['voir <https://a.example>'] }]);
    // A label whose target is refused is text, and its own links still count.
    expect(inline('[*b* https://a.example](javascript:x)')).to.deep.equal([{ t: 'em', c: ['b'] }, ' ', { t: 'a', href: 'https://a.example/', c: ['https://a.example'] }]);
  });

  it('renders lists, quotes and code as elements', () => {
    const el = show('> citation\n\n1. un\n2. deux\n\n```\n<b>gras</b>\n```');
    expect(tags(el)).to.deep.equal(['blockquote', 'p', 'ol', 'li', 'p', 'li', 'p', 'pre', 'code']);
    expect(el.querySelector('code')!.textContent).to.equal('<b>gras</b>');
  });
});

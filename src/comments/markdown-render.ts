/**
 * A comment's markdown as Lit templates: every piece of the reader's text goes through a text
 * binding and every link through an attribute binding of an allowlisted URL (markdown.ts), so
 * nothing a reader writes can become markup or script. Loaded on demand with the first comments.
 */
import { html, type TemplateResult } from 'lit';
import { parse, type Block, type Inline } from '../domain/markdown.js';
import { REL } from '../domain/url.js';

const inline = (n: Inline): unknown =>
  typeof n === 'string'
    ? n
    : n.t === 'br'
      ? html`<br />`
      : n.t === 'code'
        ? html`<code>${n.text}</code>`
        : n.t === 'em'
          ? html`<em>${n.c.map(inline)}</em>`
          : n.t === 'strong'
            ? html`<strong>${n.c.map(inline)}</strong>`
            : html`<a href=${n.href} rel=${REL}>${n.c.map(inline)}</a>`;

const block = (b: Block): TemplateResult =>
  b.t === 'p'
    ? html`<p>${b.c.map(inline)}</p>`
    : b.t === 'pre'
      ? html`<pre><code>${b.text}</code></pre>`
      : b.t === 'quote'
        ? html`<blockquote>${b.c.map(block)}</blockquote>`
        : b.t === 'ul'
          ? html`<ul>${b.items.map((item) => html`<li>${item.map(block)}</li>`)}</ul>`
          : html`<ol start=${b.start}>${b.items.map((item) => html`<li>${item.map(block)}</li>`)}</ol>`;

/** A comment's body, rendered. */
export const renderMarkdown = (source: string): TemplateResult[] => parse(source).map(block);

/**
 * Publish (`#/publish/<id>` for a petition, `#/publish/<kind>/<id>` for a thread or a poll): the
 * HTML a blogger pastes to embed it (one widget, or inside a provider with others), a copy button,
 * and a live preview of the widget as readers see it, loaded from this server's CDN files like the
 * pasted code loads it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { call } from '../../api/rest-call.js';
import { getThread } from '../../api/routes/comments.js';
import { getPetition } from '../../api/routes/petitions.js';
import { getPoll } from '../../api/routes/polls.js';
import { Loader } from '../../core/loader.js';
import { ConsoleScreen, snippetField } from '../screen.js';

type Variant = 'standalone' | 'provider';

/** The widget of each kind of item: its tag (also its CDN file's name) and the attribute naming the item. */
export const WIDGETS = {
  petition: { tag: 'civic-petition', attr: 'petition', list: 'petitions', get: getPetition },
  thread: { tag: 'civic-comments', attr: 'thread', list: 'threads', get: getThread },
  poll: { tag: 'civic-poll', attr: 'poll', list: 'polls', get: getPoll },
} as const;
export type Kind = keyof typeof WIDGETS;

/** The code to paste for the item `id` of `kind` (default a petition), whose API is at `api` and CDN files under `cdn`. */
export function embedCode(variant: Variant, id: string, api: string, cdn: string, kind: Kind = 'petition'): string {
  const { tag, attr } = WIDGETS[kind];
  return variant === 'standalone'
    ? `<script type="module" src="${cdn}/${tag}.js"></script>\n<${tag} ${attr}="${id}" api="${api}"></${tag}>`
    : `<script type="module" src="${cdn}/civic-widgets.js"></script>\n<civic-provider api="${api}">\n  <${tag} ${attr}="${id}"></${tag}>\n</civic-provider>`;
}

export class Screen extends ConsoleScreen {
  static override properties = ConsoleScreen.withState('variant', 'previewReady');
  declare variant: Variant;
  declare previewReady: boolean;

  constructor() {
    super();
    this.variant = 'standalone';
    this.previewReady = false;
  }

  /** The kind of item and its id, from the path (`<id>`: a petition; `<kind>/<id>`). */
  get item(): { kind: Kind; id: string } {
    const [a = '', b] = this.args ?? [];
    return b !== undefined && a in WIDGETS ? { kind: a as Kind, id: b } : { kind: 'petition', id: a };
  }

  readonly petition = new Loader(
    this,
    ([client, kind, id], signal): Promise<{ title: string }> => call(client, WIDGETS[kind].get as typeof getPetition, { id }, { signal }),
    () => [!!this.host && !!this.item.id, this.host?.client, this.item.kind, this.item.id] as const,
  );

  /** The API's absolute URL, and the CDN folder beside it (the server serves both). */
  get urls(): { api: string; cdn: string } {
    const api = new URL(this.host.client.baseUrl, location.href);
    return { api: api.href.replace(/\/$/, ''), cdn: `${api.origin}/cdn` };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.host && customElements.get(WIDGETS[this.item.kind].tag)) this.previewReady = true;
  }

  override willUpdate(): void {
    this.previewReady = !!customElements.get(WIDGETS[this.item.kind].tag);
  }

  override updated(): void {
    if (this.previewReady || !this.host) return;
    // The widget's own CDN file, as the pasted code loads it (a page of this server may load it).
    const src = `${this.urls.cdn}/${WIDGETS[this.item.kind].tag}.js`;
    import(/* @vite-ignore */ src).then(
      () => (this.previewReady = true),
      () => undefined,
    );
  }

  override render(): TemplateResult {
    const t = this.t;
    const { kind, id } = this.item;
    const { api, cdn } = this.urls;
    const code = embedCode(this.variant, id, api, cdn, kind);
    const title = this.petition.value?.title ?? id;
    const radio = (v: Variant, label: string) =>
      html`<label class="check"><input type="radio" name="variant" value=${v} .checked=${this.variant === v} @change=${() => (this.variant = v)} /> ${label}</label>`;
    return html`<h1 tabindex="-1">${t.publishTitle(title)}</h1>
      <p><a href="#/${WIDGETS[kind].list}">${kind === 'poll' ? t.pollEditor.back : t.cancel}</a></p>
      ${this.petition.error ? html`<p role="alert">${this.host.failure(this.petition.error)}</p>` : nothing}
      <p>${kind === 'thread' ? t.threads.publishIntro : kind === 'poll' ? t.pollList.publishIntro : t.publishIntro}</p>
      ${snippetField(this, t.variant, html`${radio('standalone', t.standalone)} ${radio('provider', t.withProvider)}`, code, 5)}
      <h2>${t.preview}</h2>
      <div class="preview">${!this.previewReady || !id
        ? html`<p>${t.loading}</p>`
        : kind === 'thread'
          ? html`<civic-comments thread=${id} api=${api}></civic-comments>`
          : kind === 'poll'
            ? html`<civic-poll poll=${id} api=${api}></civic-poll>`
            : html`<civic-petition petition=${id} api=${api}></civic-petition>`}</div>`;
  }
}

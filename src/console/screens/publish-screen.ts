/**
 * Publish (`#/publish/<id>` for a petition, `#/publish/poll/<id>` for a poll or consultation): the
 * HTML a blogger pastes to embed it (one widget, or inside a provider with others), a copy button,
 * and a live preview of the widget as readers see it, loaded from this server's CDN files like the
 * pasted code loads it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { call } from '../../api/rest-call.js';
import { getPetition } from '../../api/routes/petitions.js';
import { getPoll } from '../../api/routes/polls.js';
import { Loader } from '../../core/loader.js';
import { ConsoleScreen } from '../screen.js';

type Variant = 'standalone' | 'provider';
/** What can be published: the widget's name is its tag's (`civic-<what>`) and its id attribute's. */
export type Publishable = 'petition' | 'poll';

/** The code to paste for the petition or poll `id`, whose API is at `api` and CDN files under `cdn`. */
export function embedCode(variant: Variant, id: string, api: string, cdn: string, what: Publishable = 'petition'): string {
  const tag = `civic-${what}`;
  return variant === 'standalone'
    ? `<script type="module" src="${cdn}/${tag}.js"></script>\n<${tag} ${what}="${id}" api="${api}"></${tag}>`
    : `<script type="module" src="${cdn}/civic-widgets.js"></script>\n<civic-provider api="${api}">\n  <${tag} ${what}="${id}"></${tag}>\n</civic-provider>`;
}

export class Screen extends ConsoleScreen {
  static override properties = { ...ConsoleScreen.properties, variant: { state: true }, previewReady: { state: true } };
  declare variant: Variant;
  declare previewReady: boolean;

  constructor() {
    super();
    this.variant = 'standalone';
    this.previewReady = false;
  }

  /** What the path names: `[id]` (a petition), `['petition', id]` or `['poll', id]`. */
  get what(): Publishable {
    return this.args.length > 1 && this.args[0] === 'poll' ? 'poll' : 'petition';
  }
  get itemId(): string {
    return (this.args.length > 1 ? this.args[1] : this.args[0]) ?? '';
  }

  /** The item's title. */
  readonly item = new Loader(
    this,
    async ([client, what, id], signal): Promise<{ title: string }> =>
      what === 'poll' ? call(client, getPoll, { id }, { signal }) : call(client, getPetition, { id }, { signal }),
    () => [!!this.host && !!this.itemId, this.host?.client, this.what, this.itemId] as const,
  );
  #previewOf = '';

  /** The API's absolute URL, and the CDN folder beside it (the server serves both). */
  get urls(): { api: string; cdn: string } {
    const api = new URL(this.host.client.baseUrl, location.href);
    return { api: api.href.replace(/\/$/, ''), cdn: `${api.origin}/cdn` };
  }

  override willUpdate(): void {
    if (this.#previewOf !== this.what) this.previewReady = !!customElements.get(`civic-${this.what}`);
  }

  override updated(): void {
    if (this.previewReady || !this.host || this.#previewOf === this.what) return;
    this.#previewOf = this.what;
    const what = this.what;
    // The widget's own CDN file, as the pasted code loads it (a page of this server may load it).
    const src = `${this.urls.cdn}/civic-${what}.js`;
    import(/* @vite-ignore */ src).then(
      () => this.what === what && (this.previewReady = true),
      () => undefined,
    );
  }

  async #copy(code: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(code);
      this.host.say(this.t.copied);
    } catch {
      this.renderRoot.querySelector('textarea')?.select();
      this.host.say(this.t.copyFailed);
    }
  }

  override render(): TemplateResult {
    const t = this.t;
    const { itemId: id, what } = this;
    const { api, cdn } = this.urls;
    const code = embedCode(this.variant, id, api, cdn, what);
    const title = this.item.value?.title ?? id;
    const radio = (v: Variant, label: string) =>
      html`<label class="check"><input type="radio" name="variant" value=${v} .checked=${this.variant === v} @change=${() => (this.variant = v)} /> ${label}</label>`;
    return html`<h1 tabindex="-1">${t.publishTitle(title)}</h1>
      <p>${what === 'poll' ? html`<a href="#/polls">${t.pollEditor.back}</a>` : html`<a href="#/petitions">${t.cancel}</a>`}</p>
      ${this.item.error ? html`<p role="alert">${this.host.failure(this.item.error)}</p>` : nothing}
      <p>${what === 'poll' ? t.pollList.publishIntro : t.publishIntro}</p>
      <fieldset class="field">
        <legend>${t.variant}</legend>
        ${radio('standalone', t.standalone)} ${radio('provider', t.withProvider)}
      </fieldset>
      <div class="field">
        <label for="snippet">${t.snippet}</label>
        <textarea id="snippet" readonly rows="5" spellcheck="false" .value=${code}></textarea>
      </div>
      <p><button class="primary" @click=${() => this.#copy(code)}>${t.copy}</button></p>
      <h2>${t.preview}</h2>
      <div class="preview">
        ${!this.previewReady || !id
          ? html`<p>${t.loading}</p>`
          : what === 'poll'
            ? html`<civic-poll poll=${id} api=${api}></civic-poll>`
            : html`<civic-petition petition=${id} api=${api}></civic-petition>`}
      </div>`;
  }
}

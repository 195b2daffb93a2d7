/**
 * What every screen of the console is: a Lit element that the shell gives its host (the client,
 * the signed-in account, the strings, the announcer) and the rest of the location's path.
 */
import { LitElement, html, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { Task } from '@lit/task';
import type { RestClient } from '../api/rest.js';
import { Loader } from '../core/loader.js';
import { screenStyles } from './civic-console.styles.js';
import type { ConsoleHost, ConsoleStrings } from './host.js';

/** Items as a table: the columns' `heads`, a `row` each; or `none` when there are none. */
export const itemsTable = <T>(items: T[], heads: string[], row: (item: T) => TemplateResult, none: string): TemplateResult =>
  items.length
    ? html`<div class="table">
        <table>
          <thead>
            <tr>${heads.map((h) => html`<th scope="col">${h}</th>`)}</tr>
          </thead>
          <tbody>${items.map(row)}</tbody>
        </table>
      </div>`
    : html`<p>${none}</p>`;

/**
 * The code to paste: the variants to choose from (`radios`, under `legend`), the code in a read-only
 * field, and a button that copies it (or, where the clipboard is refused, selects it and says so).
 */
export function snippetField(screen: { host: ConsoleHost; renderRoot: ParentNode }, legend: string, radios: TemplateResult, code: string, rows: number): TemplateResult {
  const t = screen.host.l.t;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      screen.host.say(t.copied);
    } catch {
      screen.renderRoot.querySelector<HTMLTextAreaElement>('#snippet')?.select();
      screen.host.say(t.copyFailed);
    }
  };
  return html`<fieldset class="field">
      <legend>${legend}</legend>
      ${radios}
    </fieldset>
    <div class="field">
      <label for="snippet">${t.snippet}</label>
      <textarea id="snippet" readonly rows=${rows} spellcheck="false" .value=${code}></textarea>
    </div>
    <p><button class="primary" type="button" @click=${copy}>${t.copy}</button></p>`;
}

export abstract class ConsoleScreen extends LitElement {
  static override styles = screenStyles;
  static override properties: PropertyDeclarations = { host: { attribute: false }, args: { attribute: false }, version: { state: true } };

  /** A screen's properties: the base's, and each of `names` as internal reactive state. */
  static withState(...names: string[]): PropertyDeclarations {
    return { ...ConsoleScreen.properties, ...Object.fromEntries(names.map((name) => [name, { state: true }])) };
  }

  /** The shell's services. */
  declare host: ConsoleHost;
  /** The path after the screen's name (`#/petitions/<id>`: `[id]`). */
  declare args: string[];
  /** Moves on after each change the screen makes (or each refresh), to load its lists again. */
  declare version: number;

  constructor() {
    super();
    this.version = 0;
  }

  get t(): ConsoleStrings {
    return this.host.l.t;
  }

  /** A list screen's items: loaded while no item is open (`#/<screen>/<id>`), and again when `version` moves on. */
  protected listed<T>(load: (client: RestClient, signal: AbortSignal) => Promise<T>): Loader<[RestClient, number], T> {
    return new Loader(this, ([client], signal) => load(client, signal), () => [!!this.host && !this.args?.[0], this.host?.client, this.version] as const);
  }

  /**
   * A list screen's table: `list` loads the items; `heads` are the columns' headings, `row` renders an
   * item's row, `none` says there are none; loading and failure are said in words.
   */
  protected table<T>(list: Task<readonly unknown[], { items: T[] }>, heads: string[], row: (item: T) => TemplateResult, none: string): unknown {
    return list.render({
      pending: () => html`<p role="status">${this.t.loading}</p>`,
      error: (e) => html`<p role="alert">${this.host.failure(e)}</p>`,
      complete: ({ items }) => itemsTable(items, heads, row, none),
    });
  }
}

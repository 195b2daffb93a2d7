/**
 * What every screen of the console is: a Lit element that the shell gives its host (the client,
 * the signed-in account, the strings, the announcer) and the rest of the location's path.
 */
import { LitElement, type PropertyDeclarations } from 'lit';
import { screenStyles } from './civic-console.styles.js';
import type { ConsoleHost, ConsoleStrings } from './host.js';

export abstract class ConsoleScreen extends LitElement {
  static override styles = screenStyles;
  static override properties: PropertyDeclarations = { host: { attribute: false }, args: { attribute: false } };

  /** The shell's services. */
  declare host: ConsoleHost;
  /** The path after the screen's name (`#/petitions/<id>`: `[id]`). */
  declare args: string[];

  get t(): ConsoleStrings {
    return this.host.l.t;
  }
}

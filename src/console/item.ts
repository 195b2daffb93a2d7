/**
 * The item a form edits (a petition, a thread, a comparison), opened by the route's id: `new` for
 * an empty form, else the item loaded from the server whenever the id changes.
 */
import type { RestClient } from '../api/rest.js';
import type { Errors, Values } from '../core/form.js';
import type { ConsoleHost } from './host.js';

/** What the loader does to its form. */
export interface ItemForm<T> {
  /** Asks the server for the item. */
  get(client: RestClient, id: string): Promise<T>;
  /** Empties the form (a new id is open). */
  reset(): void;
  /** Fills the form with the item loaded. */
  show(item: T): void;
  /** Says that the item could not be loaded, in words. */
  fail(message: string): void;
}

/**
 * The loader's part of a form of field values (a petition's, a thread's): emptied to `empty()`,
 * filled with `valuesOf(item)`, a failure shown as the form's error; `keep` holds the item (or
 * undefined while none is loaded).
 */
export const valuesForm = <T>(
  form: { values: Values; errors: Errors },
  get: ItemForm<T>['get'],
  empty: () => Values,
  valuesOf: (item: T) => Values,
  keep: (item: T | undefined) => void,
): ItemForm<T> => ({
  get,
  reset: () => {
    form.errors = {};
    keep(undefined);
    form.values = empty();
  },
  show: (item) => {
    keep(item);
    form.values = valuesOf(item);
  },
  fail: (message) => (form.errors = { body: message }),
});

export class ItemLoader<T> {
  /** The id open: `new`, an item's, or undefined (none). */
  id: string | undefined;

  /** `holder.busy` is true while the item loads; its screen renders again once it is loaded. */
  constructor(
    readonly holder: { screen: { host: ConsoleHost; requestUpdate(): void }; busy?: boolean },
    readonly form: ItemForm<T>,
  ) {}

  /** Opens `id` when it is not open already: the form emptied, then (not `new`) the item loaded. */
  open(id: string | undefined): void {
    if (id === this.id) return;
    this.id = id;
    this.form.reset();
    if (id && id !== 'new') void this.#load(id);
  }

  async #load(id: string): Promise<void> {
    const { holder, form } = this;
    const { host } = holder.screen;
    holder.busy = true;
    try {
      const item = await form.get(host.client, id);
      // Another id was opened meanwhile: its own load shows it.
      if (this.id === id) form.show(item);
    } catch (e) {
      form.fail(host.failure(e));
    } finally {
      holder.busy = false;
      holder.screen.requestUpdate();
    }
  }
}

/**
 * The comparison being edited, for every part of the editor: the draft, its problems (recomputed at
 * each change, shown beside a field once it has been touched, all of them after a save is tried),
 * loading a comparison and saving it. Held by the screen, so the draft survives moving between the
 * editor's parts until it is saved.
 */
import type { ReactiveController } from 'lit';
import type { Comparison } from '../../../api/comparison.js';
import { CivicError } from '../../../api/errors.js';
import { call } from '../../../api/rest-call.js';
import { createComparison, updateComparison } from '../../../api/routes/admin.js';
import { getComparison } from '../../../api/routes/comparisons.js';
import type { ConsoleHost } from '../../host.js';
import { ItemLoader } from '../../item.js';
import { emptyDraft, problems, toBody, toDraft, type Draft, type Strings } from './draft.js';

/** What the editor needs of its screen. */
export interface EditorHost {
  host: ConsoleHost;
  renderRoot: ParentNode;
  updateComplete: Promise<boolean>;
  addController(c: ReactiveController): void;
  requestUpdate(): void;
}

export class ComparisonEditor implements ReactiveController {
  draft: Draft = emptyDraft();
  /** The draft's problems in words, by field path. */
  errors = new Map<string, string>();
  /** The fields touched since the draft was loaded: their problems show. */
  touched = new Set<string>();
  /** After a save is tried, every problem shows. */
  all = false;
  /** What the server answered last (undefined: never saved). */
  saved: Comparison | undefined;
  /** Changes since the last save or load. */
  dirty = false;
  busy = false;
  /** A failure that belongs to no field (the server's refusal, a lost session). */
  failure = '';
  readonly #item = new ItemLoader<Comparison>(this, {
    get: (client, id) => call(client, getComparison, { id }),
    reset: () => {
      this.saved = undefined;
      this.replace(emptyDraft());
    },
    show: (c) => {
      this.saved = c;
      this.replace(toDraft(c as Parameters<typeof toDraft>[0]));
    },
    fail: (message) => (this.failure = message),
  });

  constructor(readonly screen: EditorHost) {
    screen.addController(this);
  }

  hostConnected(): void {}

  get t(): Strings {
    return this.screen.host.l.t.comparisons;
  }

  readonly n = (x: number) => this.screen.host.l.n(x);

  /** The route's comparison: `new`, or an id (loaded from the server when it changes). */
  get id(): string | undefined {
    return this.#item.id;
  }

  get isNew(): boolean {
    return this.#item.id === 'new';
  }

  open(id: string): void {
    // A new comparison just saved keeps its draft under its id.
    if (this.#item.id === 'new' && id === this.saved?.id) this.#item.id = id;
    else this.#item.open(id);
  }

  /** A whole new draft (loaded or imported): nothing touched yet. */
  replace(d: Draft, dirty = false): void {
    this.draft = d;
    this.touched.clear();
    this.all = false;
    this.dirty = dirty;
    this.failure = '';
    this.#check();
  }

  /** Changes the draft; the fields at `paths` count as touched. */
  change(d: Draft, ...paths: string[]): void {
    this.draft = d;
    this.dirty = true;
    for (const p of paths) this.touched.add(p);
    this.#check();
  }

  #check(): void {
    this.errors = problems(this.draft, this.t, this.n);
    this.screen.requestUpdate();
  }

  /** The problem shown beside the field at `path`. */
  error(path: string): string | undefined {
    return this.all || this.touched.has(path) ? this.errors.get(path) : undefined;
  }

  async save(): Promise<void> {
    const { host } = this.screen;
    this.all = true;
    this.failure = '';
    if (this.errors.size) {
      this.screen.requestUpdate();
      await this.screen.updateComplete;
      const root = this.screen.renderRoot;
      (root.querySelector<HTMLElement>('[aria-invalid=true]') ?? root.querySelector<HTMLElement>('#problems'))?.focus();
      return;
    }
    this.busy = true;
    this.screen.requestUpdate();
    const body = toBody(this.draft);
    try {
      if (this.isNew) {
        this.saved = await call(host.client, createComparison, {}, { body });
        host.say(this.t.created(this.saved.title));
        this.dirty = false;
        host.go('comparisons', this.saved.id);
      } else {
        const { id: _, ...rest } = body;
        this.saved = await call(host.client, updateComparison, { id: this.#item.id! }, { body: rest });
        host.say(this.t.saved(this.saved.title));
        this.dirty = false;
      }
    } catch (err) {
      if (err instanceof CivicError && err.kind === 'validation' && err.issues?.length) {
        this.failure = err.issues.map((i) => `${i.path}: ${i.message}`).join('; ');
      } else this.failure = host.failure(err);
    } finally {
      this.busy = false;
      this.screen.requestUpdate();
    }
  }
}

import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { newKey, type CivicBackend, type ComparisonBackend } from '../api/backend.js';
import { CivicError } from '../api/errors.js';
import { RestClient } from '../api/rest.js';
import { restComparisons } from '../api/rest-comparison.js';
import { CivicElement } from '../core/civic-element.js';
import { state } from '../core/state.js';
import { Loader } from '../core/loader.js';
import { Localize } from '../core/localize.js';
import { base } from '../core/styles.js';
import { styles } from './civic-comparator.styles.js';
import { FileError, loadComparison } from './load.js';
import { renderMatrix } from './matrix.js';
import type { QuizHost, QuizState } from './quiz.js';
import type { Strings } from './view.js';


/**
 * A position comparator: parties' stances on statements side by side, each with its quote and
 * source, and a questionnaire that ranks the parties by how well they match the reader, with the
 * method explained. The reader's answers stay in the browser.
 *
 * @tagname civic-comparator
 * @summary Parties' positions side by side, and a voting-advice questionnaire with an explained match.
 * @slot - Shown until the widget loads, when loading fails, and where scripts do not run (e.g. a link to a table of the positions).
 * @csspart base - The whole comparator.
 * @csspart heading - The comparison's title.
 * @csspart views - The buttons that switch between the table and the questionnaire.
 * @csspart filter - The theme filter.
 * @csspart matrix - The table of positions.
 * @csspart details - The dialog with a position's quote, source and date.
 * @csspart question - The current statement of the questionnaire.
 * @csspart submit - The questionnaire's next button.
 * @csspart results - The results.
 * @csspart method - How the match is computed, in plain words.
 * @csspart ranking - The parties ranked by match.
 * @csspart notice - Messages (nothing answered, the opt-in to send answers).
 * @csspart error - A load error.
 * @cssproperty --civic-comparator-bar-height - Height of the match bars (default 0.75em).
 * @cssproperty --civic-comparator-cell-width - Narrowest width of a party's column in the table (default 7em).
 * @event civic-compared - The results were computed (or recomputed with another method): `ranking` lists each party's match, best first.
 */
export class CivicComparator extends CivicElement {
  static override styles = [base, styles];
  static override properties: PropertyDeclarations = {
    comparison: {},
    src: {},
    view: {},
    theme: state,
    cell: state,
    quiz: state,
    s: state,
  };

  /** The comparison's id on the backend. */
  declare comparison: string | undefined;
  /** The URL of a static JSON comparison, used instead of a backend. */
  declare src: string | undefined;
  /** `matrix` (the table of positions, default) or `questionnaire`. */
  declare view: 'matrix' | 'questionnaire';
  declare private theme: string;
  declare private cell: [string, string] | undefined;
  /** The questionnaire's code, loaded when a reader opens it (or an Error if it could not load). */
  declare private quiz: typeof import('./quiz.js') | Error | 'loading' | undefined;
  declare private s: QuizState;

  protected readonly l = new Localize(this, 'comparator');
  #restored?: unknown;
  #moved: '' | 'move' | 'method' = '';

  readonly #task = new Loader(
    this,
    ([, id, src], signal) => loadComparison(() => this.backendPart('comparisons'), id, src, signal),
    () => [this.active, this.src ? undefined : this.resolvedBackend, this.comparison, this.src] as const,
  );

  constructor() {
    super();
    this.view = 'matrix';
    this.theme = '';
    this.s = { answers: {}, step: 0, sending: 'no', key: newKey() };
  }

  protected override createBackend(api: string): CivicBackend {
    return { comparisons: restComparisons(new RestClient({ baseUrl: api })) };
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const c = this.#task.value;
    // The questionnaire's code loads when it is shown, or when the URL holds answers to show.
    if (c && !this.quiz && (this.view === 'questionnaire' || location.hash.startsWith('#civic:'))) this.#loadQuiz();
    const quiz = this.#quizModule();
    if (!c || !quiz) return;
    if (this.#restored !== c) {
      this.#restored = c;
      if (quiz.restore(this.#host())) this.view = 'questionnaire';
    }
    if ((this.#moved = this.#changes(changed))) {
      const news = quiz.announce(this.#host());
      if (news) this.say(news);
    }
  }

  /** Whether this update moves the questionnaire (another statement, the results, another method): 'move', 'method', or ''. */
  #changes(changed: PropertyValues): '' | 'move' | 'method' {
    if (this.view !== 'questionnaire') return '';
    const old = changed.get('s') as QuizState | undefined;
    return (old && old.step !== this.s.step) || changed.has('view') || changed.has('quiz') ? 'move' : old && old.method !== this.s.method ? 'method' : '';
  }

  #quizModule(): typeof import('./quiz.js') | undefined {
    const quiz = this.quiz;
    return typeof quiz === 'object' && !(quiz instanceof Error) ? quiz : undefined;
  }

  #loadQuiz() {
    this.quiz = 'loading';
    import('./quiz.js').then(
      (m) => (this.quiz = m),
      // Most likely offline: say so, with a retry button.
      (e: unknown) => (this.quiz = new CivicError('network', 'the questionnaire could not load', { cause: e })),
    );
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const dialog = this.renderRoot.querySelector('dialog');
    if (this.cell && dialog && !dialog.open) dialog.showModal();
    if (this.#moved) this.#quizModule()?.after(this.#host(), this.#moved === 'move');
    this.#moved = '';
  }

  #api(): ComparisonBackend | undefined {
    return this.src ? undefined : this.resolvedBackend?.comparisons;
  }

  /** A heading of the comparison's own text, marked with its language. */
  #sub = (text: string, id?: string) => html`<h3 id=${id ?? nothing} tabindex=${id ? -1 : nothing} lang=${this.#task.value?.locale ?? nothing}>${text}</h3>`;

  /** What the questionnaire's module sees (one object: its getters read the state at each use). */
  #host(): QuizHost {
    const self = this;
    return (this.#quizHost ??= {
      get c() {
        return self.#task.value!;
      },
      l: this.l,
      sub: this.#sub,
      get s() {
        return self.s;
      },
      set: (patch) => (this.s = { ...this.s, ...patch }),
      say: (text) => this.say(text),
      get api() {
        return self.#api();
      },
      el: this,
      errorText: (e) => this.errorText(e),
    });
  }
  #quizHost?: QuizHost;

  protected override renderWidget(): TemplateResult {
    const task = this.#task;
    const e = task.error;
    return task.value
      ? this.#renderComparison()
      : e instanceof FileError
        ? this.#renderFileError(e)
        : e
          ? this.renderLoadError(e, () => task.run())
          : task.status // pending (INITIAL, 0, is idle)
            ? this.renderLoading()
            : this.renderFallback();
  }

  #renderFileError(e: FileError): TemplateResult {
    const t = this.l.t;
    return html`<div role="alert" part="error">
        <p>${t.invalidFile(e.src)} ${e.status ? t.httpError(e.status) : e.json ? nothing : t.notJson}</p>
        ${e.issues.length
          ? html`<ul>
              ${e.issues.slice(0, 10).map((i) => html`<li><code>${i.path}</code>${t.theirs('', t.problems[i.code] ?? i.message)}</li>`)}
            </ul>`
          : nothing}
      </div>
      ${this.renderFallback()}`;
  }

  #renderQuiz(): TemplateResult {
    const quiz = this.quiz;
    if (!quiz || quiz === 'loading') return this.renderLoading();
    if (quiz instanceof Error) return this.renderLoadError(quiz, () => this.#loadQuiz());
    return quiz.renderQuiz(this.#host());
  }

  #renderComparison(): TemplateResult {
    const c = this.#task.value!;
    const t = this.l.t;
    const n = c.statements.length;
    const tab = (view: 'matrix' | 'questionnaire', label: string) =>
      html`<button aria-pressed=${this.view === view} @click=${() => ((this.view = view), (this.cell = undefined))}>${label}</button>`;
    return html`<section part="base" aria-labelledby="title">
      <h2 part="heading" id="title" lang=${c.locale ?? nothing}>${c.title}</h2>
      ${c.description ? html`<p lang=${c.locale ?? nothing}>${c.description}</p>` : nothing}
      <div part="views" role="group" aria-label=${t.views}>${tab('matrix', t.matrix)} ${n ? tab('questionnaire', t.questionnaire) : nothing}</div>
      ${this.view === 'questionnaire' && n
        ? this.#renderQuiz()
        : renderMatrix({ c, l: this.l, sub: this.#sub, theme: this.theme, setTheme: (th) => (this.theme = th), cell: this.cell, open: (cell) => (this.cell = cell) })}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-comparator': CivicComparator;
  }
}

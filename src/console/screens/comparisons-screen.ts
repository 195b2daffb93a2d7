/**
 * Comparisons (voting advice): the list (`#/comparisons`), and the editor of one
 * (`#/comparisons/new`, `#/comparisons/<id>`) in parts: settings, statements, parties, the stance
 * grid, import and export, preview, publish (`#/comparisons/<id>/grid`…). The draft stays in the
 * browser, checked as one types, until Save sends it whole.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { AdminComparison } from '../../api/lists.js';
import { call } from '../../api/rest-call.js';
import { listComparisons } from '../../api/routes/admin.js';
import { screenStyles } from '../civic-console.styles.js';
import { ConsoleScreen } from '../screen.js';
import { comparisonStyles } from './comparisons/comparisons.styles.js';
import { ComparisonEditor } from './comparisons/editor.js';
import { newGrid, renderGrid } from './comparisons/grid.js';
import { renderParties, renderSettings, renderStatements } from './comparisons/lists-view.js';
import { newPreview, renderPreview, renderPublish } from './comparisons/preview.js';
import { renderTransfer, type ImportState } from './comparisons/transfer-view.js';

const SECTIONS = ['', 'statements', 'parties', 'grid', 'transfer', 'preview', 'publish'] as const;
type Section = (typeof SECTIONS)[number];

export class Screen extends ConsoleScreen {
  static override styles = [...screenStyles, comparisonStyles];
  readonly editor = new ComparisonEditor(this);
  readonly grid = newGrid();
  readonly preview = newPreview();
  readonly imports: ImportState = { problems: [] };
  readonly list = this.listed((client, signal) => call(client, listComparisons, {}, { signal }));

  get section(): Section {
    const s = this.args[1] ?? '';
    return (SECTIONS as readonly string[]).includes(s) ? (s as Section) : '';
  }

  /** Where the last render was: the list, or a part of an editor (`<id>/<part>`). */
  #at = '';

  override willUpdate(): void {
    if (this.args[0]) {
      const before = this.editor.id;
      this.editor.open(this.args[0]);
      if (before !== this.editor.id && before !== 'new') {
        this.imports.problems = [];
        this.preview.answersOf = undefined;
      }
    } else if (this.#at) this.version++; // back to the list: load it again
  }

  override updated(): void {
    const at = this.args[0] ? `${this.args[0]}/${this.section}` : '';
    const moved = this.#at !== at;
    // Another part of the same editor: its heading takes the focus, as a new screen's does.
    if (moved && at && this.#at.split('/')[0] === this.args[0]) this.renderRoot.querySelector<HTMLElement>('#section-title')?.focus();
    this.#at = at;
  }

  #row(c: AdminComparison): TemplateResult {
    const t = this.t.comparisons;
    const n = (x: number) => this.host.l.n(x);
    const at = (section: string) => `#/comparisons/${encodeURIComponent(c.id)}${section ? `/${section}` : ''}`;
    return html`<tr>
      <th scope="row"><a href=${at('')}>${c.title}</a><br /><code>${c.id}</code></th>
      <td>${t.sizeOf(c.statementCount, n(c.statementCount), c.partyCount, n(c.partyCount))}</td>
      <td>${c.collectAnswers ? t.answerCount(c.answerCount, n(c.answerCount)) : t.notCollected}</td>
      <td class="actions">
        <a class="button" href=${at('')} aria-label="${t.edit}: ${c.title}">${t.edit}</a>
        <a class="button" href=${at('preview')} aria-label="${t.preview}: ${c.title}">${t.preview}</a>
        <a class="button" href=${at('publish')} aria-label="${t.publish}: ${c.title}">${t.publish}</a>
      </td>
    </tr>`;
  }

  #list(): TemplateResult {
    const t = this.t.comparisons;
    return html`<h1 tabindex="-1">${t.title}</h1>
      <p><a class="button primary" href="#/comparisons/new">${t.new}</a></p>
      ${this.table(this.list, [t.comparison, t.size, t.answers, t.actions], (c) => this.#row(c), t.none)}`;
  }

  /** Where a problem's field is, in words, and the part of the editor that shows it. */
  #where(path: string): [string, Section] {
    const t = this.t.comparisons;
    const d = this.editor.draft;
    const [a, b, c, k] = path.split('.');
    if (a === 'statements' && c) return [`${t.statementN(Number(b) + 1)}, ${t.fields[c] ?? c}`, 'statements'];
    if (a === 'parties' && c) return [`${t.partyN(Number(b) + 1)}, ${t.fields[c] ?? c}`, 'parties'];
    if (a === 'cell') {
      const party = d.parties.find((p) => p.id === b);
      const st = d.statements.find((s) => s.id === c);
      return [`${t.details(party?.shortName || b!, st?.text || c!)}, ${t.fields[k!] ?? k}`, 'grid'];
    }
    return [t.fields[a!] ?? a!, ''];
  }

  #editor(): TemplateResult {
    const ed = this.editor;
    const t = this.t.comparisons;
    const id = this.args[0]!;
    const title = ed.isNew ? t.createTitle : t.editTitle(ed.saved?.title ?? ed.draft.title ?? id);
    const here = this.section;
    const href = (s: Section) => `#/comparisons/${encodeURIComponent(id)}${s ? `/${s}` : ''}`;
    const label = (s: Section) => (s ? t[s] : t.settings);
    const body =
      here === ''
        ? renderSettings(ed)
        : here === 'statements'
          ? renderStatements(ed)
          : here === 'parties'
            ? renderParties(ed)
            : here === 'grid'
              ? renderGrid(ed, this.grid)
              : here === 'transfer'
                ? renderTransfer(ed, this.imports)
                : here === 'preview'
                  ? renderPreview(ed, this.preview)
                  : renderPublish(ed, this.preview);
    const problems = ed.all ? [...ed.errors] : [];
    return html`<h1 tabindex="-1">${title}</h1>
      <p><a href="#/comparisons">${t.back}</a></p>
      <nav aria-label=${t.sections} class="sections">
        <ul>
          ${SECTIONS.map((s) => html`<li><a href=${href(s)} aria-current=${s === here ? 'page' : nothing}>${label(s)}</a></li>`)}
        </ul>
      </nav>
      ${ed.failure ? html`<p role="alert">${ed.failure}</p>` : nothing}
      <section aria-labelledby="section-title">
        <h2 id="section-title" tabindex="-1">${label(here)}</h2>
        ${body}
      </section>
      ${problems.length
        ? html`<div id="problems" class="problems" tabindex="-1" role="alert">
            <p>${t.problemsTitle(problems.length, this.host.l.n(problems.length))}</p>
            <ul>
              ${problems.map(([path, message]) => {
                const [where, section] = this.#where(path);
                return html`<li><a href=${href(section)}>${where}</a>: ${message}</li>`;
              })}
            </ul>
          </div>`
        : nothing}
      <div class="actions save">
        <button class="primary" type="button" ?disabled=${ed.busy} @click=${() => ed.save()}>${t.save}</button>
        ${ed.dirty ? html`<span class="hint">${t.unsaved}</span>` : nothing}
      </div>`;
  }

  override render(): TemplateResult {
    return this.args[0] ? this.#editor() : this.#list();
  }
}

/**
 * Preview and Publish. The preview is the real `<civic-comparator>` (the server's CDN bundle, loaded
 * on demand like the pasted code loads it) inside a `<civic-provider>` whose backend hands it the
 * draft as it stands (saved or not) and keeps a previewed questionnaire's answers out of the
 * statistics. Below it, with collection on, what readers answered, statement by statement
 * (`comparisonAnswers`). Publish: the HTML to paste, from this server or from a static JSON file.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { CivicBackend } from '../../../api/backend.js';
import type { AnswerAggregate } from '../../../api/comparison.js';
import { call } from '../../../api/rest-call.js';
import { comparisonAnswers } from '../../../api/routes/admin.js';
import { stanceWords } from './grid.js';
import type { ComparisonEditor } from './editor.js';
import { toBody } from './draft.js';
import { snippetField } from '../../screen.js';

/** The preview's state, kept by the screen. */
export interface PreviewState {
  /** The widgets' bundle: loading, there, or failed. */
  widgets?: 'loading' | 'ready' | 'failed';
  answers?: AnswerAggregate | Error | 'loading';
  answersOf?: string;
  code: 'server' | 'file';
}

export const newPreview = (): PreviewState => ({ code: 'server' });

/** The API's absolute URL, and the CDN folder beside it (the server serves both). */
export function urls(ed: ComparisonEditor): { api: string; cdn: string } {
  const api = new URL(ed.screen.host.client.baseUrl, location.href);
  return { api: api.href.replace(/\/$/, ''), cdn: `${api.origin}/cdn` };
}

/** Loads the widgets' bundle (provider and comparator, which share their context key) once. */
function loadWidgets(ed: ComparisonEditor, s: PreviewState): void {
  if (s.widgets) return;
  if (customElements.get('civic-comparator') && customElements.get('civic-provider')) {
    s.widgets = 'ready';
    return;
  }
  s.widgets = 'loading';
  import(/* @vite-ignore */ `${urls(ed).cdn}/civic-widgets.js`).then(
    () => ((s.widgets = 'ready'), ed.screen.requestUpdate()),
    () => ((s.widgets = 'failed'), ed.screen.requestUpdate()),
  );
}

function loadAnswers(ed: ComparisonEditor, s: PreviewState): void {
  const id = ed.saved?.id;
  if (!id || s.answersOf === id) return;
  s.answersOf = id;
  s.answers = 'loading';
  call(ed.screen.host.client, comparisonAnswers, { id }).then(
    (a) => ((s.answers = a), ed.screen.requestUpdate()),
    (e: unknown) => ((s.answers = e as Error), ed.screen.requestUpdate()),
  );
}

/** A backend that serves the draft, and takes a previewed questionnaire's answers without storing them. */
const draftBackend = (ed: ComparisonEditor): CivicBackend =>
  ({
    comparisons: {
      get: async () => toBody(ed.draft),
      submitAnswers: async () => ({ respondentCount: 0 }),
    },
  }) as unknown as CivicBackend;

function renderAnswers(ed: ComparisonEditor, s: PreviewState): TemplateResult {
  const { t, n } = ed;
  if (!ed.draft.collectAnswers) return html`<p>${t.answersOff}</p>`;
  if (!ed.saved) return html`<p>${t.answersUnsaved}</p>`;
  loadAnswers(ed, s);
  const a = s.answers;
  if (!a || a === 'loading') return html`<p role="status">${ed.screen.host.l.t.loading}</p>`;
  if (a instanceof Error) return html`<p role="alert">${ed.screen.host.failure(a)}</p>`;
  const h = (ed.draft.scale - 1) / 2;
  const stances = Array.from({ length: ed.draft.scale }, (_, i) => i - h);
  return html`<p>${t.respondents(a.respondentCount, n(a.respondentCount))}</p>
    <div class="table" id="answers">
      <table>
        <thead>
          <tr>
            <th scope="col">${t.fields['statementId']}</th>
            ${stances.map((x) => html`<th scope="col">${stanceWords(ed, x)}</th>`)}
            <th scope="col">${t.skipped}</th>
            <th scope="col">${t.weighted}</th>
          </tr>
        </thead>
        <tbody>
          ${a.statements.map((row) => {
            const st = ed.draft.statements.find((x) => x.id === row.statementId);
            // The tally has 5 numbers on 5 points, 3 on 3; one of another scale (changed since) shows as it is.
            return html`<tr>
              <th scope="row">${st?.text ?? row.statementId}</th>
              ${stances.map((_, i) => html`<td>${n(row.stances[i] ?? 0)}</td>`)}
              <td>${n(row.skipped)}</td>
              <td>${n(row.weighted)}</td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
}

export function renderPreview(ed: ComparisonEditor, s: PreviewState): TemplateResult {
  const { t } = ed;
  loadWidgets(ed, s);
  const lang = ed.screen.host.l.locale;
  const widget =
    ed.errors.size > 0
      ? html`<p class="error">${t.previewBlocked}</p>`
      : s.widgets === 'ready'
        ? html`<civic-provider lang=${lang} .backend=${draftBackend(ed)}><civic-comparator comparison=${ed.draft.id || 'preview'}></civic-comparator></civic-provider>`
        : s.widgets === 'failed'
          ? html`<p role="alert">${ed.screen.host.l.t.errors.network}</p>`
          : html`<p role="status">${ed.screen.host.l.t.loading}</p>`;
  return html`<p>${t.previewIntro}</p>
    <div class="preview">${widget}</div>
    <h3>${t.answersTitle}</h3>
    ${renderAnswers(ed, s)}`;
}

/** The code to paste: the widget reading this server, or a static JSON file published beside the page. */
export function embedCode(kind: 'server' | 'file', id: string, api: string, cdn: string): string {
  return kind === 'server'
    ? `<script type="module" src="${cdn}/civic-comparator.js"></script>\n<civic-comparator comparison="${id}" api="${api}"></civic-comparator>`
    : `<script type="module" src="${cdn}/civic-comparator.js"></script>\n<civic-comparator src="${id}.json"></civic-comparator>`;
}


export function renderPublish(ed: ComparisonEditor, s: PreviewState): TemplateResult {
  const { t } = ed;
  const c = ed.screen.host.l.t;
  const id = ed.saved?.id ?? ed.draft.id;
  const { api, cdn } = urls(ed);
  const code = embedCode(s.code, id, api, cdn);
  const radio = (v: 'server' | 'file', label: string) =>
    html`<label class="check"><input type="radio" name="code" value=${v} .checked=${s.code === v} @change=${() => ((s.code = v), ed.screen.requestUpdate())} /> ${label}</label>`;
  return html`<p>${t.publishIntro}</p>
    ${ed.saved ? nothing : html`<p class="error">${t.publishUnsaved}</p>`}
    ${snippetField(ed.screen, c.variant, html`${radio('server', t.fromServer)} ${radio('file', t.fromFile)}`, code, 3)}`;
}

/**
 * The editor's forms: the settings (id, title, description, scale, method, method choice, missing
 * answers, answer collection), the statements with their themes, and the parties with their names,
 * short names and colours. Each list item can be moved and removed; focus follows what was done.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { METHODS, MISSING_ANSWERS, type MatchMethod, type MissingAnswer } from '../../../api/comparison.js';
import { freeId, rescale, type Draft } from './draft.js';
import type { ComparisonEditor } from './editor.js';
import { checkbox, fieldId, radios, textField } from './fields.js';

const fromKeys = (keys: readonly string[], words: Record<string, string>) => Object.fromEntries(keys.map((k) => [k, words[k] ?? k]));

export function renderSettings(ed: ComparisonEditor): TemplateResult {
  const { t, draft: d } = ed;
  const f = t.fields;
  const set = <K extends keyof Draft>(k: K) => (v: Draft[K]) => ed.change({ ...d, [k]: v }, k);
  return html`${ed.isNew ? textField(ed, 'id', f['id']!, d.id, set('id'), { hint: t.idHint, required: true }) : nothing}
    ${textField(ed, 'title', f['title']!, d.title, set('title'), { required: true })}
    ${textField(ed, 'description', f['description']!, d.description, set('description'), { type: 'textarea' })}
    ${radios('locale', f['locale']!, d.locale, { fr: ed.screen.host.l.t.french, en: ed.screen.host.l.t.english }, set('locale'), (s) => (s === 'en' ? 'en' : 'fr'))}
    ${radios('scale', f['scale']!, d.scale, t.scales, (v) => ed.change(rescale(d, v), 'scale'), (s) => (s === '3' ? 3 : 5))}
    <div class="field">
      <label for="f-method">${f['method']}</label>
      <select id="f-method" name="method" .value=${d.method} @change=${(e: Event) => set('method')((e.target as HTMLSelectElement).value as MatchMethod)}>
        ${METHODS.map((m) => html`<option value=${m} ?selected=${d.method === m}>${t.methods[m]}</option>`)}
      </select>
    </div>
    ${checkbox('allowMethodChoice', f['allowMethodChoice']!, d.allowMethodChoice, set('allowMethodChoice'))}
    ${radios('missingAnswer', f['missingAnswer']!, d.missingAnswer, fromKeys(MISSING_ANSWERS, t.missingAnswers), set('missingAnswer'), (s) => s as MissingAnswer)}
    ${checkbox('collectAnswers', f['collectAnswers']!, d.collectAnswers, set('collectAnswers'))}`;
}

type ListName = 'statements' | 'parties';

/** An item's name, by its place: "Statement 2", "Party 3". */
const itemName = (ed: ComparisonEditor, list: ListName, i: number) => (list === 'statements' ? ed.t.statementN(i + 1) : ed.t.partyN(i + 1));

/** Moves, removes or adds an item of a list; says what happened and puts the focus where it makes sense. */
function act(ed: ComparisonEditor, list: ListName, op: 'up' | 'down' | 'remove' | 'add', i = 0): void {
  const d = ed.draft;
  const items = [...d[list]] as Draft[ListName];
  const what = (k: number) => itemName(ed, list, k);
  let focus = '';
  const { host } = ed.screen;
  if (op === 'add') {
    const id = freeId(list === 'statements' ? 's' : 'p', items);
    const item = list === 'statements' ? { id, text: '', theme: d.statements.at(-1)?.theme ?? '', explanation: null } : { id, name: '', shortName: '', colour: null, logoUrl: null };
    (items as unknown[]).push(item);
    focus = fieldId(`${list}.${items.length - 1}.${list === 'statements' ? 'text' : 'name'}`);
    host.say(ed.t.added(what(items.length - 1)));
  } else if (op === 'remove') {
    const [gone] = items.splice(i, 1);
    const key = list === 'statements' ? 'statementId' : 'partyId';
    ed.change({ ...d, [list]: items, positions: d.positions.filter((p) => p[key] !== gone!.id) });
    focus = items.length ? `${list}-${Math.min(i, items.length - 1)}-remove` : `${list}-add`;
    host.say(ed.t.removed(what(i)));
  } else {
    const j = op === 'up' ? i - 1 : i + 1;
    [items[i], items[j]] = [items[j]!, items[i]!] as [never, never];
    focus = `${list}-${j}-${j === 0 ? 'down' : j === items.length - 1 ? 'up' : op}`;
    host.say(ed.t.moved(what(i), j + 1));
  }
  if (op !== 'remove') ed.change({ ...d, [list]: items });
  void ed.screen.updateComplete.then(() => (ed.screen.renderRoot.querySelector(`#${focus}`) as HTMLElement | null)?.focus());
}

/** The move and remove buttons of an item. */
function tools(ed: ComparisonEditor, list: ListName, i: number, count: number, what: string): TemplateResult {
  const t = ed.t;
  return html`<div class="actions">
    ${i > 0 ? html`<button type="button" id="${list}-${i}-up" @click=${() => act(ed, list, 'up', i)}>${t.moveUp(what)}</button>` : nothing}
    ${i < count - 1 ? html`<button type="button" id="${list}-${i}-down" @click=${() => act(ed, list, 'down', i)}>${t.moveDown(what)}</button>` : nothing}
    <button type="button" id="${list}-${i}-remove" @click=${() => act(ed, list, 'remove', i)}>${t.removeItem(what)}</button>
  </div>`;
}

/** Renames an item's id, and its positions with it. */
function renamed(d: Draft, list: ListName, i: number, id: string): Draft {
  const old = d[list][i]!.id;
  const key = list === 'statements' ? 'statementId' : 'partyId';
  return { ...d, [list]: d[list].map((x, k) => (k === i ? { ...x, id } : x)), positions: d.positions.map((p) => (p[key] === old ? { ...p, [key]: id } : p)) };
}

/**
 * A list's items, each in a fieldset named by its place: its own `fields`, then its id and its move
 * and remove buttons; then the button that adds one (`add`).
 */
function renderList<L extends ListName>(ed: ComparisonEditor, list: L, fields: (item: Draft[L][number], i: number) => unknown, add: string): TemplateResult {
  const d = ed.draft;
  const items: Draft[L][number][] = d[list];
  return html`<ol class="items">
      ${items.map(
        (x, i) => html`<li>
          <fieldset>
            <legend>${itemName(ed, list, i)}</legend>
            ${fields(x, i)}
            ${textField(ed, `${list}.${i}.id`, ed.t.fields['id']!, x.id, (v) => ed.change(renamed(d, list, i, v), `${list}.${i}.id`), { required: true })}
            ${tools(ed, list, i, items.length, itemName(ed, list, i))}
          </fieldset>
        </li>`,
      )}
    </ol>
    <p><button type="button" id="${list}-add" @click=${() => act(ed, list, 'add')}>${add}</button></p>`;
}

export function renderStatements(ed: ComparisonEditor): TemplateResult {
  const { t, draft: d } = ed;
  const f = t.fields;
  const themes = [...new Set(d.statements.map((s) => s.theme.trim()).filter(Boolean))];
  const set = (i: number, k: 'text' | 'theme' | 'explanation') => (v: string) =>
    ed.change({ ...d, statements: d.statements.map((s, j) => (j === i ? { ...s, [k]: v } : s)) }, `statements.${i}.${k}`);
  return html`<datalist id="themes">${themes.map((x) => html`<option value=${x}></option>`)}</datalist>
    ${renderList(
      ed,
      'statements',
      (s, i) => html`${textField(ed, `statements.${i}.text`, f['text']!, s.text, set(i, 'text'), { required: true })}
        ${textField(ed, `statements.${i}.theme`, f['theme']!, s.theme, set(i, 'theme'), { required: true, list: 'themes', hint: i === 0 ? t.themeHint : undefined })}
        ${textField(ed, `statements.${i}.explanation`, f['explanation']!, s.explanation, set(i, 'explanation'), { type: 'textarea' })}`,
      t.addStatement,
    )}`;
}

export function renderParties(ed: ComparisonEditor): TemplateResult {
  const { t, draft: d } = ed;
  const f = t.fields;
  const set = (i: number, k: 'name' | 'shortName' | 'colour' | 'logoUrl') => (v: string) =>
    ed.change({ ...d, parties: d.parties.map((p, j) => (j === i ? { ...p, [k]: v || (k === 'colour' || k === 'logoUrl' ? null : '') } : p)) }, `parties.${i}.${k}`);
  return renderList(
    ed,
    'parties',
    (p, i) => html`${textField(ed, `parties.${i}.name`, f['name']!, p.name, set(i, 'name'), { required: true })}
      ${textField(ed, `parties.${i}.shortName`, f['shortName']!, p.shortName, set(i, 'shortName'), { required: true })}
      <div class="colour">
        ${textField(ed, `parties.${i}.colour`, f['colour']!, p.colour, set(i, 'colour'), { hint: t.colourHint })}
        ${p.colour && !ed.errors.has(`parties.${i}.colour`) ? html`<span class="swatch" aria-hidden="true" .style=${`background:${p.colour}`}></span>` : nothing}
      </div>
      ${textField(ed, `parties.${i}.logoUrl`, f['logoUrl']!, p.logoUrl, set(i, 'logoUrl'), { type: 'url' })}`,
    t.addParty,
  );
}

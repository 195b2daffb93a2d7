/**
 * Import and export: the static JSON file `<civic-comparator src>` reads (the contract's comparison),
 * and CSV with one row per party and statement, for a newsroom to fill in a spreadsheet. An import
 * either gives a whole valid draft or every problem in words (a CSV's by row and column); never a
 * part of the file.
 */
import { ComparisonCreate } from '../../../api/admin.js';
import type { ApiIssue } from '../../../api/common.js';
import { half, onScale } from '../../../api/comparison.js';
import { toIssues } from '../../../api/errors.js';
import { parseCsv, toCsv } from './csv.js';
import { describe, issuesOf, toBody, toDraft, valueAt, type Draft, type DraftParty, type DraftPosition, type DraftStatement, type Strings } from './draft.js';

export type Imported = { draft: Draft; problems?: undefined } | { problems: string[]; draft?: undefined };
type N = (x: number) => string;

/** The static file: the contract's comparison, as the widget reads it. */
export const toJson = (d: Draft): string => `${JSON.stringify(toBody(d), null, 2)}\n`;

/** Where a body path is, in words: `statements.1.text` is "Statement 2, Statement". */
function where(path: string, t: Strings): string {
  const parts = path.split('.');
  const words: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const [k, next] = [parts[i]!, parts[i + 1]];
    if (next !== undefined && /^\d+$/.test(next) && (k === 'statements' || k === 'parties' || k === 'positions')) {
      const n = Number(next) + 1;
      words.push(k === 'statements' ? t.statementN(n) : k === 'parties' ? t.partyN(n) : t.positionN(n));
      i++;
    } else words.push(t.fields[k] ?? k);
  }
  return words.join(', ');
}

/**
 * A JSON file as a draft. A comparison being edited keeps its id (`keepId`): the server's id of a
 * comparison does not change.
 */
export function fromJson(text: string, t: Strings, n: N, keepId?: string): Imported {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { problems: [t.notJson] };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { problems: [t.notJson] };
  // What the server adds to what it gives back.
  const { updatedAt: _, ...rest } = data as Record<string, unknown>;
  if (keepId) rest['id'] = keepId;
  const parsed = ComparisonCreate.safeParse(rest);
  const scale = rest['scale'] === 3 ? 3 : 5;
  const say = (issues: ApiIssue[], body: unknown) => issues.map((i) => t.at(where(i.path, t), describe(i, valueAt(body, i.path), scale, t, n)));
  if (!parsed.success) return { problems: say(toIssues(parsed.error.issues), rest) };
  const draft = toDraft(parsed.data);
  const body = toBody(draft);
  const issues = issuesOf(body);
  return issues.length ? { problems: say(issues, body) } : { draft };
}

/** The CSV's columns, in order; the first seven must be there. */
export const COLUMNS = ['statement_id', 'theme', 'statement', 'party_id', 'party', 'short_name', 'stance', 'explanation', 'colour', 'logo_url', 'quote', 'source_url', 'source_date'] as const;
type Column = (typeof COLUMNS)[number];
const REQUIRED = 7;

/** The column of a body path's field. */
const COLUMN_OF: Record<string, Record<string, Column>> = {
  statements: { id: 'statement_id', text: 'statement', theme: 'theme', explanation: 'explanation' },
  parties: { id: 'party_id', name: 'party', shortName: 'short_name', colour: 'colour', logoUrl: 'logo_url' },
  positions: { partyId: 'party_id', statementId: 'statement_id', stance: 'stance', quote: 'quote', sourceUrl: 'source_url', sourceDate: 'source_date' },
};

/** The CSV of a draft: one row per statement and party, in the grid's order; "no answer" is an empty stance. */
export function toCsvText(d: Draft): string {
  const b = toBody(d);
  const cell = new Map(b.positions.map((p) => [`${p.partyId} ${p.statementId}`, p]));
  return toCsv([
    COLUMNS,
    ...b.statements.flatMap((s) =>
      b.parties.map((p) => {
        const x = cell.get(`${p.id} ${s.id}`);
        return [s.id, s.theme, s.text, p.id, p.name, p.shortName, x?.stance ?? '', s.explanation, p.colour, p.logoUrl, x?.quote, x?.sourceUrl, x?.sourceDate];
      }),
    ),
  ]);
}

/** A CSV file as the draft's statements, parties and stances (its settings stay). */
export function fromCsv(text: string, current: Draft, t: Strings, n: N): Imported {
  const rows = parseCsv(text);
  const header = rows[0]?.cells.map((c) => c.trim().toLowerCase()) ?? [];
  const missing = COLUMNS.slice(0, REQUIRED).filter((c) => !header.includes(c));
  if (missing.length) return { problems: missing.map((c) => t.missingColumn(c)) };
  /** Each problem with its row, to list them in the file's order. */
  const problems: [number, string][] = [];
  const at = (line: number, column: string, message: string) => problems.push([line, t.atRow(n(line), column, message)]);
  const statements: (DraftStatement & { line: number })[] = [];
  const parties: (DraftParty & { line: number })[] = [];
  const positions = new Map<string, DraftPosition & { line: number }>();
  const h = half(current.scale);
  for (const { line, cells } of rows.slice(1)) {
    const get = (c: Column) => {
      const i = header.indexOf(c);
      return i < 0 ? '' : (cells[i] ?? '').trim();
    };
    const or = (c: Column) => get(c) || null;
    /** The first row of an id defines it; a later row that says otherwise is a problem. */
    const once = <T extends { id: string; line: number }>(list: T[], item: T, cols: [keyof T, Column][]) => {
      const first = list.find((x) => x.id === item.id);
      if (!first) return void list.push(item);
      for (const [k, c] of cols) if ((first[k] ?? '') !== (item[k] ?? '')) at(line, c, t.differs(n(first.line)));
    };
    once(statements, { id: get('statement_id'), text: get('statement'), theme: get('theme'), explanation: or('explanation'), line }, [['text', 'statement'], ['theme', 'theme'], ['explanation', 'explanation']]);
    once(parties, { id: get('party_id'), name: get('party'), shortName: get('short_name'), colour: or('colour'), logoUrl: or('logo_url'), line }, [['name', 'party'], ['shortName', 'short_name'], ['colour', 'colour'], ['logoUrl', 'logo_url']]);
    const raw = get('stance');
    const num = /^[+-]?\d+$/.test(raw) ? Number(raw) : NaN;
    if (raw && !onScale(num, current.scale)) at(line, 'stance', t.notAStance(raw, current.scale, h));
    const key = `${get('party_id')} ${get('statement_id')}`;
    const twice = positions.get(key);
    if (twice) at(line, 'party_id', t.twice(n(twice.line)));
    else positions.set(key, { partyId: get('party_id'), statementId: get('statement_id'), stance: raw && onScale(num, current.scale) ? num : null, quote: or('quote'), sourceUrl: or('source_url'), sourceDate: or('source_date'), line });
  }
  const strip = <T extends { line: number }>({ line: _, ...x }: T) => x;
  const draft: Draft = { ...current, statements: statements.map(strip), parties: parties.map(strip), positions: [...positions.values()].map(strip) };
  // The contract's checks, each named by the row that holds the field.
  const body = toBody(draft);
  for (const issue of issuesOf(body)) {
    const [list, index, field] = issue.path.split('.') as [string, string, string];
    const columns = COLUMN_OF[list];
    if (!columns || !field) {
      problems.push([0, t.at(where(issue.path, t), describe(issue, valueAt(body, issue.path), current.scale, t, n))]);
      continue;
    }
    const item = (body as unknown as Record<string, { id?: string; partyId?: string; statementId?: string }[]>)[list]![Number(index)]!;
    const line =
      list === 'statements' ? statements[Number(index)]!.line : list === 'parties' ? parties[Number(index)]!.line : positions.get(`${item.partyId} ${item.statementId}`)!.line;
    at(line, columns[field] ?? field, describe(issue, valueAt(body, issue.path), current.scale, t, n));
  }
  return problems.length ? { problems: problems.sort((a, b) => a[0] - b[0]).map(([, p]) => p) } : { draft };
}

/**
 * CSV as spreadsheets write and read it (RFC 4180: quoted cells, doubled quotes, line breaks inside
 * quotes, CRLF or LF), comma or semicolon separated (a French spreadsheet saves with semicolons).
 * What the console writes starts with a byte-order mark, so that a spreadsheet reads it as UTF-8,
 * and quotes any cell a spreadsheet would run as a formula; reading undoes both.
 * The server has its own writer (server/csv.ts) for its exports; the browser cannot import it.
 */

/** A parsed row: its cells, and the line of the file it starts on (1 is the header). */
export interface CsvRow {
  line: number;
  cells: string[];
}

/** The rows of `text`; a row of only empty cells (a spreadsheet's blank line) is left out. */
export function parseCsv(text: string): CsvRow[] {
  const src = text.replace(/^\uFEFF/, '');
  const first = src.slice(0, src.search(/\r?\n|$/));
  const sep = first.includes(';') && !first.includes(',') ? ';' : ',';
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const endCell = () => {
    cells.push(cell.startsWith("'") && /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);
    cell = '';
  };
  const endRow = () => {
    endCell();
    if (cells.some((c) => c !== '')) rows.push({ line: start, cells });
    cells = [];
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === sep) endCell();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      endRow();
      start = ++line;
    } else cell += ch;
  }
  if (cell !== '' || cells.length) endRow();
  return rows;
}

/** One cell: formulas (= + - @ and a leading tab or CR) get a leading quote; quoted when it must be. */
export function csvCell(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",;\r\n]/.test(s) || s.startsWith("'") ? `"${s.replaceAll('"', '""')}"` : s;
}

/** A CSV file of `rows` (the first is the header), with a byte-order mark and CRLF line ends. */
export const toCsv = (rows: readonly (readonly (string | number | null | undefined)[])[]): string =>
  `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;

/** CSV for spreadsheets: RFC 4180 quoting, and no cell that a spreadsheet would run as a formula. */

/** One cell: formulas (= + - @, and tab or CR that some programs strip first) get a leading quote. */
export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? '' : value instanceof Date ? value.toISOString() : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s.startsWith("'") ? `"${s.replaceAll('"', '""')}"` : s;
}

export const csvRow = (cells: readonly unknown[]): string => `${cells.map(csvCell).join(',')}\r\n`;

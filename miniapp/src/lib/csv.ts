/**
 * CSV for the staff console's exports, shaped for Excel on Chinese Windows: UTF-8 with a BOM
 * (without it Excel reads GBK and shows mojibake), CRLF rows and RFC 4180 quoting. A cell that
 * starts with = + - @ (or a tab / carriage return) gets a leading apostrophe, so a name or note
 * a family typed can never run as a formula in the reviewer's spreadsheet (CSV injection).
 */
export const BOM = '\uFEFF';

const formulaStart = /^[=+\-@\t\r]/;
const needsQuotes = /[",\r\n]/;

export type CsvValue = string | number | boolean | null | undefined;

/** One cell: neutralised against formulas, then quoted when it holds a comma, quote or line break. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  // Numbers we produce are data, not formulas: only text a person could have typed is guarded.
  if (typeof value === 'string' && formulaStart.test(text)) text = `'${text}`;
  return needsQuotes.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file: BOM, the header row, then one row per record, each ended by CRLF. */
export function toCsv(headers: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const line = (cells: readonly CsvValue[]) => `${cells.map(csvCell).join(',')}\r\n`;
  return BOM + line(headers) + rows.map(line).join('');
}

/** 生育登记-2026-12-01.csv: which list, and the day it was taken (China time, given by the caller). */
export function csvFileName(list: string, day: string): string {
  return `${list.replace(/[\\/:*?"<>|\s]+/g, '_')}-${day}.csv`;
}

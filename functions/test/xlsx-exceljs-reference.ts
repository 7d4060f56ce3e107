import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FileRow } from '../src/monitoring/file-rows';

/**
 * The rows `file-rows.ts` read from an xlsx through exceljs' streaming WorkbookReader until
 * decision 0044, kept as it was: the reference our reader is held to (exceljs is a
 * devDependency for this and for writing fixtures).
 */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const cell = value as {
      richText?: { text: string }[];
      text?: unknown;
      result?: unknown;
      error?: unknown;
    };
    if (cell.richText) return cell.richText.map((part) => part.text).join('');
    if ('result' in cell) return cellText(cell.result);
    if (cell.text !== undefined) return cellText(cell.text);
  }
  return '';
}

export async function exceljsRows(body: Readable): Promise<FileRow[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(body, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  const unnamed = reader as unknown as { model?: { sheets?: unknown[] } };
  unnamed.model ??= { sheets: [] };
  const rows: FileRow[] = [];
  for await (const worksheet of reader) {
    for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      rows.push({ row: row.number, cells: Array.from(values, (value) => cellText(value)) });
    }
    break; // the first worksheet only
  }
  return rows;
}

/**
 * The pure half of the staff console's DataTable: columns, sorting, client-side filters and
 * the CSV rows of an export. Kept apart from the component so it is tested without a browser.
 */
import type { CsvValue } from './csv';

export type SortDirection = 'ascending' | 'descending';
export interface SortState {
  key: string;
  direction: SortDirection;
}

export interface Column<T> {
  key: string;
  /** Chinese header, also the CSV header. */
  header: string;
  /** What the cell shows and the CSV holds (already masked by the server where it is personal). */
  text: (row: T) => string;
  /** What it sorts by when the text does not (times, numbers); the text otherwise. */
  sortBy?: (row: T) => string | number;
  /** Left out of the table but kept in the CSV (long notes). */
  csvOnly?: boolean;
}

const collator = new Intl.Collator('zh-Hans-CN', { numeric: true });

function compare(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/**
 * Rows sorted by one column; a stable sort, so rows that tie keep the server's order
 * (newest first, usually). No sort state: the rows as loaded.
 */
export function sortRows<T>(rows: readonly T[], columns: readonly Column<T>[], sort?: SortState): T[] {
  const column = sort && columns.find((c) => c.key === sort.key);
  if (!sort || !column) return [...rows];
  const key = column.sortBy ?? column.text;
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: key(row) }))
    .sort((a, b) => sign * compare(a.value, b.value) || a.index - b.index)
    .map((entry) => entry.row);
}

/** A header click: a new column sorts ascending, the same one flips, a third click restores the server's order. */
export function nextSort(current: SortState | undefined, key: string): SortState | undefined {
  if (!current || current.key !== key) return { key, direction: 'ascending' };
  return current.direction === 'ascending' ? { key, direction: 'descending' } : undefined;
}

/** aria-sort of a header. */
export function ariaSort(current: SortState | undefined, key: string): SortDirection | 'none' {
  return current?.key === key ? current.direction : 'none';
}

/** A China-time calendar day (YYYY-MM-DD) of an ISO instant. */
export function chinaDay(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * The date-range filter, applied in the browser over the rows loaded so far: no staff list API
 * takes a date range (status and district are query parameters and go to the server).
 */
export function withinDays<T>(
  rows: readonly T[],
  instantOf: (row: T) => string | undefined,
  range: { from?: string; to?: string },
): T[] {
  if (!range.from && !range.to) return [...rows];
  return rows.filter((row) => {
    const instant = instantOf(row);
    if (!instant) return false;
    const day = chinaDay(instant);
    return (!range.from || day >= range.from) && (!range.to || day <= range.to);
  });
}

/** Headers and rows of an export: every column, in order, as the table shows them. */
export function csvTable<T>(columns: readonly Column<T>[], rows: readonly T[]) {
  return {
    headers: columns.map((c) => c.header),
    rows: rows.map((row) => columns.map((c): CsvValue => c.text(row))),
  };
}

/**
 * Every page of a cursor-paged list, one request after another through the same list API the
 * table uses (so the same authorization, masking and read audit apply). `onProgress` hears the
 * count so far; `maxPages` bounds a runaway cursor.
 */
export async function collectAllPages<T>(
  load: (cursor?: string) => Promise<{ items: T[]; nextCursor: string | null }>,
  onProgress: (loaded: number) => void = () => {},
  maxPages = 400,
): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const { items, nextCursor } = await load(cursor);
    all.push(...items);
    onProgress(all.length);
    if (!nextCursor) return all;
    cursor = nextCursor;
  }
  throw new Error(`导出超过 ${maxPages} 页，请按县区或状态分开导出`);
}

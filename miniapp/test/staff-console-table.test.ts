import { describe, expect, it } from 'vitest';
import { BOM, csvCell, csvFileName, toCsv } from '../src/lib/csv';
import {
  ariaSort,
  type Column,
  chinaDay,
  collectAllPages,
  csvTable,
  nextSort,
  sortRows,
  withinDays,
} from '../src/lib/table';

describe('toCsv', () => {
  it('starts with a BOM and ends every row with CRLF, headers in Chinese', () => {
    const csv = toCsv(['受理编号', '母亲'], [['SY001', '王*']]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv).toBe(`${BOM}受理编号,母亲\r\nSY001,王*\r\n`);
    // UTF-8 as bytes: the BOM is EF BB BF and Chinese stays as written.
    const bytes = new TextEncoder().encode(csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toContain('受理编号');
  });

  it('quotes commas, quotes and line breaks as RFC 4180 says', () => {
    expect(csvCell('东湖区,西湖区')).toBe('"东湖区,西湖区"');
    expect(csvCell('他说"好"')).toBe('"他说""好"""');
    expect(csvCell('第一行\n第二行')).toBe('"第一行\n第二行"');
    expect(csvCell('a\r\nb')).toBe('"a\r\nb"');
    expect(csvCell('普通')).toBe('普通');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(null)).toBe('');
  });

  it('neutralises cells that a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x","点我")')).toBe(`"'=HYPERLINK(""http://x"",""点我"")"`);
    expect(csvCell('+86 138')).toBe("'+86 138");
    expect(csvCell('-1+1')).toBe("'-1+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    // Numbers we produce are not typed by anyone: a negative count stays a number.
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell('王=芳')).toBe('王=芳');
  });

  it('names the file after the list and the day', () => {
    expect(csvFileName('生育登记', '2026-12-01')).toBe('生育登记-2026-12-01.csv');
    expect(csvFileName('核查/清单 东湖', '2026-12-01')).toBe('核查_清单_东湖-2026-12-01.csv');
  });
});

interface Row {
  no: string;
  name: string;
  at: string;
  n: number;
}
const columns: Column<Row>[] = [
  { key: 'no', header: '编号', text: (r) => r.no },
  { key: 'name', header: '姓名', text: (r) => r.name },
  { key: 'at', header: '时间', text: (r) => r.at, sortBy: (r) => Date.parse(r.at) },
  { key: 'n', header: '数量', text: (r) => String(r.n), sortBy: (r) => r.n },
];
const rows: Row[] = [
  { no: 'SY10', name: '王*', at: '2026-11-30T17:00:00Z', n: 10 },
  { no: 'SY9', name: '李*', at: '2026-11-29T01:00:00Z', n: 9 },
  { no: 'SY11', name: '王*', at: '2026-12-01T02:00:00Z', n: 100 },
];

describe('table sorting', () => {
  it('cycles ascending → descending → the server order, and says so in aria-sort', () => {
    let sort = nextSort(undefined, 'n');
    expect(sort).toEqual({ key: 'n', direction: 'ascending' });
    expect(ariaSort(sort, 'n')).toBe('ascending');
    expect(ariaSort(sort, 'no')).toBe('none');
    sort = nextSort(sort, 'n');
    expect(ariaSort(sort, 'n')).toBe('descending');
    expect(nextSort(sort, 'n')).toBeUndefined();
    expect(nextSort(sort, 'no')).toEqual({ key: 'no', direction: 'ascending' });
  });

  it('sorts numbers as numbers, codes naturally, times by instant, ties stable', () => {
    const by = (key: string, direction: 'ascending' | 'descending' = 'ascending') =>
      sortRows(rows, columns, { key, direction }).map((r) => r.no);
    expect(by('n')).toEqual(['SY9', 'SY10', 'SY11']);
    expect(by('n', 'descending')).toEqual(['SY11', 'SY10', 'SY9']);
    expect(by('no')).toEqual(['SY9', 'SY10', 'SY11']);
    expect(by('at', 'descending')).toEqual(['SY11', 'SY10', 'SY9']);
    // Two 王* tie: they keep the loaded order (SY10 before SY11) in both directions.
    expect(by('name').filter((n) => n !== 'SY9')).toEqual(['SY10', 'SY11']);
    expect(by('name', 'descending').filter((n) => n !== 'SY9')).toEqual(['SY10', 'SY11']);
    expect(sortRows(rows, columns, undefined)).toEqual(rows);
    expect(sortRows(rows, columns, { key: 'gone', direction: 'ascending' })).toEqual(rows);
  });
});

describe('client-side date range', () => {
  it('compares China calendar days, both ends included', () => {
    expect(chinaDay('2026-11-30T17:00:00Z')).toBe('2026-12-01');
    const at = (r: Row) => r.at;
    expect(withinDays(rows, at, { from: '2026-12-01' }).map((r) => r.no)).toEqual(['SY10', 'SY11']);
    expect(withinDays(rows, at, { to: '2026-11-29' }).map((r) => r.no)).toEqual(['SY9']);
    expect(withinDays(rows, at, {})).toHaveLength(3);
    expect(withinDays(rows, () => undefined, { from: '2026-01-01' })).toHaveLength(0);
  });
});

describe('export paging', () => {
  it('follows the cursor to the end and reports progress, rows in the column order', async () => {
    const pages: Record<string, { items: Row[]; nextCursor: string | null }> = {
      start: { items: [rows[0] as Row], nextCursor: 'b' },
      b: { items: [rows[1] as Row], nextCursor: 'c' },
      c: { items: [rows[2] as Row], nextCursor: null },
    };
    const asked: (string | undefined)[] = [];
    const progress: number[] = [];
    const all = await collectAllPages(
      async (cursor) => {
        asked.push(cursor);
        return pages[cursor ?? 'start'] as { items: Row[]; nextCursor: string | null };
      },
      (n) => progress.push(n),
    );
    expect(asked).toEqual([undefined, 'b', 'c']);
    expect(progress).toEqual([1, 2, 3]);
    const table = csvTable(columns, all);
    expect(table.headers).toEqual(['编号', '姓名', '时间', '数量']);
    expect(table.rows[2]).toEqual(['SY11', '王*', '2026-12-01T02:00:00Z', '100']);
  });

  it('stops a cursor that never ends', async () => {
    await expect(
      collectAllPages(async () => ({ items: [], nextCursor: 'again' }), undefined, 3),
    ).rejects.toThrow('导出超过 3 页');
  });
});

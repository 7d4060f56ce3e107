import { Readable } from 'node:stream';
import v8 from 'node:v8';
import vm from 'node:vm';
import { xlsxContentType } from '@hongjia/shared';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { type FileRow, readFileRows, UnreadableFile } from '../src/monitoring/file-rows';

/** Files as hospitals send them (decision 0020): encodings, line ends, quotes, xlsx — read as a stream. */
async function rowsOf(bytes: Buffer, contentType = 'text/csv'): Promise<FileRow[]> {
  const rows: FileRow[] = [];
  for await (const row of readFileRows(Readable.from([bytes]), contentType)) rows.push(row);
  return rows;
}

const text =
  'deliveryId,motherName,hospital\nD-1,李秀兰,"南昌市妇幼保健院, 东湖院区"\nD-2,"王""芳""",省人民医院\n';

describe('reading import files', () => {
  it('reads UTF-8 with and without a BOM alike', async () => {
    const plain = await rowsOf(Buffer.from(text, 'utf8'));
    const bom = await rowsOf(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
    expect(bom).toEqual(plain);
    expect(plain).toEqual([
      { row: 1, cells: ['deliveryId', 'motherName', 'hospital'] },
      { row: 2, cells: ['D-1', '李秀兰', '南昌市妇幼保健院, 东湖院区'] },
      { row: 3, cells: ['D-2', '王"芳"', '省人民医院'] },
    ]);
  });

  it('reads GBK (Excel on Chinese Windows) and CRLF line ends', async () => {
    const rows = await rowsOf(iconv.encode(text.replaceAll('\n', '\r\n'), 'gbk'));
    expect(rows.map((row) => row.cells[1])).toEqual(['motherName', '李秀兰', '王"芳"']);
    expect(rows[2]?.cells[2]).toBe('省人民医院');
  });

  it('keeps a line break inside quotes within its cell, and numbers rows as a spreadsheet does', async () => {
    const rows = await rowsOf(Buffer.from('a,b\n"第一行\n第二行",x\ny,z\n', 'utf8'));
    expect(rows).toEqual([
      { row: 1, cells: ['a', 'b'] },
      { row: 2, cells: ['第一行\n第二行', 'x'] },
      { row: 3, cells: ['y', 'z'] },
    ]);
  });

  it('refuses UTF-16 by name and an unclosed quote with its row', async () => {
    await expect(rowsOf(iconv.encode(`\uFEFF${text}`, 'utf16le'))).rejects.toThrow(/UTF-16/);
    await expect(rowsOf(Buffer.from('a,b\n"open,x\n', 'utf8'))).rejects.toBeInstanceOf(UnreadableFile);
  });

  it('reads the first worksheet of an xlsx: dates as days, numbers as digits, rich text as text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('分娩');
    sheet.addRow(['deliveryId', 'deliveryDate', 'birthWeightG', 'motherName']);
    sheet.addRow([
      'D-1',
      new Date(Date.UTC(2025, 2, 5)),
      3300,
      { richText: [{ text: '李' }, { text: '秀兰' }] },
    ]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await rowsOf(bytes, xlsxContentType)).toEqual([
      { row: 1, cells: ['deliveryId', 'deliveryDate', 'birthWeightG', 'motherName'] },
      { row: 2, cells: ['D-1', '2025-03-05', '3300', '李秀兰'] },
    ]);
  });

  it('refuses a file that is not an xlsx', async () => {
    await expect(rowsOf(Buffer.from(text), xlsxContentType)).rejects.toThrow(/Excel/);
  });
});

describe('streaming', () => {
  it('reads 200,000 rows with a flat heap (the file is never held whole)', async () => {
    // A collectable heap to measure: gc() from a context of its own.
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const total = 200_000;
    const rowText = (n: number) =>
      `D-${n},360102199403010021,李秀兰${n % 97},南昌市妇幼保健院,360102,2025-03-05,F,3300,1\n`;
    async function* file() {
      yield Buffer.from(
        'deliveryId,motherIdNumber,motherName,hospital,district,deliveryDate,childSex,birthWeightG,parity\n',
      );
      for (let start = 0; start < total; start += 1_000) {
        let block = '';
        for (let n = start; n < start + 1_000; n++) block += rowText(n);
        yield iconv.encode(block, 'gbk');
      }
    }
    let bytes = 0;
    let rows = 0;
    let baseline = 0;
    let peak = 0;
    for await (const row of readFileRows(Readable.from(file()), 'text/csv', (n) => {
      bytes += n;
    })) {
      rows += 1;
      if (row.row % 20_000 === 0) {
        gc();
        const used = process.memoryUsage().heapUsed;
        if (row.row === 20_000) baseline = used;
        peak = Math.max(peak, used);
      }
    }
    expect(rows).toBe(total + 1);
    console.info(
      `streamed ${rows} rows (${(bytes / 1e6).toFixed(1)} MB): heap growth after the first 20,000 rows ${((peak - baseline) / 1e6).toFixed(1)} MB, rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`,
    );
    // About 14 MB of file went by after the baseline; a reader that kept it would grow by more than that.
    expect(bytes).toBeGreaterThan(15e6);
    expect(peak - baseline).toBeLessThan(4e6);
  }, 120_000);
});

import { Readable } from 'node:stream';
import v8 from 'node:v8';
import vm from 'node:vm';
import { xlsxContentType } from '@hongjia/shared';
import ExcelJS from 'exceljs';
import { strToU8, type Zippable, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { type FileRow, readFileRows, UnreadableFile } from '../src/monitoring/file-rows';
import { readXlsxRows, XlsxError, xlsxLimits } from '../src/monitoring/xlsx-reader';
import { exceljsRows } from './xlsx-exceljs-reference';

/** Our reader (fflate + saxes, decision 0044) held to the rows exceljs gave `file-rows.ts` before. */
async function ours(bytes: Uint8Array): Promise<FileRow[]> {
  const rows: FileRow[] = [];
  for await (const row of readFileRows(Readable.from([Buffer.from(bytes)]), xlsxContentType)) rows.push(row);
  return rows;
}

/** The bytes in several chunks, as S3 streams them (a zip header may be cut anywhere). */
function chunked(bytes: Uint8Array, size = 1000): Readable {
  const chunks: Buffer[] = [];
  for (let start = 0; start < bytes.length; start += size)
    chunks.push(Buffer.from(bytes.subarray(start, start + size)));
  return Readable.from(chunks);
}

async function written(
  build: (workbook: ExcelJS.Workbook) => void,
  options?: { useSharedStrings?: boolean },
) {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer(options));
}

const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const pkg = 'http://schemas.openxmlformats.org/package/2006/relationships';
const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

interface Handmade {
  /** The sheets' `<sheetData>` contents, in workbook order. */
  sheets: string[];
  /** `<si>` contents. */
  shared?: string[];
  /** `<numFmts>` and `<cellXfs>` xf lines. */
  numFmts?: string;
  xfs?: string[];
  date1904?: boolean;
  /** Zip order: Excel's (workbook, sheets, styles, shared strings), or WPS-like with workbook.xml last. */
  order?: 'excel' | 'workbook-last';
  /** Sheet file of each workbook sheet (default sheet1.xml, sheet2.xml …). */
  files?: string[];
  /** Tag prefix for the SpreadsheetML namespace (some generators write `x:`). */
  prefix?: string;
}

/** A workbook as Excel or WPS lays it out, written part by part. */
function handmade(spec: Handmade): Uint8Array {
  const p = spec.prefix ? `${spec.prefix}:` : '';
  const xmlns = spec.prefix ? `xmlns:${spec.prefix}="${ns}"` : `xmlns="${ns}"`;
  const files = spec.files ?? spec.sheets.map((_, index) => `sheet${index + 1}.xml`);
  const workbook = `${xml}<${p}workbook ${xmlns} xmlns:r="${rel}">${spec.date1904 ? `<${p}workbookPr date1904="1"/>` : ''}<${p}sheets>${spec.sheets
    .map((_, index) => `<${p}sheet name="表${index + 1}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`)
    .join('')}</${p}sheets></${p}workbook>`;
  const rels = `${xml}<Relationships xmlns="${pkg}">${files
    .map(
      (file, index) =>
        `<Relationship Id="rId${index + 1}" Type="${rel}/worksheet" Target="worksheets/${file}"/>`,
    )
    .join(
      '',
    )}<Relationship Id="rId90" Type="${rel}/styles" Target="styles.xml"/><Relationship Id="rId91" Type="${rel}/sharedStrings" Target="/xl/sharedStrings.xml"/></Relationships>`;
  const styles = `${xml}<${p}styleSheet ${xmlns}>${spec.numFmts ?? ''}<${p}cellXfs count="9">${(
    spec.xfs ?? ['<xf numFmtId="0"/>']
  )
    .map((xf) => xf.replace('<xf', `<${p}xf`))
    .join('')}</${p}cellXfs></${p}styleSheet>`;
  const shared = `${xml}<${p}sst ${xmlns}>${(spec.shared ?? []).map((si) => `<${p}si>${si}</${p}si>`).join('')}</${p}sst>`;
  const sheetParts: Zippable = {};
  spec.sheets.forEach((data, index) => {
    sheetParts[`xl/worksheets/${files[index]}`] = strToU8(
      `${xml}<${p}worksheet ${xmlns} xmlns:r="${rel}"><${p}sheetData>${data}</${p}sheetData></${p}worksheet>`,
    );
  });
  const head: Zippable = {
    '[Content_Types].xml': strToU8(
      `${xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
    ),
    '_rels/.rels': strToU8(
      `${xml}<Relationships xmlns="${pkg}"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
  };
  const book: Zippable = {
    'xl/workbook.xml': strToU8(workbook),
    'xl/_rels/workbook.xml.rels': strToU8(rels),
  };
  const tail: Zippable = {
    'xl/theme/theme1.xml': strToU8(`${xml}<a:theme xmlns:a="x"/>`),
    'xl/styles.xml': strToU8(styles),
    'xl/sharedStrings.xml': strToU8(shared),
    'docProps/app.xml': strToU8(`${xml}<Properties/>`),
  };
  const parts =
    spec.order === 'workbook-last'
      ? { ...head, ...sheetParts, ...tail, ...book }
      : { ...head, ...book, ...sheetParts, ...tail };
  return zipSync(parts);
}

/** Cells of a handmade sheet: `c('B2', 's', '0')`. */
function c(ref: string, type: string | undefined, value: string, extra = ''): string {
  const t = type ? ` t="${type}"` : '';
  return `<c r="${ref}"${t}${extra}>${type === 'inlineStr' ? `<is><t>${value}</t></is>` : `<v>${value}</v>`}</c>`;
}

const dateStyles = {
  numFmts:
    '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="165" formatCode="0.00_);[Red]\\(0.00\\)"/></numFmts>',
  xfs: [
    '<xf numFmtId="0"/>',
    '<xf numFmtId="14"/>',
    '<xf numFmtId="164"/>',
    '<xf numFmtId="165"/>',
    '<xf numFmtId="22"/>',
  ],
};

const fixtures: [string, () => Promise<Uint8Array> | Uint8Array][] = [
  [
    'exceljs: shared strings, dates, numbers, rich text, blanks, formulas, booleans, errors',
    () =>
      written((workbook) => {
        const sheet = workbook.addWorksheet('分娩');
        sheet.addRow(['deliveryId', 'deliveryDate', 'birthWeightG', 'motherName', 'note', 'flag']);
        sheet.addRow([
          'D-1',
          new Date(Date.UTC(2025, 2, 5)),
          3300,
          { richText: [{ text: '李' }, { text: '秀兰', font: { bold: true } }] },
        ]);
        sheet.addRow(['D-2', new Date(Date.UTC(2024, 1, 29, 18, 30)), 2999.5, '王芳', null, true]);
        sheet.addRow(['D-3', null, -12, '', '南昌市妇幼保健院, 东湖院区', false]);
        sheet.addRow([
          { formula: 'A2&"x"', result: 'D-1x' },
          { formula: 'B2+1', result: 45722 },
          { formula: 'C2*2', result: 6600 },
        ]);
        sheet.addRow([
          { formula: 'NA()', result: { error: '#N/A' } },
          { error: '#DIV/0!' },
          1e21,
          0.1 + 0.2,
          2 ** 60,
        ]);
        sheet.addRow([
          { text: '链接', hyperlink: 'https://example.org' },
          'a&b<c>"d\'',
          ' 两边空格 ',
          '第一行\n第二行',
        ]);
        const styled = sheet.addRow(['D-7', new Date(Date.UTC(2025, 11, 31)), 45000]);
        styled.getCell(2).numFmt = 'yyyy"年"m"月"d"日"';
        styled.getCell(3).numFmt = 'yyyy-mm-dd';
        sheet.getCell('H10').value = 'far';
        sheet.mergeCells('A12:C12');
        sheet.getCell('A12').value = '合并';
        workbook.addWorksheet('第二张').addRow(['不读']);
      }),
  ],
  [
    'exceljs without shared strings (strings written in the cells)',
    () =>
      written(
        (workbook) => {
          const sheet = workbook.addWorksheet('接种');
          sheet.addRow(['recordId', 'name', 'date']);
          sheet.addRow(['V-1', '张小宝', new Date(Date.UTC(2025, 3, 2))]);
          sheet.addRow(['V-2', { richText: [{ text: '张' }, { text: '小宝' }] }, '2025-04-01']);
        },
        { useSharedStrings: false },
      ),
  ],
  [
    'Excel order: shared strings and styles after the sheet; missing cells, empty rows, built-in and custom date formats',
    () =>
      handmade({
        sheets: [
          `<row r="1">${c('A1', 's', '0')}${c('B1', 's', '1')}${c('C1', 's', '2')}${c('D1', 's', '3')}</row>` +
            `<row r="2" spans="1:5">${c('A2', 's', '4')}${c('C2', undefined, '45721', ' s="1"')}${c('E2', undefined, '3300')}</row>` +
            '<row r="3"/>' +
            `<row r="5">${c('B5', undefined, '45721.75', ' s="2"')}${c('D5', undefined, '12.5', ' s="3"')}<c r="F5" s="1"/></row>` +
            `<row r="6">${c('A6', 'inlineStr', '行内 &amp; 字符串')}${c('B6', 'b', '1')}${c('C6', 'b', '0')}${c('D6', 'e', '#REF!')}${c('E6', undefined, '45721.5', ' s="4"')}</row>` +
            `<row r="7"><c r="A7" t="str"><f>A6</f><v>公式文本</v></c><c r="B7"><f>1+1</f><v>2</v></c><c r="C7" t="b"><f>TRUE()</f><v>1</v></c><c r="D7" s="1"><f>TODAY()</f><v>45721</v></c><c r="E7"><f>X()</f></c></row>` +
            `<row r="8">${c('AA8', 's', '5')}${c('AB8', 's', '6')}</row>`,
        ],
        shared: [
          '<t>deliveryId</t>',
          '<t>b</t>',
          '<t>c</t>',
          '<t>d</t>',
          '<r><t>李</t></r><r><rPr><b/></rPr><t xml:space="preserve">秀兰 </t></r>',
          '<t/>',
          '<t>末</t>',
        ],
        ...dateStyles,
      }),
  ],
  [
    'WPS-like order: xl/workbook.xml last (the entry exceljs crashed on), 1904 dates',
    () =>
      handmade({
        sheets: [`<row r="1">${c('A1', 's', '0')}${c('B1', undefined, '44259', ' s="1"')}</row>`],
        shared: ['<t>一</t>'],
        date1904: true,
        order: 'workbook-last',
        ...dateStyles,
      }),
  ],
  [
    '10,000 rows (exceljs)',
    () =>
      written((workbook) => {
        const sheet = workbook.addWorksheet('分娩');
        sheet.addRow(['deliveryId', 'motherIdNumber', 'motherName', 'deliveryDate', 'birthWeightG']);
        for (let n = 0; n < 10_000; n++) {
          sheet.addRow([
            `D-${n}`,
            `3601021994030${String(n).padStart(5, '0')}`,
            `李秀兰${n % 97}`,
            new Date(Date.UTC(2025, n % 12, 1 + (n % 28))),
            2500 + n,
          ]);
        }
      }),
  ],
];

describe('the xlsx reader, held to exceljs', () => {
  it.each(fixtures)(
    '%s',
    async (_name, fixture) => {
      const bytes = await fixture();
      const expected = await exceljsRows(Readable.from([Buffer.from(bytes)]));
      expect(expected.length).toBeGreaterThan(0);
      // In odd-sized chunks, as S3 streams it: a zip header may be cut anywhere.
      const streamed: FileRow[] = [];
      for await (const row of readFileRows(chunked(bytes, 7777), xlsxContentType)) streamed.push(row);
      expect(streamed).toEqual(expected);
    },
    60_000,
  );

  it('reads what the exceljs-order fixture says, cell by cell', async () => {
    const rows = await ours(await (fixtures[2]?.[1]() as Uint8Array));
    expect(rows).toEqual([
      { row: 1, cells: ['deliveryId', 'b', 'c', 'd'] },
      { row: 2, cells: ['李秀兰 ', '', '2025-03-05', '', '3300'] },
      { row: 3, cells: [] },
      { row: 5, cells: ['', '2025-03-05', '', '12.5'] },
      { row: 6, cells: ['行内 & 字符串', 'TRUE', 'FALSE', '', '2025-03-05'] },
      { row: 7, cells: ['公式文本', '2', '1', '45721', ''] },
      { row: 8, cells: [...Array<string>(26).fill(''), '', '末'] },
    ]);
  });
});

describe('where the reader is right and exceljs was not', () => {
  it('takes the workbook’s first sheet, not the zip’s first sheet file', async () => {
    const bytes = handmade({
      sheets: [
        `<row r="1">${c('A1', 'inlineStr', '第一张')}</row>`,
        `<row r="1">${c('A1', 'inlineStr', '第二张')}</row>`,
      ],
      files: ['sheet2.xml', 'sheet1.xml'],
    });
    expect(await ours(bytes)).toEqual([{ row: 1, cells: ['第一张'] }]);
  });

  it('joins the runs of an inline rich string, leaves phonetic runs out, and reads prefixed tags', async () => {
    const bytes = handmade({
      prefix: 'x',
      sheets: [
        '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:r><x:t>李</x:t></x:r><x:r><x:t>秀兰</x:t></x:r><x:rPh sb="0" eb="1"><x:t>リ</x:t></x:rPh></x:is></x:c><x:c r="B1" t="s"><x:v>0</x:v></x:c></x:row>',
      ],
      shared: ['<x:t>王芳</x:t><x:rPh sb="0" eb="1"><x:t>オウ</x:t></x:rPh>'],
    });
    expect(await ours(bytes)).toEqual([{ row: 1, cells: ['李秀兰', '王芳'] }]);
  });
});

describe('refusals', () => {
  const refused = async (bytes: Uint8Array) => {
    const error = await ours(bytes).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(UnreadableFile);
    expect((error as Error).message).toMatch(/^无法读取该 Excel 文件，请确认是 \.xlsx 格式/);
    return (error as Error).message;
  };

  it('refuses what is not an xlsx with the import’s message, never a crash', async () => {
    expect(await refused(strToU8('deliveryId,motherName\nD-1,李秀兰\n'))).toMatch(/不是 zip/);
    expect(await refused(new Uint8Array(0))).toMatch(/空/);
    expect(await refused(zipSync({ 'a.txt': strToU8('hello') }))).toMatch(/缺少工作簿/);
    expect(await refused(handmade({ sheets: [] }))).toMatch(/没有工作表/);
    // Cut inside the sheet's compressed bytes (an upload that stopped short).
    const whole = handmade({ sheets: [`<row r="1">${c('A1', 'inlineStr', 'x'.repeat(5000))}</row>`] });
    const sheetAt = Buffer.from(whole).indexOf('xl/worksheets/sheet1.xml');
    expect(await refused(whole.subarray(0, sheetAt + 40))).toMatch(/不完整/);
    expect(await refused(handmade({ sheets: ['<row r="1"><c r="A1"><v>1</v></row>'] }))).toMatch(/XML/);
  });

  it('stops a sheet or shared strings that inflate past their cap (a zip bomb)', async () => {
    const zeros = `<row r="1"><c r="A1" t="inlineStr"><is><t>${'0'.repeat(2 * 1024 * 1024)}</t></is></c></row>`;
    const bomb = handmade({ sheets: [zeros] });
    expect(bomb.length).toBeLessThan(64 * 1024);
    const limits = { ...xlsxLimits, maxSheetBytes: 512 * 1024 };
    const read = async () => {
      for await (const _row of readXlsxRows(Readable.from([Buffer.from(bomb)]), limits));
    };
    await expect(read()).rejects.toThrow(XlsxError);
    await expect(read()).rejects.toThrow(/解压后超过 0\.5 MB/);
    const strings = handmade({ sheets: ['<row r="1"/>'], shared: [`<t>${'0'.repeat(2 * 1024 * 1024)}</t>`] });
    const stringLimits = { ...xlsxLimits, maxSharedStringsBytes: 512 * 1024 };
    await expect(
      (async () => {
        for await (const _row of readXlsxRows(Readable.from([Buffer.from(strings)]), stringLimits));
      })(),
    ).rejects.toThrow(/sharedStrings\.xml 解压后超过 0\.5 MB/);
    expect(xlsxLimits.maxSheetBytes).toBe(512 * 1024 * 1024);
  });
});

describe('streaming', () => {
  it('reads a 40,000-row sheet with a flat heap: rows handed on as they are read, none held', async () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const total = 40_000;
    let data = '';
    for (let n = 1; n <= total; n++) {
      data += `<row r="${n}">${c(`A${n}`, 'inlineStr', `D-${n}`)}${c(`B${n}`, undefined, String(45000 + (n % 365)), ' s="1"')}${c(`C${n}`, undefined, String(2500 + n))}</row>`;
    }
    const bytes = handmade({ sheets: [data], ...dateStyles });
    const sheetBytes = data.length;
    data = '';
    // Rows are handed on while the sheet is read: capped at half the sheet, the first half comes out before the refusal.
    let early = 0;
    await expect(
      (async () => {
        for await (const _row of readXlsxRows(chunked(bytes, 64 * 1024), {
          ...xlsxLimits,
          maxSheetBytes: sheetBytes / 2,
        }))
          early++;
      })(),
    ).rejects.toThrow(XlsxError);
    expect(early).toBeGreaterThan(total / 3);
    let rows = 0;
    let baseline = 0;
    let peak = 0;
    for await (const row of readFileRows(chunked(bytes, 64 * 1024), xlsxContentType)) {
      rows += 1;
      if (row.row % 5_000 === 0) {
        gc();
        const used = process.memoryUsage().heapUsed;
        if (row.row === 5_000) baseline = used;
        peak = Math.max(peak, used);
      }
    }
    expect(rows).toBe(total);
    console.info(
      `xlsx: ${rows} rows from ${(bytes.length / 1e6).toFixed(1)} MB, heap growth after 5,000 rows ${((peak - baseline) / 1e6).toFixed(1)} MB`,
    );
    expect(peak - baseline).toBeLessThan(4e6);
  }, 120_000);
});

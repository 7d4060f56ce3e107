import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { collectParts, inflatePart, XlsxError, type ZipPart } from './xlsx-zip';

/**
 * The rows of the first worksheet of an xlsx, as text cells — the rows exceljs'
 * streaming reader gave `file-rows.ts` before (a differential test holds them
 * equal, decision 0044): shared strings (rich text runs joined), inline
 * strings, formula results as cached, numbers as plain digits, booleans as
 * TRUE/FALSE, errors and blank cells as '', and numbers in a date format as
 * YYYY-MM-DD. The first worksheet is the workbook's first sheet, wherever the
 * zip puts it. The sheet's XML is inflated and parsed a slice at a time, and
 * its rows handed on as they close: a large sheet is never held as rows.
 * Not read: formulas (only their cached results), other sheets, .xls.
 */
export interface XlsxRow {
  row: number;
  cells: string[];
}

export interface XlsxLimits {
  /** Inflated size of the worksheet XML (streamed, but its parsing costs time). */
  maxSheetBytes: number;
  /** Inflated size of the shared strings (held as strings while the sheet is read). */
  maxSharedStringsBytes: number;
  /** Inflated size of workbook.xml, the relationships and styles.xml. */
  maxPartBytes: number;
}

/**
 * ≈ 7× the XML of a 200,000-row, 9-column sheet (≈ 70 MB; 17.3 MB at 50,000 rows measured), and
 * ≈ 5× shared strings unique in three columns of every row: room for real files, a stop for a bomb.
 */
export const xlsxLimits: XlsxLimits = {
  maxSheetBytes: 512 * 1024 * 1024,
  maxSharedStringsBytes: 128 * 1024 * 1024,
  maxPartBytes: 16 * 1024 * 1024,
};

export { XlsxError };

/** A tag's name without its namespace prefix (`x:c` is `c`). */
function local(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** An attribute without a prefix (SpreadsheetML's own attributes have none, even on prefixed tags). */
function attribute(tag: SaxesTagPlain, name: string): string | undefined {
  return tag.attributes[name];
}

/** A prefixed attribute by local name (`r:id`, whatever the prefix). */
function prefixedAttribute(tag: SaxesTagPlain, name: string): string | undefined {
  for (const key in tag.attributes) {
    const colon = key.indexOf(':');
    if (colon >= 0 && key.slice(colon + 1) === name) return tag.attributes[key];
  }
  return undefined;
}

interface SaxHandlers {
  open?(name: string, tag: SaxesTagPlain): void;
  close?(name: string): void;
  text?(text: string): void;
}

function saxParser(name: string, handlers: SaxHandlers): SaxesParser {
  const parser = new SaxesParser();
  parser.on('error', (error) => {
    throw new XlsxError(`${name} 不是有效的 XML（${error.message.slice(0, 80)}）`);
  });
  if (handlers.open) {
    const open = handlers.open;
    parser.on('opentag', (tag) => open(local(tag.name), tag as SaxesTagPlain));
  }
  if (handlers.close) {
    const close = handlers.close;
    parser.on('closetag', (tag) => close(local(tag.name)));
  }
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  return parser;
}

/** Parses a whole (small) part. */
function parsePart(part: ZipPart, name: string, maxBytes: number, handlers: SaxHandlers): void {
  const parser = saxParser(name, handlers);
  const steps = inflatePart(part, name, maxBytes, (text) => parser.write(text));
  while (!steps.next().done) {
    // each step inflates a slice into the parser
  }
  parser.close();
}

/** Resolves a relationship target against the part that names it (zip names, lower case). */
function resolve(fromPart: string, target: string): string {
  const base = target.startsWith('/') ? [] : fromPart.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '..') base.pop();
    else if (segment !== '.' && segment !== '') base.push(segment);
  }
  return base.join('/').toLowerCase();
}

/** The relationships of a part: id → target and type → first target. */
function relationships(parts: Map<string, ZipPart>, partName: string, limit: number) {
  const slash = partName.lastIndexOf('/');
  const relsName = `${partName.slice(0, slash + 1)}_rels/${partName.slice(slash + 1)}.rels`;
  const byId = new Map<string, string>();
  const byType = new Map<string, string>();
  const part = parts.get(relsName);
  if (part) {
    parsePart(part, relsName, limit, {
      open(name, tag) {
        if (name !== 'Relationship') return;
        const id = attribute(tag, 'Id');
        const target = attribute(tag, 'Target');
        const type = attribute(tag, 'Type') ?? '';
        if (!target || attribute(tag, 'TargetMode') === 'External') return;
        const path = resolve(partName, target);
        if (id) byId.set(id, path);
        const kind = type.slice(type.lastIndexOf('/') + 1);
        if (!byType.has(kind)) byType.set(kind, path);
      },
    });
  }
  return { byId, byType };
}

/** Built-in number formats that are dates or times: 14–22 and 45–47 (exceljs' table), 27–36 and 50–58 (the CJK ones). */
const builtinDateFormats = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/** exceljs' test for a date format: a date or time letter outside quotes and brackets. */
function isDateFormat(code: string): boolean {
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** For each cell style (`s`), whether its number format is a date. */
function dateStyles(part: ZipPart | undefined, limit: number): boolean[] {
  if (!part) return [];
  const formats = new Map<number, string>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  parsePart(part, 'styles.xml', limit, {
    open(name, tag) {
      if (name === 'numFmt') {
        formats.set(Number(attribute(tag, 'numFmtId')), attribute(tag, 'formatCode') ?? '');
      } else if (name === 'cellXfs') {
        inCellXfs = true;
      } else if (name === 'xf' && inCellXfs) {
        const id = Number(attribute(tag, 'numFmtId') ?? 0);
        const custom = formats.get(id);
        styles.push(custom !== undefined ? isDateFormat(custom) : builtinDateFormats.has(id));
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return styles;
}

/**
 * The shared strings: a string's text, its rich text runs joined, phonetic runs (`rPh`) left out;
 * null for an `si` with no text (exceljs' null, a blank cell).
 */
function sharedStrings(part: ZipPart | undefined, limit: number): (string | null)[] {
  if (!part) return [];
  const strings: (string | null)[] = [];
  let text: string | null = null;
  let inText = false;
  let phonetic = 0;
  parsePart(part, 'sharedStrings.xml', limit, {
    open(name) {
      if (name === 'si') text = null;
      else if (name === 't' && phonetic === 0) inText = true;
      else if (name === 'rPh') phonetic++;
    },
    close(name) {
      if (name === 'si') strings.push(text);
      else if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
    },
    text(value) {
      if (inText) text = (text ?? '') + value;
    },
  });
  return strings;
}

/** Column letters to a 1-based index (`AB` is 28); 0 when there are none. */
function columnOf(reference: string): number {
  let column = 0;
  for (let index = 0; index < reference.length; index++) {
    const code = reference.charCodeAt(index) | 0x20; // lower case
    if (code < 0x61 || code > 0x7a) break;
    column = column * 26 + (code - 0x60);
  }
  return column;
}

/** A number as exceljs' cell gave it to `file-rows.ts`: whole numbers as digits. */
function numberText(value: number): string {
  return Number.isInteger(value) ? value.toFixed(0) : String(value);
}

/** A serial day (Excel's, 1900 or 1904 system) as YYYY-MM-DD, exceljs' way. */
function dateText(serial: number, date1904: boolean): string {
  const date = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
}

interface Cell {
  column: number;
  style: number | undefined;
  type: string;
  formula: boolean;
  value: string | undefined;
}

/** Reads an xlsx stream to the rows of its first worksheet. Throws XlsxError when it cannot. */
export async function* readXlsxRows(
  body: AsyncIterable<Uint8Array>,
  limits: XlsxLimits = xlsxLimits,
): AsyncGenerator<XlsxRow> {
  const parts = await collectParts(body);

  const root = relationships(parts, '', limits.maxPartBytes);
  const workbookName = root.byType.get('officeDocument') ?? 'xl/workbook.xml';
  const workbookPart = parts.get(workbookName);
  if (!workbookPart) throw new XlsxError('缺少工作簿（xl/workbook.xml）');
  let firstSheetId: string | undefined;
  let date1904 = false;
  parsePart(workbookPart, 'workbook.xml', limits.maxPartBytes, {
    open(name, tag) {
      if (name === 'sheet' && firstSheetId === undefined) firstSheetId = prefixedAttribute(tag, 'id') ?? '';
      else if (name === 'workbookPr') {
        const value = attribute(tag, 'date1904');
        date1904 = value === '1' || value === 'true';
      }
    },
  });
  if (firstSheetId === undefined) throw new XlsxError('工作簿中没有工作表');
  const workbookRels = relationships(parts, workbookName, limits.maxPartBytes);
  const sheetName = workbookRels.byId.get(firstSheetId);
  const sheetPart = sheetName === undefined ? undefined : parts.get(sheetName);
  if (!sheetName || !sheetPart) throw new XlsxError('找不到第一个工作表');
  const strings = sharedStrings(
    parts.get(workbookRels.byType.get('sharedStrings') ?? 'xl/sharedstrings.xml'),
    limits.maxSharedStringsBytes,
  );
  const dates = dateStyles(
    parts.get(workbookRels.byType.get('styles') ?? 'xl/styles.xml'),
    limits.maxPartBytes,
  );
  parts.clear(); // only the sheet is read from here on
  yield* sheetRows(sheetPart, sheetName, strings, dates, date1904, limits.maxSheetBytes);
}

function* sheetRows(
  part: ZipPart,
  name: string,
  strings: (string | null)[],
  dates: boolean[],
  date1904: boolean,
  maxBytes: number,
): Generator<XlsxRow> {
  const ready: XlsxRow[] = [];
  let inData = false;
  let rowNumber = 0;
  let rowStyle: number | undefined;
  let cells: (string | undefined)[] = [];
  let cell: Cell | undefined;
  /** Where text goes: the cell's value (`v`, or `t` of an inline string outside phonetic runs). */
  let capturing = false;
  let inInline = false;
  let phonetic = 0;

  const closeCell = (c: Cell) => {
    let text: string | undefined;
    if (c.formula) {
      // A formula's cached result: text for `str`, '' for an error, otherwise a number (exceljs' parseFloat).
      if (c.value === undefined || c.type === 'e') text = '';
      else text = c.type === 'str' ? c.value : numberText(Number.parseFloat(c.value));
    } else if (c.value !== undefined) {
      switch (c.type) {
        case 's': {
          const shared = strings[Number.parseInt(c.value, 10)];
          text = shared ?? undefined;
          break;
        }
        case 'inlineStr':
        case 'str':
          text = c.value;
          break;
        case 'e':
          text = '';
          break;
        case 'b':
          text = Number.parseInt(c.value, 10) !== 0 ? 'TRUE' : 'FALSE';
          break;
        case 'd': {
          const date = new Date(c.value);
          text = Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
          break;
        }
        default: {
          const number = Number.parseFloat(c.value);
          const style = c.style ? c.style : rowStyle;
          text = style !== undefined && dates[style] ? dateText(number, date1904) : numberText(number);
        }
      }
    }
    if (text !== undefined) cells[c.column - 1] = text;
  };

  const parser = saxParser(name, {
    open(tagName, tag) {
      if (tagName === 'sheetData') inData = true;
      if (!inData) return;
      switch (tagName) {
        case 'row': {
          const r = Number.parseInt(attribute(tag, 'r') ?? '', 10);
          rowNumber = Number.isNaN(r) ? rowNumber + 1 : r;
          const s = attribute(tag, 's');
          rowStyle = s === undefined ? undefined : Number.parseInt(s, 10);
          cells = [];
          break;
        }
        case 'c': {
          const reference = attribute(tag, 'r');
          const column = reference ? columnOf(reference) : 0;
          const s = Number.parseInt(attribute(tag, 's') ?? '', 10);
          cell = {
            column: column > 0 ? column : cells.length + 1,
            style: Number.isNaN(s) ? undefined : s,
            type: attribute(tag, 't') ?? 'n',
            formula: false,
            value: undefined,
          };
          break;
        }
        case 'f':
          if (cell) cell.formula = true;
          break;
        case 'v':
          if (cell) {
            cell.value = '';
            capturing = true;
          }
          break;
        case 'is':
          if (cell) {
            cell.value = '';
            inInline = true;
          }
          break;
        case 'rPh':
          phonetic++;
          break;
        case 't':
          if (cell && inInline && phonetic === 0) capturing = true;
          break;
      }
    },
    close(tagName) {
      switch (tagName) {
        case 'sheetData':
          inData = false;
          break;
        case 'v':
        case 't':
          capturing = false;
          break;
        case 'is':
          inInline = false;
          break;
        case 'rPh':
          phonetic--;
          break;
        case 'c':
          if (cell) closeCell(cell);
          cell = undefined;
          break;
        case 'row':
          if (inData) ready.push({ row: rowNumber, cells: Array.from(cells, (text) => text ?? '') });
          cells = [];
          break;
      }
    },
    text(value) {
      if (capturing && cell) cell.value += value;
    },
  });

  for (const _ of inflatePart(part, name, maxBytes, (text) => parser.write(text))) {
    if (ready.length > 0) yield* ready.splice(0);
  }
  parser.close();
  yield* ready.splice(0);
}

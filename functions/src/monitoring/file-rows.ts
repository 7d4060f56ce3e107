import { PassThrough, Readable, Transform } from 'node:stream';
import { xlsxContentType } from '@hongjia/shared';
import { parse } from 'csv-parse';
import { readXlsxRows } from './xlsx-reader';

/**
 * Reads an import file as rows of cells, streaming: the file is never held
 * whole, so a 200,000-row file fits a 512 MB function (decision 0020).
 * - CSV: UTF-8 with or without BOM, or GB18030/GBK (what Excel on Chinese
 *   Windows saves as "CSV"): decided from the first 64 KB — valid UTF-8 is
 *   UTF-8, anything else is GB18030 (a superset of GBK and GB2312); UTF-16
 *   ("Unicode text") is refused by name. CRLF or LF, quoted fields with
 *   commas, quotes and line breaks (csv-parse).
 * - xlsx: the workbook's first worksheet (`xlsx-reader.ts`, fflate + saxes,
 *   decision 0044); dates become YYYY-MM-DD, numbers their plain digits, rich
 *   text its text.
 * `row` is the spreadsheet row number (the header is row 1).
 */
export interface FileRow {
  row: number;
  cells: string[];
}

export class UnreadableFile extends Error {}

const sniffBytes = 64 * 1024;

/** Reads up to `sniffBytes` from the stream, then gives back a stream that starts with them again. */
async function peek(body: Readable): Promise<{ head: Buffer; stream: Readable }> {
  const iterator = body[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const chunks: Buffer[] = [];
  let length = 0;
  let done = false;
  while (length < sniffBytes) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    const chunk = Buffer.from(next.value);
    chunks.push(chunk);
    length += chunk.length;
  }
  const head = Buffer.concat(chunks);
  async function* replay() {
    yield head;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  const stream = Readable.from(replay(), { objectMode: false });
  stream.on('close', () => body.destroy());
  return { head, stream };
}

/** The encoding of a CSV file from its first bytes. */
export function detectEncoding(head: Buffer, complete: boolean): 'utf8' | 'gb18030' {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf8';
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    throw new UnreadableFile(
      '文件是 UTF-16（Unicode 文本）格式，请在 Excel 中另存为「CSV UTF-8」或「CSV（逗号分隔）」',
    );
  }
  // A multi-byte character may be cut at the end of the sample: drop up to 3 trailing bytes of one.
  let sample = head;
  if (!complete) {
    let cut = head.length;
    for (let back = 1; back <= 3 && cut - back >= 0; back++) {
      const byte = head[cut - back] ?? 0;
      if ((byte & 0xc0) === 0xc0) {
        cut -= back;
        break;
      }
      if ((byte & 0x80) === 0) break;
    }
    sample = head.subarray(0, cut);
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample);
    return 'utf8';
  } catch {
    return 'gb18030';
  }
}

/**
 * Bytes to text with Node's own decoder (ICU knows GB18030), a BOM dropped, a character cut
 * between two chunks kept whole. Not iconv-lite: its encoding tables were ≈ 480 KiB of the
 * monitoring worker's bundle (decision 0026).
 */
function decodeStream(encoding: 'utf8' | 'gb18030'): Transform {
  const decoder = new TextDecoder(encoding);
  return new Transform({
    decodeStrings: true,
    transform(chunk: Buffer, _encoding, done) {
      done(null, decoder.decode(chunk, { stream: true }));
    },
    flush(done) {
      done(null, decoder.decode());
    },
  });
}

async function* csvRows(body: Readable): AsyncGenerator<FileRow> {
  const { head, stream } = await peek(body);
  const encoding = detectEncoding(head, head.length < sniffBytes);
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true, relax_quotes: false });
  const decoded = stream.pipe(decodeStream(encoding));
  decoded.on('error', (error) => parser.destroy(error));
  decoded.pipe(parser);
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row++;
      yield { row, cells: record };
    }
  } catch (error) {
    if (error instanceof UnreadableFile) throw error;
    const message = error instanceof Error ? error.message : '';
    throw new UnreadableFile(
      `第 ${row + 1} 行附近的 CSV 格式有误（如引号未闭合），请检查后重新上传${message ? `（${message.slice(0, 80)}）` : ''}`,
    );
  } finally {
    stream.destroy();
    parser.destroy();
  }
}

async function* xlsxRows(body: Readable): AsyncGenerator<FileRow> {
  try {
    yield* readXlsxRows(body);
  } catch (error) {
    // As before: whatever stops the reading is the file's refusal, never a crash of the run.
    const message = error instanceof Error ? error.message : '';
    throw new UnreadableFile(
      `无法读取该 Excel 文件，请确认是 .xlsx 格式${message ? `（${message.slice(0, 80)}）` : ''}`,
    );
  } finally {
    body.destroy();
  }
}

/**
 * The rows of a file. `countBytes` is told how many bytes of the file went by
 * (the progress of a run).
 */
export function readFileRows(
  body: Readable,
  contentType: string,
  countBytes: (bytes: number) => void = () => {},
): AsyncGenerator<FileRow> {
  const counted = new PassThrough();
  body.on('error', (error) => counted.destroy(error));
  counted.on('close', () => body.destroy());
  body.on('data', (chunk: Buffer) => countBytes(chunk.length));
  body.pipe(counted);
  return contentType === xlsxContentType ? xlsxRows(counted) : csvRows(counted);
}

import { Inflate, Unzip, type UnzipDecoder, type UnzipFile } from 'fflate';

/**
 * The parts of an xlsx (a zip) as they stream by, kept compressed: an xlsx
 * writer may put xl/workbook.xml, the shared strings or the styles after the
 * worksheets (Excel puts the shared strings last, exceljs its workbook.xml),
 * so nothing can be read until the zip has gone by. Kept compressed, a
 * 200,000-row sheet is ≈ 10 MB here, and it is inflated later in slices,
 * never whole (decision 0044).
 */
export class XlsxError extends Error {}

export interface ZipPart {
  /** 0 stored, 8 deflated. */
  method: number;
  chunks: Uint8Array[];
}

/** The compressed bytes kept at most: the upload cap of an import file (decision 0020). */
export const maxKeptBytes = 100 * 1024 * 1024;

/** Hands fflate's Unzip the deflated bytes as they are: they are inflated at their turn. */
class Deflated implements UnzipDecoder {
  static compression = 8;
  ondata: UnzipDecoder['ondata'] = () => {};
  push(chunk: Uint8Array<ArrayBuffer>, final: boolean): void {
    this.ondata(null, chunk, final);
  }
}

/** Parts that never matter to the rows: pictures, themes, charts, document properties. */
function wanted(name: string): boolean {
  if (!name.endsWith('.xml') && !name.endsWith('.rels')) return false;
  return !/(^|\/)(docProps|theme|media|drawings|charts|printerSettings|worksheets\/_rels|customXml)\//i.test(
    name,
  );
}

const zipSignature = [0x50, 0x4b, 0x03, 0x04];

/** Reads the whole zip stream; returns its wanted parts by lower-cased name (zip names, no leading slash). */
export async function collectParts(body: AsyncIterable<Uint8Array>): Promise<Map<string, ZipPart>> {
  const parts = new Map<string, ZipPart>();
  let kept = 0;
  let failure: Error | undefined;
  const unzip = new Unzip((file: UnzipFile) => {
    const name = file.name.replace(/^\/+/, '');
    const part: ZipPart | undefined = wanted(name) ? { method: file.compression, chunks: [] } : undefined;
    if (part) parts.set(name.toLowerCase(), part);
    // Every entry is started, or fflate would keep its bytes waiting for a start.
    file.ondata = (error, data) => {
      if (!part) return;
      if (error) {
        failure ??= new XlsxError(`压缩方式不受支持（${name}）`);
        return;
      }
      kept += data.length;
      if (kept > maxKeptBytes) failure ??= new XlsxError('文件中的表格超过 100 MB');
      else if (data.length > 0) part.chunks.push(data.slice());
    };
    file.start();
  });
  unzip.register(Deflated);
  let first = true;
  try {
    for await (const chunk of body) {
      const bytes = chunk instanceof Uint8Array ? chunk : new Uint8Array(chunk);
      if (first && bytes.length > 0) {
        if (zipSignature.some((byte, index) => index < bytes.length && bytes[index] !== byte)) {
          throw new XlsxError('文件不是 zip 压缩包');
        }
        first = false;
      }
      unzip.push(bytes, false);
      if (failure) throw failure;
    }
    if (first) throw new XlsxError('文件为空');
    unzip.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof XlsxError) throw error;
    throw new XlsxError(
      `zip 压缩包不完整或已损坏（${error instanceof Error ? error.message : String(error)}）`,
    );
  }
  if (failure) throw failure;
  return parts;
}

/** Bytes inflated per step: small enough that one step's rows stay few even in a zip bomb. */
const sliceBytes = 16 * 1024;
const empty = new Uint8Array(0);

/**
 * Inflates a part in slices, handing each piece of text to `sink`; after each slice it yields,
 * so the caller can hand on what the slice produced. Stops past `maxBytes` of inflated text.
 */
export function* inflatePart(
  part: ZipPart,
  name: string,
  maxBytes: number,
  sink: (text: string) => void,
): Generator<void> {
  const decoder = new TextDecoder('utf-8');
  let inflated = 0;
  const take = (data: Uint8Array) => {
    inflated += data.length;
    if (inflated > maxBytes) {
      throw new XlsxError(`${name} 解压后超过 ${+(maxBytes / 1024 / 1024).toFixed(1)} MB（可能是压缩炸弹）`);
    }
    sink(decoder.decode(data, { stream: true }));
  };
  let push: (data: Uint8Array, final: boolean) => void;
  if (part.method === 8) {
    const inflate = new Inflate((data) => take(data));
    push = (data, final) => inflate.push(data, final);
  } else if (part.method === 0) {
    push = (data) => take(data);
  } else {
    throw new XlsxError(`压缩方式不受支持（${name}）`);
  }
  const { chunks } = part;
  try {
    for (let index = 0; index < chunks.length; index++) {
      const chunk = chunks[index] as Uint8Array;
      for (let start = 0; start < chunk.length; start += sliceBytes) {
        const end = Math.min(start + sliceBytes, chunk.length);
        push(chunk.subarray(start, end), index === chunks.length - 1 && end === chunk.length);
        yield;
      }
      chunks[index] = empty; // read once: let it go
    }
    if (chunks.length === 0) push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof XlsxError) throw error;
    throw new XlsxError(`${name} 解压失败（${error instanceof Error ? error.message : String(error)}）`);
  }
  sink(decoder.decode());
}

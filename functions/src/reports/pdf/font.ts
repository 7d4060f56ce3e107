import { deflateSync } from 'node:zlib';
import type { PdfFile } from './file';
import { num, ref } from './syntax';
import { toUnicodeCMap } from './to-unicode';

/**
 * The metrics written beside the report font by scripts/build-report-font.ts: glyph ids are the
 * subset's (0 is .notdef), widths and vertical metrics in font units.
 */
export interface FontMetrics {
  postscriptName: string;
  unitsPerEm: number;
  ascent: number;
  descent: number;
  lineGap: number;
  capHeight: number;
  italicAngle: number;
  bbox: [number, number, number, number];
  /** Character → glyph id in the subset. */
  glyphs: Record<string, number>;
  /** Advance width of each glyph of the subset, by glyph id. */
  widths: number[];
}

/** A character the font has no glyph for: the report printed text its build did not collect. */
export class MissingGlyphError extends Error {
  constructor(readonly char: string) {
    const code = `U+${(char.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}`;
    super(`report font has no glyph for "${char}" (${code}): run npm run build:report-font`);
  }
}

/**
 * The report font in a PDF: a Type0 font with Identity-H (text is written as 2-byte glyph ids),
 * its descendant a CIDFontType2 (the subset has TrueType outlines) with the font file as
 * FontFile2, a /W array of the glyphs' widths and a ToUnicode CMap, so the text extracts and
 * searches as the characters it was written from.
 */
export class PdfFont {
  constructor(
    readonly metrics: FontMetrics,
    private readonly file: Buffer,
  ) {}

  private glyph(char: string): number {
    const id = this.metrics.glyphs[char];
    if (id === undefined) throw new MissingGlyphError(char);
    return id;
  }

  /** The text as the hex string operand of `Tj`. */
  encode(text: string): string {
    return `<${[...text].map((char) => this.glyph(char).toString(16).padStart(4, '0')).join('')}>`;
  }

  /** The advance of `text` at `size` points. */
  width(text: string, size: number): number {
    let units = 0;
    for (const char of text) units += this.metrics.widths[this.glyph(char)] ?? 0;
    return (units * size) / this.metrics.unitsPerEm;
  }

  /** Points from the baseline to the top of the line box and the line's height, at `size`. */
  ascent(size: number): number {
    return (this.metrics.ascent * size) / this.metrics.unitsPerEm;
  }

  lineHeight(size: number): number {
    const { ascent, descent, lineGap, unitsPerEm } = this.metrics;
    return ((ascent - descent + lineGap) * size) / unitsPerEm;
  }

  /** Writes the font's objects; answers the Type0 font's object number. */
  embed(pdf: PdfFile): number {
    const m = this.metrics;
    const scale = (units: number) => num((units * 1000) / m.unitsPerEm);
    // A subset's name carries a six-letter tag (§9.6.4); ours is fixed, the subset is too.
    const name = `HJRPTF+${m.postscriptName}`;
    const packed = deflateSync(this.file);
    const fontFile = pdf.add(
      `<< /Length ${packed.length} /Length1 ${this.file.length} /Filter /FlateDecode >>`,
      packed,
    );
    const descriptor = pdf.add(
      `<< /Type /FontDescriptor /FontName /${name} /Flags 4 /FontBBox [${m.bbox.map(scale).join(' ')}] ` +
        `/ItalicAngle ${num(m.italicAngle)} /Ascent ${scale(m.ascent)} /Descent ${scale(m.descent)} ` +
        `/CapHeight ${scale(m.capHeight)} /StemV 80 /FontFile2 ${ref(fontFile)} >>`,
    );
    const widths = m.widths.map(scale).join(' ');
    const descendant = pdf.add(
      `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /${name} ` +
        '/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> ' +
        `/FontDescriptor ${ref(descriptor)} /CIDToGIDMap /Identity /DW 1000 /W [0 [${widths}]] >>`,
    );
    const cmap = deflateSync(Buffer.from(toUnicodeCMap(m.glyphs), 'latin1'));
    const toUnicode = pdf.add(`<< /Length ${cmap.length} /Filter /FlateDecode >>`, cmap);
    return pdf.add(
      `<< /Type /Font /Subtype /Type0 /BaseFont /${name} /Encoding /Identity-H ` +
        `/DescendantFonts [${ref(descendant)}] /ToUnicode ${ref(toUnicode)} >>`,
    );
  }
}

import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { reportFont } from '../src/reports/font';
import { PdfDocument } from '../src/reports/pdf/document';
import { drawFigure } from '../src/reports/pdf/figure';
import { MissingGlyphError } from '../src/reports/pdf/font';
import { wrapLines } from '../src/reports/pdf/wrap';

/** The report's own PDF writer (functions/src/reports/pdf/, decision 0043), read back by pdf.js. */
const info = {
  title: '东湖区2022年人口形势分析报告',
  subject: '统计期间',
  producer: '洪家 Hongjia',
  createdAt: new Date('2026-12-01T08:30:00Z'),
  lang: 'zh-CN',
};

function twoPages() {
  const doc = new PdfDocument(reportFont());
  const first = doc.addPage();
  first.text('东湖区出生 7 人', 48, 100, 12, '#000000');
  first.text('较上年增加 250.0%', 48, 130, 12, '#333333');
  const second = doc.addPage();
  second.text('二、出生人口性别比', 48, 100, 14, '#000000');
  second.text('合计', 300, 200, 9, '#000000', 'end');
  second.text('西湖区', 300, 220, 9, '#000000', 'middle');
  return doc;
}

describe('the report PDF writer', () => {
  it('writes a document pdf.js parses, its text extracted in order across two pages', async () => {
    const bytes = twoPages().bytes(info);
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    expect(pdf.numPages).toBe(2);
    const { text } = await extractText(pdf, { mergePages: false });
    expect(text[0]).toMatch(/东湖区出生 7 人[\s\S]*较上年增加 250\.0%/);
    expect(text[1]).toMatch(/二、出生人口性别比[\s\S]*合计[\s\S]*西湖区/);
    const meta = (await pdf.getMetadata()).info as unknown as Record<string, unknown>;
    expect(meta.Title).toBe(info.title);
    expect(meta.Producer).toBe('洪家 Hongjia');
    expect(bytes.toString('latin1')).toContain('/Lang <FEFF007A0068002D0043004E>');
  });

  it('places text by its anchor: an end-anchored text ends at x, a middle one centres on it', async () => {
    const pdf = await getDocumentProxy(new Uint8Array(twoPages().bytes(info)));
    const { items } = await (await pdf.getPage(2)).getTextContent();
    const item = (text: string) => {
      const found = items.find((entry) => 'str' in entry && entry.str === text);
      if (!found || !('str' in found)) throw new Error(`no text item ${text}`);
      return { x: found.transform[4] as number, width: found.width };
    };
    const total = item('合计');
    expect(total.width).toBeCloseTo(18, 0); // two ideographs at 9 pt, 1 em each
    expect(total.x + total.width).toBeCloseTo(300, 1);
    const west = item('西湖区');
    expect(west.x + west.width / 2).toBeCloseTo(300, 1);
  });

  it('refuses a character the font has no glyph for, naming it', () => {
    const page = new PdfDocument(reportFont()).addPage();
    expect(() => page.text('出生𠮷', 48, 100, 12, '#000000')).toThrow(MissingGlyphError);
    expect(() => page.text('出生𠮷', 48, 100, 12, '#000000')).toThrow(/"𠮷" \(U\+20BB7\).*build:report-font/);
  });

  it('writes a cross-reference table whose offsets point at their objects', () => {
    const bytes = twoPages().bytes(info);
    const text = bytes.toString('latin1');
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
    expect(text.slice(startxref, startxref + 5)).toBe('xref\n');
    const [, count] = /^xref\n0 (\d+)\n/.exec(text.slice(startxref)) ?? [];
    const entries = text
      .slice(startxref)
      .split('\n')
      .slice(2, 2 + Number(count));
    expect(entries[0]).toBe('0000000000 65535 f\r');
    expect(entries.length).toBeGreaterThan(8);
    entries.slice(1).forEach((entry, index) => {
      expect(entry).toMatch(/^\d{10} 00000 n\r$/);
      const offset = Number(entry.slice(0, 10));
      expect(text.slice(offset, offset + `${index + 1} 0 obj\n`.length)).toBe(`${index + 1} 0 obj\n`);
    });
    expect(text).toMatch(new RegExp(`trailer\\n<< /Size ${count} /Root \\d+ 0 R /Info \\d+ 0 R >>`));
  });

  it('embeds the font once as Type0/Identity-H over a CIDFontType2 with widths and a ToUnicode map', () => {
    const text = twoPages().bytes(info).toString('latin1');
    expect(text.match(/\/Subtype \/Type0/g)).toHaveLength(1);
    expect(text).toMatch(/\/Subtype \/Type0 \/BaseFont \/HJRPTF\+NotoSansSC-Regular \/Encoding \/Identity-H/);
    expect(text).toMatch(/\/Subtype \/CIDFontType2 [\s\S]*\/CIDToGIDMap \/Identity \/DW 1000 \/W \[0 \[/);
    expect(text).toMatch(/\/FontFile2 \d+ 0 R/);
    expect(text).toMatch(/\/ToUnicode \d+ 0 R/);
  });

  it('draws a figure’s shapes scaled to the width: rectangles, dashed translucent lines, circles, text', async () => {
    const doc = new PdfDocument(reportFont());
    const page = doc.addPage();
    const height = drawFigure(
      page,
      {
        width: 640,
        height: 260,
        shapes: [
          { kind: 'rect', x: 0, y: 0, width: 640, height: 20, fill: '#2ecc71', opacity: 0.12 },
          {
            kind: 'polyline',
            points: [
              [0, 100],
              [320, 50],
              [640, 80],
            ],
            stroke: '#c0392b',
            strokeWidth: 2,
            dash: [4, 2],
          },
          { kind: 'circle', cx: 320, cy: 50, r: 3, fill: '#ffffff', stroke: '#c0392b', strokeWidth: 1 },
          { kind: 'text', x: 320, y: 250, text: '12月', size: 12, fill: '#666666', anchor: 'middle' },
        ],
      },
      48,
      100,
      320,
    );
    expect(height).toBe(130);
    const content = page.content;
    expect(content).toContain('/GS1 gs');
    expect(content).toContain('48 731.89 320 10 re f'); // y flipped to its bottom edge: 841.89 − (100 + 20 × 0.5)
    expect(content).toContain('[2 1] 0 d');
    expect(content).toMatch(/ c .* b\n/); // Bézier arcs, filled and stroked
    const pdf = await getDocumentProxy(new Uint8Array(doc.bytes(info)));
    const bytes = doc.bytes(info).toString('latin1');
    expect(bytes).toContain('/GS1 << /Type /ExtGState /ca 0.12 /CA 0.12 >>');
    const { text } = await extractText(pdf, { mergePages: true });
    expect(text).toContain('12月');
  });
});

describe('line wrapping', () => {
  // Every character one unit wide, so widths are lengths.
  const measure = (text: string) => [...text].length;

  it('breaks Chinese between any two characters but keeps numbers and words whole', () => {
    expect(wrapLines('出生人数共计 12345 人较上年', 8, measure)).toEqual([
      '出生人数共计',
      '12345 人较',
      '上年',
    ]);
    expect(wrapLines('生育登记覆盖率 87.0%', 10, measure)).toEqual(['生育登记覆盖率', '87.0%']);
  });

  it('keeps closing punctuation off the start of a line', () => {
    expect(wrapLines('出生七人，较上年增加。', 4, measure)).toEqual(['出生七人，', '较上年增', '加。']);
  });

  it('answers one line for a short paragraph and an empty one for empty text', () => {
    expect(wrapLines('出生 7 人', 20, measure)).toEqual(['出生 7 人']);
    expect(wrapLines('', 20, measure)).toEqual(['']);
  });
});

import type { Anchor, Canvas } from './canvas';
import { a4, type PdfDocument } from './document';
import { wrapLines } from './wrap';

/**
 * A cursor down A4 pages inside a margin: paragraphs wrap to the content
 * width and continue on a new page when the bottom margin is reached, as a
 * word processor would. `y` is the top of the next line.
 */
export class Flow {
  page: Canvas;
  y: number;
  readonly width: number;

  constructor(
    private readonly doc: PdfDocument,
    readonly margin: number,
  ) {
    this.page = doc.addPage();
    this.y = margin;
    this.width = a4.width - margin * 2;
  }

  get bottom(): number {
    return a4.height - this.margin;
  }

  newPage() {
    this.page = this.doc.addPage();
    this.y = this.margin;
  }

  /** Starts a new page unless `height` more fits on this one. */
  keep(height: number) {
    if (this.y + height > this.bottom) this.newPage();
  }

  /** Moves down by `lines` lines of text at `size`. */
  down(lines: number, size: number) {
    this.y += lines * this.doc.font.lineHeight(size);
  }

  paragraph(text: string, size: number, fill: string, align: 'left' | 'center' = 'left') {
    const font = this.doc.font;
    const height = font.lineHeight(size);
    for (const line of wrapLines(text, this.width, (part) => font.width(part, size))) {
      this.keep(height);
      const anchor: Anchor = align === 'center' ? 'middle' : 'start';
      const x = align === 'center' ? this.margin + this.width / 2 : this.margin;
      this.page.text(line, x, this.y + font.ascent(size), size, fill, anchor);
      this.y += height;
    }
  }
}

import type { PdfFont } from './font';
import { num, rgb } from './syntax';

export type Anchor = 'start' | 'middle' | 'end';
export type Point = readonly [number, number];

/** Bézier control distance for a quarter circle of radius 1. */
const kappa = 0.5522847498;

/**
 * One page's content stream (ISO 32000-1 §8–9), drawn in the page's own
 * coordinates with the origin at the top left and y down, as the layout and
 * the figures think; each operator flips y to PDF's bottom-left origin.
 * Opacity is an ExtGState the document keeps (`opacityName`).
 */
export class Canvas {
  private readonly ops: string[] = [];

  constructor(
    private readonly font: PdfFont,
    private readonly height: number,
    private readonly opacityName: (opacity: number) => string,
  ) {}

  get content(): string {
    return this.ops.join('\n');
  }

  private y(value: number): string {
    return num(this.height - value);
  }

  /** Runs `draw` inside q/Q with the opacity set when it is below 1. */
  private group(opacity: number | undefined, draw: () => void) {
    this.ops.push('q');
    if (opacity !== undefined && opacity < 1) this.ops.push(`/${this.opacityName(opacity)} gs`);
    draw();
    this.ops.push('Q');
  }

  /** Text on one line; `y` is the baseline, `anchor` says which end of the text is at `x`. */
  text(text: string, x: number, y: number, size: number, fill: string, anchor: Anchor = 'start') {
    if (!text) return;
    const width = this.font.width(text, size);
    const left = anchor === 'start' ? x : anchor === 'middle' ? x - width / 2 : x - width;
    this.ops.push(
      `BT /F1 ${num(size)} Tf ${rgb(fill)} rg ${num(left)} ${this.y(y)} Td ${this.font.encode(text)} Tj ET`,
    );
  }

  rect(x: number, y: number, width: number, height: number, fill: string, opacity?: number) {
    this.group(opacity, () => {
      this.ops.push(`${rgb(fill)} rg ${num(x)} ${this.y(y + height)} ${num(width)} ${num(height)} re f`);
    });
  }

  polyline(
    points: readonly Point[],
    stroke: string,
    width: number,
    options: { dash?: readonly number[]; opacity?: number } = {},
  ) {
    const [first, ...rest] = points;
    if (!first) return;
    this.group(options.opacity, () => {
      this.ops.push(`${rgb(stroke)} RG ${num(width)} w 1 j 1 J`);
      if (options.dash?.length) this.ops.push(`[${options.dash.map(num).join(' ')}] 0 d`);
      this.ops.push(
        [
          `${num(first[0])} ${this.y(first[1])} m`,
          ...rest.map(([x, y]) => `${num(x)} ${this.y(y)} l`),
          'S',
        ].join(' '),
      );
    });
  }

  /** A horizontal rule, as the tables draw between rows. */
  line(from: Point, to: Point, stroke: string, width: number) {
    this.polyline([from, to], stroke, width);
  }

  /** A circle as four Bézier quarter arcs, filled and optionally stroked. */
  circle(cx: number, cy: number, r: number, fill: string, stroke?: { colour: string; width: number }) {
    const k = r * kappa;
    const p = (x: number, y: number) => `${num(x)} ${this.y(y)}`;
    const path = [
      `${p(cx + r, cy)} m`,
      `${p(cx + r, cy + k)} ${p(cx + k, cy + r)} ${p(cx, cy + r)} c`,
      `${p(cx - k, cy + r)} ${p(cx - r, cy + k)} ${p(cx - r, cy)} c`,
      `${p(cx - r, cy - k)} ${p(cx - k, cy - r)} ${p(cx, cy - r)} c`,
      `${p(cx + k, cy - r)} ${p(cx + r, cy - k)} ${p(cx + r, cy)} c`,
    ].join(' ');
    this.group(undefined, () => {
      this.ops.push(`${rgb(fill)} rg`);
      if (stroke) this.ops.push(`${rgb(stroke.colour)} RG ${num(stroke.width)} w`);
      this.ops.push(`${path} ${stroke ? 'b' : 'f'}`);
    });
  }
}

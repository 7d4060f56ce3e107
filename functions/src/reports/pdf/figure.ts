import type { Figure } from '../figure';
import type { Canvas } from './canvas';

/**
 * Draws a report figure (figure.ts shapes) at (`left`, `top`) scaled to
 * `width`, keeping its aspect; lengths (stroke widths, radii, font sizes)
 * scale with it. Answers the height drawn.
 */
export function drawFigure(canvas: Canvas, figure: Figure, left: number, top: number, width: number): number {
  const s = width / figure.width;
  const x = (value: number) => left + value * s;
  const y = (value: number) => top + value * s;
  for (const shape of figure.shapes) {
    switch (shape.kind) {
      case 'rect':
        canvas.rect(x(shape.x), y(shape.y), shape.width * s, shape.height * s, shape.fill, shape.opacity);
        break;
      case 'polyline':
        canvas.polyline(
          shape.points.map(([px, py]) => [x(px), y(py)] as const),
          shape.stroke,
          shape.strokeWidth * s,
          {
            ...(shape.dash ? { dash: shape.dash.map((length) => length * s) } : {}),
            ...(shape.opacity === undefined ? {} : { opacity: shape.opacity }),
          },
        );
        break;
      case 'circle':
        canvas.circle(
          x(shape.cx),
          y(shape.cy),
          shape.r * s,
          shape.fill,
          shape.stroke ? { colour: shape.stroke, width: (shape.strokeWidth ?? 1) * s } : undefined,
        );
        break;
      case 'text':
        canvas.text(shape.text, x(shape.x), y(shape.y), shape.size * s, shape.fill, shape.anchor);
        break;
    }
  }
  return figure.height * s;
}

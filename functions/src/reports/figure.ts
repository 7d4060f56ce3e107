/**
 * A report chart as drawing primitives, in its own coordinate space
 * (`width` × `height` points, origin top left, y down). The chart code lays a
 * figure out once; the HTML renderer writes it as inline SVG and the PDF
 * renderer draws the same shapes, so both documents show the same figure.
 * Colours are `#rrggbb`; `opacity` (0–1) applies to the fill or stroke.
 */
export interface Figure {
  width: number;
  height: number;
  shapes: Shape[];
}

export type Shape =
  | { kind: 'rect'; x: number; y: number; width: number; height: number; fill: string; opacity?: number }
  | {
      kind: 'polyline';
      points: readonly (readonly [number, number])[];
      stroke: string;
      strokeWidth: number;
      dash?: readonly number[];
      opacity?: number;
    }
  | { kind: 'circle'; cx: number; cy: number; r: number; fill: string; stroke?: string; strokeWidth?: number }
  | {
      kind: 'text';
      /** The anchor point; `y` is the baseline. */
      x: number;
      y: number;
      text: string;
      size: number;
      fill: string;
      anchor: 'start' | 'middle' | 'end';
    };

import type { Figure, Shape } from './figure';
import { niceScale } from './ticks';

/**
 * The report's charts laid out as figure shapes: grouped bars or lines over
 * categories, a value axis with nice ticks and light gridlines, a legend on
 * top, the category labels under the axis. A static document needs none of a
 * chart library's interaction, so this is the whole of it (decision 0042).
 */
export const chartSize = { width: 640, height: 260 } as const;
export const palette = ['#c0392b', '#95a5a6', '#2c7fb8', '#7fcdbb'] as const;
/** The normal band's colour (the old ECharts markArea, rgba(46, 204, 113, 0.12)). */
export const bandColour = { fill: '#2ecc71', opacity: 0.12 } as const;

const fontSize = 12;
const minFontSize = 9;
const maxLabelLines = 3;
const textColour = '#333333';
const axisTextColour = '#6e7079';
const gridColour = '#e0e6f1';
const margin = { left: 48, right: 16, top: 36, bottom: 28 } as const;
const legend = { top: 4, swatch: 25, swatchHeight: 14, gap: 5, itemGap: 10 } as const;

export interface Series {
  name: string;
  /** One per category; null is no value (no bar; the line bridges it). */
  values: readonly (number | null)[];
}

export interface ChartSpec {
  kind: 'bar' | 'line';
  categories: readonly string[];
  series: readonly Series[];
  /** The tick labels' format (e.g. `%`); plain numbers otherwise. */
  format?: (value: number) => string;
  /**
   * The value axis: from 0 (default, bars and counts), `fit` to the data and
   * the band (the sex ratio), or `fixed` ends (coverage 0–100 %).
   */
  axis?: { fit: true } | { fixed: readonly [number, number] };
  /** A shaded range of values behind the data (the sex ratio's normal 103–107). */
  band?: { low: number; high: number };
}

/** What the layout decided, beside the figure: tests read positions through it. */
export interface ChartLayout {
  figure: Figure;
  plot: { left: number; right: number; top: number; bottom: number };
  /** The y of a value on the axis. */
  y: (value: number) => number;
  /** The x of a category's centre. */
  x: (index: number) => number;
  ticks: number[];
  /** The category labels' size and lines (one or two a label). */
  labels: { size: number; lines: string[][] };
}

/** An estimate good enough for layout: CJK (and full-width) 1 em, anything else 0.6 em. */
export function textWidth(text: string, size: number): number {
  let ems = 0;
  for (const char of text)
    ems += /[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]/.test(char) ? 1 : 0.6;
  return ems * size;
}

/** `value` to a short decimal for a tick label (no float noise, no trailing zeros). */
const plain = (value: number) => String(Number(value.toFixed(6)));

/**
 * Category labels that fit their band: each on one line if it fits, else cut
 * into two or three even pieces; the largest size (12 down to 9 px) at which
 * every label fits that way, one size for all so the axis reads evenly; at
 * 9 px what still does not fit is cut with "…".
 */
export function fitLabels(labels: readonly string[], room: number): { size: number; lines: string[][] } {
  const pieces = (label: string, count: number) => {
    const chars = [...label];
    const length = Math.ceil(chars.length / count);
    return Array.from({ length: Math.ceil(chars.length / length) }, (_, index) =>
      chars.slice(index * length, (index + 1) * length).join(''),
    );
  };
  const fit = (label: string, size: number) => {
    for (let count = 1; count <= maxLabelLines; count++) {
      const lines = pieces(label, count);
      if (lines.every((line) => textWidth(line, size) <= room)) return lines;
    }
    return undefined;
  };
  for (let size = fontSize; size >= minFontSize; size--) {
    const lines = labels.map((label) => fit(label, size));
    if (lines.every((label) => label !== undefined)) return { size, lines: lines as string[][] };
  }
  const cut = (line: string) => {
    if (textWidth(line, minFontSize) <= room) return line;
    const chars = [...line];
    while (chars.length > 1 && textWidth(`${chars.join('')}…`, minFontSize) > room) chars.pop();
    return `${chars.join('')}…`;
  };
  return {
    size: minFontSize,
    lines: labels.map((label) => fit(label, minFontSize) ?? pieces(label, maxLabelLines).map(cut)),
  };
}

function legendShapes(spec: ChartSpec, width: number): Shape[] {
  const items = spec.series.map((entry) => ({
    name: entry.name,
    width: legend.swatch + legend.gap + textWidth(entry.name, fontSize),
  }));
  const total = items.reduce((sum, item) => sum + item.width, 0) + legend.itemGap * (items.length - 1);
  let x = (width - total) / 2;
  const middle = legend.top + legend.swatchHeight / 2;
  const shapes: Shape[] = [];
  items.forEach((item, index) => {
    const colour = palette[index % palette.length] as string;
    if (spec.kind === 'bar') {
      shapes.push({
        kind: 'rect',
        x,
        y: legend.top,
        width: legend.swatch,
        height: legend.swatchHeight,
        fill: colour,
      });
    } else {
      shapes.push(
        {
          kind: 'polyline',
          points: [
            [x, middle],
            [x + legend.swatch, middle],
          ],
          stroke: colour,
          strokeWidth: 2,
        },
        {
          kind: 'circle',
          cx: x + legend.swatch / 2,
          cy: middle,
          r: 4,
          fill: '#ffffff',
          stroke: colour,
          strokeWidth: 2,
        },
      );
    }
    shapes.push({
      kind: 'text',
      x: x + legend.swatch + legend.gap,
      y: middle + fontSize * 0.35,
      text: item.name,
      size: fontSize,
      fill: textColour,
      anchor: 'start',
    });
    x += item.width + legend.itemGap;
  });
  return shapes;
}

/** A chart of the report as a figure, `chartSize` points, with what the layout decided. */
export function layoutChart(
  spec: ChartSpec,
  size: { width: number; height: number } = chartSize,
): ChartLayout {
  const values = spec.series
    .flatMap((entry) => entry.values)
    .filter((value): value is number => value !== null);
  const axis = spec.axis;
  const scale =
    axis && 'fixed' in axis
      ? niceScale(axis.fixed[0], axis.fixed[1])
      : axis && 'fit' in axis
        ? niceScale(
            Math.min(
              ...values,
              ...(spec.band ? [spec.band.low] : []),
              ...(values.length || spec.band ? [] : [0]),
            ),
            Math.max(
              ...values,
              ...(spec.band ? [spec.band.high] : []),
              ...(values.length || spec.band ? [] : [1]),
            ),
          )
        : niceScale(Math.min(0, ...values), Math.max(0, ...values));
  const format = spec.format ?? plain;
  const tickLabels = scale.ticks.map((tick) => format(tick));

  const count = Math.max(1, spec.categories.length);
  const left = Math.max(margin.left, Math.max(...tickLabels.map((label) => textWidth(label, fontSize))) + 14);
  const right = size.width - margin.right;
  const band = (right - left) / count;
  const labels = fitLabels(spec.categories, band - 4);
  const lineHeight = labels.size + 2;
  const bottom =
    size.height -
    Math.max(
      margin.bottom,
      8 + labels.size + lineHeight * (Math.max(...labels.lines.map((l) => l.length)) - 1) + 6,
    );
  const top = margin.top;
  const y = (value: number) => bottom - ((value - scale.min) / (scale.max - scale.min)) * (bottom - top);
  const x = (index: number) => left + band * (index + 0.5);
  const clampY = (value: number) => y(Math.min(scale.max, Math.max(scale.min, value)));

  const shapes: Shape[] = [];
  // Gridlines and tick labels.
  scale.ticks.forEach((tick, index) => {
    shapes.push({
      kind: 'polyline',
      points: [
        [left, y(tick)],
        [right, y(tick)],
      ],
      stroke: gridColour,
      strokeWidth: 1,
    });
    shapes.push({
      kind: 'text',
      x: left - 8,
      y: y(tick) + fontSize * 0.35,
      text: tickLabels[index] as string,
      size: fontSize,
      fill: axisTextColour,
      anchor: 'end',
    });
  });
  if (spec.band) {
    const high = clampY(spec.band.high);
    shapes.push({
      kind: 'rect',
      x: left,
      y: high,
      width: right - left,
      height: clampY(spec.band.low) - high,
      fill: bandColour.fill,
      opacity: bandColour.opacity,
    });
  }
  // The category axis on the zero line when the scale holds 0, else at the bottom.
  const base = clampY(0);
  shapes.push({
    kind: 'polyline',
    points: [
      [left, base],
      [right, base],
    ],
    stroke: axisTextColour,
    strokeWidth: 1,
  });
  labels.lines.forEach((lines, index) => {
    lines.forEach((line, row) => {
      shapes.push({
        kind: 'text',
        x: x(index),
        y: bottom + 8 + labels.size + row * lineHeight,
        text: line,
        size: labels.size,
        fill: axisTextColour,
        anchor: 'middle',
      });
    });
  });

  const seriesCount = Math.max(1, spec.series.length);
  if (spec.kind === 'bar') {
    // ECharts' defaults: 20 % of the band between groups, bars 30 % of a bar apart.
    const barWidth = Math.min(40, (band * 0.8) / (seriesCount + 0.3 * (seriesCount - 1)));
    const groupWidth = barWidth * (seriesCount + 0.3 * (seriesCount - 1));
    spec.series.forEach((entry, s) => {
      const fill = palette[s % palette.length] as string;
      entry.values.forEach((value, index) => {
        if (value === null) return;
        const top_ = clampY(value);
        shapes.push({
          kind: 'rect',
          x: x(index) - groupWidth / 2 + s * barWidth * 1.3,
          y: Math.min(top_, base),
          width: barWidth,
          height: Math.abs(base - top_),
          fill,
        });
      });
    });
  } else {
    spec.series.forEach((entry, s) => {
      const stroke = palette[s % palette.length] as string;
      // Nulls are left out and their neighbours joined (ECharts' connectNulls).
      const points = entry.values.flatMap((value, index) =>
        value === null ? [] : [[x(index), clampY(value)] as const],
      );
      if (points.length > 1) shapes.push({ kind: 'polyline', points, stroke, strokeWidth: 2 });
      for (const [cx, cy] of points) {
        shapes.push({ kind: 'circle', cx, cy, r: 3, fill: '#ffffff', stroke, strokeWidth: 1.5 });
      }
    });
  }
  shapes.push(...legendShapes(spec, size.width));

  return {
    figure: { width: size.width, height: size.height, shapes },
    plot: { left, right, top, bottom },
    y,
    x,
    ticks: scale.ticks,
    labels,
  };
}

/** The figure alone, for the report's sections. */
export const chartFigure = (spec: ChartSpec): Figure => layoutChart(spec).figure;

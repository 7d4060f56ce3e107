import { describe, expect, it } from 'vitest';
import type { Shape } from '../src/reports/figure';
import { bandColour, type ChartSpec, layoutChart, palette, textWidth } from '../src/reports/plot';
import { figureToSvg } from '../src/reports/svg';
import { niceScale } from '../src/reports/ticks';

type Of<K extends Shape['kind']> = Extract<Shape, { kind: K }>;
const shapesOf = <K extends Shape['kind']>(shapes: Shape[], kind: K) =>
  shapes.filter((shape): shape is Of<K> => shape.kind === kind);
const months = Array.from({ length: 12 }, (_, index) => `${index + 1}月`);

describe('nice ticks', () => {
  it.each([
    [0, 7],
    [0, 123],
    [0, 0.37],
    [-35, 120],
    [96.4, 131.2],
    [0, 0],
    [103, 107],
    [0, 48_213],
  ])('cover [%s, %s] in 1, 2 or 5 × 10ⁿ steps', (low, high) => {
    const { min, max, ticks } = niceScale(low, high);
    expect(min).toBe(ticks[0]);
    expect(max).toBe(ticks.at(-1));
    expect(min).toBeLessThanOrEqual(low);
    expect(max).toBeGreaterThanOrEqual(high);
    expect(max).toBeGreaterThan(min);
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    expect(ticks.length).toBeLessThanOrEqual(11);
    const step = (ticks[1] as number) - (ticks[0] as number);
    const mantissa = step / 10 ** Math.floor(Math.log10(step));
    expect([1, 2, 5, 10].some((nice) => Math.abs(mantissa - nice) < 1e-9)).toBe(true);
    for (const [index, tick] of ticks.entries()) {
      expect(tick).toBeCloseTo(min + index * step, 9);
      // Printed as a short decimal, not 0.30000000000000004.
      expect(String(tick).length).toBeLessThanOrEqual(8);
    }
  });
});

describe('bar charts', () => {
  const spec: ChartSpec = {
    kind: 'bar',
    categories: months,
    series: [
      { name: '2025年', values: [10, 0, 30, null, 5, 5, 5, 5, 5, 5, 5, 47] },
      { name: '2024年', values: [20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20] },
    ],
  };
  const layout = layoutChart(spec);
  const bars = (colour: string) =>
    shapesOf(layout.figure.shapes, 'rect').filter((r) => r.fill === colour && r.y >= layout.plot.top);

  it('draws heights proportional to the values, from the zero line, and none for a null month', () => {
    expect(layout.ticks[0]).toBe(0);
    expect(layout.ticks.at(-1)).toBeGreaterThanOrEqual(47);
    const current = bars(palette[0]);
    expect(current).toHaveLength(11); // April is null: no bar
    const [ten, zero, thirty] = current as [Of<'rect'>, Of<'rect'>, Of<'rect'>];
    expect(thirty.height).toBeCloseTo(3 * ten.height, 6);
    expect(ten.height).toBeCloseTo(layout.y(0) - layout.y(10), 6);
    expect(zero.height).toBe(0);
    for (const bar of current) expect(bar.y + bar.height).toBeCloseTo(layout.y(0), 6);
    // Each month's two bars sit side by side inside the month's band.
    const previous = bars(palette[1]);
    expect(previous).toHaveLength(12);
    expect((previous[0] as Of<'rect'>).x).toBeGreaterThanOrEqual(ten.x + ten.width);
    expect((previous[0] as Of<'rect'>).x + (previous[0] as Of<'rect'>).width).toBeLessThan(layout.x(1));
  });

  it('keeps every category label clear of the others with twelve district names', () => {
    const districts = [
      '东湖区',
      '西湖区',
      '青云谱区',
      '青山湖区',
      '新建区',
      '红谷滩区',
      '南昌县',
      '安义县',
      '进贤县',
      '湾里管理局',
      '经济技术开发区',
      '高新技术产业开发区',
    ];
    const wide = layoutChart({
      kind: 'bar',
      categories: districts,
      series: [
        { name: '2025年', values: districts.map((_, index) => 100 + index) },
        { name: '2024年', values: districts.map((_, index) => 90 + index) },
      ],
    });
    const labels = shapesOf(wide.figure.shapes, 'text').filter((text) => text.y > wide.plot.bottom);
    expect(labels.length).toBeGreaterThanOrEqual(12);
    const boxes = labels.map((text) => {
      const width = textWidth(text.text, text.size);
      return { left: text.x - width / 2, right: text.x + width / 2, top: text.y - text.size, bottom: text.y };
    });
    for (const [i, a] of boxes.entries()) {
      expect(a.left).toBeGreaterThanOrEqual(0);
      expect(a.right).toBeLessThanOrEqual(wide.figure.width);
      expect(a.bottom).toBeLessThanOrEqual(wide.figure.height);
      for (const b of boxes.slice(i + 1)) {
        const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
        expect(apart, `${JSON.stringify(a)} overlaps ${JSON.stringify(b)}`).toBe(true);
      }
    }
    // Every name is still there, whole or cut with an ellipsis, its lines in order.
    const perCategory = districts.map((_, index) =>
      labels
        .filter((text) => Math.abs(text.x - wide.x(index)) < 1e-6)
        .map((text) => text.text)
        .join(''),
    );
    perCategory.forEach((shown, index) => {
      const name = districts[index] as string;
      if (shown.includes('…')) expect(name.startsWith(shown.split('…')[0] as string)).toBe(true);
      else expect(shown).toBe(name);
    });
  });
});

describe('line charts', () => {
  it('bridges a null month and draws a point on every value', () => {
    const layout = layoutChart({
      kind: 'line',
      categories: months,
      series: [{ name: '2025年', values: [50, 60, null, 80, 90, 100, null, null, 70, 60, 50, 40] }],
      axis: { fixed: [0, 100] },
      format: (value) => `${value}%`,
    });
    const [line] = shapesOf(layout.figure.shapes, 'polyline').filter(
      (shape) => shape.stroke === palette[0] && shape.points.length > 2,
    );
    expect(line?.points).toHaveLength(9);
    expect(line?.points[1]).toEqual([layout.x(1), layout.y(60)]);
    expect(line?.points[2]).toEqual([layout.x(3), layout.y(80)]); // March is skipped, February joined to April
    const points = shapesOf(layout.figure.shapes, 'circle').filter((c) => c.cy >= layout.plot.top);
    expect(points).toHaveLength(9);
    expect(layout.ticks).toEqual([0, 20, 40, 60, 80, 100]);
    expect(shapesOf(layout.figure.shapes, 'text').map((text) => text.text)).toContain('100%');
  });

  it('shades the normal band between the y of 103 and of 107, on an axis fitted to data and band', () => {
    const layout = layoutChart({
      kind: 'line',
      categories: months,
      series: [{ name: '2025年', values: [110, 98, 105, null, 112, 101, 104, 109, 107, 103, 99, 106] }],
      axis: { fit: true },
      band: { low: 103, high: 107 },
    });
    const [band] = shapesOf(layout.figure.shapes, 'rect').filter((rect) => rect.fill === bandColour.fill);
    expect(band).toBeDefined();
    expect(band?.opacity).toBe(bandColour.opacity);
    expect(band?.y).toBeCloseTo(layout.y(107), 6);
    expect((band?.y ?? 0) + (band?.height ?? 0)).toBeCloseTo(layout.y(103), 6);
    expect(layout.y(107)).toBeLessThan(layout.y(103));
    // Fitted, not from 0: the lowest tick is near the data.
    expect(layout.ticks[0]).toBeGreaterThan(80);
    expect(layout.ticks[0]).toBeLessThanOrEqual(98);
    expect(layout.ticks.at(-1)).toBeGreaterThanOrEqual(112);
  });
});

describe('figureToSvg', () => {
  const spec: ChartSpec = {
    kind: 'bar',
    categories: ['<b>&"a"', '迁出'],
    series: [{ name: '20"25<&>', values: [3, 4] }],
  };

  it('escapes every text and the label, and names the chart for assistive technology', () => {
    const svg = figureToSvg(layoutChart(spec).figure, '一、<分月>&"出生"');
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-label="一、&lt;分月&gt;&amp;&quot;出生&quot;"');
    expect(svg).toContain('&lt;b&gt;&amp;&quot;a&quot;');
    expect(svg).toContain('20&quot;25&lt;&amp;&gt;');
    expect(svg).not.toContain('<b>');
    expect(svg).not.toMatch(/&(?!amp;|lt;|gt;|quot;|#39;)/);
  });

  it('draws a year without any value (all months null) without NaN', () => {
    const empty = { name: '2025年', values: months.map(() => null) };
    for (const chart of [
      layoutChart({ kind: 'bar', categories: months, series: [empty] }),
      layoutChart({
        kind: 'line',
        categories: months,
        series: [empty],
        axis: { fit: true },
        band: { low: 103, high: 107 },
      }),
    ]) {
      expect(figureToSvg(chart.figure, 'x')).not.toMatch(/NaN|Infinity|undefined/);
      expect(chart.ticks.length).toBeGreaterThanOrEqual(3);
    }
  });

  it('gives the same SVG for the same inputs', () => {
    const first = figureToSvg(layoutChart(spec).figure, 'x');
    const second = figureToSvg(layoutChart(structuredClone(spec)).figure, 'x');
    expect(second).toBe(first);
    expect(first).not.toMatch(/NaN|Infinity|undefined/);
  });
});

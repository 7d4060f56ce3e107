import type { Figure, Shape } from './figure';

/** The font the SVG names: a browser picks the first it has. */
export const svgFontFamily = 'Noto Sans SC, PingFang SC, Microsoft YaHei, sans-serif';

const escapeXml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] as string,
  );

/** Two decimals at most, and never "-0": the same figure always prints the same digits. */
const n = (value: number) => {
  const rounded = Math.round(value * 100) / 100;
  return String(rounded === 0 ? 0 : rounded);
};

const opacity = (attribute: string, value: number | undefined) =>
  value === undefined ? '' : ` ${attribute}="${n(value)}"`;

function shapeSvg(shape: Shape): string {
  switch (shape.kind) {
    case 'rect':
      return `<rect x="${n(shape.x)}" y="${n(shape.y)}" width="${n(shape.width)}" height="${n(shape.height)}" fill="${escapeXml(shape.fill)}"${opacity('fill-opacity', shape.opacity)}/>`;
    case 'polyline':
      return `<polyline points="${shape.points.map(([x, y]) => `${n(x)},${n(y)}`).join(' ')}" fill="none" stroke="${escapeXml(shape.stroke)}" stroke-width="${n(shape.strokeWidth)}"${shape.dash ? ` stroke-dasharray="${shape.dash.map(n).join(' ')}"` : ''}${opacity('stroke-opacity', shape.opacity)}/>`;
    case 'circle':
      return `<circle cx="${n(shape.cx)}" cy="${n(shape.cy)}" r="${n(shape.r)}" fill="${escapeXml(shape.fill)}"${shape.stroke ? ` stroke="${escapeXml(shape.stroke)}" stroke-width="${n(shape.strokeWidth ?? 1)}"` : ''}/>`;
    case 'text':
      return `<text x="${n(shape.x)}" y="${n(shape.y)}" font-size="${n(shape.size)}" fill="${escapeXml(shape.fill)}" text-anchor="${shape.anchor}">${escapeXml(shape.text)}</text>`;
  }
}

/**
 * A figure as inline SVG for the HTML report: one element a shape, in order,
 * every text and attribute escaped, `role="img"` named by `label` (the
 * section's title). Deterministic: no ids, no clock, fixed number format.
 */
export function figureToSvg(figure: Figure, label: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${n(figure.width)}" height="${n(figure.height)}" viewBox="0 0 ${n(figure.width)} ${n(figure.height)}" role="img" aria-label="${escapeXml(label)}" font-family="${escapeXml(svgFontFamily)}">
${figure.shapes.map(shapeSvg).join('\n')}
</svg>`;
}

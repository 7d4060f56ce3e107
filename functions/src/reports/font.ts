import { readFileSync } from 'node:fs';
import { bundleAssetPath } from '../commons/bundle-asset';
import { type FontMetrics, PdfFont } from './pdf/font';

/**
 * The report font: Noto Sans SC (SIL Open Font License) subset at build time
 * to the characters a report can contain (scripts/build-report-font.ts,
 * decision 0043), with its metrics. Deployed, both files sit beside the
 * handler (the group's bundleAssets, copied by infra after bundling);
 * locally they are read from functions/assets/.
 */
export const fontFileName = 'report-font.ttf';
export const metricsFileName = 'report-font.json';

let cached: PdfFont | undefined;

export function reportFont(): PdfFont {
  if (cached) return cached;
  const metrics = JSON.parse(readFileSync(bundleAssetPath(metricsFileName), 'utf8')) as FontMetrics;
  cached = new PdfFont(metrics, readFileSync(bundleAssetPath(fontFileName)));
  return cached;
}

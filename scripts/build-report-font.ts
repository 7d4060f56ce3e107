import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { districts, motherAgeGroups, parityGroups } from '@hongjia/shared';
import ts from 'typescript';
import type { FontMetrics } from '../functions/src/reports/pdf/font';
import { woffToSfnt } from '../functions/src/reports/woff';

/**
 * The report font's build step (decision 0043): every character a report can print comes from
 * a closed set — the string literals of functions/src/reports/**, the shared labels it prints
 * (district names, parity and mother's-age groups; the reconciliation kinds' labels are literals
 * in commentary.ts), and printable ASCII for the numbers and dates. This collects that set and
 * subsets Noto Sans SC to it with fontkit (a build-time tool only), writing the font and the
 * metrics the PDF writer needs under functions/assets/. `npm run build:report-font`; a unit test
 * (functions/test/report-pdf-font.test.ts) fails when a report's source has a character the
 * committed font lacks.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
export const reportSourceDir = join(root, 'functions/src/reports');
export const fontSourcePath = join(
  root,
  'node_modules/@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff',
);
export const fontAssetPath = join(root, 'functions/assets/report-font.ttf');
export const metricsAssetPath = join(root, 'functions/assets/report-font.json');

/** The text of every string and template literal of a TypeScript file (comments and regexes excluded). */
export function literalText(fileName: string, source: string): string {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false);
  const parts: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    )
      parts.push(node.text);
    node.forEachChild(visit);
  };
  visit(file);
  return parts.join('');
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? sourceFiles(join(dir, entry.name))
        : entry.name.endsWith('.ts')
          ? [join(dir, entry.name)]
          : [],
    )
    .sort();
}

/** The characters a report can contain, sorted by code point. */
export function reportCharset(dir: string = reportSourceDir): string[] {
  const printableAscii = Array.from({ length: 0x7f - 0x20 }, (_, index) => String.fromCharCode(0x20 + index));
  const text = [
    ...sourceFiles(dir).map((path) => literalText(path, readFileSync(path, 'utf8'))),
    ...districts.map((district) => district.name),
    ...parityGroups.map((group) => group.label),
    ...motherAgeGroups.map((group) => group.label),
    printableAscii.join(''),
  ].join('');
  // Control and format characters (line breaks, the byte-order mark of a PDF text string) are never drawn.
  const chars = new Set([...text].filter((char) => !/[\p{Cc}\p{Cf}]/u.test(char)));
  return [...chars].sort((a, b) => (a.codePointAt(0) as number) - (b.codePointAt(0) as number));
}

/** The slice of fontkit's API this script uses (fontkit ships no types). */
interface FontkitFont {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  lineGap: number;
  capHeight: number;
  italicAngle: number;
  bbox: { minX: number; minY: number; maxX: number; maxY: number };
  glyphForCodePoint(codePoint: number): { id: number; advanceWidth: number };
  getGlyph(id: number): { advanceWidth: number };
  /** `glyphs`: the original id of each subset glyph, in subset order (components join at encode). */
  createSubset(): { includeGlyph(glyph: { id: number }): number; encode(): Uint8Array; glyphs: number[] };
}

export function buildReportFont(chars: readonly string[], woff: Buffer) {
  const fontkit = createRequire(import.meta.url)('fontkit') as { create(data: Buffer): FontkitFont };
  // Unwrapped first: fontkit inflates a WOFF table on every glyph it reads (woff.ts).
  const font = fontkit.create(woffToSfnt(woff));
  const subset = font.createSubset();
  const glyphs: Record<string, number> = {};
  const missing: string[] = [];
  for (const char of chars) {
    const glyph = font.glyphForCodePoint(char.codePointAt(0) as number);
    if (glyph.id === 0) {
      missing.push(char);
      continue;
    }
    glyphs[char] = subset.includeGlyph(glyph);
  }
  if (missing.length) throw new Error(`Noto Sans SC has no glyph for: ${missing.join(' ')}`);
  const file = Buffer.from(subset.encode());
  const metrics: FontMetrics = {
    postscriptName: 'NotoSansSC-Regular',
    unitsPerEm: font.unitsPerEm,
    ascent: font.ascent,
    descent: font.descent,
    lineGap: font.lineGap,
    capHeight: font.capHeight,
    italicAngle: font.italicAngle,
    bbox: [font.bbox.minX, font.bbox.minY, font.bbox.maxX, font.bbox.maxY],
    glyphs,
    widths: subset.glyphs.map((id) => font.getGlyph(id).advanceWidth),
  };
  return { font: file, metrics };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const chars = reportCharset();
  const { font, metrics } = buildReportFont(chars, readFileSync(fontSourcePath));
  writeFileSync(fontAssetPath, font);
  writeFileSync(metricsAssetPath, `${JSON.stringify(metrics)}\n`);
  // Committed, so written as the linter formats it.
  spawnSync(join(root, 'node_modules/.bin/biome'), ['format', '--write', metricsAssetPath], {
    stdio: 'inherit',
  });
  console.log(
    `report font: ${chars.length} characters, ${metrics.widths.length} glyphs, ${font.length} bytes → ${fontAssetPath}`,
  );
}

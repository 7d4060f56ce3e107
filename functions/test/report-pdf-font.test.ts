import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fontAssetPath, metricsAssetPath, reportCharset } from '../../scripts/build-report-font';
import type { FontMetrics } from '../src/reports/pdf/font';

/**
 * The report font is subset at build time to the characters a report can contain
 * (decision 0043). Adding a Chinese word to functions/src/reports/** without rebuilding the
 * font would make a report throw at render time; this catches it in CI instead.
 */
const metrics = JSON.parse(readFileSync(metricsAssetPath, 'utf8')) as FontMetrics;
const missingFrom = (chars: readonly string[]) => chars.filter((char) => metrics.glyphs[char] === undefined);
const scratch = mkdtempSync(join(tmpdir(), 'hongjia-report-charset-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the report font', () => {
  it('has a glyph for every character the report sources and labels can print', () => {
    const missing = missingFrom(reportCharset());
    expect(
      missing,
      `the report font lacks ${missing.map((char) => JSON.stringify(char)).join(' ')}: run npm run build:report-font and commit functions/assets/`,
    ).toEqual([]);
  });

  it('collects string and template literals but not comments', () => {
    writeFileSync(
      join(scratch, 'words.ts'),
      ['// 注释', "export const a = '鑫';", 'export const b = (n: number) => `淼$' + '{n}焱`;', ''].join(
        '\n',
      ),
    );
    const chars = reportCharset(scratch);
    expect(chars).toEqual(expect.arrayContaining(['鑫', '淼', '焱', '东', 'A', '7']));
    expect(chars).not.toContain('注');
    expect(missingFrom(chars)).toEqual(['淼', '焱', '鑫']);
  });

  it('is the subset the metrics describe: one width per glyph of the font file', () => {
    const font = readFileSync(fontAssetPath);
    const tables = font.readUInt16BE(4);
    const maxp = Array.from({ length: tables }, (_, index) => 12 + index * 16).find(
      (record) => font.toString('latin1', record, record + 4) === 'maxp',
    );
    expect(maxp).toBeDefined();
    const numGlyphs = font.readUInt16BE(font.readUInt32BE((maxp as number) + 8) + 4);
    expect(metrics.widths).toHaveLength(numGlyphs);
    expect(font.length).toBeLessThan(400_000);
  });
});

import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { functionGroups } from '@hongjia/functions/manifest';
import { build } from 'esbuild';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, describe, expect, it } from 'vitest';
import { functionBundling, repoRoot } from '../lib/hongjia-function';

/**
 * The reports bundle reads its font beside the handler (the group's bundleAssets, decision
 * 0043). The integration tests render the report from source, where the font is read from
 * functions/assets/, so only a bundle built with the construct's own options, with the assets
 * copied as the construct copies them, shows the deployed renderer finds them. The bundle must
 * carry no PDF or font library (pdfkit, fontkit: decision 0043).
 */
const outDir = mkdtempSync(join(tmpdir(), 'hongjia-report-bundle-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('the reports bundle', () => {
  it('renders a PDF with Chinese text from the bundled renderer', async () => {
    const outfile = join(outDir, 'pdf.mjs');
    const result = await build({
      absWorkingDir: repoRoot,
      entryPoints: [join(repoRoot, 'functions/src/reports/pdf.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: functionBundling.target,
      minify: functionBundling.minify,
      mainFields: [...functionBundling.mainFields],
      banner: { js: functionBundling.banner },
      external: [...functionBundling.externalModules],
      metafile: true,
      logLevel: 'error',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(
      inputs.filter((input) => /node_modules\/(pdfkit|fontkit|svg-to-pdfkit|brotli)\//.test(input)),
    ).toEqual([]);

    writeFileSync(join(outDir, 'package.json'), '{"type":"module"}');
    // The font beside the handler, as the construct copies it (the group's bundleAssets).
    const assets = functionGroups.find((group) => group.name === 'reports')?.bundleAssets ?? [];
    for (const asset of assets) copyFileSync(join(repoRoot, asset.from), join(outDir, basename(asset.from)));
    const { renderPdf } = (await import(
      pathToFileURL(outfile).href
    )) as typeof import('../../functions/src/reports/pdf');
    // A section as the chart code makes it (its figure of shapes), whatever else the type carries.
    const section = {
      title: '出生人数',
      figure: {
        width: 640,
        height: 260,
        shapes: [{ kind: 'text', x: 10, y: 20, text: '二孩', size: 12, fill: '#333333', anchor: 'start' }],
      },
      table: { head: ['年份', '出生'], rows: [['2022', 1234]] },
    } as unknown as Parameters<typeof renderPdf>[0]['sections'][number];
    const bytes = await renderPdf(
      {
        title: '东湖区人口形势分析报告',
        subtitle: '2022 年',
        commentary: ['出生人数较上年减少。'],
        sections: [section],
        footer: '数据来源：医院分娩、出生医学证明。',
      },
      new Date('2026-12-01T00:00:00Z'),
    );
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
    expect(text).toContain('东湖区人口形势分析报告');
    expect(text).toContain('出生人数较上年减少');
    expect(text).toContain('二孩');
  }, 60_000);
});

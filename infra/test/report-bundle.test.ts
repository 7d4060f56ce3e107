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
 * The reports bundle stubs fontkit's WOFF2 decoder (`brotli/decompress.js`, ≈ 475 KiB; decision
 * 0026). The integration tests render the report from source, where the real decoder is there,
 * so only a bundle built with the construct's own aliases shows the stub is never reached: the
 * PDF renderer bundled that way must still write a PDF whose Chinese text extracts.
 */
const aliases = Object.fromEntries(
  Object.entries(functionBundling.esbuildArgs).map(([flag, target]) => [
    flag.replace('--alias:', ''),
    target,
  ]),
);
const outDir = mkdtempSync(join(tmpdir(), 'hongjia-report-bundle-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('the reports bundle without the WOFF2 decoder', () => {
  it('aliases brotli/decompress.js to the stub', () => {
    expect(aliases['brotli/decompress.js']).toMatch(/brotli-decompress-stub\.cjs$/);
  });

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
      alias: aliases,
      metafile: true,
      logLevel: 'error',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((input) => input.includes('brotli-decompress-stub'))).toBe(true);
    expect(inputs.some((input) => /node_modules\/brotli\//.test(input))).toBe(false);

    writeFileSync(join(outDir, 'package.json'), '{"type":"module"}');
    // The font beside the handler, as the construct copies it (the group's bundleAssets).
    const assets = functionGroups.find((group) => group.name === 'reports')?.bundleAssets ?? [];
    for (const asset of assets) copyFileSync(join(repoRoot, asset.from), join(outDir, basename(asset.from)));
    const { renderPdf } = (await import(
      pathToFileURL(outfile).href
    )) as typeof import('../../functions/src/reports/pdf');
    const figure = {
      width: 640,
      height: 260,
      shapes: [
        {
          kind: 'text' as const,
          x: 10,
          y: 20,
          text: '出生人数',
          size: 12,
          fill: '#333333',
          anchor: 'start' as const,
        },
      ],
    };
    const bytes = await renderPdf(
      {
        title: '东湖区人口形势分析报告',
        subtitle: '2022 年',
        commentary: ['出生人数较上年减少。'],
        sections: [{ title: '出生人数', figure, table: { head: ['年份', '出生'], rows: [['2022', 1234]] } }],
        footer: '洪家 · 南昌市卫生健康委员会',
      },
      new Date('2026-12-01T00:00:00Z'),
    );
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
    expect(text).toContain('东湖区人口形势分析报告');
    expect(text).toContain('出生人数较上年减少');
  }, 60_000);
});

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { woffToSfnt } from './woff';

/**
 * Noto Sans SC (SIL Open Font License) from @fontsource/noto-sans-sc: its
 * "chinese-simplified" file covers the GB 2312 characters and more, as WOFF
 * (zlib; unwrapped to plain sfnt once, woff.ts says why). The PDF embeds only
 * the glyphs a report uses (pdfkit subsets through fontkit), so a 1.5 MB font
 * costs the document tens of kilobytes. Deployed, the bundle carries the file
 * beside the handler (infra copies it after bundling, decision 0021); locally
 * it is read from node_modules.
 */
export const fontFileName = 'noto-sans-sc-chinese-simplified-400-normal.woff';
export const fontPackagePath = `@fontsource/noto-sans-sc/files/${fontFileName}`;

let cached: Buffer | undefined;

export function reportFont(): Buffer {
  if (cached) return cached;
  const beside = fileURLToPath(new URL(`./${fontFileName}`, import.meta.url));
  const path = existsSync(beside) ? beside : createRequire(import.meta.url).resolve(fontPackagePath);
  cached = woffToSfnt(readFileSync(path));
  return cached;
}

import { functionBundling } from '@hongjia/infra/hongjia-function';
import type { BuildOptions } from 'esbuild';

/**
 * esbuild options equal to what the CDK construct passes for a function
 * (infra/lib/hongjia-function.ts `functionBundling`), with a metafile: the
 * benches rebuild a bundle with these to see what is inside it.
 */
export const functionBuildOptions = {
  bundle: true,
  platform: 'node',
  format: functionBundling.format,
  target: functionBundling.target,
  minify: functionBundling.minify,
  sourcemap: functionBundling.sourceMap,
  sourcesContent: functionBundling.sourcesContent,
  mainFields: [...functionBundling.mainFields],
  banner: { js: functionBundling.banner },
  external: [...functionBundling.externalModules],
  metafile: true,
  logLevel: 'error',
} satisfies BuildOptions;

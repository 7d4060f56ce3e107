/**
 * Stands in for `brotli/decompress.js` in the function bundles (hongjia-function.ts
 * `functionBundling`, an esbuild alias). fontkit imports it for one thing: unpacking WOFF2 fonts.
 * Only the reports group bundles fontkit, and its font is WOFF 1.0 (zlib), unwrapped to plain
 * sfnt before fontkit sees it (functions/src/reports/woff.ts), so the decoder — ≈ 475 KiB of
 * Brotli dictionary and code — never runs (decision 0026). A WOFF2 font would fail loudly here.
 */
module.exports = function decompress() {
  throw new Error('WOFF2 fonts are not bundled: the report font must be WOFF 1.0 or sfnt (decision 0026)');
};

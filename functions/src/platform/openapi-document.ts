import { readFileSync } from 'node:fs';
import { bundleAssetPath } from '../commons/bundle-asset';

/**
 * The OpenAPI document as served: generated at build time from every route contract
 * (scripts/build-openapi.ts → functions/assets/openapi.json), not at run time. Building it
 * needs all ≈ 200 contracts' zod schemas, and constructing those at import made the platform
 * group the slowest cold start (≈ 146 ms against the 100 ms budget, decision 0026); the health
 * check and this document need none of them. Deployed, the file sits beside the handler (the
 * group's bundleAssets); locally it is read from functions/assets/. A unit test fails when the
 * committed file differs from what the contracts generate.
 */
export const openApiFileName = 'openapi.json';

let cached: Record<string, unknown> | undefined;

export function openApiDocument(): Record<string, unknown> {
  if (cached) return cached;
  cached = JSON.parse(readFileSync(bundleAssetPath(openApiFileName), 'utf8')) as Record<string, unknown>;
  return cached;
}

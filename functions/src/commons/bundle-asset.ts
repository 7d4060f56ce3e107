import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The path of a file a group reads at run time (its manifest `bundleAssets`: the report font,
 * the OpenAPI document). Deployed, infra copies it beside the bundled handler, which is where
 * this module's code then lives; run from source (tests, `npm start`), it is read from
 * functions/assets/.
 */
export function bundleAssetPath(name: string): string {
  const beside = fileURLToPath(new URL(`./${name}`, import.meta.url));
  return existsSync(beside) ? beside : fileURLToPath(new URL(`../../assets/${name}`, import.meta.url));
}

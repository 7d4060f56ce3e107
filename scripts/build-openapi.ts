import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { api } from '@hongjia/shared';
import { openApiJson } from '../functions/src/platform/openapi';

/**
 * Writes the OpenAPI document the platform group serves (functions/src/platform/openapi-document.ts
 * says why it is built here and not at run time). `npm run build:openapi` after changing a route
 * contract; functions/test/openapi.test.ts fails, naming this command, while the file is stale.
 */
const target = fileURLToPath(new URL('../functions/assets/openapi.json', import.meta.url));
writeFileSync(target, openApiJson(api));
console.log(`wrote ${target}`);

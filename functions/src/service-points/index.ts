/**
 * The public entry of service-points: what other capabilities may use of it (the import rule,
 * functions/test/import-rules.test.ts). Anything not listed here is its own business.
 */
export { createServicePointEntity, type ServicePointEntity } from './entities';

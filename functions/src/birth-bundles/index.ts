/**
 * The public entry of birth-bundles: what other capabilities may use of it (the import rule,
 * functions/test/import-rules.test.ts). Anything not listed here is its own business.
 */
export { agenciesFromEnv } from './agencies/from-env';
export { type AgencyAdapter, AgencyError } from './agencies/types';
export { maxAttempts } from './backoff';
export {
  type BundleEntity,
  type BundleItem,
  createBundleEntity,
  createOutboxEntity,
  type OutboxEntity,
  type OutboxItem,
  outboxShards,
} from './entities';
export { type BirthDetails, payloadFor } from './payloads';
export { bundleDetailsField } from './service';

/**
 * The public entry of families: what other capabilities may use of it (the import rule,
 * functions/test/import-rules.test.ts). Anything not listed here is its own business.
 */
export { createRecordAuditor } from './audit';
export { coverView } from './critical-illness-cover';
export {
  createFamilyEntities,
  createIdentityEntity,
  type FamilyEntities,
  type IdentityEntity,
} from './entities';
export { sealedFields } from './fields';
export {
  createMembershipLookup,
  familyLabel,
  type IdentityRecord,
  type MembershipLookup,
} from './membership';
export { proxyConsentFor } from './proxy';
export { type FamilyChild, openRecord, type SpecialFamilyRecord } from './sealed-record';

/**
 * The public entry of families: what other capabilities may use of it (the import rule,
 * functions/test/import-rules.test.ts). Anything not listed here is its own business.
 */
export { createRecordAuditor, type RecordAuditor } from './audit';
export { coverView } from './critical-illness-cover';
export {
  createFamilyEntities,
  createIdentityEntity,
  type FamilyEntities,
  type IdentityEntity,
} from './entities';
/** The staff update path, which family-supplied proof writes through once approved (decision 0039). */
export { createFamilyService, type FamilyService } from './family-service';
export { sealedFields } from './fields';
export {
  createMembershipLookup,
  familyLabel,
  type IdentityRecord,
  type MembershipLookup,
} from './membership';
export { createMyFamilyService } from './my-family-service';
export { proxyConsentFor } from './proxy';
export { type FamilyChild, openRecord, type SpecialFamilyRecord } from './sealed-record';

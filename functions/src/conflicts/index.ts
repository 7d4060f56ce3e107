/**
 * The public entry of conflicts: what other capabilities may use of it (the import rule,
 * functions/test/import-rules.test.ts). Anything not listed here is its own business.
 */
export { type ConflictParties, createConflictDesk } from './desk';
export { type ConflictEntity, type ConflictItem, createConflictEntity } from './entity';
export { type ConflictEvidence, createConflictEvidence } from './evidence';
export { type ConflictRecords, conflictPending, createConflictRecords } from './records';
export { sealSide } from './sealing';
export { conflictEvidenceOver, createConflictWiring } from './wiring';

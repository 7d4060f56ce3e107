/**
 * The public entry of subsidies: what other capabilities may use of it (the import rule,
 * functions/test/import-rules.test.ts). Anything not listed here is its own business.
 */
export { createSubsidyEntity, type SubsidyEntity } from './entity';
export { createSubsidyRecords, type SubsidyRecords } from './records';
export { type RenewalReminderReport, remindRenewals } from './reminder';

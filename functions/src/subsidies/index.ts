/**
 * The public entry of subsidies: what other capabilities may use of it (the import rule,
 * functions/test/import-rules.test.ts). Anything not listed here is its own business.
 */

// 育儿补贴 filed from a 出生一件事 bundle by the outbox worker (decision 0035).
export type { SubsidyApplication } from './application';
export { createSubsidyEntity, type SubsidyEntity } from './entity';
export { createSubsidyRecords, type SubsidyRecords } from './records';
export { type RenewalReminderReport, remindRenewals } from './reminder';
export { createSubsidyServices, type SubsidiesDeps } from './services';

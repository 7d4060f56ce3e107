/**
 * The public entry of registration: what other capabilities may use of it (the import rule,
 * functions/test/import-rules.test.ts). Anything not listed here is its own business.
 */
export { createRegistrationEntity, type RegistrationEntity, type RegistrationItem } from './entity';

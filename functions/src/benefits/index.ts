/**
 * The public entry of benefits: what other capabilities may use of it (the import rule,
 * functions/test/import-rules.test.ts). Anything not listed here is its own business.
 */

export { type BenefitEntities, createPolicyVersionEntity } from './entities';
export { createPolicyStore, type PolicyStore } from './policy-store';

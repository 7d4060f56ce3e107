/**
 * The public entry of assistance: what other capabilities may use of it (the import rule,
 * functions/test/import-rules.test.ts). Sign-in asks which social organisation an account
 * works for (decision 0035).
 */
export {
  createVolunteerEntities,
  organisationIdOf,
  type VolunteerEntities,
} from './volunteers/entities';

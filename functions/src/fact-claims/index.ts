/**
 * The public entry of fact-claims: what other capabilities may use of it (the import rule,
 * functions/test/import-rules.test.ts). Anything not listed here is its own business.
 */
export { createFactClaimEntity, type FactClaimEntity } from './entity';
export { createFactClaimRoutes } from './routes';

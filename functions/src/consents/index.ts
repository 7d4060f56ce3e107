/**
 * The public entry of consents: what other capabilities may use of it (the import rule,
 * functions/test/import-rules.test.ts) — whether a user gave a consent of a kind.
 */
export { type ConsentEntity, consentGivenAt, createConsentEntity } from './consents';

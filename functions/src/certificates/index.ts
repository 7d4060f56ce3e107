/**
 * The public entry of certificates: what other capabilities may use of it (the import rule,
 * functions/test/import-rules.test.ts). Anything not listed here is its own business.
 */
export { type CertificateEntity, type CertificateItem, createCertificateEntity } from './entity';
export {
  type CertificateItems,
  createCertificateItems,
  issueCertificateWithCode,
  type NewCertificate,
  revokeCertificateItem,
  type VerificationEntity,
} from './verification';

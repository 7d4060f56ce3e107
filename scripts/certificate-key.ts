/**
 * `npm run keys:certificate`: prints a new Ed25519 private JWK for signing
 * certificate QR payloads, to put into the stack's CertSigningKey secret
 * (`aws secretsmanager put-secret-value --secret-id <CertSigningKeyArn> --secret-string '<json>'`).
 */
import { generateSigningJwk } from '@hongjia/functions/certificates/signing';

const kid = process.argv[2] ?? `cert-${new Date().toISOString().slice(0, 10)}`;
console.log(JSON.stringify(await generateSigningJwk(kid)));

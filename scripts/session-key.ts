/**
 * `npm run keys:session [kid]`: prints a new Ed25519 session key pair (decision 0017).
 * First put the public set into the stack's SessionVerifyKeys secret — during a
 * rotation, with the old public key still in it (`{"keys":[new, old]}`) — then the
 * private JWK into SessionSigningKey:
 *   aws secretsmanager put-secret-value --secret-id <SessionVerifyKeysArn> --secret-string '<public>'
 *   aws secretsmanager put-secret-value --secret-id <SessionSigningKeyArn> --secret-string '<private>'
 * Drop the old public key two hours later (the session lifetime).
 */
import { generateSessionKeyPair } from '@hongjia/functions/commons/session';

const kid = process.argv[2] ?? `session-${new Date().toISOString().slice(0, 10)}`;
const { privateJwk, publicJwks } = await generateSessionKeyPair(kid);
console.log(`public (SessionVerifyKeys):  ${JSON.stringify(publicJwks)}`);
console.log(`private (SessionSigningKey): ${JSON.stringify(privateJwk)}`);

import { createHash } from 'node:crypto';
import { envNames, getOptionalStringFromEnv } from '../env';
import { readSecret } from '../secrets';
import { createPiiCipher, type PiiCipher } from './cipher';
import { kmsDataKeys, localDataKeys } from './keys';

export type { PiiCipher } from './cipher';
export { createPiiCipher } from './cipher';
export { familyOfField, type LookupPurpose, type PiiFamily, piiFamilies } from './families';
export { localDataKeys } from './keys';

let cipher: Promise<PiiCipher> | undefined;

/**
 * The process's PII cipher. Deployed: data keys from KMS (PII_KMS_KEY_ID), the
 * look-up HMAC key from Secrets Manager (PII_LOOKUP_SECRET_ARN, set only on the
 * groups that declare `piiLookup`). Locally: both from one master secret in the
 * data dir (PII_MASTER_KEY), split by purpose.
 */
export function piiCipher(): Promise<PiiCipher> {
  cipher ??= (async () => {
    const kmsKeyId = getOptionalStringFromEnv(envNames.piiKmsKeyId);
    if (kmsKeyId) {
      const lookupSecret = getOptionalStringFromEnv(envNames.piiLookupSecretArn)
        ? await readSecret(envNames.piiLookupSecretArn, envNames.piiMasterKey)
        : undefined;
      return createPiiCipher(
        kmsDataKeys(kmsKeyId),
        lookupSecret === undefined ? undefined : derive(lookupSecret, 'lookup'),
      );
    }
    const master = getOptionalStringFromEnv(envNames.piiMasterKey);
    if (!master) throw new Error(`Neither ${envNames.piiKmsKeyId} nor ${envNames.piiMasterKey} is set`);
    return createPiiCipher(localDataKeys(derive(master, 'wrap')), derive(master, 'lookup'));
  })();
  return cipher;
}

function derive(secret: string, purpose: string): Buffer {
  return createHash('sha256').update(`hongjia-pii:${purpose}:${secret}`).digest();
}

/** Stored idempotent responses sealed like any personal field (see router `sealStoredResponses`). */
export const piiResponseSealer = {
  seal: async (json: string) => (await piiCipher()).seal(json, 'idempotency.response'),
  open: async (sealed: string) => (await piiCipher()).open(sealed, 'idempotency.response'),
};

import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { KMSClient } from '@aws-sdk/client-kms';
import { encryptionContextFamilyKey, encryptionContextPurpose, type PiiFamily } from './families';

/**
 * Where data keys come from. Envelope encryption: each process encrypts with a
 * data key it asked the master key for; the master key (KMS in deployed
 * stacks) never leaves its service, and the wrapped data key travels with
 * every sealed value so any function allowed that family can unwrap it again.
 * A data key is bound to its field family; `unwrap` without a family opens the
 * keys of `pii1` values, which were wrapped before families existed.
 */
export interface DataKeySource {
  generate(family: PiiFamily): Promise<{ plaintext: Buffer; wrapped: Buffer }>;
  unwrap(wrapped: Buffer, family: PiiFamily | undefined): Promise<Buffer>;
}

const purpose = { purpose: encryptionContextPurpose };

/** The KMS encryption context of a family's data keys (`pii1` keys: the purpose alone). */
export function encryptionContextOf(family: PiiFamily | undefined): Record<string, string> {
  return family ? { ...purpose, [encryptionContextFamilyKey]: family } : { ...purpose };
}

/** The KMS SDK, loaded at the first data key a process asks for (not at import: decision 0026). */
const kmsSdk = () => import('@aws-sdk/client-kms');

/**
 * Deployed: AWS KMS GenerateDataKey / Decrypt under the stack's PII key, one context per family.
 * The client (and the SDK module) comes at the first request that seals or opens a value.
 */
export function kmsDataKeys(keyId: string, given?: KMSClient): DataKeySource {
  let client = given;
  const kms = async () => {
    const sdk = await kmsSdk();
    client ??= new sdk.KMSClient({});
    return { client, sdk };
  };
  return {
    async generate(family) {
      const { client, sdk } = await kms();
      const answer = await client.send(
        new sdk.GenerateDataKeyCommand({
          KeyId: keyId,
          KeySpec: 'AES_256',
          EncryptionContext: encryptionContextOf(family),
        }),
      );
      if (!answer.Plaintext || !answer.CiphertextBlob) throw new Error('KMS returned no data key');
      return { plaintext: Buffer.from(answer.Plaintext), wrapped: Buffer.from(answer.CiphertextBlob) };
    },
    async unwrap(wrapped, family) {
      const { client, sdk } = await kms();
      const answer = await client.send(
        new sdk.DecryptCommand({
          KeyId: keyId,
          CiphertextBlob: wrapped,
          EncryptionContext: encryptionContextOf(family),
        }),
      );
      if (!answer.Plaintext) throw new Error('KMS could not unwrap the data key');
      return Buffer.from(answer.Plaintext);
    },
  };
}

/**
 * Local runtime and tests: a master key from the data dir wraps data keys with
 * AES-256-GCM — the same envelope shape as KMS, without the network. The
 * family is the wrap's associated data, as the encryption context is for KMS:
 * a key wrapped for one family does not unwrap as another.
 */
export function localDataKeys(masterKey: Buffer): DataKeySource {
  if (masterKey.length !== 32) throw new Error('The local PII master key must be 32 bytes');
  return {
    async generate(family) {
      const plaintext = randomBytes(32);
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', masterKey, iv);
      cipher.setAAD(Buffer.from(`hongjia-pii:${family}`));
      const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
      return { plaintext, wrapped: Buffer.concat([iv, body, cipher.getAuthTag()]) };
    },
    async unwrap(wrapped, family) {
      const decipher = createDecipheriv('aes-256-gcm', masterKey, wrapped.subarray(0, 12));
      if (family) decipher.setAAD(Buffer.from(`hongjia-pii:${family}`));
      decipher.setAuthTag(wrapped.subarray(wrapped.length - 16));
      return Buffer.concat([decipher.update(wrapped.subarray(12, wrapped.length - 16)), decipher.final()]);
    },
  };
}

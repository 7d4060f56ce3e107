import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { DecryptCommand, GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';

/**
 * Where data keys come from. Envelope encryption: each process encrypts with a
 * data key it asked the master key for; the master key (KMS in deployed
 * stacks) never leaves its service, and the wrapped data key travels with
 * every sealed value so any function can unwrap it again.
 */
export interface DataKeySource {
  generate(): Promise<{ plaintext: Buffer; wrapped: Buffer }>;
  unwrap(wrapped: Buffer): Promise<Buffer>;
}

/** Deployed: AWS KMS GenerateDataKey / Decrypt under the stack's PII key. */
export function kmsDataKeys(keyId: string, client = new KMSClient({})): DataKeySource {
  const context = { purpose: 'hongjia-pii' };
  return {
    async generate() {
      const answer = await client.send(
        new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_256', EncryptionContext: context }),
      );
      if (!answer.Plaintext || !answer.CiphertextBlob) throw new Error('KMS returned no data key');
      return { plaintext: Buffer.from(answer.Plaintext), wrapped: Buffer.from(answer.CiphertextBlob) };
    },
    async unwrap(wrapped) {
      const answer = await client.send(
        new DecryptCommand({ KeyId: keyId, CiphertextBlob: wrapped, EncryptionContext: context }),
      );
      if (!answer.Plaintext) throw new Error('KMS could not unwrap the data key');
      return Buffer.from(answer.Plaintext);
    },
  };
}

/**
 * Local runtime and tests: a master key from the data dir wraps data keys with
 * AES-256-GCM — the same envelope shape as KMS, without the network.
 */
export function localDataKeys(masterKey: Buffer): DataKeySource {
  if (masterKey.length !== 32) throw new Error('The local PII master key must be 32 bytes');
  return {
    async generate() {
      const plaintext = randomBytes(32);
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', masterKey, iv);
      const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
      return { plaintext, wrapped: Buffer.concat([iv, body, cipher.getAuthTag()]) };
    },
    async unwrap(wrapped) {
      const decipher = createDecipheriv('aes-256-gcm', masterKey, wrapped.subarray(0, 12));
      decipher.setAuthTag(wrapped.subarray(wrapped.length - 16));
      return Buffer.concat([decipher.update(wrapped.subarray(12, wrapped.length - 16)), decipher.final()]);
    },
  };
}
